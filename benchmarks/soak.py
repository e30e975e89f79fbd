"""Soak test: writers, killed projection workers and a PostgreSQL crash, then nothing lost.

    python benchmarks/soak.py --minutes 10

Starts its own PostgreSQL cluster (Debian binaries, as the `postgres` user, in a temporary
directory, listening on 127.0.0.1 only), then for the given time: several writer processes
record reports, case acts and document numbers, each with a `command_id` and resent after any
failure; projection workers catch up and read, and are killed with SIGKILL at random and
restarted; once, in the middle, PostgreSQL itself is stopped in `immediate` mode (a crash)
and started again. At the end: every command a writer saw succeed is in the log exactly once,
no act is recorded twice, the read models equal a rebuild from the log, the audit chain is
intact. The figures are printed and written to docs/reliability.md.
"""

from __future__ import annotations

import argparse
import contextlib
import multiprocessing as mp
import os
import platform
import random
import subprocess
import sys
import time
from collections import Counter
from datetime import date, datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from qlahs.engine import Engine
from qlahs.kernel.bounds import FIRST_ACT_DAY
from qlahs.kernel.errors import CommandRejected
from qlahs.kernel.subject import Act, subject_id
from qlahs.oversight.ledger import verify
from qlahs.scenario.units import establish_units

sys.path.insert(0, str(Path(__file__).resolve().parent))
from pg_cluster import Cluster

ROOT = Path(__file__).resolve().parent.parent
UNIT = "VKS-SOAK"


def _commands(writer: int, count: int) -> dict[str, Any]:
    """The `count`-th command of a writer: a report, a case, a charge in it, or a number."""
    kind = count % 4
    tag = f"{writer}-{count}"
    base = {"unit": UNIT, "command_id": f"soak-{tag}"}
    if kind == 0:
        fields = {"source": "tin_bao", "received_by": "CQDT", "summary": "Trộm cắp"}
        return (
            base
            | {"do": "report.receive", "ref": f"TB{tag}", "on": "2025-03-03"}
            | {"with": fields}
        )
    if kind == 1:
        fields = {"crime": "BLHS 173 k1", "summary": "Trộm cắp"}
        return base | {"do": "case.open", "ref": f"VA{tag}", "on": "2025-03-10", "with": fields}
    if kind == 2:  # in the case opened just before
        fields = {"person": "BC1", "name": "Nguyễn Văn An", "crime": "BLHS 173 k1"}
        case = f"VA{writer}-{count - 1}"
        return base | {"do": "case.charge", "ref": case, "on": "2025-03-13", "with": fields}
    fields = {"series": "CV", "title": "Công văn", "count": 1}
    return base | {"do": "number.issue", "ref": "-", "on": "2026-03-02", "with": fields}


def writer(url: str, index: int, until: float, out: str) -> None:
    """Record commands until `until`; a command is resent with its id until it succeeds."""
    engine = _reopen(None, url)
    with open(out, "a", encoding="utf-8") as succeeded:
        count = 0
        while time.time() < until:
            command = _commands(index, count)
            for attempt in range(600):
                try:
                    if engine is None:
                        raise ConnectionError("kho chưa mở được")
                    engine.execute(command)
                    break
                except CommandRejected as refusal:
                    print(f"từ chối {command['command_id']}: {refusal}", file=sys.stderr)
                    break
                except Exception:  # the store is down or restarting: reopen and resend
                    time.sleep(0.2)
                    if attempt % 5 == 4:
                        engine = _reopen(engine, url)
            else:
                continue
            succeeded.write(f"{command['command_id']}\n")
            succeeded.flush()
            count += 1
    if engine is not None:
        engine.close()


def _reopen(engine: Engine | None, url: str) -> Engine | None:
    """A new engine on the store, or None while the store is down."""
    if engine is not None:
        # a broken pool: closing may fail too, the new engine replaces it
        with contextlib.suppress(Exception):
            engine.close()
    try:
        return Engine.open(url, default_unit=UNIT)
    except Exception:
        return None


def projection_worker(url: str, until: float) -> None:
    """Catch up and read, over and over (until killed or `until`)."""
    engine = _reopen(None, url)
    while time.time() < until:
        try:
            if engine is None:
                raise ConnectionError("kho chưa mở được")
            engine.catch_up()
            engine.deadlines(date(2025, 6, 1), unit=UNIT)
        except Exception:
            time.sleep(0.2)
            engine = _reopen(engine, url)
        time.sleep(0.05)


def _tables(engine: Engine) -> dict[str, list[tuple[str, ...]]]:
    """Every read-model row, without the surrogate ids a rebuild draws anew."""
    found = {}
    with engine.sql.connect() as connection:
        for table in engine.projector.tables:
            columns = [c for c in table.columns if c is not table.autoincrement_column]
            rows = connection.execute(sa.select(*columns))
            found[table.name] = sorted(tuple(map(repr, row)) for row in rows)
    return found


def check(url: str, succeeded: set[str]) -> dict[str, Any]:
    """Lost, duplicated, read models against a rebuild, audit chain."""
    with Engine.open(url, default_unit=UNIT) as engine:
        engine.catch_up()
        acts: Counter[str] = Counter()
        logged: Counter[str] = Counter()
        logs = {subject_id("command", cid): cid for cid in succeeded}
        recorder, position = engine.log.recorder, 0
        while page := recorder.select_notifications(start=position + 1, limit=1000):
            for notification in page:
                event = engine.log.mapper.to_domain_event(notification)
                if isinstance(event, Act) and (cid := event.fields().get("command_id")):
                    acts[cid] += 1
                if event.originator_id in logs:
                    logged[logs[event.originator_id]] += 1
            position = page[-1].id
        before = _tables(engine)
        engine.replay()
        after = _tables(engine)
        return {
            "events": position,
            "lost": sum(1 for cid in succeeded if acts[cid] == 0 or logged[cid] == 0),
            "duplicated": sum(n - 1 for n in acts.values() if n > 1)
            + sum(n - 1 for n in logged.values() if n > 1),
            "rebuild_equal": before == after,
            "differing_tables": sorted(name for name in before if before[name] != after[name]),
            "audit_intact": verify(engine).intact,
        }


def run(minutes: float, writers: int, workers: int, port: int) -> dict[str, Any]:
    cluster = Cluster(port)
    cluster.start()
    spawn = mp.get_context("spawn")
    outs = [cluster.home / f"writer-{i}.txt" for i in range(writers)]
    for out in outs:
        out.touch()
    kills = restarts = 0
    try:
        with Engine.open(cluster.url, default_unit=UNIT) as engine:  # the tables, once
            establish_units(engine, [UNIT], FIRST_ACT_DAY)
        started = time.time()
        until = started + minutes * 60
        writing = [
            spawn.Process(target=writer, args=(cluster.url, i, until, str(outs[i])))
            for i in range(writers)
        ]
        projecting = [
            spawn.Process(target=projection_worker, args=(cluster.url, until))
            for _ in range(workers)
        ]
        for process in writing + projecting:
            process.start()
        crash_at = started + minutes * 30
        while time.time() < until:
            time.sleep(random.uniform(2, 6))
            victim = random.randrange(len(projecting))
            if projecting[victim].pid is not None and projecting[victim].is_alive():
                os.kill(projecting[victim].pid, 9)
                projecting[victim].join()
                kills += 1
                projecting[victim] = spawn.Process(
                    target=projection_worker, args=(cluster.url, until)
                )
                projecting[victim].start()
            if restarts == 0 and time.time() >= crash_at:
                cluster.crash()
                time.sleep(2)
                cluster.start()
                restarts += 1
        for process in writing + projecting:
            process.join(timeout=180)
            if process.is_alive():
                process.kill()
        elapsed = time.time() - started
        succeeded = {line.strip() for out in outs for line in out.read_text().splitlines() if line}
        figures = check(cluster.url, succeeded)
    finally:
        cluster.stop()
    recorded = len(succeeded)
    return figures | {
        "minutes": minutes,
        "writers": writers,
        "workers": workers,
        "recorded": recorded,
        "per_second": recorded / elapsed,
        "kills": kills,
        "restarts": restarts,
    }


def _commit() -> str:
    found = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
    )
    return found.stdout.strip() or "?"


def passed(figures: dict[str, Any]) -> bool:
    clean = not figures["lost"] and not figures["duplicated"]
    return clean and figures["rebuild_equal"] and figures["audit_intact"]


def report(figures: dict[str, Any]) -> str:
    machine = (
        f"{platform.machine()}, {platform.system()} {platform.release()}, {os.cpu_count()} CPU"
    )
    ok = "đạt" if passed(figures) else "KHÔNG ĐẠT"
    rows = [
        ("Máy", machine),
        ("Python", platform.python_version()),
        ("Ngày chạy", f"{datetime.now():%d/%m/%Y %H:%M}"),
        ("Commit", _commit()),
        ("Thời lượng", f"{figures['minutes']:g} phút"),
        ("Tiến trình ghi / chiếu", f"{figures['writers']} / {figures['workers']}"),
        ("Lệnh đã ghi nhận", str(figures["recorded"])),
        ("Tốc độ", f"{figures['per_second']:.1f} lệnh/giây"),
        ("Sự kiện trong nhật ký", str(figures["events"])),
        ("Tiến trình chiếu bị SIGKILL", str(figures["kills"])),
        ("Lần PostgreSQL bị dừng đột ngột và khởi động lại", str(figures["restarts"])),
        ("Lệnh bị mất", str(figures["lost"])),
        ("Hành vi bị ghi trùng", str(figures["duplicated"])),
        ("Bảng đọc bằng bảng dựng lại", "có" if figures["rebuild_equal"] else "không"),
        ("Chuỗi kiểm toán nguyên vẹn", "có" if figures["audit_intact"] else "không"),
    ]
    lines = [
        "# Độ tin cậy",
        "",
        "Sinh bởi `make soak` (`python benchmarks/soak.py --minutes N`); tệp được ghi lại mỗi lần "
        "chạy.",
        "",
        "Các tiến trình ghi gửi lệnh (tiếp nhận nguồn tin, khởi tố vụ án, khởi tố bị can, lấy "
        "số văn bản) vào một kho PostgreSQL, mỗi lệnh có `command_id` và được gửi lại sau mọi "
        "lỗi; các tiến trình chiếu bảng đọc bị giết (SIGKILL) ngẫu nhiên rồi chạy lại; giữa "
        "chừng PostgreSQL bị dừng kiểu `immediate` (như mất điện) rồi khởi động lại.",
        "",
        f"Kết quả: **{ok}**.",
        "",
        "| Chỉ số | Giá trị |",
        "|---|---|",
        *(f"| {name} | {value} |" for name, value in rows),
    ]
    if figures["differing_tables"]:
        lines += ["", f"Bảng khác sau khi dựng lại: {', '.join(figures['differing_tables'])}."]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=10)
    parser.add_argument("--writers", type=int, default=4)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--port", type=int, default=55432)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "reliability.md")
    args = parser.parse_args()
    figures = run(args.minutes, args.writers, args.workers, args.port)
    text = report(figures)
    print(text)
    args.out.write_text(text, encoding="utf-8")
    sys.exit(0 if passed(figures) else 1)


if __name__ == "__main__":
    main()
