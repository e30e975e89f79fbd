"""Questions asked of the read models, each as of a legal date."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import sqlalchemy as sa

from qlahs.projections import tables as t


def book_rows(
    connection: sa.Connection, table: sa.Table, where: Sequence[Any], order: Sequence[Any]
) -> list[dict[str, Any]]:
    rows = connection.execute(sa.select(table).where(*where).order_by(*order)).mappings()
    return [dict(row) | {"stt": index} for index, row in enumerate(rows, start=1)]


def book_page(
    connection: sa.Connection,
    table: sa.Table,
    where: Sequence[Any],
    order: Sequence[Any],
    keep: Callable[[sa.Subquery], Sequence[Any]],
    limit: int,
    offset: int,
) -> tuple[list[dict[str, Any]], int]:
    """One page of a book and how many rows the book has: entries are numbered in the
    book's order over all its rows (a row a reader may not see keeps its number), then the
    rows `keep` admits are counted and paged by the database."""
    numbered = (
        sa.select(table, sa.func.row_number().over(order_by=list(order)).label("stt"))
        .where(*where)
        .subquery()
    )
    admitted = list(keep(numbered))
    total = connection.execute(
        sa.select(sa.func.count()).select_from(numbered).where(*admitted)
    ).scalar_one()
    query = (
        sa.select(numbered).where(*admitted).order_by(numbered.c.stt).limit(limit).offset(offset)
    )
    return [dict(row) for row in connection.execute(query).mappings()], int(total)


def find_subjects(connection: sa.Connection, text: str, limit: int = 50) -> list[dict[str, Any]]:
    """Search by reference or title, case-insensitively."""
    s = t.subjects
    pattern = f"%{text.lower()}%"
    query = (
        sa.select(s)
        .where(sa.or_(sa.func.lower(s.c.ref).like(pattern), sa.func.lower(s.c.title).like(pattern)))
        .order_by(s.c.opened_on, s.c.ref)
        .limit(limit)
    )
    return [dict(row) for row in connection.execute(query).mappings()]


def quarantined(connection: sa.Connection) -> list[dict[str, Any]]:
    """The subjects whose last events could not be projected (their rows are as before)."""
    q = t.quarantine
    query = sa.select(q.c.ref, q.c.unit, q.c.position, q.c.reason, q.c.detail).order_by(q.c.ref)
    return [dict(row) for row in connection.execute(query).mappings()]
