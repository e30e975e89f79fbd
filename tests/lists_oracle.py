"""The deadline and violation lists as they were answered before the database filtered and
paged them: every version valid on the day read back, then judged and filtered in Python.
The tests compare the SQL answers with it, and the list benchmark measures it as the
baseline."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import sqlalchemy as sa

from qlahs.law.deadlines import Deadline, Violation, missing
from qlahs.projections import tables as t
from qlahs.projections.rows import deadline_of, violation_of


def deadlines(
    connection: sa.Connection,
    as_of: date,
    *,
    unit: str | None = None,
    ref: str | None = None,
    rule: str | None = None,
) -> list[Deadline]:
    dv = t.deadline_versions
    query = sa.select(dv).where(
        dv.c.valid_from <= as_of,
        sa.or_(dv.c.valid_to.is_(None), dv.c.valid_to > as_of),
        dv.c.start_day <= as_of,
    )
    if unit:
        query = query.where(dv.c.unit == unit)
    if ref:
        query = query.where(dv.c.ref == ref)
    if rule:
        query = query.where(dv.c.rule == rule)
    query = query.order_by(dv.c.due_day, dv.c.ref, dv.c.rule)
    return [deadline_of(row).as_of(as_of) for row in connection.execute(query)]


def open_deadlines(
    connection: sa.Connection,
    as_of: date,
    *,
    within_days: int | None = None,
    unit: str | None = None,
) -> list[Deadline]:
    result = [d for d in deadlines(connection, as_of, unit=unit) if d.status == "open"]
    if within_days is not None:
        limit = as_of + timedelta(days=within_days)
        result = [d for d in result if _day(d.due) <= limit]
    return result


def overdue(connection: sa.Connection, as_of: date, *, unit: str | None = None) -> list[Deadline]:
    return [
        d
        for d in deadlines(connection, as_of, unit=unit)
        if d.status == "missed" and d.closed_on is None
    ]


def violations(
    connection: sa.Connection, as_of: date, *, unit: str | None = None, ref: str | None = None
) -> list[Violation]:
    v = t.violations
    query = sa.select(v).where(v.c.happened_on <= as_of)
    if unit:
        query = query.where(v.c.unit == unit)
    if ref:
        query = query.where(v.c.ref == ref)
    ordered = query.order_by(v.c.happened_on, v.c.ref, v.c.id)
    found = [violation_of(row) for row in connection.execute(ordered)]
    for deadline in deadlines(connection, as_of, unit=unit, ref=ref):
        if deadline.status == "missed" and deadline.closed_on is None:
            found.append(missing(deadline, as_of))
    return found


def _day(value: date) -> date:
    return value.date() if isinstance(value, datetime) else value
