"""What any value entering the log must be, whatever command carries it.

One accepted value that a reader cannot handle would break every later read (a date past
what date arithmetic can reach, a NUL byte PostgreSQL refuses to store, a reference longer
than its column), and a recorded event can never be taken back. So every field of every
command is checked here before anything is stored, and the refusal names the field.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from qlahs.kernel.dates import fmt

# Legal dates the engine accepts: from the first Criminal Procedure Code era the procuracy
# still holds files of, to a bound that leaves room for every limit to be counted forward.
FIRST_DAY = date(1950, 1, 1)
LAST_DAY = date(2099, 12, 31)
# The first day of the procedure the engine applies: the Criminal Procedure Code 2015 took
# effect on 01/01/2018 (Nghị quyết 41/2017/QH14); its rules have no value before it, so an act
# dated earlier could be recorded but never judged.
FIRST_ACT_DAY = date(2018, 1, 1)
TEXT_LIMIT = 4000  # characters of one free-text field (a summary, a note)
LIST_LIMIT = 500  # items of one list (suspects, recipients…)
REF_LIMIT = 200  # a subject's reference (read-model column `ref`)
CODE_LIMIT = 64  # a unit's code (read-model column `unit`)
NAME_LIMIT = 200  # a login, a command id, a name

# Control characters other than line breaks and tabs have no place in a legal record (NUL in
# particular cannot be stored by PostgreSQL), nor have halves of surrogate pairs (they cannot
# be encoded at all).
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_LINE_BREAK = re.compile("[\t\n\r\u2028\u2029\x85]")


def bad_text(text: str) -> str | None:
    """Why `text` cannot be stored, or None."""
    if _SURROGATE.search(text):
        return "chứa ký tự Unicode hỏng (nửa cặp thay thế)"
    if found := _CONTROL.search(text):
        return f"chứa ký tự điều khiển không được phép (mã {ord(found.group())})"
    if len(text) > TEXT_LIMIT:
        return f"dài {len(text)} ký tự, quá giới hạn {TEXT_LIMIT}"
    return None


def quoted(text: object, limit: int = 60) -> str:
    """A value a person typed, repeated in a message on one line: control characters and
    broken surrogates written as their code, at most `limit` characters."""
    cleaned = "".join(
        f"\\x{ord(c):02x}" if _CONTROL.match(c) or c in "\r\n\t" or _SURROGATE.match(c) else c
        for c in str(text)[:limit]
    )
    return cleaned


def shown(day: date) -> str:
    """`fmt`, with the year written on four digits even before year 1000 (01/01/0001), where
    the platform's strftime would drop the zeros."""
    text = f"{day.day:02}/{day.month:02}/{day.year:04}"
    return f"{day:%H:%M} {text}" if isinstance(day, datetime) else text


def bad_name(value: Any) -> str | None:
    """Why `value` (a reference, a code, a login, or a list of them) cannot name anything: it
    is repeated in messages and book cells on one line, so no line break, no blank name."""
    for text in value if isinstance(value, list | tuple) else [value]:
        if isinstance(text, str) and _LINE_BREAK.search(text):
            return "phải nằm trên một dòng (không có ký tự xuống dòng hoặc tab)"
        if isinstance(text, str) and text and not text.strip():
            return "không được chỉ gồm khoảng trắng"
    return problem(value)


def bad_day(day: date) -> str | None:
    if isinstance(day, datetime) and day.tzinfo is not None:
        # Legal times are Vietnam's wall-clock times, compared with one another; an offset
        # (+07:00, Z) would make one act's time incomparable with the others' (a reader fails)
        return f"giờ {day.isoformat()} kèm múi giờ: ghi giờ Việt Nam, không kèm múi giờ"
    plain = day.date() if isinstance(day, datetime) else day
    if not FIRST_DAY <= plain <= LAST_DAY:
        return f"ngày {shown(day)} nằm ngoài khoảng cho phép ({fmt(FIRST_DAY)}–{fmt(LAST_DAY)})"
    return None


def bad_act_day(day: date) -> str | None:
    """Why an act cannot be dated `day`, or None."""
    plain = day.date() if isinstance(day, datetime) else day
    if plain < FIRST_ACT_DAY:
        return (
            f"ngày {shown(day)} trước ngày Bộ luật Tố tụng hình sự 2015 có hiệu lực "
            f"({fmt(FIRST_ACT_DAY)}): qlahs chỉ tính thời hạn theo Bộ luật này"
        )
    return bad_day(day)


_SCALARS = frozenset({bool, int, float})


def problem(value: Any) -> str | None:
    """Why `value` (a field of a command, nested values included) cannot be stored."""
    if value is None or type(value) in _SCALARS:
        return None  # the common case, first: this runs for every field of every command
    if isinstance(value, str):
        return bad_text(value)
    if isinstance(value, date):
        return bad_day(value)
    if isinstance(value, list | tuple | set | frozenset):
        if len(value) > LIST_LIMIT:
            return f"có {len(value)} phần tử, quá giới hạn {LIST_LIMIT}"
        return next((p for item in value if (p := problem(item))), None)
    if isinstance(value, Mapping):
        if len(value) > LIST_LIMIT:
            return f"có {len(value)} phần tử, quá giới hạn {LIST_LIMIT}"
        return next((p for item in value.items() if (p := problem(list(item)))), None)
    fields = getattr(value, "__pydantic_fields__", None)
    if fields is not None:
        return next((p for name in fields if (p := problem(getattr(value, name)))), None)
    return None
