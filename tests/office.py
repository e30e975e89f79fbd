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


PDFTOTEXT = shutil.which("pdftotext")
PDFTOPPM = shutil.which("pdftoppm")
needs_pdf_tools = pytest.mark.skipif(
    SOFFICE is None or PDFTOTEXT is None or PDFTOPPM is None,
    reason="LibreOffice (soffice) và poppler-utils (pdftotext, pdftoppm) chưa cài: .ci/run cài "
    "gói libreoffice-writer-nogui và poppler-utils",
)


def libreoffice_pdf(document: Path, workdir: Path) -> Path:
    """`document` converted to PDF by LibreOffice, as it would print."""
    assert SOFFICE is not None
    subprocess.run(
        [
            SOFFICE,
            "--headless",
            "--norestore",
            f"-env:UserInstallation=file://{workdir}/lo",
            "--convert-to",
            "pdf",
            "--outdir",
            str(workdir),
            str(document),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    return workdir / f"{document.stem}.pdf"


def pdf_pages(pdf: Path) -> list[str]:
    """The text of each page of `pdf`, in reading order (pdftotext)."""
    assert PDFTOTEXT is not None
    done = subprocess.run(
        [PDFTOTEXT, "-layout", str(pdf), "-"], check=True, capture_output=True, timeout=60
    )
    return done.stdout.decode("utf-8").split("\f")[:-1] or [done.stdout.decode("utf-8")]


def first_page_png(pdf: Path, workdir: Path) -> tuple[int, int]:
    """Render the first page to PNG (pdftoppm) and return its size in pixels."""
    assert PDFTOPPM is not None
    stem = workdir / f"{pdf.stem}-page"
    subprocess.run(
        [PDFTOPPM, "-png", "-r", "50", "-f", "1", "-l", "1", "-singlefile", str(pdf), str(stem)],
        check=True,
        capture_output=True,
        timeout=60,
    )
    header = Path(f"{stem}.png").read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    return int.from_bytes(header[16:20], "big"), int.from_bytes(header[20:24], "big")
