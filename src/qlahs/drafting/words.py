"""How a document writes its issuing body, its place and its date (NĐ 30/2020 Phụ lục I)."""

from __future__ import annotations

from datetime import date

from qlahs.law.units import units

PROCURACY = "Viện kiểm sát nhân dân"


def unit_name(code: str) -> str:
    return units().name(code)


def parent_name(code: str) -> str:
    """The body above the issuing unit, or the supreme procuracy for a unit at the top."""
    above = units().ancestors(code)
    return units().name(above[0]) if above else f"{PROCURACY} tối cao"


def place(code: str) -> str:
    """The place name written before the date: the province of the unit
    ('Viện kiểm sát nhân dân khu vực 7 – Quảng Ninh' → 'Quảng Ninh')."""
    for name in (unit_name(code), *(units().name(a) for a in units().ancestors(code))):
        if "–" in name:
            return name.rsplit("–", 1)[1].strip()
        for prefix in (f"{PROCURACY} tỉnh ", f"{PROCURACY} thành phố "):
            if name.startswith(prefix):
                return name.removeprefix(prefix).strip()
    return "……"


def date_line(code: str, day: date) -> str:
    """'Quảng Ninh, ngày 05 tháng 3 năm 2025': days under 10 and months 1 and 2 take a
    leading zero (NĐ 30/2020 Phụ lục I, mục II.5)."""
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    return f"{place(code)}, ngày {day.day:02d} tháng {month} năm {day.year}"


def number_line(label: str | None, symbol_tail: str) -> str:
    """'Số: 12/QĐ-VKSKV7', or a blank for the number while the document is a draft."""
    return f"Số: {label or '      '}/{symbol_tail}" if symbol_tail else ""
