"""Questions asked of the store as it knew them at a recorded moment (`known_at`): the read
models of the events recorded by then (projections/known_at.py), or a record's acts."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from uuid import UUID

import sqlalchemy as sa

from qlahs.engine.core import EngineCore
from qlahs.kernel.subject import Act, subject_id
from qlahs.projections.known_at import known_events, read_model_at, shadowed


class KnownAt(EngineCore):
    @contextmanager
    def _read_model(self, known_at: datetime | None, ref: str | None) -> Iterator[sa.Engine]:
        """The live read models, or those of the events recorded by `known_at` (of the record
        `ref` only, when one is asked)."""
        if known_at is None:
            yield self.sql
            return
        subjects = None
        if ref is not None:
            subjects = [subject_id(kind, ref.split("/")[0]) for kind in self.registry.subjects]
        with read_model_at(
            self.log, self.registry, self.rulebook, self.calendar, known_at, subjects
        ) as memory:
            yield memory

    @contextmanager
    def _reading_connection(
        self, known_at: datetime | None, ref: str | None
    ) -> Iterator[sa.Connection]:
        """A connection to the read models a question reads: the live ones (on the replica
        when the engine has one), or those of the events recorded by `known_at`."""
        if known_at is None:
            with self._read_connection() as connection:
                yield connection
            return
        if ref is not None:  # one record: its own events are all there is to read
            with self._read_model(known_at, ref) as sql, sql.connect() as connection:
                yield connection
            return
        with (
            self.sql.connect() as connection,
            shadowed(
                connection, self.log, self.registry, self.rulebook, self.calendar, known_at
            ) as shadow,
        ):
            yield shadow

    def _known_acts(self, sid: UUID, known_at: datetime | None) -> list[Act]:
        if known_at is None:
            return self._acts(sid)
        events = known_events(self.log, known_at, [sid]).get(sid, [])
        return [event for event in events if isinstance(event, Act)]
