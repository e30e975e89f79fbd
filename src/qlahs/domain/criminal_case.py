"""A criminal case (vụ án hình sự) with its accused persons, from prosecution to enforcement.

The case moves through one stage machine per procedural stage (`domain/machines/case.py`);
custody, the VKS's approval of a charge, a person's own suspension or dismissal and the
enforcement decision are tracked per person, each with its machine (`case_persons.py`), and
their acts are declared in `case_person_acts.py`. As with every subject, the aggregate only
records, after the checks of `case_act.py`; the rules of `stages/case/` judge.
"""

from __future__ import annotations

from datetime import date
from typing import Any, ClassVar

from eventsourcing.domain import Aggregate

from qlahs.domain.case_act import CASE_STEPS, STAGE_NAMES, CaseAct
from qlahs.domain.case_enforcement_acts import EnforcementActs
from qlahs.domain.case_minor_acts import MinorActs
from qlahs.domain.case_person_acts import PersonActs
from qlahs.domain.case_persons import (
    PERSON_MACHINES,
    PERSON_STATE_NAMES,
    Accused,
    carried_accused,
    carry,
)
from qlahs.domain.case_review_acts import ReviewActs
from qlahs.domain.supervision import SupervisionActs
from qlahs.kernel.subject import Transitions, day_of, subject_id
from qlahs.law.calendar import fmt

# where the stages, the books and the faces have always found them
__all__ = ["PERSON_STATE_NAMES", "STAGE_NAMES", "Accused", "CaseAct", "CriminalCase", "carry"]


class CriminalCase(PersonActs, EnforcementActs, SupervisionActs, ReviewActs, MinorActs):
    """One criminal case and its accused persons."""

    kind: ClassVar[str] = "case"
    noun: ClassVar[str] = "vụ án"
    transitions: ClassVar[Transitions] = CASE_STEPS
    stage_names: ClassVar[dict[str, str]] = STAGE_NAMES

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
        named = "Nhập vào vụ án khác"
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
            aggregate.sentences = {
                **dict.fromkeys(aggregate.persons, self.outcome),
                **self.sentences,
            }
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

    # -- commands: check, then record ---------------------------------------------------------

    @classmethod
    def open(cls, *, ref: str, **fields: Any) -> CriminalCase:
        fields.setdefault("from_case", None)
        fields.setdefault("carried", [])
        return cls._create(cls.Opened, id=subject_id(cls.kind, ref), ref=ref, **fields)

    def record(self, act: type[CaseAct], **fields: Any) -> None:
        """Record an act whose only check is the machine it moves."""
        self.require_act(act, fields["on"], fields.get("person"))
        self.trigger_event(act, **fields)

    def charge(self, **fields: Any) -> None:
        self.require_act(self.PersonCharged, fields["on"], fields["person"])
        self.require_new_charge(fields["person"])
        self.trigger_event(self.PersonCharged, **fields)

    def change_charge(self, **fields: Any) -> None:
        person = fields.get("person")
        self.require_act(self.ChargeChanged, fields["on"], person)
        if person:
            self.require_changeable_charge(person)
        self.trigger_event(self.ChargeChanged, **fields)

    def indict(self, **fields: Any) -> None:
        self.require_act(self.Indicted, fields["on"], fields.get("person"))
        for person in fields.get("persons") or ():
            self.require_charged(person)
        self.trigger_event(self.Indicted, **fields)

    def split(self, **fields: Any) -> None:
        """Persons held but not charged may leave too; a name the case does not know may not."""
        self.require_act(self.Split, fields["on"], fields.get("person"))
        for person in fields.get("persons") or ():
            if person not in self.persons:
                self.require_charged(person)
        self.trigger_event(self.Split, **fields)
