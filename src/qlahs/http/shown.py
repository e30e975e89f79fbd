"""Rows as the API and the dashboard give them: the stored fields, ISO dates, and the words a
person reads (the rule's Vietnamese title, who must act, the date as dd/mm/yyyy)."""

from __future__ import annotations

from datetime import date
from typing import Any

from qlahs.engine import Engine
from qlahs.kernel.subject import Act
from qlahs.law.calendar import fmt
from qlahs.law.deadlines import Deadline, Violation

STATUS = {
    "open": "đang chạy",
    "met": "đã hoàn thành",
    "missed": "quá hạn",
    "suspended": "tạm đình chỉ",
    "closed": "đã đóng",
}


def title(engine: Engine, rule: str) -> str:
    try:
        return engine.rulebook[rule].title
    except KeyError:
        return rule


def responsible(engine: Engine, rule: str) -> str:
    try:
        return engine.rulebook[rule].responsible
    except KeyError:
        return ""


def deadline(engine: Engine, found: Deadline) -> dict[str, Any]:
    return found.to_json() | {
        "title": title(engine, found.rule),
        "unit": found.unit,
        "responsible": found.responsible,
        "status_text": STATUS.get(found.status, found.status),
        "closed_on": found.closed_on.isoformat() if found.closed_on else None,
        "due_text": fmt(found.due),
    }


def violation(engine: Engine, found: Violation) -> dict[str, Any]:
    return found.to_json() | {
        "title": title(engine, found.rule),
        "unit": found.unit,
        "responsible": responsible(engine, found.rule),
    }


def act(engine: Engine, kind: str, found: Act) -> dict[str, Any]:
    return {
        "title": engine.registry.act_title(kind, found),
        "day": found.day.isoformat(),
        "day_text": fmt(found.day),
        "recorded_at": found.timestamp.isoformat(),
        "fields": plain(found.fields()),
    }


def plain(value: Any) -> Any:
    """A value as JSON holds it: dates ISO, containers walked, anything else as text."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(key): plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [plain(item) for item in value]
    return str(value)
