"""A streaming replica's lag and read latency: `python benchmarks/bench_replica.py`
(run by `make replica`).

Starts a throw-away primary (wal_level=replica) and a streaming standby of it on two free
ports (pg_cluster.py), loads a few units' demo years through the primary, then:

1. lag: writer processes record new reports at a set rate for some seconds through engines
   that read from the standby (so each command is projected on the primary at once);
   meanwhile this process looks, every 10 ms, at the primary's WAL position (and the
   primary's own `pg_stat_replication.replay_lag`) and at the standby's replay position. The
   lag of a new position is the time from the look that first saw it on the primary to the
   first look that saw the standby past it.
2. reads: one unit's unfinished deadlines (a page of 50 and the total) asked through the
   Engine of the primary and of the standby, and as SQL alone, idle and under a writer's
   load; and a command followed at once by a read of its own record (read-your-writes).

Prints the figures as Markdown tables, for docs/scaling.md.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import platform
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import sqlalchemy as sa

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from pg_cluster import Cluster, free_port  # noqa: E402

from nation import load, nation_steps, unit_name  # noqa: E402
from qlahs.engine import Engine  # noqa: E402
from qlahs.projections import lists  # noqa: E402
from qlahs.projections.lists import Scope  # noqa: E402

UNTIL = date(2026, 6, 30)
PAGE = 50
SAMPLE = 0.01  # seconds between two looks at both positions


def _report(index: int) -> dict[str, Any]:
    return {
        "do": "report.receive",
        "ref": f"TB-TAI-{index}",
        "on": (UNTIL - timedelta(days=index % 20)).isoformat(),
        "unit": unit_name(0),
        "with": {"source": "tin_bao", "received_by": "CQDT"},
    }


def writer(
    primary: str, standby: str | None, rate: float, seconds: float, first: int, out: Any
) -> None:
    """Record reports at `rate` a second for `seconds`; put how many were recorded in `out`.
    Without `standby` the writer leaves the projection to the next reader, as it does when no
    replica is used."""
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


_PRIMARY = sa.text(
    "SELECT pg_current_wal_lsn() - '0/0'::pg_lsn,"
    " (SELECT extract(epoch FROM replay_lag) FROM pg_stat_replication LIMIT 1)"
)
_STANDBY = sa.text("SELECT pg_last_wal_replay_lsn() - '0/0'::pg_lsn")


def _positions(primary: sa.Connection, standby: sa.Connection) -> Sample:
    written, reported = primary.execute(_PRIMARY).one()
    replayed = standby.execute(_STANDBY).scalar()
    return Sample(time.monotonic(), int(written), int(replayed), reported)


@dataclass
class Sample:
    when: float
    written: int  # the primary's WAL position, in bytes
    replayed: int  # the standby's replay position, read just after
    reported: float | None  # pg_stat_replication.replay_lag, seconds (None when idle)


def lag_under_load(
    cluster: Cluster,
    standby: Cluster,
    rate: float,
    seconds: float,
    writers: int,
    first: int,
    *,
    project: bool = True,
) -> dict[str, float]:
    """The standby's replay lag while `writers` processes record `rate` commands a second in
    all. The lag of a new WAL position is the time from the sample that first saw it on the
    primary to the first sample that saw the standby past it (0: by the next look)."""
    spawn = multiprocessing.get_context("spawn")
    out = spawn.Queue()
    processes = [
        spawn.Process(
            target=writer,
            args=(
                cluster.url,
                standby.url if project else None,
                rate / writers,
                seconds,
                first + n * 1_000_000,
                out,
            ),
        )
        for n in range(writers)
    ]
    samples: list[Sample] = []
    p_sql, s_sql = _sql(cluster.url), _sql(standby.url)
    with p_sql.connect() as p, s_sql.connect() as s:
        p.execution_options(isolation_level="AUTOCOMMIT")
        s.execution_options(isolation_level="AUTOCOMMIT")
        for process in processes:
            process.start()
        while any(process.is_alive() for process in processes):
            samples.append(_positions(p, s))
            time.sleep(SAMPLE)
        for process in processes:
            process.join()
    p_sql.dispose()
    s_sql.dispose()
    achieved = sum(float(out.get()) for _ in processes)
    lags = []
    for index in range(1, len(samples)):
        if samples[index].written == samples[index - 1].written:
            continue  # nothing new written since the last look
        for later in samples[index:]:
            if later.replayed >= samples[index].written:
                lags.append(1000 * (later.when - samples[index].when))
                break
    reported = [1000 * x.reported for x in samples if x.reported is not None]
    behind = [float(max(0, x.written - x.replayed)) for x in samples]
    return {
        "rate": rate,
        "achieved": achieved,
        "positions": len(lags),
        "caught": sum(1 for lag in lags if lag == 0) / max(1, len(lags)),
        "p95": _quantile(lags, 0.95),
        "max": max(lags, default=0.0),
        "reported": _quantile(reported, 0.5) if reported else 0.0,
        "reported95": _quantile(reported, 0.95) if reported else 0.0,
        "bytes": _quantile(behind, 0.95),
    }


def _sql(url: str) -> sa.Engine:
    return sa.create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1))


def _quantile(samples: list[float], quantile: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(quantile * len(ordered)))]


def read_latency(engine: Engine, repeat: int) -> list[float]:
    """Milliseconds for the Engine to answer one unit's unfinished deadlines, a page of 50
    and the total (with its catch-up when it reads the primary)."""
    engine.unfinished_page(UNTIL, unit=unit_name(0), limit=PAGE)  # warm the caches once
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        engine.unfinished_page(UNTIL, unit=unit_name(0), limit=PAGE)
        samples.append(1000 * (time.perf_counter() - start))
    return samples


def query_latency(url: str, repeat: int) -> list[float]:
    """Milliseconds for the same page's SQL alone, on one open connection."""
    sql = _sql(url)
    scope = Scope(unit=unit_name(0))
    samples = []
    with sql.connect() as connection:
        lists.unfinished(connection, UNTIL, scope, limit=PAGE)
        for _ in range(repeat):
            start = time.perf_counter()
            lists.unfinished(connection, UNTIL, scope, limit=PAGE)
            samples.append(1000 * (time.perf_counter() - start))
            connection.rollback()
    sql.dispose()
    return samples


def reads_under_load(
    cluster: Cluster, standby: Cluster, rate: float, seconds: float, first: int
) -> tuple[list[float], list[float]]:
    """The Engine's list page from the primary and from the standby, taken in turn while one
    writer records `rate` commands a second."""
    spawn = multiprocessing.get_context("spawn")
    out = spawn.Queue()
    process = spawn.Process(
        target=writer, args=(cluster.url, standby.url, rate, seconds, first, out)
    )
    on_primary, on_replica = [], []
    with (
        Engine.open(cluster.url, read_url=standby.url) as replica,
        Engine.open(cluster.url) as primary,
    ):
        process.start()
        while process.is_alive():
            on_primary += read_latency(primary, 1)
            on_replica += read_latency(replica, 1)
        process.join()
    out.get()
    return on_primary, on_replica


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
    parser.add_argument("--rates", default="10,30,1000", help="commands a second, per run")
    parser.add_argument("--writers", type=int, default=2, help="writer processes per run")
    parser.add_argument("--repeat", type=int, default=100)
    args = parser.parse_args()
    primary = Cluster(free_port(), {"wal_level": "replica"})
    standby: Cluster | None = None
    try:
        primary.start()
        with Engine.open(primary.url) as loader:
            recorded = load(loader, nation_steps(args.units, args.reports, UNTIL))
            loader.catch_up()
        standby = primary.standby(free_port())
        standby.start()
        print(
            f"{platform.platform()}, {os.cpu_count()} CPU, Python {platform.python_version()}; "
            f"{recorded} commands in {args.units} units; commit {_commit()}\n"
        )
        _lag_table(primary, standby, args)
        with Engine.open(primary.url) as projector:
            projector.catch_up()  # what the last writers left to the readers
        with (
            Engine.open(primary.url, read_url=standby.url) as on_replica,
            Engine.open(primary.url) as on_primary,
        ):
            page = on_replica.unfinished_page(UNTIL, unit=unit_name(0), limit=PAGE)
            assert page == on_primary.unfinished_page(UNTIL, unit=unit_name(0), limit=PAGE)
            rows = [
                ("Engine page, primary (catch-up + query), idle", read_latency(on_primary, 100)),
                ("Engine page, replica (query only), idle", read_latency(on_replica, 100)),
                ("SQL alone, primary, idle", query_latency(primary.url, args.repeat)),
                ("SQL alone, replica, idle", query_latency(standby.url, args.repeat)),
            ]
            writes, reads = own_writes(on_replica, 50, 9_000_000)
            assert on_replica.replica is not None
            waited = on_replica.replica.reads
        loaded = reads_under_load(primary, standby, 10, args.seconds, 8_000_000)
        rows += [
            ("Engine page, primary, 10 commands/s", loaded[0]),
            ("Engine page, replica, 10 commands/s", loaded[1]),
            ("a command, projected on the primary, with its LSN", writes),
            ("the next read of that record, on the replica", reads),
        ]
        print(f"\nList page: {len(page.items)} of {page.total} rows.\n")
        print("| read (ms) | p50 | p95 | n |\n|---|---:|---:|---:|")
        for label, samples in rows:
            print(_row(label, samples))
        print(
            f"\nReads right after the reader's own command: {waited.waited} of 50 waited for "
            f"the replica, {waited.fallbacks} fell back to the primary."
        )
    finally:
        if standby is not None:
            standby.stop()
        primary.stop()


def _lag_table(primary: Cluster, standby: Cluster, args: argparse.Namespace) -> None:
    print(
        "| asked (commands/s) | done (commands/s) | new WAL positions | replayed by the next "
        "look | lag p95 (ms) | lag max (ms) | replay_lag p50 / p95 (ms) | behind p95 (bytes) |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    runs = [(float(rate), True) for rate in args.rates.split(",")]
    runs.append((runs[-1][0], False))
    for number, (rate, project) in enumerate(runs):
        x = lag_under_load(
            primary, standby, rate, args.seconds, args.writers, number * 10_000_000, project=project
        )
        label = f"{rate:.0f}" if project else f"{rate:.0f}, writers not projecting"
        print(
            f"| {label} | {x['achieved']:.1f} | {x['positions']:.0f} | {100 * x['caught']:.0f} %"
            f" | {x['p95']:.1f} | {x['max']:.1f} | {x['reported']:.1f} / {x['reported95']:.1f}"
            f" | {x['bytes']:.0f} |"
        )


def _commit() -> str:
    found = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT
    )
    return found.stdout.strip() or "?"


if __name__ == "__main__":
    main()
