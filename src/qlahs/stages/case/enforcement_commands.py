"""The acts that enforce a judgment as commands (docs/vocabulary-enforcement.md): delegation,
delivery of the decision and of the judgment, the convicted person reporting, and the part of a
judgment enforced at once. Their rules are in `enforcement.py`."""

from __future__ import annotations

from datetime import date
from typing import ClassVar, Literal

from pydantic import Field

from qlahs.domain.case_enforcement_acts import ImmediateGround, Recipient
from qlahs.kernel.bounds import NAME_LIMIT
from qlahs.stages.commands import Command


class _Sentenced(Command):
    person: str = Field(min_length=1, max_length=NAME_LIMIT, description="Người bị kết án")


class DelegateEnforcement(_Sentenced):
    """Chánh án Tòa án đã xét xử sơ thẩm ủy thác cho Chánh án Tòa án khác cùng cấp ra quyết
    định thi hành án (Điều 364 khoản 1); `on` là ngày Tòa án được ủy thác nhận quyết định ủy
    thác."""

    action: ClassVar[str] = "case.delegate_enforcement"
    to: str = Field(min_length=1, max_length=NAME_LIMIT, description="Tòa án được ủy thác")
    sent_on: date | None = Field(default=None, description="Ngày gửi quyết định ủy thác")


class DeliverEnforcementDecision(_Sentenced):
    """Quyết định thi hành án đến nơi nhận (Luật Thi hành án hình sự 2019 Điều 22 khoản 2);
    `on` là ngày nơi nhận nhận được, `sent_on` ngày Tòa án gửi."""

    action: ClassVar[str] = "case.deliver_enforcement_decision"
    recipient: Recipient = Field(default="VKS", description="Nơi nhận")
    sent_on: date | None = Field(default=None, description="Ngày Tòa án gửi")


class ReportForEnforcement(_Sentenced):
    """Người bị kết án phạt tù đang tại ngoại có mặt tại cơ quan thi hành án hình sự (Điều 364
    khoản 3)."""

    action: ClassVar[str] = "case.report_for_enforcement"
    body: str | None = Field(
        default=None, min_length=1, max_length=NAME_LIMIT, description="Cơ quan thi hành án"
    )


class EnforceImmediately(_Sentenced):
    """Bản án sơ thẩm được thi hành ngay đối với bị cáo dù còn có thể bị kháng cáo, kháng nghị
    (Điều 363)."""

    action: ClassVar[str] = "case.enforce_immediately"
    ground: ImmediateGround = Field(description="Căn cứ thi hành ngay")


class DeliverJudgment(Command):
    """Bản án sơ thẩm đến cơ quan thi hành án hình sự có thẩm quyền (Điều 262 khoản 1); `on` là
    ngày nơi nhận nhận được, `sent_on` ngày Tòa án gửi."""

    action: ClassVar[str] = "case.deliver_judgment"
    recipient: Literal["CQTHA", "VKS", "trai_tam_giam"] = Field(
        default="CQTHA", description="Nơi nhận"
    )
    sent_on: date | None = Field(default=None, description="Ngày Tòa án gửi")
