"""The intake books (sổ nghiệp vụ, `law/books.yaml`) and the outgoing-document registers
(sổ đăng ký văn bản đi, NĐ 30/2020 Phụ lục IV) as Excel files."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from qlahs.exports.excel import Column, Sheet, write
from qlahs.projections.books import Book
from qlahs.stages.numbers.book import CITATION, COLUMNS, TITLE, cells


def write_book_xlsx(
    book: Book, rows: list[dict[str, Any]], unit: str, year: int, path: Path
) -> Path:
    """The book of `unit` for `year`: its title, its basis, its headings, one row per entry."""
    sheet = Sheet(
        name=f"Sổ {book.number}",
        title=[
            f"{book.title} — {unit} — năm {year}",
            f"Căn cứ: {book.citation}; danh mục cột theo thực tiễn (độ tin cậy {book.confidence})",
        ],
        columns=[
            Column(c.heading, 6 if c.key == "stt" else min(45, max(12, len(c.heading) + 2)))
            for c in book.columns
        ],
        rows=[book.values(row) for row in rows],
    )
    return write([sheet], path)


def write_registers_xlsx(
    registers: list[tuple[str, str, list[dict[str, Any]]]], path: Path
) -> Path:
    """One sheet per register (sheet name, title, rows), one row per number."""
    columns = [
        Column(
            heading,
            45
            if key in ("title", "remarks", "recipients")
            else min(30, max(12, len(heading) // 2 + 4)),
        )
        for key, heading in COLUMNS
    ]
    sheets = [
        Sheet(
            name=name,
            title=[title, f"Căn cứ: {CITATION}; {len(rows)} số"],
            columns=columns,
            rows=[cells(row) for row in rows],
        )
        for name, title, rows in registers or [(TITLE, TITLE, [])]
    ]
    return write(sheets, path)
