"""What inspections add to the statistics (indicators.yaml beside this file):

- `act.inspection.Opened`, `act.inspection.Concluded`, `act.inspection.Issued.<family>` for the
  inspections, conclusions and documents of the period;
- `inspection.<family>.answered.<result>` on the day of an answer, and
  `inspection.answered_in_time` / `inspection.answered_late` judged by the stage's rules.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date
from typing import Any

from qlahs.domain.inspection import Inspection
from qlahs.domain.supervision import SupervisionActs, supervision_of
from qlahs.kernel.subject import Act
from qlahs.law.calendar import Calendar
from qlahs.stages.enforcement.rules import RULES, InspectionRules
from qlahs.stages.registry import registry
from qlahs.stages.statistics import Statistics, Stock


def _inspecting(inspection: Any) -> frozenset[str]:
    return frozenset((inspection.ref,)) if inspection.stage == "inspecting" else frozenset()


def label(act: Act, inspection: Any, key: str = "") -> str:
    name = type(act).__name__
    return f"{name}.{act.family}" if isinstance(act, SupervisionActs.Issued) else name


def measures(inspection: Any, acts: Sequence[Act]) -> Iterator[tuple[date, str]]:
    items = supervision_of(inspection).items
    fold = InspectionRules(registry().rulebook, Calendar.default())
    for act in acts:
        fold.apply(act)
        if not isinstance(act, SupervisionActs.Answered):
            continue
        family = items[act.key].family
        yield act.day, f"inspection.{family}.answered.{act.result}"
        rule = RULES.get(family)
        deadline = fold.deadlines.get(f"{rule}/{act.key}") if rule else None
        if deadline is not None:
            met = deadline.status == "met"
            yield act.day, "inspection.answered_in_time" if met else "inspection.answered_late"


STATISTICS = Statistics(
    stocks=(
        Stock(
            "inspection", Inspection, "Cuộc kiểm sát trực tiếp chưa kết luận", "cuộc", _inspecting
        ),
    ),
    label=label,
    measures=measures,
)
