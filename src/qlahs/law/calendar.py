"""Vietnam's days off and the counting conventions of BLTTHS 2015 Điều 134.

Days off are Saturdays, Sundays and the public holidays of the `holidays` package's Vietnam
calendar (which already knows Tết and most government swaps), adjusted by the data file
`swapped_days.yaml`: each entry there adds or removes one day off and cites the
government decision behind it.
"""

from __future__ import annotations

import calendar as _stdlib_calendar
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from functools import cache
from importlib import resources
from pathlib import Path

import holidays
from pydantic import BaseModel, ConfigDict

from qlahs.kernel import yamlio
from qlahs.kernel.dates import fmt as fmt  # re-exported: callers count and print days
from qlahs.law.citation import Citation, Confidence

WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật")


def weekday_name(day: date) -> str:
    return WEEKDAYS[day.weekday()]


class DayAdjustment(BaseModel):
    """One government decision that makes a day a day off, or a working day."""

    model_config = ConfigDict(extra="forbid")

    day: date
    off: bool
    name: str
    citation: Citation
    confidence: Confidence
    # Set when the day's status is not settled by a text in force (a policy announced, a law
    # not yet amended): a deadline that depends on the day says so in its explanation.
    uncertain: str | None = None


class SwappedDaysFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    description: str
    days: list[DayAdjustment]


def load_adjustments(path: Path | None = None) -> list[DayAdjustment]:
    """Read the swapped-days file; an entry without a citation does not load."""
    if path is None:
        text = resources.files("qlahs.law").joinpath("swapped_days.yaml").read_text("utf-8")
        name = "swapped_days.yaml"
    else:
        text, name = path.read_text("utf-8"), str(path)
    return yamlio.load_data(SwappedDaysFile, name, text).days


@dataclass(frozen=True)
class Calendar:
    """Which days are days off, and counting over them."""

    adjustments: tuple[DayAdjustment, ...] = ()
    _added: dict[date, DayAdjustment] = field(default_factory=dict, init=False, repr=False)
    _removed: dict[date, DayAdjustment] = field(default_factory=dict, init=False, repr=False)

    def __post_init__(self) -> None:
        for adjustment in self.adjustments:
            (self._added if adjustment.off else self._removed)[adjustment.day] = adjustment

    @classmethod
    def default(cls) -> Calendar:
        return _default_calendar()

    def holiday_name(self, day: date) -> str | None:
        """The name of the day off on `day`; None for a working day (even one the package
        lists as a holiday but an adjustment made a working day)."""
        day = _as_date(day)
        if day in self._removed:
            return None
        if day in self._added:
            return self._added[day].name
        return _vn_holidays(day.year).get(day)

    def is_day_off(self, day: date) -> bool:
        day = _as_date(day)
        if day in self._removed:
            return False
        if day in self._added:
            return True
        if day.weekday() >= 5:
            return day not in _vn_holidays(day.year).weekend_workdays
        return day in _vn_holidays(day.year)

    def describe(self, day: date) -> str:
        """'Chủ nhật', 'Thứ Hai, Tết Nguyên đán', 'Thứ Bảy làm bù' — for explanations."""
        day = _as_date(day)
        name = weekday_name(day)
        if day in self._removed:
            adjustment = self._removed[day]
            return f"{name}, ngày làm việc ({adjustment.name}; {adjustment.citation})"
        if day.weekday() >= 5 and day in _vn_holidays(day.year).weekend_workdays:
            return f"{name}, ngày làm việc bù"
        holiday = self.holiday_name(day)
        if holiday:
            return f"{name}, ngày nghỉ: {holiday}"
        return name

    def uncertain(self, day: date) -> DayAdjustment | None:
        """The adjustment of `day` when its status as a day off is not settled."""
        day = _as_date(day)
        found = self._added.get(day) or self._removed.get(day)
        return found if found is not None and found.uncertain else None

    def uncertain_lines(self, first: date, last: date) -> list[str]:
        """One line per day from `first` to `last` whose status is uncertain."""
        lines: list[str] = []
        day = _as_date(first)
        while day <= _as_date(last):
            found = self.uncertain(day)
            if found is not None:
                kind = "ngày nghỉ" if found.off else "ngày làm việc"
                lines.append(
                    f"Ngày {fmt(day)} được tính là {kind} nhưng chưa chắc chắn: "
                    f"{found.uncertain} ({found.citation}); nếu khác, hạn cuối có thể thay đổi."
                )
            day += timedelta(days=1)
        return lines

    def roll_forward(self, day: date) -> tuple[date, list[date]]:
        """The first working day on or after `day`, and the days off skipped to reach it."""
        skipped: list[date] = []
        while self.is_day_off(day):
            skipped.append(day)
            day = day + timedelta(days=1)
        return day, skipped

    def add_working_days(self, start: date, count: int) -> date:
        """The `count`-th working day after `start` (start itself not counted)."""
        day = start
        while count > 0:
            day += timedelta(days=1)
            if not self.is_day_off(day):
                count -= 1
        return day


def add_months(start: date, months: int) -> date:
    """Same day number `months` later, or the last day of that month (Điều 134 k1)."""
    month_index = start.month - 1 + months
    year, month = start.year + month_index // 12, month_index % 12 + 1
    last = _stdlib_calendar.monthrange(year, month)[1]
    return date(year, month, min(start.day, last))


def end_of_day(day: date) -> datetime:
    """24:00 of `day`, as the first instant of the next day."""
    return datetime.combine(_as_date(day) + timedelta(days=1), time())


def _as_date(day: date) -> date:
    return day.date() if isinstance(day, datetime) else day


@cache
def _vn_holidays(year: int) -> holidays.HolidayBase:
    return holidays.country_holidays("VN", years=year, language="vi")


@cache
def _default_calendar() -> Calendar:
    return Calendar(tuple(load_adjustments()))
