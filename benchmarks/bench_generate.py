"""Generator speed: `python benchmarks/bench_generate.py --scale unit|province [--years N]
[--postgres URL]`: generates into a fresh store and prints one Markdown row — events, wall
seconds, events per wall second, the process's CPU seconds and events per CPU second (the
database server's CPU is not counted on PostgreSQL), the peak RSS. docs/performance.md
("Generator") keeps the figures."""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
import uuid
from datetime import date

import sqlalchemy as sa

from qlahs.engine import Engine
from qlahs.generate.run import generate
from qlahs.generate.units import SCALES


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", choices=SCALES, default="unit")
    parser.add_argument("--years", type=int, default=1)
    parser.add_argument("--fraction", type=float, default=1.0)
    parser.add_argument("--postgres", default=None, help="a PostgreSQL database URL")
    options = parser.parse_args()
    schema = f"qlahs_gen_{uuid.uuid4().hex[:8]}"
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{folder}/gen.db"
        if options.postgres:
            url = f"{options.postgres}?schema={schema}"
        try:
            cpu = time.process_time()
            with Engine.open(url) as engine:
                done = generate(
                    engine,
                    options.scale,
                    years=options.years,
                    seed=7,
                    until=date(2026, 11, 27),
                    fraction=options.fraction,
                )
            cpu = time.process_time() - cpu
        finally:
            if options.postgres:
                drop(options.postgres, schema)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    store = "PostgreSQL" if options.postgres else "SQLite"
    events = done.counters.events
    print(
        f"| {options.scale} | {options.years} | {store} | {done.counters.units} | {events:,} "
        f"| {done.seconds:,.0f} | {events / done.seconds:,.0f} | {cpu:,.0f} "
        f"| {events / cpu:,.0f} | {rss:,.0f} |"
    )


def drop(url: str, schema: str) -> None:
    engine = sa.create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1))
    with engine.begin() as connection:
        connection.execute(sa.text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
    engine.dispose()


if __name__ == "__main__":
    main()
