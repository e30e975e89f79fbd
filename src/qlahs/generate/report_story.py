"""The crime reports of a unit (module 1): the demo's stories (`demo/reports.py`), received
at the unit's daily rate; a few prosecutor assignments are recorded days after later acts of
the same report (back-dated), and each report decided `khoi_to` hands its case to the case
story."""

from __future__ import annotations

from datetime import date, timedelta

from qlahs.demo.reports import plan_report
from qlahs.generate.stories import Desk, story
from qlahs.generate.units import NATION_REPORTS
from qlahs.kernel.subject import day_of

BACK_DATED = 0.02  # of the prosecutor assignments


@story("report")
def reports(desk: Desk, day: date) -> None:
    rng = desk.rng("report")
    code = desk.unit.code
    for _ in range(desk.per_day(NATION_REPORTS, rng)):
        number = desk.next_number(f"report/{day.year}")
        steps = plan_report(number, day, desk.until, rng, desk.calendar, unit=code)
        summary = steps[0]["with"]["summary"]
        desk.recent.append(steps[0]["ref"])
        for step in steps:
            recorded = None
            if step["do"] == "report.assign_prosecutor" and rng.random() < BACK_DATED:
                recorded = day_of(step["on"]) + timedelta(days=rng.randint(3, 10))
            desk.put(step, recorded)
            fields = step.get("with") or {}
            if step["do"] == "report.decide" and fields.get("outcome") == "khoi_to":
                desk.hand("case", (day_of(step["on"]), fields["case"], step["ref"], summary))
