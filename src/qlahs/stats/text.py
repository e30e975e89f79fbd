"""A report in the terminal: one table per group, the units side by side when there are few,
and the line that says when the data was taken and how to recompute it."""

from __future__ import annotations

from collections.abc import Iterator

from rich.console import Group as Lines
from rich.table import Table
from rich.text import Text

from qlahs.law.calendar import fmt
from qlahs.stats.compute import Part, Report
from qlahs.stats.indicators import GROUPS, Indicator, catalogue
from qlahs.stats.recommendation import Recommendation

WIDE = 6  # more units than this are left to the Excel and HTML files


def number(value: int | float | None) -> str:
    """Vietnamese number writing: 1.234 and 91,1%."""
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:.1f}".replace(".", ",") + "%"
    return f"{value:,}".replace(",", ".")


def shown_parts(report: Report) -> list[Part]:
    return report.parts if 1 < len(report.parts) <= WIDE else []


def provenance(report: Report) -> str:
    return (
        f"Số liệu lấy lúc {report.taken}, đến vị trí {report.position} của nhật ký sự kiện; "
        f"tổ chức đơn vị tại ngày {fmt(report.organisation_day)}. Tính lại đúng số liệu này: "
        f"--known-at {report.known_at_text}"
    )


def render(report: Report) -> Lines:
    items: list[Table | Text] = [Text(report.title, style="bold")]
    items += [Text(note, style="yellow") for note in report.notes]
    items += list(_tables(report))
    items.append(Text(provenance(report), style="dim"))
    return Lines(*items)


def _tables(report: Report) -> Iterator[Table]:
    parts = shown_parts(report)
    indicators = catalogue()
    for group in GROUPS:
        table = Table(title=f"{group.code}. {group.title} ({group.citation})", title_justify="left")
        table.add_column("Mã", no_wrap=True)
        table.add_column("Chỉ tiêu")
        table.add_column("Đơn vị tính", no_wrap=True)
        for part in parts:
            table.add_column(part.code, justify="right")
        table.add_column("Tổng", justify="right", style="bold")
        for indicator in indicators:
            if indicator.group != group.code or _hidden(report, indicator):
                continue
            cells = [number(report.value(indicator, part)) for part in parts]
            table.add_row(
                indicator.code,
                "  " * indicator.depth + indicator.name,
                indicator.counted,
                *cells,
                number(report.value(indicator)),
            )
        yield table


def _hidden(report: Report, indicator: Indicator) -> bool:
    """A violation line of a rule nothing breached stays out of the terminal (not the files)."""
    rule = indicator.code.removeprefix("V.")
    return indicator.group == "V" and rule in report.rule_titles and not report.value(indicator)


def recommendation_tables(recommendation: Recommendation) -> Iterator[Table]:
    for agency in recommendation.agencies:
        table = Table(title=f"{agency.name} — {number(agency.count)} vi phạm", title_justify="left")
        table.add_column("Quy tắc", no_wrap=True)
        table.add_column("Nội dung")
        table.add_column("Căn cứ")
        table.add_column("Số vi phạm", justify="right")
        table.add_column("Vụ việc", overflow="fold")
        for line in agency.lines:
            table.add_row(
                line.rule, line.title, line.article, number(line.count), ", ".join(line.cases)
            )
        yield table
