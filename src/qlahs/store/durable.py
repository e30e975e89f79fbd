"""Saving a busy subject's events without holding its lock while the disk flushes.

Writers of one number register take turns on its lock (engine.py `_queued`). A commit waits
for its WAL record to reach the disk (4–15 ms here), and for all that time the register's
lock and the event table's write lock (eventsourcing serialises inserts to keep notification
ids in commit order) were held: the flush, not the work, set the pace of a register.

So a save made under the register's lock commits without waiting for the flush
(`synchronous_commit = off` for that one transaction): the locks are released as soon as its
WAL record is written, and the next writer goes on. The writer then waits for the flush
before it answers (`wait_flushed`): it commits a one-row write of its own synchronously,
and since the WAL is flushed in order, that commit's flush covers the earlier one. Several
writers waiting at once share one flush (PostgreSQL groups them), so the register is no
longer bound to one disk flush per number.

Nothing is answered before it is on disk, so a number the clerk was given is never lost. A
crash between the commit and the flush loses the numbers nobody was given yet, together with
whatever was recorded after them (the WAL is replayed in order, never with a hole); until
the flush, another reader may already see them, as it would see any commit it races with.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from contextvars import ContextVar
from typing import Any
from uuid import UUID

import sqlalchemy as sa
from eventsourcing.postgres import PostgresApplicationRecorder
from psycopg.sql import SQL

_FLUSH_LATER: ContextVar[bool] = ContextVar("qlahs_flush_later", default=False)

MARKS = "qlahs_flush_marks"
LOCK_AND_READ = "qlahs_lock_and_read"
_CREATE = (
    f'CREATE TABLE IF NOT EXISTS "{{schema}}".{MARKS} '
    "(backend INTEGER PRIMARY KEY, marks BIGINT NOT NULL)",
    # One round trip takes a subject's lock and reads what others saved after `after`: a
    # VOLATILE function's query takes its snapshot when it runs, after the lock is granted.
    f'CREATE OR REPLACE FUNCTION "{{schema}}".{LOCK_AND_READ}'
    "(lock_key BIGINT, subject UUID, after BIGINT) "
    "RETURNS TABLE (originator_version BIGINT, topic TEXT, state BYTEA) "
    "LANGUAGE plpgsql VOLATILE AS $$ BEGIN "
    "PERFORM pg_advisory_xact_lock(lock_key); "
    'RETURN QUERY SELECT e.originator_version, e.topic, e.state FROM "{schema}"."{events}" e '
    "WHERE e.originator_id = subject AND e.originator_version > after "
    "ORDER BY e.originator_version; END $$",
)
# One row per server process: writers waiting at once never wait for each other's row.
_MARK = (
    f'INSERT INTO "{{schema}}".{MARKS} (backend, marks) VALUES (pg_backend_pid(), 1) '
    f'ON CONFLICT (backend) DO UPDATE SET marks = "{{schema}}".{MARKS}.marks + 1'
)


class Recorder(PostgresApplicationRecorder):
    """eventsourcing's recorder, whose insert commits without waiting for the flush inside
    `flushed_later` (named by APPLICATION_RECORDER_TOPIC, store/location.py)."""

    def _lock_table(self, curs: Any) -> None:
        super()._lock_table(curs)
        if _FLUSH_LATER.get():
            curs.execute(SQL("SET LOCAL synchronous_commit = off"), prepare=True)


@contextlib.contextmanager
def flushed_later() -> Iterator[None]:
    """Saves made in this block (in this thread) commit before their flush: the caller
    must `wait_flushed` before it tells anyone what they recorded."""
    token = _FLUSH_LATER.set(True)
    try:
        yield
    finally:
        _FLUSH_LATER.reset(token)


def create(recorder: Any) -> None:
    """The flush marks and the lock-and-read function, beside the event table."""
    names = {"schema": recorder.datastore.schema, "events": recorder.events_table_name}
    with recorder.datastore.get_connection() as connection:  # autocommit
        for statement in _CREATE:
            connection.execute(statement.format(**names))


def wait_flushed(recorder: Any) -> None:
    """Return once every commit made before this call is on disk: one synchronous write
    on one of the recorder's connections (autocommit: one round trip)."""
    with recorder.datastore.get_connection() as connection:
        connection.execute(_MARK.format(schema=recorder.datastore.schema))


def lock_and_read(connection: sa.Connection, lock_key: int, subject: UUID, after: int) -> Any:
    """Take the subject's lock for `connection`'s transaction and return the rows of its
    events after version `after` (originator_version, topic, state)."""
    statement = sa.text(f"SELECT * FROM {LOCK_AND_READ}(:key, :subject, :after)")
    return connection.execute(statement, {"key": lock_key, "subject": subject, "after": after})
