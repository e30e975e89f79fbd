"""`qlahs demo`, civil and administrative supervision: what the year's matters before the
area's court come to (stories in `court_plan.py`), the civil intake book and its spreadsheet."""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from qlahs.engine import Engine
from qlahs.exports.books import write_book_xlsx
from qlahs.projections.books import book
from qlahs.terminal.tables import book_table

CIVIL_BOOK = "41"  # Sổ thụ lý kiểm sát việc giải quyết vụ việc dân sự (stages/civil/books.yaml)


def show_court_matters(
    engine: Engine,
    steps: list[dict[str, Any]],
    unit: str,
    until: date,
    out: Path,
    console: Console,
) -> dict[str, Any]:
    """A summary of the civil and administrative matters, Sổ 41 and its spreadsheet."""
    actions = Counter(step["do"] for step in steps)
    found = [
        v for v in engine.violations(until, unit=unit) if v.rule.split(".")[0] in ("civil", "admin")
    ]
    table = Table(title=f"Kiểm sát dân sự, hành chính — {unit}, 12 tháng đến {until:%d/%m/%Y}")
    table.add_column("Chỉ tiêu")
    table.add_column("Dân sự", justify="right")
    table.add_column("Hành chính", justify="right")
    rows = [
        ("Tòa án nhận đơn", "receive_claim"),
        ("Tòa án thụ lý", "accept"),
        ("Tạm đình chỉ", "suspend"),
        ("Đình chỉ", "dismiss"),
        ("Xét xử sơ thẩm", "judge"),
        ("Quyết định giải quyết việc dân sự", "decide_petition"),
        ("Kháng cáo", "appeal"),
        ("Viện kiểm sát kháng nghị phúc thẩm", "protest"),
        ("Xét xử phúc thẩm", "appeal_judge"),
    ]
    for name, verb in rows:
        table.add_row(name, str(actions[f"civil.{verb}"]), str(actions[f"admin.{verb}"]))
    kinds = Counter(v.rule.split(".")[0] for v in found)
    table.add_row("Vi phạm phát hiện", str(kinds["civil"]), str(kinds["admin"]))
    console.print(table)
    definition = book(CIVIL_BOOK)
    with engine.sql.connect() as connection:
        book_rows = definition.rows(connection, unit, until.year)
    console.print(book_table(definition, book_rows, unit, until.year, limit=8))
    path = write_book_xlsx(definition, book_rows, unit, until.year, out / "so-41.xlsx")
    console.print(f"Đã ghi Sổ {CIVIL_BOOK} năm {until.year} ({len(book_rows)} dòng) vào {path}")
    return {
        "civil_matters": actions["civil.receive_claim"],
        "admin_cases": actions["admin.receive_claim"],
        "court_violations": len(found),
        "civil_book_rows": len(book_rows),
        "civil_xlsx": str(path),
    }
