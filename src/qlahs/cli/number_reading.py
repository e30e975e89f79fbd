"""`qlahs number book|registers|search`: reading the registers a user may see.

A user sees the registers of their unit (`--as-unit` or `QLAHS_UNIT`) and of the units under
it (`law/units.yaml`); `--unit` narrows them to one.
"""

from __future__ import annotations

from typing import Annotated

import typer

from qlahs.cli.options import (
    AsUnit,
    Db,
    FirstRows,
    Limit,
    Name,
    SearchText,
    Since,
    Unit,
    Until,
    Xlsx,
    Year,
    YearOrNone,
)
from qlahs.cli.support import console, fail, open_engine, parse_day
from qlahs.engine import Engine
from qlahs.exports.books import write_registers_xlsx
from qlahs.kernel.errors import QlahsError
from qlahs.law.number_series import series_book
from qlahs.law.units import units
from qlahs.projections import number_queries as q
from qlahs.store import DEFAULT_URL
from qlahs.terminal.numbers import book_table, registers_table

OneSeries = Annotated[str | None, typer.Option("--series", help="Một hệ thống số", callback=Name)]


def book(
    year: Year,
    unit: Unit = None,
    series: OneSeries = None,
    xlsx: Xlsx = None,
    limit: FirstRows = None,
    as_unit: AsUnit = None,
    db: Db = DEFAULT_URL,
) -> None:
    """In sổ đăng ký văn bản đi (Phụ lục IV NĐ 30/2020) của đơn vị trong năm; ghi Excel."""
    (chosen,) = _visible(unit or as_unit, as_unit)
    codes = [_series(series)] if series else list(series_book().series)
    with open_engine(db) as engine:
        engine.readable_units(f"xem sổ đăng ký số văn bản của {chosen} năm {year}", chosen)
        engine.catch_up()
        with engine.sql.connect() as connection:
            found = [(code, q.register_rows(connection, chosen, code, year)) for code in codes]
    sheets = [(f"{code} {year}", q.title(chosen, code, year), rows) for code, rows in found]
    sheets = [sheet for sheet in sheets if sheet[2] or series]
    for _name, title, rows in sheets:
        console.print(book_table(title, rows, limit))
    if xlsx is not None:
        write_registers_xlsx(sheets, xlsx)
        console.print(f"Đã ghi {sum(len(s[2]) for s in sheets)} số vào {xlsx}")


def registers(
    unit: Unit = None, year: YearOrNone = None, as_unit: AsUnit = None, db: Db = DEFAULT_URL
) -> None:
    """Các sổ đăng ký số mà người dùng được xem, mỗi sổ một dòng."""
    visible = _visible(unit, as_unit)
    with open_engine(db) as engine:
        visible = _granted(engine, visible, "xem danh sách sổ đăng ký số văn bản", unit)
        engine.catch_up()
        with engine.sql.connect() as connection:
            found = q.registers(connection, visible, year)
    console.print(registers_table(found, year))


def search(
    text: Annotated[
        str | None,
        typer.Argument(
            metavar="CHUỖI_TÌM", help="Vụ án, nguồn tin, trích yếu, ký hiệu…", callback=SearchText
        ),
    ] = None,
    unit: Unit = None,
    series: OneSeries = None,
    number: Annotated[
        str | None, typer.Option("--number", help="Số, ví dụ 15a", callback=Name)
    ] = None,
    year: YearOrNone = None,
    since: Since = None,
    until: Until = None,
    signer: Annotated[
        str | None, typer.Option("--signer", help="Người ký", callback=SearchText)
    ] = None,
    limit: Limit = 200,
    as_unit: AsUnit = None,
    db: Db = DEFAULT_URL,
) -> None:
    """Tìm số văn bản theo vụ án, nguồn tin, số, hệ thống số, khoảng ngày, người ký."""
    visible = _visible(unit, as_unit)
    date_from = parse_day(since, "--from") if since else None
    date_to = parse_day(until, "--to") if until else None
    with open_engine(db) as engine:
        visible = _granted(engine, visible, "tìm số văn bản", unit)
        engine.catch_up()
        with engine.sql.connect() as connection:
            try:
                found = q.search(
                    connection,
                    visible,
                    text=text,
                    number=number,
                    series_code=_series(series) if series else None,
                    year=year,
                    date_from=date_from,
                    date_to=date_to,
                    signer=signer,
                    limit=limit,
                )
            except ValueError as error:
                raise fail(f"Tham số --number: {error}", 2) from None
    title = f"Số văn bản tìm được{f' cho “{text}”' if text else ''}"
    table = book_table(title, found, brief=True)
    console.print(table if found else "Không tìm thấy số văn bản nào.")


def _visible(unit: str | None, as_unit: str | None) -> set[str]:
    """The units a user may read; `--unit` narrows them to one it may see."""
    if as_unit is None:
        if unit is None:
            raise fail("Thiếu tham số --unit hoặc --as-unit.", 2)
        return {unit}
    if unit is None:
        return units().visible(as_unit)
    if not units().may_see(as_unit, unit):
        raise fail(
            f"Tham số --unit: người dùng của {as_unit} không được xem sổ của {unit} (chỉ xem sổ "
            f"của đơn vị mình và các đơn vị trực thuộc).",
            2,
        )
    return {unit}


def _granted(engine: Engine, visible: set[str], what: str, unit: str | None) -> set[str]:
    """The units asked for, narrowed to those the engine's user may read."""
    allowed = engine.readable_units(what, unit)
    return visible if allowed is None else visible & set(allowed)


def _series(code: str) -> str:
    try:
        return series_book().get(code.strip().upper()).code
    except QlahsError as error:
        raise fail(str(error).replace("Trường 'series'", "Tham số --series"), 2) from None
