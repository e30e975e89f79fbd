"""`qlahs demo`, module 6: a few reports and cases of the procuracy's own investigation agency
(Cơ quan điều tra VKSNDTC) held by the supreme procuracy, its case book (Sổ 62) and the
violations only its rules find: a crime outside its competence, an extension granted by
another procuracy."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

from rich.console import Console

from qlahs.domain.own_agency import CODE
from qlahs.engine import Engine
from qlahs.exports.books import write_book_xlsx
from qlahs.kernel.errors import CommandRejected
from qlahs.projections.books import book
from qlahs.terminal.tables import book_table

SUPREME = "VKSTC"
CASE_BOOK = "62"  # Sổ thụ lý vụ án hình sự của Cơ quan điều tra VKSNDTC (law/books.yaml)


def _story(start: date) -> list[dict[str, Any]]:
    def day(n: int) -> str:
        return (start + timedelta(days=n)).isoformat()

    def case(ref: str, n: int, crime: str) -> dict[str, Any]:
        fields = {"crime": crime, "investigating_agency": CODE, "from_report": f"TB-{ref}"}
        return {"on": day(n), "do": "case.open", "ref": ref, "with": fields}

    steps: list[dict[str, Any]] = [
        {"on": day(0), "do": "unit.establish", "ref": SUPREME, "unit": SUPREME}
        | {"with": {"name": "Viện kiểm sát nhân dân tối cao", "level": "toi_cao"}},
    ]
    for ref, n, crime in (
        ("CQDT-1", 2, "BLHS 374 k1"),  # bức cung
        ("CQDT-2", 9, "BLHS 375 k1"),  # làm sai lệch hồ sơ vụ án
        ("CQDT-3", 16, "BLHS 173 k1"),  # trộm cắp: ngoài thẩm quyền
    ):
        summary = "Tố giác cán bộ tư pháp vi phạm trong hoạt động tư pháp"
        steps += [
            {"on": day(n), "do": "report.receive", "ref": f"TB-{ref}"}
            | {"with": {"source": "to_giac", "received_by": CODE, "summary": summary}},
            {"on": day(n + 1), "do": "report.notify_procuracy", "ref": f"TB-{ref}"},
            {"on": day(n + 15), "do": "report.decide", "ref": f"TB-{ref}"}
            | {"with": {"outcome": "khoi_to", "case": ref}},
            case(ref, n + 15, crime),
        ]
    steps += [
        {"on": day(18), "do": "case.charge", "ref": "CQDT-1"}
        | {"with": {"person": "BC1", "name": "Điều tra viên A", "crime": "BLHS 374 k1"}},
        {"on": day(19), "do": "case.approve_charge", "ref": "CQDT-1", "with": {"person": "BC1"}},
        # the second case's investigation extended by a provincial procuracy (Điều 172 k6)
        {"on": day(95), "do": "case.extend_investigation", "ref": "CQDT-2", "unit": "VKSQN"}
        | {"with": {"months": 2}},
    ]
    return steps


def show_own_investigation(
    engine: Engine, until: date, out: Path, console: Console
) -> dict[str, Any]:
    """Record the agency's story of the last months, print Sổ 62 and its violations."""
    recorded = 0
    for step in _story(until - timedelta(days=150)):
        if date.fromisoformat(step["on"]) > until:
            continue
        try:
            engine.execute({"unit": SUPREME} | step)
            recorded += 1
        except CommandRejected:
            continue
    engine.catch_up()
    definition = book(CASE_BOOK)
    with engine.sql.connect() as connection:
        rows = definition.rows(connection, SUPREME, until.year)
    console.print(book_table(definition, rows, SUPREME, until.year, limit=5))
    path = write_book_xlsx(definition, rows, SUPREME, until.year, out / f"so-{CASE_BOOK}.xlsx")
    console.print(f"Đã ghi Sổ {CASE_BOOK} năm {until.year} ({len(rows)} dòng) vào {path}")
    found = [
        v for v in engine.violations(until, unit=SUPREME) if v.rule.startswith("own_investigation")
    ]
    for violation in found:
        console.print(f"• {violation.message}")
    return {"own_investigation": {"acts": recorded, "cases": len(rows), "violations": len(found)}}
