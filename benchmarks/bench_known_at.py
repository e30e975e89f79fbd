"""Lists as known at an earlier recorded moment, on stores made by `qlahs generate`:
`python benchmarks/bench_known_at.py --db LABEL=URL [--db …] [--since 1000] [--repeat 5]`.

The moment is when the event `--since` events before the last was recorded. *Now*: the
nation's overdue page (100 rows and the total) as known then, the way the Engine answers it
(only the records recorded since are projected again, the others read live through temporary
views). *Before*: the same page from a throwaway read model of every event recorded by then,
the way it was answered before (the baseline, asked once: it grows with the store). Both
answers are checked equal. Writes the section "## Lists as known at a moment" of
docs/performance.md (kept there by bench.py).
"""

from __future__ import annotations

import argparse
import statistics
import time
from datetime import UTC, date, datetime
from pathlib import Path

import sqlalchemy as sa
from bench import commit, machine, write_section

from qlahs.engine import Engine
from qlahs.projections import lists
from qlahs.projections import tables as t
from qlahs.projections.known_at import read_model_at
from qlahs.projections.stat_facts import microseconds

ROOT = Path(__file__).resolve().parent.parent
HEADING = "## Lists as known at a moment"
AS_OF = date(2026, 11, 27)  # the generator's last day
PAGE = 100


def measure(label: str, url: str, since: int, repeat: int) -> str:
    with Engine.open(url) as engine:
        engine.catch_up()
        last = engine.log.recorder.max_notification_id() or 0
        (notification,) = engine.log.recorder.select_notifications(start=last - since, limit=1)
        event = engine.log.mapper.to_domain_event(notification)
        moment: datetime = event.timestamp  # type: ignore[attr-defined]
        with engine.sql.connect() as connection:
            s = t.subjects
            changed = connection.execute(
                sa.select(sa.func.count()).where(s.c.recorded > microseconds(moment))
            ).scalar_one()
        engine.overdue_page(AS_OF, limit=PAGE, known_at=moment)  # warm-up
        samples = []
        for _ in range(repeat):
            started = time.perf_counter()
            now = engine.overdue_page(AS_OF, limit=PAGE, known_at=moment)
            samples.append(time.perf_counter() - started)
        started = time.perf_counter()
        with (
            read_model_at(
                engine.log, engine.registry, engine.rulebook, engine.calendar, moment
            ) as memory,
            memory.connect() as connection,
        ):
            before = lists.overdue(connection, AS_OF, limit=PAGE)
        took = time.perf_counter() - started
    if before.total != now.total or [d.ref for d in before.items] != [d.ref for d in now.items]:
        raise SystemExit(f"{label}: the two answers differ")
    fast = statistics.median(samples)
    return (
        f"| {label} | {last:,} | {since:,} | {changed:,} | {now.total:,} | "
        f"{fast * 1000:.0f} | {took * 1000:.0f} | {took / fast:.0f}× |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", action="append", required=True, help="LABEL=URL")
    parser.add_argument("--since", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "performance.md")
    args = parser.parse_args()
    table = []
    for given in args.db:
        label, url = given.split("=", 1)
        table.append(measure(label, url, args.since, args.repeat))
    info = machine()
    when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    section = [
        HEADING,
        "",
        "Measured by `python benchmarks/bench_known_at.py` on stores made by `qlahs generate` "
        f"(seed 7), PostgreSQL: the nation's overdue page ({PAGE} rows and the total) as of "
        f"{AS_OF:%d/%m/%Y}, as known when the event {args.since:,} before the last was "
        "recorded. *Now*: through the Engine, the records recorded since projected again, "
        f"the others read live (median of {args.repeat}); *before*: a throwaway read model of "
        "every event recorded by then, the way it was answered before (once). Both gave the "
        "same page. This section is rewritten by the script; `make bench` keeps it.",
        "",
        f"- **Date:** {when}. **Commit:** `{commit()}`. **Machine:** {info['CPU']}, "
        f"{info['Cores']} cores, shared.",
        "",
        "| store | events | events since | records since | overdue | now ms | before ms | "
        "speed-up |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
        *table,
    ]
    print("\n".join(section))
    write_section(section, args.out)


if __name__ == "__main__":
    main()
