"""One Excel writer for every book, register and report, laid out the way the paper forms
print: the title lines on top, the column headings once, then one row per entry; on paper,
landscape A4 fitted to the page width, the national header on the first page, the heading
row repeated on every page and the pages numbered.

A sheet is described, not drawn: `Sheet` holds its title lines, its columns (heading, width)
and its rows; `Cell` marks a value that needs a number format or bold type.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

NATIONAL_HEADER = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"
PERCENT = '0.0"%"'
DATE_FORMAT = "dd/mm/yyyy"
_HEADER = re.compile(rb"<(firstHeader|oddHeader|evenHeader)>.*?</\1>", re.S)

_TITLE = Font(bold=True, size=13)
_BOLD = Font(bold=True)
_THIN = Side(style="thin")
_BOXED = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_WRAPPED = Alignment(wrap_text=True, vertical="top")


@dataclass(frozen=True)
class Column:
    heading: str
    width: float = 14


@dataclass(frozen=True)
class Cell:
    """A value shown with a number format (a rate as 12,5%) or in bold (a group's total)."""

    value: Any
    number_format: str | None = None
    bold: bool = False


@dataclass(frozen=True)
class Sheet:
    name: str
    # above the headings: the book's title first, then its basis (căn cứ) and the like
    title: Sequence[str]
    columns: Sequence[Column]
    rows: Iterable[Sequence[Any]] = ()
    # columns that stay in view when scrolling right (an indicator's code, name and unit)
    frozen_columns: int = 0

    @property
    def heading_row(self) -> int:
        return len(self.title) + 1


def write(sheets: Sequence[Sheet], path: Path) -> Path:
    workbook = new_workbook()
    for sheet in sheets:
        add_sheet(workbook, sheet)
    return save(workbook, path)


def save(workbook: Workbook, path: Path) -> Path:
    """Save, then write the page header's line break as a character: openpyxl stores it as
    the OOXML escape `_x000a_`, which Excel reads but LibreOffice prints as it stands."""
    workbook.save(path)
    with zipfile.ZipFile(path) as source:
        parts = [(info, source.read(info.filename)) for info in source.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info, data in parts:
            if info.filename.startswith("xl/worksheets/sheet"):
                data = _HEADER.sub(lambda m: m.group(0).replace(b"_x000a_", b"&#10;"), data)
            target.writestr(info, data)
    return path


def new_workbook() -> Workbook:
    workbook = Workbook()
    first = workbook.active
    assert first is not None
    workbook.remove(first)
    return workbook


def add_sheet(workbook: Workbook, sheet: Sheet) -> Worksheet:
    """Append `sheet` to `workbook`; the worksheet is returned for additions such as charts."""
    out = workbook.create_sheet(sheet_name(sheet.name, workbook.sheetnames))
    for line in sheet.title:
        out.append([line])
    if sheet.title:
        out.cell(1, 1).font = _TITLE
    heading = sheet.heading_row
    out.append([column.heading for column in sheet.columns])
    styled: list[tuple[int, int, Cell]] = []
    for number, row in enumerate(sheet.rows, start=heading + 1):
        out.append([_value(value) for value in row])
        styled += [(number, i, v) for i, v in enumerate(row, start=1) if isinstance(v, Cell)]
    last_row, last_column = out.max_row, max(len(sheet.columns), 1)
    for cells in out.iter_rows(min_row=heading, max_row=last_row, max_col=last_column):
        for cell in cells:
            cell.border = _BOXED
            cell.alignment = _WRAPPED
    for cell in out[heading]:
        cell.font = _BOLD
    for cells in out.iter_rows(min_row=heading + 1, max_row=last_row, max_col=last_column):
        for cell in cells:
            if isinstance(cell.value, date):  # a real date, sorted and filtered as one
                cell.number_format = DATE_FORMAT
    for row_index, column_index, value in styled:
        _style(out.cell(row_index, column_index), value)
    for index, column in enumerate(sheet.columns, start=1):
        out.column_dimensions[get_column_letter(index)].width = column.width
    end = get_column_letter(last_column)
    out.auto_filter.ref = f"A{heading}:{end}{last_row}"
    out.freeze_panes = out.cell(heading + 1, sheet.frozen_columns + 1).coordinate
    _print_setup(out, heading)
    return out


def _value(value: Any) -> Any:
    if isinstance(value, Cell):
        value = value.value
    return value


def _style(cell: Any, value: Cell) -> None:
    if value.number_format:
        cell.number_format = value.number_format
    if value.bold:
        cell.font = _BOLD


def _print_setup(sheet: Worksheet, heading: int) -> None:
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0  # as many pages down as the entries need
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = f"{heading}:{heading}"
    sheet.print_options.horizontalCentered = True
    sheet.page_margins.left = sheet.page_margins.right = 0.4
    # The national header heads the first page only, as on a printed form.
    sheet.HeaderFooter.differentFirst = True
    sheet.HeaderFooter.firstHeader.center.text = NATIONAL_HEADER
    sheet.HeaderFooter.firstHeader.center.font = "Times New Roman,Bold"
    sheet.HeaderFooter.firstFooter.center.text = "Trang &P/&N"
    sheet.HeaderFooter.oddFooter.center.text = "Trang &P/&N"


def sheet_name(title: str, taken: Sequence[str]) -> str:
    """Excel's rules: at most 31 characters, none of []:*?/\\, unique in the workbook."""
    name = "".join("-" if c in "[]:*?/\\" else c for c in title)[:28] or "Sổ"
    candidate, index = name, 2
    while candidate in taken:
        candidate, index = f"{name[:26]} ({index})", index + 1
    return candidate
