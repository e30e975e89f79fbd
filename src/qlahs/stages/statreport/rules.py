"""The reporting calendar's deadline: a unit sends its report for a period within the working
days its level has after the period ends (TTLT 05/2018 Điều 9, `rules/statreport_submit.yaml`).

The deadline opens with the report's first draft, counted from the day the period ends; the
first submission closes it, on time or late (a `late` violation naming the article). A report
returned and sent again does not reopen it: the law counts the first report.
"""

from __future__ import annotations

from qlahs.domain.statistical_report import StatisticalReport
from qlahs.law.calendar import fmt
from qlahs.law.counting import count
from qlahs.law.fold import Fold
from qlahs.law.units import units

SUBMIT = "statreport.submit"


def level_of(unit: str) -> str:
    """The parameter of the unit's level: a unit under another is a regional one (the former
    district level), a unit without one a province (units.yaml)."""
    return "khu_vuc" if units().ancestors(unit) else "tinh"


class StatisticalReportRules(Fold):
    def on_Drafted(self, act: StatisticalReport.Drafted) -> None:
        self.ref, self.unit = act.ref, act.unit
        end = act.period_end
        limit = self.rulebook.value(SUBMIT, level_of(act.unit), end)
        deadline = self.open_deadline(
            SUBMIT, limit, end, f"Kỳ thống kê {act.period} kết thúc ngày {fmt(end)}."
        )
        self.set_due(deadline, count("working_days", end, limit.value, self.calendar))

    def on_Submitted(self, act: StatisticalReport.Submitted) -> None:
        self.close(SUBMIT, act, "gửi báo cáo thống kê lên cấp trên")
