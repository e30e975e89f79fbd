"""The questions people ask, on stores made by `qlahs generate` at unit, province and nation
scale: `python benchmarks/bench_scale.py --db LABEL=URL [--db LABEL=URL …] [--repeat 30]`.

Each store is opened as the engine a leader's service opens (the system user, the catch-up
check included) and asked, as of the generator's last day: the nation's overdue list and
violation list (a page of 100 and the total), the deadlines due within 7 days, the busiest
unit's overdue list, the busiest record's deadlines, the busiest unit's intake book (Sổ 04)
for the year, and the busiest case as of a day in its history. p50 and p95 in ms after one
warm-up; the peak RSS of the process. Writes the section "## Lists at scale" of
docs/performance.md (kept there by bench.py).
"""

from __future__ import annotations

import argparse
import resource
import time
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from bench import commit, machine, write_section

from qlahs.engine import Engine
from qlahs.projections import tables as t
from qlahs.projections.case_queries import case_as_of

ROOT = Path(__file__).resolve().parent.parent
HEADING = "## Lists at scale"
AS_OF = date(2026, 11, 27)  # the generator's last day
PAGE = 100


def _ms(samples: list[float], quantile: float) -> float:
    ordered = sorted(samples)
    return 1000 * ordered[min(len(ordered) - 1, int(quantile * len(ordered)))]


def _busiest(connection: sa.Connection, column: sa.Column[Any]) -> str:
    query = sa.select(column).group_by(column).order_by(sa.func.count().desc(), column).limit(1)
    return str(connection.execute(query).scalar_one())


def _longest_case(connection: sa.Connection) -> str:
    s = t.subjects
    query = sa.select(s.c.ref).where(s.c.kind == "case").order_by(s.c.version.desc(), s.c.ref)
    return str(connection.execute(query.limit(1)).scalar_one())


def measure(label: str, url: str, repeat: int) -> list[str]:
    rows: list[str] = []
    with Engine.open(url) as engine:
        engine.catch_up()
        with engine.sql.connect() as connection:
            events = engine.log.recorder.max_notification_id() or 0
            versions = connection.execute(
                sa.select(sa.func.count()).select_from(t.deadline_versions)
            ).scalar_one()
            unit = _busiest(connection, t.deadline_versions.c.unit)
            ref = _busiest(connection, t.deadline_versions.c.ref)
            case = _longest_case(connection)
        first_day = engine.history("case", case)[0].day
        middle = first_day + (AS_OF - first_day) / 2
        year = AS_OF.year
        questions: list[tuple[str, Callable[[], Any]]] = [
            (
                "quá hạn toàn quốc (trang 100 + tổng)",
                lambda: engine.overdue_page(AS_OF, limit=PAGE),
            ),
            (
                "vi phạm toàn quốc (trang 100 + tổng)",
                lambda: engine.violation_page(AS_OF, limit=PAGE),
            ),
            (
                "đến hạn trong 7 ngày, toàn quốc (trang 100 + tổng)",
                lambda: engine.due_within_page(AS_OF, 7, limit=PAGE),
            ),
            (
                "quá hạn đơn vị đông nhất (trang 100 + tổng)",
                lambda: engine.overdue_page(AS_OF, unit=unit, limit=PAGE),
            ),
            ("thời hạn một hồ sơ", lambda: engine.deadline_page(AS_OF, ref=ref)),
            (
                "sổ 04 của đơn vị đông nhất, cả năm",
                lambda: engine.book_rows("04", unit, year),
            ),
            ("vụ án tại một ngày", lambda: case_as_of(engine, case, middle)),
        ]
        for name, ask in questions:
            answer = ask()
            size = getattr(answer, "total", None)
            if size is None:
                size = len(answer) if isinstance(answer, list) else 1
            samples = []
            for _ in range(repeat):
                started = time.perf_counter()
                ask()
                samples.append(time.perf_counter() - started)
            rows.append(
                f"| {label} | {events:,} | {versions:,} | {name} | {size:,} | "
                f"{_ms(samples, 0.5):.1f} | {_ms(samples, 0.95):.1f} |"
            )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", action="append", required=True, help="LABEL=URL")
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "performance.md")
    args = parser.parse_args()
    table: list[str] = []
    for given in args.db:
        label, url = given.split("=", 1)
        table += measure(label, url, args.repeat)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    info = machine()
    when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    labels = ", ".join(given.split("=", 1)[0] for given in args.db)
    section = [
        HEADING,
        "",
        "Measured by `python benchmarks/bench_scale.py` on stores made by `qlahs generate` "
        f"({labels}; seed 7, period ending {AS_OF:%d/%m/%Y}), PostgreSQL; each question asked "
        f"through the Engine (system user, catch-up check included) as of {AS_OF:%d/%m/%Y}, "
        f"{args.repeat} times after one warm-up. This section is rewritten by the script; "
        "`make bench` keeps it.",
        "",
        f"- **Date:** {when}. **Commit:** `{commit()}`. **Machine:** {info['CPU']}, "
        f"{info['Cores']} cores, shared. **Peak RSS of the asking process:** {peak:.0f} MB.",
        "",
        "| store | events | deadline rows | question | rows or total | p50 ms | p95 ms |",
        "|---|---:|---:|---|---:|---:|---:|",
        *table,
    ]
    print("\n".join(section))
    write_section(section, args.out)


if __name__ == "__main__":
    main()
