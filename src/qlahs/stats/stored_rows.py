"""The rows a report reads of one subject from what the projector keeps: its facts, judged
from its deadline and violation rows on the days the report asks (stats/stored.py)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

import sqlalchemy as sa

from qlahs.kernel.dates import day_of, from_iso
from qlahs.law.deadlines import Deadline, Judgement, Violation, missing
from qlahs.projections import tables as t
from qlahs.stats.facts import SubjectFacts

if TYPE_CHECKING:
    from qlahs.stats.stored import Window

# (the deadline as judged from its version's rows, valid from, valid until)
Timed = tuple[Deadline, date, date | None]


@dataclass
class StoredFacts(SubjectFacts):
    """A subject's facts as the projector keeps them; judged from its deadline rows."""

    subject_id: str = ""
    version: int = 0
    deadlines: list[Timed] = field(default_factory=list)
    revealed: list[Violation] = field(default_factory=list)
    _judged: dict[date, Judgement] = field(default_factory=dict)

    def judged(self, day: date) -> Judgement:
        found = self._judged.get(day)
        if found is None:
            found = self._judged[day] = judge_rows(self.deadlines, self.revealed, day)
        return found


def judge_rows(deadlines: list[Timed], revealed: list[Violation], day: date) -> Judgement:
    """`law.deadlines.judge` read from the rows: the deadlines of the version valid on `day`,
    the violations acts revealed by then, and the deadlines missed and not done."""
    current = [
        deadline.as_of(day)
        for deadline, valid_from, valid_to in deadlines
        if valid_from <= day
        and (valid_to is None or day < valid_to)
        and day_of(deadline.start) <= day
    ]
    violations = [v for v in revealed if v.happened_on is not None and v.happened_on <= day]
    violations += [missing(d, day) for d in current if d.status == "missed" and d.closed_on is None]
    return Judgement(current, violations)


def deadlines(
    connection: sa.Connection, ids: list[str], window: Window
) -> Iterator[tuple[str, Timed]]:
    d = t.deadline_versions
    query = (
        sa.select(
            d.c.subject_id,
            d.c.ref,
            d.c.rule,
            d.c.article,
            d.c.unit,
            d.c.responsible,
            d.c.start,
            d.c.due,
            d.c.status,
            d.c.closed_on,
            d.c.window,
            d.c.breach,
            d.c.breach_article,
            d.c.valid_from,
            d.c.valid_to,
        )
        .where(
            d.c.subject_id.in_(ids),
            # only the versions in force on a day judged: a subject has one per day it acted
            sa.or_(
                *(
                    sa.and_(
                        d.c.valid_from <= day, sa.or_(d.c.valid_to.is_(None), d.c.valid_to > day)
                    )
                    for day in window.judged
                )
            ),
        )
        .order_by(d.c.subject_id, d.c.id)
    )
    for (
        sid,
        ref,
        rule,
        article,
        unit,
        who,
        start,
        due,
        *rest,
        valid_from,
        valid_to,
    ) in connection.execute(query):
        status, closed_on, window_, breach, breach_article = rest
        deadline = Deadline(
            ref,
            rule,
            article,
            unit,
            who,
            from_iso(start),
            from_iso(due),
            status,
            closed_on,
            window=window_,
            breach=breach,
            breach_article=breach_article,
        )
        yield sid, (deadline, valid_from, valid_to)


def violations(
    connection: sa.Connection, ids: list[str], window: Window
) -> Iterator[tuple[str, Violation]]:
    v = t.violations
    query = (
        sa.select(v)
        .where(v.c.subject_id.in_(ids), v.c.happened_on.between(window.start, window.end))
        .order_by(v.c.subject_id, v.c.id)
    )
    for row in connection.execute(query):
        violation = Violation(
            row.ref,
            row.rule,
            row.article,
            row.kind,
            row.unit,
            None if row.due is None else from_iso(row.due),
            row.happened_on,
            row.days_overdue,
            row.message,
        )
        yield row.subject_id, violation


def late(
    connection: sa.Connection, ids: list[str], window: Window
) -> Iterator[tuple[str, date, str]]:
    """The deadlines met late in the period, once each (stats/facts.py `late_closures`)."""
    d = t.deadline_versions
    query = (
        sa.select(d.c.subject_id, d.c.ref, d.c.rule, d.c.closed_on, d.c.due)
        .where(
            d.c.subject_id.in_(ids),
            d.c.status == "missed",
            d.c.closed_on.between(window.start, window.end),
        )
        .distinct()
    )
    for row in connection.execute(query):
        yield row.subject_id, row.closed_on, row.rule
