"""Who is asking, for every request: a bearer token issued by `qlahs access token create`,
the dashboard's cookie holding one, or (only when the service was started with
`--trust-header`) the login a single sign-on proxy put in that header. The user found is the
Engine's actor: every command and question then goes through the Engine's own access check,
and every refusal is recorded there.

One process serves its requests one at a time on its Engine (the Engine's caches are not
made for threads); `--workers N` runs N processes on the same store."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Annotated

from fastapi import Depends, Request

from qlahs.access.actor import AccessDenied
from qlahs.access.policy import Wish
from qlahs.engine import Engine
from qlahs.http.problems import Problem
from qlahs.oversight import tokens

COOKIE = "qlahs_token"
NO_USER = (
    "Cần đăng nhập: gửi tiêu đề 'Authorization: Bearer <mã truy cập>' "
    "(mã cấp bằng lệnh qlahs access token create)."
)


@dataclass
class Service:
    """What every request of one process shares."""

    engine: Engine
    trust_header: str | None = None
    lock: threading.Lock = field(default_factory=threading.Lock)


def service(request: Request) -> Service:
    found = request.app.state.service
    assert isinstance(found, Service)
    return found


def _bearer(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() == "bearer" and token.strip():
        return token.strip()
    return None


def _signed_in(shared: Service, request: Request, *, cookie: bool) -> Engine:
    engine = shared.engine
    token = _bearer(request) or (request.cookies.get(COOKIE) if cookie else None)
    try:
        if token is not None:
            return engine.as_user(tokens.sign_in(engine, token))
        if shared.trust_header is not None:
            login = request.headers.get(shared.trust_header, "").strip()
            if login:
                return engine.as_user(login)  # a login outside the directory is refused there
    except AccessDenied as refusal:
        raise Problem(401, str(refusal)) from None
    raise Problem(401, NO_USER)


def _engine(request: Request, *, cookie: bool) -> Iterator[Engine]:
    shared = service(request)
    with shared.lock:
        yield _signed_in(shared, request, cookie=cookie)


def api_engine(request: Request) -> Iterator[Engine]:
    """The Engine acting for the caller of an API endpoint (no cookie: a page of another site
    cannot make the browser send commands in its user's name)."""
    yield from _engine(request, cookie=False)


def page_engine(request: Request) -> Iterator[Engine]:
    """The Engine acting for the reader of a dashboard page (the cookie is accepted)."""
    yield from _engine(request, cookie=True)


def check_token(shared: Service, token: str) -> str:
    """The login a token signs in, for the dashboard's sign-in form (refusals recorded)."""
    with shared.lock:
        try:
            actor = tokens.sign_in(shared.engine, token)
        except AccessDenied as refusal:
            raise Problem(401, str(refusal)) from None
        # a user who may read nothing has no use for the dashboard: say so at the door
        shared.engine.as_user(actor).authorize(Wish("read.records", "xem bảng điều khiển"))
        return actor.user


ApiEngine = Annotated[Engine, Depends(api_engine)]
PageEngine = Annotated[Engine, Depends(page_engine)]
