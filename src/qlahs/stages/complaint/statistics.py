"""What complaints add to the statistics: the complaints being resolved, a receipt told apart
by its nature, and each resolution counted as in time or late."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date
from typing import Any

from qlahs.domain.complaint import SUPERVISED_BODY, Complaint
from qlahs.kernel.subject import Act
from qlahs.law.calendar import Calendar
from qlahs.law.deadlines import Violation
from qlahs.stages.complaint.rules import (
    FORWARD,
    FURTHER,
    RESOLUTIONS,
    RESOLVE_FURTHER,
    SUPERVISION,
    TIME_BAR,
    ComplaintRules,
)
from qlahs.stages.registry import registry
from qlahs.stages.statistics import (
    COURT,
    INVESTIGATING,
    PROCURACY,
    UNKNOWN,
    Agency,
    Statistics,
    Stock,
)


def _pending(complaint: Any) -> frozenset[str]:
    return frozenset((complaint.ref,)) if complaint.stage in ("pending", "further") else frozenset()


STOCKS = (Stock("complaint", Complaint, "Đơn khiếu nại, tố cáo đang giải quyết", "đơn", _pending),)


def label(act: Act, complaint: Any, key: str = "") -> str:
    """The act's class name; a receipt tells a complaint from a denunciation."""
    name = type(act).__name__
    return f"{name}.{act.nature}" if isinstance(act, Complaint.Received) else name


def measures(complaint: Any, acts: Sequence[Act]) -> Iterator[tuple[date, str]]:
    """`complaint.resolved_in_time` / `complaint.resolved_late` on the day of each resolution,
    judged by the stage's own rules."""
    fold = ComplaintRules(registry().rulebook, Calendar.default())
    for act in acts:
        before = {r: d.status for r, d in fold.deadlines.items() if r in RESOLUTIONS}
        fold.apply(act)
        if not isinstance(act, Complaint.Resolved):
            continue
        for rule, status in before.items():
            if status == "open" and fold.deadlines[rule].status in ("met", "missed"):
                met = fold.deadlines[rule].status == "met"
                yield act.day, "complaint.resolved_in_time" if met else "complaint.resolved_late"


COURT_LEVELS = frozenset({"tham_phan", "chanh_an"})
INVESTIGATION_LEVELS = frozenset({"dieu_tra_vien", "thu_truong_cqdt"})


def _answering(rule: str, complaint: Any) -> str | None:
    """The body (`Receiver` code) that answers for an obligation of the complaint; None for a
    right of the complainant."""
    if rule in (TIME_BAR, FURTHER):
        return None
    if rule == FORWARD:
        return str(complaint.received_by)
    if complaint.against_level in COURT_LEVELS:
        return "TOA"  # Điều 474 k3, 477, 481 k1: the court's own chiefs
    if complaint.object == "giu_nguoi" or rule == RESOLVE_FURTHER:
        return "VKS"  # Điều 474 k2, 481 k4; a further complaint goes to the procuracy
    if rule == SUPERVISION:
        return SUPERVISED_BODY.get(complaint.against_level, "VKS")
    if complaint.nature == "to_cao":
        return "CQDT" if complaint.against_level in INVESTIGATION_LEVELS else "VKS"
    return SUPERVISED_BODY.get(complaint.against_level, "VKS")


def agency(violation: Violation, complaint: Any, acts: Sequence[Act], day: date) -> Agency:
    """The body that answers for the obligation broken (Điều 474–477, 481, 483): the one a
    recommendation goes to, or the procuracy itself."""
    body = _answering(violation.rule, complaint)
    if body is None:
        return UNKNOWN
    if body == "TOA":
        return Agency("court", COURT)
    if body == "VKS":
        return Agency("procuracy", PROCURACY)
    return Agency("investigation", INVESTIGATING)


STATISTICS = Statistics(stocks=STOCKS, label=label, measures=measures, agency=agency)
