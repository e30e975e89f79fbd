"""Questions asked of the read models, each as of a legal date."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta
from typing import Any

import sqlalchemy as sa

from qlahs.law.deadlines import Deadline, Violation, missing
from qlahs.projections import tables as t


def _parse(value: str | None) -> date | None:
    if value is None:
        return None
    if "T" in value:
        return datetime.fromisoformat(value)
    return date.fromisoformat(value)


def _deadline(row: Any) -> Deadline:
    due = _parse(row.due)
    start = _parse(row.start)
    assert due is not None and start is not None
    return Deadline(
        ref=row.ref,
        rule=row.rule,
        article=row.article,
        unit=row.unit,
        responsible=row.responsible,
        start=start,
        due=due,
        status=row.status,
        closed_on=row.closed_on,
        explanation=list(row.explanation),
        window=row.window,
        breach=row.breach,
        breach_article=row.breach_article,
    )


def deadlines(
    connection: sa.Connection,
    as_of: date,
    *,
    unit: str | None = None,
    ref: str | None = None,
    rule: str | None = None,
) -> list[Deadline]:
    """Every deadline as known on `as_of`, judged at the end of that day."""
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
    return [_deadline(row).as_of(as_of) for row in connection.execute(query)]


def open_deadlines(
    connection: sa.Connection,
    as_of: date,
    *,
    within_days: int | None = None,
    unit: str | None = None,
) -> list[Deadline]:
    """Deadlines still open on `as_of` (not yet overdue), optionally due within N days."""
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
    """Violations revealed by acts up to `as_of`, and deadlines missed by then."""
    v = t.violations
    query = sa.select(v).where(v.c.happened_on <= as_of)
    if unit:
        query = query.where(v.c.unit == unit)
    if ref:
        query = query.where(v.c.ref == ref)
    found = [
        Violation(
            ref=row.ref,
            rule=row.rule,
            article=row.article,
            kind=row.kind,
            unit=row.unit,
            due=_parse(row.due),
            happened_on=row.happened_on,
            days_overdue=row.days_overdue,
            message=row.message,
        )
        for row in connection.execute(query.order_by(v.c.happened_on, v.c.ref, v.c.id))
    ]
    for deadline in deadlines(connection, as_of, unit=unit, ref=ref):
        if deadline.status == "missed" and deadline.closed_on is None:
            found.append(missing(deadline, as_of))
    return found


def book_rows(
    connection: sa.Connection, table: sa.Table, where: Sequence[Any], order: Sequence[Any]
) -> list[dict[str, Any]]:
    rows = connection.execute(sa.select(table).where(*where).order_by(*order)).mappings()
    return [dict(row) | {"stt": index} for index, row in enumerate(rows, start=1)]


def find_subjects(connection: sa.Connection, text: str, limit: int = 50) -> list[dict[str, Any]]:
    """Search by reference or title, case-insensitively."""
    s = t.subjects
    pattern = f"%{text.lower()}%"
    query = (
        sa.select(s)
        .where(sa.or_(sa.func.lower(s.c.ref).like(pattern), sa.func.lower(s.c.title).like(pattern)))
        .order_by(s.c.opened_on, s.c.ref)
        .limit(limit)
    )
    return [dict(row) for row in connection.execute(query).mappings()]


def _day(value: date) -> date:
    return value.date() if isinstance(value, datetime) else value


def quarantined(connection: sa.Connection) -> list[dict[str, Any]]:
    """The subjects whose last events could not be projected (their rows are as before)."""
    q = t.quarantine
    query = sa.select(q.c.ref, q.c.unit, q.c.position, q.c.reason, q.c.detail).order_by(q.c.ref)
    return [dict(row) for row in connection.execute(query).mappings()]
