"""The numbered documents of a unit (NĐ 30/2020 Điều 15): each working day the unit signs
documents in its series at the mix of the demo (`demo/numbers.py`), at its share of the two
million documents of a national year. A few numbers are reserved for a document awaiting
signature, then used or released; a few are voided; a forgotten document gets an inserted
number; and now and then a document signed two days ago is registered only today, dated
before the number just taken (a back-dated number the rules judge).

The numbers are counted here as the register counts them (one after another from 1 in each
numbering year), so a command on a number names it without reading the register back.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from functools import cache, lru_cache
from typing import Any

from qlahs.demo.numbers import DAILY, LEADERS
from qlahs.generate.stories import Desk, Step, story
from qlahs.generate.units import NATION_NUMBERS
from qlahs.kernel.errors import CommandRejected
from qlahs.law.number_series import series

WORKING_DAYS = 250
MIX = {code: rate for code, (rate, _) in DAILY.items()}
TOTAL = sum(MIX.values())
LATE = 1 / WORKING_DAYS  # about one late registration a year per unit


@story("numbers")
def documents(desk: Desk, day: date) -> None:
    if desk.calendar.is_day_off(day) or not _in_force(day):
        return
    rng = desk.rng("numbers")
    codes = list(MIX)
    weights = [MIX[c] for c in codes]
    for _ in range(desk.per_day(NATION_NUMBERS, rng, WORKING_DAYS)):
        code = rng.choices(codes, weights)[0]
        _document(desk, rng, day, code)
    if rng.random() < LATE:
        late = _fields(desk, rng, "QD-HS") | {"title": "Quyết định phân công Kiểm sát viên"}
        _take(desk, day, "QD-HS", "number.issue", late, on=day - timedelta(days=2))


@cache  # the same days come again in every unit
def _in_force(day: date) -> bool:
    """The series have rule data (their numbering year) from a date on: no numbers before."""
    try:
        for code in MIX:
            series(code).numbering_year(day - timedelta(days=2))
    except CommandRejected:
        return False
    return True


def _document(desk: Desk, rng: random.Random, day: date, code: str) -> None:
    fields = _fields(desk, rng, code)
    roll = rng.random()
    if roll < 0.03 and code in ("QD-HS", "CV"):
        held = {"reason": "Giữ số cho văn bản chờ lãnh đạo ký"}
        number, year = _take(desk, day, code, "number.reserve", held)
        if (desk.until - day).days < 7:  # still awaiting signature at the end
            return
        on_number = {"number": str(number), "year": year}
        if rng.random() < 0.7:  # signed the same day
            document = {k: v for k, v in fields.items() if k != "series"}
            desk.put(_step("number.use", day, code, on_number | document))
        else:
            unsigned = {"reason": "Lãnh đạo không ký, văn bản không ban hành"}
            released = on_number | unsigned
            desk.put(_step("number.release", day + timedelta(days=1), code, released))
        return
    number, year = _take(desk, day, code, "number.issue", fields)
    if roll > 0.99:
        reason = "Văn bản sai thể thức, đã ban hành văn bản thay thế"
        voided = {"number": str(number), "year": year, "reason": reason}
        desk.put(_step("number.void", day + timedelta(days=rng.randint(1, 5)), code, voided))
    elif roll > 0.985 and code in ("QD-HS", "CV"):
        inserted = dict(fields, after=str(number), approved_by=LEADERS[0])
        inserted["reason"] = "Văn bản ký cùng ngày bị sót, chưa lấy số"
        inserted["title"] = fields["title"] + " (bổ sung)"
        desk.put(_step("number.insert", day, code, inserted))


def _take(
    desk: Desk, day: date, code: str, action: str, fields: dict[str, Any], on: date | None = None
) -> tuple[int, int]:
    """Plan a command that takes the next number of the register: (the number, its year)."""
    year = _year(code, on or day)
    number = desk.next_number(f"numbers/{code}/{year}")
    desk.put(_step(action, on or day, code, fields), day)
    return number, year


@lru_cache(maxsize=4096)
def _year(code: str, day: date) -> int:
    """The numbering year a document of `day` takes its number in."""
    return series(code).numbering_year(day).label


def _fields(desk: Desk, rng: random.Random, code: str) -> dict[str, Any]:
    if code == "MAT":  # a classified document's content stays out of the register
        return {"title": "Văn bản mật", "signer": LEADERS[0]}
    fields: dict[str, Any] = {
        "title": rng.choice(DAILY[code][1]),
        "signer": rng.choice(LEADERS),
        "recipients": f"Cơ quan CSĐT Công an {desk.unit.province}; Lưu: VT, HSKS",
        "keeper": "Văn phòng; hồ sơ kiểm sát",
        "copies": rng.randint(3, 6),
    }
    if code in ("QD-HS", "LENH") and desk.recent:
        fields["subject"] = rng.choice(desk.recent)
    return fields


def _step(action: str, on: date, code: str, fields: dict[str, Any]) -> Step:
    return {"do": action, "on": on, "actor": "Văn thư", "with": {"series": code} | fields}
