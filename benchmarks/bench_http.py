"""The HTTP service under load: `python benchmarks/bench_http.py [--postgres URL]
[--clients 8] [--rounds 25] [--workers 2] [--seconds 300]`.

Starts `qlahs serve` on loopback over a fresh store, and 8 concurrent clients (threads, one
user of its own unit each, signed in with a bearer token) each run `--rounds` rounds of
two commands and two list reads: `POST /commands` (report.receive, with an Idempotency-Key),
`POST /commands/report.notify_procuracy` (the typed form), `GET /deadlines` (a page of 50 of
the unit's unfinished deadlines) and `GET /deadlines/overdue`. Bounded in count (rounds) and
in time (`--seconds`: a client stops starting rounds after it). Counts every request and
error, and the p50 and p95 latencies of commands and of lists.

The same requests are then made in-process (`Engine.as_user(...).execute`, `unfinished_page`,
`overdue_page`) on another fresh store of the same kind, one after another, so that the HTTP
figures stand beside the Engine's own cost in the same run. The section "HTTP service" of
docs/performance.md is rewritten with the figures (`benchmarks/bench.py` keeps it).
"""

from __future__ import annotations

import argparse
import os
import platform
import socket
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
from bench import drop_schema, write_section

from qlahs.access.users import profile_of
from qlahs.engine import Engine
from qlahs.law.units import units
from qlahs.oversight import access_admin, tokens

ROOT = Path(__file__).resolve().parent.parent
SECTION = "## HTTP service"
START = date(2025, 3, 3)


@dataclass
class Timings:
    commands: list[float] = field(default_factory=list)
    lists: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    elapsed: float = 0.0

    @property
    def requests(self) -> int:
        return len(self.commands) + len(self.lists) + len(self.errors)


def _steps(client: int, round_: int) -> list[tuple[str, str, dict[str, Any]]]:
    """(kind, path, body or params) of one round of one client."""
    ref = f"TB-HTTP-{client}-{round_:04d}"
    on = START + timedelta(days=round_ % 200)
    receive = {
        "do": "report.receive",
        "ref": ref,
        "on": f"{on:%d/%m/%Y}",
        "command_id": f"nhan-{ref}",
        "with": {"source": "tin_bao", "received_by": "CQDT", "reporter": "Nguyễn Văn A"},
    }
    notify = {"ref": ref, "on": f"{on + timedelta(days=2):%d/%m/%Y}"}
    as_of = {"as_of": f"{on + timedelta(days=5):%d/%m/%Y}", "size": 50}
    return [
        ("command", "/commands", receive),
        ("command", "/commands/report.notify_procuracy", notify),
        ("list", "/deadlines", as_of),
        ("list", "/deadlines/overdue", as_of),
    ]


def _people(url: str, clients: int) -> list[tuple[str, str, str]]:
    """(login, unit, token) of one prosecutor in each of `clients` regional units."""
    codes = sorted(code for code in units().visible("VKSQN") if code.startswith("VKSKV"))
    found = []
    with Engine.open(url) as engine:
        for number in range(clients):
            unit = codes[number % len(codes)]
            login = f"ksv.tai{number}"
            profile = {"name": f"Kiểm sát viên {number}", "unit": unit, "roles": ["kiem_sat_vien"]}
            access_admin.enrol(engine, login, profile_of(login, profile))
            found.append((login, unit, tokens.issue(engine, login)[1]))
    return found


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def over_http(url: str, clients: int, rounds: int, workers: int, seconds: float) -> Timings:
    people = _people(url, clients)
    port = _free_port()
    command = [sys.executable, "-c", "from qlahs.cli import app; app()", "serve", "--db", url]
    command += ["--port", str(port), "--workers", str(workers)]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_for(base, server)
        return _load(base, people, rounds, seconds)
    finally:
        server.terminate()
        server.wait(timeout=30)


def _wait_for(base: str, server: subprocess.Popen[bytes]) -> None:
    for _ in range(600):
        if server.poll() is not None:
            raise SystemExit(
                f"qlahs serve stopped: {server.stderr.read().decode() if server.stderr else ''}"
            )
        try:
            if httpx.get(f"{base}/openapi.json", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.1)
    raise SystemExit("qlahs serve did not start within a minute")


def _load(base: str, people: list[tuple[str, str, str]], rounds: int, seconds: float) -> Timings:
    timings, lock = Timings(), threading.Lock()
    deadline = time.perf_counter() + seconds

    def client(number: int, token: str) -> None:
        headers = {"Authorization": f"Bearer {token}"}
        with httpx.Client(base_url=base, headers=headers, timeout=120) as http:
            for round_ in range(rounds):
                if time.perf_counter() > deadline:
                    return
                for kind, path, data in _steps(number, round_):
                    started = time.perf_counter()
                    try:
                        if kind == "command":
                            answer = http.post(path, json=data)
                        else:
                            answer = http.get(path, params=data)
                        failed = (
                            answer.status_code >= 400
                            and f"{answer.status_code} {answer.text[:200]}"
                        )
                    except httpx.HTTPError as error:
                        failed = repr(error)
                    took = time.perf_counter() - started
                    with lock:
                        if failed:
                            timings.errors.append(str(failed))
                        else:
                            (timings.commands if kind == "command" else timings.lists).append(took)

    threads = [
        threading.Thread(target=client, args=(number, token))
        for number, (_, _, token) in enumerate(people)
    ]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    timings.elapsed = time.perf_counter() - started
    return timings


def in_process(url: str, clients: int, rounds: int) -> Timings:
    people = _people(url, clients)
    timings = Timings()
    started = time.perf_counter()
    with Engine.open(url) as engine:
        views = [engine.as_user(login) for login, _, _ in people]
        for round_ in range(rounds):
            for number, view in enumerate(views):
                for kind, path, data in _steps(number, round_):
                    ask = _in_process_call(view, path, data)
                    begun = time.perf_counter()
                    ask()
                    took = time.perf_counter() - begun
                    (timings.commands if kind == "command" else timings.lists).append(took)
    timings.elapsed = time.perf_counter() - started
    return timings


def _in_process_call(view: Engine, path: str, data: dict[str, Any]) -> Callable[[], object]:
    if path == "/commands":
        return lambda: view.execute(data)
    if path.startswith("/commands/"):
        step = {"do": path.rsplit("/", 1)[1], "ref": data["ref"], "on": data["on"]}
        return lambda: view.execute(step)
    day = datetime.strptime(data["as_of"], "%d/%m/%Y").date()
    if path.endswith("overdue"):
        return lambda: view.overdue_page(day, limit=data["size"])
    return lambda: view.unfinished_page(day, limit=data["size"])


def _ms(values: list[float], share: float) -> str:
    if not values:
        return "—"
    ordered = sorted(values)
    return f"{ordered[min(len(ordered) - 1, int(share * len(ordered)))] * 1000:.0f}"


def _row(store: str, where: str, found: Timings) -> str:
    rate = found.requests / found.elapsed if found.elapsed else 0.0
    return (
        f"| {store} | {where} | {found.requests:,} | {len(found.errors)} | "
        f"{_ms(found.commands, 0.5)} / {_ms(found.commands, 0.95)} | "
        f"{_ms(found.lists, 0.5)} / {_ms(found.lists, 0.95)} | {rate:,.0f} | {found.elapsed:.1f} |"
    )


def _store(kind: str, postgres: str | None, folder: Path) -> str:
    if kind == "SQLite":
        return f"sqlite:///{folder}/{uuid.uuid4().hex[:8]}.db"
    assert postgres is not None
    schema = f"qlahs_bench_{uuid.uuid4().hex[:10]}"
    return f"{postgres}{'&' if '?' in postgres else '?'}schema={schema}"


def _drop(url: str) -> None:
    if "schema=" in url:
        drop_schema(url.split("?")[0], url.rsplit("schema=", 1)[1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postgres", help="also on this PostgreSQL database (a fresh schema)")
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--rounds", type=int, default=25, help="rounds of 4 requests per client")
    parser.add_argument("--workers", type=int, default=2, help="processes of qlahs serve")
    parser.add_argument("--seconds", type=float, default=300.0, help="bound on each HTTP run")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "performance.md")
    args = parser.parse_args()
    started = datetime.now(UTC)
    rows = []
    errors: list[str] = []
    with tempfile.TemporaryDirectory() as folder:
        for kind in ("SQLite", "PostgreSQL") if args.postgres else ("SQLite",):
            for where in ("HTTP", "in-process"):
                url = _store(kind, args.postgres, Path(folder))
                try:
                    if where == "HTTP":
                        found = over_http(
                            url, args.clients, args.rounds, args.workers, args.seconds
                        )
                    else:
                        found = in_process(url, args.clients, args.rounds)
                finally:
                    _drop(url)
                rows.append(_row(kind, where, found))
                errors += found.errors[:5]
                print(rows[-1], flush=True)
    revision = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    ).stdout.strip()
    intro = (
        "`python benchmarks/bench_http.py"
        + (" --postgres URL" if args.postgres else "")
        + f" --clients {args.clients} --rounds {args.rounds} --workers {args.workers}`: "
        f"`qlahs serve --workers {args.workers}` on loopback, {args.clients} concurrent clients "
        "(one user of its own unit each, bearer token), each round two commands "
        "(`POST /commands` report.receive with a command id, `POST "
        "/commands/report.notify_procuracy`) and two list reads (`GET /deadlines`, "
        "`GET /deadlines/overdue`, pages of 50); then the same requests in-process "
        "(`Engine.as_user(…)`, one after another) on a fresh store of the same kind. "
        "Latencies are per request, client side for HTTP. This section is rewritten by the "
        "script; `make bench` keeps it."
    )
    reading = (
        f"- Reading: a worker process serves one request at a time, so with {args.clients} "
        f"clients and {args.workers} workers an HTTP request mostly waits for those ahead of "
        "it; its latency is not the Engine's. Compare the requests per second (and the "
        "seconds for the same requests) with the in-process run, which asks one at a time."
    )
    lines = [
        SECTION,
        "",
        *textwrap.wrap(intro, 95),
        "",
        *textwrap.wrap(
            f"- **Date:** {started:%Y-%m-%d %H:%M} UTC. **Commit:** `{revision}`. **Machine:** "
            f"{os.cpu_count()} cores, Python {platform.python_version()}, shared with other "
            "work.",
            95,
            subsequent_indent="  ",
        ),
        "",
        "| Store | Where | Requests | Errors | Commands p50 / p95 ms | Lists p50 / p95 ms "
        "| Requests/s | Seconds |",
        "|---|---|---:|---:|---:|---:|---:|---:|",
        *rows,
        "",
        *textwrap.wrap(reading, 95, subsequent_indent="  "),
    ]
    if errors:
        lines += ["", "First errors: " + "; ".join(errors[:5])]
    write_section(lines, args.out)
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
