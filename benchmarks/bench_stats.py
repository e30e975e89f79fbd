"""Statistical reports read from the facts the projector keeps, beside the same reports
replayed from the log (the way every report was made before, the baseline), on stores made
by `qlahs generate`: `python benchmarks/bench_stats.py --db LABEL=URL [--db …] [--repeat 2]`.

Asked as of the generator's last day, each in a fresh process (its time and peak RSS are
its own, the engine already open and caught up): the nation's working year, the busiest
province's year with its units, and the busiest unit's month. The two ways alternate, and
each answer is checked to give the same figures. Writes the section "## Statistics read from
kept facts" of docs/performance.md (kept there by bench.py).
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from bench import commit, machine, write_section

from qlahs.domain.organisation_unit import OrganisationUnit
from qlahs.engine import Engine
from qlahs.projections import tables as t
from qlahs.stats import snapshot as log
from qlahs.stats.compute import Report, compute, report_of
from qlahs.stats.organisation import Organisation
from qlahs.stats.periods import parse_period

ROOT = Path(__file__).resolve().parent.parent
HEADING = "## Statistics read from kept facts"
AS_OF = date(2026, 11, 27)  # the generator's last day


def questions(url: str) -> list[tuple[str, str | None, bool, str]]:
    """(what, unit, with its units, period) of the three reports asked of a store."""
    with Engine.open(url) as engine:
        engine.catch_up()
        f = t.subject_facts
        with engine.sql.connect() as connection:
            query = sa.select(f.c.unit).group_by(f.c.unit).order_by(sa.func.count().desc())
            unit = str(connection.execute(query.limit(1)).scalar_one())
        province = engine_province(engine, unit)
    return [
        ("toàn quốc, năm công tác", None, False, f"y-{AS_OF.year}"),
        (
            f"tỉnh đông nhất ({province}), năm, gồm đơn vị trực thuộc",
            province,
            True,
            f"y-{AS_OF.year}",
        ),
        (f"đơn vị đông nhất ({unit}), một tháng", unit, False, f"{AS_OF:%Y-%m}"),
    ]


def engine_province(engine: Engine, unit: str) -> str:
    """The unit's parent province (the unit itself when it has none)."""
    # the units' acts only: the asking process stays small, as its children start from it
    organisation = Organisation.read(AS_OF, log.units(engine).of_kind(OrganisationUnit))
    return organisation.parent(unit) or unit


def one(url: str, way: str, unit: str | None, subunits: bool, period: str) -> dict[str, Any]:
    """One report, one way, in this process: seconds, peak RSS (MB) and a digest of it."""
    with Engine.open(url) as engine:
        engine.catch_up()
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        started = time.perf_counter()
        report: Report
        if way == "stored":
            report = compute(engine, unit, parse_period(period), with_subunits=subunits)
        else:
            units, subjects = log.stream(engine)
            report = report_of(
                units,
                unit,
                parse_period(period),
                with_subunits=subunits,
                rulebook=engine.rulebook,
                calendar=engine.calendar,
                subjects=subjects,
            )
        seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    digest = [
        sorted(report.total.items()),
        len(report.findings),
        [sorted(m.items()) for _, m in report.months],
    ]
    return {"seconds": seconds, "rss": peak, "opened": before, "digest": json.dumps(digest)}


def measure(label: str, url: str, repeat: int) -> list[str]:
    rows: list[str] = []
    with Engine.open(url) as engine:
        events = engine.log.recorder.max_notification_id() or 0
    for what, unit, subunits, period in questions(url):
        found: dict[str, list[dict[str, Any]]] = {"stored": [], "replayed": []}
        for _ in range(repeat):
            for way in found:
                argv = [
                    sys.executable,
                    __file__,
                    "--one",
                    url,
                    way,
                    unit or "",
                    str(subunits),
                    period,
                ]
                done = subprocess.run(argv, capture_output=True, text=True, check=True)
                found[way].append(json.loads(done.stdout.strip().splitlines()[-1]))
        digests = {answer["digest"] for answers in found.values() for answer in answers}
        if len(digests) != 1:
            raise SystemExit(f"{label}, {what}: stored and replayed figures differ")
        stored = min(a["seconds"] for a in found["stored"])
        replayed = min(a["seconds"] for a in found["replayed"])
        rss_stored = max(a["rss"] for a in found["stored"])
        rss_replayed = max(a["rss"] for a in found["replayed"])
        rows.append(
            f"| {label} | {events:,} | {what} | {stored:.2f} | {replayed:.2f} | "
            f"{replayed / stored:.1f}× | {rss_stored:.0f} | {rss_replayed:.0f} |"
        )
    return rows


def main() -> None:
    if sys.argv[1:2] == ["--one"]:
        url, way, unit, subunits, period = sys.argv[2:7]
        print(json.dumps(one(url, way, unit or None, subunits == "True", period)))
        return
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", action="append", required=True, help="LABEL=URL")
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "performance.md")
    args = parser.parse_args()
    table: list[str] = []
    for given in args.db:
        label, url = given.split("=", 1)
        table += measure(label, url, args.repeat)
    info = machine()
    when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    section = [
        HEADING,
        "",
        "Measured by `python benchmarks/bench_stats.py` on stores made by `qlahs generate` "
        f"(seed 7, acts up to {AS_OF:%d/%m/%Y}), PostgreSQL, as known now. *Read*: "
        "`stats.compute`, each counted subject read from its facts row and its deadline and "
        "violation rows; "
        "*replayed*: the same report from the log (`stats.snapshot.stream` + `report_of`), the "
        f"way before, as the baseline. Each in a fresh process, best of {args.repeat}, the two "
        "alternating; both gave the same figures. RSS is the process's peak, the opened engine "
        "included. This section is rewritten by the script; `make bench` keeps it.",
        "",
        f"- **Date:** {when}. **Commit:** `{commit()}`. **Machine:** {info['CPU']}, "
        f"{info['Cores']} cores, shared.",
        "",
        "| store | events | report | read s | replayed s | speed-up | read MB | replayed MB |",
        "|---|---:|---|---:|---:|---:|---:|---:|",
        *table,
    ]
    print("\n".join(section))
    write_section(section, args.out)


if __name__ == "__main__":
    main()
