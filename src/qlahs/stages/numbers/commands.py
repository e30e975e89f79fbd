"""The `number.*` actions of VOCABULARY.md and the fields each one takes.

A register is named by the recording unit, the series and the numbering year of `on` (or
`year`, for acting on a number of an earlier year), never by `ref`. A `ref` given anyway is
read as the case or report the document belongs to, like `subject`.
"""

from __future__ import annotations

from typing import Annotated, Any, ClassVar

from pydantic import BeforeValidator, Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from qlahs.domain.number_symbol import parse_number
from qlahs.kernel.errors import QlahsError
from qlahs.law.number_series import series_book
from qlahs.stages.commands import Command


def _number(value: Any) -> tuple[int, str]:
    if isinstance(value, tuple):
        return value
    try:
        return parse_number(value)
    except ValueError as error:
        raise PydanticCustomError("number", str(error)) from None


NumberLabel = Annotated[tuple[int, str], BeforeValidator(_number)]


class NumberCommand(Command):
    ref: str = Field(default="", description="Không dùng để chỉ sổ; nếu có, là vụ án/nguồn tin")
    series: str = Field(min_length=1, description="Mã hệ thống số, ví dụ QD-HS, CV")

    @field_validator("series")
    @classmethod
    def _known_series(cls, code: str) -> str:
        code = code.strip().upper()  # people type "cv" for CV
        try:
            series_book().get(code)
        except QlahsError:
            known = ", ".join(series_book().series)
            raise PydanticCustomError(
                "series", "không có hệ thống số này; các hệ thống số: {known}", {"known": known}
            ) from None
        return code


class OnNumber(NumberCommand):
    """A command on a number already in a register, maybe of an earlier numbering year."""

    number: NumberLabel
    year: int | None = Field(default=None, ge=2000, le=2100, description="Năm của sổ")


class HasDocument(NumberCommand):
    """The outgoing-register columns of the document the number goes on (Phụ lục IV)."""

    title: str = Field(default="", description="Tên loại và trích yếu nội dung văn bản")
    signer: str = Field(default="", description="Người ký")
    subject: str | None = Field(default=None, description="Vụ án hoặc nguồn tin")
    recipients: str = Field(default="", description="Nơi nhận văn bản")
    copies: int | None = Field(default=None, ge=1, description="Số lượng bản")
    keeper: str = Field(default="", description="Đơn vị, người nhận bản lưu")

    @model_validator(mode="before")
    @classmethod
    def _ref_is_the_subject(cls, data: Any) -> Any:
        if isinstance(data, dict) and data.get("ref") and not data.get("subject"):
            return {**data, "subject": data["ref"]}
        return data


class IssueNumber(HasDocument):
    """Lấy số tiếp theo của sổ (NĐ 30/2020 Điều 15 k1); `count` số liên tiếp một lần."""

    action: ClassVar[str] = "number.issue"
    count: int = Field(default=1, ge=1, le=1000)


class ReserveNumber(NumberCommand):
    """Giữ số tiếp theo cho văn bản chưa ký."""

    action: ClassVar[str] = "number.reserve"
    reason: str = Field(min_length=1)
    count: int = Field(default=1, ge=1, le=1000)


class InsertNumber(HasDocument):
    """Ghi số chèn (15a sau 15) khi hệ thống số cho phép, với lý do và người duyệt."""

    action: ClassVar[str] = "number.insert"
    after: NumberLabel
    reason: str = Field(min_length=1)
    approved_by: str = Field(min_length=1, description="Người duyệt số chèn")


class UseNumber(OnNumber, HasDocument):
    """Dùng số đã giữ cho văn bản đã ký."""

    action: ClassVar[str] = "number.use"


class ReleaseNumber(OnNumber):
    """Trả số đã giữ mà không dùng; số vẫn ở trong sổ với lý do, không cấp lại."""

    action: ClassVar[str] = "number.release"
    reason: str = Field(min_length=1)


class VoidNumber(OnNumber):
    """Hủy một số đã cấp, với lý do; số không bao giờ được dùng lại."""

    action: ClassVar[str] = "number.void"
    reason: str = Field(min_length=1)
