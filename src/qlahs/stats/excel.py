"""The report as an Excel workbook: a sheet of provenance, one sheet per group of indicators
(units side by side), the trend by month, violations by rule, overdue by unit, the
recommendation, the list of violations — with Excel's own charts (openpyxl.chart), so that
people can restyle and reuse them."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from qlahs.law.calendar import fmt
from qlahs.stats import views
from qlahs.stats.agencies import KIND_NAMES as AGENCY_KINDS
from qlahs.stats.compute import Report
from qlahs.stats.indicators import GROUPS, KINDS, Group, Indicator, catalogue
from qlahs.stats.recommendation import compile_violations
from qlahs.stats.text import provenance

BOLD = Font(bold=True)
PERCENT = '0.0"%"'


def write_xlsx(report: Report, path: Path) -> Path:
    workbook = Workbook()
    first = workbook.active
    assert first is not None
    _about(first, report)
    for group in GROUPS:
        _group(workbook.create_sheet(group.sheet), report, group)
    _trend(workbook.create_sheet("Theo tháng"), report)
    _rules(workbook.create_sheet("Vi phạm theo quy tắc"), report)
    _units(workbook.create_sheet("Quá hạn theo đơn vị"), report)
    _recommendation(workbook.create_sheet("Kiến nghị"), report)
    _findings(workbook.create_sheet("Danh sách vi phạm"), report)
    workbook.save(path)
    return path


def _about(sheet: Worksheet, report: Report) -> None:
    sheet.title = "Thông tin"
    rows: list[Sequence[Any]] = [
        [report.title],
        [],
        ["Đơn vị", f"{report.unit or 'Toàn quốc'} — {report.unit_name}"],
        ["Gồm đơn vị trực thuộc", "Có" if report.with_subunits else "Không"],
        ["Kỳ thống kê", f"{report.period.title} ({report.period.code})"],
        ["Từ ngày", fmt(report.period.start)],
        ["Đến hết ngày", fmt(report.end)],
        ["Tổ chức đơn vị tại ngày", fmt(report.organisation_day)],
        ["Số liệu lấy lúc", report.taken],
        ["--known-at để tính lại", report.known_at_text],
        ["Vị trí nhật ký sự kiện", report.position],
        [],
        ["Ghi chú"],
        *([note] for note in report.notes),
        [provenance(report)],
        [],
        ["Đơn vị trong báo cáo", "Tên", "Gồm các mã đơn vị"],
        *([p.code, p.name, ", ".join(sorted(p.units))] for p in report.parts),
    ]
    for row in rows:
        sheet.append(list(row))
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.column_dimensions["A"].width = 28
    sheet.column_dimensions["B"].width = 60
    sheet.column_dimensions["C"].width = 40


def _group(sheet: Worksheet, report: Report, group: Group) -> None:
    parts = report.parts if len(report.parts) > 1 else []
    sheet.append([f"{group.code}. {group.title}"])
    sheet.append([f"Căn cứ: {group.citation}. {report.title}; đến hết ngày {fmt(report.end)}."])
    heads = ["Mã", "Chỉ tiêu", "Đơn vị tính", *(p.code for p in parts), "Tổng"]
    sheet.append([*heads, "Ý nghĩa", "Độ tin cậy"])
    indicators = [i for i in catalogue() if i.group == group.code]
    for indicator in indicators:
        values = [report.value(indicator, part) for part in parts] + [report.value(indicator)]
        sheet.append(
            [
                indicator.code,
                "   " * indicator.depth + indicator.name,
                indicator.counted,
                *values,
                indicator.meaning,
                indicator.confidence,
            ]
        )
        if indicator.is_rate:
            for column in range(4, 4 + len(values)):
                sheet.cell(sheet.max_row, column).number_format = PERCENT
        if indicator.depth == 0:
            sheet.cell(sheet.max_row, 2).font = BOLD
    _heading_row(sheet, 3)
    _widths(sheet, [10, 52, 14, *([12] * (len(parts) + 1)), 70, 10])
    sheet.freeze_panes = "D4"
    _headline_chart(sheet, report, group, [i for i in indicators if i.headline and not i.is_rate])


def _headline_chart(
    sheet: Worksheet, report: Report, group: Group, indicators: list[Indicator]
) -> None:
    """A bar chart of the group's headline figures, one series per unit when there are
    several; its data sits in a small block below the table."""
    if not indicators:
        indicators = [i for i in catalogue() if i.group == group.code and not i.is_rate][:4]
    parts = report.parts if len(report.parts) > 1 else []
    top = sheet.max_row + 3
    sheet.cell(top, 1, "Số liệu biểu đồ").font = BOLD
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


def _trend(sheet: Worksheet, report: Report) -> None:
    trend = views.trend(report)
    sheet.append([f"Diễn biến theo tháng — {report.title}"])
    sheet.append(["Tháng", *(f"{i.code} {i.name}" for i, _ in trend.series)])
    for index, month in enumerate(trend.months):
        sheet.append([month, *(values[index] for _, values in trend.series)])
    _heading_row(sheet, 2)
    _widths(sheet, [12, *([24] * len(trend.series))])
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


def _rules(sheet: Worksheet, report: Report) -> None:
    rules = views.violations_by_rule(report)
    sheet.append([f"Vi phạm theo quy tắc — {report.title}"])
    sheet.append(["Quy tắc", "Nội dung", "Số vi phạm", *KINDS.values()])
    for rule, title, count in rules:
        kinds = [report.total.get(f"violation.{rule}.{kind}", 0) for kind in KINDS]
        sheet.append([rule, title, count, *kinds])
    _heading_row(sheet, 2)
    _widths(sheet, [30, 60, 12, *([18] * len(KINDS))])
    if rules:
        chart = BarChart()
        chart.type = "bar"
        chart.title = "Vi phạm theo quy tắc"
        chart.add_data(
            Reference(sheet, min_col=3, min_row=2, max_row=2 + len(rules)), titles_from_data=True
        )
        chart.set_categories(Reference(sheet, min_col=2, min_row=3, max_row=2 + len(rules)))
        chart.height, chart.width = max(7, 1 + len(rules) * 0.8), 24
        sheet.add_chart(chart, "A" + str(len(rules) + 5))


def _units(sheet: Worksheet, report: Report) -> None:
    units = views.overdue_by_unit(report)
    sheet.append([f"Thời hạn quá hạn tại hết ngày {fmt(report.end)} theo đơn vị"])
    sheet.append(["Mã đơn vị", "Tên đơn vị", "Số quá hạn"])
    for code, name, count in units:
        sheet.append([code, name, count])
    _heading_row(sheet, 2)
    _widths(sheet, [14, 60, 12])
    chart = BarChart()
    chart.type = "bar"
    chart.title = "Quá hạn tại cuối kỳ theo đơn vị"
    chart.add_data(
        Reference(sheet, min_col=3, min_row=2, max_row=2 + len(units)), titles_from_data=True
    )
    chart.set_categories(Reference(sheet, min_col=1, min_row=3, max_row=2 + len(units)))
    chart.height, chart.width = max(6, 1 + len(units) * 0.8), 20
    sheet.add_chart(chart, "E3")


def _recommendation(sheet: Worksheet, report: Report) -> None:
    compiled = compile_violations(report)
    sheet.append([f"Tổng hợp vi phạm theo cơ quan được kiểm sát — {report.title}"])
    sheet.append(["Cơ quan", "Loại", "Quy tắc", "Nội dung", "Căn cứ", "Số vi phạm", "Vụ việc"])
    for agency in (*compiled.agencies, *compiled.own):
        for line in agency.lines:
            sheet.append(
                [
                    agency.name,
                    AGENCY_KINDS[agency.kind],
                    line.rule,
                    line.title,
                    line.article,
                    line.count,
                    ", ".join(line.cases),
                ]
            )
    _heading_row(sheet, 2)
    _widths(sheet, [40, 30, 28, 50, 40, 12, 80])


def _findings(sheet: Worksheet, report: Report) -> None:
    sheet.append([f"Danh sách vi phạm — {report.title}"])
    sheet.append(
        ["Số hiệu", "Đơn vị", "Quy tắc", "Loại", "Ngày", "Số ngày quá hạn", "Cơ quan", "Nội dung"]
    )
    for f in report.findings:
        sheet.append(
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
        )
    _heading_row(sheet, 2)
    _widths(sheet, [28, 12, 28, 30, 18, 12, 40, 100])
    sheet.freeze_panes = "A3"


def _heading_row(sheet: Worksheet, row: int) -> None:
    sheet["A1"].font = Font(bold=True, size=13)
    for cell in sheet[row]:
        cell.font = BOLD
        cell.alignment = Alignment(wrap_text=True, vertical="top")


def _widths(sheet: Worksheet, widths: Sequence[float]) -> None:
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
