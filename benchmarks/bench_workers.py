"""Projection workers: `python benchmarks/bench_workers.py [--scale unit] [--years 2]
[--workers 1,2,4] [--repeat 2] [--postgres URL]` (run by `make bench`).

Generates reports, cases and numbers into a fresh PostgreSQL schema (`qlahs generate`), then
rebuilds every read model with 1, 2 and 4 worker processes (`qlahs project --workers N
--rebuild`, engine/workers.py), in turns, and times each from the moment the workers start
together; beside them, in the same run, the raw baseline of benchmarks/bench.py: reading the
log and decoding every event. Writes the section "## Projection workers" of
docs/performance.md (kept there by bench.py).
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
import uuid
from datetime import UTC, date, datetime
from pathlib import Path

import sqlalchemy as sa
from bench import commit, drop_schema, machine, read_log, with_schema, write_section

from qlahs.engine import Engine
from qlahs.engine.workers import project
from qlahs.generate.run import generate

ROOT = Path(__file__).resolve().parent.parent
HEADING = "## Projection workers"
UNTIL = date(2026, 11, 27)


def _raw(url: str) -> float:
    """Seconds to read and decode the whole log, as the rebuild's baseline."""
    with Engine.open(url) as engine:
        started = time.perf_counter()
        read_log(engine.log)
        return time.perf_counter() - started


def run(url: str, scale: str, years: int, workers: list[int], repeat: int) -> list[str]:
    with Engine.open(url) as engine:
        generate(engine, scale, years=years, seed=7, until=UNTIL)  # type: ignore[arg-type]
        events = engine.log.recorder.max_notification_id() or 0
    seconds: dict[int, list[float]] = {count: [] for count in workers}
    raw: list[float] = []
    for _ in range(repeat):
        for count in workers:
            done = project(url, count, rebuild=True)
            assert done.events == events, (done.events, events)
            seconds[count].append(done.seconds)
            raw.append(_raw(url))
    one = statistics.median(seconds[workers[0]])
    raw_s = statistics.median(raw)
    info = machine()
    with Engine.open(url) as engine, engine.sql.connect() as connection:
        server = connection.execute(sa.text("SHOW server_version")).scalar_one()
    when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    lines = [
        HEADING,
        "",
        f"Measured by `python benchmarks/bench_workers.py --scale {scale} --years {years}` "
        "(run by `make bench`): generated reports, cases and numbers on PostgreSQL, then every "
        "read model rebuilt by N worker processes (`qlahs project --workers N --rebuild`), each "
        "projecting the subjects of its part with its own position, timed from the moment they "
        f"start together; medians of {repeat} runs, the worker counts in turns. Baseline, same "
        "run: reading and decoding the whole log (`select_notifications` + "
        "`to_domain_event`).",
        "",
        f"- **Date:** {when}. **Commit:** `{commit()}`. **Machine:** {info['CPU']}, "
        f"{info['Cores']} cores, PostgreSQL {server} on the same machine. "
        f"**Events:** {events:,}.",
        "",
        "| Workers | Seconds | Events/s | × one worker | of raw read+decode |",
        "|---:|---:|---:|---:|---:|",
    ]
    for count in workers:
        median = statistics.median(seconds[count])
        lines.append(
            f"| {count} | {median:.1f} | {events / median:,.0f} | {one / median:.2f} | "
            f"{raw_s / median:.0%} |"
        )
    lines += [
        f"| raw read+decode | {raw_s:.2f} | {events / raw_s:,.0f} | | 100% |",
        "",
        "- The target (several workers ≥ 1.6× one) needs cores for the workers and for "
        "PostgreSQL: on a machine whose cores are all taken, the workers share them and the "
        "rate cannot grow with their number; the figures say what this machine gave.",
    ]
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", default="unit", choices=["unit", "province"])
    parser.add_argument("--years", type=int, default=2)
    parser.add_argument("--workers", default="1,2,4")
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument(
        "--postgres",
        default=os.environ.get("QLAHS_BENCH_POSTGRES_URL")
        or os.environ.get("QLAHS_TEST_POSTGRES_URL")
        or "postgresql://postgres@127.0.0.1:5432/test",
    )
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "performance.md")
    args = parser.parse_args()
    schema = f"qlahs_bench_{uuid.uuid4().hex[:10]}"
    url = with_schema(args.postgres, schema)
    try:
        counts = [int(n) for n in args.workers.split(",")]
        section = run(url, args.scale, args.years, counts, args.repeat)
    finally:
        drop_schema(args.postgres, schema)
    print("\n".join(section))
    write_section(section, args.out)


if __name__ == "__main__":
    main()
