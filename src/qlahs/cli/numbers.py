"""`qlahs number …`: take, reserve, insert, use, release and void document numbers; print a
register (sổ đăng ký văn bản đi) or write it to Excel; search numbers (`number_reading.py`).

`--unit` names the register's unit. The user's own unit (`--as-unit` or `QLAHS_UNIT`), when
given, draws the unit boundary: numbers are taken only in the user's own registers, and a
user sees the registers of their unit and of the units under it (`law/units.yaml`).
"""

from __future__ import annotations

from typing import Annotated, Any

import typer

from qlahs.cli import number_reading
from qlahs.cli.options import FIRST_YEAR, LAST_YEAR, AsUnit, Db, Json, Name, On, Reason, Unit
from qlahs.cli.support import console, fail, open_engine, parse_day
from qlahs.kernel.errors import QlahsError
from qlahs.stages.numbers.outcome import take
from qlahs.store import DEFAULT_URL
from qlahs.terminal.numbers import print_numbers

number_app = typer.Typer(
    help="Lấy số văn bản: sổ đăng ký theo đơn vị, hệ thống số và năm.", no_args_is_help=True
)

Series = Annotated[
    str,
    typer.Option("--series", help="Hệ thống số: QD-HS, LENH, QD-HC, CV, MAT", callback=Name),
]
NumberOpt = Annotated[
    str, typer.Option("--number", help="Số văn bản, ví dụ 05 hoặc 15a", callback=Name)
]
NumberingYear = Annotated[
    int | None,
    typer.Option(
        "--year", help="Năm của sổ (mặc định: năm của --on)", min=FIRST_YEAR, max=LAST_YEAR
    ),
]
Title = Annotated[str, typer.Option("--title", help="Tên loại và trích yếu nội dung")]
Signer = Annotated[str, typer.Option("--signer", help="Người ký")]
Subject = Annotated[str | None, typer.Option("--subject", help="Vụ án hoặc nguồn tin")]
Recipients = Annotated[str, typer.Option("--recipients", help="Nơi nhận")]
Copies = Annotated[int | None, typer.Option("--copies", help="Số lượng bản", min=1, max=1000)]
Keeper = Annotated[str, typer.Option("--keeper", help="Đơn vị, người nhận bản lưu")]
Note = Annotated[str | None, typer.Option("--note", help="Ghi chú")]


def _own_unit(unit: str | None, as_unit: str | None) -> str:
    """A unit's users take numbers only in their own unit's registers."""
    chosen = unit or as_unit
    if chosen is None:
        raise fail("Thiếu tham số --unit (đơn vị của sổ).", 2)
    if as_unit and chosen != as_unit:
        raise fail(
            f"Tham số --unit: người dùng của {as_unit} chỉ được lấy số trong sổ của {as_unit}, "
            f"không được lấy số trong sổ của {chosen}.",
            2,
        )
    return chosen


def _run(db: str, unit: str, step: dict[str, Any], as_json: bool) -> None:
    with open_engine(db, create=True) as engine:
        try:
            numbers = take(engine, step | {"unit": unit})
        except QlahsError as error:
            raise fail(error, 1) from None
    print_numbers(numbers, as_json, console)


def _document(**fields: Any) -> dict[str, Any]:
    return {key: value for key, value in fields.items() if value not in (None, "")}


# -- taking numbers ------------------------------------------------------------------------------


@number_app.command("issue")
def issue(
    series: Series,
    unit: Unit = None,
    on: On = None,
    count: Annotated[int, typer.Option("--count", help="Lấy N số liên tiếp", min=1, max=1000)] = 1,
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
    unit: Unit = None,
    on: On = None,
    count: Annotated[int, typer.Option("--count", help="Giữ N số liên tiếp", min=1, max=1000)] = 1,
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
    after: Annotated[str, typer.Option("--after", help="Chèn sau số này, ví dụ 15", callback=Name)],
    reason: Reason,
    approved_by: Annotated[str, typer.Option("--approved-by", help="Người duyệt số chèn")],
    unit: Unit = None,
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
    unit: Unit = None,
    on: On = None,
    year: NumberingYear = None,
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
    unit: Unit = None,
    on: On = None,
    year: NumberingYear = None,
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
    unit: Unit = None,
    on: On = None,
    year: NumberingYear = None,
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

number_app.command("book")(number_reading.book)
number_app.command("registers")(number_reading.registers)
number_app.command("search")(number_reading.search)
