"""`qlahs stats …`: statistical reports for leaders (modules 7 and 8), the violations compiled
for a recommendation, the indicator catalogue and the unit tree."""

from __future__ import annotations

import hashlib
import json
import sys
import time
from datetime import date, datetime
from pathlib import Path
from typing import Annotated, Any

import typer

from qlahs.cli import stats_reports
from qlahs.cli.options import (
    AsOf,
    Db,
    Json,
    KnownAt,
    Name,
    SearchText,
    UnitOrNation,
    Xlsx,
    writable_file,
)
from qlahs.cli.support import console, errors, fail, iso_moment, open_engine, parse_day
from qlahs.engine import Engine
from qlahs.kernel import yamlio
from qlahs.kernel.errors import QlahsError
from qlahs.stats import catalogue_doc
from qlahs.stats.compute import Report, compute
from qlahs.stats.excel import write_xlsx
from qlahs.stats.html import write_html
from qlahs.stats.periods import FORMS_HELP, parse_period
from qlahs.stats.recommendation import compile_violations
from qlahs.stats.snapshot import parse_moment
from qlahs.stats.text import provenance, recommendation_tables, render
from qlahs.stats.units_view import tree_table
from qlahs.store import DEFAULT_URL

stats_app = typer.Typer(
    help="Thống kê hình sự và báo cáo lãnh đạo: chỉ tiêu theo kỳ, đơn vị, kiến nghị.",
    invoke_without_command=True,
)

PeriodOption = Annotated[
    str | None, typer.Option("--period", help=f"Kỳ thống kê: {FORMS_HELP}", callback=Name)
]
Subunits = Annotated[
    bool, typer.Option("--with-subunits", help="Gồm cả các đơn vị trực thuộc (cộng dồn)")
]
UnitsAsOf = Annotated[
    str | None,
    typer.Option("--units-as-of", help="Cộng số liệu theo tổ chức đơn vị tại ngày này"),
]


@stats_app.callback()
def stats(
    ctx: typer.Context,
    unit: UnitOrNation = None,
    period: PeriodOption = None,
    with_subunits: Subunits = False,
    xlsx: Xlsx = None,
    html: Annotated[
        Path | None,
        typer.Option("--html", help="Ghi báo cáo ra tệp HTML", callback=writable_file),
    ] = None,
    known_at: KnownAt = None,
    units_as_of: UnitsAsOf = None,
    as_json: Json = False,
    db: Db = DEFAULT_URL,
) -> None:
    """Báo cáo thống kê của một đơn vị (hoặc toàn quốc) trong một kỳ: bảng, Excel, HTML."""
    if ctx.invoked_subcommand is not None:
        return
    if period is None:
        raise fail(f"Cần --period ({FORMS_HELP}).", 2)
    started = time.perf_counter()
    report = _report(db, unit, period, with_subunits, known_at, units_as_of)
    if as_json:
        sys.stdout.write(json.dumps(as_document(report), ensure_ascii=False, indent=1) + "\n")
    else:
        console.print(render(report))
    for path, write in ((xlsx, write_xlsx), (html, write_html)):
        if path is not None:
            write(report, path)
            errors.print(f"Đã ghi {path}")
    if not as_json:  # a JSON document stays alone on the output
        errors.print(f"Thời gian lập báo cáo: {time.perf_counter() - started:.2f} giây")


@stats_app.command("recommendation")
def recommendation(
    unit: UnitOrNation = None,
    period: PeriodOption = None,
    with_subunits: Subunits = False,
    agency: Annotated[
        str | None,
        typer.Option("--agency", help="Chỉ cơ quan có tên chứa chuỗi này", callback=SearchText),
    ] = None,
    known_at: KnownAt = None,
    units_as_of: UnitsAsOf = None,
    db: Db = DEFAULT_URL,
) -> None:
    """Tổng hợp vi phạm theo cơ quan được kiểm sát: quy tắc, số lần, nguồn tin và vụ án."""
    if not period:
        raise fail(f"Cần --period ({FORMS_HELP}).", 2)
    report = _report(db, unit, period, with_subunits, known_at, units_as_of)
    compiled = compile_violations(report, agency)
    console.print(f"[bold]Tổng hợp vi phạm để kiến nghị — {report.title}[/]")
    if not compiled.agencies and not compiled.own:
        console.print("Không có vi phạm trong kỳ.")
    for table in recommendation_tables(compiled):
        console.print(table)
    console.print(f"[dim]{provenance(report)}[/]")


@stats_app.command("indicators")
def indicators(
    write: Annotated[
        Path | None,
        typer.Option("--write", help="Cập nhật phần danh mục trong tệp (docs/statistics.md)"),
    ] = None,
) -> None:
    """Danh mục chỉ tiêu: mã, tên, ý nghĩa, công thức, độ tin cậy."""
    text = catalogue_doc.render()
    if write is None:
        sys.stdout.write(text)
        return
    try:
        catalogue_doc.write_into(write, text)
    except QlahsError as error:
        raise fail(error, 2) from None
    console.print(f"Đã cập nhật danh mục chỉ tiêu trong {write}")


@stats_app.command("units")
def units(
    as_of: AsOf = None,
    load: Annotated[
        Path | None,
        typer.Option("--load", help="Ghi nhận các hành vi unit.* trong tệp YAML trước khi in"),
    ] = None,
    known_at: KnownAt = None,
    db: Db = DEFAULT_URL,
) -> None:
    """Cây đơn vị tại một ngày (từ các hành vi unit.*), và ghi nhận một tệp sắp xếp tổ chức."""
    day = parse_day(as_of, "--as-of")
    with open_engine(db, create=load is not None) as engine:
        try:
            if load is not None:
                count = load_organisation(engine, load)
                console.print(f"Đã ghi nhận {count} bước trong {load} (bước đã có không ghi lại).")
            known = iso_moment(known_at, "--known-at")
            moment = parse_moment(known) if known else None
            console.print(tree_table(engine, day, moment))
        except QlahsError as error:
            raise fail(error, 2) from None


for _name, _command in (
    ("submit", stats_reports.submit),
    ("return", stats_reports.send_back),
    ("accept", stats_reports.accept),
    ("status", stats_reports.status),
    ("rollup", stats_reports.rollup),
    ("difference", stats_reports.compare),
):
    stats_app.command(_name)(_command)


def load_organisation(engine: Engine, path: Path) -> int:
    """Record the `unit.*` steps of a YAML timeline (the scenario step form: a list, or a
    mapping with `steps`); each step's command id is its content, so loading the same file
    again records nothing new."""
    data = yamlio.load(path.read_text(encoding="utf-8")) or []
    steps = data.get("steps") or [] if isinstance(data, dict) else data
    for step in steps:
        content = json.dumps(step, sort_keys=True, default=str, ensure_ascii=False)
        digest = hashlib.sha256(content.encode()).hexdigest()
        engine.execute(dict(step) | {"command_id": f"to-chuc:{digest}"})
    return len(steps)


def _report(
    db: str,
    unit: str | None,
    period: str,
    with_subunits: bool,
    known_at: str | None,
    units_as_of: str | None,
) -> Report:
    try:
        parsed = parse_period(period)
        known_at = iso_moment(known_at, "--known-at")
        moment: datetime | None = parse_moment(known_at) if known_at else None
        organisation_day: date | None = (
            parse_day(units_as_of, "--units-as-of") if units_as_of else None
        )
        with open_engine(db) as engine:
            return compute(
                engine,
                unit,
                parsed,
                with_subunits=with_subunits,
                known_at=moment,
                units_as_of=organisation_day,
            )
    except QlahsError as error:
        raise fail(error, 2) from None


def as_document(report: Report) -> dict[str, Any]:
    """The figures as JSON: every indicator of the total and of each unit, and provenance."""
    from qlahs.stats.indicators import catalogue

    def values(part: Any = None) -> dict[str, Any]:
        return {i.code: report.value(i, part) for i in catalogue()}

    return {
        "title": report.title,
        "unit": report.unit,
        "period": {
            "code": report.period.code,
            "start": report.period.start.isoformat(),
            "end": report.end.isoformat(),
        },
        "known_at": report.known_at_text,
        "position": report.position,
        "organisation_day": report.organisation_day.isoformat(),
        "notes": report.notes,
        "total": values(),
        "units": {part.code: values(part) for part in report.parts},
        "measures": dict(sorted(report.total.items())),
    }
