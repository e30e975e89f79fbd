"""The Engine's questions: deadlines, violations, subjects and their history, search. Each is
checked by the access gate first; lists answer from the read models, caught up first (or from
a streaming replica of them: engine/replica.py)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any, TypeVar

import sqlalchemy as sa

from qlahs.access.policy import Grant, Wish
from qlahs.engine import gate
from qlahs.engine.known import KnownAt
from qlahs.engine.listing import scope_of, shown
from qlahs.kernel.errors import SubjectNotFound
from qlahs.kernel.subject import Act, Subject, subject_id
from qlahs.law.deadlines import Deadline, Judgement, Violation
from qlahs.projections import lists, queries
from qlahs.projections.books import book
from qlahs.projections.lists import Page, Scope
from qlahs.projections.projector import Progress

Row = TypeVar("Row", Deadline, Violation)


class Questions(KnownAt):
    """The Engine's queries."""

    def catch_up(self, progress: Progress | None = None) -> int:
        """Bring the read models up to date; queries call this first. A user must be allowed
        to read records: whoever catches up is about to read the tables."""
        self.authorize(Wish("read.records", "đọc các bảng sổ, thời hạn, vi phạm"))
        return self.projector.catch_up(progress)

    def replay(self, progress: Progress | None = None) -> int:
        """Rebuild every read model from nothing."""
        self.authorize(Wish("manage.store", "dựng lại bảng đọc"))
        return self.projector.rebuild(progress)

    def _reading(self, what: str, unit: str | None = None, ref: str | None = None) -> Grant:
        """Catch up, then check a question over many records (of `unit`, or every unit the
        user reaches); confidential ones the user may not see stay out of the answer. With a
        replica nothing is caught up here: the replica is never written, and the primary's
        projection was caught up after each of this engine's commands (engine.py)."""
        if self.replica is None:
            self.projector.catch_up()
        if ref is not None and self.actor is not None:
            for kind in self.registry.subjects:
                if self._find(subject_id(kind, ref)) is not None:
                    self.authorize(gate.subject_wish(self, kind, ref, "read.records", what))
        grant = self.authorize(Wish("read.records", what, unit))
        self.require_known_unit(unit)
        return grant

    def _listed(
        self,
        what: str,
        ask: Callable[[sa.Connection, Scope], Page[Row]],
        *,
        unit: str | None = None,
        ref: str | None = None,
        rule: str | None = None,
        known_at: datetime | None = None,
    ) -> Page[Row]:
        """One list question: the access check, the grant turned into conditions of the query,
        and the per-record check on the page the database returned. `known_at`: asked of the
        read model as the events recorded by then made it."""
        grant = self._reading(what, unit, ref)
        with self._reading_connection(known_at, ref) as connection:
            found = ask(connection, scope_of(grant, unit=unit, ref=ref, rule=rule))
        return shown(found, grant)

    def book_rows(
        self, number: str, unit: str, year: int, *, known_at: datetime | None = None
    ) -> list[dict[str, Any]]:
        """The rows of book `number` of `unit` for `year` the reader may see (as the events
        recorded by `known_at` made them, when given)."""
        definition = book(number)
        grant = self._reading(f"xem sổ {definition.number} của {unit} năm {year}", unit)
        with self._reading_connection(known_at, None) as connection:
            rows = definition.rows(connection, unit, year)
        return [row for row in rows if grant.shows(row["unit"], row["ref"])]

    def book_page(
        self,
        number: str,
        unit: str,
        year: int,
        *,
        limit: int,
        offset: int = 0,
        known_at: datetime | None = None,
    ) -> Page[dict[str, Any]]:
        """A page of book `number` of `unit` for `year`, paged by the database, and how many
        rows of it the reader may see."""
        definition = book(number)
        grant = self._reading(f"xem sổ {definition.number} của {unit} năm {year}", unit)
        hidden = Scope(hidden=grant.hidden)
        with self._reading_connection(known_at, None) as connection:
            rows, total = definition.page(
                connection,
                unit,
                year,
                hidden.where,
                limit=limit,
                offset=offset,
            )
        visible = [row for row in rows if grant.shows(row["unit"], row["ref"])]
        return Page(visible, total - (len(rows) - len(visible)))

    def deadlines(
        self,
        as_of: date,
        *,
        unit: str | None = None,
        ref: str | None = None,
        rule: str | None = None,
        limit: int | None = None,
        offset: int = 0,
        known_at: datetime | None = None,
    ) -> list[Deadline]:
        return self.deadline_page(
            as_of, unit=unit, ref=ref, rule=rule, limit=limit, offset=offset, known_at=known_at
        ).items

    def deadline_page(
        self,
        as_of: date,
        *,
        unit: str | None = None,
        ref: str | None = None,
        rule: str | None = None,
        limit: int | None = None,
        offset: int = 0,
        known_at: datetime | None = None,
    ) -> Page[Deadline]:
        """`limit` rows of the deadlines from `offset` on, and how many there are in all."""
        return self._listed(
            "xem danh sách thời hạn",
            lambda c, scope: lists.deadlines(c, as_of, scope, limit=limit, offset=offset),
            unit=unit,
            ref=ref,
            rule=rule,
            known_at=known_at,
        )

    def unfinished_page(
        self,
        as_of: date,
        *,
        unit: str | None = None,
        limit: int | None = None,
        offset: int = 0,
        known_at: datetime | None = None,
    ) -> Page[Deadline]:
        """The deadlines judged open, missed or suspended on `as_of` (what `qlahs deadlines`
        lists by default), a page of them and how many in all."""
        return self._listed(
            "xem danh sách thời hạn",
            lambda c, scope: lists.unfinished(c, as_of, scope, limit=limit, offset=offset),
            unit=unit,
            known_at=known_at,
        )

    def due_within(
        self,
        as_of: date,
        days: int,
        *,
        unit: str | None = None,
        limit: int | None = None,
        offset: int = 0,
        known_at: datetime | None = None,
    ) -> list[Deadline]:
        return self.due_within_page(
            as_of, days, unit=unit, limit=limit, offset=offset, known_at=known_at
        ).items

    def due_within_page(
        self,
        as_of: date,
        days: int,
        *,
        unit: str | None = None,
        limit: int | None = None,
        offset: int = 0,
        known_at: datetime | None = None,
    ) -> Page[Deadline]:
        return self._listed(
            "xem danh sách thời hạn sắp đến hạn",
            lambda c, scope: lists.open_deadlines(
                c, as_of, scope, within_days=days, limit=limit, offset=offset
            ),
            unit=unit,
            known_at=known_at,
        )

    def overdue(
        self,
        as_of: date,
        *,
        unit: str | None = None,
        limit: int | None = None,
        offset: int = 0,
        known_at: datetime | None = None,
    ) -> list[Deadline]:
        return self.overdue_page(
            as_of, unit=unit, limit=limit, offset=offset, known_at=known_at
        ).items

    def overdue_page(
        self,
        as_of: date,
        *,
        unit: str | None = None,
        limit: int | None = None,
        offset: int = 0,
        known_at: datetime | None = None,
    ) -> Page[Deadline]:
        return self._listed(
            "xem danh sách quá hạn",
            lambda c, scope: lists.overdue(c, as_of, scope, limit=limit, offset=offset),
            unit=unit,
            known_at=known_at,
        )

    def violations(
        self,
        as_of: date,
        *,
        unit: str | None = None,
        ref: str | None = None,
        limit: int | None = None,
        offset: int = 0,
        known_at: datetime | None = None,
    ) -> list[Violation]:
        return self.violation_page(
            as_of, unit=unit, ref=ref, limit=limit, offset=offset, known_at=known_at
        ).items

    def violation_page(
        self,
        as_of: date,
        *,
        unit: str | None = None,
        ref: str | None = None,
        limit: int | None = None,
        offset: int = 0,
        known_at: datetime | None = None,
    ) -> Page[Violation]:
        return self._listed(
            "xem danh sách vi phạm",
            lambda c, scope: lists.violations(c, as_of, scope, limit=limit, offset=offset),
            unit=unit,
            ref=ref,
            known_at=known_at,
        )

    def judge(
        self, kind: str, ref: str, as_of: date, *, known_at: datetime | None = None
    ) -> Judgement:
        """Deadlines and violations of one subject, computed from its events directly (those
        recorded by `known_at`, when given)."""
        self._reading_one(kind, ref, "xem thời hạn và vi phạm")
        return self._judge(kind, self._known_acts(subject_id(kind, ref), known_at), as_of)

    def find_subject(self, kind: str, ref: str) -> Subject | None:
        self._reading_one(kind, ref, "xem hồ sơ")
        found = self._find(subject_id(kind, ref))
        return found if isinstance(found, Subject) else None

    def subject(self, kind: str, ref: str) -> Subject:
        """The subject as stored now (another process may have changed it)."""
        self._evict_id(subject_id(kind, ref))
        self._reading_one(kind, ref, "xem hồ sơ")
        found = self._find(subject_id(kind, ref))
        if not isinstance(found, Subject):
            raise SubjectNotFound(f"Không tìm thấy {self.registry.noun(kind)} {ref}.")
        return found

    def history(self, kind: str, ref: str, *, known_at: datetime | None = None) -> list[Act]:
        """The subject's acts in recorded order (those recorded by `known_at`, when given)."""
        self._reading_one(kind, ref, "xem diễn biến hồ sơ")
        return self._known_acts(subject_id(kind, ref), known_at)

    def search(self, text: str) -> list[dict[str, Any]]:
        grant = self._reading("tìm hồ sơ")
        with self._read_connection() as connection:
            found = queries.find_subjects(connection, text)
        return [row for row in found if grant.shows(row["unit"], row["ref"])]

    def _reading_one(self, kind: str, ref: str, what: str) -> None:
        # What this process decoded of a subject erased since (by any process) is forgotten
        # before the subject is read again.
        self.projector.forget_erased()
        if self.actor is not None:
            self.authorize(gate.subject_wish(self, kind, ref, "read.records", f"{what} {ref}"))
