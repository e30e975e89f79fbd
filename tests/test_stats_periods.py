"""Statistical periods: the month, the procuracy's 6 months and working year, calendar
periods and any range, each from its spelling."""

from __future__ import annotations

from datetime import date

import pytest

from qlahs.stats.periods import PeriodError, parse_period, work_year_of


def test_a_month_runs_from_the_first_to_its_last_day() -> None:
    period = parse_period("2024-02")
    assert (period.start, period.end, period.title) == (
        date(2024, 2, 1),
        date(2024, 2, 29),
        "Tháng 02/2024",
    )


def test_the_procuracy_six_months_run_from_the_first_of_december_to_the_end_of_may() -> None:
    period = parse_period("6m-2025")
    assert (period.start, period.end) == (date(2024, 12, 1), date(2025, 5, 31))
    assert period.title == "6 tháng năm 2025 (01/12/2024 – 31/05/2025)"


def test_the_working_year_runs_from_the_first_of_december_to_the_end_of_november() -> None:
    period = parse_period("y-2025")
    assert (period.start, period.end) == (date(2024, 12, 1), date(2025, 11, 30))
    assert [m.code for m in period.months()][:2] == ["2024-12", "2025-01"]
    assert len(period.months()) == 12


def test_december_belongs_to_the_next_working_year() -> None:
    assert work_year_of(date(2025, 12, 3)).code == "y-2026"
    assert work_year_of(date(2025, 11, 30)).code == "y-2025"


@pytest.mark.parametrize(
    ("spelled", "start", "end"),
    [
        ("2025", date(2025, 1, 1), date(2025, 12, 31)),
        ("h1-2025", date(2025, 1, 1), date(2025, 6, 30)),
        ("h2-2025", date(2025, 7, 1), date(2025, 12, 31)),
        ("q1-2025", date(2025, 1, 1), date(2025, 3, 31)),
        ("Q4-2025", date(2025, 10, 1), date(2025, 12, 31)),
        ("2025-03-10..2025-04-15", date(2025, 3, 10), date(2025, 4, 15)),
    ],
)
def test_calendar_periods_and_ranges_are_spelled_plainly(
    spelled: str, start: date, end: date
) -> None:
    period = parse_period(spelled)
    assert (period.start, period.end) == (start, end)


def test_the_months_of_a_range_are_cut_to_the_range() -> None:
    months = parse_period("2025-03-10..2025-05-05").months()
    assert [(m.start, m.end) for m in months] == [
        (date(2025, 3, 10), date(2025, 3, 31)),
        (date(2025, 4, 1), date(2025, 4, 30)),
        (date(2025, 5, 1), date(2025, 5, 5)),
    ]


@pytest.mark.parametrize("spelled", ["2025-13", "năm ngoái", "2025-05-01..2025-04-01", "6m-25"])
def test_an_unknown_spelling_is_refused_in_vietnamese_with_the_forms_allowed(spelled: str) -> None:
    with pytest.raises(PeriodError, match="Kỳ thống kê") as refused:
        parse_period(spelled)
    assert "6m-2025" in str(refused.value) or "NGÀY-ĐẦU" in str(refused.value)
