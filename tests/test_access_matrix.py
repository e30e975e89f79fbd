"""Every role × action × unit relation, through the Engine, on SQLite and PostgreSQL.

The table below is the specification: a user records acts, takes numbers and signs
checkpoints only in their own unit; leaders and statistics officers read the units under
theirs; administrators manage the users of their unit and the units under it; nobody acts in
a sibling or a superior unit. A refused wish raises AccessDenied and is recorded.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from datetime import date

import pytest
import sqlalchemy as sa

from access_world import (
    PROVINCE,
    REGION,
    ROLES,
    SIBLING,
    enrol_everyone,
    login,
    new_ref,
    receive,
    report_in,
)
from conftest import postgres_url
from qlahs.access.actor import AccessDenied
from qlahs.access.users import profile_of
from qlahs.audit.checkpoint import new_key, private_key
from qlahs.engine import Engine
from qlahs.oversight import access_admin as admin
from qlahs.oversight.ledger import make_checkpoint, verify
from qlahs.oversight.refusals import refusals
from qlahs.oversight.trail import history

OWN, SUBORDINATE, SIBLING_UNIT, SUPERIOR = "own", "subordinate", "sibling", "superior"
RELATIONS = {  # relation → (the user's unit, the unit touched)
    OWN: (REGION, REGION),
    SUBORDINATE: (PROVINCE, REGION),
    SIBLING_UNIT: (REGION, SIBLING),
    SUPERIOR: (REGION, PROVINCE),
}
BOTH = {OWN, SUBORDINATE}

ALLOWED: dict[str, dict[str, set[str]]] = {
    "van_thu": {"receive": {OWN}, "number": {OWN}, "read": {OWN}, "list": {OWN}},
    "kiem_sat_vien": {
        "receive": {OWN},
        "decide": {OWN},
        "number": {OWN},
        "read": {OWN},
        "list": {OWN},
        "audit": {OWN},
    },
    "lanh_dao": {
        "receive": {OWN},
        "decide": {OWN},
        "assign_prosecutor": {OWN},
        "classify": {OWN},
        "number": {OWN},
        "read": BOTH,
        "list": BOTH,
        "audit": BOTH,
        "sign": {OWN},
    },
    "thong_ke": {"read": BOTH, "list": BOTH},
    "quan_tri": {"enrol": BOTH, "sign": {OWN}},
}

_SECRET = private_key(new_key()[0])


def _receive(user: Engine, system: Engine, unit: str) -> None:
    user.execute(receive(new_ref(), unit))


def _decide(user: Engine, system: Engine, unit: str) -> None:
    user.execute(
        {
            "do": "report.decide",
            "ref": report_in(system, unit),
            "on": "2025-03-10",
            "with": {"outcome": "khong_khoi_to"},
        }
    )


def _assign_prosecutor(user: Engine, system: Engine, unit: str) -> None:
    user.execute(
        {
            "do": "report.assign_prosecutor",
            "ref": report_in(system, unit),
            "on": "2025-03-04",
            "with": {"prosecutor": "Kiểm sát viên A"},
        }
    )


def _classify(user: Engine, system: Engine, unit: str) -> None:
    admin.classify(user, "report", report_in(system, unit), 1, "Vụ việc có yếu tố bí mật")


def _number(user: Engine, system: Engine, unit: str) -> None:
    user.execute(
        {
            "do": "number.issue",
            "on": "2025-03-05",
            "unit": unit,
            "with": {"series": "CV", "title": "Công văn", "signer": "Lãnh đạo"},
        }
    )


def _read(user: Engine, system: Engine, unit: str) -> None:
    assert user.history("report", report_in(system, unit))


def _list(user: Engine, system: Engine, unit: str) -> None:
    ref = report_in(system, unit)
    assert ref in {d.ref for d in user.deadlines(date(2025, 3, 5), unit=unit)}


def _audit(user: Engine, system: Engine, unit: str) -> None:
    assert history(user, report_in(system, unit))


def _enrol(user: Engine, system: Engine, unit: str) -> None:
    name = f"nguoi.moi.{uuid.uuid4().hex[:8]}"
    fields = {"name": "Người mới", "unit": unit, "roles": ["van_thu"]}
    admin.enrol(user, name, profile_of(name, fields))


def _sign(user: Engine, system: Engine, unit: str) -> None:
    make_checkpoint(user, unit, _SECRET)


ACTIONS: dict[str, Callable[[Engine, Engine, str], None]] = {
    "receive": _receive,
    "decide": _decide,
    "assign_prosecutor": _assign_prosecutor,
    "classify": _classify,
    "number": _number,
    "read": _read,
    "list": _list,
    "audit": _audit,
    "enrol": _enrol,
    "sign": _sign,
}


@pytest.fixture(
    scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
)
def system(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Engine]:
    """One store per kind for the whole table, with every user enrolled."""
    if request.param == "sqlite":
        url, drop = f"sqlite:///{tmp_path_factory.mktemp('access')}/q.db", None
    else:
        base = postgres_url()
        schema = f"qlahs_t_{uuid.uuid4().hex[:12]}"
        url, drop = f"{base}{'&' if '?' in base else '?'}schema={schema}", (base, schema)
    with Engine.open(url) as engine:
        enrol_everyone(engine, clearance=1)
        yield engine
    if drop is not None:
        sql = sa.create_engine(drop[0].replace("postgresql://", "postgresql+psycopg://", 1))
        with sql.begin() as connection:
            connection.execute(sa.text(f'DROP SCHEMA IF EXISTS "{drop[1]}" CASCADE'))
        sql.dispose()


CASES = [
    pytest.param(role, action, relation, id=f"{role}-{action}-{relation}")
    for role in ROLES
    for action in ACTIONS
    for relation in RELATIONS
]


@pytest.mark.parametrize(("role", "action", "relation"), CASES)
def test_each_role_may_do_each_action_only_where_the_table_says(
    system: Engine, role: str, action: str, relation: str
) -> None:
    home, touched = RELATIONS[relation]
    user = system.as_user(login(role, home))
    allowed = relation in ALLOWED[role].get(action, set())
    if allowed:
        ACTIONS[action](user, system, touched)
    else:
        with pytest.raises(AccessDenied):
            ACTIONS[action](user, system, touched)


@pytest.mark.parametrize("role", ROLES)
def test_verifying_the_chain_is_for_leaders_and_administrators(system: Engine, role: str) -> None:
    user = system.as_user(login(role, REGION))
    if role in ("lanh_dao", "quan_tri"):
        assert verify(user).intact
    else:
        with pytest.raises(AccessDenied, match="kiểm tra chuỗi băm"):
            verify(user)


def test_a_refusal_is_recorded_with_who_asked_what_and_why(system: Engine) -> None:
    ref = report_in(system, SIBLING)
    clerk = system.as_user(login("van_thu", REGION))
    with pytest.raises(AccessDenied, match="Trường 'unit'") as refused:
        clerk.history("report", ref)
    found = [r for r in refusals(system) if r["ref"] == ref]
    assert len(found) == 1
    assert (found[0]["user"], found[0]["actor_unit"], found[0]["unit"]) == (
        login("van_thu", REGION),
        REGION,
        SIBLING,
    )
    assert found[0]["reason"] == str(refused.value)


def test_a_leader_reads_the_refusals_of_the_units_under_theirs_only(system: Engine) -> None:
    ref = report_in(system, PROVINCE)
    with pytest.raises(AccessDenied):
        system.as_user(login("kiem_sat_vien", REGION)).history("report", ref)
    seen = refusals(system.as_user(login("lanh_dao", PROVINCE)))
    assert ref in {r["ref"] for r in seen}
    with pytest.raises(AccessDenied):
        refusals(system.as_user(login("lanh_dao", REGION)), unit=PROVINCE)


def test_lists_without_a_unit_hold_only_the_units_a_user_reaches(system: Engine) -> None:
    refs = {unit: report_in(system, unit) for unit in (PROVINCE, REGION, SIBLING)}
    day = date(2025, 3, 5)
    regional = {d.ref for d in system.as_user(login("kiem_sat_vien", REGION)).deadlines(day)}
    provincial = {d.ref for d in system.as_user(login("lanh_dao", PROVINCE)).deadlines(day)}
    assert refs[REGION] in regional and not {refs[PROVINCE], refs[SIBLING]} & regional
    assert set(refs.values()) <= provincial
