"""`qlahs serve`: the HTTP/JSON service and the leaders' dashboard (docs/http.md).

uvicorn builds the application by name in each worker process (`qlahs.http.app`), so this
command passes its options in the environment and imports nothing of the service itself."""

from __future__ import annotations

import os
from typing import Annotated

import typer

from qlahs.cli.options import Db
from qlahs.cli.stores import refuse_missing_store
from qlahs.store import DEFAULT_URL

ENV_DB, ENV_TRUST = "QLAHS_HTTP_DB", "QLAHS_HTTP_TRUST_HEADER"


def serve_command(
    db: Db = DEFAULT_URL,
    host: Annotated[str, typer.Option("--host", help="Địa chỉ lắng nghe")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Cổng", min=1, max=65535)] = 8000,
    workers: Annotated[
        int, typer.Option("--workers", help="Số tiến trình phục vụ", min=1, max=64)
    ] = 1,
    trust_header: Annotated[
        str | None,
        typer.Option(
            "--trust-header",
            help="Tin tên đăng nhập trong tiêu đề này (chỉ khi đứng sau proxy đăng nhập một "
            "lần của cơ quan, vd X-Remote-User); mặc định tắt",
        ),
    ] = None,
) -> None:
    """Chạy dịch vụ HTTP/JSON và bảng điều khiển lãnh đạo trên cùng kho."""
    import uvicorn

    refuse_missing_store(db, create=False)
    os.environ[ENV_DB] = db
    if trust_header:
        os.environ[ENV_TRUST] = trust_header
    else:
        os.environ.pop(ENV_TRUST, None)
    uvicorn.run(
        "qlahs.http.app:from_environment",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level="info",
        proxy_headers=trust_header is not None,
    )
