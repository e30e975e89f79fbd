"""A unit's statistical report for one period, sent up the hierarchy (TTLT 05/2018 Điều 9,
12; law.md §13.2).

The figures are computed from the log by the statistics (a stage never imports them) and
arrive with the command as a snapshot: indicator code → value, the log position and the
recorded moment they were computed from, and a checksum over all of it. The aggregate keeps
each submitted snapshot as it came, never recomputed: a figure of a submitted report is what
the unit sent, whatever is recorded later.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, ClassVar

from eventsourcing.domain import Aggregate

from qlahs.domain.machines.statreport import StatisticalReportPath
from qlahs.kernel.errors import CommandRejected
from qlahs.kernel.machines import transitions_of
from qlahs.kernel.subject import Act, Subject, subject_id
from qlahs.law.calendar import fmt

Figures = Mapping[str, int | float | None]


def checksum(figures: Figures, position: int, known_at: str) -> str:
    """SHA-256 of the snapshot in one canonical spelling: whoever holds the figures, the
    position and the moment can tell whether they are the ones submitted."""
    content = json.dumps(
        {"figures": dict(sorted(figures.items())), "position": position, "known_at": known_at},
        sort_keys=True,
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(content.encode()).hexdigest()


def report_ref(unit: str, period: str) -> str:
    """A report is named by its unit and its period's code: VKSKV7/2026-03."""
    return f"{unit}/{period}"


class SnapshotAct(Act):
    """An act carrying figures computed from the log."""

    figures: dict[str, int | float | None]
    position: int
    known_at: str  # ISO 8601 with its offset, as the checksum covers it
    checksum: str


class StatisticalReport(Subject):
    kind: ClassVar[str] = "statreport"
    noun: ClassVar[str] = "báo cáo thống kê"
    transitions = transitions_of(StatisticalReportPath)
    stage_names: ClassVar[dict[str, str]] = {
        str(s.value): str(s.name) for s in StatisticalReportPath.states
    }

    if TYPE_CHECKING:  # state set by the acts
        period: str
        period_start: date
        period_end: date
        submissions: int
        returns: int

    class Drafted(SnapshotAct, Aggregate.Created):
        named = "Lập báo cáo thống kê"

        ref: str
        period: str
        period_start: date
        period_end: date

        def apply(self, aggregate: Any) -> None:
            aggregate.ref, aggregate.unit, aggregate.stage = self.ref, self.unit, "drafted"
            aggregate.opened_on = self.on
            aggregate.period = self.period
            aggregate.period_start, aggregate.period_end = self.period_start, self.period_end
            aggregate.submissions = aggregate.returns = 0

    class Redrafted(SnapshotAct):
        step = "draft"

    class Submitted(SnapshotAct):
        step = "submit"

        def apply(self, aggregate: Any) -> None:
            super().apply(aggregate)
            aggregate.submissions += 1

    class Returned(Act):
        step = "send_back"
        named = "Đơn vị cấp trên trả lại báo cáo thống kê"
        reasons: list[str]

        def apply(self, aggregate: Any) -> None:
            super().apply(aggregate)
            aggregate.returns += 1

    class Accepted(Act):
        step = "accept"

    # -- commands: check, then record ---------------------------------------------------------

    @classmethod
    def draft_new(cls, *, ref: str, **fields: Any) -> StatisticalReport:
        day = fields["on"].date() if isinstance(fields["on"], datetime) else fields["on"]
        if day < fields["period_start"]:
            raise CommandRejected(
                f"Trường 'on' ({fmt(fields['on'])}): kỳ {fields['period']} bắt đầu ngày "
                f"{fmt(fields['period_start'])}, chưa thể lập báo cáo."
            )
        return cls._create(cls.Drafted, id=subject_id(cls.kind, ref), ref=ref, **fields)

    def redraft(self, **fields: Any) -> None:
        self.require_step("draft", fields["on"])
        self.trigger_event(self.Redrafted, **self._snapshot(fields))

    def submit(self, **fields: Any) -> None:
        self.require_step("submit", fields["on"])
        _require_after_period(fields["on"], self.period_end, "gửi")
        self.trigger_event(self.Submitted, **self._snapshot(fields))

    def send_back(self, *, superiors: list[str], reasons: list[str], **fields: Any) -> None:
        self.require_step("send_back", fields["on"])
        self._require_superior(fields["unit"], superiors, "trả lại")
        self.trigger_event(self.Returned, reasons=reasons, **fields)

    def accept(self, *, superiors: list[str], **fields: Any) -> None:
        self.require_step("accept", fields["on"])
        self._require_superior(fields["unit"], superiors, "chấp nhận")
        self.trigger_event(self.Accepted, **fields)

    def _snapshot(self, fields: dict[str, Any]) -> dict[str, Any]:
        """The act's fields without those naming the period, which the report already has."""
        if fields.get("period") not in (None, self.period):
            raise CommandRejected(
                f"Trường 'period': báo cáo {self.ref} là của kỳ {self.period}, không phải "
                f"{fields['period']}."
            )
        return {
            k: v for k, v in fields.items() if k not in ("period", "period_start", "period_end")
        }

    def _require_superior(self, unit: str, superiors: list[str], what: str) -> None:
        if unit not in superiors:
            above = ", ".join(superiors) or "không có đơn vị cấp trên"
            raise CommandRejected(
                f"Trường 'unit': chỉ đơn vị cấp trên của {self.unit} ({above}) được {what} báo "
                f"cáo thống kê {self.ref}; {unit} không phải đơn vị cấp trên."
            )


def _require_after_period(on: date, end: date, what: str) -> None:
    day = on.date() if isinstance(on, datetime) else on
    if day <= end:
        raise CommandRejected(
            f"Trường 'on' ({fmt(on)}): chỉ {what} báo cáo thống kê sau khi kỳ kết thúc "
            f"({fmt(end)})."
        )
