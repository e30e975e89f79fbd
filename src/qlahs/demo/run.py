"""`qlahs demo`: a realistic year of crime reports for one unit, then what people look at.

The mix follows what district and regional units report (law.md §13, peers.md §3): most
reports are police information resolved within 20 days, a quarter need the body's 2-month
extension, a few a VKS extension, some are suspended while an expert opinion is awaited, and a
handful are decided late or never notified.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import suppress
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.progress import Progress
from rich.table import Table

from qlahs.demo.cases import show_cases, with_cases
from qlahs.demo.numbers import show_registers
from qlahs.demo.stats import year_report
from qlahs.engine import Engine
from qlahs.exports.books import write_book_xlsx
from qlahs.kernel.errors import CommandRejected
from qlahs.law.calendar import Calendar, add_months
from qlahs.law.counting import add_days
from qlahs.projections.books import book
from qlahs.store import locate

UNIT = "VKSKV7"
PROSECUTORS = [
    "Nguyễn Thị Hồng Nhung",
    "Trần Văn Hải",
    "Lê Minh Tuấn",
    "Phạm Thu Hà",
    "Đỗ Quang Vinh",
]
FAMILY = [
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Hoàng",
    "Huỳnh",
    "Phan",
    "Vũ",
    "Võ",
    "Đặng",
    "Bùi",
    "Đỗ",
    "Ngô",
]
MIDDLE = ["Văn", "Thị", "Đức", "Minh", "Thanh", "Ngọc", "Quang", "Hữu", "Thu"]
GIVEN = [
    "An",
    "Bình",
    "Cường",
    "Dũng",
    "Hà",
    "Hải",
    "Hạnh",
    "Hùng",
    "Hương",
    "Lan",
    "Long",
    "Mai",
    "Nam",
    "Phong",
    "Quân",
    "Sơn",
    "Tâm",
    "Thảo",
    "Trang",
    "Tuấn",
]
CRIMES = [
    ("Trộm cắp tài sản (xe máy)", 24),
    ("Lừa đảo chiếm đoạt tài sản qua mạng", 16),
    ("Cố ý gây thương tích", 14),
    ("Tàng trữ trái phép chất ma túy", 10),
    ("Đánh bạc", 8),
    ("Vi phạm quy định về tham gia giao thông đường bộ", 8),
    ("Cướp giật tài sản", 6),
    ("Lạm dụng tín nhiệm chiếm đoạt tài sản", 6),
    ("Hủy hoại tài sản", 5),
    ("Mua bán trái phép chất ma túy", 3),
]
POLICE = [
    "Công an phường Hồng Hải",
    "Công an phường Bãi Cháy",
    "Công an xã Thống Nhất",
    "Đội CSĐTTP về TTXH",
]


def person(rng: random.Random) -> str:
    return f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"


def plan_report(
    number: int, received: date, until: date, rng: random.Random, calendar: Calendar
) -> list[dict[str, Any]]:
    """One report's story, cut off at `until` (what has not happened yet is not recorded)."""
    ref = f"{UNIT}-TB-{received.year}-{number:04d}"
    crime = rng.choices([c for c, _ in CRIMES], weights=[w for _, w in CRIMES])[0]
    source = rng.choices(["tin_bao", "to_giac", "kien_nghi_khoi_to"], weights=[58, 34, 8])[0]
    body = rng.choices(["CQDT", "CQ_KHAC", "VKS", "CA_XA"], weights=[78, 5, 7, 10])[0]
    reporter = rng.choice(POLICE) if source != "to_giac" else person(rng)
    suspects = [person(rng)] if rng.random() < 0.6 else []
    steps: list[dict[str, Any]] = [
        {
            "on": received,
            "do": "report.receive",
            "ref": ref,
            "with": {
                "source": source,
                "received_by": body,
                "summary": crime,
                "reporter": reporter,
                "suspects": suspects,
            },
            "actor": "Cán bộ tiếp nhận",
        },
    ]
    start = received
    if body == "CA_XA":
        start = received + timedelta(days=rng.randint(1, 6))
        steps.append({"on": start, "do": "report.transfer", "ref": ref, "with": {"to": "CQDT"}})
    if body != "VKS":
        # Most bodies notify within 3 days; some late, a few weeks late.
        delay = rng.choices(
            [rng.randint(1, 3), rng.randint(4, 9), rng.randint(10, 25)], [90, 8, 2]
        )[0]
        steps.append(
            {"on": start + timedelta(days=delay), "do": "report.notify_procuracy", "ref": ref}
        )
    steps.append(
        {
            "on": start + timedelta(days=rng.randint(1, 5)),
            "do": "report.assign_prosecutor",
            "ref": ref,
            "with": {"prosecutor": rng.choice(PROSECUTORS)},
        }
    )
    due = add_days(start, 20, calendar).end
    outcome = rng.choices(["khoi_to", "khong_khoi_to"], weights=[38, 62])[0]
    story = rng.random()
    decide_on: date | None
    if story < 0.03:  # stalled: nobody decides, the report sits on the overdue list
        decide_on = None
    elif story < 0.58:  # decided within 20 days
        decide_on = start + timedelta(days=rng.randint(5, (due - start).days))
    elif story < 0.63:  # decided late, without any extension
        decide_on = due + timedelta(days=rng.randint(1, 15))
    elif story < 0.88:  # the body extends to 2 months
        steps.append(
            {"on": due - timedelta(days=rng.randint(0, 4)), "do": "report.extend", "ref": ref}
        )
        two_months = calendar.roll_forward(add_months(start, 2))[0]
        if rng.random() < 0.8:
            decide_on = due + timedelta(days=rng.randint(3, (two_months - due).days))
        else:  # and asks the VKS for more
            request_on = two_months - timedelta(days=rng.choice([6, 7, 8, 10, 3]))
            steps.append({"on": request_on, "do": "report.request_extension", "ref": ref})
            steps.append(
                {
                    "on": request_on + timedelta(days=rng.randint(1, 3)),
                    "do": "report.grant_extension",
                    "ref": ref,
                    "with": {"months": rng.choice([1, 2])},
                }
            )
            decide_on = two_months + timedelta(days=rng.randint(5, 50))
    else:  # suspended while an expert opinion or documents are awaited
        suspend_on = due - timedelta(days=rng.choice([0, 0, 0, 1, 5]))
        steps.append(
            {
                "on": suspend_on,
                "do": "report.suspend",
                "ref": ref,
                "with": {
                    "ground": rng.choice(
                        ["giam_dinh", "giam_dinh", "dinh_gia", "tai_lieu", "tuong_tro_tu_phap"]
                    )
                },
            }
        )
        if rng.random() < 0.6:
            resume_on = suspend_on + timedelta(days=rng.randint(15, 120))
            steps.append({"on": resume_on, "do": "report.resume", "ref": ref})
            decide_on = resume_on + timedelta(days=rng.randint(5, 40))
        else:
            decide_on = None
    if decide_on is not None:
        steps.append(
            {
                "on": decide_on,
                "do": "report.decide",
                "ref": ref,
                "with": {
                    "outcome": outcome,
                    "case": ref.replace("-TB-", "-VA-") if outcome == "khoi_to" else None,
                },
            }
        )
    return [s for s in steps if s["on"] <= until]


def commands(count: int, until: date, seed: int, calendar: Calendar) -> list[dict[str, Any]]:
    """Every command of the year, in the order the acts took effect."""
    rng = random.Random(seed)
    first = until - timedelta(days=364)
    days = [first + timedelta(days=rng.randrange(365)) for _ in range(count)]
    days.sort()
    steps: list[dict[str, Any]] = []
    numbers: Counter[int] = Counter()
    for received in days:
        numbers[received.year] += 1
        steps.extend(plan_report(numbers[received.year], received, until, rng, calendar))
    steps.sort(key=lambda s: s["on"])
    for step in steps:
        step["unit"] = UNIT
    return steps


def run_demo(
    db: str,
    out: Path,
    *,
    reports: int,
    year: int,
    seed: int,
    console: Console,
    progress: Callable[[str], Progress],
    until: date | None = None,
) -> dict[str, Any]:
    until = until or date.today()
    location = locate(db)
    if not location.is_postgres and location.sql_url.database not in (None, ":memory:"):
        for suffix in ("", "-wal", "-shm"):
            with suppress(FileNotFoundError):
                Path(str(location.sql_url.database) + suffix).unlink()
    calendar = Calendar.default()
    steps = with_cases(commands(reports, until, seed, calendar), until, seed, calendar)
    refused = 0
    with Engine.open(db, default_unit=UNIT, default_actor="Văn thư") as engine:
        with progress("Ghi nhận hành vi tố tụng") as bar:
            task = bar.add_task("record", total=len(steps))
            for step in _advancing(steps, bar, task):
                try:
                    engine.execute(step)
                except CommandRejected:
                    refused += 1
        with progress("Cập nhật sổ và thời hạn") as bar:
            task = bar.add_task("project", total=None)
            engine.catch_up(lambda done, total: bar.update(task, completed=done, total=total))
        summary = _summary(engine, steps, refused, until, console)
        definition = book("04")
        with engine.sql.connect() as connection:
            rows = definition.rows(connection, UNIT, until.year)
        from qlahs.terminal.tables import book_table, deadline_table

        console.print(book_table(definition, rows, UNIT, until.year, limit=8))
        overdue = engine.overdue(until, unit=UNIT)
        console.print(
            deadline_table(overdue, f"Danh sách quá hạn hôm nay {until:%d/%m/%Y}", until, limit=15)
        )
        path = write_book_xlsx(definition, rows, UNIT, until.year, out / "so-04.xlsx")
        console.print(f"Đã ghi Sổ 04 năm {until.year} ({len(rows)} dòng) vào {path}")
        cases = show_cases(engine, steps, UNIT, until, console)
        show_registers(engine, console, until)
        stats = year_report(engine, UNIT, out, until, console)  # modules 7–8
    return (
        summary
        | {"xlsx": str(path), "book_rows": len(rows), "overdue": len(overdue)}
        | cases
        | stats
    )


def _advancing(steps: list[dict[str, Any]], bar: Progress, task: Any) -> Iterator[dict[str, Any]]:
    for index, step in enumerate(steps, start=1):
        yield step
        if index % 50 == 0 or index == len(steps):
            bar.update(task, completed=index)


def _summary(
    engine: Engine, steps: list[dict[str, Any]], refused: int, until: date, console: Console
) -> dict[str, Any]:
    actions = Counter(step["do"] for step in steps)
    violations = engine.violations(until, unit=UNIT)
    kinds = Counter(v.kind for v in violations)
    table = Table(title=f"Tóm tắt dữ liệu mẫu — {UNIT}, 12 tháng đến {until:%d/%m/%Y}")
    table.add_column("Chỉ tiêu")
    table.add_column("Số lượng", justify="right")
    rows = [
        ("Nguồn tin tiếp nhận", actions["report.receive"]),
        ("Thông báo cho VKS", actions["report.notify_procuracy"]),
        ("CQĐT kéo dài thời hạn", actions["report.extend"]),
        ("VKS gia hạn", actions["report.grant_extension"]),
        ("Tạm đình chỉ", actions["report.suspend"]),
        ("Phục hồi", actions["report.resume"]),
        ("Đã giải quyết", actions["report.decide"]),
        ("Hành vi bị từ chối", refused),
        ("Vi phạm: chậm", kinds["late"]),
        ("Vi phạm: chưa thực hiện (quá hạn)", kinds["missing"]),
        ("Vi phạm: trước thời điểm luật cho phép", kinds["premature"]),
        ("Vi phạm: vượt giới hạn", kinds["exceeds_limit"]),
    ]
    for name, value in rows:
        table.add_row(name, f"{value:,}".replace(",", "."))
    console.print(table)
    return {
        "steps": len(steps),
        "refused": refused,
        "reports": actions["report.receive"],
        "violations": dict(kinds),
    }
