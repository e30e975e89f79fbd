"""The acts of custody (BLTTHS 2015 Điều 109–125, 173, 241, 278, 329, 347) as commands: arrest,
hold (tạm giữ), detention (tạm giam) by stage, their extensions and the release. Their rules are
in `custody.py` and `detention.py`."""

from __future__ import annotations

from datetime import date
from typing import ClassVar, Literal

from pydantic import Field, model_validator

from qlahs.stages.commands import Command

DetentionStage = Literal["investigation", "prosecution", "trial", "judgment", "appeal"]
STAGE_NAMES = {
    "investigation": "để điều tra",
    "prosecution": "trong giai đoạn truy tố",
    "trial": "để chuẩn bị xét xử",
    "judgment": "sau khi tuyên án sơ thẩm",
    "appeal": "để xét xử phúc thẩm",
}


class _Person(Command):
    person: str = Field(min_length=1)


class Arrest(_Person):
    """Giữ người trong trường hợp khẩn cấp, bắt người (Điều 110–114)."""

    action: ClassVar[str] = "custody.arrest"


class Hold(_Person):
    """Tạm giữ (Điều 117–118); ghi giờ nhận người: YYYY-MM-DDTHH:MM."""

    action: ClassVar[str] = "custody.hold"


class ExtendHold(_Person):
    """Gia hạn tạm giữ (Điều 118)."""

    action: ClassVar[str] = "custody.extend_hold"
    days: int = Field(default=3, ge=1, le=9)


class ApproveHoldExtension(_Person):
    """Phê chuẩn gia hạn tạm giữ (Điều 118 k2)."""

    action: ClassVar[str] = "custody.approve_hold_extension"


class Detain(_Person):
    """Tạm giam (Điều 119; thời hạn theo Điều 173, 241, 278, 329, 347)."""

    action: ClassVar[str] = "custody.detain"
    months: int | None = Field(default=None, ge=1, le=24)
    days: int | None = Field(default=None, ge=1, le=720)
    until: date | None = None
    stage: DetentionStage = "investigation"

    @model_validator(mode="after")
    def _one_period(self) -> Detain:
        given = [x for x in (self.months, self.days, self.until) if x is not None]
        if len(given) != 1:
            raise ValueError("ghi đúng một trong các trường 'months', 'days' hoặc 'until'")
        return self


class ExtendDetention(_Person):
    """Gia hạn tạm giam (Điều 173, 241, 278, 347)."""

    action: ClassVar[str] = "custody.extend_detention"
    months: int | None = Field(default=None, ge=1, le=12)
    days: int | None = Field(default=None, ge=1, le=360)

    @model_validator(mode="after")
    def _one_period(self) -> ExtendDetention:
        if (self.months is None) == (self.days is None):
            raise ValueError("ghi đúng một trong hai trường 'months' hoặc 'days'")
        return self


class Release(_Person):
    """Trả tự do; hủy bỏ hoặc thay thế biện pháp ngăn chặn."""

    action: ClassVar[str] = "custody.release"
