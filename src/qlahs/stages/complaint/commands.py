"""The `complaint.*` actions of docs/vocabulary-complaints.md and the fields each one takes."""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from pydantic import Field, model_validator

from qlahs.domain.complaint import Against, Nature, Object, Outcome, Receiver, RequestKind
from qlahs.kernel.bounds import NAME_LIMIT, REF_LIMIT, TEXT_LIMIT
from qlahs.kernel.subject import day_of
from qlahs.stages.commands import Command


class ReceiveComplaint(Command):
    """Tiếp nhận đơn khiếu nại, tố cáo trong hoạt động tư pháp hình sự (Điều 469–481)."""

    action: ClassVar[str] = "complaint.receive"
    nature: Nature = Field(description="Khiếu nại hay tố cáo")
    object: Object = Field(
        default="khac", description="Việc bị khiếu nại, tố cáo: giữ người, bắt, tạm giữ, tạm giam"
    )
    against_level: Against = Field(description="Người có quyết định, hành vi bị khiếu nại, tố cáo")
    received_by: Receiver = Field(default="VKS", description="Cơ quan nhận đơn")
    complainant: str = Field(min_length=1, max_length=NAME_LIMIT, description="Người khiếu nại")
    summary: str = Field(default="", max_length=TEXT_LIMIT, description="Nội dung đơn")
    known_on: date | None = Field(
        default=None, description="Ngày nhận được hoặc biết được quyết định, hành vi (Điều 471)"
    )
    hindered_days: int = Field(
        default=0, ge=0, le=366, description="Số ngày bất khả kháng không tính (Điều 471 k2)"
    )

    @model_validator(mode="after")
    def _coherent(self) -> ReceiveComplaint:
        if self.known_on is not None and self.known_on > day_of(self.on):
            raise ValueError("trường 'known_on' sau ngày nhận đơn: không thể có thật (Điều 471)")
        if self.nature == "to_cao" and (self.known_on is not None or self.hindered_days):
            raise ValueError(
                "tố cáo không có thời hiệu: không ghi 'known_on', 'hindered_days' (Điều 478)"
            )
        return self


class TransferComplaint(Command):
    """Chuyển đơn khiếu nại, tố cáo đến cơ quan có thẩm quyền; đơn về giữ người, bắt, tạm giữ,
    tạm giam chuyển cho Viện kiểm sát trong 24 giờ (Điều 474 k2)."""

    action: ClassVar[str] = "complaint.transfer"
    to: str = Field(min_length=1, max_length=NAME_LIMIT, description="Cơ quan nhận đơn chuyển đến")


class ExtendComplaint(Command):
    """Kéo dài thời hạn giải quyết: tố cáo phức tạp (Điều 481 k3) hoặc cần xác minh thêm việc
    giữ người, bắt, tạm giữ, tạm giam (Điều 474 k1, Điều 481 k4)."""

    action: ClassVar[str] = "complaint.extend"
    reason: str = Field(min_length=1, max_length=TEXT_LIMIT, description="Lý do kéo dài")


class ResolveComplaint(Command):
    """Ra quyết định giải quyết khiếu nại, văn bản giải quyết tố cáo (Điều 474–477, 481)."""

    action: ClassVar[str] = "complaint.resolve"
    outcome: Outcome = Field(description="Kết quả giải quyết")


class ComplainFurther(Command):
    """Khiếu nại tiếp quyết định giải quyết khiếu nại lần đầu (Điều 474–477)."""

    action: ClassVar[str] = "complaint.complain_further"
    decision_received_on: date | None = Field(
        default=None, description="Ngày người khiếu nại nhận được quyết định giải quyết"
    )


class WithdrawComplaint(Command):
    """Rút đơn khiếu nại, tố cáo (Điều 472 k1 điểm c)."""

    action: ClassVar[str] = "complaint.withdraw"


class RequestSupervision(Command):
    """Viện kiểm sát yêu cầu, kiến nghị, kháng nghị khi kiểm sát việc giải quyết khiếu nại, tố
    cáo (Điều 483 k2)."""

    action: ClassVar[str] = "complaint.request_supervision"
    request: str = Field(min_length=1, max_length=REF_LIMIT, description="Số văn bản yêu cầu")
    request_kind: RequestKind = Field(description="Loại yêu cầu")


class AnswerSupervision(Command):
    """Cơ quan bị kiểm sát trả lời, thực hiện yêu cầu, kiến nghị, kháng nghị (Điều 483)."""

    action: ClassVar[str] = "complaint.answer"
    request: str = Field(min_length=1, max_length=REF_LIMIT, description="Số văn bản yêu cầu")
