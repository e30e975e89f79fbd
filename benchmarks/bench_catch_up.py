"""The cost of one catch-up after one more event on a busy subject:
`python benchmarks/bench_catch_up.py [--postgres URL] [--sizes 10,100,1000,3000]`.

A register of N numbers (N `number.issue` events, one number each, recorded in batches) is
the natural busy subject. Then, `REPEATS` times each: one more number is issued, and the
projector's catch-up that applies it is timed
- warm, by the process that projected the register before (its acts and rules are in its
  memory), with the register's book projected act by act (`Stage.project_act`, today's way);
- warm, with the book projected whole for each act, as before `project_act` (the baseline,
  in the same run on the same register);
- cold, by a process opened afresh (it reads the register back and writes its book whole).
The medians are printed as a Markdown table.
"""

from __future__ import annotations

import argparse
import dataclasses
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


BATCH = 1000


def issue(engine: Engine, count: int) -> None:
    command = {"do": "number.issue", "on": DAY, "with": {"series": "QD-HS"}}
    if count == 1:
        engine.execute(command)
        return
    for start in range(0, count, BATCH):
        engine.execute_batch([command] * min(BATCH, count - start))


def whole_books(engine: Engine) -> None:
    """Project every book whole for each act, as before `Stage.project_act`."""
    rows = engine.projector.subjects
    rows.registry = dataclasses.replace(rows.registry, act_projectors={})
    engine.projector.forget()  # the next act reads the register back under the new way


def timed_catch_up(engine: Engine) -> float:
    start = time.perf_counter()
    engine.catch_up()
    return (time.perf_counter() - start) * 1000


def measure(url: str, size: int) -> tuple[float, float, float]:
    """Median milliseconds of a warm catch-up after one more number, by act and whole, and of
    a cold one."""
    by_act: list[float] = []
    whole: list[float] = []
    cold: list[float] = []
    with Engine.open(url, default_unit=UNIT, default_actor="Văn thư") as engine:
        issue(engine, size)
        engine.catch_up()
        for _ in range(REPEATS):
            issue(engine, 1)
            by_act.append(timed_catch_up(engine))
        whole_books(engine)
        issue(engine, 1)
        engine.catch_up()
        for _ in range(REPEATS):
            issue(engine, 1)
            whole.append(timed_catch_up(engine))
        for _ in range(REPEATS):  # after the warm ones: a catch-up elsewhere makes it cold
            issue(engine, 1)
            with Engine.open(url, default_unit=UNIT) as fresh:
                cold.append(timed_catch_up(fresh))
    return statistics.median(by_act), statistics.median(whole), statistics.median(cold)


def with_schema(url: str, schema: str) -> str:
    parsed = make_url(url)
    return parsed.update_query_dict({"schema": schema}).render_as_string(hide_password=False)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--postgres", default=None)
    parser.add_argument("--sizes", default="100,1000,3000")
    options = parser.parse_args()
    sizes = [int(s) for s in options.sizes.split(",")]
    print(
        "| store | numbers in the register | warm, by act ms | warm, whole (before) ms | cold ms |"
    )
    print("|---|---:|---:|---:|---:|")
    for size in sizes:
        if options.postgres:
            schema = f"qlahs_bench_{uuid.uuid4().hex[:10]}"
            try:
                by_act, whole, cold = measure(with_schema(options.postgres, schema), size)
            finally:
                admin = sa.create_engine(locate(options.postgres).sql_url, poolclass=sa.NullPool)
                with admin.begin() as connection:
                    connection.execute(sa.text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
                admin.dispose()
            store = "PostgreSQL"
        else:
            with tempfile.TemporaryDirectory() as directory:
                by_act, whole, cold = measure(f"sqlite:///{Path(directory) / 'bench.db'}", size)
            store = "SQLite"
        print(f"| {store} | {size:,} | {by_act:.1f} | {whole:.1f} | {cold:.1f} |", flush=True)


if __name__ == "__main__":
    main()
