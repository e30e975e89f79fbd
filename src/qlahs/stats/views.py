"""What the charts of a report show, computed once for the Excel and the HTML files:
the trend by month, violations by rule, overdue items by unit, and the headline figures."""

from __future__ import annotations

from dataclasses import dataclass

from qlahs.stats.compute import Report
from qlahs.stats.formulas import total
from qlahs.stats.indicators import Indicator, catalogue

# The monthly trend: what came in and what was resolved, reports and cases.
TREND = ("A.2", "A.4", "B.2.1", "B.9.1")
# The figures a leader reads first.
CARDS = ("A.3", "A.6", "A.5.1", "B.2.1", "B.9.1", "C.4.1", "D.4.1", "Đ.14", "V.1")
OVERDUE = total("overdue.*")


@dataclass(frozen=True)
class Trend:
    months: tuple[str, ...]  # MM/YYYY
    series: tuple[tuple[Indicator, tuple[int, ...]], ...]


def indicator(code: str) -> Indicator:
    return next(i for i in catalogue() if i.code == code)


def trend(report: Report) -> Trend:
    months = tuple(f"{month.start:%m/%Y}" for month, _ in report.months)
    series = []
    for code in TREND:
        found = indicator(code)
        series.append(
            (found, tuple(int(found.formula(figures) or 0) for _, figures in report.months))
        )
    return Trend(months, tuple(series))


def violations_by_rule(report: Report) -> list[tuple[str, str, int]]:
    """(rule, title, count) of every rule breached in the period, most first."""
    counts: dict[str, int] = {}
    for key, value in report.total.items():
        if key.startswith("violation.") and value:
            rule = key.removeprefix("violation.").rsplit(".", 1)[0]
            counts[rule] = counts.get(rule, 0) + value
    return sorted(
        ((rule, report.rule_titles.get(rule, rule), n) for rule, n in counts.items()),
        key=lambda item: (-item[2], item[0]),
    )


def overdue_by_unit(report: Report) -> list[tuple[str, str, int]]:
    """(unit, name, deadlines overdue at the end of the period) for each part of the report."""
    return [(part.code, part.name, OVERDUE(part.measures)) for part in report.parts]


def cards(report: Report) -> list[tuple[Indicator, int | float | None]]:
    return [(indicator(code), report.value(indicator(code))) for code in CARDS]
