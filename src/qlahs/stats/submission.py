"""Reports sent up the hierarchy, as the statistics see them: the figures a unit submits
(computed here, carried by the `statreport.*` command with their checksum), and each report's
history read back from the log.

    figures = report_figures(compute(engine, "VKSKV7", month(2026, 3)))
    engine.execute(submit_command(report, on=date(2026, 4, 2)))
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from qlahs.access.policy import Wish
from qlahs.domain.statistical_report import (
    SnapshotAct,
    StatisticalReport,
    checksum,
    report_ref,
)
from qlahs.kernel.subject import Act, Subject
from qlahs.law.calendar import fmt
from qlahs.stats.compute import Report
from qlahs.stats.indicators import catalogue
from qlahs.stats.measures import Measures
from qlahs.stats.periods import Period
from qlahs.stats.snapshot import PAGE, VIETNAM, act_topics

if TYPE_CHECKING:
    from qlahs.engine import Engine

STAGE_NAMES = {
    "drafted": "Đang lập",
    "submitted": "Đã gửi cấp trên, chờ duyệt",
    "returned": "Bị trả lại để sửa",
    "accepted": "Đã được cấp trên chấp nhận",
}
STEP_NAMES = {
    "Drafted": "Lập báo cáo",
    "Redrafted": "Lập lại báo cáo",
    "Submitted": "Gửi cấp trên",
    "Returned": "Cấp trên trả lại",
    "Accepted": "Cấp trên chấp nhận",
}


def report_figures(report: Report) -> dict[str, int | float | None]:
    """Every indicator of the shipped catalogue for the report as a whole."""
    return figures_of(report.total)


def figures_of(measures: Measures) -> dict[str, int | float | None]:
    return {indicator.code: indicator.formula(measures) for indicator in catalogue()}


def month_figures(report: Report) -> list[tuple[Period, dict[str, int | float | None]]]:
    """Each month of a longer report, figured as that month's own report would be (the same
    measures, from the same reading of the log): a year's months from one pass."""
    return [(month, figures_of(measures)) for month, measures in report.months]


def snapshot_command(action: str, report: Report, on: date) -> dict[str, Any]:
    """The `statreport.draft`/`statreport.submit` command carrying the report's figures."""
    assert report.unit is not None, "the nation submits no report of its own"
    return snapshot_step(action, report.unit, report.period, report_figures(report), report, on)


def snapshot_step(
    action: str,
    unit: str,
    period: Period,
    figures: dict[str, int | float | None],
    read: Report,
    on: date,
) -> dict[str, Any]:
    """The command for `figures` of `unit` for `period`, taken from the reading of `read`."""
    known_at = read.known_at.isoformat()
    return {
        "do": action,
        "ref": report_ref(unit, period.code),
        "on": on,
        "unit": unit,
        "with": {
            "period": period.code,
            "period_start": period.start,
            "period_end": period.end,
            "figures": figures,
            "position": read.position,
            "known_at": known_at,
            "checksum": checksum(figures, read.position, known_at),
        },
    }


def mark_submitted(report: Report, on: date) -> Report:
    """The report as sent: its Excel and HTML say the figures are the submitted ones."""
    assert report.unit is not None
    ref = report_ref(report.unit, report.period.code)
    sealed = checksum(report_figures(report), report.position, report.known_at.isoformat())
    said = (
        f"Số liệu đã gửi cấp trên ngày {fmt(on)} (báo cáo {ref}, lấy lúc {report.taken}, mã "
        f"kiểm tra {sealed[:16]}…): giữ nguyên như khi gửi, không tính lại"
    )
    return replace(report, submitted=said)


@dataclass(frozen=True)
class Step:
    name: str
    on: date
    recorded_at: datetime
    actor: str
    unit: str
    reasons: tuple[str, ...] = ()
    note: str | None = None

    @property
    def line(self) -> str:
        moment = self.recorded_at.astimezone(VIETNAM)
        why = f" — lý do: {'; '.join(self.reasons)}" if self.reasons else ""
        return (
            f"{fmt(self.on)}: {self.name} ({self.actor}, {self.unit}; ghi nhận lúc "
            f"{moment:%H:%M %d/%m/%Y}){why}"
        )


@dataclass
class Filed:
    """One report as the log holds it: its history and the snapshot last submitted."""

    ref: str
    unit: str
    period: str
    period_start: date
    period_end: date
    stage: str = "drafted"
    steps: list[Step] = field(default_factory=list)
    submitted: SnapshotAct | None = None  # the figures as sent, never recomputed
    draft: SnapshotAct | None = None

    @property
    def stage_name(self) -> str:
        return STAGE_NAMES.get(self.stage, self.stage)

    @property
    def accepted(self) -> bool:
        return self.stage == "accepted"


def filed_of(acts: list[Act]) -> Filed:
    first = acts[0]
    assert isinstance(first, StatisticalReport.Drafted)
    filed = Filed(first.ref, first.unit, first.period, first.period_start, first.period_end)
    for act in acts:
        name = type(act).__name__
        if name not in STEP_NAMES:
            continue  # not a legal act (an erasure)
        filed.stage = StatisticalReport.transitions[filed.stage].get(act.step, filed.stage)
        filed.steps.append(
            Step(
                STEP_NAMES[name],
                act.day,
                act.recorded_at,
                act.actor,
                act.unit,
                tuple(getattr(act, "reasons", ())),
                act.note,
            )
        )
        if isinstance(act, StatisticalReport.Submitted):
            filed.submitted = act
        elif isinstance(act, SnapshotAct):
            filed.draft = act
    return filed


def filed_reports(
    engine: Engine, unit: str | None = None, period: str | None = None
) -> list[Filed]:
    """Every report in the log (of `unit`'s reach and `period` when given), read as stored now."""
    what = "báo cáo thống kê đã lập, đã gửi"
    if unit is not None:
        engine.authorize(Wish("read.records", what, unit))
    reach = engine.authorize(Wish("read.records", what)).units
    found = [filed_of(acts) for acts in acts_of(engine, StatisticalReport)]
    kept = [
        f
        for f in found
        if (period is None or f.period == period) and (reach is None or f.unit in reach)
    ]
    return sorted(kept, key=lambda f: (f.period_start, f.unit))


def acts_of(engine: Engine, kind: type[Subject]) -> list[list[Act]]:
    """The acts of every subject of `kind` as stored now (each list in version order),
    reading only their topics from the log."""
    topics = sorted(act_topics([kind]))
    by_subject: dict[Any, list[Act]] = {}
    stop = engine.log.recorder.max_notification_id() or 0
    start = 0
    while start < stop:
        page = engine.log.recorder.select_notifications(
            start=start, limit=PAGE, stop=stop, topics=topics, inclusive_of_start=False
        )
        if not page:
            break
        for notification in page:
            event = engine.log.mapper.to_domain_event(notification)
            if isinstance(event, Act):
                by_subject.setdefault(event.originator_id, []).append(event)
        start = page[-1].id
    return [sorted(acts, key=lambda a: a.originator_version) for acts in by_subject.values()]
