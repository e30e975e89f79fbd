"""The leaders' dashboard (module 8): a unit's page, a record's timeline with every
deadline's explanation, the books paged with their Excel download, the statistics report.
Server-rendered, Vietnamese, readable on a phone; read-only, so a browser's cookie may sign
its reader in (commands take a bearer token only)."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any
from urllib.parse import parse_qs

from fastapi import APIRouter, Query, Request, Response
from fastapi.responses import HTMLResponse, RedirectResponse
from starlette.concurrency import run_in_threadpool

from qlahs.engine import Engine
from qlahs.http import records, shown
from qlahs.http.auth import COOKIE, PageEngine, check_token, service
from qlahs.http.lists import state
from qlahs.http.params import DateText, Paged, UnitCode, day
from qlahs.http.render import page
from qlahs.http.unit_view import DUE_SOON_DAYS, unit_view
from qlahs.kernel.bounds import REF_LIMIT
from qlahs.kernel.errors import QlahsError
from qlahs.law.units import units
from qlahs.oversight.trail import kind_of
from qlahs.projections.books import book, books
from qlahs.stats.html import render as report_html

router = APIRouter(prefix="/dashboard", include_in_schema=False)
TOKEN_LIMIT = 200


def _unit_name(code: str) -> str:
    try:
        return units().name(code)
    except Exception:  # a unit the directory does not list is shown by its code
        return code


@router.get("")
def home(engine: PageEngine) -> RedirectResponse:
    assert engine.actor is not None
    return RedirectResponse(f"/dashboard/units/{engine.actor.unit}", status_code=303)


@router.get("/units/{unit}")
def unit_page(
    request: Request, engine: PageEngine, unit: str, as_of: DateText = None
) -> HTMLResponse:
    view = unit_view(engine, unit[:64], day(as_of, "as_of"))
    return page(
        "unit.html",
        title=f"Bảng điều khiển — {_unit_name(view.unit)}",
        subtitle=f"Tình hình thời hạn tố tụng tại ngày {view.as_of:%d/%m/%Y}",
        view=view,
        due_days=DUE_SOON_DAYS,
        signed_in=COOKIE in request.cookies,
    )


@router.get("/subjects/{ref}")
def subject_page(
    request: Request,
    engine: PageEngine,
    ref: str,
    as_of: DateText = None,
    kind: str | None = None,
) -> HTMLResponse:
    ref = ref[:REF_LIMIT]
    chosen = kind[:32] if kind else kind_of(engine, ref)
    found = state(engine, chosen, ref, as_of, None)
    acts = [a for a in records_acts(engine, chosen, ref) if a["day"] <= found["as_of"]]
    return page(
        "subject.html",
        title=f"{found['noun'].capitalize()} {ref}",
        subtitle=f"Đơn vị {found['unit']} — diễn biến và thời hạn tại ngày {found['as_of_text']}",
        state=found,
        acts=acts,
        signed_in=COOKIE in request.cookies,
    )


def records_acts(engine: Engine, kind: str, ref: str) -> list[dict[str, Any]]:
    return [shown.act(engine, kind, act) for act in engine.history(kind, ref)]


@router.get("/books")
def book_page(
    request: Request,
    engine: PageEngine,
    paged: Paged,
    number: Annotated[str, Query(max_length=10)] = "04",
    unit: UnitCode = None,
    year: records.Year = None,
) -> HTMLResponse:
    assert engine.actor is not None
    chosen_unit = unit or engine.actor.unit
    definition, chosen = book(number[:10]), year or date.today().year
    found_page = engine.book_page(
        definition.number, chosen_unit, chosen, limit=paged.size, offset=paged.offset
    )
    part, total = found_page.items, found_page.total
    found = records.book_page(definition, part) | {
        "total": total,
        "page": paged.page,
        "size": paged.size,
    }
    return page(
        "book.html",
        title=f"Sổ {definition.number} — {chosen_unit} — năm {chosen}",
        subtitle=definition.title,
        found=found,
        books=sorted(books().values(), key=lambda b: b.number),
        unit=chosen_unit,
        year=chosen,
        signed_in=COOKIE in request.cookies,
    )


@router.get("/books/xlsx")
def book_download(
    engine: PageEngine,
    number: Annotated[str, Query(max_length=10)] = "04",
    unit: UnitCode = None,
    year: records.Year = None,
) -> Response:
    assert engine.actor is not None
    return records.book_xlsx(engine, number, unit or engine.actor.unit, year)


@router.get("/statistics")
def statistics_page(
    engine: PageEngine,
    unit: UnitCode = None,
    period: records.Period = None,
) -> HTMLResponse:
    assert engine.actor is not None
    report = records.report(engine, unit or engine.actor.unit, period)
    return HTMLResponse(report_html(report))


@router.get("/sign-in")
def sign_in_form() -> HTMLResponse:
    return page("sign_in.html", title="Đăng nhập bảng điều khiển", message="")


@router.post("/sign-in")
async def sign_in(request: Request) -> Response:
    """The form's token checked once, then kept in an HTTP-only cookie of this site."""
    body = (await request.body())[: TOKEN_LIMIT + 10].decode("utf-8", "replace")
    token = (parse_qs(body).get("token") or [""])[0].strip()[:TOKEN_LIMIT]
    try:
        await run_in_threadpool(check_token, service(request), token)
    except QlahsError as refused:
        title = "Đăng nhập bảng điều khiển"
        return page("sign_in.html", 401, title=title, message=str(refused))
    answer = RedirectResponse("/dashboard", status_code=303)
    secure = request.url.scheme == "https"
    answer.set_cookie(
        COOKIE, token, httponly=True, samesite="strict", secure=secure, max_age=12 * 3600
    )
    return answer


@router.post("/sign-out")
def sign_out() -> Response:
    answer = RedirectResponse("/dashboard/sign-in", status_code=303)
    answer.delete_cookie(COOKIE)
    return answer
