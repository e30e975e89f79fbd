"""Books (a JSON page, or the whole book as Excel), search, statistics and number registers,
over HTTP."""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Query, Response

from qlahs.engine import Engine
from qlahs.exports.books import write_book_xlsx
from qlahs.http.auth import ApiEngine
from qlahs.http.params import MomentText, Paged, UnitCode, moment
from qlahs.http.problems import Problem
from qlahs.projections import number_queries
from qlahs.projections.books import Book, book
from qlahs.stats.compute import Report, compute
from qlahs.stats.indicators import catalogue
from qlahs.stats.periods import FORMS_HELP, parse_period

router = APIRouter(tags=["Sổ, thống kê, tra cứu"])
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
BookNumber = Annotated[str, Query(max_length=10)]
Year = Annotated[int | None, Query(ge=1990, le=2100, description="Năm; mặc định năm nay")]
Period = Annotated[str | None, Query(max_length=40, description=f"Kỳ: {FORMS_HELP}")]


def book_of(engine: Engine, number: str, unit: str | None, year: int | None, known: Any) -> Any:
    if unit is None:
        raise Problem(422, "Thiếu tham số 'unit' (mã đơn vị của sổ).", "unit")
    definition = book(number[:10])
    chosen = year or date.today().year
    return definition, chosen, engine.book_rows(definition.number, unit, chosen, known_at=known)


def book_page(definition: Book, rows: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "number": definition.number,
        "title": definition.title,
        "citation": str(definition.citation),
        "headings": definition.headings,
        "rows": [[_cell(v) for v in definition.values(row)] for row in rows],
    }


def _cell(value: Any) -> Any:
    return value if value is None or isinstance(value, int | float | str) else str(value)


@router.get("/books/{number}", summary="Một trang sổ nghiệp vụ của đơn vị trong năm")
def book_json(
    engine: ApiEngine,
    paged: Paged,
    number: str,
    unit: UnitCode = None,
    year: Year = None,
    known_at: MomentText = None,
) -> dict[str, Any]:
    if unit is None:
        raise Problem(422, "Thiếu tham số 'unit' (mã đơn vị của sổ).", "unit")
    definition, chosen = book(number[:10]), year or date.today().year
    found = engine.book_page(
        definition.number,
        unit,
        chosen,
        limit=paged.size,
        offset=paged.offset,
        known_at=moment(known_at),
    )
    page, total = found.items, found.total
    return book_page(definition, page) | {
        "unit": unit,
        "year": chosen,
        "total": total,
        "page": paged.page,
        "size": paged.size,
    }


def book_xlsx(engine: Engine, number: str, unit: str | None, year: int | None) -> Response:
    definition, chosen, rows = book_of(engine, number, unit, year, None)
    assert unit is not None
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "so.xlsx"
        write_book_xlsx(definition, rows, unit, chosen, path)
        content = path.read_bytes()
    name = f"so-{definition.number}-{unit}-{chosen}.xlsx"
    disposition = f'attachment; filename="{name}"'
    return Response(content, media_type=XLSX, headers={"Content-Disposition": disposition})


@router.get("/books/{number}/xlsx", summary="Tải cả sổ dạng Excel", response_class=Response)
def book_excel(
    engine: ApiEngine, number: str, unit: UnitCode = None, year: Year = None
) -> Response:
    return book_xlsx(engine, number, unit, year)


@router.get("/search", summary="Tìm hồ sơ theo số hiệu, tên người, nội dung")
def search(
    engine: ApiEngine,
    paged: Paged,
    text: Annotated[str, Query(min_length=1, max_length=200, description="Từ cần tìm")],
) -> dict[str, Any]:
    page, total = paged.rows(engine.search(text))
    items = [{k: _cell(v) for k, v in row.items()} for row in page]
    return {"items": items, "total": total, "page": paged.page, "size": paged.size}


def report(engine: Engine, unit: str | None, period: str | None, known: Any = None) -> Report:
    chosen = period or date.today().strftime("%Y-%m")
    return compute(engine, unit, parse_period(chosen), known_at=known)


@router.get("/statistics", summary="Báo cáo thống kê của đơn vị trong một kỳ")
def statistics(
    engine: ApiEngine,
    unit: UnitCode = None,
    period: Period = None,
    known_at: MomentText = None,
) -> dict[str, Any]:
    found = report(engine, unit, period, moment(known_at))
    return {
        "title": found.title,
        "unit": found.unit,
        "period": {"start": found.period.start.isoformat(), "end": found.end.isoformat()},
        "taken": found.taken,
        "notes": found.notes,
        "indicators": [
            {"code": i.code, "name": i.name, "value": found.value(i)} for i in catalogue()
        ],
    }


@router.get("/numbers/registers", summary="Sổ đăng ký số văn bản: mỗi sổ một dòng")
def registers(engine: ApiEngine, unit: UnitCode = None, year: Year = None) -> dict[str, Any]:
    allowed = engine.readable_units("xem danh sách sổ đăng ký số văn bản", unit)
    if allowed is None and unit is None:
        raise Problem(422, "Thiếu tham số 'unit' (mã đơn vị).", "unit")
    visible = {unit} if unit is not None else set(allowed or ())
    engine.catch_up()
    with engine.sql.connect() as connection:
        found = number_queries.registers(connection, visible, year)
    return {"items": [{k: _cell(v) for k, v in row.items()} for row in found]}
