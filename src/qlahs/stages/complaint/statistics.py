"""What complaints add to the statistics: the complaints being resolved, a receipt told apart
by its nature, and each resolution counted as in time or late."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date
from typing import Any

from qlahs.domain.complaint import Complaint
from qlahs.kernel.subject import Act
from qlahs.law.calendar import Calendar
from qlahs.law.deadlines import Violation
from qlahs.stages.complaint.rules import RESOLUTIONS, SUPERVISION, ComplaintRules
from qlahs.stages.registry import registry
from qlahs.stages.statistics import (
    COURT,
    INVESTIGATING,
    PROCURACY,
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


def agency(violation: Violation, complaint: Any, acts: Sequence[Act], day: date) -> Agency:
    """The body that received the complaint answers for resolving it; a request of the
    procuracy is answered by the body it was sent to."""
    body = complaint.received_by
    if violation.rule.startswith(SUPERVISION) or body != "VKS":
        if body == "TOA":
            return Agency("court", COURT)
        return Agency("investigation", INVESTIGATING)
    return Agency("procuracy", PROCURACY)


STATISTICS = Statistics(stocks=STOCKS, label=label, measures=measures, agency=agency)
