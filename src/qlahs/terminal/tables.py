"""The deadline list and the intake books as terminal tables."""

from __future__ import annotations

from datetime import date
from typing import Any

from rich.table import Table

from qlahs.kernel.dates import day_of
from qlahs.law.deadlines import Deadline
from qlahs.scenario.report import STATUS


def deadline_table(found: list[Deadline], title: str, day: date, limit: int | None = None) -> Table:
    table = Table(title=f"{title} ({len(found)})")
    table.add_column("Số hiệu", no_wrap=True)
    table.add_column("Đơn vị", no_wrap=True)
    table.add_column("Nghĩa vụ", no_wrap=True)
    table.add_column("Căn cứ")
    table.add_column("Hạn cuối", no_wrap=True)
    table.add_column("Tình trạng", no_wrap=True)
    table.add_column("Quá hạn (ngày)", justify="right")
    # Decisions on reports first: they are what the prosecutor must chase.
    found = sorted(found, key=lambda d: (d.rule != "report.resolve", str(d.due), d.ref))
    for d in found[:limit] if limit else found:
        late = (day - day_of(d.due)).days
        table.add_row(
            d.ref,
            d.unit,
            d.rule,
            d.article,
            f"{d.due:%d/%m/%Y}",
            STATUS.get(d.status, d.status),
            str(late) if d.status == "missed" else "",
        )
    return table


def book_table(
    definition: Any, rows: list[dict[str, Any]], unit: str, year: int, limit: int | None
) -> Table:
    table = Table(
        title=f"Sổ {definition.number}: {definition.title} — {unit} — {year} ({len(rows)} dòng)",
        show_lines=True,
    )
    brief = definition.short_keys or _SHORT  # the columns a book marks `short`, if any
    shown = [c for c in definition.columns if limit is None or c.key in brief]
    for column in shown:
        table.add_column(column.heading, overflow="fold")
    for row in rows[:limit] if limit else rows:
        cells = definition.cells(row)
        table.add_row(
            *[
                cell
                for cell, column in zip(cells, definition.columns, strict=True)
                if column in shown
            ]
        )
    return table


_SHORT = {
    "stt",
    "vks_intake_on",
    "ref",
    "reporter",
    "summary",
    "prosecutor",
    "extensions",
    "suspensions",
    "outcome",
}
