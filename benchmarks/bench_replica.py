"""A streaming replica's lag and read latency: `python benchmarks/bench_replica.py`.

Starts a throw-away primary (wal_level=replica) and a streaming standby of it on two free
ports (pg_cluster.py), loads a few units' demo years through the primary, then:

1. lag: one writer process records new reports at a set rate for some seconds through an
   engine that reads from the standby (so each command is projected on the primary at once);
   meanwhile this process notes, every few milliseconds, the primary's WAL position and the
   standby's replay position. The lag of a position is the time from when the primary had
   written it to when the standby had replayed it.
2. reads: the same list page (one unit's unfinished deadlines, 50 rows and the total) asked
   of the primary and of the standby, idle and under the writer's load; and a command followed
   at once by a read of its own record (read-your-writes), with the time the read waited.

Prints the figures as Markdown tables, for docs/scaling.md.
"""

from __future__ import annotations

import argparse
import multiprocessing
import platform
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import sqlalchemy as sa

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from pg_cluster import Cluster, free_port  # noqa: E402

from nation import load, nation_steps, unit_name  # noqa: E402
from qlahs.engine import Engine  # noqa: E402

UNTIL = date(2026, 6, 30)
PAGE = 50
SAMPLE = 0.005  # seconds between two looks at both positions


def _report(index: int) -> dict[str, Any]:
    return {
        "do": "report.receive",
        "ref": f"TB-TAI-{index}",
        "on": (UNTIL - timedelta(days=index % 20)).isoformat(),
        "unit": unit_name(0),
        "with": {"source": "tin_bao", "received_by": "CQDT"},
    }


def writer(primary: str, standby: str, rate: float, seconds: float, first: int, out: Any) -> None:
    """Record reports at `rate` a second for `seconds`; put how many were recorded in `out`."""
    with Engine.open(primary, read_url=standby) as engine:
        start = time.monotonic()
        done = 0
        while (now := time.monotonic()) < start + seconds:
            due = start + done / rate
            if due > now:
                time.sleep(due - now)
            engine.execute(_report(first + done))
            done += 1
        out.put(done / (time.monotonic() - start))


def _positions(primary: sa.Connection, standby: sa.Connection) -> tuple[float, int, int]:
    written = primary.execute(sa.text("SELECT pg_current_wal_lsn() - '0/0'::pg_lsn")).scalar()
    replayed = standby.execute(sa.text("SELECT pg_last_wal_replay_lsn() - '0/0'::pg_lsn")).scalar()
    return time.monotonic(), int(written), int(replayed)


def lag_under_load(
    cluster: Cluster, standby: Cluster, rate: float, seconds: float, first: int
) -> dict[str, float]:
    """The standby's replay lag (ms) while one writer records `rate` commands a second."""
    spawn = multiprocessing.get_context("spawn")
    out = spawn.Queue()
    process = spawn.Process(
        target=writer, args=(cluster.url, standby.url, rate, seconds, first, out)
    )
    samples: list[tuple[float, int, int]] = []
    p_sql, s_sql = _sql(cluster.url), _sql(standby.url)
    with p_sql.connect() as p, s_sql.connect() as s:
        p.execution_options(isolation_level="AUTOCOMMIT")
        s.execution_options(isolation_level="AUTOCOMMIT")
        process.start()
        while process.is_alive():
            samples.append(_positions(p, s))
            time.sleep(SAMPLE)
        process.join()
    p_sql.dispose()
    s_sql.dispose()
    achieved = float(out.get())
    lags = []
    for index, (when, written, _) in enumerate(samples):
        for later, _, replayed in samples[index:]:
            if replayed >= written:
                lags.append(1000 * (later - when))
                break
    behind = [max(0, written - replayed) for _, written, replayed in samples]
    return {
        "rate": rate,
        "achieved": achieved,
        "median": statistics.median(lags),
        "p95": _quantile(lags, 0.95),
        "max": max(lags),
        "bytes": _quantile([float(b) for b in behind], 0.95),
    }


def _sql(url: str) -> sa.Engine:
    return sa.create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1))


def _quantile(samples: list[float], quantile: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(quantile * len(ordered)))]


def read_latency(engine: Engine, repeat: int) -> list[float]:
    """Milliseconds to answer one unit's unfinished deadlines, a page of 50 and the total."""
    engine.unfinished_page(UNTIL, unit=unit_name(0), limit=PAGE)  # warm the caches once
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        engine.unfinished_page(UNTIL, unit=unit_name(0), limit=PAGE)
        samples.append(1000 * (time.perf_counter() - start))
    return samples


def own_writes(engine: Engine, repeat: int, first: int) -> tuple[list[float], list[float]]:
    """(ms to record and project a command, ms for the next read of that record)."""
    writes, reads = [], []
    for index in range(first, first + repeat):
        start = time.perf_counter()
        engine.execute(_report(index))
        middle = time.perf_counter()
        found = engine.deadlines(UNTIL, ref=f"TB-TAI-{index}")
        end = time.perf_counter()
        assert found, "read-your-writes: the new report's deadline must be listed"
        writes.append(1000 * (middle - start))
        reads.append(1000 * (end - middle))
        time.sleep(0.05)
    return writes, reads


def _row(label: str, samples: list[float]) -> str:
    return (
        f"| {label} | {statistics.median(samples):.1f} | {_quantile(samples, 0.95):.1f} "
        f"| {len(samples)} |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--units", type=int, default=4)
    parser.add_argument("--reports", type=int, default=300, help="reports per unit")
    parser.add_argument("--seconds", type=float, default=15)
    parser.add_argument("--rates", default="10,50,1000", help="commands a second, per run")
    parser.add_argument("--repeat", type=int, default=100)
    args = parser.parse_args()
    primary = Cluster(free_port(), {"wal_level": "replica"})
    standby: Cluster | None = None
    try:
        primary.start()
        with Engine.open(primary.url) as loader:
            steps = nation_steps(args.units, args.reports, UNTIL)
            recorded = load(loader, steps)
            loader.catch_up()
        standby = primary.standby(free_port())
        standby.start()
        print(f"{platform.node()}: {recorded} lệnh, {args.units} đơn vị\n")
        with (
            Engine.open(primary.url, read_url=standby.url) as on_replica,
            Engine.open(primary.url) as on_primary,
        ):
            assert on_replica.unfinished_page(UNTIL, unit=unit_name(0), limit=PAGE) == (
                on_primary.unfinished_page(UNTIL, unit=unit_name(0), limit=PAGE)
            )
            idle_primary = read_latency(on_primary, args.repeat)
            idle_replica = read_latency(on_replica, args.repeat)
            writes, reads = own_writes(on_replica, 50, 900_000)
            waited = on_replica.replica.reads.waited if on_replica.replica else 0
        print(
            "| tốc độ ghi đặt (lệnh/s) | đạt (lệnh/s) | trễ trung vị (ms) | p95 (ms) "
            "| lớn nhất (ms) | chênh WAL p95 (byte) |"
        )
        print("|---|---|---|---|---|---|")
        first = 0
        for rate in (float(r) for r in args.rates.split(",")):
            figures = lag_under_load(primary, standby, rate, args.seconds, first)
            first += int(rate * args.seconds) + 1
            print(
                f"| {rate:.0f} | {figures['achieved']:.1f} | {figures['median']:.1f} "
                f"| {figures['p95']:.1f} | {figures['max']:.1f} | {figures['bytes']:.0f} |"
            )
        print("\n| đọc (ms) | trung vị | p95 | số lần |\n|---|---|---|---|")
        print(_row("trang danh sách, máy chính, nhàn", idle_primary))
        print(_row("trang danh sách, bản sao, nhàn", idle_replica))
        print(_row("ghi một lệnh + chiếu trên máy chính", writes))
        print(_row("đọc ngay hồ sơ vừa ghi, từ bản sao", reads))
        print(f"\nSố lần đọc phải chờ bản sao: {waited}/50")
    finally:
        if standby is not None:
            standby.stop()
        primary.stop()


if __name__ == "__main__":
    main()
