"""The fields of the court procedure's actions (VOCABULARY, "Civil and administrative
supervision"): each stage names them `civil.*` or `admin.*` (stages/court/actions.py).

Articles in the docstrings are BLTTDS 2015's; Luật TTHC 2015's are in the rule data.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import Field, model_validator

from qlahs.kernel.bounds import NAME_LIMIT, TEXT_LIMIT
from qlahs.stages.commands import Command

Procedure = Literal["vu_an", "viec"]
CaseKind = Literal["dan_su", "hon_nhan_gia_dinh", "kinh_doanh_thuong_mai", "lao_dong"]
Document = Literal[
    "thong_bao_thu_ly",
    "tra_lai_don",
    "giai_quyet_kien_nghi",
    "tam_dinh_chi",
    "dinh_chi",
    "dua_ra_xet_xu",
    "mo_phien_hop",
    "ban_an",
    "quyet_dinh",
]
Against = Literal["ban_an", "quyet_dinh"]

Court = Field(default=None, min_length=1, max_length=NAME_LIMIT, description="Tòa án")
Ground = Field(default=None, min_length=1, max_length=TEXT_LIMIT, description="Căn cứ, lý do")
Outcome = Field(default=None, min_length=1, max_length=TEXT_LIMIT, description="Kết quả")


class ReceiveClaim(Command):
    """Tòa án nhận đơn khởi kiện, đơn yêu cầu (Điều 191, 363)."""

    procedure: Procedure = "vu_an"
    kind: CaseKind | None = None
    court: str | None = Court
    plaintiff: str | None = Field(default=None, min_length=1, max_length=NAME_LIMIT)
    summary: str | None = Field(default=None, max_length=TEXT_LIMIT)


class AdminReceiveClaim(Command):
    """Tòa án nhận đơn khởi kiện vụ án hành chính."""

    court: str | None = Court
    plaintiff: str | None = Field(default=None, min_length=1, max_length=NAME_LIMIT)
    summary: str | None = Field(default=None, max_length=TEXT_LIMIT)


class ReturnClaim(Command):
    """Tòa án trả lại đơn khởi kiện, đơn yêu cầu (Điều 192, 364)."""

    ground: str | None = Ground


class Accept(Command):
    """Tòa án thụ lý (Điều 195, 363); mở hồ sơ nếu chưa ghi nhận việc nhận đơn."""

    procedure: Procedure | None = None
    kind: CaseKind | None = None
    court: str | None = Court


class AdminAccept(Command):
    """Tòa án thụ lý vụ án hành chính; mở hồ sơ nếu chưa ghi nhận việc nhận đơn."""

    court: str | None = Court


class Deliver(Command):
    """Văn bản của Tòa án đến Viện kiểm sát, ghi vào ngày Viện kiểm sát nhận; `sent_on` là
    ngày Tòa án gửi, căn cứ xét thời hạn gửi của Tòa án."""

    document: Document
    sent_on: date | None = Field(default=None, description="Ngày Tòa án gửi")


class ObjectReturn(Command):
    """Viện kiểm sát kiến nghị việc trả lại đơn (Điều 194)."""

    level: Literal["first", "second"] = "first"


class ExtendPreparation(Command):
    """Gia hạn chuẩn bị xét xử, chuẩn bị xét đơn yêu cầu (Điều 203 k1, 286 k1, 366); sau
    quyết định đưa vụ án ra xét xử là kéo dài thời hạn mở phiên tòa (Điều 203 k4)."""

    months: int = Field(ge=1, le=12, description="Số tháng gia hạn")


class Suspend(Command):
    """Tạm đình chỉ giải quyết (Điều 214)."""

    ground: str | None = Ground


class Resume(Command):
    """Tiếp tục giải quyết (Điều 216); thời hạn chuẩn bị được tính lại."""

    ground: str | None = Ground


class Dismiss(Command):
    """Đình chỉ giải quyết (Điều 217)."""

    ground: str | None = Ground


class BringToTrial(Command):
    """Quyết định đưa vụ án ra xét xử (Điều 220; phúc thẩm Điều 290)."""


class ScheduleHearing(Command):
    """Quyết định mở phiên họp giải quyết việc dân sự (Điều 366)."""


class SendFile(Command):
    """Viện kiểm sát nhận hồ sơ để nghiên cứu (Điều 220 k2, 292, 366)."""


class ReturnFile(Command):
    """Viện kiểm sát trả hồ sơ cho Tòa án."""


class OpenSession(Command):
    """Tòa án mở phiên tòa, phiên họp (kể cả khi hoãn)."""


class Attend(Command):
    """Kiểm sát viên tham gia phiên tòa, phiên họp (Điều 21, 232)."""

    prosecutor: str | None = Field(default=None, min_length=1, max_length=NAME_LIMIT)


class Judge(Command):
    """Tuyên án sơ thẩm (Điều 266–267)."""

    outcome: str | None = Outcome
    prosecutor_present: bool | None = Field(
        default=None, description="Kiểm sát viên có mặt; mặc định: đã ghi nhận tham gia phiên tòa"
    )


class DecidePetition(Command):
    """Quyết định giải quyết việc dân sự (Điều 370)."""

    outcome: str | None = Outcome


class Appeal(Command):
    """Đương sự kháng cáo (Điều 271–273, 372)."""

    party: str | None = Field(default=None, min_length=1, max_length=NAME_LIMIT)
    against: Against = "ban_an"


class Protest(Command):
    """Viện kiểm sát kháng nghị phúc thẩm (Điều 278–280, 372)."""

    level: Literal["same", "superior"] = "same"
    against: Against = "ban_an"


class AppealAccept(Command):
    """Tòa án cấp phúc thẩm thụ lý (Điều 285); các bước sau đó thuộc giai đoạn phúc thẩm."""


class AppealJudge(Command):
    """Tuyên án phúc thẩm (Điều 313)."""

    outcome: str | None = Outcome


class TakeEffect(Command):
    """Bản án, quyết định có hiệu lực pháp luật (Điều 282, 313); mở hồ sơ nếu Viện kiểm sát
    mới gặp vụ việc khi kiểm sát giám đốc thẩm."""

    against: Against = "ban_an"
    court: str | None = Court
    kind: CaseKind | None = None


class AdminTakeEffect(Command):
    """Bản án, quyết định hành chính có hiệu lực pháp luật; mở hồ sơ nếu chưa có."""

    against: Against = "ban_an"
    court: str | None = Court


class LearnGrounds(Command):
    """Người có thẩm quyền kháng nghị biết được căn cứ tái thẩm (Điều 352, 355)."""


class CassationProtest(Command):
    """Kháng nghị giám đốc thẩm, tái thẩm (Điều 331–334, 351–355); `k2` khi đủ điều kiện
    kéo dài thời hạn của Điều 334 k2."""

    procedure: Literal["giam_doc_tham", "tai_tham"] = "giam_doc_tham"
    k2: bool = False

    @model_validator(mode="after")
    def _k2_for_cassation(self) -> CassationProtest:
        if self.k2 and self.procedure != "giam_doc_tham":
            raise ValueError("trường 'k2' chỉ dùng cho kháng nghị giám đốc thẩm")
        return self


class AdminCassationProtest(Command):
    """Kháng nghị giám đốc thẩm, tái thẩm vụ án hành chính (Luật TTHC Điều 263, 284)."""

    procedure: Literal["giam_doc_tham", "tai_tham"] = "giam_doc_tham"
