"""`qlahs demo`: a realistic year of crime reports for one unit, then what people look at.

The reports are planned in `reports.py`, the cases opened from them in `cases.py`; this module
records them all and shows what people look at.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import suppress
from datetime import date
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.progress import Progress
from rich.table import Table

from qlahs.demo.cases import show_cases, with_cases
from qlahs.demo.civil import show_court_matters
from qlahs.demo.complaints_mla import show_complaints_and_assistance
from qlahs.demo.court_plan import court_commands
from qlahs.demo.documents import draft_documents
from qlahs.demo.enforcement import show_enforcement
from qlahs.demo.numbers import show_registers
from qlahs.demo.own_investigation import show_own_investigation
from qlahs.demo.reports import UNIT, commands
from qlahs.demo.reviews import show_reviews
from qlahs.demo.statreports import send_months
from qlahs.demo.stats import year_report
from qlahs.engine import Engine
from qlahs.exports.books import write_book_xlsx
from qlahs.kernel.errors import CommandRejected
from qlahs.kernel.subject import day_of
from qlahs.law.calendar import Calendar
from qlahs.projections.books import book
from qlahs.store import locate


def run_demo(
    db: str,
    out: Path,
    *,
    reports: int,
    year: int,
    seed: int,
    console: Console,
    progress: Callable[[str], Progress],
    until: date | None = None,
) -> dict[str, Any]:
    until = until or date.today()
    out.mkdir(parents=True, exist_ok=True)  # the files the demo writes go there
    location = locate(db)
    if not location.is_postgres and location.sql_url.database not in (None, ":memory:"):
        for suffix in ("", "-wal", "-shm"):
            with suppress(FileNotFoundError):
                Path(str(location.sql_url.database) + suffix).unlink()
    calendar = Calendar.default()
    steps = with_cases(commands(reports, until, seed, calendar), until, seed, calendar)
    # civil and administrative matters before the area's court: a few hundred at most
    civil, admin = max(4, min(250, reports // 6)), max(2, min(50, reports // 30))
    court = court_commands(civil, admin, until, seed, UNIT)
    steps = sorted(steps + court, key=lambda s: day_of(s["on"]))
    refused = 0
    with Engine.open(db, default_unit=UNIT, default_actor="Văn thư") as engine:
        with progress("Ghi nhận hành vi tố tụng") as bar:
            task = bar.add_task("record", total=len(steps))
            for step in _advancing(steps, bar, task):
                try:
                    engine.execute(step)
                except CommandRejected:
                    refused += 1
        with progress("Cập nhật sổ và thời hạn") as bar:
            task = bar.add_task("project", total=None)
            engine.catch_up(lambda done, total: bar.update(task, completed=done, total=total))
        summary = _summary(engine, steps, refused, until, console)
        definition = book("04")
        with engine.sql.connect() as connection:
            rows = definition.rows(connection, UNIT, until.year)
        from qlahs.terminal.tables import book_table, deadline_table

        console.print(book_table(definition, rows, UNIT, until.year, limit=8))
        overdue = engine.overdue(until, unit=UNIT)
        console.print(
            deadline_table(overdue, f"Danh sách quá hạn hôm nay {until:%d/%m/%Y}", until, limit=15)
        )
        path = write_book_xlsx(definition, rows, UNIT, until.year, out / "so-04.xlsx")
        console.print(f"Đã ghi Sổ 04 năm {until.year} ({len(rows)} dòng) vào {path}")
        cases = show_cases(engine, steps, UNIT, until, console)
        cases |= show_reviews(engine, steps, UNIT, until, console)
        show_registers(engine, console, until)
        court_matters = show_court_matters(engine, court, UNIT, until, out, console)
        stats = year_report(engine, UNIT, out, until, console)  # modules 7–8
        documents = draft_documents(engine, steps, UNIT, out, until, console)
        stats |= send_months(engine, UNIT, until, console)
        stats |= show_own_investigation(engine, until, out, console)  # module 6
        stats |= show_enforcement(engine, steps, UNIT, until, out, console)  # module 5
        stats |= show_complaints_and_assistance(engine, UNIT, until, out, console)
    return (
        summary
        | documents
        | {"xlsx": str(path), "book_rows": len(rows), "overdue": len(overdue)}
        | cases
        | court_matters
        | stats
    )


def _advancing(steps: list[dict[str, Any]], bar: Progress, task: Any) -> Iterator[dict[str, Any]]:
    for index, step in enumerate(steps, start=1):
        yield step
        if index % 50 == 0 or index == len(steps):
            bar.update(task, completed=index)


def _summary(
    engine: Engine, steps: list[dict[str, Any]], refused: int, until: date, console: Console
) -> dict[str, Any]:
    actions = Counter(step["do"] for step in steps)
    violations = engine.violations(until, unit=UNIT)
    kinds = Counter(v.kind for v in violations)
    table = Table(title=f"Tóm tắt dữ liệu mẫu — {UNIT}, 12 tháng đến {until:%d/%m/%Y}")
    table.add_column("Chỉ tiêu")
    table.add_column("Số lượng", justify="right")
    rows = [
        ("Nguồn tin tiếp nhận", actions["report.receive"]),
        ("Thông báo cho VKS", actions["report.notify_procuracy"]),
        ("CQĐT kéo dài thời hạn", actions["report.extend"]),
        ("VKS gia hạn", actions["report.grant_extension"]),
        ("Tạm đình chỉ", actions["report.suspend"]),
        ("Phục hồi", actions["report.resume"]),
        ("Đã giải quyết", actions["report.decide"]),
        ("Hành vi bị từ chối", refused),
        ("Vi phạm: chậm", kinds["late"]),
        ("Vi phạm: chưa thực hiện (quá hạn)", kinds["missing"]),
        ("Vi phạm: trước thời điểm luật cho phép", kinds["premature"]),
        ("Vi phạm: vượt giới hạn", kinds["exceeds_limit"]),
    ]
    for name, value in rows:
        table.add_row(name, f"{value:,}".replace(",", "."))
    console.print(table)
    return {
        "steps": len(steps),
        "refused": refused,
        "reports": actions["report.receive"],
        "violations": dict(kinds),
    }
