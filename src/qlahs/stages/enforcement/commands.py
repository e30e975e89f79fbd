"""The `inspection.*` actions (docs/vocabulary-enforcement.md) and the fields each one takes.

The recommendation, protest and lessons notice take the fields of the procuracy's documents on
a case (`stages/supervision/commands.py`) without `answer_by` / `answer_within`: here the law
sets the limit of the answer."""

from __future__ import annotations

from typing import ClassVar

from pydantic import Field, field_validator

from qlahs.domain.inspection import Facility, Scope
from qlahs.kernel.bounds import NAME_LIMIT, TEXT_LIMIT, bad_name
from qlahs.stages.commands import Command
from qlahs.stages.supervision import commands as c


class OpenInspection(Command):
    """Quyết định kiểm sát trực tiếp trại tạm giam, nhà tạm giữ, trại giam, cơ quan thi hành án
    hình sự (Luật Thi hành tạm giữ, tạm giam 2015 Điều 42; Luật Thi hành án hình sự 2019
    Điều 168); `on` là ngày bắt đầu kiểm sát."""

    action: ClassVar[str] = "inspection.open"
    facility_kind: Facility = Field(description="Loại cơ sở, cơ quan được kiểm sát")
    facility: str = Field(min_length=1, max_length=NAME_LIMIT, description="Tên cơ sở, cơ quan")
    scope: Scope = Field(default="thi_hanh_an", description="Nội dung kiểm sát")
    decision: str | None = Field(
        default=None, min_length=1, max_length=NAME_LIMIT, description="Số quyết định kiểm sát"
    )
    prosecutor: str | None = Field(
        default=None, min_length=1, max_length=NAME_LIMIT, description="Kiểm sát viên"
    )

    @field_validator("facility", "decision", "prosecutor")
    @classmethod
    def _one_line(cls, value: object) -> object:
        why = bad_name(value)
        if why is not None:
            raise ValueError(why)
        return value


class ConcludeInspection(Command):
    """Kết luận kiểm sát trực tiếp."""

    action: ClassVar[str] = "inspection.conclude"
    content: str = Field(min_length=1, max_length=TEXT_LIMIT, description="Nội dung kết luận")
    violations_found: int = Field(
        default=0, ge=0, le=10_000, description="Số vi phạm phát hiện qua kiểm sát"
    )
    decision: str | None = Field(
        default=None, min_length=1, max_length=NAME_LIMIT, description="Số kết luận"
    )


class Recommend(c.Issue):
    """Kiến nghị cơ sở giam giữ, cơ quan thi hành án hình sự khắc phục vi phạm (Luật Thi hành
    án hình sự 2019 Điều 169; Luật Thi hành tạm giữ, tạm giam 2015 Điều 43)."""

    action: ClassVar[str] = "inspection.recommend"
    family: ClassVar[str] = "recommendation"


class Protest(c.Issue):
    """Kháng nghị quyết định, hành vi vi phạm pháp luật trong tạm giữ, tạm giam, thi hành án
    hình sự."""

    action: ClassVar[str] = "inspection.protest"
    family: ClassVar[str] = "protest"


class NotifyLessons(c.Issue):
    """Thông báo rút kinh nghiệm: không phải trả lời."""

    action: ClassVar[str] = "inspection.notify_lessons"
    family: ClassVar[str] = "lessons"


class AnswerRecommendation(c.AnswerRecommendation):
    """Cơ sở, cơ quan được kiến nghị trả lời kiến nghị của Viện kiểm sát."""

    action: ClassVar[str] = "inspection.answer_recommendation"


class AnswerProtest(c.AnswerProtest):
    """Cơ sở, cơ quan bị kháng nghị trả lời kháng nghị của Viện kiểm sát."""

    action: ClassVar[str] = "inspection.answer_protest"
