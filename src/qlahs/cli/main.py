"""The `qlahs` command, for people: Vietnamese headings, readable tables, Excel files."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from qlahs.cli import generate, project, serve, transfer
from qlahs.cli.access import access_app
from qlahs.cli.audit import audit_app
from qlahs.cli.cases import case_app
from qlahs.cli.court import admin_app, civil_app
from qlahs.cli.drafting import draft_app
from qlahs.cli.errors import QlahsGroup
from qlahs.cli.numbers import number_app
from qlahs.cli.options import (
    FIRST_YEAR,
    LAST_YEAR,
    MOST_ROWS,
    AsOf,
    AsUser,
    BookPageSize,
    Db,
    Json,
    KnownAt,
    Name,
    PageNumber,
    PageSize,
    ReadDb,
    Unit,
    UnitRequired,
    Xlsx,
    Year,
    writable_file,
)
from qlahs.cli.stats import stats_app
from qlahs.cli.support import (
    chosen_read_db,
    chosen_user,
    console,
    fail,
    known_line,
    open_engine,
    parse_day,
    parse_known_at,
    progress_bar,
)
from qlahs.kernel.errors import QlahsError, ScenarioFileError
from qlahs.scenario import format as scenario_format
from qlahs.scenario.report import render
from qlahs.scenario.runner import run
from qlahs.store import DEFAULT_URL
from qlahs.terminal.tables import book_table, deadline_table, page_line, violations_table

app = typer.Typer(
    cls=QlahsGroup,
    name="qlahs",
    help="qlahs — quản lý án hình sự: nguồn tin, thời hạn, vi phạm, sổ thụ lý.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
scenario_app = typer.Typer(help="Kịch bản thời hạn tố tụng (SCENARIOS.md).", no_args_is_help=True)
app.add_typer(scenario_app, name="scenario")
app.add_typer(case_app, name="case")
app.add_typer(civil_app, name="civil")
app.add_typer(admin_app, name="admin")
app.add_typer(draft_app, name="draft")
app.add_typer(number_app, name="number")
app.add_typer(stats_app, name="stats")
app.add_typer(access_app, name="access")
app.add_typer(audit_app, name="audit")


@app.callback()
def _who(
    as_user: AsUser = None,
    read_db: ReadDb = None,
    debug: Annotated[
        bool, typer.Option("--debug", help="In chi tiết kỹ thuật (traceback) khi có lỗi")
    ] = False,
) -> None:
    chosen_user.set(as_user)  # every sub-command opens its engine for this user
    chosen_read_db.set(read_db)


# -- scenarios -------------------------------------------------------------------------------


@scenario_app.command("run")
def scenario_run(
    files: Annotated[list[Path], typer.Argument(metavar="TỆP", help="Tệp *.scenario.yaml")],
    as_json: Json = False,
    at: Annotated[
        str | None, typer.Option("--at", help="Đánh giá tại ngày này thay cho 'expect'")
    ] = None,
    db: Annotated[
        str, typer.Option("--db", help="Loại kho: sqlite:///… hoặc postgresql://…")
    ] = "sqlite:///:memory:",
) -> None:
    """Chạy kịch bản trên một kho mới; mã thoát 0 = đạt, 1 = không đạt, 2 = tệp lỗi."""
    at_day = parse_day(at, "--at") if at else None
    scenarios = []
    for file in files:
        if not file.is_file():
            raise fail(f"{file}: không có tệp kịch bản này.", 2)
        try:
            scenarios.append(scenario_format.read(file))
        except ScenarioFileError as error:
            raise fail(error, 2) from None
    try:
        results = [run(s, db, at=at_day) for s in scenarios]
    except QlahsError as error:
        raise fail(error, 2) from None
    if as_json:
        sys.stdout.write(json.dumps({"scenarios": results}, ensure_ascii=False, indent=1) + "\n")
    else:
        render(results, console)
    if at_day is None and not all(r["passed"] for r in results):
        raise typer.Exit(1)


# -- deadlines, violations, books -----------------------------------------------------------


@app.command()
def deadlines(
    as_of: AsOf = None,
    overdue: Annotated[bool, typer.Option("--overdue", help="Chỉ các thời hạn đã quá hạn")] = False,
    within: Annotated[
        int | None,
        typer.Option("--within", help="Chỉ các thời hạn đến hạn trong N ngày", min=0, max=3650),
    ] = None,
    unit: Unit = None,
    limit: PageSize = 100,
    page: PageNumber = 1,
    known_at: KnownAt = None,
    db: Db = DEFAULT_URL,
) -> None:
    """Danh sách thời hạn tại một ngày: đang chạy, sắp đến hạn, quá hạn (từng trang)."""
    day = parse_day(as_of, "--as-of")
    moment = parse_known_at(known_at)
    offset = (page - 1) * limit
    with open_engine(db) as engine:
        if overdue:
            found = engine.overdue_page(day, unit=unit, limit=limit, offset=offset, known_at=moment)
            title = f"Thời hạn đã quá hạn tại ngày {day:%d/%m/%Y}"
        elif within is not None:
            found = engine.due_within_page(
                day, within, unit=unit, limit=limit, offset=offset, known_at=moment
            )
            title = f"Thời hạn đến hạn trong {within} ngày kể từ {day:%d/%m/%Y}"
        else:
            found = engine.unfinished_page(
                day, unit=unit, limit=limit, offset=offset, known_at=moment
            )
            title = f"Thời hạn chưa hoàn thành tại ngày {day:%d/%m/%Y}"
    console.print(deadline_table(found.items, title + known_line(moment), day))
    console.print(page_line(page, limit, len(found.items), found.total))


@app.command()
def violations(
    as_of: AsOf = None,
    unit: Unit = None,
    limit: PageSize = 100,
    page: PageNumber = 1,
    known_at: KnownAt = None,
    db: Db = DEFAULT_URL,
) -> None:
    """Danh sách vi phạm thời hạn tố tụng tại một ngày, mỗi vi phạm nêu điều luật (từng trang)."""
    day = parse_day(as_of, "--as-of")
    moment = parse_known_at(known_at)
    with open_engine(db) as engine:
        found = engine.violation_page(
            day, unit=unit, limit=limit, offset=(page - 1) * limit, known_at=moment
        )
    console.print(violations_table(found.items, day, known_line(moment)))
    console.print(page_line(page, limit, len(found.items), found.total))


@app.command()
def book(
    number: Annotated[
        str, typer.Argument(metavar="SỔ", help="Số sổ, ví dụ 03 hoặc 04", callback=Name)
    ],
    unit: UnitRequired,
    year: Year,
    xlsx: Xlsx = None,
    limit: BookPageSize = None,
    page: PageNumber = 1,
    known_at: KnownAt = None,
    db: Db = DEFAULT_URL,
) -> None:
    """In một sổ nghiệp vụ của đơn vị trong năm (từng trang với --limit, --page), và ghi cả sổ
    ra Excel nếu cần."""
    from qlahs.exports.books import write_book_xlsx
    from qlahs.projections.books import book as find_book

    moment = parse_known_at(known_at)
    try:
        definition = find_book(number)
    except QlahsError as error:
        raise fail(error, 2) from None
    with open_engine(db) as engine:
        if limit is None:
            rows = engine.book_rows(definition.number, unit, year, known_at=moment)
            total = len(rows)
        else:
            found = engine.book_page(
                definition.number,
                unit,
                year,
                limit=limit,
                offset=(page - 1) * limit,
                known_at=moment,
            )
            rows, total = found.items, found.total
        whole = (
            engine.book_rows(definition.number, unit, year, known_at=moment)
            if xlsx is not None and limit is not None
            else rows
        )
    console.print(book_table(definition, rows, unit, year, limit, total))
    if limit is not None:
        console.print(page_line(page, limit, len(rows), total))
    if moment is not None:
        console.print(f"Sổ{known_line(moment)}.")
    if xlsx is not None:
        write_book_xlsx(definition, whole, unit, year, xlsx)
        console.print(f"Đã ghi {len(whole)} dòng vào {xlsx}")


@app.command()
def replay(db: Db = DEFAULT_URL) -> None:
    """Dựng lại toàn bộ sổ, danh sách thời hạn và vi phạm từ nhật ký sự kiện."""
    with open_engine(db) as engine, progress_bar("Dựng lại bảng đọc") as bar:
        task = bar.add_task("replay", total=None)

        def advance(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        count = engine.replay(advance)
    console.print(f"Đã dựng lại từ {count} sự kiện.")


@app.command()
def demo(
    db: Db = "sqlite:///demo.db",
    out: Annotated[Path, typer.Option("--out", help="Thư mục ghi tệp Excel")] = Path("."),
    reports: Annotated[
        int, typer.Option("--reports", help="Số nguồn tin sinh ra", min=1, max=MOST_ROWS)
    ] = 1500,
    year: Annotated[
        int, typer.Option("--year", help="Năm sinh dữ liệu", min=FIRST_YEAR, max=LAST_YEAR)
    ] = 2025,
    seed: Annotated[int, typer.Option("--seed", help="Hạt giống ngẫu nhiên", min=0)] = 7,
) -> None:
    """Sinh một năm dữ liệu thực tế cho một đơn vị rồi in tóm tắt, Sổ 04 và danh sách quá hạn."""
    from qlahs.demo.run import run_demo

    run_demo(db, out, reports=reports, year=year, seed=seed, console=console, progress=progress_bar)


app.command("generate")(generate.generate_command)
app.command("project")(project.project_command)
app.command("export")(transfer.export_command)
app.command("import")(transfer.import_command)
app.command("serve")(serve.serve_command)


def main() -> None:  # pragma: no cover - console entry point
    app()


@app.command()
def rules(
    write: Annotated[
        Path | None,
        typer.Option("--write", help="Ghi danh mục ra tệp (docs/rules.md)", callback=writable_file),
    ] = None,
) -> None:
    """In danh mục quy tắc thời hạn với trích dẫn và độ tin cậy."""
    from qlahs.law.catalogue import render as render_rules
    from qlahs.stages.registry import registry

    text = render_rules(registry().rulebook)  # the shipped rules and those stages bring
    if write is None:
        sys.stdout.write(text)
    else:
        write.write_text(text, encoding="utf-8")
        console.print(f"Đã ghi {write}")
