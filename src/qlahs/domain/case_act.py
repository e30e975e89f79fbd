"""What every act of a criminal case shares, and the checks a case makes before recording one:
the case's own stage machine, or the machine of the person the act names."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any, ClassVar

from qlahs.domain.case_persons import (
    PERSON_LEVEL,
    PERSON_MACHINES,
    PERSON_STATE_NAMES,
    Accused,
)
from qlahs.domain.machines import case as m
from qlahs.kernel.errors import CommandRejected, StageError
from qlahs.kernel.machines import transitions_of
from qlahs.kernel.subject import Act, Subject, Transitions
from qlahs.law.calendar import fmt


def _union(*tables: Transitions) -> dict[str, dict[str, str]]:
    merged: dict[str, dict[str, str]] = {}
    for table in tables:
        for state, steps in table.items():
            merged.setdefault(state, {}).update(steps)
    return merged


CASE_STEPS = _union(*(transitions_of(machine) for machine in m.CASE_MACHINES))
STAGE_NAMES: dict[str, str] = {
    str(state.value): str(state.name) for machine in m.CASE_MACHINES for state in machine.states
}


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


class CaseChecks(Subject):
    """A case's state, and what must be true before one of its acts is recorded."""

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

    def require_act(self, act: type[CaseAct], on: date, person: str | None) -> None:
        """Refuse an act the machine it moves does not allow: the case's, or one person's."""
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
            self.require_charged(person)
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

    def require_new_charge(self, person: str) -> None:
        """A person is charged once; a later charge changes the first (Điều 180)."""
        charged = self.persons.get(person)
        if charged and charged.charged_on is not None:
            raise CommandRejected(
                f"Bị can {person} của vụ án {self.ref} đã bị khởi tố ngày "
                f"{fmt(charged.charged_on)}: dùng case.change_charge để thay đổi."
            )

    def require_changeable_charge(self, person: str) -> None:
        """A person's charge changes only while their approval machine allows it."""
        self.require_charged(person)
        approval = self.persons[person].approval or "pending"
        if "change_charge" not in PERSON_MACHINES["approval"][approval]:
            raise StageError(
                "bị can",
                f"{self.ref}/{person}",
                "change_charge",
                PERSON_STATE_NAMES[approval],
                PERSON_MACHINES["approval"][approval],
            )

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

    def require_charged(self, person: str) -> None:
        accused = self.persons.get(person)
        if accused is None or accused.charged_on is None:
            raise CommandRejected(
                f"Vụ án {self.ref} không có bị can '{person}' (trường 'person'): "
                "cần case.charge trước."
            )
