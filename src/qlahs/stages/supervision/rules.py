"""The obligations the procuracy's own acts create, followed until they are answered.

- `supervision.answer_request` — Điều 162 k1 (reports, khởi tố) and Điều 167 k1 (investigation):
  the body must carry out the VKS's request. The Code sets no number of days: the limit is the
  day the request sets (`answer_by`, or `answer_within` days, Điều 134); a request without one
  is followed without a deadline. A body that answers it did not carry the request out
  breaches the same clause.
- `supervision.answer_recommendation`, `supervision.answer_protest` — Luật Tổ chức VKSND 2014
  Điều 5 k2, k1: answered "theo quy định của pháp luật"; the limit is the one the VKS sets.
- `supervision.answer_objection` — Điều 162 k2, Điều 167 k2: the superior VKS settles the
  body's objection within 20 days (Cơ quan điều tra) or 5 days (other bodies) of receiving it.

Deadlines are keyed by the document: `VA1/YC1` is request YC1 of case VA1.
"""

from __future__ import annotations

from datetime import date

from qlahs.domain.supervision import FAMILY_NAMES, SupervisionActs
from qlahs.law.calendar import fmt
from qlahs.law.counting import count
from qlahs.law.fold import Fold
from qlahs.law.rulebook import InForce

REQUEST = "supervision.answer_request"
RULES = {
    "request": REQUEST,
    "recommendation": "supervision.answer_recommendation",
    "protest": "supervision.answer_protest",
    "objection": "supervision.answer_objection",
}
OBJECTORS = {"CQDT": "investigating_body", "CQ_KHAC": "other_body"}
OBJECTOR_NAMES = {
    "CQDT": "Cơ quan điều tra",
    "CQ_KHAC": "cơ quan được giao nhiệm vụ tiến hành một số hoạt động điều tra",
}


class SupervisionRules(Fold):
    """Judges the answers to the VKS's documents; `area` picks the articles (report: Điều
    162, case: Điều 167)."""

    area = "case"

    def on_Issued(self, act: SupervisionActs.Issued) -> None:
        rule = RULES.get(act.family)
        if rule is None:
            return
        value = self._duty(rule, act.day)
        what = f"{FAMILY_NAMES[act.family]} {act.key}"
        self.open_set_by_document(
            rule,
            value,
            act.day,
            f"Ngày {fmt(act.on)} Viện kiểm sát ban hành {what}.",
            within=act.answer_within,
            by=act.answer_by,
            person=act.key,
        )

    def on_Objected(self, act: SupervisionActs.Objected) -> None:
        rule = RULES["objection"]
        value = self.rulebook.value(rule, f"{self.area}_{OBJECTORS[act.by]}", act.day)
        against = f" đối với {act.against}" if act.against else ""
        deadline = self.open_deadline(
            rule,
            value,
            act.day,
            f"Ngày {fmt(act.on)} Viện kiểm sát cấp trên nhận kiến nghị {act.key} của "
            f"{OBJECTOR_NAMES[act.by]}{against}.",
            person=act.key,
        )
        self.set_due(deadline, count("days", act.day, value.value, self.calendar))

    def on_Answered(self, act: SupervisionActs.Answered) -> None:
        for rule in RULES.values():
            closed = self.close(rule, act, "trả lời", person=act.key)
            if closed is not None:
                break
        if act.result == "khong_thuc_hien":
            value = self._duty(REQUEST, act.day)
            self.violate(
                REQUEST,
                value,
                "missing",
                act,
                None,
                f"{self.ref}/{act.key}: ngày {fmt(act.on)} cơ quan được yêu cầu trả lời không "
                f"thực hiện yêu cầu của Viện kiểm sát ({value.article}).",
                person=act.key,
            )

    def _duty(self, rule: str, day: date) -> InForce:
        parameter = self.area if rule == REQUEST else "limit"
        return self.rulebook.value(rule, parameter, day)
