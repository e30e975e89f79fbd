"""Rich tables of the number registers, for `qlahs number …` and the demo."""

from __future__ import annotations

import json
import sys
from typing import Any

from rich import box
from rich.console import Console
from rich.table import Table

from qlahs.law.calendar import fmt
from qlahs.law.number_series import series_book
from qlahs.stages.numbers.book import STATUS_NAMES, cells
from qlahs.stages.numbers.outcome import Number
from qlahs.terminal.tables import headed_table

_DONE = STATUS_NAMES | {"used": "Đã dùng số giữ"}  # what a command did to a number


def print_numbers(numbers: list[Number], as_json: bool, console: Console) -> None:
    if as_json:
        for number in numbers:
            sys.stdout.write(json.dumps(number.to_json(), ensure_ascii=False) + "\n")
        return
    table = headed_table(f"Số văn bản ({len(numbers)})", ("Số, ký hiệu", "Ngày", "Sổ", "Việc"))
    for n in numbers:
        table.add_row(n.symbol, fmt(n.on), n.register, _DONE.get(n.status, n.status))
    console.print(table)


# Terminal headings: the Phụ lục IV columns and the status, shortened to fit a screen (the
# Excel book keeps the full headings and every column).
SCREEN = (
    "Số, ký hiệu",
    "Ngày",
    "Trích yếu",
    "Người ký",
    "Nơi nhận",
    "Bản lưu",
    "Số bản",
    "Ghi chú",
    "Tình trạng",
)


def book_table(
    title: str, rows: list[dict[str, Any]], limit: int | None = None, brief: bool = False
) -> Table:
    table = Table(title=f"{title} ({len(rows)} số)", show_lines=True)
    # brief: số ký hiệu, ngày, trích yếu, tình trạng, ghi chú
    shown = (0, 1, 2, 8, 7) if brief or limit is not None else range(len(SCREEN))
    for index in shown:
        # the symbol and the date are what people look for: never folded
        table.add_column(SCREEN[index], overflow="fold", no_wrap=index in (0, 1))
    for row in rows[:limit] if limit else rows:
        values = cells(row)
        table.add_row(*(values[index] for index in shown))
    return table


def registers_table(found: list[dict[str, Any]], year: int | None) -> Table:
    """One line per register; narrow enough for an 80-column terminal."""
    title = "Sổ đăng ký số văn bản" + (f" năm {year}" if year else "")
    table = Table(title=f"{title} ({len(found)} sổ)", box=box.SIMPLE_HEAD, collapse_padding=True)
    for heading in ("Đơn vị", "Sổ", "Năm", "Từ ngày"):
        table.add_column(heading, no_wrap=True)
    for heading in ("Số cuối", "Cấp", "Giữ", "Chèn", "Hủy", "Trả"):
        table.add_column(heading, justify="right", no_wrap=True)
    for r in found:
        start = series_book().get(r["series"]).labelled(r["year"]).start
        counts = (r["last"], r["issued"], r["reserved"], r["inserts"], r["voided"], r["released"])
        table.add_row(r["unit"], r["series"], str(r["year"]), fmt(start), *(str(n) for n in counts))
    return table
