"""Deadline and violation lists: `python benchmarks/bench_lists.py [--postgres URL]`.

Builds stores of 1, 8 and 32 units, each unit one demo year of reports and cases
(`qlahs.demo.run.commands` and `qlahs.demo.cases.with_cases`), on SQLite and PostgreSQL, and
times four lists as of the last day: the nation's overdue page (100 rows and the total), one
unit's overdue list, one record's deadlines, and the nation's violations page. Each is timed
with the former Python filtering (`tests/lists_oracle.py`, the tests' oracle) and with the
queries of `qlahs.projections.lists`, and written beside it in `docs/performance-lists.md`.
"""

from __future__ import annotations

import argparse
import multiprocessing
import platform
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import sqlalchemy as sa

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import lists_oracle as oracle  # noqa: E402
from nation import load, nation_steps, unit_name  # noqa: E402
from qlahs.engine import Engine  # noqa: E402
from qlahs.projections import lists  # noqa: E402
from qlahs.projections import tables as t  # noqa: E402
from qlahs.projections.lists import Scope  # noqa: E402

DEFAULT_POSTGRES = "postgresql://postgres@127.0.0.1:5432/test"
UNTIL = date(2026, 6, 30)
PAGE = 100
QUESTIONS = (
    "quá hạn toàn quốc (trang 100 + tổng)",
    "quá hạn một đơn vị",
    "thời hạn một hồ sơ",
    "vi phạm toàn quốc (trang 100 + tổng)",
)


@dataclass
class Figure:
    store: str
    units: int
    events: int
    rows: int  # deadline versions
    question: str
    answer: int  # rows in the answer (or the total, for a page)
    before: list[float]
    after: list[float]


def _ms(samples: list[float], quantile: float) -> float:
    ordered = sorted(samples)
    return 1000 * ordered[min(len(ordered) - 1, int(quantile * len(ordered)))]


Read = Callable[[sa.Connection], Any]


def _time(connection: sa.Connection, read: Read, repeat: int) -> list[float]:
    read(connection)  # warm the caches once, as a reader asking again would find them
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        read(connection)
        samples.append(time.perf_counter() - start)
    return samples


def _busiest_ref(connection: sa.Connection) -> str:
    """The record with the most deadline versions in the first unit."""
    dv = t.deadline_versions
    query = (
        sa.select(dv.c.ref)
        .where(dv.c.unit == unit_name(0))
        .group_by(dv.c.ref)
        .order_by(sa.func.count().desc(), dv.c.ref)
        .limit(1)
    )
    return str(connection.execute(query).scalar_one())


# The baseline is timed with the index the former schema had in place of the lists' ones.
LIST_INDEXES = [
    index
    for table in (t.deadline_versions, t.violations)
    for index in table.indexes
    if index.name and index.name.rsplit("_", 1)[-1] in ("status", "unit", "ref")
]
FORMER = (
    "ix_deadline_versions_former",
    "qlahs_deadline_versions (valid_from, valid_to, status, due_day)",
)


def _former_indexes(engine: Engine, former: bool) -> None:
    with engine.sql.begin() as connection:
        for index in LIST_INDEXES:
            (index.drop if former else index.create)(connection)
        name, columns = FORMER
        sql = f"CREATE INDEX {name} ON {columns}" if former else f"DROP INDEX {name}"
        connection.execute(sa.text(sql))
        connection.execute(sa.text("ANALYZE"))


def measure(engine: Engine, store: str, units: int, repeat: int) -> list[Figure]:
    day = UNTIL
    unit = Scope(unit=unit_name(0))
    with engine.sql.connect() as c:
        ref = _busiest_ref(c)
        rows = int(c.execute(sa.select(sa.func.count()).select_from(t.deadline_versions)).scalar())
        events = engine.projector.position(c)
    pairs: list[tuple[Read, Read]] = [
        (
            lambda c: len(oracle.overdue(c, day)[:PAGE]),
            lambda c: lists.overdue(c, day, limit=PAGE).total,
        ),
        (
            lambda c: len(oracle.overdue(c, day, unit=unit_name(0))),
            lambda c: len(lists.overdue(c, day, unit).items),
        ),
        (
            lambda c: len(oracle.deadlines(c, day, ref=ref)),
            lambda c: len(lists.deadlines(c, day, Scope(ref=ref)).items),
        ),
        (
            lambda c: len(oracle.violations(c, day)[:PAGE]),
            lambda c: lists.violations(c, day, limit=PAGE).total,
        ),
    ]
    _former_indexes(engine, True)
    with engine.sql.connect() as c:
        befores = [_time(c, before, repeat) for before, _ in pairs]
    _former_indexes(engine, False)
    with engine.sql.connect() as c:
        return [
            Figure(store, units, events, rows, question, after(c), before, _time(c, after, repeat))
            for question, before, (_, after) in zip(QUESTIONS, befores, pairs, strict=True)
        ]


def run(url: str, store: str, sizes: list[int], reports: int, repeat: int) -> list[Figure]:
    figures: list[Figure] = []
    loaded = 0
    with Engine.open(url, default_unit=unit_name(0)) as engine:
        for size in sizes:
            for index in range(loaded, size):
                load(engine, nation_steps(1, reports, UNTIL, seed=11 + index, first=index))
            loaded = size
            engine.catch_up()
            figures += measure(engine, store, size, repeat)
            print(f"{store}: {size} đơn vị xong", flush=True)
    return figures


def markdown(figures: list[Figure], reports: int, repeat: int) -> str:
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT
    ).stdout.strip()
    lines = [
        "# Performance — deadline and violation lists",
        "",
        "Measured by `python benchmarks/bench_lists.py` (generated; do not edit by hand). Each "
        f"unit is one demo year of {reports} reports and the cases opened from them; the "
        f"lists are asked as of {UNTIL:%d/%m/%Y}, each {repeat} times after one warm-up, on "
        "one connection (the Engine's access check and catch-up come on top). `before`: the "
        "former answer, every deadline version valid on the day read back and filtered in "
        "Python; `after`: filtered, ordered, paged and counted by the database.",
        "",
        f"Machine: {platform.platform()}, Python {platform.python_version()}, "
        f"{multiprocessing.cpu_count()} CPU; PostgreSQL on the same machine. "
        f"Date: {date.today():%d/%m/%Y}. Commit: {commit}.",
        "",
        "| store | units | events | deadline rows | list | rows/total "
        "| before p50 ms | before p95 ms | after p50 ms | after p95 ms |",
        "|---|---:|---:|---:|---|---:|---:|---:|---:|---:|",
    ]
    for f in figures:
        lines.append(
            f"| {f.store} | {f.units} | {f.events} | {f.rows} | {f.question} | {f.answer} | "
            f"{_ms(f.before, 0.5):.1f} | {_ms(f.before, 0.95):.1f} | "
            f"{_ms(f.after, 0.5):.1f} | {_ms(f.after, 0.95):.1f} |"
        )
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--postgres", default=DEFAULT_POSTGRES)
    parser.add_argument("--no-postgres", action="store_true")
    parser.add_argument("--sizes", default="1,8,32")
    parser.add_argument("--reports", type=int, default=30)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "performance-lists.md")
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    figures: list[Figure] = []
    with tempfile.TemporaryDirectory() as tmp:
        sqlite = f"sqlite:///{tmp}/lists.db"
        figures += run(sqlite, "SQLite", sizes, args.reports, args.repeat)
    if not args.no_postgres:
        schema = f"qlahs_b_{uuid.uuid4().hex[:10]}"
        url = f"{args.postgres}{'&' if '?' in args.postgres else '?'}schema={schema}"
        try:
            figures += run(url, "PostgreSQL", sizes, args.reports, args.repeat)
        finally:
            admin = sa.create_engine(
                args.postgres.replace("postgresql://", "postgresql+psycopg://")
            )
            with admin.begin() as connection:
                connection.execute(sa.text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
            admin.dispose()
    text = markdown(figures, args.reports, args.repeat)
    args.out.write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
