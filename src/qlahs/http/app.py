"""The application: `create_app(url)` for tests and embedding, `from_environment()` for
uvicorn's workers (`qlahs serve` passes its options in the environment, since each worker
process builds its own application)."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request, Response

from qlahs.engine import Engine
from qlahs.http import commands, docs, drafts, lists, pages, problems, records
from qlahs.http.auth import Service

LARGEST_BODY = 1_000_000  # bytes: the largest command is a few kilobytes
ENV_DB, ENV_TRUST = "QLAHS_HTTP_DB", "QLAHS_HTTP_TRUST_HEADER"


def create_app(
    url: str, *, trust_header: str | None = None, engine: Engine | None = None
) -> FastAPI:
    """The service on the store at `url` (or on an open `engine`, left open at the end)."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        opened = engine or Engine.open(url)
        app.state.service = Service(opened, trust_header or None)
        try:
            yield
        finally:
            if engine is None:
                opened.close()

    app = FastAPI(
        title="qlahs — dịch vụ HTTP",
        summary="Ghi nhận hành vi tố tụng, thời hạn, vi phạm, sổ và thống kê (JSON).",
        version="1",
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
    )
    problems.install(app)
    app.middleware("http")(_bounded)
    for router in (
        commands.router,
        lists.router,
        records.router,
        drafts.router,
        docs.router,
        pages.router,
    ):
        app.include_router(router)
    return app


async def _bounded(
    request: Request, call_next: Callable[[Request], Awaitable[Response]]
) -> Response:
    """A body larger than any command is refused before it is read; so is a body of unknown
    length (chunked), which could be of any size."""
    if "content-length" not in request.headers and "transfer-encoding" in request.headers:
        return problems.problem(411, "Cần tiêu đề Content-Length cho nội dung gửi lên.")
    length = request.headers.get("content-length", "0")
    if not length.isdigit() or int(length) > LARGEST_BODY:
        return problems.problem(413, f"Nội dung yêu cầu quá lớn (tối đa {LARGEST_BODY} byte).")
    return await call_next(request)


def from_environment() -> FastAPI:
    """uvicorn's factory (`qlahs serve`): the store and the trusted header from the environment."""
    return create_app(
        os.environ.get(ENV_DB, "sqlite:///qlahs.db"), trust_header=os.environ.get(ENV_TRUST)
    )
