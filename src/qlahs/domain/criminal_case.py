"""A criminal case (vụ án hình sự) with its accused persons, from prosecution to enforcement.

The case moves through one stage machine per procedural stage (`stages/case/machines.py`);
custody, the VKS's approval of a charge, a person's own suspension or dismissal and the
enforcement decision are tracked per person, each with its machine. As with every subject, the
aggregate only records; the rules of `stages/case/` judge.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, ClassVar

from eventsourcing.domain import Aggregate

from qlahs.domain.machines import case as m
from qlahs.kernel.errors import CommandRejected, StageError
from qlahs.kernel.machines import transitions_of
from qlahs.kernel.subject import Act, Subject, Transitions, day_of, subject_id
from qlahs.law.calendar import fmt


def _union(*tables: Transitions) -> dict[str, dict[str, str]]:
    merged: dict[str, dict[str, str]] = {}
    for table in tables:
        for state, steps in table.items():
            merged.setdefault(state, {}).update(steps)
    return merged


CASE_STEPS = _union(*(transitions_of(machine) for machine in m.CASE_MACHINES))
PERSON_MACHINES: dict[str, Transitions] = {
    "custody": transitions_of(m.Custody),
    "approval": transitions_of(m.ChargeApproval),
    "procedure": transitions_of(m.AccusedProcedure),
    "enforcement": transitions_of(m.Enforcement),
}
STAGE_NAMES: dict[str, str] = {
    str(state.value): str(state.name) for machine in m.CASE_MACHINES for state in machine.states
}
PERSON_STATE_NAMES: dict[str, str] = {
    str(state.value): str(state.name)
    for machine in (m.Custody, m.ChargeApproval, m.AccusedProcedure, m.Enforcement)
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


class CaseAct(Act):
    """An act on a case; `machine` says whose stage it moves: the case's or one person's."""

    machine: ClassVar[str] = "case"

    def apply(self, aggregate: Any) -> None:
        person = getattr(self, "person", None)
        if self.machine == "case":
            if person and self.step in PERSON_LEVEL:
                accused = aggregate.persons[person]
                accused.procedure = PERSON_MACHINES["procedure"][accused.procedure][
                    PERSON_LEVEL[self.step][1]
                ]
            elif self.step:
                aggregate.stage = CASE_STEPS[aggregate.stage][self.step]
            return
        assert person, "a person-level act names its person"
        accused = aggregate.persons.setdefault(person, Accused(person))
        state = getattr(accused, self.machine)
        setattr(accused, self.machine, PERSON_MACHINES[self.machine][state][self.step])


class CriminalCase(Subject):
    """One criminal case and its accused persons."""

    kind: ClassVar[str] = "case"
    noun: ClassVar[str] = "vụ án"
    transitions: ClassVar[Transitions] = CASE_STEPS
    stage_names: ClassVar[dict[str, str]] = STAGE_NAMES

    if TYPE_CHECKING:  # state set by the acts; not dataclass fields of the aggregate
        crime: str
        category: str
        summary: str
        from_report: str | None
        investigating_agency: str | None
        procedure: str
        persons: dict[str, Accused]
        from_case: str | None
        lineage: list[str]

    # -- acts ------------------------------------------------------------------------------

    class Opened(CaseAct, Aggregate.Created):
        # Birth dates are not sealed: the limits for minors are computed from them, and they
        # must stay the same after an erasure (docs/security.md §5).
        personal = ("summary", "carried[].name")

        ref: str
        crime: str
        category: str
        summary: str
        from_report: str | None
        investigating_agency: str | None
        procedure: str
        # a case split off another one carries its persons and their clocks (Điều 170)
        from_case: str | None
        carried: list[dict[str, Any]]

        def apply(self, aggregate: Any) -> None:
            aggregate.ref, aggregate.unit = self.ref, self.unit
            aggregate.stage = "investigating"
            aggregate.opened_on = self.on
            aggregate.crime, aggregate.category = self.crime, self.category
            aggregate.summary = self.summary
            aggregate.from_report = self.from_report
            aggregate.investigating_agency = self.investigating_agency
            aggregate.procedure = self.procedure
            aggregate.persons = {}
            aggregate.from_case = self.from_case
            aggregate.lineage = []
            for person in self.carried:
                aggregate.persons[person["person"]] = carried_accused(person)

    class ChargeChanged(CaseAct):
        """Thay đổi, bổ sung quyết định khởi tố: of the case (Điều 156) or of one accused
        person (Điều 180)."""

        step = "change_charge"
        crime: str
        category: str
        person: str | None

        def apply(self, aggregate: Any) -> None:
            super().apply(aggregate)
            if self.person:
                accused = aggregate.persons[self.person]
                accused.crime, accused.category = self.crime, self.category
                accused.approval = PERSON_MACHINES["approval"][accused.approval]["change_charge"]
            else:
                aggregate.crime, aggregate.category = self.crime, self.category

    class PersonCharged(CaseAct):
        step = "charge"
        personal = ("name",)

        person: str
        name: str
        crime: str
        category: str
        birth_date: date | None

        def apply(self, aggregate: Any) -> None:
            super().apply(aggregate)
            accused = aggregate.persons.setdefault(self.person, Accused(self.person))
            accused.name, accused.crime, accused.category = self.name, self.crime, self.category
            accused.birth_date, accused.charged_on = self.birth_date, day_of(self.on)
            accused.approval = "pending"

    class ChargeApproved(CaseAct):
        machine = "approval"
        step = "approve_charge"
        person: str

    class ChargeCancelled(CaseAct):
        machine = "approval"
        step = "cancel_charge"
        person: str

    class EvidenceRequested(CaseAct):
        machine = "approval"
        step = "request_evidence"
        person: str

    class InvestigationExtended(CaseAct):
        step = "extend_investigation"
        months: int

    class InvestigationSuspended(CaseAct):
        step = "suspend_investigation"
        ground: str
        person: str | None

    class InvestigationResumed(CaseAct):
        step = "resume_investigation"
        person: str | None

    class InvestigationDismissed(CaseAct):
        step = "dismiss_investigation"
        ground: str | None
        person: str | None

    class Transferred(CaseAct):
        step = "transfer"
        to: str

    class Joined(CaseAct):
        """Other cases joined into this one (Điều 170): their persons and clocks move here."""

        step = "join"
        personal = ("carried[].name",)

        cases: list[str]
        carried: list[dict[str, Any]]
        earliest_opened_on: date

        def apply(self, aggregate: Any) -> None:
            super().apply(aggregate)
            for person in self.carried:
                aggregate.persons[person["person"]] = carried_accused(person)
            aggregate.lineage.append(f"nhập {', '.join(self.cases)} ngày {fmt(self.on)}")

    class JoinedInto(CaseAct):
        step = "merge_into"
        into: str

        def apply(self, aggregate: Any) -> None:
            super().apply(aggregate)
            aggregate.lineage.append(f"nhập vào {self.into} ngày {fmt(self.on)}")

    class Split(CaseAct):
        """Persons split off into a new case (Điều 170): they leave with their clocks."""

        step = "split"
        persons: list[str]
        into: str

        def apply(self, aggregate: Any) -> None:
            super().apply(aggregate)
            for person in self.persons:
                aggregate.persons.pop(person, None)
            aggregate.lineage.append(
                f"tách {', '.join(self.persons)} sang {self.into} ngày {fmt(self.on)}"
            )

    class InvestigationConcluded(CaseAct):
        step = "conclude_investigation"
        recommendation: str

    class Arrested(CaseAct):
        machine = "custody"
        step = "arrest"
        person: str

    class Held(CaseAct):
        machine = "custody"
        step = "hold"
        person: str

    class HoldExtended(CaseAct):
        machine = "custody"
        step = "extend_hold"
        person: str
        days: int

    class HoldExtensionApproved(CaseAct):
        machine = "custody"
        step = "approve_hold_extension"
        person: str

    class Detained(CaseAct):
        machine = "custody"
        step = "detain"
        person: str
        months: int | None
        days: int | None
        until: date | None
        stage: str

    class DetentionExtended(CaseAct):
        machine = "custody"
        step = "extend_detention"
        person: str
        months: int | None
        days: int | None

    class Released(CaseAct):
        machine = "custody"
        step = "release"
        person: str

    class FileReceived(CaseAct):
        step = "receive_file"

    class ProsecutionExtended(CaseAct):
        step = "extend_prosecution"
        days: int

    class ReturnedForInvestigation(CaseAct):
        step = "return_for_investigation"
        by: str
        panel: str | None

    class Indicted(CaseAct):
        step = "indict"
        persons: list[str]

    class SentToCourt(CaseAct):
        step = "send_to_court"

    class Suspended(CaseAct):
        step = "suspend"
        ground: str
        person: str | None

    class Resumed(CaseAct):
        step = "resume"
        person: str | None

    class Dismissed(CaseAct):
        step = "dismiss"
        ground: str | None
        person: str | None

    class CourtAccepted(CaseAct):
        step = "court_accept"

    class TrialPreparationExtended(CaseAct):
        step = "extend_trial_preparation"
        days: int

    class BroughtToTrial(CaseAct):
        step = "bring_to_trial"

    class Judged(CaseAct):
        step = "judge"
        outcome: str
        sentences: dict[str, str]

        def apply(self, aggregate: Any) -> None:
            super().apply(aggregate)
            for accused in aggregate.persons.values():
                named = not self.sentences or accused.person in self.sentences
                if accused.charged_on and accused.procedure != "dismissed" and named:
                    accused.enforcement = "sentenced"

    class Appealed(CaseAct):
        step = "appeal"
        person: str | None

    class Protested(CaseAct):
        step = "protest"
        level: str

    class AppealAccepted(CaseAct):
        step = "appeal_accept"

    class AppealJudged(CaseAct):
        step = "appeal_judge"
        outcome: str

    class EnforcementDecided(CaseAct):
        machine = "enforcement"
        step = "enforcement_decision"
        person: str

    # -- commands: check, then record ---------------------------------------------------------

    @classmethod
    def open(cls, *, ref: str, **fields: Any) -> CriminalCase:
        fields.setdefault("from_case", None)
        fields.setdefault("carried", [])
        return cls._create(cls.Opened, id=subject_id(cls.kind, ref), ref=ref, **fields)

    def record(self, act: type[CaseAct], **fields: Any) -> None:
        """Record a later act after checking the machine it moves."""
        on = fields["on"]
        person = fields.get("person")
        if act.machine != "case":
            self._require_person_step(act, person, on)
        elif person and act.step in PERSON_LEVEL:
            stages, step = PERSON_LEVEL[act.step]
            self.require_not_before(act.step, on)
            if self.stage not in stages:
                raise StageError(
                    self.noun,
                    self.ref,
                    act.step,
                    STAGE_NAMES[self.stage],
                    self.transitions[self.stage],
                )
            self._require_charged(person)
            procedure = self.persons[person].procedure
            if step not in PERSON_MACHINES["procedure"][procedure]:
                raise StageError(
                    "bị can",
                    f"{self.ref}/{person}",
                    act.step,
                    PERSON_STATE_NAMES[procedure],
                    PERSON_MACHINES["procedure"][procedure],
                )
        else:
            self.require_step(act.step, on)
        charged = self.persons.get(person or "")
        if act is CriminalCase.PersonCharged and charged and charged.charged_on is not None:
            raise CommandRejected(
                f"Bị can {person} của vụ án {self.ref} đã bị khởi tố ngày "
                f"{fmt(charged.charged_on)}: dùng case.change_charge để thay đổi."
            )
        if act is CriminalCase.ChargeChanged and person:
            self._require_charged(person)
            approval = self.persons[person].approval or "pending"
            if "change_charge" not in PERSON_MACHINES["approval"][approval]:
                raise StageError(
                    "bị can",
                    f"{self.ref}/{person}",
                    act.step,
                    PERSON_STATE_NAMES[approval],
                    PERSON_MACHINES["approval"][approval],
                )
        for name in fields.get("persons") or ():
            if act is not CriminalCase.Split or name not in self.persons:
                self._require_charged(name)
        self.trigger_event(act, **fields)

    def _require_person_step(self, act: type[CaseAct], person: str | None, on: date) -> None:
        self.require_not_before(act.step, on)
        if not person:
            raise CommandRejected(f"Bước '{act.step}' cần trường 'person' (bị can, người bị giữ).")
        accused = self.persons.get(person)
        if accused is None:
            if act.machine != "custody":
                raise CommandRejected(
                    f"Vụ án {self.ref} không có người '{person}' (trường 'person')."
                )
            accused = Accused(person)
        state = getattr(accused, act.machine)
        if state is None:
            what = "chưa bị khởi tố" if act.machine == "approval" else "chưa bị kết án"
            raise CommandRejected(
                f"Người '{person}' của vụ án {self.ref} {what}: không thể '{act.step}'."
            )
        if act.machine == "enforcement" and self.stage not in ("judged", "appeal_judged"):
            raise StageError(self.noun, self.ref, act.step, STAGE_NAMES[self.stage], ())
        allowed = PERSON_MACHINES[act.machine][state]
        if act.step not in allowed:
            raise StageError(
                "người", f"{self.ref}/{person}", act.step, PERSON_STATE_NAMES[state], allowed
            )

    def _require_charged(self, person: str) -> None:
        accused = self.persons.get(person)
        if accused is None or accused.charged_on is None:
            raise CommandRejected(
                f"Vụ án {self.ref} không có bị can '{person}' (trường 'person'): "
                "cần case.charge trước."
            )
