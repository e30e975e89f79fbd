"""What a counted subject (a report, a case…) gives the statistics, kept by the projector in
`qlahs_subject_facts` so that a report reads one row per subject instead of replaying the log.

The facts that do not depend on a period are folded act by act, in recorded order, exactly
as the statistics' replay folds them (stats/facts.py uses the same fold):

- `transitions`: each key entering or leaving each of its stage's stocks, dated and labelled;
- `counts`: each act by legal day and label, and the dated measures its stage adds.

What depends on the day a report is judged (overdue deadlines, violations, deadlines met
late) is read from the deadline and violation rows the same projector writes. The row also
says when the subject was last recorded (`position`, `recorded`), so that a report "as known
at" an earlier moment replays from the log only the subjects recorded since.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from qlahs.kernel.dates import day_of
from qlahs.kernel.subject import Act
from qlahs.stages.statistics import Statistics, Stock

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


@dataclass(frozen=True)
class Transition:
    day: date
    stock: str
    key: str
    sign: int  # +1 entered, -1 left
    label: str


@dataclass
class FactsFold:
    """The period-free facts of one subject, fed each act with the subject right after it."""

    kind: str
    statistics: Statistics
    stocks: tuple[Stock, ...]
    held: dict[str, frozenset[str]] = field(default_factory=dict)
    transitions: list[Transition] = field(default_factory=list)
    counts: list[tuple[date, str]] = field(default_factory=list)
    first: Act | None = None
    recorded: datetime | None = None  # the latest time any of its acts was recorded
    # a stage's statistics failed on one of its acts: no facts are kept (a report replays
    # the subject, and names it if that fails too), and its books and deadlines go on
    broken: bool = False

    @classmethod
    def of(cls, kind: str, subject_class: type, statistics: Statistics) -> FactsFold:
        mine = tuple(stock for stock in statistics.stocks if stock.subject is subject_class)
        return cls(kind, statistics, mine, {stock.name: frozenset() for stock in mine})

    def feed(self, act: Act, subject: Any) -> None:
        if self.first is None:
            self.first = act
        if self.recorded is None or act.timestamp > self.recorded:
            self.recorded = act.timestamp
        if self.broken:
            return
        try:
            self._count(act, subject)
        except Exception:  # the stage's statistics cannot read it: the report replays it
            self.broken = True

    def _count(self, act: Act, subject: Any) -> None:
        label = self.statistics.label
        day = act.day
        self.counts.append((day, f"act.{self.kind}.{label(act, subject, '')}"))
        for stock in self.stocks:
            now = stock.members(subject)
            before = self.held[stock.name]
            if now == before:
                continue
            for key in sorted(now - before):
                self.transitions.append(
                    Transition(day, stock.name, key, 1, label(act, subject, key))
                )
            for key in sorted(before - now):
                self.transitions.append(
                    Transition(day, stock.name, key, -1, label(act, subject, key))
                )
            self.held[stock.name] = now

    def all_counts(self, subject: Any, acts: list[Act]) -> list[tuple[date, str]]:
        """Every count: the acts', then the stage's own dated measures of the whole subject."""
        measures = self.statistics.measures
        extra = list(measures(subject, acts)) if measures is not None else []
        return self.counts + extra

    def row(
        self,
        subject_id: str,
        subject: Any,
        acts: list[Act],
        position: int,
        first_position: int | None,
    ) -> dict[str, Any]:
        assert self.first is not None and self.recorded is not None
        facts: str | None = None
        if not self.broken:
            try:
                counts = self.all_counts(subject, acts)
                facts = json.dumps(
                    {
                        "t": [
                            [t.day.isoformat(), t.stock, t.key, t.sign, t.label]
                            for t in self.transitions
                        ],
                        "c": [[day_of(day).isoformat(), key] for day, key in counts],
                    },
                    ensure_ascii=False,
                    separators=(",", ":"),
                )
            except Exception:  # as in `feed`
                facts = None
        return {
            "subject_id": subject_id,
            "kind": self.kind,
            "ref": subject.ref,
            "unit": self.first.unit,
            "first_day": self.first.day,
            "version": subject.version,
            "first_position": first_position,
            "position": position,
            "first_recorded": microseconds(self.first.timestamp),
            "recorded": microseconds(self.recorded),
            "facts": facts,
        }


def read_facts(text: str) -> tuple[list[Transition], list[tuple[date, str]]]:
    """The transitions and counts of a row's `facts`."""
    data = json.loads(text)
    transitions = [
        Transition(date.fromisoformat(day), stock, key, int(sign), label)
        for day, stock, key, sign, label in data["t"]
    ]
    counts = [(date.fromisoformat(day), key) for day, key in data["c"]]
    return transitions, counts


def microseconds(moment: datetime) -> int:
    """A recorded time as a whole number of microseconds since 1970 (UTC): compared exactly."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return (moment - EPOCH) // timedelta(microseconds=1)


def counted_kinds(stages: Iterable[Any]) -> dict[str, tuple[type, Statistics]]:
    """Each counted kind of subject, its aggregate class and what its stage contributes."""
    return {
        stage.subject.kind: (stage.subject, stage.statistics)
        for stage in stages
        if stage.statistics is not None
    }
