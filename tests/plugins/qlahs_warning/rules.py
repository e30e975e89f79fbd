"""The one obligation: a warning letter is answered within the days its rule file sets."""

from __future__ import annotations

from qlahs.law.calendar import fmt
from qlahs.law.counting import count
from qlahs.law.fold import Fold
from qlahs_warning.letter import WarningLetter

ANSWER = "warning.answer"


class WarningRules(Fold):
    def on_Sent(self, act: WarningLetter.Sent) -> None:
        self.ref, self.unit = act.ref, act.unit
        limit = self.rulebook.value(ANSWER, "limit", act.day)
        deadline = self.open_deadline(ANSWER, limit, act.day, f"Gửi thư ngày {fmt(act.on)}.")
        self.set_due(deadline, count("days", act.day, limit.value, self.calendar))

    def on_Answered(self, act: WarningLetter.Answered) -> None:
        self.close(ANSWER, act, "trả lời thư cảnh báo")
