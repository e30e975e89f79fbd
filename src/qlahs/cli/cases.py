"""`qlahs case …`: one criminal case as of a date (persons, acts, deadlines with their
computation, violations), and finding a case by what people remember of it."""

from __future__ import annotations

from datetime import date
from typing import Annotated

import typer
from rich.table import Table

from qlahs.cli.options import AsOf, Db, KnownAt, Limit, Name, SearchText, Unit
from qlahs.cli.support import console, fail, known_line, open_engine, parse_day, parse_known_at
from qlahs.domain.criminal_case import PERSON_STATE_NAMES, STAGE_NAMES, CriminalCase
from qlahs.domain.supervision import ANSWERED, supervision_of
from qlahs.kernel.errors import QlahsError
from qlahs.kernel.subject import Act, day_of
from qlahs.law.calendar import fmt
from qlahs.law.deadlines import Deadline, Judgement, days_between
from qlahs.projections.case_queries import case_as_of, find_cases
from qlahs.scenario.report import STATUS
from qlahs.stages.case import wording as w
from qlahs.stages.supervision.wording import RESULT_NAMES, title
from qlahs.store import DEFAULT_URL
from qlahs.terminal.tables import headed_table, violations_table

case_app = typer.Typer(
    help="Vụ án hình sự: tra cứu, diễn biến, thời hạn và vi phạm.", no_args_is_help=True
)


@case_app.command("show")
def show(
    ref: Annotated[str, typer.Argument(metavar="SỐ_HIỆU", help="Số hiệu vụ án", callback=Name)],
    as_of: AsOf = None,
    known_at: KnownAt = None,
    db: Db = DEFAULT_URL,
) -> None:
    """Vụ án tại một ngày: bị can, diễn biến, mọi thời hạn với cách tính, mọi vi phạm."""
    day = parse_day(as_of, "--as-of")
    moment = parse_known_at(known_at)
    with open_engine(db) as engine:
        try:
            case = case_as_of(engine, ref, day, moment)
        except QlahsError as error:
            raise fail(error, 1) from None
        acts = [act for act in engine.history("case", ref, known_at=moment) if act.day <= day]
        judgement = engine.judge("case", ref, day, known_at=moment)
        titles = {name: engine.rulebook[name].title for name in engine.rulebook.rules}
    if moment is not None:
        console.print(f"Vụ án {ref}{known_line(moment)}.")
    console.print(case_table(case, day))
    console.print(persons_table(case, day))
    console.print(acts_table(case, acts))
    console.print(supervision_table(case, judgement, day))
    print_deadlines(judgement, titles, day)
    console.print(violations_table(judgement.violations, day))


@case_app.command("search")
def search(
    text: Annotated[
        str,
        typer.Argument(
            metavar="CHUỖI_TÌM",
            help="Số hiệu vụ án, tên hoặc mã bị can, tội danh…",
            callback=SearchText,
        ),
    ],
    unit: Unit = None,
    limit: Limit = 50,
    db: Db = DEFAULT_URL,
) -> None:
    """Tìm vụ án theo số hiệu, nguồn tin, tội danh, họ tên hoặc mã bị can (có dấu hoặc không)."""
    with open_engine(db) as engine:
        try:
            found = find_cases(engine, text, unit=unit, limit=limit)
        except QlahsError as error:
            raise fail(error, 2) from None
    if not found:
        console.print(f"Không tìm thấy vụ án nào khớp với “{text}”.")
        return
    headings = ("Vụ án", "Đơn vị", "Ngày khởi tố", "Tội danh", "Giai đoạn", "Bị can")
    table = headed_table(f"Vụ án khớp với “{text}” ({len(found)})", headings, show_lines=True)
    for case in found:
        persons = "; ".join(case["matched"]) or case["persons"]
        table.add_row(
            case["ref"],
            case["unit"],
            fmt(case["opened_on"]),
            case["crime_name"],
            case["stage"],
            persons,
        )
    console.print(table)


# -- the parts of `case show` ---------------------------------------------------------------


def case_table(case: CriminalCase, day: date) -> Table:
    table = Table(title=f"Vụ án {case.ref} tại ngày {fmt(day)}", show_header=False)
    table.add_column("Mục", style="bold", no_wrap=True)
    table.add_column("Nội dung", overflow="fold")
    rows = [
        ("Tội danh", w.crime_label(case.crime)),
        ("Loại tội phạm", f"{w.category_name(case.category)} ({case.category})"),
        ("Tóm tắt", case.summary),
        ("Đơn vị", case.unit),
        ("Ngày khởi tố", fmt(case.opened_on)),
        ("Nguồn tin", case.from_report or ""),
        ("Tách từ vụ án", getattr(case, "from_case", None) or ""),
        ("Cơ quan điều tra", case.investigating_agency or ""),
        ("Thủ tục", w.PROCEDURES.get(case.procedure, case.procedure)),
        ("Giai đoạn", STAGE_NAMES.get(case.stage, case.stage)),
        ("Kiểm sát viên thụ lý", supervision_of(case).current("kiem_sat_vien") or ""),
        ("Lãnh đạo phụ trách", supervision_of(case).current("lanh_dao") or ""),
        ("Tách, nhập", "; ".join(getattr(case, "lineage", []))),
    ]
    for name, value in rows:
        if value:
            table.add_row(name, value)
    return table


def persons_table(case: CriminalCase, day: date) -> Table:
    headings = (
        "Mã",
        "Họ tên",
        "Ngày sinh",
        "Tội danh",
        "Loại tội",
        "Ngày khởi tố",
        "Biện pháp ngăn chặn",
        "Phê chuẩn",
        "Tố tụng",
        "Thi hành án",
    )
    table = headed_table(f"Bị can, người bị giữ ({len(case.persons)})", headings)
    for code, accused in case.persons.items():
        table.add_row(
            code,
            accused.name or "",
            fmt(accused.birth_date) if accused.birth_date else "",
            w.crime_label(accused.crime) if accused.crime else "",
            accused.category or "",
            fmt(accused.charged_on) if accused.charged_on else "",
            _state(accused.custody),
            _state(accused.approval),
            _state(accused.procedure),
            _state(accused.enforcement),
        )
    return table


def acts_table(case: CriminalCase, acts: list[Act]) -> Table:
    names = {code: a.name or code for code, a in case.persons.items()}
    headings = ("Ngày", "Lệnh, quyết định", "Người", "Nội dung", "Người ghi", "Ghi lúc")
    table = headed_table(f"Diễn biến ({len(acts)} hành vi tố tụng)", headings)
    for act in sorted(acts, key=lambda a: (day_of(a.on), a.originator_version)):
        person = getattr(act, "person", None) or ""
        table.add_row(
            fmt(act.on),
            w.title(act),
            names.get(person, person),
            w.content(act, names),
            act.actor,
            w.recorded(act),
        )
    return table


def supervision_table(case: CriminalCase, judgement: Judgement, day: date) -> Table:
    """The procuracy's requests, recommendations, protests… and how each was answered."""
    items = supervision_of(case).items.values()
    dues = {d.ref: d for d in judgement.deadlines if d.rule.startswith("supervision.")}
    headings = ("Số hiệu", "Ngày", "Văn bản", "Nội dung", "Hạn trả lời", "Trả lời")
    table = headed_table(
        f"Yêu cầu, kiến nghị, kháng nghị của Viện kiểm sát ({len(items)})", headings
    )
    for item in items:
        due = dues.get(f"{case.ref}/{item.key}")
        answer = "chưa trả lời" if item.family in ANSWERED else ""
        if item.answered_on is not None:
            result = RESULT_NAMES.get(item.result or "", item.result or "")
            answer = f"{fmt(item.answered_on)}: {result}" + (
                f" ({item.answer})" if item.answer else ""
            )
        elif due is not None and due.status == "missed":
            answer += f" (quá hạn {days_between(due.due, day)} ngày)"
        table.add_row(
            item.key,
            fmt(item.on),
            title(item),
            item.content,
            fmt(due.due) if due is not None else "",
            answer,
        )
    return table


def print_deadlines(judgement: Judgement, titles: dict[str, str], day: date) -> None:
    found = sorted(judgement.deadlines, key=lambda d: (day_of(d.start), d.ref, d.rule))
    console.print(f"\n[bold]Thời hạn tại ngày {fmt(day)} ({len(found)})[/]")
    for deadline in found:
        console.print(_deadline_heading(deadline, titles, day))
        for line in deadline.explanation:
            console.print(f"    – {line}", soft_wrap=True)
    if not found:
        console.print("  Không có thời hạn nào.")


def _deadline_heading(deadline: Deadline, titles: dict[str, str], day: date) -> str:
    status = STATUS.get(deadline.status, deadline.status)
    if deadline.closed_on is not None:
        status += f", thực hiện ngày {fmt(deadline.closed_on)}"
    elif deadline.status == "missed":
        status += f", quá {days_between(deadline.due, day)} ngày"
    title = titles.get(deadline.rule, deadline.rule)
    return (
        f"  [bold]{title}[/] — {deadline.ref} — hạn cuối {fmt(deadline.due)} "
        f"— {status} — {deadline.article}"
    )


# -- helpers --------------------------------------------------------------------------------


def _state(value: str | None) -> str:
    return PERSON_STATE_NAMES.get(value, value) if value else ""
