"""The acts of prosecution and investigation (BLTTHS 2015 Điều 153–180, 229–235) as commands,
with the grounds a suspension may cite. Their rules are in `investigation.py` and
`charge_approval.py`."""

from __future__ import annotations

from datetime import date
from typing import ClassVar, Literal

from pydantic import Field, field_validator, model_validator

from qlahs.domain.own_agency import agency_name
from qlahs.kernel.dates import day_of, fmt
from qlahs.law.crimes import Category, category_of
from qlahs.stages.commands import Command

Ground = Literal[
    "khong_xac_dinh_bi_can",
    "bi_can_bo_tron",
    "benh_hiem_ngheo",
    "tam_than",
    "giam_dinh",
    "dinh_gia",
    "tuong_tro_tu_phap",
    "bat_kha_khang",
]
# Grounds that allow suspending before the time limit runs out (Điều 229 k1 b, Điều 247 k1 b).
EARLY_GROUNDS = {"benh_hiem_ngheo", "tam_than"}
GROUND_NAMES = {
    "khong_xac_dinh_bi_can": "chưa xác định được bị can",
    "bi_can_bo_tron": "bị can bỏ trốn, không biết rõ ở đâu",
    "benh_hiem_ngheo": "bị can bị bệnh hiểm nghèo",
    "tam_than": "bị can mắc bệnh tâm thần",
    "giam_dinh": "chờ kết quả giám định",
    "dinh_gia": "chờ kết quả định giá tài sản",
    "tuong_tro_tu_phap": "chờ kết quả tương trợ tư pháp",
    "bat_kha_khang": "thiên tai, dịch bệnh",
}


class _Charged(Command):
    crime: str = Field(min_length=1, description="Tội danh theo khoản, ví dụ 'BLHS 173 k2'")
    category: Category | None = None

    @model_validator(mode="after")
    def _category_from_clause(self) -> _Charged:
        if self.category is None:
            found = category_of(self.crime)
            if found is None:
                raise ValueError(
                    f"không xác định được loại tội phạm của '{self.crime}' từ dữ liệu BLHS: "
                    "ghi trường 'category' (INT, NT, RNT, DBNT)"
                )
            object.__setattr__(self, "category", found)
        return self


class OpenCase(_Charged):
    """Khởi tố vụ án (Điều 153–154)."""

    action: ClassVar[str] = "case.open"
    summary: str = ""
    from_report: str | None = None
    investigating_agency: str | None = None
    procedure: Literal["thong_thuong", "rut_gon"] = "thong_thuong"

    # the procuracy's own agency (module 6) is kept by one name, the one its books look for
    _agency = field_validator("investigating_agency")(classmethod(lambda cls, v: agency_name(v)))


class ChangeCharge(_Charged):
    """Thay đổi, bổ sung quyết định khởi tố vụ án (Điều 156) hoặc khởi tố bị can (Điều 180)."""

    action: ClassVar[str] = "case.change_charge"
    person: str | None = None


class ChargePerson(_Charged):
    """Khởi tố bị can (Điều 179)."""

    action: ClassVar[str] = "case.charge"
    person: str = Field(min_length=1)
    name: str = Field(min_length=1)
    birth_date: date | None = None

    @model_validator(mode="after")
    def _born_before_charged(self) -> ChargePerson:
        # the limits for minors are counted from it (Luật 59/2024/QH15): it cannot be later
        if self.birth_date is not None and self.birth_date > day_of(self.on):
            raise ValueError(
                f"trường 'birth_date' ({fmt(self.birth_date)}) sau ngày khởi tố bị can "
                f"({fmt(self.on)}): không thể có thật"
            )
        return self


class _PersonAct(Command):
    person: str = Field(min_length=1)


class ApproveCharge(_PersonAct):
    """Phê chuẩn quyết định khởi tố bị can (Điều 179 k3)."""

    action: ClassVar[str] = "case.approve_charge"


class CancelCharge(_PersonAct):
    """Hủy bỏ quyết định khởi tố bị can (Điều 179 k3)."""

    action: ClassVar[str] = "case.cancel_charge"


class RequestEvidence(_PersonAct):
    """Yêu cầu bổ sung chứng cứ, tài liệu để xét phê chuẩn (Điều 179 k3)."""

    action: ClassVar[str] = "case.request_evidence"


class ExtendInvestigation(Command):
    """Gia hạn điều tra (Điều 172 k2)."""

    action: ClassVar[str] = "case.extend_investigation"
    months: int = Field(ge=1, le=12)


class SuspendInvestigation(Command):
    """Tạm đình chỉ điều tra (Điều 229), cả vụ án hoặc riêng một bị can."""

    action: ClassVar[str] = "case.suspend_investigation"
    ground: Ground
    person: str | None = None


class ResumeInvestigation(Command):
    """Phục hồi điều tra (Điều 235)."""

    action: ClassVar[str] = "case.resume_investigation"
    person: str | None = None


class DismissInvestigation(Command):
    """Đình chỉ điều tra (Điều 230), cả vụ án hoặc riêng một bị can."""

    action: ClassVar[str] = "case.dismiss_investigation"
    ground: str | None = None
    person: str | None = None


class TransferCase(Command):
    """Chuyển vụ án (Điều 169): thời hạn điều tra tiếp tục."""

    action: ClassVar[str] = "case.transfer"
    to: str = Field(min_length=1)

    _agency = field_validator("to")(classmethod(lambda cls, v: agency_name(v)))


class JoinCases(Command):
    """Nhập vụ án (Điều 170)."""

    action: ClassVar[str] = "case.join"
    cases: list[str] = Field(min_length=1)


class SplitCase(Command):
    """Tách vụ án (Điều 170)."""

    action: ClassVar[str] = "case.split"
    persons: list[str] = Field(min_length=1)
    into: str = Field(min_length=1, description="Số hiệu vụ án mới được tách ra")


class ConcludeInvestigation(Command):
    """Bản kết luận điều tra (Điều 232)."""

    action: ClassVar[str] = "case.conclude_investigation"
    recommendation: Literal["truy_to", "dinh_chi"] = "truy_to"
