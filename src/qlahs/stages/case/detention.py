"""The limit of one tạm giam order (BLTTHS 2015 Điều 173, 174 k4, 241, 278, 329, 347, 419): by
stage and crime category, within a resumed investigation's period, two thirds for a minor."""

from __future__ import annotations

from datetime import date

from qlahs.kernel.subject import day_of
from qlahs.law.calendar import fmt
from qlahs.law.rulebook import InForce
from qlahs.stages.case.common import CaseFacts

DETENTION = "custody.detention"


class DetentionLimits(CaseFacts):
    """The longest a detention order of a stage may last for one person."""

    def _cap(self, stage: str, person: str, day: date) -> InForce:
        if self.summary and stage in ("investigation", "prosecution", "trial", "appeal"):
            stage_key = "summary_trial" if stage == "trial" else f"summary_{stage}"
            cap = self.rulebook.value(DETENTION, stage_key, day)
        elif stage in ("judgment", "appeal"):
            cap = self.rulebook.value(DETENTION, stage, day)
        else:
            # Điều 173 sets each accused person's limit by the crime that person is charged
            # with; later stages borrow the case's own time limit (Điều 241, 278).
            category = self.person_category(person) if stage == "investigation" else None
            cap = self.by_category(DETENTION, stage, day, category)
        return self._for_minor(self._within_new_period(cap, stage, day), person, day)

    def _within_new_period(self, cap: InForce, stage: str, day: date) -> InForce:
        """In a resumed or supplementary investigation, detention may not outlast that
        investigation period (Điều 174 k4)."""
        period = self.deadlines.get("case.investigate")
        if stage != "investigation" or self.investigation_mode == "initial" or period is None:
            return cap
        left = (day_of(period.due) - day_of(day)).days + 1
        if left >= cap.value:
            return cap
        rule = self.rulebook.value(DETENTION, "within_new_investigation_period", day)
        return cap.model_copy(
            update={
                "value": max(0, left),
                "citation": rule.citation,
                "confidence": rule.confidence,
                "description": f"{rule.description} (đến hết ngày {fmt(period.due)})",
            }
        )

    def _for_minor(self, limit: InForce, person: str, day: date) -> InForce:
        """Two thirds of an adult's limit for a person under 18 (Điều 419 k1): every limit of
        tạm giam, extensions included."""
        if not self.is_minor(person, day):
            return limit
        top = self.rulebook.value(DETENTION, "minor_numerator", day)
        bottom = self.rulebook.value(DETENTION, "minor_denominator", day)
        return limit.model_copy(
            update={
                "value": limit.value * top.value // bottom.value,
                "citation": top.citation,
                "confidence": top.confidence,
                "description": f"{limit.description}, người dưới 18 tuổi: "
                f"{top.value}/{bottom.value} thời hạn",
            }
        )
