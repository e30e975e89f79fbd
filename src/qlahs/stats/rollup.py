"""What the submitted reports add up to, and how today's figures differ from them.

- `roll_up`: a unit's report of submitted figures is its own submitted report plus the
  accepted reports of every unit under it (the nation: every accepted report), with the units
  as they stood at the end of the period, so that a unit merged in 2025 counts in its successor
  as the live statistics count it. A rate cannot be added up: it is left empty.
- `difference`: per indicator, the figure submitted beside the one recomputed today, and the
  acts that explain the gap — recorded after the snapshot was taken, with a legal date inside
  the period (back-dated or corrected after submission).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING

from eventsourcing.utils import resolve_topic

from qlahs.access.policy import Wish
from qlahs.domain.organisation_unit import OrganisationUnit
from qlahs.kernel.errors import QlahsError
from qlahs.kernel.subject import Act
from qlahs.law.calendar import fmt
from qlahs.stats import snapshot as log
from qlahs.stats.compute import report_of
from qlahs.stats.indicators import Indicator, catalogue
from qlahs.stats.organisation import Organisation
from qlahs.stats.periods import Period
from qlahs.stats.submission import Filed, acts_of, filed_reports

if TYPE_CHECKING:
    from qlahs.engine import Engine


@dataclass
class RollUp:
    unit: str | None
    period: Period
    figures: dict[str, int | float | None]
    included: list[Filed]  # the reports added in
    waiting: list[Filed]  # reports of the units in the roll-up not counted yet


def roll_up(engine: Engine, unit: str | None, period: Period) -> RollUp:
    """The unit's own submitted report and the accepted reports of every unit under it (None:
    the nation: every accepted report)."""
    reports = filed_reports(engine, unit, period.code)
    organisation = Organisation.read(period.end, acts_of(engine, OrganisationUnit))
    mine = [f for f in reports if unit is None or _under(organisation, f.unit, unit)]
    included = [f for f in mine if _counts(f, own=f.unit == unit)]
    return RollUp(
        unit,
        period,
        add_up(f.submitted.figures for f in included if f.submitted is not None),
        included,
        [f for f in mine if f not in included],
    )


def _counts(filed: Filed, *, own: bool) -> bool:
    """A unit below counts once the level above accepted its report; the unit's own report
    counts as submitted (it is the level above that accepts it)."""
    if filed.submitted is None:
        return False
    return filed.accepted or (own and filed.stage == "submitted")


def add_up(many: Iterable[Mapping[str, int | float | None]]) -> dict[str, int | float | None]:
    """Indicator by indicator, the sum of the figures (a rate is not summed: None)."""
    rates = {i.code for i in catalogue() if i.is_rate}
    total: dict[str, int | float | None] = {}
    for figures in many:
        for code, value in figures.items():
            if code in rates:
                total[code] = None
            elif value is not None:
                before = total.get(code) or 0
                total[code] = before + value
            else:
                total.setdefault(code, None)
    return total


def _under(organisation: Organisation, code: str, top: str) -> bool:
    """Whether `code`, as it stood at the end of the period, is `top` or under it."""
    return organisation.within(organisation.resolve(code), top)


def _unit_kind() -> type[OrganisationUnit]:
    return OrganisationUnit


@dataclass(frozen=True)
class LateAct:
    """An act recorded after the snapshot with a legal date inside the period."""

    ref: str
    noun: str  # what the subject is: "nguồn tin", "vụ án"
    on: date
    recorded_at: datetime

    @property
    def line(self) -> str:
        moment = self.recorded_at.astimezone(log.VIETNAM)
        return (
            f"{self.noun} {self.ref}: hành vi có hiệu lực ngày {fmt(self.on)}, ghi nhận lúc "
            f"{moment:%H:%M %d/%m/%Y}, sau thời điểm lấy số liệu đã gửi"
        )


@dataclass
class Difference:
    filed: Filed
    known_at: datetime
    lines: list[tuple[Indicator, int | float | None, int | float | None]]
    late_acts: list[LateAct] = field(default_factory=list)

    @property
    def changed(self) -> list[tuple[Indicator, int | float | None, int | float | None]]:
        return [line for line in self.lines if line[1] != line[2]]


def difference(engine: Engine, unit: str, period: Period) -> Difference:
    """The submitted figures of `unit`'s report for `period` beside today's."""
    found = [f for f in filed_reports(engine, unit, period.code) if f.unit == unit]
    if not found or found[0].submitted is None:
        raise QlahsError(f"{unit} chưa gửi báo cáo thống kê {period.title}.")
    filed = found[0]
    sent = filed.submitted
    assert sent is not None
    known_at = datetime.fromisoformat(sent.known_at)
    engine.authorize(Wish("read.records", f"báo cáo thống kê {period.title}", unit))
    snapshot = log.read(engine)  # one reading: today's figures and the acts that explain them
    today = report_of(snapshot, unit, period, rulebook=engine.rulebook, calendar=engine.calendar)
    lines = [(i, sent.figures.get(i.code), today.value(i)) for i in catalogue()]
    organisation = Organisation.read(period.end, snapshot.of_kind(_unit_kind()))
    late: list[LateAct] = []
    for acts in snapshot.subjects.values():
        first = acts[0]
        if isinstance(first, _unit_kind().Established):
            continue  # the organisation's own acts are not counted
        if organisation.resolve(first.unit) != organisation.resolve(unit):
            continue
        noun = getattr(resolve_topic(getattr(first, "originator_topic", "")), "noun", "hồ sơ")
        ref = str(getattr(first, "ref", ""))
        late += [
            LateAct(ref, noun, a.day, a.timestamp) for a in acts if _explains(a, known_at, period)
        ]
    late.sort(key=lambda a: (a.recorded_at, a.ref))
    return Difference(filed, known_at, lines, late)


def _explains(act: Act, known_at: datetime, period: Period) -> bool:
    return act.timestamp > known_at and period.start <= act.day <= period.end
