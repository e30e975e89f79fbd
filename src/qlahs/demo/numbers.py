"""The number registers of the demo: a year of documents for one unit, then its registers.

Each working day the unit signs a few procedural decisions linked to its crime reports and
cases, now and then an order, administrative decisions, official letters and rarely a
classified document. Some numbers are reserved for a document awaiting signature (and then
used or released), a forgotten document gets an inserted number with its approver, a few
numbers are voided, and once a clerk registers a document dated before the number just
taken — which the law judges (NĐ 30/2020 Điều 15 k1).
"""

from __future__ import annotations

import random
from collections import Counter
from datetime import date, timedelta
from typing import Any

import sqlalchemy as sa
from rich.console import Console

from qlahs.engine import Engine
from qlahs.projections import number_queries as q
from qlahs.stages.numbers.outcome import Number, take
from qlahs.stages.report.book import report_book
from qlahs.terminal.numbers import book_table, registers_table

UNIT = "VKSKV7"
LEADERS = ("Viện trưởng Nguyễn Văn Hùng", "Phó Viện trưởng Trần Thị Lan")
# series: (documents per working day, titles)
DAILY: dict[str, tuple[float, tuple[str, ...]]] = {
    "QD-HS": (
        1.6,
        (
            "Quyết định phân công Kiểm sát viên giải quyết nguồn tin",
            "Quyết định gia hạn thời hạn giải quyết nguồn tin",
            "Quyết định hủy bỏ quyết định tạm đình chỉ giải quyết nguồn tin",
            "Quyết định phê chuẩn quyết định khởi tố bị can",
        ),
    ),
    "LENH": (0.15, ("Lệnh tạm giam", "Lệnh bắt bị can để tạm giam")),
    "QD-HC": (0.2, ("Quyết định cử cán bộ đi tập huấn", "Quyết định nâng bậc lương")),
    "CV": (1.2, ("Công văn yêu cầu cung cấp tài liệu", "Công văn trả lời đơn")),
    "MAT": (0.04, ("Báo cáo (mật)",)),
}


def show_registers(engine: Engine, console: Console, until: date, seed: int = 11) -> dict[str, Any]:
    """Record a year of numbers for the demo unit up to `until`, then print every register of
    the unit (twelve months span two numbering years: the rollover shows) and the notable
    numbers of its busiest procedural register."""
    rng = random.Random(seed)
    subjects = _subjects(engine)
    done: Counter[str] = Counter()
    first = until - timedelta(days=364)
    late_on = engine.calendar.roll_forward(first + timedelta(days=200))[0]
    day = first
    while day <= until:
        if not engine.calendar.is_day_off(day):
            _one_day(engine, day, rng, subjects, done, keep_held=(until - day).days < 7)
            if day == late_on:  # a document signed two days ago, registered only now
                late = _document("QD-HS", rng, subjects, day) | {
                    "title": "Quyết định phân công Kiểm sát viên (đăng ký muộn)"
                }
                take(engine, _step("number.issue", day - timedelta(days=2), late))
                done["issued"] += 1
        day += timedelta(days=1)
    last_day = until
    while engine.calendar.is_day_off(last_day):
        last_day -= timedelta(days=1)
    held = {"series": "QD-HS", "reason": "Giữ số cho quyết định chờ Viện trưởng ký"}
    take(engine, _step("number.reserve", last_day, held))  # still awaiting signature today
    done["reserved"] += 1
    engine.catch_up()
    with engine.sql.connect() as connection:
        found = q.registers(connection, {UNIT})
        console.print(registers_table(found, None))
        busiest = max((r for r in found if r["series"] == "QD-HS"), key=lambda r: r["numbers"])
        rows = q.register_rows(connection, UNIT, "QD-HS", busiest["year"])
    notable = _notable(rows)
    title = q.title(UNIT, "QD-HS", busiest["year"]) + " — số giữ, số chèn, số hủy"
    console.print(book_table(title, notable, brief=True))
    order = [v for v in engine.violations(until, unit=UNIT) if v.rule == "number.order"]
    for violation in order:
        console.print(f"[yellow]Vi phạm thứ tự số:[/] {violation.message}")
    return {"numbers": dict(done), "number_violations": len(order)}


def _notable(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Two numbers of each kind people ask about, in number order."""
    kinds: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        kind = "inserted" if row["inserted"] else row["status"]
        if kind == "issued" and "Giữ số" in row["remarks"]:
            kind = "used"
        if kind != "issued" and len(kinds.setdefault(kind, [])) < 2:
            kinds[kind].append(row)
    return sorted((r for found in kinds.values() for r in found), key=lambda r: r["position"])


def _subjects(engine: Engine) -> list[tuple[date, str]]:
    """The unit's reports and cases, with the day they reached the procuracy."""
    engine.catch_up()
    rb = report_book.c
    query = sa.select(rb.ref, rb.case_ref, rb.vks_intake_on).where(rb.unit == UNIT)
    with engine.sql.connect() as connection:
        rows = list(connection.execute(query))
    found = [(row.vks_intake_on, row.ref) for row in rows]
    found += [(row.vks_intake_on, row.case_ref) for row in rows if row.case_ref]
    return sorted(found)


def _one_day(
    engine: Engine,
    day: date,
    rng: random.Random,
    subjects: list[tuple[date, str]],
    done: Counter[str],
    keep_held: bool,
) -> None:
    for code, (rate, _titles) in DAILY.items():
        for _ in range(int(rate) + (rng.random() < rate % 1)):
            fields = _document(code, rng, subjects, day)
            roll = rng.random()
            if roll < 0.03 and code in ("QD-HS", "CV"):
                _reserve_then(engine, day, fields, rng, done, keep_held)
                continue
            (number,) = take(engine, _step("number.issue", day, fields))
            done["issued"] += 1
            if roll > 0.99:
                _void(engine, day + timedelta(days=rng.randint(1, 5)), number)
                done["voided"] += 1
            elif roll > 0.985 and code in ("QD-HS", "CV"):
                _insert_after(engine, day, number, fields)
                done["inserted"] += 1


def _document(
    code: str, rng: random.Random, subjects: list[tuple[date, str]], day: date
) -> dict[str, Any]:
    if code == "MAT":  # a classified document's content stays out of the register
        return {"series": code, "title": "Văn bản mật", "signer": LEADERS[0]}
    fields: dict[str, Any] = {
        "series": code,
        "title": rng.choice(DAILY[code][1]),
        "signer": rng.choice(LEADERS),
        "recipients": "Cơ quan CSĐT Công an tỉnh Quảng Ninh; Lưu: VT, HSKS",
        "keeper": "Văn phòng; hồ sơ kiểm sát",
        "copies": rng.randint(3, 6),
    }
    recent = [ref for on, ref in subjects if day - timedelta(days=60) <= on <= day]
    if code in ("QD-HS", "LENH") and recent:
        fields["subject"] = rng.choice(recent)
    return fields


def _step(action: str, day: date, fields: dict[str, Any]) -> dict[str, Any]:
    return {"do": action, "on": day, "unit": UNIT, "actor": "Văn thư", "with": fields}


def _reserve_then(
    engine: Engine,
    day: date,
    fields: dict[str, Any],
    rng: random.Random,
    done: Counter[str],
    keep_held: bool,
) -> None:
    reason = "Giữ số cho văn bản chờ lãnh đạo ký"
    (held,) = take(
        engine, _step("number.reserve", day, {"series": fields["series"], "reason": reason})
    )
    done["reserved"] += 1
    on_number = {"series": held.series, "number": held.label, "year": held.year}
    if keep_held:  # awaiting signature at the end of the demo year
        return
    if rng.random() < 0.7:  # signed the same day: the document keeps the number's date
        take(
            engine,
            _step(
                "number.use", day, on_number | {k: v for k, v in fields.items() if k != "series"}
            ),
        )
        done["used"] += 1
    else:
        reason = "Lãnh đạo không ký, văn bản không ban hành"
        take(
            engine, _step("number.release", day + timedelta(days=1), on_number | {"reason": reason})
        )
        done["released"] += 1


def _void(engine: Engine, day: date, number: Number) -> None:
    reason = "Văn bản sai thể thức, đã ban hành văn bản thay thế"
    fields = {
        "series": number.series,
        "number": number.label,
        "year": number.year,
        "reason": reason,
    }
    take(engine, _step("number.void", day, fields))


def _insert_after(engine: Engine, day: date, number: Number, fields: dict[str, Any]) -> None:
    inserted = dict(fields, after=number.label, approved_by=LEADERS[0])
    inserted["reason"] = "Văn bản ký cùng ngày bị sót, chưa lấy số"
    inserted["title"] = fields["title"] + " (bổ sung)"
    take(engine, _step("number.insert", day, inserted))
