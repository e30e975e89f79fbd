"""The read models as the store knew them at a recorded moment: the analyst's audit question
"what did we show as overdue on 15/03, and what do we know now?".

The answer is built the slow, sure way: the events recorded by that moment (of the subjects
asked, or of all) are projected into a throwaway in-memory read model by the projector's own
row builders, and the same list and book queries are asked of it. So it is by construction
what a store rebuilt from only those events would answer. The legal date asked ("as of")
applies to it as to the live read models.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any
from uuid import UUID

import sqlalchemy as sa
from eventsourcing.utils import resolve_topic

from qlahs.kernel.subject import Act, Subject
from qlahs.law.calendar import Calendar
from qlahs.law.rulebook import RuleBook
from qlahs.projections import tables as t
from qlahs.projections.deadline_rows import DeadlineWrites
from qlahs.projections.subject_rows import SubjectRows, SubjectState
from qlahs.stages.registry import Registry
from qlahs.store import EventLog

PAGE = 1000


def known_events(
    log: EventLog, known_at: datetime, subjects: Collection[UUID] | None = None
) -> dict[UUID, list[Any]]:
    """Each subject's events recorded by `known_at`, in order: a subject is known up to its
    first event recorded later (the clocks of two writers may differ a little)."""
    found: dict[UUID, list[Any]] = {}

    def keep(event: Any) -> None:
        if not isinstance(event, Act | Subject.PersonalDataErased):
            return
        events = found.setdefault(event.originator_id, [])
        if event.timestamp <= known_at and event.originator_version == len(events) + 1:
            events.append(event)

    if subjects is not None:
        for subject in subjects:
            for event in log.events.get(subject):
                keep(event)
    else:
        start, stop = 0, log.recorder.max_notification_id() or 0
        while start < stop:
            page = log.recorder.select_notifications(
                start=start, limit=PAGE, stop=stop, inclusive_of_start=False
            )
            if not page:
                break
            for notification in page:
                try:
                    event = log.mapper.to_domain_event(notification)
                except Exception:  # a row no library can read: the projector sets it aside
                    continue
                keep(event)
            start = page[-1].id
    return {subject: events for subject, events in found.items() if events}


@contextmanager
def read_model_at(
    log: EventLog,
    registry: Registry,
    rulebook: RuleBook,
    calendar: Calendar,
    known_at: datetime,
    subjects: Collection[UUID] | None = None,
) -> Iterator[sa.Engine]:
    """A throwaway read model of the events recorded by `known_at` (of `subjects`, or all)."""
    memory = sa.create_engine("sqlite://", poolclass=sa.StaticPool)
    try:
        tables = [*t.CORE, *registry.tables]
        t.metadata.create_all(memory, tables=tables)
        builder = SubjectRows(log, registry, rulebook, calendar)
        rows: dict[sa.Table, list[dict[str, Any]]] = {}
        judged = DeadlineWrites()
        for subject, events in known_events(log, known_at, subjects).items():
            state = _state(events)
            if state is None:
                continue
            try:
                new = builder.rows(str(subject), state)
                builder.judge(str(subject), state, judged)
            except Exception:  # the store sets such a subject aside; so does this answer
                continue
            for table, table_rows in new.rows.items():
                rows.setdefault(table, []).extend(table_rows)
        with memory.begin() as connection:
            for table, table_rows in rows.items():
                if table_rows:
                    connection.execute(table.insert(), table_rows)
            judged.write(connection)
        yield memory
    finally:
        memory.dispose()


def _state(events: list[Any]) -> SubjectState | None:
    acts = [event for event in events if isinstance(event, Act)]
    if not acts:
        return None
    subject: Any = None
    for event in events:
        subject = event.mutate(subject)
    first: Any = acts[0]
    return SubjectState(acts, subject, resolve_topic(first.originator_topic).kind)
