"""The `report.*` actions of VOCABULARY.md and the fields each one takes."""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from pydantic import Field, field_validator, model_validator

from qlahs.domain.crime_report import Body, Outcome, Source, SuspensionGround
from qlahs.domain.own_agency import CODE, is_own_agency
from qlahs.stages.commands import Command, HasPeople, as_list


class ReceiveReport(HasPeople):
    """Tiếp nhận nguồn tin (Điều 145–146)."""

    action: ClassVar[str] = "report.receive"
    source: Source
    received_by: Body
    summary: str = ""
    reporter: str | None = None


class TransferReport(Command):
    """Chuyển nguồn tin đến cơ quan có thẩm quyền (Điều 146 k2)."""

    action: ClassVar[str] = "report.transfer"
    to: str = Field(min_length=1)

    # the procuracy's own agency by its code, whichever way it is written (module 6)
    _agency = field_validator("to")(classmethod(lambda cls, v: CODE if is_own_agency(v) else v))


class NotifyProcuracy(Command):
    """Thông báo cho Viện kiểm sát việc tiếp nhận (Điều 146 k5)."""

    action: ClassVar[str] = "report.notify_procuracy"


class AssignProsecutor(Command):
    """Phân công Kiểm sát viên."""

    action: ClassVar[str] = "report.assign_prosecutor"
    prosecutor: str = Field(min_length=1)


class ExtendReport(Command):
    """Cơ quan điều tra kéo dài thời hạn giải quyết, tối đa 2 tháng (Điều 147 k2)."""

    action: ClassVar[str] = "report.extend"
    until: date | None = None


class RequestExtension(Command):
    """Đề nghị Viện kiểm sát gia hạn (Điều 147 k2)."""

    action: ClassVar[str] = "report.request_extension"


class GrantExtension(Command):
    """Viện kiểm sát gia hạn một lần, không quá 2 tháng (Điều 147 k2)."""

    action: ClassVar[str] = "report.grant_extension"
    months: int | None = Field(default=None, ge=1, le=12)
    until: date | None = None

    @model_validator(mode="after")
    def _one_of(self) -> GrantExtension:
        if self.months is not None and self.until is not None:
            raise ValueError("chỉ ghi một trong hai trường 'months' hoặc 'until'")
        return self


class RefuseExtension(Command):
    """Viện kiểm sát không gia hạn."""

    action: ClassVar[str] = "report.refuse_extension"


class SuspendReport(Command):
    """Tạm đình chỉ việc giải quyết nguồn tin (Điều 148)."""

    action: ClassVar[str] = "report.suspend"
    ground: SuspensionGround


class CancelSuspension(Command):
    """Viện kiểm sát hủy quyết định tạm đình chỉ không có căn cứ (Điều 148 k2)."""

    action: ClassVar[str] = "report.cancel_suspension"


class ResumeReport(Command):
    """Phục hồi giải quyết nguồn tin (Điều 149)."""

    action: ClassVar[str] = "report.resume"


class DecideReport(Command):
    """Quyết định khởi tố hoặc không khởi tố vụ án (Điều 147 k1)."""

    action: ClassVar[str] = "report.decide"
    outcome: Outcome
    case: str | None = None


class CorrectReport(Command):
    """Đính chính thông tin mô tả đã ghi của nguồn tin (nội dung, người tố giác, người bị tố
    giác), kèm lý do; trường không ghi thì giữ nguyên, ghi rỗng thì xóa."""

    action: ClassVar[str] = "report.correct"
    summary: str | None = None
    reporter: str | None = None
    suspects: list[str] | None = None
    reason: str = Field(min_length=1, description="Lý do đính chính")

    @field_validator("suspects", mode="before")
    @classmethod
    def _people(cls, value: object) -> object:
        return None if value is None else as_list(value)

    @model_validator(mode="after")
    def _something(self) -> CorrectReport:
        if self.summary is None and self.reporter is None and self.suspects is None:
            raise ValueError("cần ít nhất một trong các trường 'summary', 'reporter', 'suspects'")
        return self
