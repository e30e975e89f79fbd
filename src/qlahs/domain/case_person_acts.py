"""The acts of the machines each accused person moves along on their own: the VKS's approval of
their charge (Điều 179 k3), custody (Điều 109–125, 173) and the enforcement decision (Điều 364).

They are declared on `PersonActs`, a base class of `CriminalCase`: eventsourcing redefines the
events of a base aggregate on the subclass, so they are stored and found as
`qlahs.domain.criminal_case:CriminalCase.<Act>`, like the case's own acts.
"""

from __future__ import annotations

from datetime import date
from typing import Any, ClassVar

from qlahs.domain.case_act import CaseAct, CaseChecks
from qlahs.kernel.subject import day_of


def decided_days(aggregate: Any) -> dict[str, date]:
    """The day of each person's enforcement decision; a case recorded before the day was kept
    has none yet."""
    days: dict[str, date] | None = getattr(aggregate, "enforcement_days", None)
    if days is None:
        days = {}
        aggregate.enforcement_days = days
    return days


class PersonAct(CaseAct):
    """An act of one person's machine (custody, approval, enforcement): it names the person."""

    person: str


class CustodyAct(PersonAct):
    """Arrest, hold, detention and release of one person (Điều 109–125)."""

    machine: ClassVar[str] = "custody"


class ApprovalAct(PersonAct):
    """The VKS's answer to the charge of one person (Điều 179 k3)."""

    machine: ClassVar[str] = "approval"


class PersonActs(CaseChecks):
    """The acts of one person's machines, named as `CriminalCase.<Act>`."""

    class ChargeApproved(ApprovalAct):
        step = "approve_charge"

    class ChargeCancelled(ApprovalAct):
        step = "cancel_charge"

    class EvidenceRequested(ApprovalAct):
        step = "request_evidence"

    class Arrested(CustodyAct):
        step = "arrest"

    class Held(CustodyAct):
        step = "hold"

    class HoldExtended(CustodyAct):
        step = "extend_hold"
        days: int

    class HoldExtensionApproved(CustodyAct):
        step = "approve_hold_extension"

    class Detained(CustodyAct):
        step = "detain"
        months: int | None
        days: int | None
        until: date | None
        stage: str

    class DetentionExtended(CustodyAct):
        step = "extend_detention"
        months: int | None
        days: int | None

    class Released(CustodyAct):
        step = "release"

    class EnforcementDecided(PersonAct):
        machine = "enforcement"
        step = "enforcement_decision"

        def apply(self, aggregate: Any) -> None:
            super().apply(aggregate)
            decided_days(aggregate)[self.person] = day_of(self.on)
