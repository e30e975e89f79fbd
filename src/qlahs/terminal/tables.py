"""Terminal tables: the one way a titled table of columns is made, the deadline list, the
violations and the intake books."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import Any

from rich.table import Table

from qlahs.kernel.dates import day_of
from qlahs.law.deadlines import Deadline, Violation
from qlahs.scenario.report import KIND, STATUS
from qlahs.stages.registry import registry


def headed_table(title: str, headings: Iterable[str], show_lines: bool = False) -> Table:
    """A table with these column headings; a long cell folds onto more lines, never cut."""
    table = Table(title=title, show_lines=show_lines)
    for heading in headings:
        table.add_column(heading, overflow="fold")
    return table


def violations_table(found: Sequence[Violation], day: date, known: str = "") -> Table:
    """`known`: what the title adds when the list is as the store knew it at a moment."""
    table = headed_table(
        f"Vi phạm tại ngày {day:%d/%m/%Y}{known} ({len(found)})",
        ("Số hiệu", "Loại", "Căn cứ", "Nội dung"),
    )
    for v in found:
        table.add_row(v.ref, KIND.get(v.kind, v.kind), v.article, v.message)
    return table


def deadline_table(found: list[Deadline], title: str, day: date, limit: int | None = None) -> Table:
    table = Table(title=f"{title} ({len(found)})")
    table.add_column("Số hiệu", no_wrap=True)
    table.add_column("Đơn vị", no_wrap=True)
    table.add_column("Nghĩa vụ", max_width=40)
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
            _duty(d.rule),
            d.article,
            f"{d.due:%d/%m/%Y}",
            STATUS.get(d.status, d.status),
            str(late) if d.status == "missed" else "",
        )
    return table


def _duty(rule: str) -> str:
    """An obligation as people name it (its rule's Vietnamese title), never its code."""
    rules = registry().rulebook
    return rules[rule].title if rule in rules.rules else rule


def book_table(
    definition: Any,
    rows: list[dict[str, Any]],
    unit: str,
    year: int,
    limit: int | None,
    total: int | None = None,
) -> Table:
    brief = definition.short_keys or _SHORT  # the columns a book marks `short`, if any
    shown = [c for c in definition.columns if limit is None or c.key in brief]
    table = headed_table(
        f"Sổ {definition.number}: {definition.title} — {unit} — {year} "
        f"({len(rows) if total is None else total} dòng)",
        [column.heading for column in shown],
        show_lines=True,
    )
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


def quarantine_table(held: Sequence[Mapping[str, object]]) -> Table:
    """Subjects whose last events could not be projected: their books and deadlines are as
    before those events, so the store is not healthy until they project again."""
    title = f"[red]Hồ sơ bị cách ly, chưa dựng được sổ và thời hạn ({len(held)})[/]"
    table = headed_table(title, ("Số hiệu", "Đơn vị", "Lý do"))
    for row in held:
        table.add_row(str(row["ref"]), str(row["unit"] or ""), str(row["reason"]))
    return table


def page_line(page: int, size: int, shown: int, total: int) -> str:
    """Which rows of how many a page shows: people page through a long list with --page."""
    pages = max(1, -(-total // size))
    if not shown:
        return f"Trang {page}/{pages}: không có dòng nào (tổng {total})."
    first = (page - 1) * size + 1
    return f"Trang {page}/{pages}: dòng {first}–{first + shown - 1} trên tổng {total}."
