"""`qlahs stats submit|return|accept|status|rollup|difference`: a unit's statistical report
sent up the hierarchy (TTLT 05/2018 Điều 9, 12). A statistician drafts and submits the
figures of their own unit, computed from the log at that moment and kept as submitted; a
leader of the level above accepts the report or returns it with reasons."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from qlahs.cli.options import AsUnit, Db, UnitOrNation, UnitRequired, Xlsx, writable_file
from qlahs.cli.support import console, fail, open_engine, parse_day
from qlahs.domain.statistical_report import report_ref
from qlahs.engine import Engine
from qlahs.kernel.errors import QlahsError
from qlahs.law.calendar import fmt
from qlahs.law.units import units
from qlahs.stats.compute import compute
from qlahs.stats.excel import write_xlsx
from qlahs.stats.html import write_html
from qlahs.stats.indicators import catalogue
from qlahs.stats.periods import FORMS_HELP, Period, parse_period
from qlahs.stats.rollup import difference, roll_up
from qlahs.stats.snapshot import VIETNAM
from qlahs.stats.submission import (
    STAGE_NAMES,
    filed_reports,
    mark_submitted,
    snapshot_command,
)
from qlahs.store import DEFAULT_URL

PeriodRequired = Annotated[str, typer.Option("--period", help=f"Kỳ thống kê: {FORMS_HELP}")]
PeriodOrAll = Annotated[str | None, typer.Option("--period", help=f"Kỳ thống kê: {FORMS_HELP}")]
OnOption = Annotated[
    str | None, typer.Option("--on", help="Ngày của bước (dd/mm/yyyy), mặc định hôm nay")
]
Reasons = Annotated[
    list[str], typer.Option("--reason", help="Lý do trả lại (ghi nhiều lần cho nhiều lý do)")
]


def _period(text: str) -> Period:
    try:
        return parse_period(text)
    except QlahsError as error:
        raise fail(error, 2) from None


def submit(
    unit: UnitRequired,
    period: PeriodRequired,
    on: OnOption = None,
    draft: Annotated[bool, typer.Option("--draft", help="Chỉ lập báo cáo, chưa gửi")] = False,
    xlsx: Xlsx = None,
    html: Annotated[
        Path | None,
        typer.Option("--html", help="Ghi báo cáo đã gửi ra tệp HTML", callback=writable_file),
    ] = None,
    db: Db = DEFAULT_URL,
) -> None:
    """Lập và gửi báo cáo thống kê của đơn vị lên cấp trên, với số liệu tính tại lúc gửi."""
    chosen, day = _period(period), parse_day(on, "--on")
    with open_engine(db, create=True) as engine:
        try:
            report = compute(engine, unit, chosen)
            action = "statreport.draft" if draft else "statreport.submit"
            engine.execute(snapshot_command(action, report, day))
        except QlahsError as error:
            raise fail(error, 2) from None
    shown = report if draft else mark_submitted(report, day)
    for path, write in ((xlsx, write_xlsx), (html, write_html)):
        if path is not None:
            write(shown, path)
            console.print(f"Đã ghi {path}")
    what = "Đã lập" if draft else "Đã gửi"
    console.print(
        f"{what} báo cáo thống kê {report_ref(unit, chosen.code)} ({chosen.title}) ngày "
        f"{fmt(day)}: số liệu lấy lúc {report.taken}, giữ nguyên như khi gửi."
    )


def send_back(
    unit: UnitRequired,
    period: PeriodRequired,
    reason: Reasons,
    on: OnOption = None,
    as_unit: AsUnit = None,
    db: Db = DEFAULT_URL,
) -> None:
    """Cấp trên trả lại báo cáo thống kê để đơn vị sửa và gửi lại, nêu lý do."""
    if not reason:
        raise fail("Cần ít nhất một --reason (lý do trả lại).", 2)
    _review(db, unit, period, on, as_unit, "statreport.return", {"reasons": reason})


def accept(
    unit: UnitRequired,
    period: PeriodRequired,
    on: OnOption = None,
    as_unit: AsUnit = None,
    db: Db = DEFAULT_URL,
) -> None:
    """Cấp trên chấp nhận báo cáo thống kê đã gửi."""
    _review(db, unit, period, on, as_unit, "statreport.accept", {})


def _review(
    db: str,
    unit: str,
    period: str,
    on: str | None,
    as_unit: str | None,
    action: str,
    fields: dict[str, Any],
) -> None:
    chosen, day = _period(period), parse_day(on, "--on")
    ref = report_ref(unit, chosen.code)
    with open_engine(db) as engine:
        reviewer = _reviewer(engine, unit, as_unit)
        step = {"do": action, "ref": ref, "on": day, "unit": reviewer, "with": fields}
        try:
            recorded = engine.execute(step)
        except QlahsError as error:
            raise fail(error, 2) from None
    done = "Đã trả lại" if action == "statreport.return" else "Đã chấp nhận"
    stage = STAGE_NAMES.get(recorded.stage, recorded.stage)
    console.print(f"{done} báo cáo thống kê {ref} ngày {fmt(day)} ({reviewer}): {stage}.")


def _reviewer(engine: Engine, unit: str, as_unit: str | None) -> str:
    """The reviewing unit: the user's, else the one given, else the unit right above."""
    if engine.actor is not None:
        return engine.actor.unit
    above = units().ancestors(unit)
    chosen = as_unit or (above[0] if above else None)
    if chosen is None:
        raise fail(f"{unit} không có đơn vị cấp trên: ghi --as-unit.", 2)
    return chosen


def status(unit: UnitOrNation = None, period: PeriodOrAll = None, db: Db = DEFAULT_URL) -> None:
    """Các báo cáo thống kê đã lập, đã gửi: tình trạng và từng bước (ai, đơn vị, ngày)."""
    code = _period(period).code if period else None
    with open_engine(db) as engine:
        try:
            found = filed_reports(engine, unit, code)
        except QlahsError as error:
            raise fail(error, 2) from None
    if unit is not None:
        found = [f for f in found if f.unit == unit or unit in units().ancestors(f.unit)]
    if not found:
        console.print("Chưa có báo cáo thống kê nào.")
    for filed in found:
        console.print(
            f"[bold]{filed.ref}[/] ({fmt(filed.period_start)} – "
            f"{fmt(filed.period_end)}): {filed.stage_name}"
        )
        for step in filed.steps:
            console.print(f"  {step.line}")
        if filed.submitted is not None:
            console.print(f"  Mã kiểm tra số liệu đã gửi: {filed.submitted.checksum}")


def rollup(period: PeriodRequired, unit: UnitOrNation = None, db: Db = DEFAULT_URL) -> None:
    """Số liệu đã gửi và được chấp nhận, cộng dồn cho đơn vị và các đơn vị trực thuộc."""
    chosen = _period(period)
    with open_engine(db) as engine:
        try:
            rolled = roll_up(engine, unit, chosen)
        except QlahsError as error:
            raise fail(error, 2) from None
    table = Table(title=f"Số liệu đã gửi, cộng dồn — {unit or 'Toàn quốc'} — {chosen.title}")
    for heading in ("Mã", "Chỉ tiêu"):
        table.add_column(heading)
    table.add_column("Số liệu đã gửi", justify="right")
    for indicator in catalogue():
        if indicator.code in rolled.figures:
            table.add_row(indicator.code, indicator.name, _shown(rolled.figures[indicator.code]))
    console.print(table)
    console.print(
        f"Gồm báo cáo đã được chấp nhận của: "
        f"{', '.join(f.unit for f in rolled.included) or 'chưa có'}."
    )
    if rolled.waiting:
        console.print(
            f"Chưa được chấp nhận: "
            f"{', '.join(f'{f.unit} ({f.stage_name})' for f in rolled.waiting)}."
        )


def compare(unit: UnitRequired, period: PeriodRequired, db: Db = DEFAULT_URL) -> None:
    """Số liệu đã gửi bên cạnh số liệu tính lại hôm nay, và các hành vi giải thích chênh lệch."""
    chosen = _period(period)
    with open_engine(db) as engine:
        try:
            found = difference(engine, unit, chosen)
        except QlahsError as error:
            raise fail(error, 2) from None
    taken = found.known_at.astimezone(VIETNAM)
    table = Table(title=f"Số liệu đã gửi và số liệu hôm nay — {found.filed.ref}")
    for heading in ("Chỉ tiêu", f"Đã gửi (lấy lúc {taken:%H:%M %d/%m/%Y})", "Hôm nay"):
        table.add_column(heading)
    for indicator, sent, today in found.changed or found.lines[:10]:
        table.add_row(indicator.name, _shown(sent), _shown(today))
    console.print(table)
    if not found.changed:
        console.print("Không có chênh lệch giữa số liệu đã gửi và số liệu hôm nay.")
    for act in found.late_acts:
        console.print(f"  {act.line}")


def _shown(value: int | float | None) -> str:
    return "—" if value is None else f"{value:g}" if isinstance(value, float) else str(value)
