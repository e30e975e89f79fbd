"""The read models as the store knew them at a recorded moment: the analyst's audit question
"what did we show as overdue on 15/03, and what do we know now?".

A subject recorded no later than that moment has the same rows now as then: each subject's
rows are made from its own events alone. So only the subjects recorded since (`recorded` of
`qlahs_subjects`) are projected again, from their events recorded by then, into a throwaway
in-memory read model by the projector's own row builders; the connection asked then sees, in
place of each read-model table, a temporary view of the live rows of the other subjects and
the throwaway rows of these (`shadowed`). The same list and book queries are asked through
it, so the answer is what a store rebuilt from only those events would give, at the cost of
what changed since, not of the store. The legal date asked ("as of") applies to it as to the
live read models.
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
from qlahs.projections.stat_facts import microseconds
from qlahs.projections.subject_rows import SubjectRows, SubjectState
from qlahs.stages.registry import Registry
from qlahs.store import EventLog

PAGE = 1000
CHANGED = "qlahs_known_changed"  # the subjects recorded since the moment asked


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
    kind = resolve_topic(first.originator_topic).kind
    return SubjectState(acts, subject, kind, recorded=max(e.timestamp for e in events))


@contextmanager
def shadowed(
    connection: sa.Connection,
    log: EventLog,
    registry: Registry,
    rulebook: RuleBook,
    calendar: Calendar,
    known_at: datetime,
) -> Iterator[sa.Connection]:
    """`connection`, seeing the read models as the events recorded by `known_at` made them:
    each table is shadowed by a temporary view (temporary objects are found first by both
    databases), dropped again before the connection goes back to the pool."""
    s = t.subjects
    since = s.c.recorded > microseconds(known_at)
    changed = [
        UUID(i) for i in connection.execute(sa.select(s.c.subject_id).where(since)).scalars()
    ]
    tables = [t.subjects, t.deadline_versions, t.violations, *registry.tables]
    postgres = connection.dialect.name == "postgresql"
    schema = connection.execute(sa.text("SELECT current_schema()")).scalar() if postgres else "main"
    made: list[str] = []
    try:
        connection.execute(sa.text(f"CREATE TEMP TABLE {CHANGED} (subject_id VARCHAR(36))"))
        made.append(f"TABLE {CHANGED}")
        if changed:
            marks = sa.table(CHANGED, sa.column("subject_id"))
            connection.execute(marks.insert(), [{"subject_id": str(i)} for i in changed])
        with read_model_at(log, registry, rulebook, calendar, known_at, changed) as memory:
            for index, table in enumerate(tables):
                copy = f"qlahs_known_{index}"
                real = f'"{schema}".{table.name}' if postgres else f"main.{table.name}"
                connection.execute(
                    sa.text(f"CREATE TEMP TABLE {copy} AS SELECT * FROM {real} WHERE 1 = 0")
                )
                made.append(f"TABLE {copy}")
                with memory.connect() as source:
                    rows = [dict(row._mapping) for row in source.execute(sa.select(table))]
                if rows:
                    columns = [sa.Column(c.name, c.type) for c in table.columns]
                    connection.execute(sa.Table(copy, sa.MetaData(), *columns).insert(), rows)
                connection.execute(
                    sa.text(
                        f"CREATE TEMP VIEW {table.name} AS SELECT * FROM {real} WHERE "
                        f"subject_id NOT IN (SELECT subject_id FROM {CHANGED}) "
                        f"UNION ALL SELECT * FROM {copy}"
                    )
                )
                made.append(f"VIEW {table.name}")
        yield connection
    finally:
        try:
            for what in reversed(made):
                connection.execute(sa.text(f"DROP {what}"))
            connection.commit()
        except Exception:  # never hand the pool a connection that still shadows the tables
            connection.invalidate()
            raise
