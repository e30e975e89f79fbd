"""Keeps the access tables in step with the log, in the projector's transaction."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from eventsourcing.persistence import Notification

from qlahs.access import tables as t
from qlahs.access.records import RecordAccess
from qlahs.access.refusals import AccessRefused
from qlahs.access.users import User


class AccessTables:
    tables: tuple[sa.Table, ...] = t.TABLES

    def create(self, engine: sa.Engine) -> None:
        """Nothing to do: the tables are read models, created and rebuilt with the others."""

    def refuse_rebuild(self, connection: sa.Connection, position: int) -> str | None:
        return None  # rebuilt from the log like every read model

    def follow(
        self,
        connection: sa.Connection,
        after: int,
        notifications: Sequence[Notification],
        events: Sequence[object],
    ) -> None:
        for event in events:
            if isinstance(event, User.Enrolled | User.Changed):
                self._user(connection, event)
            elif isinstance(event, RecordAccess.Opened):
                connection.execute(
                    t.record_access.insert().values(
                        access_id=str(event.originator_id),
                        kind=event.kind,
                        ref=event.ref,
                        unit=event.unit,
                        level=0,
                        assigned=[],
                    )
                )
            elif isinstance(event, RecordAccess.Classified):
                self._record(connection, event, level=event.level)
            elif isinstance(event, RecordAccess.Assigned | RecordAccess.Unassigned):
                row = connection.execute(
                    sa.select(t.record_access.c.assigned).where(
                        t.record_access.c.access_id == str(event.originator_id)
                    )
                ).scalar_one()
                assigned = set(row) - {event.user}
                if isinstance(event, RecordAccess.Assigned):
                    assigned.add(event.user)
                self._record(connection, event, assigned=sorted(assigned))
            elif isinstance(event, AccessRefused.Refused):
                connection.execute(
                    t.refusals.insert().values(
                        refusal_id=str(event.originator_id),
                        recorded_at=event.timestamp,
                        user=event.user,
                        actor_unit=event.actor_unit,
                        permission=event.permission,
                        what=event.what,
                        unit=event.unit,
                        kind=event.kind,
                        ref=event.ref,
                        reason=event.reason,
                    )
                )

    @staticmethod
    def _user(connection: sa.Connection, event: User.Enrolled | User.Changed) -> None:
        profile = event.profile
        connection.execute(t.users.delete().where(t.users.c.login == event.login))
        connection.execute(
            t.users.insert().values(
                login=event.login,
                name=profile["name"],
                unit=profile["unit"],
                roles=list(profile["roles"]),
                clearance=profile["clearance"],
                active=profile["active"],
            )
        )

    @staticmethod
    def _record(connection: sa.Connection, event: Any, **values: Any) -> None:
        connection.execute(
            t.record_access.update()
            .where(t.record_access.c.access_id == str(event.originator_id))
            .values(**values)
        )
