"""A record's confidentiality and the users assigned to it, kept beside the record (report,
case, register) instead of in it, so that every kind of record has it without each stage
knowing about access."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from uuid import UUID

from eventsourcing.domain import Aggregate

from qlahs.access.policy import Record
from qlahs.kernel.subject import subject_id


def record_access_id(kind: str, ref: str) -> UUID:
    return subject_id("access", f"{kind}:{ref}")


class RecordAccess(Aggregate):
    class Opened(Aggregate.Created):
        kind: str
        ref: str
        unit: str

        def apply(self, aggregate: Any) -> None:
            aggregate.kind, aggregate.ref, aggregate.unit = self.kind, self.ref, self.unit
            aggregate.level, aggregate.assigned = 0, []

    class Classified(Aggregate.Event):
        level: int
        reason: str
        actor: str
        actor_unit: str

        def apply(self, aggregate: Any) -> None:
            aggregate.level = self.level

    class Assigned(Aggregate.Event):
        user: str
        actor: str
        actor_unit: str

        def apply(self, aggregate: Any) -> None:
            aggregate.assigned = sorted({*aggregate.assigned, self.user})

    class Unassigned(Aggregate.Event):
        user: str
        actor: str
        actor_unit: str

        def apply(self, aggregate: Any) -> None:
            aggregate.assigned = [user for user in aggregate.assigned if user != self.user]

    if TYPE_CHECKING:
        kind: str
        ref: str
        unit: str
        level: int
        assigned: list[str]

    @classmethod
    def open(cls, kind: str, ref: str, unit: str) -> RecordAccess:
        return cls._create(
            cls.Opened, id=record_access_id(kind, ref), kind=kind, ref=ref, unit=unit
        )

    def record(self) -> Record:
        return Record(self.kind, self.ref, self.unit, self.level, frozenset(self.assigned))
