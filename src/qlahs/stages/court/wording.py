"""A court matter's acts in words, for `qlahs civil show` and `qlahs admin show`: what each act
says beyond its name (the court, the document received, the protest's level…)."""

from __future__ import annotations

from typing import Any

from qlahs.domain.civil_matter import KIND_NAMES, PROCEDURE_NAMES
from qlahs.domain.court_documents import DOCUMENT_NAMES
from qlahs.kernel.subject import Act, day_of
from qlahs.law.calendar import fmt
from qlahs.stages.court.book import AGAINST, LEVELS, REVIEWS

OBJECTION_LEVELS = {"first": "lần đầu", "second": "lần hai (Chánh án Tòa án cấp trên)"}


def _parts(act: Any) -> list[str]:
    fields = vars(act)
    parts: list[str] = []
    if procedure := fields.get("procedure"):
        parts.append(
            PROCEDURE_NAMES.get(procedure) or f"kháng nghị {REVIEWS.get(procedure, procedure)}"
        )
    if kind := fields.get("kind"):
        parts.append(KIND_NAMES.get(kind, kind))
    if court := fields.get("court"):
        parts.append(court)
    if document := fields.get("document"):
        parts.append(DOCUMENT_NAMES.get(document, document))
    if sent_on := fields.get("sent_on"):
        parts.append(f"Tòa án gửi ngày {fmt(day_of(sent_on))}")
    if level := fields.get("level"):
        parts.append(LEVELS.get(level) or f"kiến nghị {OBJECTION_LEVELS.get(level, level)}")
    if against := fields.get("against"):
        parts.append(f"đối với {AGAINST.get(against, against)}")
    if months := fields.get("months"):
        parts.append(f"thêm {months} tháng")
    if fields.get("k2"):
        parts.append("kéo dài thời hạn thêm 02 năm")
    for key in ("party", "plaintiff", "prosecutor", "ground", "outcome", "summary"):
        if value := fields.get(key):
            parts.append(str(value))
    return parts


def content(act: Act) -> str:
    """What the act says beyond its name: "TAND huyện A; bản án", "Viện kiểm sát cùng cấp"."""
    return "; ".join(_parts(act))
