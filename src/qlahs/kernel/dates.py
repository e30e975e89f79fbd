"""Dates as Vietnamese documents write them, and the day of a date-or-datetime."""

from __future__ import annotations

from datetime import date, datetime


def fmt(day: date) -> str:
    """A date as Vietnamese documents write it: 04/03/2018, 10:00 04/03/2018."""
    if isinstance(day, datetime):
        return f"{day:%H:%M} {day:%d/%m/%Y}"
    return f"{day:%d/%m/%Y}"


def day_of(on: date) -> date:
    """The calendar day of an act dated by day or by day and hour."""
    return on.date() if isinstance(on, datetime) else on
