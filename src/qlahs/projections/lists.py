"""Deadline and violation lists as of a legal date, filtered, ordered and paged by the database.

Every list is judged at the end of its day D the way `Deadline.as_of` judges one deadline: the
version valid on D, an open deadline past its due (a date: due before D; an hour: due on or
before D, since the hour falls before 24:00 of D) is missed, or lapsed for a window. The
conditions below say the same in SQL so that a page of a national list reads only its rows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, Generic, TypeVar

import sqlalchemy as sa

from qlahs.law.deadlines import Deadline, Violation, missing
from qlahs.projections import tables as t
from qlahs.projections.rows import deadline_of, violation_of

T = TypeVar("T")
dv = t.deadline_versions
vt = t.violations


@dataclass(frozen=True)
class Page(Generic[T]):
    """One page of a list and the length of the whole list."""

    items: list[T]
    total: int


@dataclass(frozen=True)
class Scope:
    """Which rows a list may hold: one unit, the units a reader reaches (None: all), one
    record, one rule; `hidden` records (and their accused persons' "REF/PERSON" rows) never."""

    unit: str | None = None
    units: frozenset[str] | None = None
    ref: str | None = None
    rule: str | None = None
    hidden: frozenset[str] = field(default_factory=frozenset)

    def where(self, table: sa.FromClause) -> list[sa.ColumnElement[bool]]:
        found: list[sa.ColumnElement[bool]] = []
        if self.unit:
            found.append(table.c.unit == self.unit)
        if self.units is not None:
            found.append(table.c.unit.in_(sorted(self.units)))
        if self.ref:
            found.append(table.c.ref == self.ref)
        if self.rule and "rule" in table.c:
            found.append(table.c.rule == self.rule)
        # `Grant.shows` hides a row by the part of its ref before the first "/", so a hidden
        # ref holding a "/" hides nothing. substr, not LIKE: SQLite's LIKE ignores case.
        for ref in sorted(r for r in self.hidden if "/" not in r):
            prefix = f"{ref}/"
            found.append(table.c.ref != ref)
            found.append(sa.func.substr(table.c.ref, 1, len(prefix)) != prefix)
        return found


def _known_on(day: date) -> list[sa.ColumnElement[bool]]:
    """The version valid on `day` of deadlines already started by then."""
    return [
        dv.c.valid_from <= day,
        sa.or_(dv.c.valid_to.is_(None), dv.c.valid_to > day),
        dv.c.start_day <= day,
    ]


def _past(day: date) -> sa.ColumnElement[bool]:
    """`is_past(due, day)`: a due hour falls before 24:00 of its own day. Written as one range
    of `due_day` so that the index on it is searched for it."""
    return sa.and_(dv.c.due_day <= day, sa.or_(dv.c.due_day < day, dv.c.due_has_time == sa.true()))


def _overdue(day: date) -> list[sa.ColumnElement[bool]]:
    """Judged `missed` and never closed: stored so, or open, past its due and not a window."""
    # The same, loosened into the four ranges of the (valid_to, status, due_day) index that
    # hold every answer: neither planner splits two ORs into their products itself.
    ranges = [
        sa.and_(current, status)
        for current in (dv.c.valid_to.is_(None), dv.c.valid_to > day)
        for status in (dv.c.status == "missed", sa.and_(dv.c.status == "open", dv.c.due_day <= day))
    ]
    return [
        sa.or_(*ranges),
        sa.or_(
            dv.c.status == "missed",
            sa.and_(dv.c.status == "open", dv.c.window == sa.false(), _past(day)),
        ),
        t.MAY_BE_OVERDUE,
    ]


def _still_open(day: date, within_days: int | None) -> list[sa.ColumnElement[bool]]:
    # `due_day >= day` follows from not being past; said once more, it bounds the index's
    # range from below instead of reading every open deadline ever past its due day.
    found = [dv.c.status == "open", dv.c.due_day >= day, sa.not_(_past(day))]
    if within_days is not None:
        found.append(dv.c.due_day <= day + timedelta(days=within_days))
    return found


DEADLINE_ORDER = (dv.c.due_day, dv.c.ref, dv.c.rule, dv.c.id)
VIOLATION_ORDER = (vt.c.happened_on, vt.c.ref, vt.c.id)


def _page(
    connection: sa.Connection,
    table: sa.Table,
    where: list[sa.ColumnElement[bool]],
    order: tuple[Any, ...],
    limit: int | None,
    offset: int,
) -> tuple[list[Any], int]:
    query = sa.select(table).where(*where).order_by(*order).offset(offset or None).limit(limit)
    rows = list(connection.execute(query))
    if limit is None and not offset:
        return rows, len(rows)
    count = sa.select(sa.func.count()).select_from(table).where(*where)
    return rows, int(connection.execute(count).scalar_one())


def _deadlines(
    connection: sa.Connection,
    as_of: date,
    where: list[sa.ColumnElement[bool]],
    limit: int | None,
    offset: int,
) -> Page[Deadline]:
    """A page of deadline versions, judged at the end of `as_of`, in the lists' order."""
    rows, total = _page(connection, dv, where, DEADLINE_ORDER, limit, offset)
    return Page([deadline_of(row).as_of(as_of) for row in rows], total)


def deadlines(
    connection: sa.Connection,
    as_of: date,
    scope: Scope = Scope(),
    *,
    limit: int | None = None,
    offset: int = 0,
) -> Page[Deadline]:
    """Every deadline as known on `as_of`, judged at the end of that day."""
    return _deadlines(connection, as_of, _known_on(as_of) + scope.where(dv), limit, offset)


def open_deadlines(
    connection: sa.Connection,
    as_of: date,
    scope: Scope = Scope(),
    *,
    within_days: int | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> Page[Deadline]:
    """Deadlines still open at the end of `as_of`, optionally due within N days."""
    where = _known_on(as_of) + _still_open(as_of, within_days) + scope.where(dv)
    return _deadlines(connection, as_of, where, limit, offset)


def overdue(
    connection: sa.Connection,
    as_of: date,
    scope: Scope = Scope(),
    *,
    limit: int | None = None,
    offset: int = 0,
) -> Page[Deadline]:
    where = _known_on(as_of) + _overdue(as_of) + scope.where(dv)
    return _deadlines(connection, as_of, where, limit, offset)


def unfinished(
    connection: sa.Connection,
    as_of: date,
    scope: Scope = Scope(),
    *,
    limit: int | None = None,
    offset: int = 0,
) -> Page[Deadline]:
    """Deadlines judged open, missed or suspended on `as_of`: all but those met, cancelled,
    and windows that lapsed unused by then."""
    lapsed = sa.and_(dv.c.window == sa.true(), _past(as_of))
    judged = sa.or_(
        dv.c.status.in_(("missed", "suspended")),
        sa.and_(dv.c.status == "open", sa.not_(lapsed)),
    )
    where = [*_known_on(as_of), judged, *scope.where(dv)]
    return _deadlines(connection, as_of, where, limit, offset)


def violations(
    connection: sa.Connection,
    as_of: date,
    scope: Scope = Scope(),
    *,
    limit: int | None = None,
    offset: int = 0,
) -> Page[Violation]:
    """Violations revealed by acts up to `as_of`, then the deadlines missed by then.

    The list is the stored violations followed by the derived `missing` ones, so a page is a
    slice of the first list then of the second: two indexed queries and two counts, rather
    than a UNION whose order keys differ in type (a row id, a rule name) and which no single
    index serves."""
    stored_where = [vt.c.happened_on <= as_of, *scope.where(vt)]
    missed_where = _known_on(as_of) + _overdue(as_of) + scope.where(dv)
    stored, stored_total = _page(connection, vt, stored_where, VIOLATION_ORDER, limit, offset)
    rest = None if limit is None else limit - len(stored)
    if rest == 0:
        count = sa.select(sa.func.count()).select_from(dv).where(*missed_where)
        missed_total = int(connection.execute(count).scalar_one())
        return Page([violation_of(row) for row in stored], stored_total + missed_total)
    missed, missed_total = _page(
        connection,
        dv,
        missed_where,
        DEADLINE_ORDER,
        rest,
        max(0, offset - stored_total),
    )
    items = [violation_of(row) for row in stored]
    items += [missing(deadline_of(row), as_of) for row in missed]
    return Page(items, stored_total + missed_total)
