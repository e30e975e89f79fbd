"""Dates as Vietnamese documents write them, and the day of a date-or-datetime."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, get_args


def fmt(day: date) -> str:
    """A date as Vietnamese documents write it: 04/03/2018, 10:00 04/03/2018."""
    if isinstance(day, datetime):
        return f"{day:%H:%M} {day:%d/%m/%Y}"
    return f"{day:%d/%m/%Y}"


def day_of(on: date) -> date:
    """The calendar day of an act dated by day or by day and hour."""
    return on.date() if isinstance(on, datetime) else on


def from_iso(text: str) -> date:
    """A legal date as stored and exchanged: `YYYY-MM-DD`, or `YYYY-MM-DDTHH:MM[:SS]` for an
    act dated to the hour (a datetime)."""
    return datetime.fromisoformat(text) if "T" in text else date.fromisoformat(text)


def parse_vn_day(text: str) -> date:
    """A date as people type it, `dd/mm/yyyy` (`d/m/yyyy` too), or as ISO `YYYY-MM-DD`;
    ValueError otherwise."""
    text = text.strip()
    if "/" in text:
        return datetime.strptime(text, "%d/%m/%Y").date()
    return date.fromisoformat(text)


def parse_vn_moment(text: str) -> datetime:
    """A moment as Vietnamese documents write it, `HH:MM dd/mm/yyyy`, or as ISO
    `YYYY-MM-DDTHH:MM[:SS]`; a date alone is its first moment. ValueError otherwise."""
    text = text.strip()
    if "/" not in text:
        return datetime.fromisoformat(text)
    if " " in text:
        return datetime.strptime(text, "%H:%M %d/%m/%Y")
    return datetime.combine(parse_vn_day(text), datetime.min.time())


def from_vietnamese(value: Any, annotation: Any) -> Any:
    """For a pydantic `mode="before"` validator: a `dd/mm/yyyy` or `HH:MM dd/mm/yyyy` string
    given to a field annotated with date or datetime becomes one; any other value, and every
    value of a text field, is left as it is (a malformed date is for pydantic to name)."""
    if not isinstance(value, str) or "/" not in value:
        return value
    kinds = {kind for kind in (annotation, *get_args(annotation)) if kind in (date, datetime)}
    try:
        if datetime in kinds and (" " in value.strip() or date not in kinds):
            return parse_vn_moment(value)
        if date in kinds:
            return parse_vn_day(value)
    except ValueError:
        pass
    return value
