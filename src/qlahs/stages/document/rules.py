"""The answer owed to an issued recommendation (kiến nghị): the law sets no number of days
(Luật Tổ chức VKSND 2014 Điều 5 k2: "theo quy định của pháp luật"), so the deadline is the one
the document itself gives, counted in days from its date; without one the document is
followed until answered, with no deadline (docs/law-readings.md)."""

from __future__ import annotations

from qlahs.domain.issued_document import IssuedDocument
from qlahs.law.calendar import fmt
from qlahs.law.fold import Fold

ANSWER = "supervision.answer_recommendation"


class DocumentRules(Fold):
    def on_Issued(self, act: IssuedDocument.Issued) -> None:
        self.ref, self.unit = act.ref, act.unit
        if act.answer_within is None:
            return
        value = self.rulebook.value(ANSWER, "limit", act.day)
        opening = f"Ngày {fmt(act.on)} ban hành {act.title} số {act.symbol}."
        self.open_set_by_document(ANSWER, value, act.day, opening, within=act.answer_within)

    def on_Answered(self, act: IssuedDocument.Answered) -> None:
        self.close(ANSWER, act, "cơ quan được kiến nghị trả lời")

    def on_Withdrawn(self, act: IssuedDocument.Withdrawn) -> None:
        self.cancel(ANSWER, act, "văn bản bị thu hồi")
