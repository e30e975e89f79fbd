"""What the projector keeps of one subject between events, and the rows it makes of it.

The subject's aggregate and acts are kept in memory (the books are written from them); its
rules' fold is kept too, in memory and in `qlahs_fold_states`, so a new act resumes it: the
deadline and violation rows change from the act's day on, and the subject's history is
judged again only when an act is back-dated, its personal data is erased, or the kept fold
is not the one just before the act (another process, a quarantine).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from eventsourcing.utils import resolve_topic

from qlahs.kernel.subject import Act, Subject, day_of
from qlahs.law.calendar import Calendar
from qlahs.law.fold import Fold
from qlahs.law.rulebook import RuleBook
from qlahs.law.running import Running
from qlahs.projections import tables as t
from qlahs.projections.deadline_rows import DeadlineWrites
from qlahs.projections.stat_facts import FactsFold, counted_kinds, microseconds
from qlahs.stages.registry import Registry
from qlahs.store import EventLog


@dataclass
class SubjectState:
    acts: list[Act]
    subject: Subject
    kind: str
    # The rules resumed with each act; None: judge the whole history at the next write.
    running: Running | None = None
    # The deadline rows written so far are not the running fold's: replace them all.
    whole: bool = True
    # The books' rows as last written, when known: rows that only grew are appended.
    books: dict[sa.Table, list[dict[str, Any]]] = field(default_factory=dict)
    # A stage that projects act by act (ActRows): its books are written whole at the next
    # write (read back, erased), or only `changed`, the rows of the acts since the last one.
    books_whole: bool = True
    changed: dict[sa.Table, dict[Any, dict[str, Any]]] = field(default_factory=dict)
    # What the statistics count of it (None: a kind they do not count), and the notification
    # ids of its first event (None: not known) and of the last one projected.
    facts: FactsFold | None = None
    first_position: int | None = None
    position: int = 0
    recorded: datetime | None = None  # when its latest event was recorded


@dataclass
class NewRows:
    """A subject's rows to insert, by table; the subject's earlier rows in the `appended`
    tables stay (they are the first of the new ones), in every other table they go."""

    rows: dict[sa.Table, list[dict[str, Any]]]
    appended: set[sa.Table]
    # tables whose rows replace only the subject's rows with the same value in this column
    replaced: dict[sa.Table, str] = field(default_factory=dict)


class SubjectRows:
    def __init__(self, log: EventLog, registry: Registry, rulebook: RuleBook, calendar: Calendar):
        self.log, self.registry = log, registry
        self.rulebook, self.calendar = rulebook, calendar
        self.counted = counted_kinds(registry.stages)

    def load(
        self, connection: sa.Connection, event: Act | Subject.PersonalDataErased
    ) -> SubjectState:
        """The subject just before `event`, read from the log, with its kept fold if that is
        the fold of exactly those events."""
        earlier: list[Any] = []
        if event.originator_version > 1:
            earlier = list(
                self.log.events.get(event.originator_id, lte=event.originator_version - 1)
            )
        first: Any = earlier[0] if earlier else event  # the act that created the subject
        kind = resolve_topic(first.originator_topic).kind
        facts = self.facts_fold(kind)
        subject: Any = None
        recorded: datetime | None = None
        for past in earlier:
            subject = past.mutate(subject)
            recorded = max(recorded, past.timestamp) if recorded else past.timestamp
            if facts is not None and isinstance(past, Act):
                facts.feed(past, subject)
        # Only legal acts reach the rules and books; an erasure only changes the subject.
        acts = [e for e in earlier if isinstance(e, Act)]
        state = SubjectState(acts, subject, kind, facts=facts, recorded=recorded)
        if facts is not None and earlier:
            state.first_position = connection.execute(
                sa.select(t.subject_facts.c.first_position).where(
                    t.subject_facts.c.subject_id == str(event.originator_id)
                )
            ).scalar()
        if earlier and kind in self.registry.act_projectors:
            # Its book rows hold every act before this one (each was projected, once, by some
            # process), unless it was set aside: add the new act's rows, not the book again.
            q = t.quarantine
            held = connection.execute(
                sa.select(q.c.subject_id).where(q.c.subject_id == str(event.originator_id))
            ).first()
            state.books_whole = held is not None
        make = self.registry.rules.get(kind)
        if make is None:
            return state
        if event.originator_version == 1:
            state.running = Running(self._fold(make))
            return state
        kept = connection.execute(
            sa.select(t.fold_states).where(t.fold_states.c.subject_id == str(event.originator_id))
        ).first()
        if kept is None or kept.version >= event.originator_version:
            return state
        behind = [e for e in earlier if e.originator_version > kept.version]
        if not all(isinstance(e, Act) for e in behind):
            return state  # an erasure after it: judge the whole history
        try:
            running = Running.load(self._fold(make), kept.state, kept.version, kept.last_day)
            if running.catch_up(behind):
                state.running, state.whole = running, False
        except Exception:  # a state no longer readable (altered, older rules): judge again
            state.running = None
        return state

    def facts_fold(self, kind: str) -> FactsFold | None:
        counted = self.counted.get(kind)
        return None if counted is None else FactsFold.of(kind, *counted)

    def add(
        self, state: SubjectState, event: Act | Subject.PersonalDataErased, position: int
    ) -> None:
        state.subject = event.mutate(state.subject)  # type: ignore[assignment]
        state.position = position
        if state.recorded is None or event.timestamp > state.recorded:
            state.recorded = event.timestamp
        if event.originator_version == 1:
            state.first_position = position
        if state.facts is not None and isinstance(event, Act):
            state.facts.feed(event, state.subject)
        if not isinstance(event, Act):
            state.running = None  # an erasure: judge again from the acts as they now read
            state.books_whole, state.changed = True, {}
            return
        state.acts.append(event)
        by_act = self.registry.act_projectors.get(state.kind)
        if by_act is not None and not state.books_whole:
            sid = str(event.originator_id)
            for table, row in by_act.rows(sid, state.subject, state.acts):
                state.changed.setdefault(table, {})[row[by_act.key]] = row
        if state.running is None:
            return
        if state.running.accepts(event):
            state.running.feed(event)
        else:  # back-dated: the fold cannot go back, run it again from the first act
            state.running = None

    def rows(self, subject_id: str, state: SubjectState) -> NewRows:
        """The subject's row, written again, and its books' rows: a book whose rows only grew
        since they were last written gets the new ones, any other is written again whole."""
        subject = state.subject
        row = {
            "subject_id": subject_id,
            "kind": state.kind,
            "ref": subject.ref,
            "unit": subject.unit,
            "stage": subject.stage,
            "opened_on": day_of(subject.opened_on),
            "title": getattr(subject, "summary", "") or "",
            "version": subject.version,
            "recorded": microseconds(state.recorded) if state.recorded else 0,
        }
        new = NewRows({t.subjects: [row]}, set())
        if state.facts is not None and state.facts.first is not None:
            facts = state.facts.row(
                subject_id, subject, state.acts, state.position, state.first_position
            )
            new.rows[t.subject_facts] = [facts]
        by_act = self.registry.act_projectors.get(state.kind)
        if by_act is not None and not state.books_whole:
            new.appended = set(self.registry.tables)
            for table, changed in state.changed.items():
                new.rows[table] = list(changed.values())
                new.replaced[table] = by_act.key
            state.changed = {}
            return new
        project = self.registry.projectors.get(state.kind)
        if project is None:
            return new
        if by_act is not None:  # written whole now, act by act from here on
            for table, book_row in project(subject_id, subject, state.acts):
                new.rows.setdefault(table, []).append(book_row)
            state.books_whole, state.changed = False, {}
            return new
        books: dict[sa.Table, list[dict[str, Any]]] = {}
        for table, book_row in project(subject_id, subject, state.acts):
            books.setdefault(table, []).append(book_row)
        for table, book_rows in books.items():
            old = state.books.get(table)
            if old is not None and len(old) <= len(book_rows) and book_rows[: len(old)] == old:
                new.rows[table] = book_rows[len(old) :]
                new.appended.add(table)
            else:
                new.rows[table] = book_rows
        for table in state.books.keys() - books.keys():
            new.rows[table] = []  # the subject has no row there any more
        state.books = books
        return new

    def judge(self, subject_id: str, state: SubjectState, writes: DeadlineWrites) -> None:
        """Hand the deadline changes to `writes`: those of the running fold, or of the whole
        history judged again."""
        make = self.registry.rules.get(state.kind)
        if make is None:
            return
        running = state.running
        if running is None:
            running = Running(self._fold(make))
            for act in sorted(state.acts, key=lambda a: (a.day, a.originator_version)):
                running.feed(act)
            running.version = state.subject.version
            state.whole = True
        writes.add(subject_id, running, state.whole)
        state.running, state.whole = running, False

    def _fold(self, make: Any) -> Fold:
        fold = make(self.rulebook, self.calendar)
        assert isinstance(fold, Fold)
        return fold
