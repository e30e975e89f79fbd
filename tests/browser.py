"""Opening the HTML report in a real browser (Chromium, headless)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")

needs_chromium = pytest.mark.skipif(
    CHROMIUM is None,
    reason="Chromium chưa cài: bỏ qua phép thử hiển thị báo cáo HTML "
    "(.ci/run cài gói chromium: apt-get install -y chromium)",
)


def screenshot(page: Path, workdir: Path) -> tuple[Path, list[str]]:
    """A screenshot of `page` and every message the page wrote to the browser's console."""
    assert CHROMIUM is not None
    shot = workdir / f"{page.stem}.png"
    finished = subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            f"--user-data-dir={workdir / 'chromium-profile'}",
            "--enable-logging=stderr",
            "--v=0",
            "--window-size=1280,2400",
            f"--screenshot={shot}",
            page.resolve().as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    # Chromium logs its own noise (D-Bus, sandbox) too; the page's console lines say CONSOLE.
    console = [line for line in finished.stderr.splitlines() if ":CONSOLE" in line]
    return shot, console
