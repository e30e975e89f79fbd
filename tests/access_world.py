"""A province (VKSQN) with two regional units (VKSKV1, VKSKV2) and one user of every role in
the province and in VKSKV1, shared by the access tests."""

from __future__ import annotations

import itertools
from typing import Any

from qlahs.access.users import profile_of
from qlahs.engine import Engine
from qlahs.oversight import access_admin as admin

PROVINCE, REGION, SIBLING = "VKSQN", "VKSKV1", "VKSKV2"
ROLES = ("van_thu", "kiem_sat_vien", "lanh_dao", "thong_ke", "quan_tri")
_refs = itertools.count(1)


def login(role: str, unit: str) -> str:
    return f"{role}.{unit.lower()}"


def enrol_everyone(engine: Engine, clearance: int = 0) -> None:
    for role, unit in itertools.product(ROLES, (PROVINCE, REGION)):
        name = f"Cán bộ {role} {unit}"
        fields = {"name": name, "unit": unit, "roles": [role], "clearance": clearance}
        admin.enrol(engine, login(role, unit), profile_of(login(role, unit), fields))


def new_ref(prefix: str = "TB") -> str:
    return f"{prefix}{next(_refs):05d}"


def receive(ref: str, unit: str | None = None, on: str = "2025-03-03") -> dict[str, Any]:
    step: dict[str, Any] = {
        "do": "report.receive",
        "ref": ref,
        "on": on,
        "with": {"source": "tin_bao", "received_by": "CQDT", "reporter": "Lê Văn Tố"},
    }
    if unit is not None:
        step["unit"] = unit
    return step


def report_in(system: Engine, unit: str) -> str:
    ref = new_ref()
    system.execute(receive(ref, unit))
    return ref
