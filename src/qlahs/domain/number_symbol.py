"""How a document number is written: 05, 15a, and the whole "số và ký hiệu" 05/QĐ-VKSKV7
(NĐ 30/2020 Phụ lục I: numbers under 10 with a leading zero; "/" before the symbol, "-"
between its groups)."""

from __future__ import annotations

import re
from datetime import date

from qlahs.law.number_series import series
from qlahs.law.units import units

SUFFIXES = "abcdefghijklmnopqrstuvwxyz"
_NUMBER = re.compile(r"0*(\d+)([a-z]?)")


def key(number: int, suffix: str = "") -> str:
    return f"{number}{suffix}"


def label(number: int, suffix: str = "") -> str:
    """As written on the document: numbers under 10 with a leading zero (NĐ 30/2020 Phụ lục
    I), an inserted number with its letter: 05, 15a."""
    return f"{number:02d}{suffix}"


def symbol(unit: str, series_code: str, number: int, suffix: str, on: date) -> str:
    """Số và ký hiệu: 05/QĐ-VKSKV7 — the series' symbol in force on the document's date."""
    return f"{label(number, suffix)}/{series(series_code).symbol_on(on)}-{units().symbol(unit)}"


def parse_number(value: int | str) -> tuple[int, str]:
    """5, "05", "15a" or a whole "15a/QĐ-VKSKV7" → (15, "a")."""
    text = str(value).strip().split("/", 1)[0].lower()
    match = _NUMBER.fullmatch(text)
    if match is None or int(match[1]) < 1:
        raise ValueError(f"phải là số văn bản như 5, 05 hoặc 15a (nhận được: {value!r})")
    return int(match[1]), match[2]
