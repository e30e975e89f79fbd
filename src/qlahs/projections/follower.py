"""What else the projector keeps in step with the log, besides the read models."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

import sqlalchemy as sa
from eventsourcing.persistence import Notification


class Follower(Protocol):
    """Something else kept in step with the log in the same transaction as the position: the
    hash chain (audit/chain.py), the access tables (access/projection.py)."""

    # read models cleared by `rebuild`; the hash chain has none, it is never rebuilt
    tables: tuple[sa.Table, ...]

    def create(self, engine: sa.Engine) -> None: ...

    def refuse_rebuild(self, connection: sa.Connection, position: int) -> str | None:
        """Why the read models must not be rebuilt from the log as it is, or None."""

    def follow(
        self,
        connection: sa.Connection,
        after: int,
        notifications: Sequence[Notification],
        events: Sequence[object],
    ) -> None:
        """`notifications` come after position `after`; `events` are them decoded."""
