"""Refused access is itself recorded: one small aggregate per refusal, so that refusals never
contend with each other or with the records they concern."""

from __future__ import annotations

from typing import Any
from uuid import uuid4

from eventsourcing.domain import Aggregate


class AccessRefused(Aggregate):
    class Refused(Aggregate.Created):
        user: str
        actor_unit: str
        permission: str
        what: str
        unit: str | None
        kind: str | None
        ref: str | None
        reason: str

        def apply(self, aggregate: Any) -> None:
            aggregate.reason = self.reason

    @classmethod
    def note(cls, **fields: Any) -> AccessRefused:
        return cls._create(cls.Refused, id=uuid4(), **fields)
