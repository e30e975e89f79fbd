"""Errors as RFC 9457 problem details (`application/problem+json`): the same Vietnamese
sentence the CLI prints, the field it names and the article it cites. No stack trace leaves
the server: whatever is not one of qlahs's own errors becomes one Vietnamese line, and the
trace goes to the server's log only."""

from __future__ import annotations

import logging
import re
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from starlette.exceptions import HTTPException

from qlahs.access.actor import AccessDenied
from qlahs.http.render import problem_page
from qlahs.kernel.errors import (
    CommandRejected,
    ConcurrencyError,
    InvalidCommand,
    QlahsError,
    StageError,
    SubjectExists,
    SubjectNotFound,
    UnknownAction,
    vietnamese,
)

log = logging.getLogger("qlahs.http")
# parts of pydantic's location that are not a field: where it was sent, a member of a union
_NOT_FIELDS = frozenset({"body", "query", "path", "header", "date", "datetime", "str", "int"})
MEDIA_TYPE = "application/problem+json"
INTERNAL = "Lỗi nội bộ của qlahs; không có gì được ghi thêm. Hãy báo quản trị hệ thống."
_FIELD = re.compile(r"[Tt]rường '([^']{1,80})'|[Tt]ham số '?([\w-]{1,40})")
_ARTICLE = re.compile(
    r"(?:[Kk]hoản \d+,? )?Điều \d+(?:[–-]\d+)?(?: (?:khoản |k)\d+)?"
    r"(?: (?:BLTTHS|BLTTDS|LTTHC|BLHS)(?: \d{4})?)?"
)
TITLES = {
    400: "Yêu cầu không hợp lệ",
    401: "Chưa đăng nhập",
    403: "Không có quyền",
    404: "Không tìm thấy",
    405: "Phương thức không được hỗ trợ",
    409: "Xung đột với hồ sơ hiện có",
    411: "Thiếu độ dài nội dung",
    413: "Yêu cầu quá lớn",
    422: "Dữ liệu không hợp lệ",
    500: "Lỗi nội bộ",
    503: "Tạm thời không ghi được",
}


class Problem(QlahsError):
    """A refusal of the service itself (a malformed parameter, a missing token)."""

    def __init__(self, status: int, detail: str, field: str | None = None) -> None:
        super().__init__(detail)
        self.status, self.detail, self.field = status, detail, field


def respond(
    request: Request,
    status: int,
    detail: str,
    *,
    field: str | None = None,
    errors: list[dict[str, str]] | None = None,
) -> Response:
    """A problem for an API client; for a reader of the dashboard, a page saying the same
    (or the sign-in form when the reader is not signed in)."""
    if not request.url.path.startswith("/dashboard"):
        headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
        return problem(status, detail, field=field, errors=errors, headers=headers)
    if status == 401:
        return RedirectResponse("/dashboard/sign-in", status_code=303)
    return problem_page(status, TITLES.get(status, "Lỗi"), detail)


def problem(
    status: int,
    detail: str,
    *,
    field: str | None = None,
    errors: list[dict[str, str]] | None = None,
    headers: dict[str, str] | None = None,
) -> JSONResponse:
    body: dict[str, Any] = {
        "type": "about:blank",
        "title": TITLES.get(status, "Lỗi"),
        "status": status,
        "detail": detail,
    }
    found = _FIELD.search(detail)
    named = field or (found and (found[1] or found[2])) or ""
    named = ".".join(part for part in named.split(".") if part not in _NOT_FIELDS)
    if named:
        body["field"] = named
    article = _ARTICLE.search(detail)
    if article:
        body["article"] = article[0]
    if errors:
        body["errors"] = errors
    return JSONResponse(body, status_code=status, media_type=MEDIA_TYPE, headers=headers)


def status_of(error: QlahsError) -> int:
    if isinstance(error, Problem):
        return error.status
    if isinstance(error, AccessDenied):
        return 403
    if isinstance(error, SubjectNotFound):
        return 404
    if isinstance(error, InvalidCommand | UnknownAction):
        return 422
    if isinstance(error, SubjectExists | StageError | CommandRejected):
        return 409
    if isinstance(error, ConcurrencyError):
        return 503
    return 400


def _qlahs(request: Request, error: Exception) -> Response:
    assert isinstance(error, QlahsError)
    field = error.field if isinstance(error, Problem) else None
    return respond(request, status_of(error), str(error), field=field)


def _invalid(request: Request, error: Exception) -> Response:
    """FastAPI's validation of a body or a parameter, in Vietnamese, naming each field."""
    assert isinstance(error, RequestValidationError)
    items: list[dict[str, str]] = []
    for item in error.errors():
        where = [
            str(part)
            for part in item.get("loc", ())
            if part not in _NOT_FIELDS and "[" not in str(part)
        ]
        field = ".".join(where) or "(toàn bộ)"
        if all(seen["field"] != field for seen in items):  # one line per field, not per type
            items.append({"field": field, "detail": vietnamese(item)})
    if not items:
        items.append({"field": "(toàn bộ)", "detail": "không đọc được nội dung yêu cầu (JSON)"})
    first = items[0]
    lines = [f"trường '{i['field']}': {i['detail']}" for i in items]
    detail = "Dữ liệu gửi lên không hợp lệ: " + "; ".join(lines) + "."
    return respond(request, 422, detail, field=first["field"], errors=items)


def _http(request: Request, error: Exception) -> Response:
    assert isinstance(error, HTTPException)
    detail = {
        404: f"Không có đường dẫn {request.url.path} (xem /docs).",
        405: f"Đường dẫn {request.url.path} không nhận phương thức {request.method}.",
    }.get(error.status_code, TITLES.get(error.status_code, "Yêu cầu không hợp lệ") + ".")
    return respond(request, error.status_code, detail)


def _internal(request: Request, error: Exception) -> Response:
    log.exception("Lỗi nội bộ khi phục vụ %s %s", request.method, request.url.path)
    return respond(request, 500, INTERNAL)


def install(app: FastAPI) -> None:
    app.add_exception_handler(QlahsError, _qlahs)
    app.add_exception_handler(RequestValidationError, _invalid)
    app.add_exception_handler(HTTPException, _http)
    app.add_exception_handler(Exception, _internal)
