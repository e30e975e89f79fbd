"""The limits of the answers owed to the procuracy after a direct inspection.

- `inspection.answer_recommendation`, `inspection.answer_protest` — the inspected facility or
  enforcement body answers a recommendation or a protest within the limit of the law that
  governs it: Luật Thi hành án hình sự 2019 Điều 169 for prisons, enforcement bodies and
  communes; Luật Thi hành tạm giữ, tạm giam 2015 Điều 43 for detention facilities. The
  limit counts from the day the document was issued, taken as the day the body received it.

Deadlines are keyed by the document: `KSTT1/KN1` is recommendation KN1 of inspection KSTT1.
"""

from __future__ import annotations

from qlahs.domain.inspection import DETENTION, FACILITY_NAMES, Inspection
from qlahs.domain.supervision import FAMILY_NAMES, SupervisionActs
from qlahs.law.calendar import fmt
from qlahs.law.counting import count
from qlahs.law.fold import Fold

RULES = {
    "recommendation": "inspection.answer_recommendation",
    "protest": "inspection.answer_protest",
}


class InspectionRules(Fold):
    """Judges the answers of the inspected body."""

    facility_kind = ""
    facility = ""

    def on_Opened(self, act: Inspection.Opened) -> None:
        self.ref, self.unit = act.ref, act.unit
        self.facility_kind, self.facility = act.facility_kind, act.facility

    def on_Issued(self, act: SupervisionActs.Issued) -> None:
        rule = RULES.get(act.family)
        if rule is None:
            return
        parameter = "detention" if self.facility_kind in DETENTION else "enforcement"
        value = self.rulebook.value(rule, parameter, act.day)
        kind = FACILITY_NAMES.get(self.facility_kind, self.facility_kind)
        deadline = self.open_deadline(
            rule,
            value,
            act.day,
            f"Ngày {fmt(act.on)} Viện kiểm sát ban hành {FAMILY_NAMES[act.family]} {act.key} "
            f"đối với {self.facility} ({kind}).",
            person=act.key,
        )
        self.set_due(deadline, count(value.unit or "days", act.day, value.value, self.calendar))

    def on_Answered(self, act: SupervisionActs.Answered) -> None:
        for rule in RULES.values():
            if self.close(rule, act, "trả lời", person=act.key) is not None:
                return
