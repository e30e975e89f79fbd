"""`make demo`, statistical reports sent up the hierarchy: the demo unit submits each month of
the working year ended so far, the province returns one with a reason, the unit corrects and
sends it again, the province accepts them all; then a back-dated act recorded after the
submission shows in the difference view and not in the submitted figures."""

from __future__ import annotations

from datetime import date
from typing import Any

from rich.console import Console

from qlahs.engine import Engine
from qlahs.law.calendar import Calendar, fmt
from qlahs.stats import snapshot as log
from qlahs.stats.compute import Report, report_of
from qlahs.stats.periods import Period, work_year_of
from qlahs.stats.rollup import add_up, difference, roll_up
from qlahs.stats.submission import month_figures, snapshot_command, snapshot_step

PROVINCE = "VKSQN"
OTHER = "VKSKV1"  # a second regional unit, so the province's roll-up adds two units
STATISTICIAN = "Cán bộ thống kê"
LEADER = "Phó Viện trưởng VKS tỉnh"


def send_months(engine: Engine, unit: str, until: date, console: Console) -> dict[str, Any]:
    """Submit, return once, resubmit and accept the months ended by `until`."""
    calendar = Calendar.default()
    known = log.read(engine)  # one reading of the log serves every month sent at this moment
    year = report_of(known, unit, work_year_of(until), rulebook=engine.rulebook, calendar=calendar)
    sent = [(m, f) for m, f in month_figures(year) if _due(m, calendar) <= until]
    if not sent:
        return {"statreports": 0}
    for month, figures in sent:
        _step(
            engine,
            snapshot_step("statreport.submit", unit, month, figures, year, _due(month, calendar)),
        )
    months = [month for month, _ in sent]
    first, last = months[0], months[-1]
    reviewed = calendar.add_working_days(first.end, 2)
    _review(
        engine,
        unit,
        first,
        reviewed,
        "statreport.return",
        {"reasons": ["Số liệu chưa đối chiếu với Cơ quan điều tra, đề nghị rà soát lại"]},
    )
    # corrected after checking with the investigating body: the same reading holds
    _step(engine, snapshot_step("statreport.submit", unit, first, sent[0][1], year, reviewed))
    for month in months:
        _review(
            engine, unit, month, calendar.add_working_days(month.end, 2), "statreport.accept", {}
        )
    other = report_of(known, OTHER, last, rulebook=engine.rulebook, calendar=calendar)
    _send(engine, other, calendar.add_working_days(last.end, 2))
    _review(engine, OTHER, last, calendar.add_working_days(last.end, 2), "statreport.accept", {})
    rolled = roll_up(engine, PROVINCE, last)
    units_sum = add_up(f.submitted.figures for f in rolled.included if f.submitted)
    console.print(
        f"Báo cáo thống kê tháng của {unit}: đã gửi {len(months)} tháng, trả lại và gửi lại "
        f"{first.title}, cấp tỉnh chấp nhận tất cả. Số liệu đã gửi cộng dồn của {PROVINCE} "
        f"{last.title} bằng tổng của {', '.join(f.unit for f in rolled.included)}: "
        f"{'có' if rolled.figures == units_sum else 'KHÔNG'}."
    )
    gap = _back_dated(engine, unit, last)
    for line in gap:
        console.print(f"  {line}")
    return {"statreports": len(months), "rollup_matches": rolled.figures == units_sum}


def _due(month: Period, calendar: Calendar) -> date:
    """The day the demo sends a month: the second working day after it (on time)."""
    return calendar.add_working_days(month.end, 2)


def _send(engine: Engine, report: Report, on: date) -> None:
    _step(engine, snapshot_command("statreport.submit", report, on))


def _step(engine: Engine, step: dict[str, Any]) -> None:
    engine.execute(step | {"actor": STATISTICIAN})


def _review(
    engine: Engine, unit: str, month: Period, on: date, action: str, fields: dict[str, Any]
) -> None:
    ref = f"{unit}/{month.code}"
    engine.execute(
        {"do": action, "ref": ref, "on": on, "unit": PROVINCE, "actor": LEADER, "with": fields}
    )


def _back_dated(engine: Engine, unit: str, month: Period) -> list[str]:
    """A crime report received inside the month but recorded only now."""
    received = month.start
    engine.execute(
        {
            "on": received,
            "do": "report.receive",
            "ref": f"{unit}-TB-BO-SUNG-{month.code}",
            "unit": unit,
            "actor": "Cán bộ tiếp nhận",
            "with": {
                "source": "tin_bao",
                "received_by": "CQDT",
                "summary": "Trộm cắp tài sản",
                "reporter": "Công an phường Bãi Cháy",
            },
        }
    )
    found = difference(engine, unit, month)
    lines = [
        f"Chênh lệch {found.filed.ref} sau khi ghi nhận bổ sung nguồn tin ngày {fmt(received)}:"
    ]
    lines += [f"{i.name}: đã gửi {sent}, hôm nay {today}" for i, sent, today in found.changed[:3]]
    lines += [act.line for act in found.late_acts]
    return lines
