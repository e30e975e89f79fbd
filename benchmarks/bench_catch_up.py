"""The cost of one catch-up after one more event on a busy subject:
`python benchmarks/bench_catch_up.py [--postgres URL] [--sizes 10,100,1000,3000]`.

A register of N numbers (N `number.issue` events, one number each) is the natural busy
subject. Then, `REPEATS` times: one more number is issued, and the projector's catch-up that
applies it is timed, once by the process that projected the register before (warm: the
register's acts and rules are in its memory) and once by a process opened afresh (cold: it
reads them back). The medians are printed as a Markdown table.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
import uuid
from datetime import date
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import make_url

from qlahs.engine import Engine
from qlahs.store import locate

REPEATS = 7
DAY = date(2026, 3, 2)
UNIT = "VKSKV7"


def issue(engine: Engine, count: int) -> None:
    for _ in range(count):
        engine.execute({"do": "number.issue", "on": DAY, "with": {"series": "QD-HS"}})


def timed_catch_up(engine: Engine) -> float:
    start = time.perf_counter()
    engine.catch_up()
    return (time.perf_counter() - start) * 1000


def measure(url: str, size: int) -> tuple[float, float]:
    """Median milliseconds of a warm and of a cold catch-up after one more number."""
    warm: list[float] = []
    cold: list[float] = []
    with Engine.open(url, default_unit=UNIT, default_actor="Văn thư") as engine:
        issue(engine, size)
        engine.catch_up()
        for _ in range(REPEATS):
            issue(engine, 1)
            warm.append(timed_catch_up(engine))
        for _ in range(REPEATS):  # after the warm ones: a catch-up elsewhere makes it cold
            issue(engine, 1)
            with Engine.open(url, default_unit=UNIT) as fresh:
                cold.append(timed_catch_up(fresh))
    return statistics.median(warm), statistics.median(cold)


def with_schema(url: str, schema: str) -> str:
    parsed = make_url(url)
    return parsed.update_query_dict({"schema": schema}).render_as_string(hide_password=False)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--postgres", default=None)
    parser.add_argument("--sizes", default="10,100,1000,3000")
    options = parser.parse_args()
    sizes = [int(s) for s in options.sizes.split(",")]
    print("| store | prior events | warm ms | cold ms |")
    print("|---|---:|---:|---:|")
    for size in sizes:
        if options.postgres:
            schema = f"qlahs_bench_{uuid.uuid4().hex[:10]}"
            try:
                warm, cold = measure(with_schema(options.postgres, schema), size)
            finally:
                admin = sa.create_engine(locate(options.postgres).sql_url, poolclass=sa.NullPool)
                with admin.begin() as connection:
                    connection.execute(sa.text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
                admin.dispose()
            store = "PostgreSQL"
        else:
            with tempfile.TemporaryDirectory() as directory:
                warm, cold = measure(f"sqlite:///{Path(directory) / 'bench.db'}", size)
            store = "SQLite"
        print(f"| {store} | {size:,} | {warm:.1f} | {cold:.1f} |", flush=True)


if __name__ == "__main__":
    main()
