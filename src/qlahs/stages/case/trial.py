"""First-instance trial (BLTTHS 2015 Điều 276–286): commands and rules.

- `trial.prepare` — Điều 277 k1: 30 days / 45 days / 2 months / 3 months by category from the
  court's acceptance, extended once by 15/15/30/30 days; 15 days after the file comes back from
  supplementary investigation (k2).
- `trial.open` — Điều 277 k3: the trial opens within 15 days of the decision to bring it.
- the windows to appeal and to protest, and the date the judgment takes legal effect
  (Điều 333, 337, 343), which start the enforcement decision (Điều 364).
"""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from pydantic import Field

from qlahs.domain.criminal_case import CriminalCase
from qlahs.kernel.subject import Act
from qlahs.law.calendar import fmt
from qlahs.law.counting import count
from qlahs.law.crimes import CATEGORY_NAMES
from qlahs.stages.case.common import CaseFacts
from qlahs.stages.commands import Command

PREPARE, OPEN = "trial.prepare", "trial.open"
APPEAL, SAME, SUPERIOR, ENFORCE = (
    "appeal.party",
    "protest.same_level",
    "protest.superior",
    "enforcement.decide",
)


class CourtAccept(Command):
    """Tòa án thụ lý vụ án (Điều 276)."""

    action: ClassVar[str] = "case.court_accept"


class ExtendTrialPreparation(Command):
    """Gia hạn thời hạn chuẩn bị xét xử (Điều 277 k1)."""

    action: ClassVar[str] = "case.extend_trial_preparation"
    days: int = Field(ge=1, le=60)


class BringToTrial(Command):
    """Quyết định đưa vụ án ra xét xử (Điều 277)."""

    action: ClassVar[str] = "case.bring_to_trial"


class Judge(Command):
    """Tuyên án sơ thẩm."""

    action: ClassVar[str] = "case.judge"
    outcome: str = Field(min_length=1)
    sentences: dict[str, str] = Field(default_factory=dict)


class TrialRules(CaseFacts):
    """The court's clocks up to the first-instance judgment, then the windows after it."""

    court_returned = False
    preparation_extended = 0
    sentenced: tuple[str, ...] = ()

    def on_CourtAccepted(self, act: Act) -> None:
        if self.summary:
            value = self.rulebook.value(PREPARE, "summary", act.day)
        elif self.court_returned:
            value = self.rulebook.value(PREPARE, "after_supplementary", act.day)
        else:
            value = self.by_category(PREPARE, "base", act.day)
        deadline = self.open_deadline(
            PREPARE, value, act.day, f"Tòa án thụ lý vụ án ngày {fmt(act.on)}."
        )
        deadline.explain(self.category_line())
        self.set_due(deadline, count(value.unit or "days", act.day, value.value, self.calendar))
        self.halved_for_minors(PREPARE, deadline)
        self.preparation_extended = 0

    def on_TrialPreparationExtended(self, act: CriminalCase.TrialPreparationExtended) -> None:
        deadline = self.deadlines.get(PREPARE)
        if deadline is None or deadline.status != "open":
            return
        most = self.by_category(PREPARE, "extension", deadline.start)
        times = self.rulebook.value(PREPARE, "extension_count", deadline.start)
        self.preparation_extended += 1
        if self.preparation_extended > times.value:
            self.violate(
                PREPARE,
                times,
                "exceeds_limit",
                act,
                deadline.due,
                f"{self.ref}: gia hạn chuẩn bị xét xử lần thứ {self.preparation_extended}; "
                "chỉ được "
                f"gia hạn {times.value} lần ({times.article}).",
            )
            return
        self.late_if_expired(deadline, act, "gia hạn chuẩn bị xét xử")
        days = act.days
        if days > most.value:
            self.violate(
                PREPARE,
                most,
                "exceeds_limit",
                act,
                deadline.due,
                f"{self.ref}: gia hạn chuẩn bị xét xử {days} ngày, quá {most.value} ngày cho tội "
                f"phạm {CATEGORY_NAMES[self.category]} ({most.article}).",
            )
            days = most.value
        deadline.explain(
            f"Ngày {fmt(act.on)} gia hạn {days} ngày, tính từ ngày {fmt(deadline.due)}."
        )
        self.set_due(deadline, count("days", deadline.due, days, self.calendar), most)

    def on_BroughtToTrial(self, act: Act) -> None:
        self.close(PREPARE, act, "quyết định đưa vụ án ra xét xử")
        value = self.rulebook.value(OPEN, "summary" if self.summary else "limit", act.day)
        deadline = self.open_deadline(
            OPEN, value, act.day, f"Quyết định đưa vụ án ra xét xử ngày {fmt(act.on)}."
        )
        self.set_due(deadline, count("days", act.day, value.value, self.calendar))

    def on_ReturnedForInvestigation__trial(
        self, act: CriminalCase.ReturnedForInvestigation
    ) -> None:
        if act.by == "court":
            self.court_returned = True
            self.close(PREPARE, act, "trả hồ sơ để điều tra bổ sung")
            self.cancel(OPEN, act, "Hội đồng xét xử trả hồ sơ để điều tra bổ sung")

    def on_Suspended__trial(self, act: CriminalCase.Suspended) -> None:
        if not act.person and self.phase == "trial":
            self.close(PREPARE, act, "tạm đình chỉ vụ án")

    def on_Resumed__trial(self, act: CriminalCase.Resumed) -> None:
        deadline = self.deadlines.get(PREPARE)
        if act.person or deadline is None or deadline.status in ("open",):
            return
        if self.phase == "trial":
            self.court_returned = False
            self.on_CourtAccepted(act)
            self.deadlines[PREPARE].explain(
                f"Ngày {fmt(act.on)} phục hồi vụ án: thời hạn chuẩn bị xét xử tính lại "
                "(Điều 277 k2)."
            )

    def on_Dismissed__trial(self, act: CriminalCase.Dismissed) -> None:
        if not act.person and self.phase == "trial":
            self.close(PREPARE, act, "đình chỉ vụ án")

    def on_Judged(self, act: CriminalCase.Judged) -> None:
        self.close(OPEN, act, "mở phiên tòa xét xử sơ thẩm")
        ends: list[date] = []
        for rule in (APPEAL, SAME, SUPERIOR):
            value = self.rulebook.value(rule, "limit", act.day)
            window = self.open_deadline(
                rule, value, act.day, f"Tuyên án sơ thẩm ngày {fmt(act.on)}.", window=True
            )
            self.set_due(window, count("days", act.day, value.value, self.calendar))
            ends.append(window.due)
        self.sentenced = tuple(
            p for p in self.person_categories if not act.sentences or p in act.sentences
        )
        effect = max(ends)
        for person in self.sentenced:
            self.open_enforcement(
                act,
                effect,
                person,
                "Bản án sơ thẩm không bị kháng cáo, kháng nghị có hiệu lực pháp luật ngày "
                f"{fmt(effect)}: "
                "ngày hết thời hạn kháng cáo, kháng nghị muộn nhất (Điều 343).",
            )

    def open_enforcement(self, act: Act, effect: date, person: str, opening: str) -> None:
        value = self.rulebook.value(ENFORCE, "limit", effect)
        deadline = self.open_deadline(ENFORCE, value, effect, opening, person=person)
        self.set_due(deadline, count("days", effect, value.value, self.calendar))
