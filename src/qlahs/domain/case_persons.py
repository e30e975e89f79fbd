"""The persons of a criminal case and the machines each of them moves along: custody, the VKS's
approval of their charge, their own suspension or dismissal, the enforcement decision."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from qlahs.domain.machines import case as m
from qlahs.domain.machines.enforcement import Enforcement
from qlahs.kernel.machines import transitions_of
from qlahs.kernel.subject import Transitions

PERSON_MACHINES: dict[str, Transitions] = {
    "custody": transitions_of(m.Custody),
    "approval": transitions_of(m.ChargeApproval),
    "procedure": transitions_of(m.AccusedProcedure),
    "enforcement": transitions_of(Enforcement),
}
PERSON_STATE_NAMES: dict[str, str] = {
    str(state.value): str(state.name)
    for machine in (m.Custody, m.ChargeApproval, m.AccusedProcedure, Enforcement)
    for state in machine.states
}
# Steps that apply to one accused person when the act names one (Điều 229 k2, 247, 248): the
# case stage they belong to, and the person-level step they are.
PERSON_LEVEL = {
    "suspend_investigation": ({"investigating", "investigation_suspended"}, "suspend"),
    "resume_investigation": ({"investigating", "investigation_suspended"}, "resume"),
    "dismiss_investigation": ({"investigating", "investigation_suspended"}, "dismiss"),
    "suspend": (
        {"prosecution", "case_suspended", "trial_preparation", "trial_suspended"},
        "suspend",
    ),
    "resume": ({"prosecution", "case_suspended", "trial_preparation", "trial_suspended"}, "resume"),
    "dismiss": (
        {"prosecution", "case_suspended", "trial_preparation", "trial_suspended"},
        "dismiss",
    ),
}


@dataclass
class Accused:
    """One person in the case: first held, then charged (bị can), later tried (bị cáo)."""

    person: str
    name: str | None = None
    crime: str | None = None
    category: str | None = None
    birth_date: date | None = None
    charged_on: date | None = None
    custody: str = "free"
    approval: str | None = None
    procedure: str = "active"
    enforcement: str | None = None


def carried_accused(data: dict[str, Any]) -> Accused:
    """A person moving between cases keeps every state of theirs."""
    fields = {k: v for k, v in data.items() if k in Accused.__dataclass_fields__}
    for name in ("birth_date", "charged_on"):
        if isinstance(fields.get(name), str):
            fields[name] = date.fromisoformat(fields[name])
    return Accused(**fields)


def carry(accused: Accused, clocks: dict[str, Any]) -> dict[str, Any]:
    """A person and their running clocks as stored on the act that moves them."""
    data: dict[str, Any] = {
        k: (v.isoformat() if isinstance(v, date) else v) for k, v in accused.__dict__.items()
    }
    return data | clocks
