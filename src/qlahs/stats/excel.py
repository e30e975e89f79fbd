"""The report as an Excel workbook: a sheet of provenance, one sheet per group of indicators
(units side by side), the trend by month, violations by rule, overdue by unit, the
recommendation, the list of violations — with Excel's own charts (openpyxl.chart), so that
people can restyle and reuse them."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from qlahs.exports.excel import PERCENT, Cell, Column, Sheet, add_sheet, new_workbook, save
from qlahs.law.calendar import fmt
from qlahs.stats import views
from qlahs.stats.agencies import KIND_NAMES as AGENCY_KINDS
from qlahs.stats.compute import Report
from qlahs.stats.indicators import GROUPS, KINDS, Group, Indicator, catalogue
from qlahs.stats.recommendation import compile_violations
from qlahs.stats.text import provenance


def write_xlsx(report: Report, path: Path) -> Path:
    workbook = new_workbook()
    add_sheet(workbook, _about(report))
    for group in GROUPS:
        indicators = [i for i in catalogue() if i.group == group.code]
        sheet = add_sheet(workbook, _group(report, group, indicators))
        _headline_chart(
            sheet, report, group, [i for i in indicators if i.headline and not i.is_rate]
        )
    trend = views.trend(report)
    _trend_chart(add_sheet(workbook, _trend(report, trend)), trend)
    rules = views.violations_by_rule(report)
    _rules_chart(add_sheet(workbook, _rules(report, rules)), len(rules))
    units = views.overdue_by_unit(report)
    _units_chart(add_sheet(workbook, _units(report, units)), len(units))
    add_sheet(workbook, _recommendation(report))
    add_sheet(workbook, _findings(report))
    save(workbook, path)
    return path


def _columns(*pairs: tuple[str, float]) -> list[Column]:
    return [Column(heading, width) for heading, width in pairs]


def _about(report: Report) -> Sheet:
    rows: list[Sequence[Any]] = [
        ["Đơn vị", f"{report.unit or 'Toàn quốc'} — {report.unit_name}"],
        ["Gồm đơn vị trực thuộc", "Có" if report.with_subunits else "Không"],
        ["Kỳ thống kê", f"{report.period.title} ({report.period.code})"],
        ["Từ ngày", fmt(report.period.start)],
        ["Đến hết ngày", fmt(report.end)],
        ["Tổ chức đơn vị tại ngày", fmt(report.organisation_day)],
        ["Số liệu lấy lúc", report.taken],
        ["--known-at để tính lại", report.known_at_text],
        ["Vị trí nhật ký sự kiện", report.position],
        ["Loại số liệu", report.figures_kind],
        [],
        [Cell("Ghi chú", bold=True)],
        *([note] for note in report.notes),
        [provenance(report)],
        [],
        [Cell(h, bold=True) for h in ("Đơn vị trong báo cáo", "Tên", "Gồm các mã đơn vị")],
        *([p.code, p.name, ", ".join(sorted(p.units))] for p in report.parts),
    ]
    columns = _columns(("Mục", 28), ("Nội dung", 60), ("Chi tiết", 40))
    return Sheet("Thông tin", [report.title], columns, rows)


def _group(report: Report, group: Group, indicators: list[Indicator]) -> Sheet:
    parts = report.parts if len(report.parts) > 1 else []
    rows = []
    for indicator in indicators:
        values = [report.value(indicator, part) for part in parts] + [report.value(indicator)]
        shown = [Cell(v, PERCENT) for v in values] if indicator.is_rate else values
        name = "   " * indicator.depth + indicator.name
        rows.append(
            [
                indicator.code,
                Cell(name, bold=indicator.depth == 0),
                indicator.counted,
                *shown,
                indicator.meaning,
                indicator.confidence,
            ]
        )
    columns = _columns(
        ("Mã", 10),
        ("Chỉ tiêu", 52),
        ("Đơn vị tính", 14),
        *((p.code, 12) for p in parts),
        ("Tổng", 12),
        ("Ý nghĩa", 70),
        ("Độ tin cậy", 10),
    )
    title = [
        f"{group.code}. {group.title}",
        f"Căn cứ: {group.citation}. {report.title}; đến hết ngày {fmt(report.end)}.",
    ]
    return Sheet(group.sheet, title, columns, rows, frozen_columns=3)


def _headline_chart(
    sheet: Worksheet, report: Report, group: Group, indicators: list[Indicator]
) -> None:
    """A bar chart of the group's headline figures, one series per unit when there are
    several; its data sits in a small block below the table."""
    if not indicators:
        indicators = [i for i in catalogue() if i.group == group.code and not i.is_rate][:4]
    parts = report.parts if len(report.parts) > 1 else []
    top = sheet.max_row + 3
    sheet.cell(top, 1, "Số liệu biểu đồ").font = Font(bold=True)
    sheet.cell(top + 1, 2, "Chỉ tiêu")
    for column, name in enumerate([p.code for p in parts] or ["Tổng"], start=3):
        sheet.cell(top + 1, column, name)
    for row, indicator in enumerate(indicators, start=top + 2):
        sheet.cell(row, 2, f"{indicator.code} {indicator.name}")
        values = [report.value(indicator, p) for p in parts] or [report.value(indicator)]
        for column, value in enumerate(values, start=3):
            sheet.cell(row, column, value)
    chart = BarChart()
    chart.title = f"{group.code}. {group.title}"
    chart.y_axis.title = "Số lượng"
    last_row = top + 1 + len(indicators)
    data = Reference(
        sheet, min_col=3, max_col=2 + max(1, len(parts)), min_row=top + 1, max_row=last_row
    )
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(Reference(sheet, min_col=2, min_row=top + 2, max_row=last_row))
    chart.height, chart.width = 9, 22
    sheet.add_chart(chart, f"{get_column_letter(len(parts) + 7)}4")


def _trend(report: Report, trend: views.Trend) -> Sheet:
    rows = [
        [month, *(values[index] for _, values in trend.series)]
        for index, month in enumerate(trend.months)
    ]
    columns = _columns(("Tháng", 12), *((f"{i.code} {i.name}", 24) for i, _ in trend.series))
    return Sheet("Theo tháng", [f"Diễn biến theo tháng — {report.title}"], columns, rows)


def _trend_chart(sheet: Worksheet, trend: views.Trend) -> None:
    chart = BarChart()
    chart.title = "Diễn biến theo tháng"
    rows = len(trend.months)
    chart.add_data(
        Reference(sheet, min_col=2, max_col=1 + len(trend.series), min_row=2, max_row=2 + rows),
        titles_from_data=True,
    )
    chart.set_categories(Reference(sheet, min_col=1, min_row=3, max_row=2 + rows))
    chart.height, chart.width = 10, 26
    sheet.add_chart(chart, "G3")


def _rules(report: Report, rules: list[tuple[str, str, int]]) -> Sheet:
    rows = [
        [rule, title, count, *(report.total.get(f"violation.{rule}.{kind}", 0) for kind in KINDS)]
        for rule, title, count in rules
    ]
    columns = _columns(
        ("Quy tắc", 30), ("Nội dung", 60), ("Số vi phạm", 12), *((k, 18) for k in KINDS.values())
    )
    return Sheet("Vi phạm theo quy tắc", [f"Vi phạm theo quy tắc — {report.title}"], columns, rows)


def _rules_chart(sheet: Worksheet, count: int) -> None:
    if not count:
        return
    chart = BarChart()
    chart.type = "bar"
    chart.title = "Vi phạm theo quy tắc"
    chart.add_data(Reference(sheet, min_col=3, min_row=2, max_row=2 + count), titles_from_data=True)
    chart.set_categories(Reference(sheet, min_col=2, min_row=3, max_row=2 + count))
    chart.height, chart.width = max(7, 1 + count * 0.8), 24
    sheet.add_chart(chart, "A" + str(count + 5))


def _units(report: Report, units: list[tuple[str, str, int]]) -> Sheet:
    title = [f"Thời hạn quá hạn tại hết ngày {fmt(report.end)} theo đơn vị"]
    columns = _columns(("Mã đơn vị", 14), ("Tên đơn vị", 60), ("Số quá hạn", 12))
    return Sheet("Quá hạn theo đơn vị", title, columns, [list(unit) for unit in units])


def _units_chart(sheet: Worksheet, count: int) -> None:
    chart = BarChart()
    chart.type = "bar"
    chart.title = "Quá hạn tại cuối kỳ theo đơn vị"
    chart.add_data(Reference(sheet, min_col=3, min_row=2, max_row=2 + count), titles_from_data=True)
    chart.set_categories(Reference(sheet, min_col=1, min_row=3, max_row=2 + count))
    chart.height, chart.width = max(6, 1 + count * 0.8), 20
    sheet.add_chart(chart, "E3")


def _recommendation(report: Report) -> Sheet:
    compiled = compile_violations(report)
    rows = [
        [
            agency.name,
            AGENCY_KINDS[agency.kind],
            line.rule,
            line.title,
            line.article,
            line.count,
            ", ".join(line.cases),
        ]
        for agency in (*compiled.agencies, *compiled.own)
        for line in agency.lines
    ]
    columns = _columns(
        ("Cơ quan", 40),
        ("Loại", 30),
        ("Quy tắc", 28),
        ("Nội dung", 50),
        ("Căn cứ", 40),
        ("Số vi phạm", 12),
        ("Vụ việc", 80),
    )
    title = [f"Tổng hợp vi phạm theo cơ quan được kiểm sát — {report.title}"]
    return Sheet("Kiến nghị", title, columns, rows)


def _findings(report: Report) -> Sheet:
    rows = [
        [
            f.ref,
            f.unit,
            f.rule,
            KINDS.get(f.kind, f.kind),
            fmt(f.happened_on) if f.happened_on else f"Quá hạn tại {fmt(report.end)}",
            f.days_overdue,
            f.agency.name,
            f.message,
        ]
        for f in report.findings
    ]
    columns = _columns(
        ("Số hiệu", 28),
        ("Đơn vị", 12),
        ("Quy tắc", 28),
        ("Loại", 30),
        ("Ngày", 18),
        ("Số ngày quá hạn", 12),
        ("Cơ quan", 40),
        ("Nội dung", 100),
    )
    return Sheet("Danh sách vi phạm", [f"Danh sách vi phạm — {report.title}"], columns, rows)
