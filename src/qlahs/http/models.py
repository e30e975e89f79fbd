"""The shapes of the lists' answers, for the OpenAPI document: a backend in another language
generates its client types from them (the rows themselves are built in `shown.py`)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field


class DeadlineRow(BaseModel):
    ref: str = Field(description="Số hiệu hồ sơ (CASE/NGƯỜI cho thời hạn của một bị can)")
    rule: str = Field(description="Mã quy tắc thời hạn (docs/rules.md)")
    title: str = Field(description="Tên thời hạn")
    article: str = Field(description="Điều luật quy định thời hạn")
    unit: str
    responsible: str = Field(description="Cơ quan, người phải thực hiện")
    start: str | None = Field(description="Ngày bắt đầu tính (ISO)")
    due: str | None = Field(description="Hạn cuối (ISO)")
    due_text: str = Field(description="Hạn cuối dd/mm/yyyy")
    status: str = Field(description="open, met, missed, suspended…")
    status_text: str = Field(description="Tình trạng bằng tiếng Việt")
    closed_on: str | None = None
    explanation: list[str] = Field(description="Cách tính hạn, từng dòng")


class ViolationRow(BaseModel):
    ref: str
    rule: str
    title: str
    article: str = Field(description="Điều luật bị vi phạm")
    kind: str
    unit: str
    responsible: str
    due: str | None
    happened_on: str | None
    days_overdue: int | None
    message: str = Field(description="Vi phạm, bằng tiếng Việt")


class Paged(BaseModel):
    total: int = Field(description="Số dòng của cả danh sách")
    page: int
    size: int


class DeadlinePage(Paged):
    items: list[DeadlineRow]


class ViolationPage(Paged):
    items: list[ViolationRow]


class ActRow(BaseModel):
    title: str = Field(description="Tên hành vi")
    day: str = Field(description="Ngày hành vi có hiệu lực (ISO)")
    day_text: str
    recorded_at: str = Field(description="Thời điểm ghi nhận")
    fields: dict[str, Any]


class ActPage(Paged):
    items: list[ActRow]


class SubjectState(BaseModel):
    kind: str
    noun: str
    ref: str
    unit: str
    as_of: str
    as_of_text: str
    known_at: str | None
    acts: int = Field(description="Số hành vi đã có đến ngày hỏi")
    deadlines: list[DeadlineRow]
    violations: list[ViolationRow]


class Preview(BaseModel):
    violations: list[ViolationRow]
