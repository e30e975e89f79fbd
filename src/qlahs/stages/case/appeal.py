"""Appeal and protest (BLTTHS 2015 Điều 330–355): commands and rules.

- `appeal.party` — Điều 333 k1: 15 days from the judgment to appeal (a window);
- `protest.same_level` / `protest.superior` — Điều 337 k1: 15 / 30 days (windows);
- an appeal or protest in time stops the first-instance judgment taking effect for the parts
  it concerns (Điều 339, 343), so no enforcement decision is due for them; the appeal
  judgment takes effect when pronounced (Điều 355 k2) and starts the enforcement decision
  (Điều 364 k2).
"""

from __future__ import annotations

from typing import ClassVar, Literal

from qlahs.domain.criminal_case import CriminalCase
from qlahs.kernel.subject import Act
from qlahs.law.calendar import fmt
from qlahs.law.deadlines import days_late, is_late
from qlahs.stages.case.trial import APPEAL, ENFORCE, SAME, SUPERIOR, TrialRules
from qlahs.stages.commands import Command


class AppealJudgment(Command):
    """Kháng cáo (Điều 331–333)."""

    action: ClassVar[str] = "case.appeal"
    person: str | None = None


class Protest(Command):
    """Kháng nghị phúc thẩm của Viện kiểm sát (Điều 336–337)."""

    action: ClassVar[str] = "case.protest"
    level: Literal["same", "superior"] = "same"


class AppealAccept(Command):
    """Tòa án cấp phúc thẩm thụ lý vụ án (Điều 346)."""

    action: ClassVar[str] = "case.appeal_accept"


class AppealJudge(Command):
    """Tuyên án phúc thẩm (Điều 355)."""

    action: ClassVar[str] = "case.appeal_judge"
    outcome: str = "giữ nguyên"


class AppealRules(TrialRules):
    """Appeals and protests judged against their windows; enforcement after the appeal."""

    def on_Appealed(self, act: CriminalCase.Appealed) -> None:
        if self._within(APPEAL, act, "kháng cáo"):
            # An accused person's appeal holds back that person's part of the judgment; an
            # appeal by another participant (no accused named) is taken as against all of it.
            persons = [act.person] if act.person in self.sentenced else list(self.sentenced)
            self._not_in_effect(act, persons, "kháng cáo")

    def on_Protested(self, act: CriminalCase.Protested) -> None:
        rule = SAME if act.level == "same" else SUPERIOR
        if self._within(rule, act, "kháng nghị phúc thẩm"):
            self._not_in_effect(act, list(self.sentenced), "kháng nghị phúc thẩm")

    def _within(self, rule: str, act: Act, what: str) -> bool:
        """Judge an appeal or protest against its window; whether it came in time."""
        if self.close(rule, act, what) is not None:
            return self.deadlines[rule].status == "met"
        window = self.deadlines.get(rule)
        if window is None:
            return False
        if not is_late(act.on, window.due):  # a second one, in time
            return True
        late = days_late(act.on, window.due)
        self.breach(window, "late", act, late, f"{what} ngày {fmt(act.on)}, quá hạn {late} ngày")
        return False

    def _not_in_effect(self, act: Act, persons: list[str], what: str) -> None:
        """The parts appealed or protested in time do not take legal effect (Điều 343) and are
        not enforced (Điều 339): no enforcement decision is due until the appeal judgment."""
        for person in persons:
            self.cancel(
                ENFORCE,
                act,
                f"{what} trong hạn: phần bản án bị {what} chưa có hiệu lực pháp luật "
                "(Điều 339, Điều 343)",
                person=person,
            )

    def on_AppealAccepted(self, act: Act) -> None:
        for person in self.sentenced:
            self.cancel(ENFORCE, act, "Tòa án cấp phúc thẩm thụ lý vụ án", person=person)

    def on_AppealJudged(self, act: Act) -> None:
        for person in self.sentenced:
            self.open_enforcement(
                act,
                act.day,
                person,
                f"Bản án phúc thẩm tuyên ngày {fmt(act.on)} có hiệu lực pháp luật ngay "
                "(Điều 355 k2).",
            )
