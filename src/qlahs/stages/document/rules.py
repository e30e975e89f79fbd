"""The answer owed to an issued recommendation (kiến nghị): the law sets no number of days
(Luật Tổ chức VKSND 2014 Điều 5 k2: "theo quy định của pháp luật"), so the deadline is the one
the document itself gives, counted in days from its date; without one the document is
followed until answered, with no deadline (docs/law-readings.md)."""

from __future__ import annotations

from qlahs.domain.issued_document import IssuedDocument
from qlahs.law.calendar import fmt
from qlahs.law.counting import count
from qlahs.law.fold import Fold

ANSWER = "supervision.answer_recommendation"


class DocumentRules(Fold):
    def on_Issued(self, act: IssuedDocument.Issued) -> None:
        self.ref, self.unit = act.ref, act.unit
        if act.answer_within is None:
            return
        value = self.rulebook.value(ANSWER, "limit", act.day)
        deadline = self.open_deadline(
            ANSWER, value, act.day, f"Ngày {fmt(act.on)} ban hành {act.title} số {act.symbol}."
        )
        deadline.explanation = [
            line for line in deadline.explanation if not line.startswith("Quy tắc ")
        ]
        deadline.explain(
            f"Luật không quy định số ngày ({value.article}, độ tin cậy {value.confidence}): "
            f"văn bản ấn định trả lời trong {act.answer_within} ngày."
        )
        self.set_due(deadline, count("days", act.day, act.answer_within, self.calendar))

    def on_Answered(self, act: IssuedDocument.Answered) -> None:
        self.close(ANSWER, act, "cơ quan được kiến nghị trả lời")

    def on_Withdrawn(self, act: IssuedDocument.Withdrawn) -> None:
        self.cancel(ANSWER, act, "văn bản bị thu hồi")
