"""The event table exactly as stored, read with plain SQL: the hash chain and its verification
must see every row, including rows no library call would return (an id of 0, a row whose
state no longer decodes)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from uuid import UUID

import sqlalchemy as sa
from eventsourcing.persistence import Notification

from qlahs.store.location import Location
from qlahs.store.log import EventLog

BATCH = 10_000


@dataclass(frozen=True)
class EventRow:
    position: int  # the notification id
    originator_id: str
    version: int
    topic: str
    state: bytes

    def notification(self) -> Notification:
        """The row as eventsourcing's mapper decodes it."""
        return Notification(
            id=self.position,
            originator_id=UUID(self.originator_id),
            originator_version=self.version,
            topic=self.topic,
            state=self.state,
        )


@dataclass(frozen=True)
class EventTable:
    """eventsourcing's table: `stored_events` keyed by rowid on SQLite, `qlahs_events` with a
    `notification_id` column on PostgreSQL (in the URL's schema, the connection's path)."""

    name: str
    id_column: str

    @classmethod
    def of(cls, log: EventLog, location: Location) -> EventTable:
        name = str(getattr(log.recorder, "events_table_name", "stored_events"))
        return cls(name, "notification_id" if location.is_postgres else "rowid")

    def rows(
        self, connection: sa.Connection, *, after: int | None = None, upto: int | None = None
    ) -> Iterator[EventRow]:
        """Rows in notification order, after `after` (None: from the very first) and up to
        `upto` (None: to the last), read in batches."""
        last = after
        while True:
            where = []
            if last is not None:
                where.append(f"{self.id_column} > :last")
            if upto is not None:
                where.append(f"{self.id_column} <= :upto")
            clause = f"WHERE {' AND '.join(where)} " if where else ""
            statement = sa.text(
                f"SELECT {self.id_column} AS position, originator_id, originator_version, topic, "
                f"state FROM {self.name} {clause}ORDER BY {self.id_column} LIMIT {BATCH}"
            )
            batch = connection.execute(statement, {"last": last, "upto": upto}).all()
            yield from map(_event_row, batch)
            if len(batch) < BATCH:
                return
            last = int(batch[-1][0])

    def by_subject(
        self, connection: sa.Connection, topics: list[str], upto: int
    ) -> Iterator[EventRow]:
        """The rows of these topics up to notification `upto`, subject after subject, each in
        version order: keyset pages along the table's primary key, so a reader holds one page
        (and one subject), not the log."""
        last: tuple[Any, int] | None = None
        names = ", ".join(f":t{i}" for i in range(len(topics)))
        bound = {f"t{i}": topic for i, topic in enumerate(topics)}
        while True:
            after = "AND (originator_id, originator_version) > (:o, :v) " if last else ""
            statement = sa.text(
                f"SELECT {self.id_column} AS position, originator_id, originator_version, topic, "
                f"state FROM {self.name} WHERE {self.id_column} <= :upto AND topic IN ({names}) "
                f"{after}ORDER BY originator_id, originator_version LIMIT {BATCH}"
            )
            values = bound | {"upto": upto}
            if last is not None:
                values |= {"o": last[0], "v": last[1]}
            batch = connection.execute(statement, values).all()
            yield from map(_event_row, batch)
            if len(batch) < BATCH:
                return
            last = (batch[-1][1], int(batch[-1][2]))

    def of_subjects(
        self, connection: sa.Connection, ids: list[str], upto: int
    ) -> Iterator[EventRow]:
        """Every row of these subjects (ids as `str(UUID)`) up to notification `upto`,
        subject after subject, each in version order."""
        if not ids:
            return
        stored = [UUID(i) if self.id_column != "rowid" else UUID(i).hex for i in ids]
        statement = sa.text(
            f"SELECT {self.id_column} AS position, originator_id, originator_version, topic, "
            f"state FROM {self.name} WHERE originator_id IN :ids AND {self.id_column} <= :upto "
            "ORDER BY originator_id, originator_version"
        ).bindparams(sa.bindparam("ids", expanding=True))
        yield from map(_event_row, connection.execute(statement, {"ids": stored, "upto": upto}))


def _event_row(values: Any) -> EventRow:
    position, originator_id, version, topic, state = values
    return EventRow(
        int(position), canonical_id(originator_id), _number(version), str(topic), raw(state)
    )


def canonical_id(value: Any) -> str:
    """An originator id as eventsourcing stores it: hex text on SQLite, a uuid on PostgreSQL
    (whose one text form is its hex). SQLite text is hashed as it is, so that even a change
    of letter case, which hides the event from its aggregate, breaks the chain."""
    if isinstance(value, str):
        return value
    hex_form = getattr(value, "hex", None)
    return hex_form if isinstance(hex_form, str) else str(value)


def raw(value: Any) -> bytes:
    if value is None:
        return b""
    if isinstance(value, bytes):
        return value
    if isinstance(value, bytearray | memoryview):
        return bytes(value)
    return str(value).encode("utf-8")  # a BLOB overwritten with text on SQLite


def _number(value: Any) -> int:
    """A version as stored; a column overwritten with something else still gives a row (its
    digest then differs from its link: the walk reports the change)."""
    try:
        return int(value)
    except (TypeError, ValueError):
        return -1
