"""Days off and the counting conventions of ARCHITECTURE.md "Counting time"."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from qlahs.kernel.errors import RuleDataError
from qlahs.law.calendar import Calendar, DayAdjustment, add_months, load_adjustments
from qlahs.law.citation import Citation
from qlahs.law.counting import (
    add_days,
    add_hours,
    add_months_rolled,
    add_working_days,
    count,
    custody_days,
    days_before_end,
    hold_period,
)

CALENDAR = Calendar.default()


def _days(first: date, last: date) -> list[date]:
    return [first + timedelta(days=i) for i in range((last - first).days + 1)]


def _adjustment(day: date, off: bool, name: str) -> DayAdjustment:
    return DayAdjustment(
        day=day,
        off=off,
        name=name,
        citation=Citation(law="Thông báo thử nghiệm"),
        confidence="M",
    )


# --- TTLT 04/2018 Điều 17: the worked examples ------------------------------------------------


def test_a_three_day_hold_from_10am_on_1_march_2018_ends_at_10am_on_4_march() -> None:
    period = hold_period(datetime(2018, 3, 1, 10, 0), 3)
    assert period.end == datetime(2018, 3, 4, 10, 0)
    assert "72 giờ" in period.lines[0]


def test_a_hold_extension_adds_its_days_as_24_hours_each() -> None:
    assert hold_period(datetime(2018, 3, 4, 10, 0), 3).end == datetime(2018, 3, 7, 10, 0)


def test_a_hold_that_ends_on_a_day_off_does_not_move() -> None:
    # Received Sunday 26/01/2025 at 08:00; three days later is the first day of Tết Ất Tỵ.
    period = hold_period(datetime(2025, 1, 26, 8, 0), 3)
    assert period.end == datetime(2025, 1, 29, 8, 0)
    assert CALENDAR.is_day_off(period.end)
    assert period.days_off_skipped == []


def test_two_months_of_detention_after_three_days_of_hold_is_57_days_ending_29_april_2018() -> None:
    days = 2 * 30 - 3
    period = custody_days(date(2018, 3, 4), days)
    assert days == 57
    assert period.end == date(2018, 4, 29)


def test_the_second_example_54_days_from_11_april_2018_ends_3_june_2018() -> None:
    days = 2 * 30 - 6
    period = custody_days(date(2018, 4, 11), days)
    assert days == 54
    assert period.end == date(2018, 6, 3)


def test_detention_ending_on_a_sunday_does_not_move() -> None:
    period = custody_days(date(2018, 4, 11), 54)
    assert period.end.weekday() == 6
    assert period.days_off_skipped == []
    assert "24 giờ ngày 03/06/2018" in period.lines[0]


def test_the_start_day_of_detention_counts_as_day_one() -> None:
    assert custody_days(date(2018, 3, 4), 1).end == date(2018, 3, 4)


# --- days ---------------------------------------------------------------------------------------


def test_the_trigger_day_is_not_counted_in_a_period_of_days() -> None:
    # Tuesday 06/03/2018 + 1 day = Wednesday 07/03/2018, a working day.
    assert add_days(date(2018, 3, 6), 1, CALENDAR).end == date(2018, 3, 7)


def test_a_period_of_days_ending_on_a_saturday_moves_to_monday() -> None:
    period = add_days(date(2018, 3, 5), 5, CALENDAR)
    assert period.end == date(2018, 3, 12)
    assert period.days_off_skipped == [date(2018, 3, 10), date(2018, 3, 11)]
    assert "Ngày cuối rơi vào ngày nghỉ" in period.lines[-1]


def test_a_datetime_trigger_counts_from_its_date() -> None:
    assert add_days(datetime(2018, 3, 5, 23, 59), 5, CALENDAR).end == date(2018, 3, 12)


def test_a_20_day_limit_ending_inside_tet_2025_moves_to_the_first_working_day_after_tet() -> None:
    # 08/01/2025 + 20 days = Tuesday 28/01/2025 (giao thừa); civil servants were off
    # 25/01–02/02/2025, so the period ends on Monday 03/02/2025.
    period = add_days(date(2025, 1, 8), 20, CALENDAR)
    assert period.end == date(2025, 2, 3)
    assert period.days_off_skipped == _days(date(2025, 1, 28), date(2025, 2, 2))


def test_a_20_day_limit_ending_inside_tet_2026_moves_past_the_nine_day_break() -> None:
    # 27/01/2026 + 20 days = Monday 16/02/2026; Tết Bính Ngọ runs to Sunday 22/02/2026.
    period = add_days(date(2026, 1, 27), 20, CALENDAR)
    assert period.end == date(2026, 2, 23)
    assert period.days_off_skipped == _days(date(2026, 2, 16), date(2026, 2, 22))


def test_a_limit_ending_on_a_swapped_working_saturday_does_not_move() -> None:
    # Saturday 26/04/2025 was a working day in exchange for Friday 02/05/2025.
    period = add_days(date(2025, 4, 16), 10, CALENDAR)
    assert period.end == date(2025, 4, 26)
    assert period.days_off_skipped == []


def test_a_limit_ending_on_the_working_saturday_10_january_2026_does_not_move() -> None:
    period = add_days(date(2025, 12, 31), 10, CALENDAR)
    assert period.end == date(2026, 1, 10)
    assert period.days_off_skipped == []
    assert "ngày làm việc" in period.lines[0]


def test_a_limit_ending_on_the_swapped_friday_2_january_2026_moves_to_monday_5_january() -> None:
    period = add_days(date(2025, 12, 23), 10, CALENDAR)
    assert period.end == date(2026, 1, 5)
    assert period.days_off_skipped == _days(date(2026, 1, 2), date(2026, 1, 4))


# --- months -------------------------------------------------------------------------------------


def test_31_january_plus_one_month_is_28_february_in_a_common_year() -> None:
    assert add_months(date(2023, 1, 31), 1) == date(2023, 2, 28)


def test_31_january_plus_one_month_is_29_february_in_a_leap_year() -> None:
    assert add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)


def test_adding_months_crosses_the_year_end() -> None:
    assert add_months(date(2025, 11, 30), 3) == date(2026, 2, 28)
    assert add_months(date(2025, 12, 15), 1) == date(2026, 1, 15)


def test_a_month_ending_on_a_working_day_at_a_month_end_says_it_took_the_last_day() -> None:
    period = add_months_rolled(date(2023, 1, 31), 1, CALENDAR)
    assert period.end == date(2023, 2, 28)
    assert period.days_off_skipped == []
    assert "ngày cuối tháng" in period.lines[0]


def test_31_march_plus_one_month_is_30_april_a_holiday_so_the_period_rolls_forward() -> None:
    # 30/04, 01/05, 02/05 (swapped), 03–04/05 (weekend) 2025 were all days off.
    period = add_months_rolled(date(2025, 3, 31), 1, CALENDAR)
    assert add_months(date(2025, 3, 31), 1) == date(2025, 4, 30)
    assert period.end == date(2025, 5, 5)
    assert period.days_off_skipped == _days(date(2025, 4, 30), date(2025, 5, 4))


def test_a_month_ending_on_a_saturday_rolls_to_monday() -> None:
    period = add_months_rolled(date(2018, 2, 10), 1, CALENDAR)
    assert period.end == date(2018, 3, 12)
    assert "ngày trùng" in period.lines[0]


# --- working days, days before the end, hours ----------------------------------------------------


def test_working_days_skip_weekends_and_tet() -> None:
    # From Friday 24/01/2025 the first working day is Monday 03/02/2025.
    assert add_working_days(date(2025, 1, 24), 1, CALENDAR).end == date(2025, 2, 3)
    assert add_working_days(date(2025, 1, 24), 3, CALENDAR).end == date(2025, 2, 5)


def test_a_swapped_working_saturday_counts_as_a_working_day() -> None:
    assert add_working_days(date(2026, 1, 9), 1, CALENDAR).end == date(2026, 1, 10)
    assert add_working_days(date(2026, 1, 9), 2, CALENDAR).end == date(2026, 1, 12)


def test_working_days_over_an_ordinary_week() -> None:
    period = add_working_days(date(2018, 3, 9), 5, CALENDAR)
    assert period.end == date(2018, 3, 16)
    assert "ngày làm việc thứ 5" in period.lines[0]


def test_no_later_than_n_days_before_the_end_counts_back_from_the_end() -> None:
    period = days_before_end(date(2018, 4, 29), 10)
    assert period.end == date(2018, 4, 19)
    assert "Chậm nhất 10 ngày" in period.lines[0]


def test_hours_run_from_the_exact_time_and_ignore_days_off() -> None:
    assert add_hours(datetime(2018, 3, 1, 10, 0), 72).end == datetime(2018, 3, 4, 10, 0)
    # 24 hours from 09:00 on giao thừa 2025 ends on the first day of Tết, not after it.
    assert add_hours(datetime(2025, 1, 28, 9, 0), 24).end == datetime(2025, 1, 29, 9, 0)


def test_hours_from_a_bare_date_run_from_midnight() -> None:
    assert add_hours(date(2018, 3, 1), 12).end == datetime(2018, 3, 1, 12, 0)


def test_count_dispatches_on_the_convention() -> None:
    assert count("custody_days", date(2018, 3, 4), 57, CALENDAR).end == date(2018, 4, 29)
    assert count("days", date(2018, 3, 5), 5, CALENDAR).end == date(2018, 3, 12)
    with pytest.raises(ValueError, match="không xác định"):
        count("weeks", date(2018, 3, 5), 1, CALENDAR)  # type: ignore[arg-type]


# --- the swapped-days file ----------------------------------------------------------------------


def test_an_entry_without_a_citation_does_not_load_and_the_error_names_the_file(
    tmp_path: Path,
) -> None:
    path = tmp_path / "ngay_nghi.yaml"
    path.write_text(
        "description: thử\n"
        "days:\n"
        "  - day: 2026-03-02\n"
        "    off: true\n"
        "    name: Ngày nghỉ không có căn cứ\n"
        "    confidence: M\n",
        encoding="utf-8",
    )
    with pytest.raises(RuleDataError) as caught:
        load_adjustments(path)
    message = str(caught.value)
    assert str(path) in message
    assert "không hợp lệ" in message
    assert "citation" in message
    assert "bắt buộc nhưng bị thiếu" in message


def test_an_unquoted_off_key_loads_as_the_off_field(tmp_path: Path) -> None:
    path = tmp_path / "ngay_nghi.yaml"
    path.write_text(
        "description: thử\n"
        "days:\n"
        "  - day: 2026-03-07\n"
        "    off: false\n"
        "    name: Làm bù\n"
        "    citation: {law: Thông báo thử nghiệm}\n"
        "    confidence: P\n",
        encoding="utf-8",
    )
    [adjustment] = load_adjustments(path)
    assert adjustment.day == date(2026, 3, 7)
    assert adjustment.off is False
    assert adjustment.citation.law == "Thông báo thử nghiệm"


def test_every_packaged_adjustment_cites_a_decision() -> None:
    adjustments = load_adjustments()
    assert adjustments
    assert all(a.citation.law.strip() for a in adjustments)
    assert {a.day for a in adjustments} >= {date(2026, 1, 2), date(2026, 1, 10)}


def test_an_adjustment_with_off_true_makes_a_weekday_a_day_off() -> None:
    wednesday = date(2025, 3, 5)
    calendar = Calendar((_adjustment(wednesday, True, "Ngày nghỉ thử"),))
    assert not Calendar().is_day_off(wednesday)
    assert calendar.is_day_off(wednesday)
    assert calendar.holiday_name(wednesday) == "Ngày nghỉ thử"
    assert add_days(date(2025, 3, 4), 1, calendar).end == date(2025, 3, 6)


def test_an_adjustment_with_off_false_makes_a_saturday_a_working_day() -> None:
    saturday = date(2025, 3, 8)
    calendar = Calendar((_adjustment(saturday, False, "Làm bù thử"),))
    assert Calendar().is_day_off(saturday)
    assert not calendar.is_day_off(saturday)
    assert calendar.holiday_name(saturday) is None
    assert "ngày làm việc" in calendar.describe(saturday)
    assert add_days(date(2025, 3, 7), 1, calendar).end == saturday


def test_an_adjustment_with_off_false_removes_a_package_holiday() -> None:
    calendar = Calendar((_adjustment(date(2025, 9, 1), False, "Làm việc thử"),))
    assert CALENDAR.is_day_off(date(2025, 9, 1))
    assert not calendar.is_day_off(date(2025, 9, 1))
    assert calendar.holiday_name(date(2025, 9, 1)) is None


# --- the calendar against the government's decisions ---------------------------------------------


def test_the_tet_2025_break_for_civil_servants_runs_from_25_january_to_2_february() -> None:
    assert all(CALENDAR.is_day_off(d) for d in _days(date(2025, 1, 25), date(2025, 2, 2)))
    assert not CALENDAR.is_day_off(date(2025, 1, 24))
    assert not CALENDAR.is_day_off(date(2025, 2, 3))


def test_the_tet_2026_break_runs_nine_days_from_14_to_22_february() -> None:
    assert all(CALENDAR.is_day_off(d) for d in _days(date(2026, 2, 14), date(2026, 2, 22)))
    assert not CALENDAR.is_day_off(date(2026, 2, 13))
    assert not CALENDAR.is_day_off(date(2026, 2, 23))


def test_new_year_2026_runs_four_days_with_saturday_10_january_worked() -> None:
    assert all(CALENDAR.is_day_off(d) for d in _days(date(2026, 1, 1), date(2026, 1, 4)))
    assert not CALENDAR.is_day_off(date(2026, 1, 10))
    assert "12729/VPCP-KGVX" in CALENDAR.describe(date(2026, 1, 10))


def test_national_day_2026_runs_from_29_august_to_2_september_with_22_august_worked() -> None:
    assert all(CALENDAR.is_day_off(d) for d in _days(date(2026, 8, 29), date(2026, 9, 2)))
    assert not CALENDAR.is_day_off(date(2026, 8, 22))
    assert not CALENDAR.is_day_off(date(2026, 9, 3))


def test_vietnam_cultural_day_2026_counts_as_a_working_day_until_the_law_is_amended() -> None:
    assert not CALENDAR.is_day_off(date(2026, 11, 24))
    assert CALENDAR.holiday_name(date(2026, 11, 24)) is None


# --- property -----------------------------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(
    start=st.dates(min_value=date(2018, 1, 1), max_value=date(2030, 12, 31)),
    days=st.integers(min_value=1, max_value=60),
)
def test_a_period_of_days_always_ends_on_the_first_working_day_on_or_after_day_n(
    start: date, days: int
) -> None:
    period = add_days(start, days, CALENDAR)
    nominal = start + timedelta(days=days)
    assert not CALENDAR.is_day_off(period.end)
    assert period.end >= nominal
    between = _days(nominal, period.end)[:-1]
    assert all(CALENDAR.is_day_off(d) for d in between)
    assert period.days_off_skipped == between


def test_a_deadline_on_a_day_of_uncertain_status_says_so() -> None:
    calendar = Calendar.default()
    # 20 days from 04/11/2026 end on Tuesday 24/11/2026, Ngày Văn hóa Việt Nam: counted as a
    # working day, but the Labour Code has not yet been amended to make it a holiday.
    period = add_days(date(2026, 11, 4), 20, calendar)
    assert period.end == date(2026, 11, 24)
    assert any(
        line.startswith("Ngày 24/11/2026 được tính là ngày làm việc nhưng chưa chắc chắn")
        for line in period.lines
    )
    settled = add_days(date(2026, 11, 5), 20, calendar)
    assert not any("chưa chắc chắn" in line for line in settled.lines)


def test_every_swapped_day_cites_its_notice_with_number_and_date() -> None:
    for day in load_adjustments():
        if day.uncertain:
            continue  # no notice exists yet: the entry cites the law it depends on
        assert re.search(r"\d+/[A-ZĐ-]+.* ngày \d{2}/\d{2}/\d{4}", day.citation.law), day


# The published schedules of 2024–2026 (swapped_days.yaml names each source): every weekday
# off, and every Saturday worked. 24/11/2026 stays a working day until the law says otherwise.
PUBLISHED_WEEKDAYS_OFF = {
    2024: [
        "01-01",
        "02-08",
        "02-09",
        "02-12",
        "02-13",
        "02-14",
        "04-18",
        "04-29",
        "04-30",
        "05-01",
        "09-02",
        "09-03",
    ],
    2025: [
        "01-01",
        "01-27",
        "01-28",
        "01-29",
        "01-30",
        "01-31",
        "04-07",
        "04-30",
        "05-01",
        "05-02",
        "09-01",
        "09-02",
    ],
    2026: [
        "01-01",
        "01-02",
        "02-16",
        "02-17",
        "02-18",
        "02-19",
        "02-20",
        "04-27",
        "04-30",
        "05-01",
        "08-31",
        "09-01",
        "09-02",
    ],
}
PUBLISHED_SATURDAYS_WORKED = {2024: ["05-04"], 2025: ["04-26"], 2026: ["01-10", "08-22"]}


@pytest.mark.parametrize("year", [2024, 2025, 2026])
def test_every_day_of_2024_to_2026_follows_the_published_schedule(year: int) -> None:
    days = _days(date(year, 1, 1), date(year, 12, 31))
    weekdays_off = [f"{d:%m-%d}" for d in days if d.weekday() < 5 and CALENDAR.is_day_off(d)]
    saturdays_worked = [
        f"{d:%m-%d}" for d in days if d.weekday() == 5 and not CALENDAR.is_day_off(d)
    ]
    assert weekdays_off == PUBLISHED_WEEKDAYS_OFF[year]
    assert saturdays_worked == PUBLISHED_SATURDAYS_WORKED[year]
    assert all(CALENDAR.is_day_off(d) for d in days if d.weekday() == 6)


def test_the_package_and_the_calendar_differ_only_on_the_cited_swapped_days() -> None:
    bare = Calendar()  # the holidays package alone
    days = _days(date(2024, 1, 1), date(2026, 12, 31))
    differ = [d for d in days if bare.is_day_off(d) != CALENDAR.is_day_off(d)]
    assert differ == [date(2026, 1, 2), date(2026, 1, 10), date(2026, 11, 24)]
    for day in differ:
        found = [a for a in load_adjustments() if a.day == day]
        assert len(found) == 1 and found[0].citation.law
