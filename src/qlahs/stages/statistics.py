"""What a stage contributes to the statistics (qlahs.stats reads it from the registry).

A stage sets `Stage.statistics` to a `Statistics`: the stocks its subjects fill, how its acts
are told apart in the measure keys, any other dated measures of one subject, and which body
a violation of its rules is held against. The statistics then count, for each of its subjects:

- `<stock>.carried`, `<stock>.in.<label>`, `<stock>.out.<label>`, `<stock>.end` per stock;
- `act.<kind>.<label>` per act dated in the period;
- every key `measures` yields for a day in the period;

and an indicator (stats/indicators.yaml) names those keys. A stage without `statistics` is
left out of the reports (the number registers, the organisation units).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from qlahs.kernel.subject import Act, Subject
from qlahs.law.deadlines import Violation

# the keys of a subject in the stock: the subject's ref, or ref/person
Members = Callable[[Any], frozenset[str]]


@dataclass(frozen=True)
class Stock:
    """What a unit holds on a given day: a question asked of a subject's state after each act.
    A stock names states, never steps, so the stage machine stays the one path."""

    name: str
    subject: type[Subject]
    title: str
    counted: str  # what one key is: nguồn tin, vụ, bị can, người
    members: Members


AgencyKind = Literal["investigation", "court", "procuracy", "unknown"]

KIND_NAMES: dict[str, str] = {
    "investigation": "Cơ quan điều tra, cơ quan được giao nhiệm vụ tiến hành một số hoạt động "
    "điều tra",
    "court": "Tòa án",
    "procuracy": "Viện kiểm sát (tự kiểm tra, không kiến nghị)",
    "unknown": "Chưa xác định cơ quan",
}
COURT = "Tòa án nhân dân xét xử sơ thẩm"
PROCURACY = "Viện kiểm sát"
INVESTIGATING = "Cơ quan điều tra"


@dataclass(frozen=True)
class Agency:
    """The body a violation is held against, for a recommendation (kiến nghị)."""

    kind: AgencyKind
    name: str

    @property
    def supervised(self) -> bool:
        """Whether a recommendation can go to it (the procuracy does not recommend to itself)."""
        return self.kind in ("investigation", "court")


UNKNOWN = Agency("unknown", KIND_NAMES["unknown"])


def act_name(act: Act, subject: Any, key: str) -> str:
    """An act's label when it has no variant: its class name (`Received`, `Suspended`)."""
    return type(act).__name__


# (the act, the subject after it, the stock key it moved or "") -> the label in measure keys
Label = Callable[[Act, Any, str], str]
# (the subject after its last act, its acts in recorded order) -> (legal day, measure key):
# each counts 1 in a period holding the day
DatedKeys = Callable[[Any, Sequence[Act]], Iterable[tuple[date, str]]]
# (the violation, the subject after its last act, its acts, the last day of the period)
AgencyOf = Callable[[Violation, Any, Sequence[Act], date], Agency]


@dataclass(frozen=True)
class Statistics:
    """What a stage's subjects add to the statistics (`Stage.statistics`)."""

    stocks: tuple[Stock, ...] = ()
    label: Label = act_name
    measures: DatedKeys | None = None
    agency: AgencyOf | None = None
