"""Projection workers: the read models brought up to date by several processes at once, each
running one part of the projection (projections/parts.py) on the same PostgreSQL store.

`project` splits the projection into as many parts as workers, starts one process per part and
waits: until the log is projected, or, following, until it is told to stop. A query of any
process still catches every part up before it reads (read-your-writes), taking a part's lock
only when that part is behind; with the workers keeping up, it finds nothing to do.
"""

from __future__ import annotations

import multiprocessing
import time
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.synchronize import Event as StopEvent

from qlahs.engine.engine import Engine
from qlahs.kernel.errors import QlahsError
from qlahs.projections import bulk
from qlahs.projections.projector import PAGE, REBUILD_PAGE

Watch = Callable[[int, int], None]  # (events projected by every part, events to project)
# A follower that found nothing new looks again after this many seconds.
IDLE = 0.2


@dataclass(frozen=True)
class Done:
    workers: int
    events: int  # the log's events now projected by every part that were not before
    seconds: float


def project(
    url: str,
    workers: int,
    *,
    rebuild: bool = False,
    follow: bool = False,
    watch: Watch | None = None,
    stop: StopEvent | None = None,
) -> Done:
    """Project the log at `url` with `workers` processes (PostgreSQL only, for more than one):
    everything not yet projected, or everything again (`rebuild`), and with `follow` every
    event recorded after, until `stop` is set. The seconds counted are the projection's: the
    workers open their engines while the parts are made, and start together."""
    context = multiprocessing.get_context("spawn")
    stop = stop or context.Event()
    go = context.Event()
    processes = [
        context.Process(target=_work, args=(url, part, workers, follow, go, stop), daemon=True)
        for part in range(workers)
    ]
    with Engine.open(url) as engine:
        if workers > 1 and not engine.location.is_postgres:
            raise QlahsError(
                "Nhiều tiến trình dựng bảng đọc chỉ dùng được với PostgreSQL: SQLite chỉ cho "
                "một tiến trình ghi một lúc (--workers 1)."
            )
        for process in processes:
            process.start()
        try:
            engine.projector.split_into(workers)
            if rebuild:
                engine.projector.rebuild(run=False)
        except BaseException:
            stop.set()
            go.set()
            raise
        start = engine.projector.lowest()
        started = time.perf_counter()
        go.set()
        while any(process.is_alive() for process in processes):
            if watch is not None:
                last = engine.log.recorder.max_notification_id() or 0
                watch(engine.projector.lowest() - start, last - start)
            time.sleep(0.1)
        seconds = time.perf_counter() - started
        end = engine.projector.lowest()
        if rebuild:
            bulk.analyze(engine.sql, engine.projector.tables)
    failed = [process.exitcode for process in processes if process.exitcode != 0]
    if failed:
        raise QlahsError(f"{len(failed)} tiến trình dựng bảng đọc dừng vì lỗi (xem nhật ký).")
    if watch is not None:
        watch(end - start, end - start)
    return Done(workers, end - start, seconds)


def _work(url: str, part: int, parts: int, follow: bool, go: StopEvent, stop: StopEvent) -> None:
    with Engine.open(url) as engine:
        projector = engine.projector
        page = PAGE if follow else REBUILD_PAGE
        go.wait()
        while not stop.is_set():
            applied = projector.catch_up(page=page, part=part)
            if not follow:
                if applied == 0:
                    return
                continue
            if applied == 0:
                stop.wait(IDLE)
