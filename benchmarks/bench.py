"""How much qlahs costs on top of raw eventsourcing: `python benchmarks/bench.py` (`make bench`).

One run measures, on a temporary SQLite file and on PostgreSQL (a fresh schema, dropped at
the end), two ratios against the bare library doing the same work:

1. commands per second — `Engine.execute()` of a stream of module-1 commands (dict form, as
   the CLI and the scenarios send them) versus `Application.save()` of the very same events,
   one save per event (one transaction per command), into a second fresh store with the same
   persistence module, mapper and transcoder;
2. projection rebuild — `Engine.replay()` (every read model rebuilt from nothing) versus
   paging `recorder.select_notifications()` and decoding with `mapper.to_domain_event()`.

The results are printed as a table and written to `docs/performance.md`. The target for both
ratios is at least 50% of raw.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import os
import platform
import random
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from importlib.metadata import version as package_version
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from eventsourcing.domain import DomainEventProtocol
from rich.console import Console
from rich.table import Table
from sqlalchemy.engine import make_url

from qlahs.engine import Engine
from qlahs.kernel.bounds import FIRST_ACT_DAY
from qlahs.scenario.units import establish_units
from qlahs.store import EventLog, Location, locate, open_event_log

TARGET = 0.5  # qlahs should reach at least half of raw eventsourcing's throughput
DEFAULT_REPORTS = 2000
QUICK_REPORTS = 200
PAGE = 1000
CHUNK = 250  # commands per alternation between qlahs and raw
RAW_READS = 3  # raw read+decode runs per qlahs rebuild run
DEFAULT_POSTGRES = "postgresql://postgres@127.0.0.1:5432/test"
HISTORY_KEEP = 20

console = Console(width=None if sys.stdout.isatty() else 120)


# -- the workload -------------------------------------------------------------------------------

UNITS = tuple(f"VKS-HN-KV{i:02d}" for i in range(1, 6))
SOURCES = ("to_giac", "tin_bao", "kien_nghi_khoi_to")
BODIES = ("CQDT",) * 8 + ("CQ_KHAC", "VKS")
SUMMARIES = (
    "Trộm cắp tài sản (xe máy)",
    "Cố ý gây thương tích",
    "Lừa đảo chiếm đoạt tài sản qua mạng",
    "Đánh bạc",
    "Tàng trữ trái phép chất ma túy",
)


def report_commands(
    rng: random.Random, ref: str, received: date
) -> list[tuple[date, int, dict[str, Any]]]:
    """One crime report's life: receive, notify, assign, sometimes extend, decide."""
    unit = rng.choice(UNITS)

    def step(
        offset: int, order: int, action: str, **fields: Any
    ) -> tuple[date, int, dict[str, Any]]:
        on = received + timedelta(days=offset)
        command: dict[str, Any] = {
            "on": on.isoformat(),
            "do": action,
            "ref": ref,
            "unit": unit,
            "actor": f"can_bo_{rng.randint(1, 40):02d}",
        }
        if fields:
            command["with"] = fields
        return on, order, command

    steps = [
        step(
            0,
            0,
            "report.receive",
            source=rng.choice(SOURCES),
            received_by=rng.choice(BODIES),
            summary=rng.choice(SUMMARIES),
            reporter=f"Nguyễn Văn {rng.randint(1, 999)}",
            suspects=[f"Đối tượng {rng.randint(1, 999)}"] if rng.random() < 0.6 else [],
        ),
        step(rng.randint(0, 4), 1, "report.notify_procuracy"),  # sometimes late (> 3 days)
        step(
            rng.randint(0, 3), 2, "report.assign_prosecutor", prosecutor=f"KSV {rng.randint(1, 30)}"
        ),
    ]
    extended = rng.random() < 0.3
    if extended:
        until = received + timedelta(days=rng.choice((45, 55, 60)))
        step_fields: dict[str, Any] = {"until": until.isoformat()} if rng.random() < 0.5 else {}
        steps.append(step(rng.randint(15, 19), 3, "report.extend", **step_fields))
        decided = rng.randint(21, 62)
    else:
        decided = rng.randint(5, 24)  # a few of these miss the 20-day limit
    if rng.random() < 0.4:
        steps.append(step(decided, 4, "report.decide", outcome="khoi_to", case=f"VA-{ref}"))
    else:
        steps.append(step(decided, 4, "report.decide", outcome="khong_khoi_to"))
    return steps


def workload(reports: int, prefix: str, seed: int) -> list[dict[str, Any]]:
    """Commands of `reports` crime reports received over a year, in the order they happen, so
    that many reports are open at once as in a real procuracy."""
    rng = random.Random(seed)
    start = date(2025, 1, 2)
    timeline: list[tuple[date, int, int, dict[str, Any]]] = []
    for index in range(reports):
        received = start + timedelta(days=rng.randint(0, 364))
        for on, order, command in report_commands(rng, f"{prefix}{index:05d}", received):
            timeline.append((on, order, index, command))
    timeline.sort(key=lambda item: (item[0], item[1], item[2]))
    return [command for _on, _order, _index, command in timeline]


# -- measuring ----------------------------------------------------------------------------------


@dataclass
class Pair:
    """One measure: qlahs and raw eventsourcing over the same events."""

    measure: str
    events: int
    qlahs_seconds: float
    raw_seconds: float
    note: str = ""

    @property
    def qlahs_rate(self) -> float:
        return self.events / self.qlahs_seconds if self.qlahs_seconds else 0.0

    @property
    def raw_rate(self) -> float:
        return self.events / self.raw_seconds if self.raw_seconds else 0.0

    @property
    def ratio(self) -> float:
        return self.qlahs_rate / self.raw_rate if self.raw_rate else 0.0

    @property
    def met(self) -> bool:
        return self.ratio >= TARGET


@dataclass
class BackendResult:
    backend: str
    version: str = ""
    pairs: list[Pair] = field(default_factory=list)
    error: str | None = None


@dataclass
class Options:
    reports: int
    warmup: int
    repeats: int
    seed: int
    profile: Path | None


class Profiles:
    """Optional cProfile stats of the qlahs side (timings are then inflated)."""

    def __init__(self, directory: Path | None):
        self.directory = directory
        self.profilers: dict[str, cProfile.Profile] = {}
        if directory is not None:
            directory.mkdir(parents=True, exist_ok=True)

    @contextlib.contextmanager
    def __call__(self, name: str) -> Iterator[None]:
        if self.directory is None:
            yield
            return
        profiler = self.profilers.setdefault(name, cProfile.Profile())
        profiler.enable()
        try:
            yield
        finally:
            profiler.disable()

    def dump(self) -> None:
        if self.directory is None:
            return
        for name, profiler in self.profilers.items():
            profiler.dump_stats(self.directory / f"{name}.prof")
            console.print(f"cProfile stats: {self.directory / name}.prof")


def timed(action: Callable[[], Any]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def read_log(log: EventLog, after: int = 0) -> list[DomainEventProtocol[uuid.UUID]]:
    """The log's events after notification `after`, paged and decoded (the raw side of a
    rebuild)."""
    out: list[DomainEventProtocol[uuid.UUID]] = []
    position = after
    while True:
        page = log.recorder.select_notifications(
            start=position, limit=PAGE, inclusive_of_start=False
        )
        if not page:
            return out
        to_domain_event = log.mapper.to_domain_event
        out.extend(to_domain_event(notification) for notification in page)
        position = page[-1].id


def event_count(log: EventLog) -> int:
    return int(log.recorder.max_notification_id() or 0)


def run_backend(
    result: BackendResult,
    qlahs_url: str,
    raw_location: Location,
    options: Options,
    profiles: Profiles,
) -> None:
    """Both measures on one backend; the caller provides fresh, empty stores.

    qlahs and raw alternate in chunks of CHUNK commands (and rebuild repeats alternate too),
    so that both sides see the same disk and machine conditions.
    """
    label = result.backend.lower()
    warm = workload(options.warmup, "WARM-", options.seed + 1)
    stream = workload(options.reports, "TB-", options.seed)
    with Engine.open(qlahs_url) as engine:
        raw = open_event_log(raw_location)
        try:
            # warm-up, not timed: the workload's units, the same commands, then the same
            # events, on both sides
            establish_units(engine, UNITS, FIRST_ACT_DAY)
            for command in warm:
                engine.execute(command)
            for event in read_log(engine.log):
                raw.save(event)
            warm_events = event_count(engine.log)
            console.print(
                f"  [{result.backend}] {len(stream)} commands: execute() and save(), "
                f"alternating in chunks of {CHUNK}…"
            )
            qlahs_seconds = raw_seconds = 0.0
            for first in range(0, len(stream), CHUNK):
                chunk = stream[first : first + CHUNK]
                position = event_count(engine.log)
                with profiles(f"{label}-execute"):
                    start = time.perf_counter()
                    for command in chunk:
                        engine.execute(command)
                    qlahs_seconds += time.perf_counter() - start
                # raw eventsourcing: copies of the events this chunk recorded, one save each
                events = read_log(engine.log, after=position)
                start = time.perf_counter()
                for event in events:
                    raw.save(event)
                raw_seconds += time.perf_counter() - start
            total = event_count(engine.log)
            if event_count(raw) != total:
                raise RuntimeError(f"raw store has {event_count(raw)} events, qlahs {total}")
        finally:
            raw.close()
        result.pairs.append(
            Pair(
                "commands",
                total - warm_events,
                qlahs_seconds,
                raw_seconds,
                f"execute() vs save(): {len(stream)} commands for {options.reports} reports "
                f"({len(stream) / options.reports:.2f} per report), one transaction each",
            )
        )
        # 2. projection rebuild over the whole log: one untimed warm-up each, then repeats
        console.print(f"  [{result.backend}] rebuilding read models over {total} events…")
        cold = timed(engine.replay)
        read_log(engine.log)
        qlahs_runs: list[float] = []
        raw_runs: list[float] = []
        for _attempt in range(options.repeats):
            with profiles(f"{label}-replay"):
                qlahs_runs.append(timed(engine.replay))
            # the raw read is short (~0.1 s), so it gets RAW_READS runs per qlahs run
            raw_runs += [timed(lambda: read_log(engine.log)) for _ in range(RAW_READS)]
        result.pairs.append(
            Pair(
                "rebuild",
                total,
                statistics.median(qlahs_runs),
                statistics.median(raw_runs),
                f"replay() vs select_notifications() + to_domain_event(), medians of "
                f"{options.repeats} and {options.repeats * RAW_READS} runs; the first (cold) "
                f"replay ran at {total / cold:,.0f} ev/s" + read_model_rows(engine),
            )
        )


def read_model_rows(engine: Engine) -> str:
    """How many read-model rows a rebuild writes (the raw side writes none)."""
    tables: Any = getattr(engine.projector, "tables", None)
    if not tables:
        return ""
    with engine.sql.connect() as connection:
        rows = sum(
            int(connection.execute(sa.select(sa.func.count()).select_from(table)).scalar_one())
            for table in tables
        )
    return f"; it writes {rows:,} read-model rows, the raw side none"


def bench_sqlite(options: Options, profiles: Profiles) -> BackendResult:
    result = BackendResult("SQLite", sqlite3.sqlite_version)
    directory = tempfile.mkdtemp(prefix="qlahs-bench-")
    try:
        run_backend(
            result,
            f"sqlite:///{directory}/qlahs.db",
            locate(f"sqlite:///{directory}/raw.db"),
            options,
            profiles,
        )
    finally:
        shutil.rmtree(directory, ignore_errors=True)
    return result


def postgres_url() -> str:
    return os.environ.get(
        "QLAHS_BENCH_POSTGRES_URL", os.environ.get("QLAHS_TEST_POSTGRES_URL", DEFAULT_POSTGRES)
    )


def with_schema(url: str, schema: str) -> str:
    parsed = make_url(url)
    query = {k: v for k, v in parsed.query.items() if k != "schema"}
    query["schema"] = schema
    return parsed.set(query=query).render_as_string(hide_password=False)


def bench_postgres(options: Options, profiles: Profiles) -> BackendResult:
    result = BackendResult("PostgreSQL")
    base = postgres_url()
    admin_location = locate(base)
    admin = sa.create_engine(
        admin_location.sql_url, connect_args={"connect_timeout": 5}, poolclass=sa.NullPool
    )
    try:
        with admin.connect() as connection:
            result.version = str(connection.execute(sa.text("SHOW server_version")).scalar_one())
    except Exception as error:  # any driver or network error: report it and go on
        admin.dispose()
        reason = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        result.error = f"PostgreSQL unreachable at {safe_url(base)}: {reason}"
        return result
    schema = f"qlahs_bench_{uuid.uuid4().hex[:10]}"
    schemas = (schema, f"{schema}_raw")
    try:
        with admin.begin() as connection:  # the raw store's schema is ours to create
            connection.execute(sa.text(f'CREATE SCHEMA IF NOT EXISTS "{schemas[1]}"'))
        run_backend(
            result,
            with_schema(base, schemas[0]),
            locate(with_schema(base, schemas[1])),
            options,
            profiles,
        )
    except Exception as error:
        result.error = f"PostgreSQL run failed: {type(error).__name__}: {error}"
    finally:
        with admin.begin() as connection:
            for name in schemas:
                connection.execute(sa.text(f'DROP SCHEMA IF EXISTS "{name}" CASCADE'))
        admin.dispose()
    return result


def safe_url(url: str) -> str:
    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:
        return "<invalid URL>"


# -- where and when -----------------------------------------------------------------------------


def repo_root() -> Path:
    here = Path(__file__).resolve().parents[2]
    return here if (here / "pyproject.toml").exists() else Path.cwd()


def git(*args: str) -> str | None:
    try:
        done = subprocess.run(
            ["git", "--no-optional-locks", *args],
            cwd=repo_root(),
            capture_output=True,
            text=True,
            timeout=10,
            check=True,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout.strip()


def commit() -> str:
    head = git("rev-parse", "--short", "HEAD")
    if head is None:
        return "unknown"
    dirty = git("status", "--porcelain", "--untracked-files=no")
    return f"{head}-dirty" if dirty else head


def read_text(path: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""


def machine() -> dict[str, str]:
    cpuinfo = read_text("/proc/cpuinfo")
    model = re.search(r"^model name\s*:\s*(.+)$", cpuinfo, re.MULTILINE)
    meminfo = re.search(r"^MemTotal:\s*(\d+) kB", read_text("/proc/meminfo"), re.MULTILINE)
    release = re.search(r'^PRETTY_NAME="?([^"\n]+)"?', read_text("/etc/os-release"), re.MULTILINE)
    libraries = ", ".join(
        f"{name} {package_version(name)}"
        for name in ("eventsourcing", "SQLAlchemy", "psycopg", "pydantic")
    )
    return {
        "CPU": model.group(1).strip() if model else platform.processor() or "unknown",
        "Cores": str(os.cpu_count() or "unknown"),
        "RAM": f"{int(meminfo.group(1)) / 1024 / 1024:.1f} GiB" if meminfo else "unknown",
        "OS": f"{release.group(1) if release else platform.system()} (kernel {platform.release()})",
        "Python": f"{platform.python_version()} ({platform.python_implementation()})",
        "Libraries": libraries,
    }


# -- reporting ----------------------------------------------------------------------------------


def print_table(results: list[BackendResult]) -> None:
    table = Table(title="qlahs vs raw eventsourcing (events per second)")
    for name, justify in (
        ("Backend", "left"),
        ("Measure", "left"),
        ("Events", "right"),
        ("qlahs s", "right"),
        ("qlahs ev/s", "right"),
        ("raw s", "right"),
        ("raw ev/s", "right"),
        ("qlahs/raw", "right"),
        (f"≥ {TARGET:.0%}", "center"),
    ):
        table.add_column(name, justify=justify)  # type: ignore[arg-type]
    for result in results:
        if result.error:
            table.add_row(result.backend, "[red]not measured[/]", *[""] * 7)
        for pair in result.pairs:
            table.add_row(
                result.backend,
                pair.measure,
                f"{pair.events:,}",
                f"{pair.qlahs_seconds:.2f}",
                f"{pair.qlahs_rate:,.0f}",
                f"{pair.raw_seconds:.2f}",
                f"{pair.raw_rate:,.0f}",
                f"{pair.ratio:.0%}",
                "[green]met[/]" if pair.met else "[red]not met[/]",
            )
    console.print(table)


HISTORY_HEAD = "| Date | Commit | Backend | Reports | Commands ratio | Rebuild ratio |"


def history_rows(previous: str) -> list[str]:
    """The History table rows of the previous file (which already include its own run)."""
    rows: list[str] = []
    inside = False
    for line in previous.splitlines():
        if line.startswith(HISTORY_HEAD):
            inside = True
            continue
        if inside:
            if line.startswith("|---") or line.startswith("| ---"):
                continue
            if not line.startswith("|"):
                break
            rows.append(line)
    return rows


# written by hand from benchmarks/bench_catch_up.py and bench_generate.py, and by
# benchmarks/bench_http.py, bench_workers.py and the benchmarks of generated stores
# (bench_scale.py, bench_stats.py, bench_known_at.py): kept as they were
KEPT_SECTIONS = (
    "## Catch-up after one event (incremental projection)",
    "## Catch-up of one more number, book projected act by act",
    "## Generator",
    "## HTTP service",
    "## Projection workers",
    "## Lists at scale",
    "## Statistics read from kept facts",
    "## Lists as known at a moment",
)


def drop_schema(base: str, schema: str) -> None:
    """Drop a benchmark's schema from the PostgreSQL database at `base`."""
    admin = sa.create_engine(locate(base).sql_url, poolclass=sa.NullPool)
    with admin.begin() as connection:
        connection.execute(sa.text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
    admin.dispose()


def write_section(lines: list[str], path: Path) -> None:
    """Replace the section headed `lines[0]` in docs/performance.md, or put it before the
    History: the section of a benchmark other than this one, which keeps it."""
    text = path.read_text(encoding="utf-8") if path.exists() else "# Performance\n"
    old = text.splitlines()
    if lines[0] in old:
        start = old.index(lines[0])
        end = next((i for i in range(start + 1, len(old)) if old[i].startswith("## ")), len(old))
        new = old[:start] + lines + ([""] if end < len(old) else []) + old[end:]
    elif "## History" in old:
        at = old.index("## History")
        new = old[:at] + lines + [""] + old[at:]
    else:
        new = [*old, "", *lines]
    path.write_text("\n".join(new) + "\n", encoding="utf-8")


def kept_section(previous: str) -> list[str]:
    """The sections of the previous file other benchmarks or people write, kept as they were
    (each up to the next heading)."""
    lines = previous.splitlines()
    kept: list[str] = []
    for heading in KEPT_SECTIONS:
        if heading not in lines:
            continue
        start = lines.index(heading)
        end = next(
            (i for i in range(start + 1, len(lines)) if lines[i].startswith("## ")), len(lines)
        )
        section = lines[start:end]
        while section and not section[-1].strip():
            section.pop()  # the blank line before the next heading is put back once, above
        kept += ["", *section]
    return kept


def markdown(
    results: list[BackendResult], options: Options, started: datetime, elapsed: float, previous: str
) -> str:
    when = started.strftime("%Y-%m-%d %H:%M %Z").strip()
    revision = commit()
    info = machine()
    for result in results:
        info[result.backend] = result.version or "unknown"
    lines = [
        "# Performance",
        "",
        "Generated by `make bench` (`python benchmarks/bench.py`); the file is rewritten on "
        "each run,",
        "keeping only the History table at the end.",
        "",
        f"- **Date:** {when}",
        f"- **Commit:** `{revision}`",
        f"- **Run:** {options.reports} reports (+{options.warmup} warm-up), "
        f"seed {options.seed}, {options.repeats} rebuild repeat(s), {elapsed:.0f} s in total"
        + (" — **profiled with cProfile, timings inflated**" if options.profile else ""),
        "",
        "## Machine",
        "",
        "| | |",
        "|---|---|",
        *[f"| {key} | {value} |" for key, value in info.items()],
        "",
        "## Method",
        "",
        "- **Workload.** A year of crime reports (module 1) in date order, so many reports are",
        "  open at once: each is `report.receive`, `report.notify_procuracy`,",
        "  `report.assign_prosecutor`, in 30% of cases `report.extend`, then `report.decide`",
        "  (one event per command). Commands are sent in the dict form",
        "  (`{on, do, ref, unit, actor, with}`) that the CLI and the scenarios use, so pydantic",
        "  validation is included.",
        "- **Commands.** qlahs: `Engine.execute()` of every command (one transaction each).",
        "  Raw: the events that run recorded are read back, decoded, and each one is written with",
        "  `Application.save(event)` into a second fresh store of the same kind (same",
        "  `EventLog` class: same persistence module, mapper and transcoder). The two sides",
        f"  alternate in chunks of {CHUNK} commands so that both see the same disk and machine",
        "  conditions; the same warm-up commands/events go first on both sides, untimed.",
        "- **Rebuild.** qlahs: `Engine.replay()` — delete every read-model row and project the",
        "  whole log again (pages of 1,000 notifications, one transaction per page). Raw:",
        "  `recorder.select_notifications()` in pages of 1,000 plus `mapper.to_domain_event()`",
        "  of every notification. One untimed warm-up run each, then the median of the repeats",
        f"  (qlahs and raw alternating; raw, being short, runs {RAW_READS} times per qlahs run).",
        "- **Backends.** SQLite: temporary files (WAL, eventsourcing's SQLite recorder).",
        "  PostgreSQL: fresh schemas `qlahs_bench_<random>` (qlahs) and `…_raw` in the database",
        "  of `QLAHS_BENCH_POSTGRES_URL` / `QLAHS_TEST_POSTGRES_URL` / the local default,",
        "  dropped at the end. One process, `time.perf_counter()`.",
        "",
        "## Results",
        "",
        "| Backend | Measure | Events | qlahs s | qlahs ev/s | raw s | raw ev/s | qlahs/raw "
        f"| Target ≥ {TARGET:.0%} |",
        "|---|---|---:|---:|---:|---:|---:|---:|:---:|",
    ]
    notes: list[str] = []
    for result in results:
        if result.error:
            lines.append(f"| {result.backend} | **not measured:** {result.error} | | | | | | | |")
        for pair in result.pairs:
            lines.append(
                f"| {result.backend} | {pair.measure} | {pair.events:,} | {pair.qlahs_seconds:.2f} "
                f"| {pair.qlahs_rate:,.0f} | {pair.raw_seconds:.2f} | {pair.raw_rate:,.0f} "
                f"| {pair.ratio:.0%} | {'met' if pair.met else '**not met**'} |"
            )
            if pair.note:
                notes.append(f"- {result.backend}, {pair.measure}: {pair.note}.")
    lines += ["", *notes, "", "## Targets", ""]
    measured = [pair for result in results for pair in result.pairs]
    for result in results:
        if result.error:
            lines.append(f"- {result.backend}: not measured ({result.error}).")
            continue
        for pair in result.pairs:
            verdict = "met" if pair.met else "**not met**"
            lines.append(
                f"- {result.backend}, {pair.measure}: {pair.ratio:.0%} of raw "
                f"(target ≥ {TARGET:.0%}) — {verdict}."
            )
    if measured:
        overall = "all met" if all(pair.met for pair in measured) else "**not all met**"
        lines.append(f"- Overall: {overall}.")
    lines += [
        "",
        "## Reading the results",
        "",
        "- Both sides of *commands* commit one transaction per event, so on SQLite the fsync",
        "  of each commit bounds both; the difference is what qlahs adds per command: pydantic",
        "  validation, the subject from the repository's cache (neither copied nor re-read:",
        "  the engine evicts it when a save fails), the stage check and building the result.",
        "- The raw side of *rebuild* only reads and decodes (8-13 µs an event). qlahs also runs",
        "  the deadline rules over each subject and writes the read-model rows (see the count",
        "  above: about two rows an event). On PostgreSQL the rows go by COPY and a page's",
        "  keys are read in one statement; profiled after that (8,909 generated events), the",
        "  rules take about a quarter of the rebuild, the books a quarter, decoding a tenth and",
        "  the SQL writes a quarter: the rebuild cannot reach half of a baseline that writes",
        "  nothing and judges nothing. Workers (section below) spread it over cores.",
        "- The SQLite figures depend on the disk's fsync latency and vary by 20-40% between",
        "  runs on a shared machine; compare ratios rather than absolute rates.",
    ]
    rows = history_rows(previous)
    for result in results:
        ratios = {pair.measure: f"{pair.ratio:.0%}" for pair in result.pairs}
        rows.append(
            f"| {started:%Y-%m-%d} | `{revision}` | {result.backend} | {options.reports} "
            f"| {ratios.get('commands', 'n/a')} | {ratios.get('rebuild', 'n/a')} |"
        )
    lines += kept_section(previous)
    while lines and not lines[-1]:
        lines.pop()
    lines += [
        "",
        "## History",
        "",
        HISTORY_HEAD,
        "|---|---|---|---:|---:|---:|",
        *rows[-HISTORY_KEEP:],
        "",
    ]
    return "\n".join(lines)


# -- entry point --------------------------------------------------------------------------------


def parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python benchmarks/bench.py",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--reports", type=int, default=None, help=f"crime reports (default {DEFAULT_REPORTS})"
    )
    parser.add_argument(
        "--quick", action="store_true", help=f"{QUICK_REPORTS} reports, one rebuild repeat"
    )
    parser.add_argument("--repeats", type=int, default=None, help="rebuild repeats (default 3)")
    parser.add_argument("--seed", type=int, default=2025)
    parser.add_argument("--no-postgres", action="store_true", help="measure SQLite only")
    parser.add_argument(
        "--out",
        type=Path,
        default=None,
        help="where to write the report (default docs/performance.md of the project)",
    )
    parser.add_argument(
        "--profile",
        type=Path,
        default=None,
        metavar="DIR",
        help="dump cProfile stats of the qlahs side into DIR (inflates the timings)",
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    reports = args.reports or (QUICK_REPORTS if args.quick else DEFAULT_REPORTS)
    if reports < 1:
        console.print("[red]--reports must be at least 1[/]")
        return 2
    options = Options(
        reports=reports,
        warmup=max(10, min(100, reports // 20)),
        repeats=max(1, args.repeats or (1 if args.quick else 3)),
        seed=args.seed,
        profile=args.profile,
    )
    profiles = Profiles(args.profile)
    started = datetime.now().astimezone()
    clock = time.perf_counter()
    console.print(
        f"qlahs bench: {options.reports} reports (+{options.warmup} warm-up), "
        f"{options.repeats} rebuild repeat(s)"
    )
    results: list[BackendResult] = []
    console.print("[bold]SQLite[/]")
    results.append(bench_sqlite(options, profiles))
    if args.no_postgres:
        results.append(BackendResult("PostgreSQL", error="skipped (--no-postgres)"))
    else:
        console.print(f"[bold]PostgreSQL[/] ({safe_url(postgres_url())})")
        results.append(bench_postgres(options, profiles))
    for result in results:
        if result.error:
            console.print(f"[yellow]{result.backend}: {result.error}[/]")
    elapsed = time.perf_counter() - clock
    profiles.dump()
    print_table(results)
    out = args.out or repo_root() / "docs" / "performance.md"
    previous = out.read_text(encoding="utf-8") if out.exists() else ""
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(markdown(results, options, started, elapsed, previous), encoding="utf-8")
    console.print(f"Written {out} ({elapsed:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
