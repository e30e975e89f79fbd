"""A report's subjects read from what the projector keeps instead of replayed from the log:
one facts row per counted subject (projections/stat_facts.py) and, for the days the report
judges, its deadline and violation rows.

A row is used when its subject was recorded no later than the report's moment (`position`
and `recorded`): it then holds exactly the acts a replay up to that moment reads. A subject
recorded since, or set aside by the projector (quarantine), is replayed from the log as
before (snapshot.py). So a report as known at any moment gives the figures the replay gives
(ARCHITECTURE principle 2); tests/test_stats_stored.py holds the two ways to each other.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Any
from uuid import UUID

import sqlalchemy as sa
from eventsourcing.utils import resolve_topic

from qlahs.kernel.subject import Act, Subject
from qlahs.law.fold import Fold
from qlahs.projections import tables as t
from qlahs.projections.stat_facts import microseconds, read_facts
from qlahs.stages.statistics import Statistics
from qlahs.stats import stored_rows
from qlahs.stats.facts import SubjectFacts, subject_facts
from qlahs.stats.measures import in_period
from qlahs.stats.snapshot import Snapshot
from qlahs.stats.stored_rows import StoredFacts
from qlahs.store.rows import EventTable

if TYPE_CHECKING:
    from qlahs.engine import Engine

CHUNK = 1_000


@dataclass
class Window:
    """What a report asks of each subject: the units it may count (by the unit of the
    subject's first act), its period, and the days it judges (each month's end, its end)."""

    wanted: Callable[[str], bool]
    start: date
    end: date
    judged: tuple[date, ...]  # the days it judges, in order; the last is `end`


@dataclass
class Stored:
    engine: Engine
    known_at: datetime
    position: int
    stages: dict[str, Statistics]
    rules: dict[str, Callable[[], Fold]]
    skipped: list[str] = field(default_factory=list)  # refs that could not be counted
    refs: dict[str, str] = field(default_factory=dict)  # of the subjects replayed

    def subjects(self, window: Window, seen: set[str]) -> Iterator[SubjectFacts]:
        """The facts of every subject the report may count; `seen` gets the unit of every
        subject known at the moment, counted or not (the report's columns)."""
        f = t.subject_facts
        known = microseconds(self.known_at)
        kinds = list(self.stages)
        with self.engine.sql.connect() as connection:
            certain = (f.c.first_position <= self.position, f.c.first_recorded <= known)
            seen.update(
                connection.execute(
                    sa.select(f.c.unit).where(f.c.kind.in_(kinds), *certain).distinct()
                ).scalars()
            )
            units = (
                connection.execute(sa.select(f.c.unit).where(f.c.kind.in_(kinds)).distinct())
                .scalars()
                .all()
            )
            codes = [code for code in units if window.wanted(code)]
            q = t.quarantine
            found = connection.execute(sa.select(q.c.subject_id, q.c.ref))
            held: dict[str, str | None] = {sid: ref for sid, ref in found}
            self.refs.update({sid: ref for sid, ref in held.items() if ref})
            where = [f.c.kind.in_(kinds), f.c.first_recorded <= known, f.c.first_day <= window.end]
            if len(codes) < len(units):
                where.append(f.c.unit.in_(codes))
            last, done = "", set[str]()
            while True:
                rows = connection.execute(
                    sa.select(f)
                    .where(*where, f.c.subject_id > last)
                    .order_by(f.c.subject_id)
                    .limit(CHUNK)
                ).all()
                if not rows:
                    break
                last = rows[-1].subject_id
                fresh = {
                    row.subject_id
                    for row in rows
                    if row.position <= self.position
                    and row.recorded <= known
                    and row.facts is not None
                    and row.subject_id not in held
                }
                usable = [row for row in rows if row.subject_id in fresh]
                again = [row.subject_id for row in rows if row.subject_id not in fresh]
                self.refs.update(
                    {row.subject_id: row.ref for row in rows if row.subject_id not in fresh}
                )
                done.update(row.subject_id for row in rows)
                yield from self._stored(connection, usable, window)
                yield from self._replayed(connection, again, seen)
            # set aside before any row of theirs was written
            yield from self._replayed(connection, sorted(held.keys() - done), seen)

    def _stored(
        self, connection: sa.Connection, rows: list[Any], window: Window
    ) -> list[SubjectFacts]:
        made: dict[str, StoredFacts] = {}
        for row in rows:
            transitions, counts = read_facts(row.facts)
            made[row.subject_id] = StoredFacts(
                row.kind,
                row.ref,
                row.unit,
                None,
                (),
                self.stages[row.kind],
                transitions,
                counts,
                first_day=row.first_day,
                subject_id=row.subject_id,
                version=row.version,
            )
        if not made:
            return []
        ids = list(made)
        for subject_id, timed in stored_rows.deadlines(connection, ids, window):
            made[subject_id].deadlines.append(timed)
        for subject_id, violation in stored_rows.violations(connection, ids, window):
            made[subject_id].revealed.append(violation)
        for subject_id, closed_on, rule in stored_rows.late(connection, ids, window):
            made[subject_id].late.append((closed_on, rule))
        # The body a violation is held against is asked of the subject and its acts: read
        # them only for the subjects with violations in the period.
        accused = [
            facts
            for facts in made.values()
            if in_period(facts.judged(window.end), window.start, window.end)
        ]
        by_id = {facts.subject_id: facts for facts in accused}
        for subject_id, events in self._events(connection, list(by_id)):
            facts = by_id[subject_id]
            subject: Any = None
            acts: list[Act] = []
            for event in events:
                if event.originator_version > facts.version:
                    break
                subject = event.mutate(subject)
                if isinstance(event, Act):
                    acts.append(event)
            facts.subject, facts.acts = subject, acts
        for facts in made.values():
            facts.late.sort()
        return list(made.values())

    def _replayed(
        self, connection: sa.Connection, ids: list[str], seen: set[str]
    ) -> Iterator[SubjectFacts]:
        """Subjects replayed from the log up to the report's moment, as snapshot.py does."""
        snapshot = Snapshot(self.known_at, self.position)
        for _, events in self._events(connection, ids):
            for event in events:
                if isinstance(event, Act | Subject.PersonalDataErased):
                    snapshot.add(event)
        for acts in snapshot.subjects.values():
            kind = str(getattr(resolve_topic(acts[0].originator_topic), "kind", ""))  # type: ignore[attr-defined]
            if kind not in self.stages:
                continue
            seen.add(acts[0].unit)
            try:
                yield subject_facts(acts, self.rules.get(kind), self.stages[kind])
            except Exception:  # set aside by the projector for the same reason: say so, go on
                sid = str(acts[0].originator_id)
                self.skipped.append(self.refs.get(sid, sid))

    def _events(self, connection: sa.Connection, ids: list[str]) -> Iterator[tuple[str, list[Any]]]:
        """Each subject's events up to the report's position, decoded, in version order."""
        if not ids:
            return
        log = self.engine.log
        table = EventTable.of(log, self.engine.location)
        log.preload_keys({UUID(i) for i in ids})
        current: str | None = None
        events: list[Any] = []
        for row in table.of_subjects(connection, ids, self.position):
            if row.originator_id != current:
                if current is not None:
                    yield str(UUID(current)), events
                current, events = row.originator_id, []
            try:
                events.append(log.mapper.to_domain_event(row.notification()))
            except Exception:  # altered behind qlahs: the projector set it aside too
                continue
        if current is not None:
            yield str(UUID(current)), events
