"""Opening exported files in real office software (LibreOffice, headless)."""

from __future__ import annotations

import csv
import shutil
import subprocess
from pathlib import Path

import pytest

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")

needs_libreoffice = pytest.mark.skipif(
    SOFFICE is None, reason="LibreOffice (soffice) chưa cài: .ci/run cài gói libreoffice-calc-nogui"
)


def libreoffice_table(xlsx: Path, workdir: Path) -> list[list[str]]:
    """The first sheet of `xlsx` as LibreOffice reads it, converted to CSV rows."""
    assert SOFFICE is not None
    subprocess.run(
        [
            SOFFICE,
            "--headless",
            "--norestore",
            f"-env:UserInstallation=file://{workdir}/lo",
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76",
            "--outdir",
            str(workdir),
            str(xlsx),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    with (workdir / f"{xlsx.stem}.csv").open(encoding="utf-8") as handle:
        return list(csv.reader(handle))
