"""`qlahs civil show` and `qlahs admin show`: one civil matter or administrative case as of a
date (the matter, its acts, its deadlines with their computation, its violations)."""

from __future__ import annotations

from datetime import date
from typing import Annotated

import typer
from rich.table import Table

from qlahs.cli.cases import print_deadlines
from qlahs.cli.options import AsOf, Db, Name
from qlahs.cli.support import console, fail, open_engine, parse_day
from qlahs.kernel.errors import QlahsError, SubjectNotFound
from qlahs.kernel.subject import Act, Subject, day_of, replay_until
from qlahs.law.calendar import fmt
from qlahs.stages.court.book import book_row
from qlahs.stages.court.wording import content
from qlahs.stages.registry import registry
from qlahs.store import DEFAULT_URL
from qlahs.terminal.tables import headed_table, violations_table

civil_app = typer.Typer(
    help="Vụ việc dân sự: diễn biến, thời hạn và vi phạm.", no_args_is_help=True
)
admin_app = typer.Typer(
    help="Vụ án hành chính: diễn biến, thời hạn và vi phạm.", no_args_is_help=True
)

Ref = Annotated[str, typer.Argument(help="Số thụ lý (số hiệu hồ sơ)", callback=Name)]

# (heading, key of the book row) in the order `show` prints them
FACTS = (
    ("Loại", "kind_name"),
    ("Tòa án", "court"),
    ("Đơn vị", "unit"),
    ("Người khởi kiện, người yêu cầu", "plaintiff"),
    ("Tóm tắt", "summary"),
    ("Tình trạng", "stage_name"),
    ("Ngày nhận đơn", "received_on"),
    ("Ngày trả lại đơn", "returned_on"),
    ("Ngày thụ lý", "accepted_on"),
    ("Ngày VKS nhận thông báo thụ lý", "notified_on"),
    ("Tạm đình chỉ từ ngày", "suspended_on"),
    ("Ngày đình chỉ", "dismissed_on"),
    ("Ngày quyết định đưa ra xét xử, mở phiên họp", "trial_decided_on"),
    ("Bản án, quyết định", "decision"),
    ("Ngày bản án, quyết định", "decided_on"),
    ("Kết quả", "outcome"),
    ("Kiểm sát viên", "prosecutor"),
    ("Kháng cáo", "appeals"),
    ("Kháng nghị phúc thẩm", "protests"),
    ("Ngày thụ lý phúc thẩm", "appeal_accepted_on"),
    ("Ngày xét xử phúc thẩm", "appeal_judged_on"),
    ("Ngày có hiệu lực pháp luật", "effective_on"),
    ("Kháng nghị giám đốc thẩm, tái thẩm", "cassation"),
)


@civil_app.command("show")
def civil_show(ref: Ref, as_of: AsOf = None, db: Db = DEFAULT_URL) -> None:
    """Vụ việc dân sự tại một ngày: diễn biến, mọi thời hạn với cách tính, mọi vi phạm."""
    show("civil", ref, as_of, db)


@admin_app.command("show")
def admin_show(ref: Ref, as_of: AsOf = None, db: Db = DEFAULT_URL) -> None:
    """Vụ án hành chính tại một ngày: diễn biến, mọi thời hạn với cách tính, mọi vi phạm."""
    show("admin", ref, as_of, db)


def show(kind: str, ref: str, as_of: str | None, db: str) -> None:
    day = parse_day(as_of, "--as-of")
    noun = registry().noun(kind)
    with open_engine(db) as engine:
        try:
            history = engine.history(kind, ref)
            if not history:
                raise SubjectNotFound(f"Không tìm thấy {noun} {ref}.")
            if history[0].day > day:
                raise SubjectNotFound(
                    f"{noun.capitalize()} {ref} được ghi nhận từ ngày {fmt(history[0].on)}, "
                    f"sau ngày xét {fmt(day)}."
                )
            acts = [act for act in history if act.day <= day]
            matter = replay_until(history, day)
            judgement = engine.judge(kind, ref, day)
        except QlahsError as error:
            raise fail(error, 1) from None
        titles = {name: engine.rulebook[name].title for name in engine.rulebook.rules}
    console.print(matter_table(noun, matter, acts, day))
    console.print(acts_table(kind, acts))
    print_deadlines(judgement, titles, day)
    console.print(violations_table(judgement.violations, day))


def matter_table(noun: str, matter: Subject, acts: list[Act], day: date) -> Table:
    row = book_row(str(matter.id), matter, acts)  # type: ignore[arg-type]
    table = Table(title=f"{noun.capitalize()} {matter.ref} tại ngày {fmt(day)}", show_header=False)
    table.add_column("Mục", style="bold", no_wrap=True)
    table.add_column("Nội dung", overflow="fold")
    for heading, key in FACTS:
        value = row.get(key)
        if value:
            table.add_row(heading, fmt(value) if isinstance(value, date) else str(value))
    return table


def acts_table(kind: str, acts: list[Act]) -> Table:
    headings = ("Ngày", "Hành vi, văn bản", "Nội dung", "Người ghi")
    table = headed_table(f"Diễn biến ({len(acts)} hành vi tố tụng)", headings)
    names = registry()
    for act in sorted(acts, key=lambda a: (day_of(a.on), a.originator_version)):
        table.add_row(fmt(act.on), names.act_title(kind, act), content(act), act.actor)
    return table
