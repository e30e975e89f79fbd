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
    shot = workdir / f"{page.stem}.png"
    console, _ = open_in_chromium(page.resolve().as_uri(), workdir, f"--screenshot={shot}")
    return shot, console


def open_in_chromium(
    address: str, workdir: Path, *what: str, size: tuple[int, int] = (1280, 2400)
) -> tuple[list[str], str]:
    """Open `address` (a file or a served page) doing `what` (`--screenshot=…`,
    `--dump-dom`): the lines the page wrote to the browser's console, and what Chromium
    printed (the page's DOM, with `--dump-dom`)."""
    assert CHROMIUM is not None
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
            f"--window-size={size[0]},{size[1]}",
            *what,
            address,
        ],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    # Chromium logs its own noise (D-Bus, sandbox) too; the page's console lines say CONSOLE.
    console = [line for line in finished.stderr.splitlines() if ":CONSOLE" in line]
    return console, finished.stdout
