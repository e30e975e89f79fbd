"""The leaders' dashboard as a person sees it: served by the service on loopback and opened in
headless Chromium at a phone's width (390 px) and a desktop's (1400 px), in Vietnamese, with
no message in the browser's console. Without Chromium the test says why it is skipped."""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import uvicorn

from access_world import enrol_everyone
from browser import needs_chromium, open_in_chromium
from http_world import receive
from qlahs.engine import Engine
from qlahs.http.app import create_app

LEADER = "lanh_dao.vkskv1"
WIDTHS = (390, 1400)
SHOTS = os.environ.get("QLAHS_SCREENSHOTS")  # a folder to keep the screenshots in


def _as(login: str, app: Any) -> Any:
    """The application behind a single sign-on proxy that signed `login` in (the service runs
    with `--trust-header X-Remote-User`): Chromium cannot send a header of its own."""

    async def signed_in(scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] == "http":
            scope = dict(scope, headers=[*scope["headers"], (b"x-remote-user", login.encode())])
        await app(scope, receive, send)

    return signed_in


@pytest.fixture
def served(tmp_path: Path) -> Iterator[str]:
    url = f"sqlite:///{tmp_path}/dashboard.db"
    with Engine.open(url) as engine:
        enrol_everyone(engine)
        for number in range(1, 8):
            step = receive(f"TB-D{number}", on=f"0{number}/03/2025") | {"unit": "VKSKV1"}
            engine.execute(step)
        app = create_app(url, trust_header="X-Remote-User", engine=engine)
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        config = uvicorn.Config(_as(LEADER, app), port=port, log_level="warning")
        server = uvicorn.Server(config)
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        for _ in range(200):  # the server starts in well under a second; bounded all the same
            if server.started:
                break
            time.sleep(0.05)
        assert server.started, "máy chủ thử không khởi động được"
        try:
            yield f"http://127.0.0.1:{port}"
        finally:
            server.should_exit = True
            thread.join(timeout=30)


@needs_chromium
@pytest.mark.parametrize(
    "path",
    [
        "/dashboard/units/VKSKV1?as_of=20/03/2025",
        "/dashboard/subjects/TB-D1?as_of=20/03/2025",
        "/dashboard/books?unit=VKSKV1&year=2025",
    ],
)
def test_the_dashboard_in_chromium(served: str, tmp_path: Path, path: str) -> None:
    for width in WIDTHS:
        page = path.split("/")[2].split("?")[0]
        shot = Path(SHOTS or tmp_path) / f"dashboard-{page}-{width}.png"
        console, _ = open_in_chromium(
            served + path, tmp_path, f"--screenshot={shot}", size=(width, 1800)
        )
        assert console == [], console
        assert shot.is_file() and shot.stat().st_size > 10_000
    console, dom = open_in_chromium(served + path, tmp_path, "--dump-dom", size=(390, 1800))
    assert console == [], console
    assert 'lang="vi"' in dom and "Bảng điều khiển" in dom
    assert "Traceback" not in dom and "Internal" not in dom
    if "units" in path:
        assert "Quá hạn và sắp đến hạn theo giai đoạn" in dom and "Giải quyết nguồn tin" in dom
        assert "Vi phạm theo cơ quan được kiểm sát" in dom and "<svg" in dom
    if "subjects" in path:
        assert "Hạn cuối: hết ngày" in dom  # each deadline's explanation
