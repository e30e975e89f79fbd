"""What a document says about a civil matter or an administrative case: the matter in one
line, and the court's document a supervision slip is about (its acceptance notice, a
returned statement of claim, a settlement recognised before trial)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from qlahs.domain.civil_matter import KIND_NAMES, PROCEDURE_NAMES
from qlahs.domain.court_documents import DOCUMENT_NAMES
from qlahs.kernel.errors import QlahsError
from qlahs.kernel.subject import Act
from qlahs.law.calendar import fmt


def court_line(matter: Any) -> str:
    if matter.kind == "admin":
        what = "Vụ án hành chính"
    else:
        what = PROCEDURE_NAMES.get(matter.procedure, "Vụ việc dân sự")
        if matter.case_kind:
            what += f" ({KIND_NAMES.get(matter.case_kind, matter.case_kind).lower()})"
    parts = [f"{what} số {matter.ref}"]
    if matter.court:
        parts.append(f"do {matter.court} giải quyết")
    if matter.accepted_on:
        parts.append(f"thụ lý ngày {fmt(matter.accepted_on)}")
    who = f"; người khởi kiện, yêu cầu: {matter.plaintiff}" if matter.plaintiff else ""
    return f"{', '.join(parts)}{who}: {matter.summary or 'chưa có tóm tắt'}."


def court_decision(acts: Sequence[Act]) -> str:
    """The last court document the slip is about, as the court named it."""
    for act in reversed(acts):
        name = type(act).__name__
        if name == "ClaimReturned":
            return f"Văn bản trả lại đơn khởi kiện, đơn yêu cầu ngày {fmt(act.on)}"
        if name == "TookEffect" and getattr(act, "against", "") == "quyet_dinh":
            return f"Quyết định công nhận sự thỏa thuận, có hiệu lực ngày {fmt(act.on)}"
        if name == "Delivered":
            document = str(getattr(act, "document", ""))
            title = DOCUMENT_NAMES.get(document, "văn bản của Tòa án")
            return f"{title[:1].upper()}{title[1:]} (Viện kiểm sát nhận ngày {fmt(act.on)})"
        if name in ("Accepted", "OpenedOnAcceptance"):
            return f"Việc thụ lý ngày {fmt(act.on)}"
    raise QlahsError("Hồ sơ chưa có văn bản nào của Tòa án để kiểm sát.")
