"""A complaint or denunciation in criminal procedure (đơn khiếu nại, tố cáo; BLTTHS 2015
Chương XXXIII).

The aggregate only records acts and refuses what cannot be true; whether an act was on time
is judged by `stages/complaint/rules.py` (ARCHITECTURE principle 1).
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any, ClassVar, Literal

from eventsourcing.domain import Aggregate

from qlahs.domain.machines.complaint import ComplaintPath
from qlahs.kernel.errors import CommandRejected
from qlahs.kernel.machines import transitions_of
from qlahs.kernel.subject import Act, Subject, subject_id

Nature = Literal["khieu_nai", "to_cao"]
# What is complained about: the custody matters of Điều 474 / Điều 481 k4, or anything else.
Object = Literal["giu_nguoi", "khac"]
# Whose decision or act is complained about (Điều 474–477); it fixes who resolves and when.
Against = Literal[
    "dieu_tra_vien",
    "thu_truong_cqdt",
    "can_bo_co_quan_khac",
    "cap_truong_co_quan_khac",
    "kiem_sat_vien",
    "vien_truong",
    "tham_phan",
    "chanh_an",
]
Receiver = Literal["VKS", "CQDT", "TOA", "CQ_KHAC"]
RequestKind = Literal["ra_quyet_dinh", "tu_kiem_tra", "cung_cap_ho_so", "kien_nghi", "khang_nghi"]
Outcome = Literal["dung", "sai", "dung_mot_phan", "tra_lai"]

NATURE_NAMES = {"khieu_nai": "Khiếu nại", "to_cao": "Tố cáo"}
OBJECT_NAMES = {
    "giu_nguoi": "Giữ người trong trường hợp khẩn cấp, bắt, tạm giữ, tạm giam",
    "khac": "Quyết định, hành vi tố tụng khác",
}
AGAINST_NAMES = {
    "dieu_tra_vien": "Điều tra viên, Cán bộ điều tra, Phó Thủ trưởng Cơ quan điều tra",
    "thu_truong_cqdt": "Thủ trưởng Cơ quan điều tra",
    "can_bo_co_quan_khac": "Cấp phó, cán bộ điều tra của cơ quan được giao nhiệm vụ điều tra",
    "cap_truong_co_quan_khac": "Cấp trưởng cơ quan được giao nhiệm vụ điều tra",
    "kiem_sat_vien": "Kiểm sát viên, Kiểm tra viên, Phó Viện trưởng Viện kiểm sát",
    "vien_truong": "Viện trưởng Viện kiểm sát",
    "tham_phan": "Thẩm phán, Thẩm tra viên, Phó Chánh án Tòa án",
    "chanh_an": "Chánh án Tòa án",
}
RECEIVER_NAMES = {
    "VKS": "Viện kiểm sát",
    "CQDT": "Cơ quan điều tra",
    "TOA": "Tòa án",
    "CQ_KHAC": "Cơ quan được giao nhiệm vụ tiến hành một số hoạt động điều tra",
}
REQUEST_NAMES = {
    "ra_quyet_dinh": "Yêu cầu ra quyết định, văn bản giải quyết",
    "tu_kiem_tra": "Yêu cầu tự kiểm tra việc giải quyết",
    "cung_cap_ho_so": "Yêu cầu cung cấp hồ sơ, tài liệu",
    "kien_nghi": "Kiến nghị khắc phục vi phạm",
    "khang_nghi": "Kháng nghị",
}
OUTCOME_NAMES = {
    "dung": "Khiếu nại, tố cáo đúng",
    "sai": "Khiếu nại, tố cáo sai",
    "dung_mot_phan": "Đúng một phần",
    "tra_lai": "Trả lại đơn (không thụ lý)",
}
# The body that resolves a complaint at the first level when it is not the procuracy: the
# one the procuracy supervises (Điều 475 k1–2, 477, 483 k1).
SUPERVISED_BODY = {"dieu_tra_vien": "CQDT", "can_bo_co_quan_khac": "CQ_KHAC", "tham_phan": "TOA"}
# Resolved at the first level with no further level: the decision is final (Điều 474 k2 ¶5,
# 474 k3 ¶3, 475 k2 ¶2, 476 k2, 477 k1 ¶3).
FINAL_FIRST = frozenset({"cap_truong_co_quan_khac", "vien_truong", "chanh_an"})


class Complaint(Subject):
    kind: ClassVar[str] = "complaint"
    noun: ClassVar[str] = "đơn khiếu nại, tố cáo"
    transitions = transitions_of(ComplaintPath)
    stage_names: ClassVar[dict[str, str]] = {
        str(s.value): str(s.name) for s in ComplaintPath.states
    }

    if TYPE_CHECKING:
        nature: str
        object: str
        against_level: str
        received_by: str
        complainant: str
        summary: str
        outcome: str | None
        further_outcome: str | None
        requests: dict[str, str]
        answered: set[str]

    class Received(Act, Aggregate.Created):
        personal = ("complainant", "summary")
        ref: str
        nature: str
        object: str
        against_level: str
        received_by: str
        complainant: str
        summary: str
        known_on: date | None
        hindered_days: int

        def apply(self, aggregate: Any) -> None:
            aggregate.ref, aggregate.unit, aggregate.stage = self.ref, self.unit, "pending"
            aggregate.opened_on = self.on
            aggregate.nature, aggregate.object = self.nature, self.object
            aggregate.against_level, aggregate.received_by = self.against_level, self.received_by
            aggregate.complainant, aggregate.summary = self.complainant, self.summary
            aggregate.outcome = aggregate.further_outcome = None
            aggregate.requests, aggregate.answered = {}, set()

    class Transferred(Act):
        step = "transfer"
        to: str

    class Extended(Act):
        step = "extend"
        reason: str

    class Resolved(Act):
        step = "resolve"
        outcome: str

        def apply(self, aggregate: Any) -> None:
            first = aggregate.stage == "pending"
            super().apply(aggregate)
            if first:
                aggregate.outcome = self.outcome
            else:
                aggregate.further_outcome = self.outcome

    class ComplainedFurther(Act):
        step = "complain_further"
        decision_received_on: date | None

    class Withdrawn(Act):
        step = "withdraw"

    class SupervisionRequested(Act):
        step = "request_supervision"
        request: str
        request_kind: str

        def apply(self, aggregate: Any) -> None:
            super().apply(aggregate)
            aggregate.requests = {**aggregate.requests, self.request: self.request_kind}

    class Answered(Act):
        step = "answer"
        request: str

        def apply(self, aggregate: Any) -> None:
            super().apply(aggregate)
            aggregate.answered = aggregate.answered | {self.request}

    @classmethod
    def receive(cls, *, ref: str, **fields: Any) -> Complaint:
        return cls._create(cls.Received, id=subject_id(cls.kind, ref), ref=ref, **fields)

    def record(self, act: type[Act], /, **fields: Any) -> None:
        self.require_step(act.step, fields["on"])
        self.trigger_event(act, **fields)

    def extend(self, **fields: Any) -> None:
        """Only a denunciation (Điều 481 k3) or a custody matter (Điều 474 k1, 481 k4) has a
        longer limit to extend to; an ordinary complaint has none."""
        if self.nature == "khieu_nai" and self.object != "giu_nguoi":
            raise CommandRejected(
                f"Đơn {self.ref}: khiếu nại không về giữ người, bắt, tạm giữ, tạm giam không được "
                "kéo dài thời hạn giải quyết (Điều 475–477)."
            )
        self.record(self.Extended, **fields)

    def complain_further(self, **fields: Any) -> None:
        """Only a complaint resolved at a first level that is not final goes further."""
        if self.nature != "khieu_nai" or self.against_level in FINAL_FIRST:
            raise CommandRejected(
                f"Đơn {self.ref}: quyết định giải quyết đã có hiệu lực pháp luật, không còn "
                "quyền khiếu nại tiếp (Điều 474–477, Điều 481)."
            )
        self.record(self.ComplainedFurther, **fields)

    def request_supervision(self, **fields: Any) -> None:
        if fields["request"] in self.requests:
            raise CommandRejected(
                f"Đơn {self.ref}: yêu cầu '{fields['request']}' đã được ghi nhận (Điều 483)."
            )
        self.record(self.SupervisionRequested, **fields)

    def answer(self, **fields: Any) -> None:
        request = fields["request"]
        if request not in self.requests or request in self.answered:
            raise CommandRejected(
                f"Đơn {self.ref}: không có yêu cầu '{request}' của Viện kiểm sát đang chờ trả "
                "lời (Điều 483)."
            )
        self.record(self.Answered, **fields)
