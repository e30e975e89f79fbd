"""The `mla.*` actions (docs/vocabulary-mla.md) and the fields each one takes."""

from __future__ import annotations

from datetime import date
from typing import Any, ClassVar

from pydantic import Field, ValidationInfo, field_validator

from qlahs.domain.assistance_request import (
    Channel,
    Outcome,
    PostponementGround,
    RefusalGround,
    Role,
)
from qlahs.kernel.bounds import NAME_LIMIT, REF_LIMIT, TEXT_LIMIT, bad_name
from qlahs.kernel.subject import day_of
from qlahs.law.calendar import fmt
from qlahs.stages.commands import Command

# Fields that name a body, a country, a person or another subject: one line, not blank.
_ONE_LINE = ("country", "requesting_body", "related_ref", "executor", "person")
# Free text the law requires (the reasons of a return, refusal, postponement): not blank.
_REQUIRED_TEXT = ("reasons",)


class AssistanceCommand(Command):
    """What every `mla.*` command checks beyond the common fields."""

    @field_validator(*_ONE_LINE, check_fields=False)
    @classmethod
    def _one_line(cls, value: Any) -> Any:
        why = bad_name(value)
        if why is not None:
            raise ValueError(why)
        return value

    @field_validator(*_REQUIRED_TEXT, check_fields=False)
    @classmethod
    def _not_blank(cls, value: Any) -> Any:
        if isinstance(value, str) and not value.strip():
            raise ValueError("không được chỉ gồm khoảng trắng: phải nêu rõ lý do")
        return value


class _Opening(AssistanceCommand):
    country: str = Field(min_length=1, max_length=NAME_LIMIT, description="Nước")
    requesting_body: str = Field(min_length=1, max_length=NAME_LIMIT, description="Cơ quan yêu cầu")
    related_ref: str | None = Field(
        default=None,
        min_length=1,
        max_length=REF_LIMIT,
        description="Số hiệu nguồn tin, vụ án có yêu cầu (căn cứ tạm đình chỉ)",
    )
    summary: str | None = Field(default=None, max_length=TEXT_LIMIT, description="Nội dung")


class ReceiveOutgoing(_Opening):
    """Viện kiểm sát nhân dân tối cao nhận hồ sơ yêu cầu tương trợ tư pháp của Việt Nam (Luật
    Tương trợ tư pháp 2007 Điều 22 khoản 1, 2): yêu cầu của cơ quan Việt Nam gửi nước ngoài."""

    action: ClassVar[str] = "mla.receive_outgoing"


class ReceiveIncoming(_Opening):
    """Viện kiểm sát nhân dân tối cao nhận yêu cầu tương trợ tư pháp của nước ngoài (Luật
    Tương trợ tư pháp 2007 Điều 23 khoản 1)."""

    action: ClassVar[str] = "mla.receive_incoming"


class ReceiveSummons(_Opening):
    """Nhận yêu cầu của nước ngoài triệu tập người làm chứng, người giám định đang ở Việt Nam
    (Luật Tương trợ tư pháp 2007 Điều 24 khoản 1)."""

    action: ClassVar[str] = "mla.receive_summons"
    person: str = Field(min_length=1, max_length=NAME_LIMIT, description="Người được triệu tập")
    role: Role
    appearance_on: date = Field(description="Ngày người được triệu tập phải có mặt")


class SendAbroad(AssistanceCommand):
    """Gửi yêu cầu tương trợ tư pháp cho nước được yêu cầu (Luật Tương trợ tư pháp 2007 Điều
    22 khoản 2)."""

    action: ClassVar[str] = "mla.send_abroad"
    channel: Channel
    to: str | None = Field(default=None, min_length=1, max_length=NAME_LIMIT)


class ReturnRequest(AssistanceCommand):
    """Trả lại hồ sơ yêu cầu tương trợ tư pháp, nêu rõ lý do (Luật Tương trợ tư pháp 2007
    Điều 22 khoản 2, Điều 23 khoản 1)."""

    action: ClassVar[str] = "mla.return_request"
    reasons: str = Field(min_length=1, max_length=TEXT_LIMIT, description="Lý do trả lại")


class ReceiveResult(AssistanceCommand):
    """Nhận kết quả tương trợ tư pháp của nước được yêu cầu (Luật Tương trợ tư pháp 2007 Điều
    22 khoản 3)."""

    action: ClassVar[str] = "mla.receive_result"
    outcome: Outcome


class ForwardResult(AssistanceCommand):
    """Chuyển kết quả tương trợ tư pháp cho cơ quan Việt Nam đã yêu cầu (Luật Tương trợ tư
    pháp 2007 Điều 22 khoản 3)."""

    action: ClassVar[str] = "mla.forward_result"


class ForwardToExecutor(AssistanceCommand):
    """Chuyển yêu cầu của nước ngoài cho cơ quan có thẩm quyền thực hiện (Luật Tương trợ tư
    pháp 2007 Điều 23 khoản 1)."""

    action: ClassVar[str] = "mla.forward_to_executor"
    executor: str = Field(min_length=1, max_length=NAME_LIMIT, description="Cơ quan thực hiện")


class Refuse(AssistanceCommand):
    """Từ chối thực hiện yêu cầu tương trợ tư pháp của nước ngoài, thông báo lý do (Luật
    Tương trợ tư pháp 2007 Điều 21)."""

    action: ClassVar[str] = "mla.refuse"
    ground: RefusalGround
    reasons: str = Field(min_length=1, max_length=TEXT_LIMIT, description="Lý do từ chối")


class Postpone(AssistanceCommand):
    """Hoãn thực hiện yêu cầu tương trợ tư pháp của nước ngoài, thông báo lý do (Luật Tương
    trợ tư pháp 2007 Điều 21)."""

    action: ClassVar[str] = "mla.postpone"
    ground: PostponementGround
    reasons: str = Field(min_length=1, max_length=TEXT_LIMIT, description="Lý do hoãn")
    until: date | None = Field(default=None, description="Hoãn đến ngày")

    @field_validator("until")
    @classmethod
    def _until_after_on(cls, until: date | None, info: ValidationInfo) -> date | None:
        on = info.data.get("on")
        if until is not None and on is not None and until <= day_of(on):
            raise ValueError(f"phải sau ngày hoãn ({fmt(on)})")
        return until


class ExecutorResult(AssistanceCommand):
    """Cơ quan thực hiện thông báo kết quả thực hiện yêu cầu, hoặc lý do không thực hiện được
    (Luật Tương trợ tư pháp 2007 Điều 23 khoản 2, 3)."""

    action: ClassVar[str] = "mla.executor_result"
    outcome: Outcome
    reasons: str | None = Field(default=None, min_length=1, max_length=TEXT_LIMIT)


class ReplyAbroad(AssistanceCommand):
    """Chuyển kết quả thực hiện tương trợ tư pháp cho nước yêu cầu (Luật Tương trợ tư pháp
    2007 Điều 23 khoản 2)."""

    action: ClassVar[str] = "mla.reply_abroad"
