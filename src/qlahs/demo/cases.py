"""`qlahs demo`, modules 2–5: the criminal cases opened from the demo's reports decided
`khoi_to`, from prosecution to enforcement, and what people look at afterwards.

Each case follows the common path of a district or regional unit's cases: one to three
accused, custody for the offences that usually bring it (theft of motorbikes, snatching,
drugs), the VKS's approval of each charge, an extension for a quarter of the investigations,
indictment, trial, a few appeals, the court's enforcement decisions. A few acts come late, a
few cases are dismissed, suspended or returned for supplementary investigation, and a few
stall with a person still detained: they fill today's overdue custody list. The people and
offences are in `case_story.py`, one case's story in `case_plan.py`.
"""

from __future__ import annotations

import random
from collections import Counter
from datetime import date
from typing import Any

from rich.console import Console
from rich.table import Table

from qlahs.demo.case_plan import plan_case
from qlahs.demo.supervision import supervision_commands
from qlahs.engine import Engine
from qlahs.kernel.subject import day_of
from qlahs.law.calendar import Calendar
from qlahs.projections.books import book


def case_commands(
    report_steps: list[dict[str, Any]], until: date, seed: int, calendar: Calendar
) -> list[dict[str, Any]]:
    """The commands of the cases opened from the reports decided `khoi_to`, up to `until`."""
    rng = random.Random(seed * 7919 + 1)  # its own stream: the reports stay as they were
    summaries = {
        s["ref"]: s["with"]["summary"] for s in report_steps if s["do"] == "report.receive"
    }
    steps: list[dict[str, Any]] = []
    for step in report_steps:
        fields = step.get("with") or {}
        if step["do"] != "report.decide" or fields.get("outcome") != "khoi_to":
            continue
        summary = summaries[step["ref"]]
        planned = plan_case(fields["case"], step["ref"], step["on"], summary, rng, calendar)
        steps += [s | {"unit": step["unit"]} for s in planned if day_of(s["on"]) <= until]
    return steps


def with_cases(
    report_steps: list[dict[str, Any]], until: date, seed: int, calendar: Calendar
) -> list[dict[str, Any]]:
    """The reports' commands, their cases' and the procuracy's acts on both, in legal order;
    a report's decision comes before the case it opens, and each case's acts keep their order
    within a day."""
    steps = report_steps + case_commands(report_steps, until, seed, calendar)
    steps += supervision_commands(steps, until, seed)
    return sorted(steps, key=lambda s: day_of(s["on"]))


# -- what people look at -----------------------------------------------------------------------

CUSTODY_RULES = ("custody.hold", "custody.hold_extension_approve", "custody.detention")


def show_cases(
    engine: Engine, steps: list[dict[str, Any]], unit: str, until: date, console: Console
) -> dict[str, Any]:
    """The criminal side of the demo: a summary, the first rows of Sổ 07 and Sổ 22, and the
    custody deadlines overdue today."""
    from qlahs.terminal.tables import book_table, deadline_table

    actions = Counter(step["do"] for step in steps)
    table = Table(title=f"Vụ án hình sự — {unit}, đến {until:%d/%m/%Y}")
    table.add_column("Chỉ tiêu")
    table.add_column("Số lượng", justify="right")
    for label, action in (
        ("Vụ án khởi tố", "case.open"),
        ("Bị can khởi tố", "case.charge"),
        ("Tạm giữ", "custody.hold"),
        ("Tạm giam (lệnh)", "custody.detain"),
        ("Gia hạn điều tra", "case.extend_investigation"),
        ("Kết luận điều tra", "case.conclude_investigation"),
        ("Trả hồ sơ điều tra bổ sung", "case.return_for_investigation"),
        ("Cáo trạng", "case.indict"),
        ("Xét xử sơ thẩm", "case.judge"),
        ("Kháng cáo, kháng nghị", "case.appeal"),
        ("Xét xử phúc thẩm", "case.appeal_judge"),
        ("Quyết định thi hành án", "case.enforcement_decision"),
        ("VKS phân công Kiểm sát viên", "case.assign_prosecutor"),
        ("VKS yêu cầu điều tra", "case.request_investigation"),
        ("Cơ quan điều tra trả lời yêu cầu", "case.answer_request"),
        ("VKS kiến nghị", "case.recommend"),
    ):
        count = actions[action] + (actions["case.protest"] if action == "case.appeal" else 0)
        table.add_row(label, f"{count:,}".replace(",", "."))
    console.print(table)
    shown: dict[str, int] = {}
    with engine.sql.connect() as connection:
        for number in ("07", "22"):
            definition = book(number)
            rows = definition.rows(connection, unit, until.year)
            console.print(book_table(definition, rows, unit, until.year, limit=6))
            shown[f"book_{number}_rows"] = len(rows)
    overdue = [d for d in engine.overdue(until, unit=unit) if d.rule in CUSTODY_RULES]
    title = f"Tạm giữ, tạm giam quá hạn hôm nay {until:%d/%m/%Y}"
    console.print(deadline_table(overdue, title, until, limit=15))
    return shown | {"cases": actions["case.open"], "custody_overdue": len(overdue)}
