"""Deadline and violation rows read back as the law's objects."""

from __future__ import annotations

from datetime import date
from typing import Any

from qlahs.kernel.dates import from_iso
from qlahs.law.deadlines import Deadline, Violation


def parse_due(value: str | None) -> date | None:
    """A stored due: a date, or a date and an hour."""
    return None if value is None else from_iso(value)


def deadline_of(row: Any) -> Deadline:
    due = parse_due(row.due)
    start = parse_due(row.start)
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


def violation_of(row: Any) -> Violation:
    return Violation(
        ref=row.ref,
        rule=row.rule,
        article=row.article,
        kind=row.kind,
        unit=row.unit,
        due=parse_due(row.due),
        happened_on=row.happened_on,
        days_overdue=row.days_overdue,
        message=row.message,
    )
