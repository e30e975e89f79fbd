"""The commands of the review of a criminal judgment in effect (BLTTHS 2015 Điều 367, 370–403);
their rules are in `review.py`, their acts in `domain/case_review_acts.py`."""

from __future__ import annotations

from datetime import date
from typing import ClassVar, Literal

from pydantic import Field

from qlahs.domain.case_review_acts import ProtestAct
from qlahs.domain.criminal_case import CriminalCase
from qlahs.kernel.bounds import NAME_LIMIT, TEXT_LIMIT
from qlahs.kernel.subject import Act
from qlahs.stages.commands import Command

Direction = Literal["against", "for"]
DIRECTION_NAMES = {
    "against": "theo hướng không có lợi cho người bị kết án",
    "for": "theo hướng có lợi cho người bị kết án",
}
BY_NAMES = {"VKS": "Viện trưởng Viện kiểm sát", "TA": "Chánh án Tòa án"}
# What the reviewing court may decide (Điều 381 k3, 388–393, 402).
OUTCOME_NAMES = {
    "giu_nguyen": "không chấp nhận kháng nghị, giữ nguyên bản án (Điều 389)",
    "huy_giu_ban_an_dung": "hủy bản án, giữ nguyên bản án đúng pháp luật (Điều 390)",
    "huy_dieu_tra_lai": "hủy bản án để điều tra lại (Điều 391)",
    "huy_xet_xu_lai": "hủy bản án để xét xử lại (Điều 391)",
    "huy_dinh_chi": "hủy bản án và đình chỉ vụ án (Điều 392)",
    "sua": "sửa bản án (Điều 393)",
    "dinh_chi_xet_xu": "đình chỉ xét xử giám đốc thẩm, tái thẩm (Điều 381 khoản 3, Điều 402)",
}
Outcome = Literal[
    "giu_nguyen",
    "huy_giu_ban_an_dung",
    "huy_dieu_tra_lai",
    "huy_xet_xu_lai",
    "huy_dinh_chi",
    "sua",
    "dinh_chi_xet_xu",
]


class _Protest(Command):
    direction: Direction = Field(
        description="Hướng kháng nghị: against (không có lợi), for (có lợi)"
    )
    person: str | None = Field(
        default=None, min_length=1, max_length=NAME_LIMIT, description="Người bị kết án"
    )
    by: Literal["VKS", "TA"] = Field(default="VKS", description="Người kháng nghị")


class CassationProtest(_Protest):
    """Kháng nghị giám đốc thẩm (Điều 371–379)."""

    action: ClassVar[str] = "case.cassation_protest"


class ReopeningProtest(_Protest):
    """Kháng nghị tái thẩm (Điều 398–401)."""

    action: ClassVar[str] = "case.reopening_protest"
    by: Literal["VKS"] = Field(
        default="VKS", description="Chỉ Viện trưởng Viện kiểm sát (Điều 400)"
    )


class LearnNewFact(Command):
    """Viện kiểm sát nhận được tin báo về tình tiết mới được phát hiện (Điều 399, 401)."""

    action: ClassVar[str] = "case.learn_new_fact"
    summary: str | None = Field(default=None, max_length=TEXT_LIMIT)
    committed_on: date | None = Field(
        default=None, description="Ngày tội phạm được thực hiện (tính thời hiệu, BLHS Điều 27)"
    )


class ReviewAccept(Command):
    """Tòa án có thẩm quyền nhận quyết định kháng nghị kèm hồ sơ vụ án (Điều 380, 385)."""

    action: ClassVar[str] = "case.review_accept"


class ReceiveReviewFile(Command):
    """Viện kiểm sát nhận quyết định kháng nghị kèm hồ sơ vụ án từ Tòa án (Điều 380 k2)."""

    action: ClassVar[str] = "case.receive_review_file"


class ReturnFile(Command):
    """Viện kiểm sát gửi lại hồ sơ vụ án cho Tòa án (Điều 380 k2, Điều 367 k1 b)."""

    action: ClassVar[str] = "case.return_file"


class ReviewJudge(Command):
    """Mở phiên tòa và ra quyết định giám đốc thẩm, tái thẩm (Điều 385, 388–395, 402)."""

    action: ClassVar[str] = "case.review_judge"
    outcome: Outcome = Field(description="Quyết định của Hội đồng giám đốc thẩm, tái thẩm")


class _DeathAct(Command):
    person: str = Field(min_length=1, max_length=NAME_LIMIT, description="Người bị kết án tử hình")


class DeathFileReceive(_DeathAct):
    """Viện kiểm sát nhân dân tối cao nhận hồ sơ vụ án tử hình (Điều 367 k1 b, c)."""

    action: ClassVar[str] = "case.death_file_receive"


class DeathNoProtest(_DeathAct):
    """Quyết định không kháng nghị giám đốc thẩm, tái thẩm bản án tử hình (Điều 367 k1 c)."""

    action: ClassVar[str] = "case.death_no_protest"


class ClemencyPetition(_DeathAct):
    """Đơn xin ân giảm hình phạt tử hình lên Chủ tịch nước (Điều 367 k1 d)."""

    action: ClassVar[str] = "case.clemency_petition"


def review_content(act: Act) -> str:
    """What a review act says, in a few words, for the case's list of acts."""
    if isinstance(act, ProtestAct):
        return f"{BY_NAMES.get(act.by, act.by)} kháng nghị {DIRECTION_NAMES.get(act.direction, '')}"
    if isinstance(act, CriminalCase.ReviewJudged):
        return OUTCOME_NAMES.get(act.outcome, act.outcome)
    if isinstance(act, CriminalCase.NewFactLearned):
        return act.summary or ""
    return ""
