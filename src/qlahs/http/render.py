"""Server-rendered pages (Jinja2, no build step, no script): the dashboard and the API's docs
page. Everything a page needs is in it, CSS included, so it opens on a closed network."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from fastapi.responses import HTMLResponse
from jinja2 import Environment, PackageLoader, select_autoescape

from qlahs.law.calendar import fmt
from qlahs.stats.snapshot import VIETNAM


def _day(value: Any) -> str:
    """A date as people read it, dd/mm/yyyy, from a date or ISO text."""
    if value is None or value == "":
        return ""
    if isinstance(value, datetime):
        return value.astimezone(VIETNAM).strftime("%H:%M %d/%m/%Y")
    if isinstance(value, date):
        return fmt(value)
    try:
        return fmt(date.fromisoformat(str(value)[:10]))
    except ValueError:
        return str(value)


def _number(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.1f}".replace(".", ",")
    if isinstance(value, int):
        return f"{value:,}".replace(",", ".")
    return "—" if value is None else str(value)


environment = Environment(
    loader=PackageLoader("qlahs.http", "templates"),
    autoescape=select_autoescape(["html"]),
    trim_blocks=True,
    lstrip_blocks=True,
)
environment.filters["ngay"] = _day
environment.filters["so"] = _number


def page(template: str, status: int = 200, **context: Any) -> HTMLResponse:
    html = environment.get_template(template).render(**context)
    return HTMLResponse(html, status_code=status)


def problem_page(status: int, title: str, detail: str) -> HTMLResponse:
    """An error on a dashboard page: the same Vietnamese sentence, as a page."""
    return page("problem.html", status, title=title, detail=detail, status_code=status)
