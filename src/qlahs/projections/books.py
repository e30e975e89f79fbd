"""Intake books: definitions from `law/books.yaml`, rows from the read models (Excel output:
`exports/books.py`)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from functools import cache
from importlib import resources
from typing import Any

import sqlalchemy as sa
from pydantic import BaseModel, ConfigDict, RootModel

from qlahs.domain.crime_report import BODY_NAMES, SOURCE_NAMES
from qlahs.kernel import yamlio
from qlahs.kernel.errors import QlahsError
from qlahs.law.calendar import fmt
from qlahs.law.citation import Citation, Confidence
from qlahs.projections import tables
from qlahs.projections.queries import book_page, book_rows
from qlahs.stages.registry import registry


class Column(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    key: str
    heading: str
    # shown when only the first rows are printed (`qlahs book --limit`), to fit a terminal
    short: bool = False


class Book(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    number: str = ""
    title: str
    citation: Citation
    confidence: Confidence
    table: str
    # rows of the table that belong to the book, e.g. {kind: detention} or {measure: true}
    only: dict[str, str | bool]
    # the book's year is the year of this date; a row without it is not (yet) in the book
    date_column: str
    # how entries follow each other; the date column and the reference when not given
    order: list[str] = []
    columns: list[Column]

    @property
    def headings(self) -> list[str]:
        return [column.heading for column in self.columns]

    @property
    def short_keys(self) -> set[str]:
        return {column.key for column in self.columns if column.short}

    def rows(self, connection: sa.Connection, unit: str, year: int) -> list[dict[str, Any]]:
        """The book of `unit` for `year`, numbered in the order the entries were made."""
        table, where, order = self._query(unit, year)
        return book_rows(connection, table, where, order)

    def page(
        self,
        connection: sa.Connection,
        unit: str,
        year: int,
        keep: Callable[[sa.Subquery], Sequence[Any]],
        *,
        limit: int,
        offset: int = 0,
    ) -> tuple[list[dict[str, Any]], int]:
        """`limit` rows of the book from `offset`, numbered as in the whole book, of those
        `keep` admits, and how many it admits."""
        table, where, order = self._query(unit, year)
        return book_page(connection, table, where, order, keep, limit, offset)

    def _query(self, unit: str, year: int) -> tuple[sa.Table, list[Any], list[Any]]:
        table = self._table()
        when = table.c[self.date_column]
        where = [
            table.c.unit == unit,
            when >= date(year, 1, 1),
            when <= date(year, 12, 31),
            *(table.c[key] == value for key, value in self.only.items()),
        ]
        return table, where, [table.c[key] for key in self.order] or [when, table.c.ref]

    def _table(self) -> sa.Table:
        if self.table not in tables.metadata.tables:
            registry()  # stage modules declare their own tables when they are imported
        return tables.metadata.tables[self.table]

    def cells(self, row: dict[str, Any]) -> list[str]:
        return [display(column.key, row.get(column.key)) for column in self.columns]

    def values(self, row: dict[str, Any]) -> list[Any]:
        """The row for a spreadsheet: dates and counts stay dates and numbers, so that a
        clerk can sort and filter them; everything else as the book shows it."""
        return [_value(column.key, row.get(column.key)) for column in self.columns]


class BookFile(RootModel[dict[str, Book]]):
    """A file of book definitions by number."""


def _value(key: str, value: Any) -> Any:
    if isinstance(value, date) or (isinstance(value, int) and not isinstance(value, bool)):
        return value
    return display(key, value)


def display(key: str, value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Có" if value else "Không"
    if isinstance(value, date):
        return fmt(value)
    if key == "source":
        return SOURCE_NAMES.get(str(value), str(value))
    if key == "received_by":
        return BODY_NAMES.get(str(value), str(value))
    return str(value)


@cache
def books() -> dict[str, Book]:
    """The books of `law/books.yaml` and those the stages bring (Stage.book_files)."""
    texts = [("books.yaml", resources.files("qlahs.law").joinpath("books.yaml").read_text("utf-8"))]
    for stage in registry().stages:
        texts.extend((str(path), path.read_text("utf-8")) for path in stage.book_files)
    found: dict[str, Book] = {}
    for name, text in texts:
        found |= yamlio.load_data(BookFile, name, text).root
    return {number: book.model_copy(update={"number": number}) for number, book in found.items()}


def book(number: str) -> Book:
    number = number.zfill(2)
    try:
        return books()[number]
    except KeyError:
        known = ", ".join(sorted(books()))
        raise QlahsError(f"Không có sổ {number}. Các sổ hiện có: {known}.") from None
