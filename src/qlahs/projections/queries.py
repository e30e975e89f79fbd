"""Questions asked of the read models, each as of a legal date."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa

from qlahs.projections import tables as t


def book_rows(
    connection: sa.Connection, table: sa.Table, where: Sequence[Any], order: Sequence[Any]
) -> list[dict[str, Any]]:
    rows = connection.execute(sa.select(table).where(*where).order_by(*order)).mappings()
    return [dict(row) | {"stt": index} for index, row in enumerate(rows, start=1)]


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
