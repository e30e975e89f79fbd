"""A procuracy unit as a subject: its organisation changes are dated, recorded acts.

Reorganisations (63→34 provinces, district units replaced by regional ones from 01/07/2025,
law.md §0) are recorded as acts with the date they took effect, so statistics can tell which
unit a report or a case belonged to on any day, as known at any recorded time.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from eventsourcing.domain import Aggregate

from qlahs.domain.machines.unit import UnitLife
from qlahs.kernel.machines import transitions_of
from qlahs.kernel.subject import Act, Subject, subject_id


class OrganisationUnit(Subject):
    """One unit of the procuracy; its reference is the unit code subjects carry in `unit`."""

    kind: ClassVar[str] = "unit"
    noun: ClassVar[str] = "đơn vị"
    transitions = transitions_of(UnitLife)
    stage_names: ClassVar[dict[str, str]] = {str(s.value): str(s.name) for s in UnitLife.states}

    if TYPE_CHECKING:  # state set by the acts; not dataclass fields of the aggregate
        name: str
        level: str
        parent: str | None
        successor: str | None

    class Established(Act, Aggregate.Created):
        ref: str
        name: str
        level: str
        parent: str | None

        def apply(self, aggregate: Any) -> None:
            # The unit's own records belong to it, whoever entered the act (`self.unit`).
            aggregate.ref, aggregate.unit, aggregate.stage = self.ref, self.ref, "active"
            aggregate.opened_on = self.on
            aggregate.name, aggregate.level, aggregate.parent = self.name, self.level, self.parent
            aggregate.successor = None

    class Renamed(Act):
        step = "rename"
        name: str

        def apply(self, aggregate: Any) -> None:
            super().apply(aggregate)
            aggregate.name = self.name

    class Reattached(Act):
        step = "reattach"
        parent: str

        def apply(self, aggregate: Any) -> None:
            super().apply(aggregate)
            aggregate.parent = self.parent

    class MergedInto(Act):
        step = "merge_into"
        into: str

        def apply(self, aggregate: Any) -> None:
            super().apply(aggregate)
            aggregate.successor = self.into

    @classmethod
    def establish(cls, *, ref: str, **fields: Any) -> OrganisationUnit:
        return cls._create(cls.Established, id=subject_id(cls.kind, ref), ref=ref, **fields)

    def record(self, act: type[Act], **fields: Any) -> None:
        self.require_step(act.step, fields["on"])
        self.trigger_event(act, **fields)

    @property
    def summary(self) -> str:
        """The title the subjects table and the search show."""
        return self.name
