"""What civil matters and administrative cases add to the statistics: the matters a court is
resolving at first instance and on appeal, those suspended, a protest told apart by its level,
the appeal hearings of protested matters, and the body a late act is held against."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from qlahs.domain.court_matter import CourtMatter
from qlahs.kernel.subject import Act, day_of
from qlahs.law.deadlines import Violation
from qlahs.law.rulebook import RuleBook
from qlahs.stages.statistics import (
    PROCURACY,
    UNKNOWN,
    Agency,
    Members,
    Statistics,
    Stock,
)

FIRST_INSTANCE = ("first_instance", "suspended", "scheduled")
APPEAL = ("appeal_preparation", "appeal_suspended", "appeal_scheduled")
SUSPENDED = ("suspended", "appeal_suspended")


def _in(stages: tuple[str, ...]) -> Members:
    def members(matter: Any) -> frozenset[str]:
        return frozenset((matter.ref,)) if matter.stage in stages else frozenset()

    return members


def label(act: Act, matter: Any, key: str = "") -> str:
    """The act's class name; a protest tells its level (`same`, `superior`), a review protest
    its procedure (`giam_doc_tham`, `tai_tham`)."""
    name = type(act).__name__
    if name == "Protested":
        return f"{name}.{getattr(act, 'level', '')}"
    if name == "CassationProtested":
        return f"{name}.{getattr(act, 'procedure', '')}"
    return name


def _measures(prefix: str) -> Any:
    def measures(matter: Any, acts: Sequence[Act]) -> Iterable[tuple[date, str]]:
        """`<prefix>.protest_heard`: the appeal court decides a matter the VKS protested."""
        protested = False
        for act in acts:
            name = type(act).__name__
            if name == "Protested":
                protested = True
            elif name == "AppealJudged" and protested:
                yield day_of(act.on), f"{prefix}.protest_heard"

    return measures


def agency(violation: Violation, matter: Any, acts: Sequence[Act], day: date) -> Agency:
    """The rule's `responsible` says who answers: a court (the matter's court when known),
    the procuracy itself (never a recommendation), or a party (no body to recommend to)."""
    try:
        responsible = RuleBook.default()[violation.rule].responsible
    except KeyError:
        return UNKNOWN
    if responsible.startswith("Tòa án"):
        return Agency("court", matter.court or responsible)
    if responsible.startswith(("Viện kiểm sát", "Người có thẩm quyền")):
        return Agency("procuracy", PROCURACY)
    return UNKNOWN


def court_statistics(prefix: str, matter: type[CourtMatter], counted: str) -> Statistics:
    """The stocks `<prefix>_first`, `<prefix>_appeal` and `<prefix>_suspended`."""
    stocks = (
        Stock(
            f"{prefix}_first",
            matter,
            f"{counted.capitalize()} đang giải quyết sơ thẩm",
            counted,
            _in(FIRST_INSTANCE),
        ),
        Stock(
            f"{prefix}_appeal",
            matter,
            f"{counted.capitalize()} đang giải quyết phúc thẩm",
            counted,
            _in(APPEAL),
        ),
        Stock(
            f"{prefix}_suspended",
            matter,
            f"{counted.capitalize()} đang tạm đình chỉ",
            counted,
            _in(SUSPENDED),
        ),
    )
    return Statistics(stocks=stocks, label=label, measures=_measures(prefix), agency=agency)
