"""The exported books open in real office software (LibreOffice, headless)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from office import libreoffice_table, needs_libreoffice, needs_pdf_tools
from qlahs.engine import Engine
from qlahs.exports.books import write_book_xlsx
from qlahs.projections.books import book


@needs_libreoffice
def test_libreoffice_opens_book_04_with_its_headings_and_rows(tmp_path: Path) -> None:
    with Engine.open(f"sqlite:///{tmp_path}/q.db", default_unit="VKSKV7") as engine:
        engine.execute(
            {
                "do": "report.receive",
                "ref": "TB1",
                "on": "2026-03-02",
                "with": {
                    "source": "to_giac",
                    "received_by": "CQDT",
                    "summary": "Trộm cắp tài sản",
                    "reporter": "Nguyễn Văn An",
                },
            }
        )
        engine.execute({"do": "report.notify_procuracy", "ref": "TB1", "on": "2026-03-03"})
        engine.catch_up()
        definition = book("04")
        with engine.sql.connect() as connection:
            rows = definition.rows(connection, "VKSKV7", 2026)
    path = write_book_xlsx(definition, rows, "VKSKV7", 2026, tmp_path / "so-04.xlsx")
    table = libreoffice_table(path, tmp_path)
    assert table[2] == definition.headings
    assert table[3][2] == "TB1" and table[3][1] == date(2026, 3, 3).strftime("%d/%m/%Y")
    assert "Nguyễn Văn An" in table[3][3]


@needs_pdf_tools
def test_a_year_of_book_04_prints_in_few_pages_with_the_motto_on_top(tmp_path: Path) -> None:
    import openpyxl

    from office import libreoffice_pdf, pdf_pages

    with Engine.open(f"sqlite:///{tmp_path}/q.db", default_unit="VKSKV7") as engine:
        for n in range(120):
            day = date(2026, 1, 5) + timedelta(days=n * 2)
            engine.execute(
                {
                    "do": "report.receive",
                    "ref": f"TB{n}",
                    "on": day.isoformat(),
                    "with": {
                        "source": "tin_bao",
                        "received_by": "CQDT",
                        "summary": "Trộm cắp tài sản tại khu dân cư, giá trị khoảng 12 triệu đồng",
                        "reporter": "Công an phường Hồng Hải",
                    },
                }
            )
            engine.execute(
                {"do": "report.notify_procuracy", "ref": f"TB{n}", "on": day.isoformat()}
            )
        engine.catch_up()
        definition = book("04")
        with engine.sql.connect() as connection:
            rows = definition.rows(connection, "VKSKV7", 2026)
    path = write_book_xlsx(definition, rows, "VKSKV7", 2026, tmp_path / "so-04.xlsx")
    sheet = openpyxl.load_workbook(path).active
    first = sheet.cell(4, 2)  # the day the VKS entered the first report: a date a clerk can sort
    assert first.is_date and first.number_format == "dd/mm/yyyy"
    pages = pdf_pages(libreoffice_pdf(path, tmp_path))
    assert len(pages) <= 6, len(pages)  # 120 entries: a few pages, not one per entry
    top = pages[0].strip().splitlines()[:3]
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in top[0] and "Độc lập" in top[1]
    assert not any("_x000a_" in page for page in pages)
