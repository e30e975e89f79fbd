"""`qlahs project`: bring the read models up to date with several worker processes, once or
following the log as a service (docs/scaling.md)."""

from __future__ import annotations

import signal
from types import FrameType
from typing import Annotated

import typer

from qlahs.access.policy import Wish
from qlahs.cli.options import Db
from qlahs.cli.support import console, fail, open_engine, progress_bar
from qlahs.engine.workers import project
from qlahs.kernel.errors import QlahsError
from qlahs.projections.parts import MOST_PARTS
from qlahs.store import DEFAULT_URL


def project_command(
    workers: Annotated[
        int,
        typer.Option(
            "--workers",
            help="Số tiến trình dựng bảng đọc, mỗi tiến trình một phần hồ sơ (nhiều hơn 1: "
            "chỉ với PostgreSQL)",
            min=1,
            max=MOST_PARTS,
        ),
    ] = 1,
    rebuild: Annotated[
        bool, typer.Option("--rebuild", help="Dựng lại toàn bộ bảng đọc từ sự kiện đầu tiên")
    ] = False,
    follow: Annotated[
        bool,
        typer.Option(
            "--follow", help="Chạy như một dịch vụ: theo dõi nhật ký và dựng tiếp cho đến khi dừng"
        ),
    ] = False,
    db: Db = DEFAULT_URL,
) -> None:
    """Dựng bảng đọc (sổ, thời hạn, vi phạm) bằng nhiều tiến trình song song."""
    with open_engine(db) as engine:
        try:
            engine.authorize(Wish("manage.store", "dựng bảng đọc"))
        except QlahsError as error:
            raise fail(error, 2) from None
    import multiprocessing

    stop = multiprocessing.get_context("spawn").Event()

    def _stop(_signal: int, _frame: FrameType | None) -> None:
        stop.set()

    # Stopping (Ctrl+C, or SIGTERM from a service manager) lets the workers finish their page.
    before = {sig: signal.signal(sig, _stop) for sig in (signal.SIGTERM, signal.SIGINT)}
    try:
        with progress_bar("Dựng bảng đọc") as bar:
            task = bar.add_task("project", total=None)

            def watch(done: int, total: int) -> None:
                bar.update(task, completed=done, total=total)

            done = project(db, workers, rebuild=rebuild, follow=follow, watch=watch, stop=stop)
    except QlahsError as error:
        raise fail(error, 2) from None
    finally:
        for sig, handler in before.items():
            signal.signal(sig, handler)
    rate = done.events / done.seconds if done.seconds else 0.0
    console.print(
        f"Đã dựng bảng đọc cho {done.events} sự kiện bằng {done.workers} tiến trình trong "
        f"{done.seconds:.1f} giây ({rate:.0f} sự kiện/giây)."
    )
