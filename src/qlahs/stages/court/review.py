"""Review of a judgment or decision in effect: giám đốc thẩm within 3 years of the legal
effect (BLTTDS Điều 334 k1, Luật TTHC Điều 263 k1), 2 more from their end when Điều 334 k2's
conditions are claimed (`k2`); tái thẩm within 1 year of learning the grounds (Điều 355,
Luật TTHC Điều 284). All three are rights: windows that lapse unused."""

from __future__ import annotations

from typing import Any

from qlahs.law.calendar import fmt
from qlahs.law.counting import count
from qlahs.law.deadlines import is_late
from qlahs.stages.court.fold import CourtFold


class ReviewRules(CourtFold):
    """The review windows of a matter."""

    def on_TookEffect(self, act: Any) -> None:
        # a decision that takes effect at once (công nhận sự thỏa thuận) ends the preparation
        for name in ("trial_prepare", "petition_prepare", "appeal_prepare"):
            self.end(name, act, "bản án, quyết định có hiệu lực pháp luật")
        for name in ("trial_open", "hearing_open", "appeal_open"):
            self.drop(name, act, "bản án, quyết định có hiệu lực pháp luật")
        opening = f"Bản án, quyết định có hiệu lực pháp luật ngày {fmt(act.on)}."
        self.open("cassation_protest", "limit", act.day, opening, window=True)

    def on_GroundsLearned(self, act: Any) -> None:
        opening = f"Người có thẩm quyền kháng nghị biết được căn cứ tái thẩm ngày {fmt(act.on)}."
        self.open("reopening_protest", "limit", act.day, opening, window=True)

    def on_CassationProtested(self, act: Any) -> None:
        if act.procedure == "tai_tham":
            self.use_right("reopening_protest", act, "kháng nghị tái thẩm")
            return
        window = self.get("cassation_protest")
        late = window is not None and is_late(act.on, window.due)
        if act.k2 and late and window is not None and window.status == "open":
            more = self.rulebook.find(self.rule("cassation_protest"), "k2_extension", window.start)
            if more is not None:
                window.explain(more.explain())
                window.explain(
                    f"Kháng nghị ghi nhận đủ điều kiện khoản 2: thêm {more.value} năm kể từ ngày "
                    f"hết thời hạn {fmt(window.due)}."
                )
                self.set_due(window, count("years", window.due, more.value, self.calendar), more)
        self.use_right("cassation_protest", act, "kháng nghị giám đốc thẩm")
