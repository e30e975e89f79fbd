"""A request for criminal mutual legal assistance (yêu cầu tương trợ tư pháp về hình sự) as the
central authority, the Viện kiểm sát nhân dân tối cao, handles it (BLTTHS 2015 Điều 493 k2;
Luật Tương trợ tư pháp 2007 Điều 21–24, for criminal matters until 30/06/2026).

The acts check only what cannot be true (a summons whose appearance day is not after its
receipt, a refusal without its reasons); whether an act came in time is judged by
`stages/mla/rules.py`, never here. `related_ref` names the crime report or case the request
belongs to: a pending request is a ground to suspend it (BLTTHS Điều 148 k1 a, 229 k1 c, 247
k1 c), which the report and case stages record with ground `tuong_tro_tu_phap`.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any, ClassVar, Literal

from eventsourcing.domain import Aggregate

from qlahs.domain.machines.assistance import AssistancePath
from qlahs.kernel.errors import CommandRejected
from qlahs.kernel.machines import transitions_of
from qlahs.kernel.subject import Act, Subject, day_of, subject_id
from qlahs.law.calendar import fmt

Direction = Literal["di", "den"]  # a Vietnamese body's request abroad / a foreign request
Channel = Literal["dieu_uoc", "ngoai_giao"]
Outcome = Literal["thuc_hien", "thuc_hien_mot_phan", "khong_thuc_hien"]
RefusalGround = Literal[
    "trai_phap_luat", "phuong_hai_chu_quyen", "da_bi_xu_ly", "het_thoi_hieu", "khong_phai_toi_pham"
]
PostponementGround = Literal["tro_ngai_to_tung", "khac"]
Role = Literal["nguoi_lam_chung", "nguoi_giam_dinh"]

DIRECTION_NAMES = {"di": "Yêu cầu của Việt Nam", "den": "Yêu cầu của nước ngoài"}
CHANNEL_NAMES = {"dieu_uoc": "theo điều ước quốc tế", "ngoai_giao": "qua đường ngoại giao"}
OUTCOME_NAMES = {
    "thuc_hien": "đã thực hiện",
    "thuc_hien_mot_phan": "thực hiện một phần",
    "khong_thuc_hien": "không thực hiện được",
}
GROUND_NAMES = {
    "trai_phap_luat": "không phù hợp với điều ước quốc tế, pháp luật Việt Nam",
    "phuong_hai_chu_quyen": "phương hại đến chủ quyền, an ninh quốc gia, lợi ích quan trọng",
    "da_bi_xu_ly": "người bị yêu cầu đã bị kết án, tuyên không có tội, đại xá, đặc xá",
    "het_thoi_hieu": "đã hết thời hiệu truy cứu trách nhiệm hình sự",
    "khong_phai_toi_pham": "hành vi không cấu thành tội phạm theo pháp luật Việt Nam",
    "tro_ngai_to_tung": "gây trở ngại cho việc điều tra, truy tố, xét xử, thi hành án",
    "khac": "lý do khác",
}
ROLE_NAMES = {"nguoi_lam_chung": "người làm chứng", "nguoi_giam_dinh": "người giám định"}


def _opened(aggregate: Any, act: Any, direction: str) -> None:
    aggregate.ref, aggregate.unit, aggregate.stage = act.ref, act.unit, "new"
    aggregate.opened_on, aggregate.direction = act.on, direction
    aggregate.country, aggregate.requesting_body = act.country, act.requesting_body
    aggregate.related_ref, aggregate.summary = act.related_ref, act.summary
    aggregate.person = aggregate.appearance_on = None
    aggregate.handled_on = aggregate.result_on = aggregate.closed_on = None
    aggregate.outcome = None
    Act.apply(act, aggregate)


class AssistanceRequest(Subject):
    """One request for criminal mutual legal assistance, outgoing or incoming."""

    kind: ClassVar[str] = "mla"
    noun: ClassVar[str] = "yêu cầu tương trợ tư pháp"
    transitions = transitions_of(AssistancePath)
    stage_names: ClassVar[dict[str, str]] = {
        str(s.value): str(s.name) for s in AssistancePath.states
    }

    if TYPE_CHECKING:
        direction: str
        country: str
        requesting_body: str
        related_ref: str | None
        summary: str | None
        person: str | None
        appearance_on: date | None
        handled_on: date | None
        result_on: date | None
        closed_on: date | None
        outcome: str | None

    class ReceivedOutgoing(Act, Aggregate.Created):
        """VKSNDTC nhận hồ sơ yêu cầu của cơ quan Việt Nam (Điều 22 k1–k2)."""

        step = "receive_outgoing"
        named = (
            "Viện kiểm sát nhân dân tối cao nhận hồ sơ yêu cầu tương trợ tư pháp "
            "của cơ quan Việt Nam"
        )
        personal = ("summary",)
        ref: str
        country: str
        requesting_body: str
        related_ref: str | None
        summary: str | None

        def apply(self, aggregate: Any) -> None:
            _opened(aggregate, self, "di")

    class ReceivedIncoming(Act, Aggregate.Created):
        """VKSNDTC nhận yêu cầu của nước ngoài (Điều 23 k1)."""

        step = "receive_incoming"
        named = "Viện kiểm sát nhân dân tối cao nhận yêu cầu tương trợ tư pháp của nước ngoài"
        personal = ("summary",)
        ref: str
        country: str
        requesting_body: str
        related_ref: str | None
        summary: str | None

        def apply(self, aggregate: Any) -> None:
            _opened(aggregate, self, "den")

    class ReceivedSummons(Act, Aggregate.Created):
        """VKSNDTC nhận yêu cầu triệu tập người làm chứng, người giám định ở Việt Nam (Điều
        24 k1)."""

        step = "receive_summons"
        named = "Nhận yêu cầu của nước ngoài triệu tập người làm chứng, người giám định"
        personal = ("summary", "person")
        ref: str
        country: str
        requesting_body: str
        related_ref: str | None
        summary: str | None
        person: str
        role: str
        appearance_on: date

        def apply(self, aggregate: Any) -> None:
            _opened(aggregate, self, "den")
            aggregate.person, aggregate.appearance_on = self.person, self.appearance_on

    class SentAbroad(Act):
        step = "send_abroad"
        channel: str
        to: str | None

        def apply(self, aggregate: Any) -> None:
            super().apply(aggregate)
            aggregate.handled_on = self.on

    class Returned(Act):
        step = "return_request"
        personal = ("reasons",)  # the reasons may name people
        reasons: str

        def apply(self, aggregate: Any) -> None:
            super().apply(aggregate)
            aggregate.handled_on = aggregate.closed_on = self.on

    class ResultReceived(Act):
        step = "receive_result"
        outcome: str

        def apply(self, aggregate: Any) -> None:
            super().apply(aggregate)
            aggregate.result_on, aggregate.outcome = self.on, self.outcome

    class ResultForwarded(Act):
        step = "forward_result"

        def apply(self, aggregate: Any) -> None:
            super().apply(aggregate)
            aggregate.closed_on = self.on

    class ForwardedToExecutor(Act):
        step = "forward_to_executor"
        executor: str

        def apply(self, aggregate: Any) -> None:
            super().apply(aggregate)
            aggregate.handled_on = aggregate.handled_on or self.on

    class Refused(Act):
        step = "refuse"
        personal = ("reasons",)  # the reasons may name people
        ground: str
        reasons: str

        def apply(self, aggregate: Any) -> None:
            super().apply(aggregate)
            aggregate.handled_on = aggregate.handled_on or self.on
            aggregate.closed_on = self.on

    class Postponed(Act):
        step = "postpone"
        personal = ("reasons",)  # the reasons may name people
        ground: str
        reasons: str
        until: date | None

        def apply(self, aggregate: Any) -> None:
            super().apply(aggregate)
            aggregate.handled_on = aggregate.handled_on or self.on

    class ExecutorReported(Act):
        step = "executor_result"
        personal = ("reasons",)  # the reasons may name people
        outcome: str
        reasons: str | None

        def apply(self, aggregate: Any) -> None:
            super().apply(aggregate)
            aggregate.result_on, aggregate.outcome = self.on, self.outcome

    class RepliedAbroad(Act):
        step = "reply_abroad"

        def apply(self, aggregate: Any) -> None:
            super().apply(aggregate)
            aggregate.closed_on = self.on

    # -- commands: check, then record ---------------------------------------------------------

    @classmethod
    def receive(cls, act: type[Aggregate.Created], *, ref: str, **fields: Any) -> AssistanceRequest:
        if act is cls.ReceivedSummons and day_of(fields["appearance_on"]) <= day_of(fields["on"]):
            raise CommandRejected(
                f"Trường 'appearance_on' ({fmt(fields['appearance_on'])}) không sau ngày nhận "
                f"yêu cầu ({fmt(fields['on'])}): ngày có mặt phải sau ngày nhận (Luật Tương trợ "
                "tư pháp 2007 Điều 24 khoản 1)."
            )
        return cls._create(act, id=subject_id(cls.kind, ref), ref=ref, **fields)

    def record(self, act: type[Act], **fields: Any) -> None:
        """An act whose only check is that the procedure allows it now."""
        self.require_step(act.step, fields["on"])
        lacking = not (fields.get("reasons") or "").strip()
        if act is self.ExecutorReported and fields["outcome"] != "thuc_hien" and lacking:
            raise CommandRejected(
                "Trường 'reasons' bắt buộc khi cơ quan thực hiện không thực hiện được đầy "
                "đủ yêu cầu: phải thông báo bằng văn bản, nêu rõ lý do (Luật Tương trợ tư "
                "pháp 2007 Điều 23 khoản 3)."
            )
        self.trigger_event(act, **fields)
