"""The exported books open in real office software (LibreOffice, headless)."""

from __future__ import annotations

import csv
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from qlahs.application import Engine
from qlahs.projections.books import book, write_xlsx

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.skipif(
    SOFFICE is None, reason="LibreOffice (soffice) chưa cài: .ci/run cài gói libreoffice-calc-nogui"
)
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
    path = write_xlsx(definition, rows, "VKSKV7", 2026, tmp_path / "so-04.xlsx")
    assert SOFFICE is not None
    subprocess.run(
        [
            SOFFICE,
            "--headless",
            "--norestore",
            f"-env:UserInstallation=file://{tmp_path}/lo",
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76",
            "--outdir",
            str(tmp_path),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    with (tmp_path / "so-04.csv").open(encoding="utf-8") as handle:
        table = list(csv.reader(handle))
    assert table[2] == definition.headings
    assert table[3][2] == "TB1" and table[3][1] == date(2026, 3, 3).strftime("%d/%m/%Y")
    assert "Nguyễn Văn An" in table[3][3]
