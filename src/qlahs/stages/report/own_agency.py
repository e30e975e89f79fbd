"""Module 6: a crime report received by the procuracy's own investigation agency (Cơ quan
điều tra Viện kiểm sát nhân dân tối cao, `received_by` = `CQDT_VKSTC`), or transferred to it.

Its limits are those of every report (Điều 146–149, `rules.py`); what differs is who
extends them: the procuracy that holds the report, the supreme procuracy (Điều 147 k2, "Viện
kiểm sát cùng cấp"). An extension granted or refused for another procuracy is the decision of
the wrong one (`own_investigation.supervision`, docs/law-readings.md).
"""

from __future__ import annotations

from qlahs.domain.crime_report import CrimeReport
from qlahs.domain.own_agency import CODE, NAME, is_own_agency
from qlahs.kernel.subject import Act
from qlahs.law.calendar import fmt
from qlahs.law.units import units
from qlahs.stages.report.rules import ReportRules

SUPERVISION = "own_investigation.supervision"


class OwnAgencyReportRules(ReportRules):
    """Who decides on the extension of a report of the procuracy's own agency."""

    own_agency = False

    def on_Received__own_agency(self, act: CrimeReport.Received) -> None:
        self.own_agency = act.received_by == CODE

    def on_Transferred__own_agency(self, act: CrimeReport.Transferred) -> None:
        self.own_agency = is_own_agency(act.to)

    def on_ExtensionGranted__own_agency(self, act: CrimeReport.ExtensionGranted) -> None:
        self._by_supervisor(act, "gia hạn thời hạn giải quyết nguồn tin")

    def on_ExtensionRefused__own_agency(self, act: CrimeReport.ExtensionRefused) -> None:
        self._by_supervisor(act, "không gia hạn thời hạn giải quyết nguồn tin")

    def _by_supervisor(self, act: Act, what: str) -> None:
        if not self.own_agency or act.unit == self.unit:
            return
        value = self.rulebook.value(SUPERVISION, "report_extension", act.day)
        self.violate(
            SUPERVISION,
            value,
            "wrong_authority",
            act,
            None,
            f"{self.ref}: {what} ngày {fmt(act.on)} do {units().name(act.unit)} ghi nhận; nguồn "
            f"tin do {NAME} giải quyết thì việc này thuộc thẩm quyền của Viện kiểm sát nhân dân "
            f"tối cao, Viện kiểm sát thụ lý nguồn tin ({units().name(self.unit)}) "
            f"({value.article}).",
        )
