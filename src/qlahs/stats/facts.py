"""What one subject (a report, a case…) contributes to statistics, read once from its acts
with what its stage registered (`Stage.statistics`, stages/statistics.py).

- `transitions`: every entry into and exit from a stock (stocks.py), dated and labelled;
- `counts`: every act, by legal day and label, for the indicators that count acts
  (extensions, approvals, appeals…), and the dated measures its stage adds;
- `history`: the rules' versions (law/deadlines.py), to judge deadlines and violations as of
  any day exactly as the deadline lists do, and the deadlines met late (`late`).

A period's figures are then sums over these lists (measures.py), so a year, its months and
any roll-up of units all read the same facts.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from eventsourcing.utils import resolve_topic

from qlahs.kernel.errors import QlahsError
from qlahs.kernel.subject import Act
from qlahs.law.deadlines import Judgement, Version, iso, judge, versions
from qlahs.law.fold import Fold
from qlahs.projections.stat_facts import FactsFold, Transition
from qlahs.stages.statistics import Statistics


@dataclass
class SubjectFacts:
    kind: str
    ref: str
    unit: str  # the unit that recorded the subject (its first act)
    subject: Any  # the aggregate after its last act (as known)
    acts: Sequence[Act]
    statistics: Statistics  # what its stage contributes
    transitions: list[Transition] = field(default_factory=list)
    counts: list[tuple[date, str]] = field(default_factory=list)
    history: list[Version] = field(default_factory=list)
    late: list[tuple[date, str]] = field(default_factory=list)  # deadlines met late
    first_day: date = date.min  # the legal day of its first act

    def judged(self, day: date) -> Judgement:
        return judge(self.history, day)


def late_closures(history: Sequence[Version]) -> list[tuple[date, str]]:
    """(day, rule) of every deadline met late. Read from every version, not only the last:
    a later act may open the same obligation again (a file returned for supplementary
    investigation), and the late act must still count on its own day."""
    seen: set[tuple[str, str, date, str | None]] = set()
    for version in history:
        for deadline in version.deadlines:
            if deadline.status == "missed" and deadline.closed_on is not None:
                seen.add((deadline.ref, deadline.rule, deadline.closed_on, iso(deadline.due)))
    return sorted((closed_on, rule) for _, rule, closed_on, _ in seen)


def subject_facts(
    acts: Sequence[Act], make_rules: Callable[[], Fold] | None, statistics: Statistics
) -> SubjectFacts:
    """Replay one subject's acts in recorded order, noting what entered and left each stock
    (the projector keeps the same fold: projections/stat_facts.py)."""
    aggregate_class = resolve_topic(acts[0].originator_topic)  # type: ignore[attr-defined]
    fold = FactsFold.of(str(aggregate_class.kind), aggregate_class, statistics)
    subject: Any = None
    for act in acts:
        if subject is not None and act.originator_version > subject.version + 1:
            # an erasure came between (snapshot.py follows it, not keeps it): it changes
            # nothing the statistics read, its acts are already read as erased
            subject.version = act.originator_version - 1
        subject = act.mutate(subject)
        fold.feed(act, subject)
    if fold.broken:
        raise QlahsError(f"Không đọc được hồ sơ {subject.ref} để thống kê.")
    history = versions(acts, make_rules) if make_rules is not None else []
    return SubjectFacts(
        fold.kind,
        subject.ref,
        acts[0].unit,
        subject,
        acts,
        statistics,
        fold.transitions,
        fold.all_counts(subject, list(acts)),
        history,
        late_closures(history),
        acts[0].day,
    )
