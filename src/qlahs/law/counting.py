"""The counting conventions of ARCHITECTURE.md, each with the explanation it gives.

Every function returns the end of a period and the Vietnamese lines that explain how it was
reached, so that a deadline can show its whole computation.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Literal

from qlahs.law.calendar import Calendar, add_months, fmt

Counting = Literal[
    "hours",
    "days",
    "months",
    "years",
    "hold_hours",
    "custody_days",
    "working_days",
    "days_before_end",
]

UNIT_NAMES: dict[str, str] = {
    "hours": "giờ",
    "days": "ngày",
    "months": "tháng",
    "years": "năm",
    "hold_hours": "ngày (tính bằng giờ)",
    "custody_days": "ngày (tạm giam)",
    "working_days": "ngày làm việc",
    "days_before_end": "ngày trước khi hết thời hạn",
}


@dataclass
class Period:
    """The end of a period and how it was computed."""

    end: date
    lines: list[str] = field(default_factory=list)
    days_off_skipped: list[date] = field(default_factory=list)


def count(
    convention: Counting, start: date, amount: int, calendar: Calendar, *, what: str = ""
) -> Period:
    """Dispatch on the counting convention of a rule parameter."""
    if convention == "hours":
        return add_hours(start, amount)
    if convention == "hold_hours":
        return hold_period(start, amount)
    if convention == "days":
        return add_days(start, amount, calendar)
    if convention == "months":
        return add_months_rolled(start, amount, calendar)
    if convention == "years":
        return add_years_rolled(start, amount, calendar)
    if convention == "custody_days":
        return custody_days(start, amount)
    if convention == "working_days":
        return add_working_days(start, amount, calendar)
    if convention == "days_before_end":
        return days_before_end(start, amount)
    raise ValueError(f"Cách tính thời hạn không xác định: {convention} {what}")


def add_hours(start: date, hours: int) -> Period:
    """Hours run from the exact time of the trigger; a day off changes nothing."""
    moment = start if isinstance(start, datetime) else datetime.combine(start, datetime.min.time())
    end = moment + timedelta(hours=hours)
    return Period(end, [f"Tính theo giờ từ {fmt(moment)}: {hours} giờ → {fmt(end)}."])


def hold_period(start: date, days: int) -> Period:
    """Tạm giữ: N days counted as N × 24 hours from the moment the person is received."""
    moment = start if isinstance(start, datetime) else datetime.combine(start, datetime.min.time())
    end = moment + timedelta(hours=24 * days)
    return Period(
        end,
        [
            f"Tạm giữ tính từ thời điểm nhận người {fmt(moment)}: {days} ngày = {24 * days} giờ "
            f"→ {fmt(end)}; không lùi vì ngày nghỉ (Điều 118, TTLT 04/2018 Điều 17)."
        ],
    )


def add_days(start: date, days: int, calendar: Calendar) -> Period:
    """Days: the trigger day is not counted; the period ends at 24:00 of day N; a day off at
    the end moves it to the next working day."""
    start = _date(start)
    nominal = start + timedelta(days=days)
    lines = [
        f"Tính theo ngày: không tính ngày {fmt(start)}, ngày thứ {days} là {fmt(nominal)} "
        f"({calendar.describe(nominal)})."
    ]
    return _rolled(nominal, lines, calendar)


def add_months_rolled(start: date, months: int, calendar: Calendar) -> Period:
    """Months: same day number N months later, or the last day of that month; a day off at
    the end moves it to the next working day (Điều 134 k1)."""
    start = _date(start)
    nominal = add_months(start, months)
    same_day = nominal.day == start.day
    how = "ngày trùng" if same_day else "tháng không có ngày trùng, lấy ngày cuối tháng"
    lines = [
        f"Tính theo tháng: từ {fmt(start)} thêm {months} tháng → {fmt(nominal)} ({how}; "
        f"{calendar.describe(nominal)})."
    ]
    return _rolled(nominal, lines, calendar)


def add_years_rolled(start: date, years: int, calendar: Calendar) -> Period:
    """Years: same day and month N years later (29/02 ends on 28/02 when that year has no
    29/02); a day off at the end moves it to the next working day (BLDS 2015 Điều 147–148)."""
    start = _date(start)
    nominal = add_months(start, 12 * years)
    lines = [
        f"Tính theo năm: từ {fmt(start)} thêm {years} năm → {fmt(nominal)} "
        f"({calendar.describe(nominal)})."
    ]
    return _rolled(nominal, lines, calendar)


def custody_days(start: date, days: int) -> Period:
    """Tạm giam: the start day counts as day 1; ends at 24:00 of the last day; never moves."""
    start = _date(start)
    end = start + timedelta(days=days - 1)
    return Period(
        end,
        [
            f"Tạm giam: tính cả ngày bắt đầu {fmt(start)} là ngày thứ 1, {days} ngày → hết "
            f"24 giờ ngày {fmt(end)}; tính liên tục cả ngày nghỉ (TTLT 04/2018 Điều 17)."
        ],
    )


def add_working_days(start: date, days: int, calendar: Calendar) -> Period:
    start = _date(start)
    end = calendar.add_working_days(start, days)
    lines = [
        f"Tính theo ngày làm việc từ sau {fmt(start)}: ngày làm việc thứ {days} là {fmt(end)}."
    ]
    return Period(end, lines + calendar.uncertain_lines(start + timedelta(days=1), end))


def days_before_end(end_of_period: date, days: int) -> Period:
    """'No later than N days before the end': counted back from the end of the period."""
    end_of_period = _date(end_of_period)
    due = end_of_period - timedelta(days=days)
    return Period(
        due,
        [f"Chậm nhất {days} ngày trước khi hết thời hạn {fmt(end_of_period)} → {fmt(due)}."],
    )


def _rolled(nominal: date, lines: list[str], calendar: Calendar) -> Period:
    end, skipped = calendar.roll_forward(nominal)
    if skipped:
        lines.append(
            f"Ngày cuối rơi vào ngày nghỉ ({', '.join(fmt(d) for d in skipped)}): ngày làm việc "
            f"đầu tiên tiếp theo {fmt(end)} là ngày cuối cùng của thời hạn (Điều 134)."
        )
    # The last day and the days skipped to reach it decide the deadline: say if any is unsure.
    lines += calendar.uncertain_lines(nominal, end)
    return Period(end, lines, skipped)


def _date(day: date) -> date:
    return day.date() if isinstance(day, datetime) else day
