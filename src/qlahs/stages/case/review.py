"""Review of a judgment in effect (BLTTHS 2015 Điều 367, 370–403): actions and rules.

- `cassation.protest_against` — Điều 379 k1: a protest against the convicted person within 1 year
  of the judgment taking legal effect, a window per convicted person; in their favour at any
  time (k2), so no window;
- `reopening.protest` — Điều 401 k1: against the convicted person within 1 year of the VKS
  receiving the news of the new fact, and within the limitation period (BLHS Điều 27);
- `cassation.return_file` — Điều 380 k2: the VKS returns the file within 30 days;
- `cassation.hearing` — Điều 385 (Điều 403 for tái thẩm): the hearing within 4 months;
- `death_review.return_file`, `death_review.decide`, `death_review.clemency` — Điều 367 k1 b, c, d.

A part of a judgment takes effect when its appeal and protest windows end unused (Điều 343), or
when the appeal judgment is pronounced (Điều 355 k2): that day opens its windows here.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from qlahs.domain.case_review_acts import ProtestAct
from qlahs.domain.criminal_case import CriminalCase
from qlahs.kernel.subject import Act
from qlahs.law.calendar import fmt
from qlahs.law.counting import count
from qlahs.law.deadlines import days_late, is_late, key
from qlahs.stages.case import review_commands as rc
from qlahs.stages.case.trial import APPEAL, SAME, SUPERIOR, TrialRules
from qlahs.stages.registry import Action, calls

AGAINST, REOPEN = "cassation.protest_against", "reopening.protest"
RETURN, HEARING = "cassation.return_file", "cassation.hearing"
DEATH_RETURN, DECIDE, CLEMENCY = (
    "death_review.return_file",
    "death_review.decide",
    "death_review.clemency",
)
C = CriminalCase


class ReviewRules(TrialRules):
    """The windows opened by a judgment in effect and the clocks of its review."""

    def __init__(self, *args: Any):
        super().__init__(*args)
        # the day each convicted person's part took effect; None while an appeal holds it back
        self.effect_on: dict[str, date | None] = {}
        self.death: set[str] = set()
        self.review_kind = "giám đốc thẩm"  # of the last protest: giám đốc thẩm | tái thẩm

    # -- when the judgment takes effect -----------------------------------------------------------

    def on_Judged__review(self, act: CriminalCase.Judged) -> None:
        ends = [self.deadlines[rule].due for rule in (APPEAL, SAME, SUPERIOR)]
        effect = max(ends)
        self.death = {
            p for p in self.sentenced if "tử hình" in (act.sentences.get(p) or act.outcome).lower()
        }
        for person in self.sentenced:
            self._took_effect(
                person,
                effect,
                f"Bản án sơ thẩm tuyên ngày {fmt(act.on)} có hiệu lực pháp luật ngày "
                f"{fmt(effect)} nếu không bị kháng cáo, kháng nghị (Điều 343).",
            )

    def on_Appealed__review(self, act: CriminalCase.Appealed) -> None:
        if self._in_time(APPEAL, act):
            persons = [act.person] if act.person in self.sentenced else list(self.sentenced)
            self._held_back(act, persons, "kháng cáo")

    def on_Protested__review(self, act: CriminalCase.Protested) -> None:
        if self._in_time(SAME if act.level == "same" else SUPERIOR, act):
            self._held_back(act, list(self.sentenced), "kháng nghị phúc thẩm")

    def on_AppealJudged__review(self, act: Act) -> None:
        for person, effect in self.effect_on.items():
            if effect is None:
                self._took_effect(
                    person,
                    act.day,
                    f"Bản án phúc thẩm tuyên ngày {fmt(act.on)} có hiệu lực pháp luật ngay "
                    "(Điều 355 khoản 2).",
                )

    def _in_time(self, rule: str, act: Act) -> bool:
        window = self.deadlines.get(rule)
        return window is not None and not is_late(act.on, window.due)

    def _held_back(self, act: Act, persons: list[str], what: str) -> None:
        for person in persons:
            self.effect_on[person] = None
            for rule in (AGAINST, CLEMENCY):
                self.cancel(
                    rule,
                    act,
                    f"{what} trong hạn: phần bản án bị {what} chưa có hiệu lực pháp luật "
                    "(Điều 343)",
                    person=person,
                )

    def _took_effect(self, person: str, effect: date, opening: str) -> None:
        self.effect_on[person] = effect
        rules = (AGAINST, CLEMENCY) if person in self.death else (AGAINST,)
        for rule in rules:
            value = self.rulebook.value(rule, "limit", effect)
            window = self.open_deadline(rule, value, effect, opening, person=person, window=True)
            self.set_due(window, count(value.unit or "days", effect, value.value, self.calendar))

    # -- protests --------------------------------------------------------------------------------

    def on_CassationProtested(self, act: CriminalCase.CassationProtested) -> None:
        self.review_kind = "giám đốc thẩm"
        in_effect = self._protest(act, "kháng nghị giám đốc thẩm", "Điều 370")
        if act.direction == "against":
            for person in in_effect:
                self._use_right(AGAINST, act, "kháng nghị giám đốc thẩm", person)

    def on_ReopeningProtested(self, act: CriminalCase.ReopeningProtested) -> None:
        self.review_kind = "tái thẩm"
        in_effect = self._protest(act, "kháng nghị tái thẩm", "Điều 397")
        if act.direction == "against" and in_effect:
            self._use_right(REOPEN, act, "kháng nghị tái thẩm", None)

    def on_NewFactLearned(self, act: CriminalCase.NewFactLearned) -> None:
        value = self.rulebook.value(REOPEN, "limit", act.day)
        window = self.open_deadline(
            REOPEN,
            value,
            act.day,
            f"Viện kiểm sát nhận được tin báo về tình tiết mới ngày {fmt(act.on)}.",
            window=True,
        )
        period = count("years", act.day, value.value, self.calendar)
        self.set_due(window, period)
        if act.committed_on is None:
            return
        limitation = self.by_category(REOPEN, "limitation", act.committed_on)
        bar = count("years", act.committed_on, limitation.value, self.calendar)
        window.explain(self.category_line())
        window.explain(
            f"Tội phạm thực hiện ngày {fmt(act.committed_on)}; thời hiệu truy cứu trách nhiệm "
            f"hình sự {limitation.value} năm ({limitation.article})."
        )
        if bar.end < period.end:
            window.explain(
                "Thời hiệu hết trước 01 năm kể từ ngày nhận tin báo: hạn theo thời hiệu."
            )
            self.set_due(window, bar, limitation)

    def _protest(self, act: ProtestAct, what: str, nature: str) -> list[str]:
        """A review protest concerns a judgment in effect: before the day a part took effect
        it is premature; a protest of the VKS is its decision on a death sentence (Điều 367).
        The persons whose part was in effect."""
        rule = AGAINST if isinstance(act, C.CassationProtested) else REOPEN
        in_effect = []
        for person in self._named(act):
            effect = self.effect_on.get(person)
            if effect is not None and act.day >= effect:
                in_effect.append(person)
            else:
                value = self.rulebook.value(rule, "limit", act.day)
                self.violate(
                    rule,
                    value,
                    "premature",
                    act,
                    effect,
                    f"{self.ref}/{person}: {what} ngày {fmt(act.on)} khi phần bản án về người bị "
                    "kết án chưa có hiệu lực pháp luật: chỉ bản án đã có hiệu lực mới bị xét lại "
                    f"(BLTTHS 2015 {nature}; thời hạn tính từ ngày có hiệu lực, {value.article}).",
                    person=person,
                )
            if act.by == "VKS":
                self.close(DECIDE, act, f"Viện kiểm sát {what}", person=person)
        return in_effect

    def _named(self, act: ProtestAct) -> list[str]:
        return [act.person] if act.person else list(self.sentenced)

    def _use_right(self, rule: str, act: Act, what: str, person: str | None) -> None:
        """In time it is met; after the window a late violation; a second use changes nothing."""
        if self.close(rule, act, what, person=person) is not None:
            return
        window = self.deadlines.get(key(rule, person))
        if window is None or not is_late(act.on, window.due):
            return
        late = days_late(act.on, window.due)
        self.breach(window, "late", act, late, f"{what} ngày {fmt(act.on)}, quá hạn {late} ngày")

    # -- the court's receipt, the file, the hearing ----------------------------------------------

    def on_ReviewAccepted(self, act: Act) -> None:
        value = self.rulebook.value(HEARING, "limit", act.day)
        deadline = self.open_deadline(
            HEARING,
            value,
            act.day,
            f"Tòa án nhận được quyết định kháng nghị {self.review_kind} kèm hồ sơ vụ án ngày "
            f"{fmt(act.on)}" + (" (Điều 403)." if self.review_kind == "tái thẩm" else "."),
        )
        self.set_due(deadline, count("months", act.day, value.value, self.calendar))

    def on_ReviewFileReceived(self, act: Act) -> None:
        value = self.rulebook.value(RETURN, "limit", act.day)
        deadline = self.open_deadline(
            RETURN, value, act.day, f"Viện kiểm sát nhận được hồ sơ vụ án ngày {fmt(act.on)}."
        )
        self.set_due(deadline, count("days", act.day, value.value, self.calendar))

    def on_FileReturned(self, act: Act) -> None:
        for rule in (RETURN, DEATH_RETURN):
            self.close(rule, act, "gửi lại hồ sơ vụ án cho Tòa án")

    def on_ReviewJudged(self, act: Act) -> None:
        self.close(HEARING, act, "mở phiên tòa giám đốc thẩm, tái thẩm")

    # -- a death sentence (Điều 367) --------------------------------------------------------------

    def on_DeathFileReceived(self, act: CriminalCase.DeathFileReceived) -> None:
        opening = f"Viện kiểm sát nhân dân tối cao nhận được hồ sơ vụ án ngày {fmt(act.on)}."
        for rule, person in ((DEATH_RETURN, None), (DECIDE, act.person)):
            value = self.rulebook.value(rule, "limit", act.day)
            deadline = self.open_deadline(rule, value, act.day, opening, person=person)
            self.set_due(deadline, count("months", act.day, value.value, self.calendar))

    def on_DeathNotProtested(self, act: CriminalCase.DeathNotProtested) -> None:
        self.close(DECIDE, act, "quyết định không kháng nghị", person=act.person)

    def on_ClemencyPetitioned(self, act: CriminalCase.ClemencyPetitioned) -> None:
        self._use_right(CLEMENCY, act, "gửi đơn xin ân giảm", act.person)


REVIEW_ACTIONS = (
    Action("case.cassation_protest", rc.CassationProtest, calls(C.cassation_protest)),
    Action("case.learn_new_fact", rc.LearnNewFact, calls(C.learn_new_fact)),
    Action("case.reopening_protest", rc.ReopeningProtest, calls(C.reopening_protest)),
    Action("case.review_accept", rc.ReviewAccept, calls(C.review_accept)),
    Action("case.receive_review_file", rc.ReceiveReviewFile, calls(C.receive_review_file)),
    Action("case.return_file", rc.ReturnFile, calls(C.return_file)),
    Action("case.review_judge", rc.ReviewJudge, calls(C.review_judge)),
    Action("case.death_file_receive", rc.DeathFileReceive, calls(C.death_file_receive)),
    Action("case.death_no_protest", rc.DeathNoProtest, calls(C.death_no_protest)),
    Action("case.clemency_petition", rc.ClemencyPetition, calls(C.clemency_petition)),
)
