"""A statistical report: one unit, a unit with its subordinates, or the nation, for one
period, as known at one recorded time.

    with Engine.open(url) as engine:
        report = compute(engine, "VKSQN", parse_period("y-2026"), with_subunits=True)
        report.value(indicator)            # the total; report.value(indicator, part) per unit

Each counted subject is read from the facts the projector keeps (stored.py), or replayed
from the event log when it was recorded after the report's moment (snapshot.py), so the
same arguments with `known_at` give the same figures however many acts were recorded since.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import partial
from typing import TYPE_CHECKING

from eventsourcing.utils import resolve_topic

from qlahs.access.policy import Wish
from qlahs.domain.organisation_unit import OrganisationUnit
from qlahs.kernel.errors import QlahsError
from qlahs.kernel.subject import Act
from qlahs.law.calendar import Calendar, fmt
from qlahs.law.fold import Fold
from qlahs.law.rulebook import RuleBook
from qlahs.stages.registry import registry
from qlahs.stats import snapshot as log
from qlahs.stats.agencies import Finding, findings_of
from qlahs.stats.columns import Part as Part
from qlahs.stats.columns import may_hold, organisation_of, parts_of, require_known
from qlahs.stats.facts import SubjectFacts, subject_facts
from qlahs.stats.indicators import Indicator
from qlahs.stats.measures import Measures, add, measure_into
from qlahs.stats.periods import Period
from qlahs.stats.stocks import contributions
from qlahs.stats.stored import Stored, Window

if TYPE_CHECKING:
    from qlahs.engine import Engine

NATION = "Toàn quốc"


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
    """The report as known at `known_at` (now when not given), from the projector's facts."""
    what = f"báo cáo thống kê {period.title}"
    grant = engine.authorize(Wish("read.records", what, unit))
    if unit is None and grant.units is not None:
        engine.refuse(
            Wish("read.records", what),
            "Chỉ người dùng cấp toàn quốc được xem thống kê toàn quốc: ghi --unit là đơn vị "
            "của mình hoặc đơn vị trực thuộc.",
        )
    units = log.units(engine, known_at)
    engine.catch_up()  # the facts rows then hold every act up to the units' position
    rules = _rules(engine.rulebook, engine.calendar)
    stored = Stored(engine, units.known_at, units.position, contributions(), rules)
    return report_of(
        units,
        unit,
        period,
        with_subunits=with_subunits,
        units_as_of=units_as_of,
        rulebook=engine.rulebook,
        calendar=engine.calendar,
        stored=stored,
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
    subjects: Iterable[list[Act]] | None = None,
    stored: Stored | None = None,
) -> Report:
    """The report of the subjects kept by the projector (`stored`), or of the acts of
    `subjects` (read from `snapshot` when not given), cut by the organisation of `snapshot`'s
    units."""
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
    organisation, org_notes = organisation_of(unit, period, end, units_as_of, unit_acts)
    notes += org_notes
    stages = contributions()
    month_periods = period.clipped(end).months()
    rules = _rules(rulebook, calendar)
    seen: set[str] = set()

    def wanted(code: str) -> bool:
        return may_hold(organisation, unit, with_subunits, organisation.resolve(code))

    if stored is not None:
        judged_days = tuple(sorted({month.end for month in month_periods} | {end}))
        counted_facts = stored.subjects(Window(wanted, period.start, end, judged_days), seen)
    else:
        if subjects is None:
            kinds = registry().subjects
            subjects = (acts for kind in stages for acts in snapshot.of_kind(kinds[kind]))
        counted_facts = _replayed(subjects, rules, wanted, end, seen)
    # Figures by the unit they count in; the report's columns are known once every subject's
    # unit has been seen, and a unit report skips the subjects no column can hold.
    by_unit: dict[str, Counted] = {}
    for facts in counted_facts:
        seen.add(facts.unit)
        counted = organisation.resolve(facts.unit)
        if facts.first_day > end or not may_hold(organisation, unit, with_subunits, counted):
            continue  # not begun by the end of the period, or another unit's
        judged = facts.judged(end)
        figures = by_unit.setdefault(
            counted, Counted(Measures(), [Measures() for _ in month_periods])
        )
        measure_into(figures.measures, facts, period.start, end, judged)
        for month, month_figures in zip(month_periods, figures.months, strict=True):
            measure_into(month_figures, facts, month.start, month.end, facts.judged(month.end))
        figures.findings += findings_of(facts, counted, judged, period.start, end)
    if stored is not None and stored.skipped:
        notes.append(
            f"{len(stored.skipped)} hồ sơ chưa tính được vào số liệu do lỗi khi đọc hồ sơ "
            "(quản trị viên cần kiểm tra, xem qlahs audit verify): "
            f"{', '.join(sorted(stored.skipped)[:20])}."
        )
    if unit is not None:
        require_known(unit, unit_acts, seen)
    parts = parts_of(organisation, unit, with_subunits, organisation.active_codes(seen))
    where = {code: part for part in parts for code in part.units}
    total: Measures = Measures()
    months = [(month, Measures()) for month in month_periods]
    findings: list[Finding] = []
    for counted, figures in by_unit.items():
        part = where.get(counted)
        if part is None:
            continue
        add(part.measures, figures.measures)
        add(total, figures.measures)
        for (_, month_total), month_figures in zip(months, figures.months, strict=True):
            add(month_total, month_figures)
        findings += figures.findings
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


def _replayed(
    subjects: Iterable[list[Act]],
    rules: dict[str, Callable[[], Fold]],
    wanted: Callable[[str], bool],
    end: date,
    seen: set[str],
) -> Iterator[SubjectFacts]:
    """The facts of each counted subject replayed from its acts; a subject no column can hold,
    or begun after the period, is only seen, not replayed."""
    stages = contributions()
    kinds = registry().subjects
    kind_of = {kinds[kind]: kind for kind in stages}
    for acts in subjects:
        kind = kind_of.get(resolve_topic(getattr(acts[0], "originator_topic", "")))
        if kind is None:
            continue
        seen.add(acts[0].unit)
        if acts[0].day <= end and wanted(acts[0].unit):
            yield subject_facts(acts, rules.get(kind), stages[kind])


def _rules(rulebook: RuleBook, calendar: Calendar) -> dict[str, Callable[[], Fold]]:
    """Each kind's rules, ready to fold a subject's acts."""
    return {kind: partial(make, rulebook, calendar) for kind, make in registry().rules.items()}


@dataclass
class Counted:
    """What the subjects counted in one unit add up to: the period, each month, findings."""

    measures: Measures
    months: list[Measures]
    findings: list[Finding] = field(default_factory=list)
