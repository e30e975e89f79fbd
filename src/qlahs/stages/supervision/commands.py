"""The fields of the procuracy's own acts (docs/vocabulary-supervision.md), shared by the
`report.*` and `case.*` actions: each action is a subclass naming its `action` and, for a
request, the kind of request it makes."""

from __future__ import annotations

from datetime import date
from typing import ClassVar, Literal

from pydantic import Field, field_validator, model_validator

from qlahs.kernel.bounds import NAME_LIMIT, TEXT_LIMIT, bad_name
from qlahs.stages.commands import UNIT_CODE, Command

Role = Literal["kiem_sat_vien", "lanh_dao"]
RequestResult = Literal["da_thuc_hien", "thuc_hien_mot_phan", "khong_thuc_hien"]
Acceptance = Literal["chap_nhan", "chap_nhan_mot_phan", "khong_chap_nhan"]
Objector = Literal["CQDT", "CQ_KHAC"]
Settlement = Literal["giu_nguyen", "huy_bo", "sua_doi"]
CancelledDecision = Literal[
    "khoi_to_vu_an",
    "thay_doi_khoi_to",
    "khong_khoi_to",
    "tam_dinh_chi",
    "tam_giu",
    "tach_nhap",
    "khac",
]
# A document's key within its subject: short, one word (YC1, KN-02), spelt as a unit's code.
KEY = UNIT_CODE
KEY_LIMIT = 32


def _key() -> str | None:
    return Field(
        default=None,
        min_length=1,
        max_length=KEY_LIMIT,
        pattern=KEY,
        description="Số hiệu văn bản trong hồ sơ (YC1, KN1…); để trống thì tự đánh số",
    )


class _Named(Command):
    """Names of people, bodies and document numbers are one line each (bounds.bad_name)."""

    @field_validator("prosecutor", "decision", "to", "person", check_fields=False)
    @classmethod
    def _one_line(cls, value: object) -> object:
        why = bad_name(value)
        if why is not None:
            raise ValueError(why)
        return value


class Assign(_Named):
    """Phân công, phân công lại Kiểm sát viên hoặc lãnh đạo Viện kiểm sát phụ trách."""

    role: ClassVar[str] = "kiem_sat_vien"
    prosecutor: str = Field(min_length=1, max_length=NAME_LIMIT, description="Họ tên")
    decision: str | None = Field(
        default=None,
        min_length=1,
        max_length=NAME_LIMIT,
        description="Số quyết định phân công đã lấy trong sổ đăng ký (ví dụ 12/QĐ-VKSKV7)",
    )
    reason: str | None = Field(default=None, max_length=TEXT_LIMIT, description="Lý do")


class Issue(_Named):
    """A document of the VKS to the supervised body."""

    family: ClassVar[str]
    what: ClassVar[str] = ""
    item: str | None = _key()
    content: str = Field(min_length=1, max_length=TEXT_LIMIT, description="Nội dung")
    to: str | None = Field(
        default=None, min_length=1, max_length=NAME_LIMIT, description="Cơ quan nhận"
    )
    decision: str | None = Field(
        default=None,
        min_length=1,
        max_length=NAME_LIMIT,
        description="Số văn bản đã lấy trong sổ đăng ký",
    )


class Owed(Issue):
    """A document that is owed an answer, by a day the VKS sets (the law sets none)."""

    answer_by: date | None = Field(default=None, description="Hạn trả lời do VKS ấn định")
    answer_within: int | None = Field(
        default=None, ge=1, le=366, description="Số ngày trả lời do VKS ấn định"
    )

    @model_validator(mode="after")
    def _one_limit(self) -> Owed:
        if self.answer_by is not None and self.answer_within is not None:
            raise ValueError("chỉ ghi một trong hai trường 'answer_by' hoặc 'answer_within'")
        return self


class Request(Owed):
    family: ClassVar[str] = "request"
    person: str | None = Field(
        default=None, min_length=1, max_length=NAME_LIMIT, description="Bị can liên quan"
    )


class Recommend(Owed):
    """Kiến nghị khắc phục vi phạm, phòng ngừa tội phạm (Luật Tổ chức VKSND 2014 Điều 5 k2)."""

    family: ClassVar[str] = "recommendation"


class Protest(Owed):
    """Kháng nghị vi phạm pháp luật nghiêm trọng (Luật Tổ chức VKSND 2014 Điều 5 k1)."""

    family: ClassVar[str] = "protest"


class NotifyLessons(Issue):
    """Thông báo rút kinh nghiệm: no answer is owed."""

    family: ClassVar[str] = "lessons"


class CancelDecision(_Named):
    """Viện kiểm sát hủy bỏ quyết định không có căn cứ, trái pháp luật của cơ quan điều tra
    (Điều 159 k6, Điều 161 k1 b, Điều 165 k4)."""

    family: ClassVar[str] = "cancellation"
    item: str | None = _key()
    target: CancelledDecision = Field(description="Quyết định bị hủy bỏ")
    reason: str = Field(min_length=1, max_length=TEXT_LIMIT, description="Lý do hủy bỏ")
    decision: str | None = Field(
        default=None, min_length=1, max_length=NAME_LIMIT, description="Số quyết định hủy bỏ"
    )


class Object(_Named):
    """Cơ quan điều tra không nhất trí, kiến nghị với Viện kiểm sát cấp trên trực tiếp
    (Điều 162 k2, Điều 167 k2)."""

    item: str | None = _key()
    by: Objector = Field(default="CQDT", description="Cơ quan kiến nghị")
    against: str | None = Field(
        default=None,
        min_length=1,
        max_length=KEY_LIMIT,
        pattern=KEY,
        description="Số hiệu quyết định của VKS bị kiến nghị",
    )
    content: str = Field(default="", max_length=TEXT_LIMIT)


class Answer(Command):
    family: ClassVar[str]
    item: str | None = _key()
    content: str = Field(default="", max_length=TEXT_LIMIT, description="Nội dung trả lời")


class AnswerRequest(Answer):
    """Cơ quan điều tra trả lời, thông báo kết quả thực hiện yêu cầu của Viện kiểm sát."""

    family: ClassVar[str] = "request"
    result: RequestResult


class AnswerRecommendation(Answer):
    """Cơ quan được kiến nghị trả lời kiến nghị của Viện kiểm sát."""

    family: ClassVar[str] = "recommendation"
    result: Acceptance


class AnswerProtest(Answer):
    """Cơ quan bị kháng nghị trả lời kháng nghị của Viện kiểm sát."""

    family: ClassVar[str] = "protest"
    result: Acceptance


class AnswerObjection(Answer):
    """Viện kiểm sát cấp trên trực tiếp giải quyết kiến nghị và thông báo kết quả (Điều 162
    k2, Điều 167 k2)."""

    family: ClassVar[str] = "objection"
    result: Settlement
