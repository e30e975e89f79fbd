"""What the leaders' page of a unit shows: overdue and due-soon deadlines by stage of the
procedure, violations by the supervised body that must act, and the month's figures with the
statistics report's own charts."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from qlahs.engine import Engine
from qlahs.http import shown
from qlahs.law.deadlines import Deadline
from qlahs.stats import svg, views
from qlahs.stats.compute import compute
from qlahs.stats.periods import parse_period

MOST = 500  # rows read for the page's counts; the lists link to the full API lists
DUE_SOON_DAYS = 7
STAGES = {
    "report": "Giải quyết nguồn tin",
    "case": "Điều tra vụ án",
    "charge": "Khởi tố bị can",
    "custody": "Tạm giữ, tạm giam",
    "prosecution": "Truy tố",
    "trial": "Xét xử sơ thẩm",
    "appeal": "Phúc thẩm",
    "protest": "Kháng nghị",
    "enforcement": "Thi hành án",
    "civil": "Vụ việc dân sự",
    "admin": "Vụ án hành chính",
    "complaint": "Khiếu nại, tố cáo",
    "supervision": "Kiến nghị, yêu cầu",
    "mla": "Tương trợ tư pháp",
    "statreport": "Báo cáo thống kê",
}


def stage_of(rule: str) -> str:
    return STAGES.get(rule.split(".", 1)[0].split("_", 1)[0], "Khác")


@dataclass
class UnitView:
    unit: str
    as_of: date
    overdue: list[dict[str, Any]]
    overdue_total: int
    due_soon: list[dict[str, Any]]
    due_total: int
    by_stage: list[tuple[str, int, int]]  # stage, overdue, due soon
    by_body: list[tuple[str, int]]
    violations_total: int
    cards: list[tuple[str, str, Any]] = field(default_factory=list)
    charts: list[str] = field(default_factory=list)
    month_title: str = ""


def unit_view(engine: Engine, unit: str, as_of: date) -> UnitView:
    late = engine.overdue_page(as_of, unit=unit, limit=MOST)
    soon = engine.due_within_page(as_of, DUE_SOON_DAYS, unit=unit, limit=MOST)
    broken = engine.violation_page(as_of, unit=unit, limit=MOST)
    late_by, soon_by = _count(late.items), _count(soon.items)
    stages = sorted(set(late_by) | set(soon_by), key=lambda s: (-late_by[s], -soon_by[s], s))
    bodies = Counter(shown.responsible(engine, v.rule) or "Khác" for v in broken.items)
    view = UnitView(
        unit=unit,
        as_of=as_of,
        overdue=[shown.deadline(engine, d) for d in late.items[:20]],
        overdue_total=late.total,
        due_soon=[shown.deadline(engine, d) for d in soon.items[:20]],
        due_total=soon.total,
        by_stage=[(s, late_by[s], soon_by[s]) for s in stages],
        by_body=bodies.most_common(),
        violations_total=broken.total,
    )
    _month(engine, view)
    return view


def _count(found: list[Deadline]) -> Counter[str]:
    return Counter(stage_of(d.rule) for d in found)


def _month(engine: Engine, view: UnitView) -> None:
    """The month's figures (up to the page's date) with the report's charts."""
    report = compute(engine, view.unit, parse_period(view.as_of.strftime("%Y-%m")))
    view.month_title = report.title
    view.cards = [(i.code, i.name, value) for i, value in views.cards(report)]
    rules = views.violations_by_rule(report)
    trend = views.trend(report)
    view.charts = [
        svg.grouped_bars(
            "Số liệu trong tháng",
            trend.months,
            [svg.Series(f"{i.code} {i.name}", values) for i, values in trend.series],
        ),
        svg.horizontal_bars(
            "Vi phạm theo quy tắc", [title for _, title, _ in rules], [n for _, _, n in rules]
        ),
    ]
