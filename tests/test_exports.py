"""Every Excel export prints like the paper form: landscape A4 fitted to the page width, the
heading row repeated on each page, the headings frozen and filterable, the national header on
the first page."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet
from typer.testing import CliRunner

from qlahs.cli import app
from qlahs.engine import Engine
from qlahs.exports.books import write_book_xlsx, write_registers_xlsx
from qlahs.exports.excel import NATIONAL_HEADER
from qlahs.projections import number_queries as q
from qlahs.projections.books import book
from qlahs.stages.numbers.outcome import take

UNIT = "VKSKV7"


def a_store(tmp_path: Path) -> str:
    """One crime report notified to the procuracy and one number issued for it."""
    url = f"sqlite:///{tmp_path}/q.db"
    with Engine.open(url, default_unit=UNIT) as engine:
        engine.execute(
            {
                "do": "report.receive",
                "ref": "TB1",
                "on": "2026-03-02",
                "with": {"source": "to_giac", "received_by": "CQDT", "summary": "Trộm cắp"},
            }
        )
        engine.execute({"do": "report.notify_procuracy", "ref": "TB1", "on": "2026-03-03"})
        issue = {"series": "QD-HS", "title": "Quyết định phân công KSV", "subject": "TB1"}
        take(engine, {"do": "number.issue", "on": "2026-03-04", "unit": UNIT, "with": issue})
    return url


def prints_like_a_form(sheet: Worksheet, heading_row: int) -> None:
    assert sheet.print_title_rows == f"${heading_row}:${heading_row}", sheet.title
    assert sheet.page_setup.orientation == "landscape"
    assert str(sheet.page_setup.paperSize) == sheet.PAPERSIZE_A4
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert (sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight) == (1, 0)
    assert sheet.auto_filter.ref.startswith(f"A{heading_row}:"), sheet.title
    assert sheet.freeze_panes is not None and sheet.freeze_panes.endswith(str(heading_row + 1))
    assert sheet.HeaderFooter.firstHeader.center.text == NATIONAL_HEADER


def test_an_intake_book_prints_like_the_paper_book(tmp_path: Path) -> None:
    with Engine.open(a_store(tmp_path), default_unit=UNIT) as engine:
        engine.catch_up()
        definition = book("04")
        with engine.sql.connect() as connection:
            rows = definition.rows(connection, UNIT, 2026)
    path = write_book_xlsx(definition, rows, UNIT, 2026, tmp_path / "so-04.xlsx")
    sheet = load_workbook(path).active
    assert isinstance(sheet, Worksheet) and sheet.max_row == 4
    prints_like_a_form(sheet, 3)
    assert sheet.auto_filter.ref == f"A3:{sheet.cell(3, len(definition.columns)).column_letter}4"
    assert sheet.freeze_panes == "A4"
    assert sheet.cell(4, 2).value == datetime(2026, 3, 3)  # a real date
    assert sheet.cell(4, 2).number_format == "dd/mm/yyyy"


def test_a_number_register_prints_like_the_paper_register(tmp_path: Path) -> None:
    with Engine.open(a_store(tmp_path), default_unit=UNIT) as engine:
        engine.catch_up()
        with engine.sql.connect() as connection:
            rows = q.register_rows(connection, UNIT, "QD-HS", 2026)
    sheets = [("QD-HS 2026", q.title(UNIT, "QD-HS", 2026), rows), ("CV 2026", "Công văn", [])]
    workbook = load_workbook(write_registers_xlsx(sheets, tmp_path / "so.xlsx"))
    for sheet in workbook.worksheets:
        prints_like_a_form(sheet, 3)
    assert [s.auto_filter.ref for s in workbook.worksheets] == ["A3:N4", "A3:N3"]
    assert workbook["QD-HS 2026"]["B4"].value == "04/03/2026"


def test_every_sheet_of_the_statistics_report_prints_like_a_form(tmp_path: Path) -> None:
    xlsx = tmp_path / "thong-ke.xlsx"
    command = ["stats", "--unit", UNIT, "--period", "y-2026", "--xlsx", str(xlsx)]
    result = CliRunner().invoke(app, [*command, "--db", a_store(tmp_path)])
    assert result.exit_code == 0, result.output
    workbook = load_workbook(xlsx)
    for sheet in workbook.worksheets:
        # an indicator group has its basis (căn cứ) under the title
        heading_row = 3 if str(sheet["A2"].value).startswith("Căn cứ") else 2
        prints_like_a_form(sheet, heading_row)
    assert workbook["A. Nguồn tin"].freeze_panes == "D4"
