"""Statistical periods as data (law.md §13.3).

- a month runs from the 1st to its last day (TTLT 05/2018 Điều 6) — `2025-06`;
- the procuracy's 6 months run from 01/12 of the previous year to 31/05 — `6m-2025`;
- the procuracy's working year runs from 01/12 of the previous year to 30/11 — `y-2025`;
- calendar periods: a year `2025`, a half `h1-2025`/`h2-2025`, a quarter `q1-2025`…`q4-2025`;
- any range of days `2025-03-01..2025-04-15`.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from qlahs.kernel.errors import QlahsError
from qlahs.law.calendar import fmt

Kind = Literal["month", "six_months", "work_year", "year", "half", "quarter", "custom"]

KIND_NAMES: dict[str, str] = {
    "month": "Tháng",
    "six_months": "6 tháng (kỳ thống kê ngành Kiểm sát)",
    "work_year": "Năm công tác (kỳ thống kê 12 tháng ngành Kiểm sát)",
    "year": "Năm dương lịch",
    "half": "Nửa năm dương lịch",
    "quarter": "Quý",
    "custom": "Khoảng thời gian tùy chọn",
}


class PeriodError(QlahsError):
    """A period written in a form qlahs does not know."""


@dataclass(frozen=True)
class Period:
    """A closed range of legal days [start, end], with the spelling that names it."""

    kind: Kind
    start: date
    end: date
    code: str

    @property
    def title(self) -> str:
        match self.kind:
            case "month":
                return f"Tháng {self.start:%m/%Y}"
            case "six_months":
                return f"6 tháng năm {self.end.year} ({fmt(self.start)} – {fmt(self.end)})"
            case "work_year":
                return f"Năm công tác {self.end.year} ({fmt(self.start)} – {fmt(self.end)})"
            case "year":
                return f"Năm {self.start.year}"
            case "half":
                half = "I" if self.start.month == 1 else "II"
                return f"6 tháng {'đầu' if half == 'I' else 'cuối'} năm {self.start.year}"
            case "quarter":
                quarter = ["I", "II", "III", "IV"][(self.start.month - 1) // 3]
                return f"Quý {quarter} năm {self.start.year}"
        return f"Từ {fmt(self.start)} đến {fmt(self.end)}"

    def clipped(self, end: date) -> Period:
        """The same period ending no later than `end` (a period not over yet)."""
        return Period(self.kind, self.start, min(self.end, end), self.code)

    def months(self) -> list[Period]:
        """The calendar months of the period, the first and last cut to the period."""
        result = []
        first = self.start.replace(day=1)
        while first <= self.end:
            last = month_end(first)
            result.append(
                Period("month", max(first, self.start), min(last, self.end), f"{first:%Y-%m}")
            )
            first = last + timedelta(days=1)
        return result


def month_end(day: date) -> date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def month(year: int, number: int) -> Period:
    first = date(year, number, 1)
    return Period("month", first, month_end(first), f"{year:04d}-{number:02d}")


def six_months(year: int) -> Period:
    """Kỳ 6 tháng của ngành: 01/12 năm trước – 31/05 (law.md §13.3, [P])."""
    return Period("six_months", date(year - 1, 12, 1), date(year, 5, 31), f"6m-{year}")


def work_year(year: int) -> Period:
    """Năm công tác của ngành: 01/12 năm trước – 30/11 (law.md §13.3, [P])."""
    return Period("work_year", date(year - 1, 12, 1), date(year, 11, 30), f"y-{year}")


def work_year_of(day: date) -> Period:
    """The working year a day falls in (December belongs to the next year's)."""
    return work_year(day.year + 1 if day.month == 12 else day.year)


_FORMS: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], Period]], ...] = (
    (re.compile(r"(\d{4})-(\d{1,2})"), lambda m: month(int(m[1]), int(m[2]))),
    (re.compile(r"6m-(\d{4})"), lambda m: six_months(int(m[1]))),
    (re.compile(r"y-(\d{4})"), lambda m: work_year(int(m[1]))),
    (re.compile(r"(\d{4})"), lambda m: _calendar_year(int(m[1]))),
    (re.compile(r"h([12])-(\d{4})"), lambda m: _half(int(m[2]), int(m[1]))),
    (re.compile(r"q([1-4])-(\d{4})"), lambda m: _quarter(int(m[2]), int(m[1]))),
    (
        re.compile(r"(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})"),
        lambda m: _custom(date.fromisoformat(m[1]), date.fromisoformat(m[2])),
    ),
)

FORMS_HELP = (
    "2025-06 (tháng), 6m-2025 (01/12/2024–31/05/2025), y-2025 (01/12/2024–30/11/2025), "
    "2025 (năm dương lịch), h1-2025, h2-2025, q1-2025…q4-2025, 2025-03-01..2025-04-15"
)


def parse_period(text: str) -> Period:
    """A period from its spelling; an unknown spelling raises PeriodError in Vietnamese."""
    spelled = text.strip().lower()
    for pattern, build in _FORMS:
        found = pattern.fullmatch(spelled)
        if found is None:
            continue
        try:
            return build(found)
        except ValueError:
            break  # a month 13, 2025-02-30…: the form is right, the date is not
    raise PeriodError(f"Kỳ thống kê {text!r} không hợp lệ. Các dạng được dùng: {FORMS_HELP}.")


def _calendar_year(year: int) -> Period:
    return Period("year", date(year, 1, 1), date(year, 12, 31), f"{year:04d}")


def _half(year: int, half: int) -> Period:
    if half == 1:
        return Period("half", date(year, 1, 1), date(year, 6, 30), f"h1-{year}")
    return Period("half", date(year, 7, 1), date(year, 12, 31), f"h2-{year}")


def _quarter(year: int, quarter: int) -> Period:
    first = date(year, 3 * quarter - 2, 1)
    return Period(
        "quarter", first, month_end(first.replace(month=3 * quarter)), f"q{quarter}-{year}"
    )


def _custom(start: date, end: date) -> Period:
    if end < start:
        raise PeriodError(
            f"Kỳ thống kê: ngày cuối {fmt(end)} trước ngày đầu {fmt(start)}; hãy viết "
            "NGÀY-ĐẦU..NGÀY-CUỐI."
        )
    return Period("custom", start, end, f"{start.isoformat()}..{end.isoformat()}")
