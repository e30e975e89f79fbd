"""A crime report (nguồn tin về tội phạm): tố giác, tin báo, kiến nghị khởi tố.

The aggregate only records acts. Whether an act was on time, premature or one too many is
judged by `stages/report/rules.py`, never here (ARCHITECTURE principle 1).
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any, ClassVar, Literal

from eventsourcing.domain import Aggregate

from qlahs.domain.machines.report import ReportResolution
from qlahs.domain.supervision import SupervisionActs
from qlahs.kernel.errors import CommandRejected
from qlahs.kernel.machines import transitions_of
from qlahs.kernel.subject import Act, subject_id
from qlahs.law.calendar import fmt

Source = Literal["to_giac", "tin_bao", "kien_nghi_khoi_to"]
Body = Literal["CQDT", "VKS", "CQ_KHAC", "CA_XA", "CQDT_VKSTC"]
SuspensionGround = Literal[
    "giam_dinh", "dinh_gia", "tuong_tro_tu_phap", "tai_lieu", "bat_kha_khang"
]
Outcome = Literal["khoi_to", "khong_khoi_to"]

SOURCE_NAMES = {
    "to_giac": "Tố giác về tội phạm",
    "tin_bao": "Tin báo về tội phạm",
    "kien_nghi_khoi_to": "Kiến nghị khởi tố",
}
BODY_NAMES = {
    "CQDT": "Cơ quan điều tra",
    "VKS": "Viện kiểm sát",
    "CQ_KHAC": "Cơ quan được giao nhiệm vụ tiến hành một số hoạt động điều tra",
    "CA_XA": "Công an xã, phường, thị trấn",
    # module 6: the procuracy's own investigation agency (domain/own_agency.py)
    "CQDT_VKSTC": "Cơ quan điều tra Viện kiểm sát nhân dân tối cao",
}
GROUND_NAMES = {
    "giam_dinh": "chờ kết quả giám định",
    "dinh_gia": "chờ kết quả định giá tài sản",
    "tuong_tro_tu_phap": "chờ kết quả tương trợ tư pháp",
    "tai_lieu": "chờ tài liệu, đồ vật được yêu cầu",
    "bat_kha_khang": "thiên tai, dịch bệnh hoặc sự kiện bất khả kháng",
}
OUTCOME_NAMES = {"khoi_to": "Khởi tố vụ án", "khong_khoi_to": "Không khởi tố vụ án"}


class CrimeReport(SupervisionActs):
    """One crime report from receipt to the decision on it."""

    kind: ClassVar[str] = "report"
    noun: ClassVar[str] = "nguồn tin"
    transitions = transitions_of(ReportResolution)
    stage_names: ClassVar[dict[str, str]] = {
        str(s.value): str(s.name) for s in ReportResolution.states
    }

    if TYPE_CHECKING:  # state set by the acts; not dataclass fields of the aggregate
        source: str
        received_by: str
        summary: str
        reporter: str | None
        suspects: list[str]
        notified_on: date | None
        transferred_to: str | None
        prosecutor: str | None
        outcome: str | None
        case: str | None

    # -- acts ------------------------------------------------------------------------------

    class Received(Act, Aggregate.Created):
        personal = ("summary", "reporter", "suspects")

        ref: str
        source: str
        received_by: str
        summary: str
        reporter: str | None
        suspects: list[str]

        def apply(self, aggregate: Any) -> None:
            aggregate.ref, aggregate.unit = self.ref, self.unit
            aggregate.stage = "received"
            aggregate.opened_on = self.on
            aggregate.source, aggregate.received_by = self.source, self.received_by
            aggregate.summary, aggregate.reporter = self.summary, self.reporter
            aggregate.suspects = list(self.suspects)
            aggregate.notified_on = aggregate.prosecutor = aggregate.transferred_to = None
            aggregate.outcome = aggregate.case = None

    class Transferred(Act):
        step = "transfer"
        to: str

        def apply(self, aggregate: Any) -> None:
            super().apply(aggregate)
            aggregate.transferred_to = self.to

    class ProcuracyNotified(Act):
        step = "notify_procuracy"

        def apply(self, aggregate: Any) -> None:
            super().apply(aggregate)
            aggregate.notified_on = self.on

    class ProsecutorAssigned(Act):
        step = "assign_prosecutor"
        prosecutor: str

        def apply(self, aggregate: Any) -> None:
            super().apply(aggregate)
            aggregate.prosecutor = self.prosecutor

    class Extended(Act):
        step = "extend"
        until: date | None

    class ExtensionRequested(Act):
        step = "request_extension"

    class ExtensionGranted(Act):
        step = "grant_extension"
        months: int | None
        until: date | None

    class ExtensionRefused(Act):
        step = "refuse_extension"

    class Suspended(Act):
        step = "suspend"
        ground: str

    class SuspensionCancelled(Act):
        step = "cancel_suspension"

    class Resumed(Act):
        step = "resume"

    class Decided(Act):
        step = "decide"
        outcome: str
        case: str | None

        def apply(self, aggregate: Any) -> None:
            super().apply(aggregate)
            aggregate.outcome, aggregate.case = self.outcome, self.case

    class Corrected(Act):
        """The descriptive fields as they should have been recorded (a misspelt name, a
        summary to complete), with the reason: the receipt itself is never changed. A field
        left None is unchanged; an empty one is cleared."""

        step = "correct"
        personal = ("summary", "reporter", "suspects", "reason")

        summary: str | None
        reporter: str | None
        suspects: list[str] | None
        reason: str

        def apply(self, aggregate: Any) -> None:
            super().apply(aggregate)
            if self.summary is not None:
                aggregate.summary = self.summary
            if self.reporter is not None:
                aggregate.reporter = self.reporter or None
            if self.suspects is not None:
                aggregate.suspects = list(self.suspects)

    # -- commands: check, then record ---------------------------------------------------------

    @classmethod
    def receive(
        cls,
        *,
        ref: str,
        on: date,
        actor: str,
        unit: str,
        note: str | None,
        command_id: str | None,
        source: str,
        received_by: str,
        summary: str,
        reporter: str | None,
        suspects: list[str],
    ) -> CrimeReport:
        return cls._create(
            cls.Received,
            id=subject_id(cls.kind, ref),
            ref=ref,
            on=on,
            actor=actor,
            unit=unit,
            note=note,
            command_id=command_id,
            source=source,
            received_by=received_by,
            summary=summary,
            reporter=reporter,
            suspects=suspects,
        )

    def record(self, act: type[Act], **fields: Any) -> None:
        """Record an act whose only check is that the stage machine allows it."""
        self.require_step(act.step, fields["on"])
        self.trigger_event(act, **fields)

    def notify_procuracy(self, **fields: Any) -> None:
        """Thông báo cho Viện kiểm sát (Điều 146 k5): once, by the body that has the report."""
        self.require_step(self.ProcuracyNotified.step, fields["on"])
        if self.notified_on is not None:
            raise CommandRejected(
                f"Nguồn tin {self.ref} đã được thông báo cho Viện kiểm sát ngày "
                f"{fmt(self.notified_on)}; không thể thông báo lần thứ hai."
            )
        if self.received_by == "CA_XA" and getattr(self, "transferred_to", None) is None:
            raise CommandRejected(
                f"Nguồn tin {self.ref} do Công an xã tiếp nhận chưa được chuyển cho Cơ quan điều "
                "tra (report.transfer): chưa có cơ quan nào phải thông báo cho Viện kiểm sát "
                "(Điều 146 k5)."
            )
        self.trigger_event(self.ProcuracyNotified, **fields)

    def decide(self, **fields: Any) -> None:
        """Quyết định khởi tố hoặc không khởi tố (Điều 147 k1); only a prosecution names a case."""
        self.require_step(self.Decided.step, fields["on"])
        if fields.get("case") and fields.get("outcome") != "khoi_to":
            raise CommandRejected(
                "Trường 'case' chỉ dùng khi 'outcome' là khoi_to (quyết định khởi tố vụ án)."
            )
        self.trigger_event(self.Decided, **fields)
