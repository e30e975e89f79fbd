"""Questions asked of the number book: one register, a unit's registers, search.

Every question takes the units the asker may see (`law/units.py: visible`): the unit
boundary of the two access levels is applied here, in the query, not left to callers.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date
from typing import Any

import sqlalchemy as sa

from qlahs.domain.number_symbol import parse_number
from qlahs.kernel.text_search import needle
from qlahs.law.calendar import fmt
from qlahs.law.number_series import series
from qlahs.law.units import units
from qlahs.projections import tables as t
from qlahs.stages.numbers.book import TITLE, number_book

nb = number_book


def title(unit: str, series_code: str, year: int) -> str:
    found = series(series_code)
    period = found.labelled(year)
    return (
        f"{TITLE} — {found.title} ({series_code}) — {units().name(unit)} — năm {year} "
        f"({fmt(period.start)}–{fmt(period.end)})"
    )


def register_rows(
    connection: sa.Connection, unit: str, series_code: str, year: int
) -> list[dict[str, Any]]:
    query = (
        sa.select(nb)
        .where(nb.c.unit == unit, nb.c.series == series_code, nb.c.year == year)
        .order_by(nb.c.position)
    )
    return [dict(row._mapping) for row in connection.execute(query)]


def registers(
    connection: sa.Connection, visible: Collection[str], year: int | None = None
) -> list[dict[str, Any]]:
    """One line per register: how many numbers of each status, and the last number."""
    counts = {
        status: sa.func.sum(sa.case((nb.c.status == status, 1), else_=0)).label(status)
        for status in ("issued", "reserved", "inserted", "voided", "released")
    }
    query = (
        sa.select(
            nb.c.unit,
            nb.c.series,
            nb.c.year,
            sa.func.count().label("numbers"),
            sa.func.max(nb.c.number).label("last"),
            sa.func.sum(sa.case((nb.c.inserted, 1), else_=0)).label("inserts"),
            *counts.values(),
        )
        .where(nb.c.unit.in_(sorted(visible)))
        .group_by(nb.c.unit, nb.c.series, nb.c.year)
        .order_by(nb.c.unit, nb.c.year, nb.c.series)
    )
    if year is not None:
        query = query.where(nb.c.year == year)
    return [dict(row._mapping) for row in connection.execute(query)]


def search(
    connection: sa.Connection,
    visible: Collection[str],
    *,
    text: str | None = None,
    number: str | None = None,
    series_code: str | None = None,
    year: int | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
    signer: str | None = None,
    limit: int | None = None,
) -> list[dict[str, Any]]:
    """Numbers of the visible units by case or report (its reference or its summary), text
    of the document, number, series, date range and signer."""
    query = sa.select(nb).where(nb.c.unit.in_(sorted(visible)))
    if text:
        wanted = needle(text)
        # a case or report found by its summary lists every document numbered for it
        subjects = sa.select(t.subjects.c.ref).where(
            sa.or_(
                sa.func.lower(t.subjects.c.title).contains(wanted, autoescape=True),
                sa.func.lower(t.subjects.c.ref).contains(wanted, autoescape=True),
            )
        )
        query = query.where(
            sa.or_(nb.c.search.contains(wanted, autoescape=True), nb.c.subject.in_(subjects))
        )
    if number:
        base, suffix = parse_number(number)
        query = query.where(nb.c.number == base)
        if suffix:
            query = query.where(nb.c.suffix == suffix)
    if series_code:
        query = query.where(nb.c.series == series_code)
    if year is not None:
        query = query.where(nb.c.year == year)
    if date_from is not None:
        query = query.where(nb.c.on >= date_from)
    if date_to is not None:
        query = query.where(nb.c.on <= date_to)
    if signer:
        query = query.where(nb.c.signer_key.contains(needle(signer), autoescape=True))
    query = query.order_by(nb.c.on, nb.c.unit, nb.c.series, nb.c.position).limit(limit)
    return [dict(row._mapping) for row in connection.execute(query)]
