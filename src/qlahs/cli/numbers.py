"""`qlahs number …`: take, reserve, insert, use, release and void document numbers; print a
register (sổ đăng ký văn bản đi) or write it to Excel; search numbers.

`--unit` names the register's unit. The user's own unit (`--as-unit` or `QLAHS_UNIT`), when
given, draws the unit boundary: numbers are taken only in the user's own registers, and a
user sees the registers of their unit and of the units under it (`law/units.yaml`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from qlahs.cli.support import console, errors, open_engine, parse_day
from qlahs.engine import Engine
from qlahs.exports.books import write_registers_xlsx
from qlahs.kernel.errors import QlahsError
from qlahs.law.number_series import series_book
from qlahs.law.units import units
from qlahs.projections import number_queries as q
from qlahs.stages.numbers.outcome import take
from qlahs.store import DEFAULT_URL
from qlahs.terminal.numbers import book_table, print_numbers, registers_table

number_app = typer.Typer(
    help="Lấy số văn bản: sổ đăng ký theo đơn vị, hệ thống số và năm.", no_args_is_help=True
)

Db = Annotated[
    str, typer.Option("--db", help="sqlite:///tệp.db hoặc postgresql://…", envvar="QLAHS_DB")
]
UnitOpt = Annotated[str | None, typer.Option("--unit", help="Đơn vị của sổ, ví dụ VKSKV7")]
AsUnit = Annotated[
    str | None,
    typer.Option("--as-unit", envvar="QLAHS_UNIT", help="Đơn vị của người dùng"),
]
Series = Annotated[str, typer.Option("--series", help="Hệ thống số: QD-HS, LENH, QD-HC, CV, MAT")]
On = Annotated[str | None, typer.Option("--on", help="Ngày văn bản (YYYY-MM-DD), mặc định hôm nay")]
Json = Annotated[bool, typer.Option("--json", help="Mỗi số một dòng JSON")]
Reason = Annotated[str, typer.Option("--reason", help="Lý do")]
NumberOpt = Annotated[str, typer.Option("--number", help="Số văn bản, ví dụ 05 hoặc 15a")]
Year = Annotated[int | None, typer.Option("--year", help="Năm của sổ (mặc định: năm của --on)")]
Title = Annotated[str, typer.Option("--title", help="Tên loại và trích yếu nội dung")]
Signer = Annotated[str, typer.Option("--signer", help="Người ký")]
Subject = Annotated[str | None, typer.Option("--subject", help="Vụ án hoặc nguồn tin")]
Recipients = Annotated[str, typer.Option("--recipients", help="Nơi nhận")]
Copies = Annotated[int | None, typer.Option("--copies", help="Số lượng bản")]
Keeper = Annotated[str, typer.Option("--keeper", help="Đơn vị, người nhận bản lưu")]
Note = Annotated[str | None, typer.Option("--note", help="Ghi chú")]


def _fail(message: object, code: int) -> typer.Exit:
    errors.print(f"[red]{message}[/]")
    return typer.Exit(code)


def _own_unit(unit: str | None, as_unit: str | None) -> str:
    """A unit's users take numbers only in their own unit's registers."""
    chosen = unit or as_unit
    if chosen is None:
        raise _fail("Thiếu tham số --unit (đơn vị của sổ).", 2)
    if as_unit and chosen != as_unit:
        raise _fail(
            f"Tham số --unit: người dùng của {as_unit} chỉ được lấy số trong sổ của {as_unit}, "
            f"không được lấy số trong sổ của {chosen}.",
            2,
        )
    return chosen


def _visible(unit: str | None, as_unit: str | None) -> set[str]:
    """The units a user may read; `--unit` narrows them to one it may see."""
    if as_unit is None:
        if unit is None:
            raise _fail("Thiếu tham số --unit hoặc --as-unit.", 2)
        return {unit}
    if unit is None:
        return units().visible(as_unit)
    if not units().may_see(as_unit, unit):
        raise _fail(
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
        raise _fail(str(error).replace("Trường 'series'", "Tham số --series"), 2) from None


def _run(db: str, unit: str, step: dict[str, Any], as_json: bool) -> None:
    with open_engine(db) as engine:
        try:
            numbers = take(engine, step | {"unit": unit})
        except QlahsError as error:
            raise _fail(error, 1) from None
    print_numbers(numbers, as_json, console)


def _document(**fields: Any) -> dict[str, Any]:
    return {key: value for key, value in fields.items() if value not in (None, "")}


# -- taking numbers ------------------------------------------------------------------------------


@number_app.command("issue")
def issue(
    series: Series,
    unit: UnitOpt = None,
    on: On = None,
    count: Annotated[int, typer.Option("--count", help="Lấy N số liên tiếp")] = 1,
    title: Title = "",
    signer: Signer = "",
    subject: Subject = None,
    recipients: Recipients = "",
    copies: Copies = None,
    keeper: Keeper = "",
    note: Note = None,
    as_json: Json = False,
    as_unit: AsUnit = None,
    db: Db = DEFAULT_URL,
) -> None:
    """Lấy số tiếp theo của sổ (N số liên tiếp với --count)."""
    fields = _document(
        series=series,
        count=count,
        title=title,
        signer=signer,
        subject=subject,
        recipients=recipients,
        copies=copies,
        keeper=keeper,
    )
    step = {"do": "number.issue", "on": parse_day(on, "--on"), "note": note, "with": fields}
    _run(db, _own_unit(unit, as_unit), step, as_json)


@number_app.command("reserve")
def reserve(
    series: Series,
    reason: Reason,
    unit: UnitOpt = None,
    on: On = None,
    count: Annotated[int, typer.Option("--count", help="Giữ N số liên tiếp")] = 1,
    note: Note = None,
    as_json: Json = False,
    as_unit: AsUnit = None,
    db: Db = DEFAULT_URL,
) -> None:
    """Giữ số tiếp theo cho văn bản chưa ký."""
    fields = {"series": series, "reason": reason, "count": count}
    step = {"do": "number.reserve", "on": parse_day(on, "--on"), "note": note, "with": fields}
    _run(db, _own_unit(unit, as_unit), step, as_json)


@number_app.command("insert")
def insert(
    series: Series,
    after: Annotated[str, typer.Option("--after", help="Chèn sau số này, ví dụ 15")],
    reason: Reason,
    approved_by: Annotated[str, typer.Option("--approved-by", help="Người duyệt số chèn")],
    unit: UnitOpt = None,
    on: On = None,
    title: Title = "",
    signer: Signer = "",
    subject: Subject = None,
    recipients: Recipients = "",
    copies: Copies = None,
    keeper: Keeper = "",
    note: Note = None,
    as_json: Json = False,
    as_unit: AsUnit = None,
    db: Db = DEFAULT_URL,
) -> None:
    """Ghi số chèn (15a sau 15) nếu hệ thống số cho phép, với lý do và người duyệt."""
    fields = _document(
        series=series,
        after=after,
        reason=reason,
        approved_by=approved_by,
        title=title,
        signer=signer,
        subject=subject,
        recipients=recipients,
        copies=copies,
        keeper=keeper,
    )
    step = {"do": "number.insert", "on": parse_day(on, "--on"), "note": note, "with": fields}
    _run(db, _own_unit(unit, as_unit), step, as_json)


@number_app.command("use")
def use(
    series: Series,
    number: NumberOpt,
    unit: UnitOpt = None,
    on: On = None,
    year: Year = None,
    title: Title = "",
    signer: Signer = "",
    subject: Subject = None,
    recipients: Recipients = "",
    copies: Copies = None,
    keeper: Keeper = "",
    note: Note = None,
    as_json: Json = False,
    as_unit: AsUnit = None,
    db: Db = DEFAULT_URL,
) -> None:
    """Dùng số đã giữ cho văn bản đã ký."""
    fields = _document(
        series=series,
        number=number,
        year=year,
        title=title,
        signer=signer,
        subject=subject,
        recipients=recipients,
        copies=copies,
        keeper=keeper,
    )
    step = {"do": "number.use", "on": parse_day(on, "--on"), "note": note, "with": fields}
    _run(db, _own_unit(unit, as_unit), step, as_json)


@number_app.command("release")
def release(
    series: Series,
    number: NumberOpt,
    reason: Reason,
    unit: UnitOpt = None,
    on: On = None,
    year: Year = None,
    note: Note = None,
    as_json: Json = False,
    as_unit: AsUnit = None,
    db: Db = DEFAULT_URL,
) -> None:
    """Trả số đã giữ; số ở lại trong sổ với lý do và không được cấp lại."""
    fields = _document(series=series, number=number, reason=reason, year=year)
    step = {"do": "number.release", "on": parse_day(on, "--on"), "note": note, "with": fields}
    _run(db, _own_unit(unit, as_unit), step, as_json)


@number_app.command("void")
def void(
    series: Series,
    number: NumberOpt,
    reason: Reason,
    unit: UnitOpt = None,
    on: On = None,
    year: Year = None,
    note: Note = None,
    as_json: Json = False,
    as_unit: AsUnit = None,
    db: Db = DEFAULT_URL,
) -> None:
    """Hủy một số đã cấp, với lý do; số ở lại trong sổ và không bao giờ được dùng lại."""
    fields = _document(series=series, number=number, reason=reason, year=year)
    step = {"do": "number.void", "on": parse_day(on, "--on"), "note": note, "with": fields}
    _run(db, _own_unit(unit, as_unit), step, as_json)


# -- reading ------------------------------------------------------------------------------------


@number_app.command("book")
def book(
    year: Annotated[int, typer.Option("--year", help="Năm của sổ")],
    unit: UnitOpt = None,
    series: Annotated[str | None, typer.Option("--series", help="Một hệ thống số")] = None,
    xlsx: Annotated[Path | None, typer.Option("--xlsx", help="Ghi ra tệp Excel")] = None,
    limit: Annotated[int | None, typer.Option("--limit", help="Chỉ in N dòng đầu")] = None,
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


@number_app.command("registers")
def registers(
    unit: UnitOpt = None,
    year: Annotated[int | None, typer.Option("--year", help="Năm của sổ")] = None,
    as_unit: AsUnit = None,
    db: Db = DEFAULT_URL,
) -> None:
    """Các sổ đăng ký số mà người dùng được xem, mỗi sổ một dòng."""
    visible = _visible(unit, as_unit)
    with open_engine(db) as engine:
        visible = _granted(engine, visible, "xem danh sách sổ đăng ký số văn bản", unit)
        engine.catch_up()
        with engine.sql.connect() as connection:
            found = q.registers(connection, visible, year)
    console.print(registers_table(found, year))


@number_app.command("search")
def search(
    text: Annotated[
        str | None, typer.Argument(help="Vụ án, nguồn tin, trích yếu, ký hiệu…")
    ] = None,
    unit: UnitOpt = None,
    series: Annotated[str | None, typer.Option("--series", help="Hệ thống số")] = None,
    number: Annotated[str | None, typer.Option("--number", help="Số, ví dụ 15a")] = None,
    year: Annotated[int | None, typer.Option("--year", help="Năm của sổ")] = None,
    since: Annotated[str | None, typer.Option("--from", help="Từ ngày (YYYY-MM-DD)")] = None,
    until: Annotated[str | None, typer.Option("--to", help="Đến ngày (YYYY-MM-DD)")] = None,
    signer: Annotated[str | None, typer.Option("--signer", help="Người ký")] = None,
    limit: Annotated[int, typer.Option("--limit", help="Số dòng tối đa")] = 200,
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
                raise _fail(f"Tham số --number: {error}", 2) from None
    title = f"Số văn bản tìm được{f' cho “{text}”' if text else ''}"
    table = book_table(title, found, brief=True)
    console.print(table if found else "Không tìm thấy số văn bản nào.")
