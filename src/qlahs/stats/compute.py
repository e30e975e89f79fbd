"""A statistical report: one unit, a unit with its subordinates, or the nation, for one
period, as known at one recorded time.

    with Engine.open(url) as engine:
        report = compute(engine, "VKSQN", parse_period("y-2026"), with_subunits=True)
        report.value(indicator)            # the total; report.value(indicator, part) per unit

Everything is read from the event log up to the recorded time (snapshot.py), so the same
arguments with `known_at` give the same figures however many acts were recorded since.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import partial
from typing import TYPE_CHECKING

from qlahs.access.policy import Wish
from qlahs.domain.organisation_unit import OrganisationUnit
from qlahs.kernel.errors import QlahsError, SubjectNotFound
from qlahs.kernel.subject import Act
from qlahs.law.calendar import Calendar, fmt
from qlahs.law.fold import Fold
from qlahs.law.rulebook import RuleBook
from qlahs.law.units import units
from qlahs.stages.registry import registry
from qlahs.stats import snapshot as log
from qlahs.stats.agencies import Finding, findings_of
from qlahs.stats.facts import subject_facts
from qlahs.stats.indicators import Indicator
from qlahs.stats.measures import Measures, add, measure
from qlahs.stats.organisation import Organisation
from qlahs.stats.periods import Period
from qlahs.stats.stocks import contributions

if TYPE_CHECKING:
    from qlahs.engine import Engine

NATION = "Toàn quốc"


@dataclass
class Part:
    """One column of a report: a unit and, with subordinates, everything under it."""

    code: str
    name: str
    units: set[str]
    measures: Measures = field(default_factory=Measures)


@dataclass
class Report:
    unit: str | None  # None: the nation
    unit_name: str
    with_subunits: bool
    period: Period
    end: date  # the last day counted: the period's end, or the day the data was taken
    organisation_day: date
    known_at: datetime
    position: int
    parts: list[Part]
    total: Measures
    months: list[tuple[Period, Measures]]
    findings: list[Finding]
    notes: list[str]
    rule_titles: dict[str, str]
    # what a report sent up the hierarchy says of itself (submission.mark_submitted); None:
    # live figures, recomputed from the log
    submitted: str | None = None

    def value(self, indicator: Indicator, part: Part | None = None) -> int | float | None:
        """The indicator for the whole report, or for one of its parts (units)."""
        return indicator.formula(part.measures if part else self.total)

    @property
    def title(self) -> str:
        scope = " và các đơn vị trực thuộc" if self.with_subunits and self.unit else ""
        return f"Thống kê hình sự — {self.unit_name}{scope} — {self.period.title}"

    @property
    def taken(self) -> str:
        """When the data was taken, as people read it and as `--known-at` takes it back."""
        moment = self.known_at.astimezone(log.VIETNAM)
        return f"{moment:%H:%M:%S} ngày {moment:%d/%m/%Y} (giờ Việt Nam)"

    @property
    def figures_kind(self) -> str:
        """Whether the figures are live or as submitted, and when, as the reports print it."""
        if self.submitted is not None:
            return self.submitted
        return (
            f"Số liệu trực tiếp, tính lại từ nhật ký sự kiện lúc {self.taken}; chưa phải số "
            "liệu đã gửi cấp trên"
        )

    @property
    def known_at_text(self) -> str:
        return log.spell_moment(self.known_at)


def compute(
    engine: Engine,
    unit: str | None,
    period: Period,
    *,
    with_subunits: bool = False,
    known_at: datetime | None = None,
    units_as_of: date | None = None,
) -> Report:
    """The report as known at `known_at` (now when not given), replayed from the log."""
    what = f"báo cáo thống kê {period.title}"
    grant = engine.authorize(Wish("read.records", what, unit))
    if unit is None and grant.units is not None:
        engine.refuse(
            Wish("read.records", what),
            "Chỉ người dùng cấp toàn quốc được xem thống kê toàn quốc: ghi --unit là đơn vị "
            "của mình hoặc đơn vị trực thuộc.",
        )
    snapshot = log.read(engine, known_at)
    return report_of(
        snapshot,
        unit,
        period,
        with_subunits=with_subunits,
        units_as_of=units_as_of,
        rulebook=engine.rulebook,
        calendar=engine.calendar,
    )


def report_of(
    snapshot: log.Snapshot,
    unit: str | None,
    period: Period,
    *,
    with_subunits: bool = False,
    units_as_of: date | None = None,
    rulebook: RuleBook | None = None,
    calendar: Calendar | None = None,
) -> Report:
    rulebook = rulebook or RuleBook.default()
    calendar = calendar or Calendar.default()
    notes: list[str] = []
    end = min(period.end, snapshot.day)
    if end < period.start:
        raise QlahsError(
            f"Kỳ {period.title} chưa bắt đầu tại thời điểm lấy số liệu ({fmt(snapshot.day)})."
        )
    if end < period.end:
        notes.append(f"Kỳ chưa kết thúc: số liệu tính đến hết ngày {fmt(end)}.")
    unit_acts = snapshot.of_kind(OrganisationUnit)
    organisation, org_notes = _organisation(unit, period, end, units_as_of, unit_acts)
    notes += org_notes
    stages = contributions()
    kinds = registry().subjects
    subjects = [(kind, acts) for kind in stages for acts in snapshot.of_kind(kinds[kind])]
    if unit is not None:
        _require_known(unit, unit_acts, (acts for _, acts in subjects))
    units_seen = organisation.active_codes(acts[0].unit for _, acts in subjects)
    parts = _parts(organisation, unit, with_subunits, units_seen)
    where = {code: part for part in parts for code in part.units}
    total: Measures = Measures()
    months = [(month, Measures()) for month in period.clipped(end).months()]
    findings: list[Finding] = []
    rules = _rules(rulebook, calendar)
    for kind, acts in subjects:
        counted = organisation.resolve(acts[0].unit)
        part = where.get(counted)
        if part is None or acts[0].day > end:
            continue  # another unit's, or not begun by the end of the period
        facts = subject_facts(acts, rules.get(kind), stages[kind])
        judged = facts.judged(end)
        mine = measure(facts, period.start, end, judged)
        add(part.measures, mine)
        add(total, mine)
        for month, figures in months:
            add(figures, measure(facts, month.start, month.end, facts.judged(month.end)))
        findings += findings_of(facts, counted, judged, period.start, end)
    for part in parts:
        merged = organisation.predecessors(part.code)
        if merged:
            notes.append(
                f"{part.code} gồm số liệu của đơn vị đã sáp nhập vào: {', '.join(merged)}."
            )
    findings.sort(key=lambda f: (f.unit, f.rule, f.case, f.ref, f.happened_on or end))
    return Report(
        unit=unit,
        unit_name=organisation.name(unit) if unit else NATION,
        with_subunits=with_subunits,
        period=period,
        end=end,
        organisation_day=organisation.day,
        known_at=snapshot.known_at,
        position=snapshot.position,
        parts=parts,
        total=total,
        months=months,
        findings=findings,
        notes=notes,
        rule_titles={name: rule.title for name, rule in rulebook.rules.items()},
    )


def _require_known(unit: str, unit_acts: list[list[Act]], subjects: Iterable[list[Act]]) -> None:
    """A unit that neither units.yaml, nor the organisation's acts, nor any report or case
    knows is a typo: its all-zero report would read as "nothing happened there"."""
    if unit in units().units or any(getattr(acts[0], "ref", None) == unit for acts in unit_acts):
        return
    if any(acts[0].unit == unit for acts in subjects):
        return
    raise SubjectNotFound(
        f"Không có đơn vị {unit} (trường 'unit'): không có trong danh mục đơn vị, chưa được "
        "ghi nhận thành lập và chưa có nguồn tin, vụ án nào của đơn vị này."
    )


def _rules(rulebook: RuleBook, calendar: Calendar) -> dict[str, Callable[[], Fold]]:
    """Each kind's rules, ready to fold a subject's acts."""
    return {kind: partial(make, rulebook, calendar) for kind, make in registry().rules.items()}


def _organisation(
    unit: str | None,
    period: Period,
    end: date,
    units_as_of: date | None,
    unit_acts: Iterable[list[Act]],
) -> tuple[Organisation, list[str]]:
    """The organisation the report is cut by: as it stood on `units_as_of` when given, else
    at the end of the period, moved into the unit's lifetime when the unit did not exist on
    that day (a regional unit's year before its founding is its predecessors')."""
    acts = list(unit_acts)
    organisation = Organisation.read(units_as_of or end, acts)
    if unit is None:
        return organisation, []
    later = organisation.later.get(unit)
    state = organisation.states.get(unit)
    if units_as_of is not None:
        if later is not None:
            return organisation, [f"{unit} chưa được thành lập tại ngày {fmt(units_as_of)}."]
        if state is not None and state.successor is not None:
            successor = organisation.resolve(unit)
            return organisation, [
                f"{unit} đã sáp nhập vào {state.successor} tại ngày {fmt(units_as_of)}: số liệu "
                f"của đơn vị được tính cho {successor}."
            ]
        return organisation, []
    if later is not None and later.established_on is not None:
        day = later.established_on
        return Organisation.read(day, acts), [
            f"{unit} được thành lập ngày {fmt(day)}: số liệu trước ngày đó là của các đơn vị "
            "đã sáp nhập vào, theo tổ chức tại ngày thành lập."
        ]
    if state is not None and state.merged_on is not None:
        if period.start >= state.merged_on:
            raise QlahsError(
                f"Đơn vị {unit} đã sáp nhập vào {state.successor} từ ngày "
                f"{fmt(state.merged_on)}: hãy lập báo cáo cho {organisation.resolve(unit)}."
            )
        day = state.merged_on - timedelta(days=1)
        return Organisation.read(day, acts), [
            f"{unit} sáp nhập vào {state.successor} ngày {fmt(state.merged_on)}: báo cáo theo "
            f"tổ chức tại ngày {fmt(day)}."
        ]
    return organisation, []


def _parts(
    organisation: Organisation, unit: str | None, with_subunits: bool, codes: set[str]
) -> list[Part]:
    if unit is None:
        return [
            Part(root, organisation.name(root), organisation.subtree(root, codes))
            for root in organisation.roots(codes)
        ]
    own = Part(unit, organisation.name(unit), {unit})
    if not with_subunits:
        return [own]
    codes = codes | {unit}
    return [own] + [
        Part(child, organisation.name(child), organisation.subtree(child, codes))
        for child in organisation.children(unit, codes)
    ]
