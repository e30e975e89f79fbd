"""The exported books open in real office software (LibreOffice, headless)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from office import libreoffice_table, needs_libreoffice
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
