"""The `statreport.*` actions of VOCABULARY.md and the fields each one takes.

A report is named `UNIT/PERIOD` (VKSKV7/2026-03). The figures come computed by the statistics
with the log position and moment they were read at, and a checksum over the three: a command
whose checksum does not match its figures is refused whole, so nothing partial is stored.
"""

from __future__ import annotations

import math
import re
from datetime import date, datetime
from typing import ClassVar

from pydantic import Field, field_validator, model_validator

from qlahs.domain.statistical_report import checksum
from qlahs.kernel.bounds import TEXT_LIMIT
from qlahs.stages.commands import Command

FIGURES_LIMIT = 400  # the shipped catalogue has about a hundred indicators
FIGURE_LIMIT = 10**12
CODE = re.compile(r"[^\W_][\w.\-]{0,63}")  # A.1, Đ.14: letters with diacritics too
REF = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.\-]*/[A-Za-z0-9][A-Za-z0-9.\-]*")


class ReportCommand(Command):
    ref: str = Field(min_length=3, max_length=120, description="Báo cáo: ĐƠN_VỊ/KỲ")

    @field_validator("ref")
    @classmethod
    def _named(cls, ref: str) -> str:
        if not REF.fullmatch(ref):
            raise ValueError(f"báo cáo được gọi là ĐƠN_VỊ/KỲ, ví dụ VKSKV7/2026-03 (nhận {ref!r})")
        return ref


class HasFigures(ReportCommand):
    period: str = Field(min_length=1, max_length=40, description="Mã kỳ, ví dụ 2026-03, y-2026")
    period_start: date = Field(description="Ngày đầu kỳ")
    period_end: date = Field(description="Ngày cuối kỳ")
    figures: dict[str, int | float | None] = Field(description="Mã chỉ tiêu → số liệu")
    position: int = Field(ge=0, le=2**62, description="Vị trí trong sổ ghi nhận đã đọc")
    known_at: str = Field(
        min_length=19, max_length=40, description="Thời điểm lấy số liệu (ISO 8601, có múi giờ)"
    )
    checksum: str = Field(pattern=r"^[0-9a-f]{64}$", description="Mã kiểm tra của số liệu")

    @field_validator("figures")
    @classmethod
    def _bounded(cls, figures: dict[str, int | float | None]) -> dict[str, int | float | None]:
        if not figures:
            raise ValueError("báo cáo không có số liệu nào")
        if len(figures) > FIGURES_LIMIT:
            raise ValueError(f"có {len(figures)} chỉ tiêu, quá giới hạn {FIGURES_LIMIT}")
        for code, value in figures.items():
            if not CODE.fullmatch(code):
                raise ValueError(f"mã chỉ tiêu {code[:70]!r} không hợp lệ")
            if value is None:
                continue
            if (isinstance(value, float) and not math.isfinite(value)) or abs(value) > FIGURE_LIMIT:
                raise ValueError(f"số liệu của chỉ tiêu {code} ({value}) không hợp lệ")
        return figures

    @field_validator("known_at")
    @classmethod
    def _aware(cls, moment: str) -> str:
        try:
            parsed = datetime.fromisoformat(moment)
        except ValueError:
            raise ValueError(f"thời điểm lấy số liệu {moment!r} không hợp lệ") from None
        if parsed.tzinfo is None:
            raise ValueError("thời điểm lấy số liệu phải có múi giờ")
        return moment

    @model_validator(mode="after")
    def _sealed(self) -> HasFigures:
        if self.period_end < self.period_start:
            raise ValueError("Trường 'period_end': ngày cuối kỳ trước ngày đầu kỳ")
        unit_part, period_part = self.ref.split("/", 1)
        if period_part != self.period:
            raise ValueError(f"Trường 'ref': báo cáo {self.ref} không phải của kỳ {self.period}")
        if checksum(self.figures, self.position, self.known_at) != self.checksum:
            raise ValueError(
                "Trường 'checksum': mã kiểm tra không khớp với số liệu; số liệu đã bị thay đổi "
                "sau khi tính, không ghi nhận"
            )
        del unit_part
        return self


class DraftReport(HasFigures):
    """Lập (hoặc lập lại) báo cáo thống kê của đơn vị cho một kỳ từ số liệu đã tính."""

    action: ClassVar[str] = "statreport.draft"


class SubmitReport(HasFigures):
    """Gửi báo cáo thống kê lên cấp trên với số liệu tính tại thời điểm gửi (TTLT 05/2018
    Điều 9)."""

    action: ClassVar[str] = "statreport.submit"


class ReturnReport(ReportCommand):
    """Cấp trên trả lại báo cáo thống kê để sửa, nêu lý do (TTLT 05/2018 Điều 12)."""

    action: ClassVar[str] = "statreport.return"
    reasons: list[str] = Field(min_length=1, max_length=20, description="Lý do trả lại")

    @field_validator("reasons")
    @classmethod
    def _said(cls, reasons: list[str]) -> list[str]:
        kept = [reason.strip() for reason in reasons]
        if any(not reason or len(reason) > TEXT_LIMIT for reason in kept):
            raise ValueError("mỗi lý do trả lại phải có nội dung, không quá giới hạn độ dài")
        return kept


class AcceptReport(ReportCommand):
    """Cấp trên chấp nhận báo cáo thống kê đã gửi."""

    action: ClassVar[str] = "statreport.accept"
