"""The cost of one catch-up after one more event on a busy subject:
`python benchmarks/bench_catch_up.py [--postgres URL] [--sizes 10,100,1000,3000]`.

A register of N numbers (N `number.issue` events, one number each, recorded in batches) is
the natural busy subject. Then, `REPEATS` times each: one more number is issued, and the
projector's catch-up that applies it is timed
- warm, by the process that projected the register before (its acts and rules are in its
  memory), with the register's book projected act by act (`Stage.project_act`, today's way);
- warm, with the book projected whole for each act, as before `project_act` (the baseline,
  in the same run on the same register);
- cold, by a process opened afresh: it reads the register back and adds the new act's book
  rows to those written before (today's way), and, as the baseline in the same run, with the
  book written again whole, as before.
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
from typing import Any

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


def rewrite_books_when_read_back(engine: Engine) -> None:
    """Write the book whole when a subject is read back, as before the rows were trusted."""
    rows = engine.projector.subjects
    load = rows.load

    def whole(connection: sa.Connection, event: Any) -> Any:
        state = load(connection, event)
        state.books_whole = True
        return state

    rows.load = whole  # type: ignore[method-assign]


def timed_catch_up(engine: Engine) -> float:
    start = time.perf_counter()
    engine.catch_up()
    return (time.perf_counter() - start) * 1000


def measure(url: str, size: int) -> tuple[float, float, float, float]:
    """Median milliseconds of a warm catch-up after one more number, by act and whole, and of
    a cold one, trusting the book rows and writing them again."""
    by_act: list[float] = []
    whole: list[float] = []
    cold: list[float] = []
    cold_whole: list[float] = []
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
            issue(engine, 1)
            with Engine.open(url, default_unit=UNIT) as fresh:
                rewrite_books_when_read_back(fresh)
                cold_whole.append(timed_catch_up(fresh))
    medians = (statistics.median(found) for found in (by_act, whole, cold, cold_whole))
    return tuple(medians)  # type: ignore[return-value]


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
        "| store | numbers in the register | warm, by act ms | warm, whole (before) ms | "
        "cold ms | cold, book again (before) ms |"
    )
    print("|---|---:|---:|---:|---:|---:|")
    for size in sizes:
        if options.postgres:
            schema = f"qlahs_bench_{uuid.uuid4().hex[:10]}"
            try:
                by_act, whole, cold, again = measure(with_schema(options.postgres, schema), size)
            finally:
                admin = sa.create_engine(locate(options.postgres).sql_url, poolclass=sa.NullPool)
                with admin.begin() as connection:
                    connection.execute(sa.text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
                admin.dispose()
            store = "PostgreSQL"
        else:
            with tempfile.TemporaryDirectory() as directory:
                by_act, whole, cold, again = measure(
                    f"sqlite:///{Path(directory) / 'bench.db'}", size
                )
            store = "SQLite"
        print(
            f"| {store} | {size:,} | {by_act:.1f} | {whole:.1f} | {cold:.1f} | {again:.1f} |",
            flush=True,
        )


if __name__ == "__main__":
    main()
