"""What each document says about its record: the opening line and the numbered body.

Every body is built from the record as of the document's date and from the choices the
person drafting gives (who is assigned, which accused person, who signs). A choice the body
needs and cannot find is a clear refusal, never a blank in the document.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from qlahs.domain.crime_report import BODY_NAMES, GROUND_NAMES, OUTCOME_NAMES, SOURCE_NAMES
from qlahs.drafting.court_bodies import court_decision, court_line
from qlahs.kernel.errors import QlahsError
from qlahs.kernel.subject import Act
from qlahs.law.calendar import fmt
from qlahs.law.deadlines import Judgement


@dataclass(frozen=True)
class Choices:
    """What the person drafting decides; the record cannot say it."""

    prosecutor: str | None = None
    deputy: str | None = None
    person: str | None = None
    signer: str | None = None
    agency: str | None = None
    acts: Sequence[Act] = ()  # the record's acts up to the document's date


@dataclass
class Body:
    opening: str
    lines: list[str] = field(default_factory=list)


def _need(value: str | None, field_name: str, what: str) -> str:
    if not value:
        raise QlahsError(f"Thiếu {field_name}: cần {what} để soạn văn bản.")
    return value


def _report_line(report: Any) -> str:
    who = f", người tố giác, báo tin: {report.reporter}" if report.reporter else ""
    return (
        f"{SOURCE_NAMES.get(report.source, report.source)} số {report.ref} "
        f"(tiếp nhận ngày {fmt(report.opened_on)}, do {BODY_NAMES.get(report.received_by, '')}"
        f" tiếp nhận): {report.summary or 'chưa có tóm tắt'}{who}."
    )


def _case_line(case: Any) -> str:
    return (
        f"Vụ án hình sự số {case.ref}, khởi tố ngày {fmt(case.opened_on)}, về tội theo "
        f"{case.crime}: {case.summary or 'chưa có tóm tắt'}."
    )


def _due(judgement: Judgement, rule: str) -> date | None:
    found = [d for d in judgement.deadlines if d.rule == rule]
    return found[-1].due if found else None


_DUTIES = {
    "report": "thực hành quyền công tố và kiểm sát việc giải quyết nguồn tin về tội phạm",
    "case": "thực hành quyền công tố và kiểm sát điều tra vụ án hình sự",
    "civil": "kiểm sát việc giải quyết vụ việc dân sự",
    "admin": "kiểm sát việc giải quyết vụ án hành chính",
}


def _about(record: Any) -> str:
    if record.kind == "report":
        return _report_line(record)
    return _case_line(record) if record.kind == "case" else court_line(record)


def assignment(record: Any, judgement: Judgement, choices: Choices) -> Body:
    prosecutor = _need(
        choices.prosecutor or getattr(record, "prosecutor", None),
        "--prosecutor",
        "tên Kiểm sát viên được phân công",
    )
    what = _DUTIES[record.kind]
    about = _about(record)
    lines = []
    if choices.deputy:
        lines.append(
            f"Điều 1. Phân công ông (bà) {choices.deputy}, Phó Viện trưởng, chỉ đạo việc {what}:"
        )
        lines.append(about)
        lines.append(f"Điều 2. Phân công ông (bà) {prosecutor}, Kiểm sát viên, {what} nêu trên.")
        last = 3
    else:
        lines.append(f"Điều 1. Phân công ông (bà) {prosecutor}, Kiểm sát viên, {what}:")
        lines.append(about)
        last = 2
    lines.append(
        f"Điều {last}. Người được phân công, Văn phòng và các đơn vị có liên quan chịu trách "
        "nhiệm thi hành Quyết định này."
    )
    return Body("QUYẾT ĐỊNH:", lines)


def _decision(acts: Sequence[Act]) -> str:
    """The last decision of the body on a report: to open, not to open, or to suspend."""
    for act in reversed(acts):
        name = type(act).__name__
        if name == "Decided":
            outcome = OUTCOME_NAMES.get(getattr(act, "outcome", ""), "").lower()
            return f"Quyết định {outcome} ngày {fmt(act.on)}"
        if name == "Suspended":
            ground = GROUND_NAMES.get(getattr(act, "ground", ""), "")
            return (
                f"Quyết định tạm đình chỉ việc giải quyết nguồn tin ngày {fmt(act.on)} ({ground})"
            )
    raise QlahsError(
        "Nguồn tin chưa có quyết định khởi tố, không khởi tố hay tạm đình chỉ để kiểm sát."
    )


def supervision_slip(record: Any, judgement: Judgement, choices: Choices) -> Body:
    if record.kind == "report":
        what = _decision(choices.acts)
        lines = [f"Quyết định được kiểm sát: {what}.", _report_line(record)]
    elif record.kind in ("civil", "admin"):
        what = court_decision(choices.acts)
        lines = [f"Văn bản được kiểm sát: {what}.", court_line(record)]
    else:
        lines = [
            f"Quyết định được kiểm sát: Quyết định khởi tố vụ án hình sự ngày "
            f"{fmt(record.opened_on)}.",
            _case_line(record),
        ]
    found = [v.message for v in judgement.violations]
    lines.append("Nhận xét của Kiểm sát viên:")
    lines += [f"- {message}" for message in found] or [
        "- Chưa phát hiện vi phạm về thời hạn tố tụng."
    ]
    lines.append("Đề xuất: ………………………………………………")
    return Body("KẾT QUẢ KIỂM SÁT:", lines)


def verification_request(record: Any, judgement: Judgement, choices: Choices) -> Body:
    due = _due(judgement, "report.resolve")
    lines = [
        f"Yêu cầu {BODY_NAMES.get(record.received_by, 'Cơ quan điều tra')} kiểm tra, xác minh "
        "nguồn tin về tội phạm sau:",
        _report_line(record),
        "Nội dung cần kiểm tra, xác minh: ………………………………………………",
    ]
    if due:
        lines.append(f"Kết quả gửi Viện kiểm sát trước ngày {fmt(due)} (hạn giải quyết nguồn tin).")
    return Body("YÊU CẦU:", lines)


def extension(record: Any, judgement: Judgement, choices: Choices) -> Body:
    due = _due(judgement, "report.resolve")
    if due is None:
        raise QlahsError(f"Nguồn tin {record.ref} không có thời hạn giải quyết để gia hạn.")
    return Body(
        "QUYẾT ĐỊNH:",
        [
            f"Điều 1. Gia hạn thời hạn giải quyết nguồn tin về tội phạm: {_report_line(record)}",
            f"Thời hạn giải quyết được gia hạn đến hết ngày {fmt(due)}.",
            "Điều 2. Cơ quan đã tiếp nhận nguồn tin có trách nhiệm thi hành Quyết định này.",
        ],
    )


def approval(record: Any, judgement: Judgement, choices: Choices) -> Body:
    key = _need(choices.person, "--person", "mã bị can")
    person = record.persons.get(key)
    if person is None or person.charged_on is None:
        raise QlahsError(
            f"Tham số --person: vụ án {record.ref} không có bị can {key} đã bị khởi tố."
        )
    return Body(
        "QUYẾT ĐỊNH:",
        [
            f"Điều 1. Phê chuẩn Quyết định khởi tố bị can ngày {fmt(person.charged_on)} đối với "
            f"{person.name or key} về tội theo {person.crime or record.crime}.",
            _case_line(record),
            "Điều 2. Cơ quan điều tra giao ngay Quyết định khởi tố bị can và Quyết định này cho bị "
            "can và giải thích quyền, nghĩa vụ cho bị can (Điều 179 khoản 5 BLTTHS 2015).",
        ],
    )


BODIES: dict[str, Callable[[Any, Judgement, Choices], Body]] = {
    "phan_cong": assignment,
    "phieu_kiem_sat": supervision_slip,
    "yeu_cau_xac_minh": verification_request,
    "gia_han": extension,
    "phe_chuan": approval,
}
