"""Numbers per second: `python benchmarks/bench_numbers.py [--postgres URL] [--per-process N]`.

Issuer processes (started with `spawn`, each opening its own Engine on the same store) take
numbers at once: 1, 4 and 8 of them in one register on PostgreSQL, queued on the register's
advisory lock and, for comparison, with optimistic retries only; 8 in 8 different registers
(registers never contend); and 1 on SQLite. Every run checks the numbers are exactly 1..N
per register. The table is printed and written to `docs/performance-numbers.md`.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import multiprocessing
import os
import platform
import queue
import subprocess
import tempfile
import time
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from rich.console import Console
from rich.table import Table

from qlahs.engine import Engine
from qlahs.kernel.bounds import FIRST_ACT_DAY
from qlahs.kernel.errors import ConcurrencyError
from qlahs.scenario.units import establish_units
from qlahs.stages.numbers.outcome import take
from qlahs.stages.registry import Registry
from qlahs.store import durable, locate

DEFAULT_POSTGRES = "postgresql://postgres@127.0.0.1:5432/test"
DAY = date(2026, 3, 2)


@dataclass
class Run:
    store: str
    issuers: int
    registers: int
    mode: str
    numbers: dict[str, list[int]]  # register -> the numbers taken in it
    seconds: float
    failed: int = 0  # commands given up after every retry (ConcurrencyError), none recorded

    @property
    def total(self) -> int:
        return sum(len(n) for n in self.numbers.values())

    @property
    def per_second(self) -> float:
        return self.total / self.seconds if self.seconds else 0.0

    def exact(self) -> bool:
        """Every register got exactly 1..N: no duplicate, no gap."""
        return all(sorted(n) == list(range(1, len(n) + 1)) for n in self.numbers.values())


def optimistic(registry: Registry) -> Registry:
    """The same stages with the register lock switched off (for measuring it)."""
    actions = {
        name: dataclasses.replace(action, exclusive=False)
        for name, action in registry.actions.items()
    }
    return dataclasses.replace(registry, actions=actions)


def flush_under_lock() -> None:
    """The save under the register's lock waits for the disk again, as before
    store/durable.py: the baseline beside which the default is measured."""
    durable.flushed_later = contextlib.nullcontext  # type: ignore[assignment]
    durable.wait_flushed = lambda sql: None  # type: ignore[assignment]


def _issuer(
    url: str,
    unit: str,
    series: str,
    days: tuple[date, ...],
    count: int,
    locked: bool,
    flush_in_lock: bool,
    barrier: Any,
    results: Any,
) -> None:
    """One issuer process: `count` commands, one number each, cycling through `days`."""
    if flush_in_lock:
        flush_under_lock()
    try:
        with Engine.open(url, default_unit=unit, default_actor="Văn thư") as engine:
            if not locked:
                engine.registry = optimistic(engine.registry)
            barrier.wait(timeout=120)
            start = time.time()
            taken: list[tuple[str, int]] = []
            failed = 0
            for index in range(count):
                on = days[index % len(days)]
                command = {"do": "number.issue", "on": on, "with": {"series": series}}
                try:
                    taken += [(n.register, n.number) for n in take(engine, command)]
                except ConcurrencyError:  # lost every race: nothing recorded, counted
                    failed += 1
            results.put((taken, failed, start, time.time(), None))
    except Exception as error:  # reported to the parent, which fails the run
        results.put(([], 0, 0.0, 0.0, f"{unit}: {type(error).__name__}: {error}"))


def run_issuers(
    url: str,
    *,
    processes: int,
    per_process: int,
    unit: str = "VKSKV7",
    series: str = "QD-HS",
    days: tuple[date, ...] = (DAY,),
    locked: bool = True,
    separate: bool = False,
    flush_in_lock: bool = False,
) -> Run:
    """`processes` spawned issuers, each taking `per_process` numbers one command at a time,
    in one register (or each in its own register when `separate`; or in as many registers
    as `days` fall in numbering years)."""
    units = [f"{unit}-{i}" if separate else unit for i in range(processes)]
    # create the store once (SQLite has no setup lock: store/location.py) with its units
    with Engine.open(url) as engine:
        establish_units(engine, units, FIRST_ACT_DAY)
    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(processes)
    results = context.Queue()
    workers = [
        context.Process(
            target=_issuer,
            args=(url, u, series, days, per_process, locked, flush_in_lock, barrier, results),
        )
        for u in units
    ]
    for worker in workers:
        worker.start()
    numbers: dict[str, list[int]] = {}
    starts, ends, failures = [], [], []
    failed = 0
    try:
        for _ in workers:
            taken, lost, start, end, error = results.get(timeout=600)
            failed += lost
            for register, number in taken:
                numbers.setdefault(register, []).append(number)
            starts.append(start)
            ends.append(end)
            if error:
                failures.append(error)
    except queue.Empty:
        failures.append("quá thời gian chờ tiến trình lấy số")
    for worker in workers:
        worker.join(timeout=60)
    if failures:
        raise RuntimeError("; ".join(failures))
    store = "PostgreSQL" if locate(url).is_postgres else "SQLite"
    mode = "khóa tư vấn" if locked and store == "PostgreSQL" else "thử lại lạc quan"
    if flush_in_lock and store == "PostgreSQL":
        mode += ", ghi đĩa trong khóa"
    return Run(store, processes, len(numbers), mode, numbers, max(ends) - min(starts), failed)


def _schema_url(base: str) -> tuple[str, str]:
    schema = f"qlahs_b_{uuid.uuid4().hex[:10]}"
    return f"{base}{'&' if '?' in base else '?'}schema={schema}", schema


def _drop(base: str, schema: str) -> None:
    engine = sa.create_engine(locate(base).sql_url)
    with engine.begin() as connection:
        connection.execute(sa.text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
    engine.dispose()


def measure(postgres: str, per_process: int, tmp: Path) -> list[Run]:
    # (issuers, locked, separate registers, flush in the lock: the baseline)
    plan: list[tuple[int, bool, bool, bool]] = [
        (1, True, False, True),
        (1, True, False, False),
        (4, True, False, False),
        (8, True, False, True),
        (8, True, False, False),
        (8, False, False, False),
        (8, True, True, False),
    ]
    runs = []
    for processes, locked, separate, flush_in_lock in plan:
        url, schema = _schema_url(postgres)
        try:
            runs.append(
                run_issuers(
                    url,
                    processes=processes,
                    per_process=per_process,
                    locked=locked,
                    separate=separate,
                    flush_in_lock=flush_in_lock,
                )
            )
        finally:
            _drop(postgres, schema)
    for processes in (1, 8):
        sqlite = tmp / f"bench-numbers-{uuid.uuid4().hex[:8]}.db"
        runs.append(
            run_issuers(f"sqlite:///{sqlite}", processes=processes, per_process=per_process)
        )
        for suffix in ("", "-wal", "-shm"):
            Path(f"{sqlite}{suffix}").unlink(missing_ok=True)
    return runs


def table(runs: list[Run]) -> Table:
    shown = Table(title="Lấy số văn bản: số/giây theo số tiến trình lấy số đồng thời")
    headings = (
        "Kho",
        "Tiến trình",
        "Sổ",
        "Cách xếp hàng",
        "Số",
        "Giây",
        "Số/giây",
        "Lệnh hỏng",
        "1..N",
    )
    for heading in headings:
        shown.add_column(heading)
    for run in runs:
        shown.add_row(
            run.store,
            str(run.issuers),
            str(run.registers),
            run.mode,
            str(run.total),
            f"{run.seconds:.2f}",
            f"{run.per_second:.0f}",
            str(run.failed),
            "đúng" if run.exact() else "SAI",
        )
    return shown


NOTES = "## Notes"  # written by hand below the generated table, kept by each run


def markdown(runs: list[Run], per_process: int, previous: str = "") -> str:
    when = datetime.now(UTC).strftime("%d/%m/%Y %H:%M UTC")
    lines = [
        "# Performance — document numbers",
        "",
        "Measured by `python benchmarks/bench_numbers.py` (generated; do not edit by hand). Each "
        f"issuer is a spawned process with its own Engine taking {per_process} numbers, one "
        "`number.issue` command (one transaction) at a time, all on 02/03/2026 in series QD-HS. "
        "`1..N` says every register ended with exactly the numbers 1..N, no duplicate, no gap.",
        "",
        f"Machine: {platform.platform()}, Python {platform.python_version()}, "
        f"{multiprocessing.cpu_count()} CPU; PostgreSQL on the same machine. Date: {when}; "
        f"commit `{commit()}`; load average at the end "
        f"{' / '.join(f'{x:.1f}' for x in os.getloadavg())}.",
        "",
        "| store | issuers | registers | queueing | numbers | seconds | numbers/s | given up "
        "| 1..N |",
        "|---|---:|---:|---|---:|---:|---:|---:|---|",
    ]
    for run in runs:
        lines.append(
            f"| {run.store} | {run.issuers} | {run.registers} | {run.mode} | {run.total} | "
            f"{run.seconds:.2f} | {run.per_second:.0f} | {run.failed} | "
            f"{'yes' if run.exact() else 'NO'} |"
        )
    lines += [
        "",
        "`khóa tư vấn`: writers of one register queue on its PostgreSQL advisory lock across "
        "load and save (the default). `thử lại lạc quan`: the lock switched off, so writers "
        "collide on the register's version and retry with jitter; `given up` counts the "
        "commands that lost all 25 retries (nothing recorded, the clerk must send them again). "
        "8 issuers in 8 registers show that registers do not wait for each other's locks. "
        "`ghi đĩa trong khóa`: the baseline, as before `store/durable.py`: the save under the "
        "register's lock waits for its flush to disk before the lock is released (by default "
        "it commits without waiting, the lock is released, then the issuer waits for the "
        "flush before it answers). "
        "SQLite serialises writers itself; its issuers retry, reloading the register.",
        "",
    ]
    if NOTES in previous:
        lines += [*previous[previous.index(NOTES) :].rstrip("\n").splitlines(), ""]
    return "\n".join(lines)


def commit() -> str:
    found = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=False
    )
    return found.stdout.strip() or "unknown"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--postgres", default=DEFAULT_POSTGRES)
    parser.add_argument("--per-process", type=int, default=100)
    parser.add_argument("--write", type=Path, default=Path("docs/performance-numbers.md"))
    args = parser.parse_args()
    console = Console()
    runs = measure(args.postgres, args.per_process, Path(tempfile.gettempdir()))
    console.print(table(runs))
    previous = args.write.read_text(encoding="utf-8") if args.write.exists() else ""
    args.write.write_text(markdown(runs, args.per_process, previous), encoding="utf-8")
    console.print(f"Đã ghi {args.write}")


if __name__ == "__main__":
    main()
