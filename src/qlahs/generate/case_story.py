"""The criminal cases of a unit (modules 2–6): the demo's stories (`demo/case_plan.py`) from
charges and custody to enforcement, for the cases opened from the unit's reports and for
those opened without one (caught in the act, taken over from another body), so that a
national year has its 140,000 cases. A few charge approvals are recorded days after later
acts of the same case (back-dated)."""

from __future__ import annotations

import random
from datetime import date, timedelta

from qlahs.demo.case_plan import plan_case
from qlahs.demo.reports import CRIMES
from qlahs.generate.stories import Desk, story
from qlahs.generate.units import NATION_CASES, NATION_REPORTS
from qlahs.kernel.subject import day_of

# the demo's reports open a case for about 35% of them (decided `khoi_to`); the other cases
# of a year are opened without a report
FROM_REPORTS = 0.35
DIRECT_CASES = NATION_CASES - round(FROM_REPORTS * NATION_REPORTS)
BACK_DATED = 0.02  # of the charge approvals
DEMO_PROVINCE = "tỉnh Quảng Ninh"  # the demo's agencies are Quảng Ninh's


@story("case")
def cases(desk: Desk, day: date) -> None:
    rng = desk.rng("case")
    for opened, ref, report, summary in desk.taken("case"):
        _plan(desk, rng, ref, report, opened, summary)
    for _ in range(desk.per_day(DIRECT_CASES, rng)):
        number = desk.next_number(f"case/{day.year}")
        ref = f"{desk.unit.code}-VA-{day.year}-{number:05d}"  # 5 digits: never a report's
        summary = rng.choices([c for c, _ in CRIMES], [w for _, w in CRIMES])[0]
        desk.recent.append(ref)
        _plan(desk, rng, ref, None, day, summary)


def _plan(
    desk: Desk, rng: random.Random, ref: str, report: str | None, opened: date, summary: str
) -> None:
    for step in plan_case(ref, report, opened, summary, rng, desk.calendar):
        fields = step["with"]
        if step["do"] == "case.open":
            agency = fields["investigating_agency"]
            fields["investigating_agency"] = agency.replace(DEMO_PROVINCE, desk.unit.province)
        recorded = None
        if step["do"] == "case.approve_charge" and rng.random() < BACK_DATED:
            recorded = day_of(step["on"]) + timedelta(days=rng.randint(3, 10))
        desk.put(step, recorded)
