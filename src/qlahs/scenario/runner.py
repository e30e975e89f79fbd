"""Runs scenarios against a fresh engine and checks what the law says on the given days.

The units the steps record for are established first, on the day of the earliest step, when
the organisation does not know them (scenario/units.py)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from typing import Any

import sqlalchemy as sa

from qlahs.engine import Engine
from qlahs.kernel.dates import day_of, from_iso
from qlahs.kernel.errors import CommandRejected
from qlahs.law.deadlines import iso
from qlahs.scenario.format import Check, Scenario
from qlahs.scenario.units import establish_units
from qlahs.store import locate


@contextmanager
def fresh_engine(url: str, default_unit: str) -> Iterator[Engine]:
    """A new, empty engine of the kind the URL names: a temporary SQLite file, or a new
    PostgreSQL schema that is dropped afterwards."""
    location = locate(url)
    if not location.is_postgres:
        with Engine.open(
            "sqlite:///:memory:", default_unit=default_unit, default_actor="kịch bản"
        ) as engine:
            yield engine
        return
    schema = f"qlahs_s_{uuid.uuid4().hex[:12]}"
    separator = "&" if "?" in url else "?"
    scoped = f"{url}{separator}schema={schema}"
    try:
        with Engine.open(scoped, default_unit=default_unit, default_actor="kịch bản") as engine:
            yield engine
    finally:
        admin = sa.create_engine(location.sql_url)
        with admin.begin() as connection:
            connection.execute(sa.text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        admin.dispose()


def run(
    scenario: Scenario, url: str = "sqlite:///:memory:", at: date | None = None
) -> dict[str, Any]:
    """The JSON document of SCENARIOS.md for one scenario."""
    with fresh_engine(url, scenario.unit or "VKS") as engine:
        establish_units(engine, units_of(scenario), min(day_of(s.on) for s in scenario.steps))
        steps = []
        steps_ok = True
        for index, step in enumerate(scenario.steps):
            error = None
            try:
                engine.execute(step.as_command())
                accepted = True
            except CommandRejected as rejection:
                accepted, error = False, str(rejection)
            if accepted == step.rejected:
                steps_ok = False
                if accepted:
                    error = "Bước này phải bị từ chối (rejected: true) nhưng đã được ghi nhận."
            steps.append(
                {
                    "index": index,
                    "do": step.do,
                    "ref": step.ref,
                    "accepted": accepted,
                    "error": error,
                    "expected_rejection": step.rejected,
                }
            )
        if at is not None:
            checks = [_judged(engine, Check(at=at), compare=False)]
            passed: bool | None = None
        else:
            checks = [_judged(engine, check, compare=True) for check in scenario.expect]
            passed = steps_ok and all(c["passed"] for c in checks)
    return {
        "name": scenario.name,
        "file": scenario.file,
        "passed": passed,
        "steps": steps,
        "checks": checks,
    }


def units_of(scenario: Scenario) -> list[str | None]:
    """The units the scenario's steps record for, but those a step itself establishes."""
    founded = {step.ref for step in scenario.steps if step.do == "unit.establish"}
    used = [scenario.unit or "VKS", *(step.unit for step in scenario.steps)]
    return [code for code in used if code not in founded]


def _judged(engine: Engine, check: Check, *, compare: bool) -> dict[str, Any]:
    deadlines = [d.to_json() for d in engine.deadlines(as_of=check.at)]
    violations = [v.to_json() for v in engine.violations(as_of=check.at)]
    failures: list[str] = []
    if compare:
        failures += _compare("deadlines", "thời hạn", check.deadlines, deadlines)
        failures += _compare("violations", "vi phạm", check.violations, violations)
    return {
        "at": check.at.isoformat(),
        "passed": (not failures) if compare else None,
        "failures": failures,
        "deadlines": deadlines,
        "violations": violations,
    }


def _compare(
    key: str, noun: str, expected: list[dict[str, Any]] | None, actual: list[dict[str, Any]]
) -> list[str]:
    if expected is None:
        return []
    if not expected:
        if actual:
            found = "; ".join(_brief(item) for item in actual)
            return [f"{key}: mong đợi không có {noun} nào, nhưng có {len(actual)}: {found}"]
        return []
    failures = []
    unused = list(actual)
    for item in expected:
        match = next((a for a in unused if _matches(item, a)), None)
        if match is None:
            near = [
                a
                for a in actual
                if a.get("ref") == item.get("ref") and a.get("rule") == item.get("rule")
            ]
            seen = "; ".join(_brief(a) for a in near) or "không có"
            failures.append(f"{key}: không tìm thấy {noun} {_show(item)} — tính được: {seen}")
        else:
            unused.remove(match)
    return failures


def _matches(expected: dict[str, Any], actual: dict[str, Any]) -> bool:
    for key, want in expected.items():
        have = actual.get(key)
        if isinstance(want, datetime | date):
            if not _same_time(want, have):
                return False
        elif isinstance(want, str) and isinstance(have, str) and _looks_like_date(want):
            try:
                if not _same_time(from_iso(want), have):
                    return False
            except ValueError:  # '2025-02-1x' is no date: the check fails, the run goes on
                return False
        elif want != have:
            return False
    return True


def _same_time(want: date, have: Any) -> bool:
    if not isinstance(have, str):
        return False
    if isinstance(want, datetime):
        return have == iso(want)
    # A date matches a computed date-time on the same day (hour-based limits).
    return have[:10] == want.isoformat()


def _looks_like_date(text: str) -> bool:
    return len(text) >= 10 and text[4] == "-" and text[7] == "-" and text[:4].isdigit()


def _show(item: dict[str, Any]) -> str:
    return "{" + ", ".join(f"{k}: {v}" for k, v in item.items()) + "}"


def _brief(item: dict[str, Any]) -> str:
    keys = ("ref", "rule", "kind", "due", "status", "days_overdue")
    return (
        "{" + ", ".join(f"{k}: {item[k]}" for k in keys if k in item and item[k] is not None) + "}"
    )
