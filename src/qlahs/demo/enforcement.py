"""`qlahs demo`, module 5: the court's enforcement decisions reaching the procuracy (most within
3 working days, a few late), and a few direct inspections of the area's detention facilities
and enforcement body with their recommendations and answers; books 25 and KSTT and the KSTT
spreadsheet."""

from __future__ import annotations

import random
from collections import Counter
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from qlahs.engine import Engine
from qlahs.exports.books import write_book_xlsx
from qlahs.kernel.errors import CommandRejected
from qlahs.kernel.subject import day_of
from qlahs.law.calendar import Calendar
from qlahs.law.counting import count
from qlahs.projections.books import book
from qlahs.terminal.tables import book_table

FACILITIES = (
    ("nha_tam_giu", "Nhà tạm giữ Công an khu vực", "tam_giu_tam_giam"),
    ("trai_tam_giam", "Trại tạm giam Công an tỉnh", "tam_giu_tam_giam"),
    ("co_quan_thads_khu_vuc", "Cơ quan thi hành án hình sự Công an khu vực", "thi_hanh_an"),
)


def _steps(steps: list[dict[str, Any]], unit: str, until: date) -> list[dict[str, Any]]:
    rng, calendar = random.Random(5), Calendar.default()
    extra: list[dict[str, Any]] = []
    for step in steps:
        if step["do"] != "case.enforcement_decision":
            continue
        decided = day_of(step["on"])
        due = count("working_days", decided, 3, calendar).end
        sent = due + timedelta(days=rng.randint(2, 6)) if rng.random() < 0.1 else decided
        received = sent + timedelta(days=rng.randint(0, 2))
        if received <= until:
            extra.append(
                {"on": received, "do": "case.deliver_enforcement_decision", "ref": step["ref"]}
                | {"unit": step.get("unit", unit), "with": step["with"] | {"sent_on": sent}}
            )
    start = date(until.year, 1, 1) if until.month > 6 else date(until.year - 1, 7, 1)
    for index, (kind, name, scope) in enumerate(FACILITIES, start=1):
        ref, opened = f"KSTT-{start.year}-{index}", start + timedelta(days=60 * index)
        concluded, answered = opened + timedelta(days=10), opened + timedelta(days=12 + 9 * index)
        for on, do, fields in (
            (opened, "inspection.open", {"facility_kind": kind, "facility": name, "scope": scope}),
            (
                concluded,
                "inspection.conclude",
                {"content": "Vi phạm về sổ sách", "violations_found": 2},
            ),
            (concluded, "inspection.recommend", {"content": "Khắc phục vi phạm đã nêu"}),
            (answered, "inspection.answer_recommendation", {"result": "chap_nhan"}),
        ):
            if on <= until:
                extra.append({"on": on, "do": do, "ref": ref, "unit": unit, "with": fields})
    return extra


def show_enforcement(
    engine: Engine,
    steps: list[dict[str, Any]],
    unit: str,
    until: date,
    out: Path,
    console: Console,
) -> dict[str, Any]:
    """Record the year's deliveries and inspections, then show books 25 and KSTT."""
    extra = _steps(steps, unit, until)
    refused = 0
    for step in extra:
        try:
            engine.execute(step)
        except CommandRejected:
            refused += 1
    engine.catch_up()
    found = Counter(
        v.rule
        for v in engine.violations(until, unit=unit)
        if v.rule.startswith("inspection.") or v.rule.startswith("enforcement.")
    )
    table = Table(title=f"Kiểm sát thi hành án hình sự — {unit}, đến {until:%d/%m/%Y}")
    table.add_column("Chỉ tiêu")
    table.add_column("Số lượng", justify="right")
    actions = Counter(step["do"] for step in extra)
    for name, value in (
        ("Quyết định thi hành án đến Viện kiểm sát", actions["case.deliver_enforcement_decision"]),
        ("Cuộc kiểm sát trực tiếp", actions["inspection.open"]),
        ("Kiến nghị sau kiểm sát", actions["inspection.recommend"]),
        ("Vi phạm thời hạn thi hành án, trả lời kiến nghị", sum(found.values())),
    ):
        table.add_row(name, str(value))
    console.print(table)
    written: dict[str, Any] = {}
    for number in ("25", "KSTT"):
        definition = book(number)
        with engine.sql.connect() as connection:
            rows = definition.rows(connection, unit, until.year)
        console.print(book_table(definition, rows, unit, until.year, limit=5))
        path = write_book_xlsx(
            definition, rows, unit, until.year, out / f"so-{number.lower()}.xlsx"
        )
        written[f"book_{number.lower()}_rows"] = len(rows)
        console.print(f"Đã ghi Sổ {number} năm {until.year} ({len(rows)} dòng) vào {path}")
    return written | {"enforcement_refused": refused}
