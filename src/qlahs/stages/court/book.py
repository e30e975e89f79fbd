"""The supervision book of a court matter: one row per matter with the facts the intake books
(each stage's `books.yaml`) read: court, kind, procedure, prosecutor, stage, the main dates,
and the cells the books print as people write them."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa

from qlahs.domain.civil_matter import KIND_NAMES, PROCEDURE_NAMES
from qlahs.domain.court_matter import CourtMatter
from qlahs.kernel.schema import metadata
from qlahs.kernel.subject import Act, day_of
from qlahs.law.calendar import fmt

AGAINST = {"ban_an": "bản án", "quyet_dinh": "quyết định"}
LEVELS = {"same": "Viện kiểm sát cùng cấp", "superior": "Viện kiểm sát cấp trên trực tiếp"}
REVIEWS = {"giam_doc_tham": "giám đốc thẩm", "tai_tham": "tái thẩm"}


def book_table(name: str) -> sa.Table:
    return sa.Table(
        name,
        metadata,
        sa.Column("subject_id", sa.String(36), primary_key=True),
        sa.Column("ref", sa.String(200), nullable=False),
        sa.Column("unit", sa.String(64), nullable=False),
        sa.Column("intake_year", sa.Integer, nullable=False),
        sa.Column("opened_on", sa.Date, nullable=False),
        sa.Column("court", sa.Text, nullable=False),
        sa.Column("procedure", sa.String(16), nullable=False),
        sa.Column("case_kind", sa.String(32), nullable=False),
        sa.Column("stage", sa.String(64), nullable=False),
        sa.Column("stage_name", sa.Text, nullable=False),
        sa.Column("received_on", sa.Date),
        sa.Column("returned_on", sa.Date),
        sa.Column("accepted_on", sa.Date),
        sa.Column("suspended_on", sa.Date),
        sa.Column("dismissed_on", sa.Date),
        sa.Column("trial_decided_on", sa.Date),
        sa.Column("judged_on", sa.Date),
        sa.Column("outcome", sa.Text, nullable=False),
        sa.Column("prosecutor", sa.Text, nullable=False),
        sa.Column("appealed_on", sa.Date),
        sa.Column("protested_on", sa.Date),
        sa.Column("appeal_accepted_on", sa.Date),
        sa.Column("appeal_judged_on", sa.Date),
        sa.Column("effective_on", sa.Date),
        # the cells of the books (stages/civil/books.yaml, stages/administrative/books.yaml)
        sa.Column("kind_name", sa.Text, nullable=False),
        sa.Column("plaintiff", sa.Text, nullable=False),
        sa.Column("summary", sa.Text, nullable=False),
        sa.Column("notified_on", sa.Date),
        sa.Column("decided_on", sa.Date),
        sa.Column("decision", sa.Text, nullable=False),
        sa.Column("judgment_received_on", sa.Date),
        sa.Column("attended", sa.Boolean, nullable=False),
        sa.Column("challenged_on", sa.Date),
        sa.Column("appeals", sa.Text, nullable=False),
        sa.Column("protests", sa.Text, nullable=False),
        sa.Column("cassation", sa.Text, nullable=False),
        sa.Index(f"ix_{name}_unit_year", "unit", "intake_year", "opened_on"),
    )


def _day(value: Any) -> Any:
    return None if value is None else day_of(value)


def book_row(subject_id: str, matter: CourtMatter, acts: Sequence[Act]) -> dict[str, Any]:
    opened = day_of(matter.opened_on)
    return {
        "subject_id": subject_id,
        "ref": matter.ref,
        "unit": matter.unit,
        "intake_year": opened.year,
        "opened_on": opened,
        "court": matter.court or "",
        "procedure": matter.procedure,
        "case_kind": matter.case_kind or "",
        "stage": matter.stage,
        "stage_name": matter.stage_names.get(matter.stage, matter.stage),
        "received_on": _day(matter.received_on),
        "returned_on": _day(matter.returned_on),
        "accepted_on": _day(matter.accepted_on),
        "suspended_on": _day(matter.suspended_on),
        "dismissed_on": _day(matter.dismissed_on),
        "trial_decided_on": _day(matter.trial_decided_on),
        "judged_on": _day(matter.judged_on),
        "outcome": matter.outcome or "",
        "prosecutor": matter.prosecutor or "",
        "appealed_on": _day(matter.appealed_on),
        "protested_on": _day(matter.protested_on),
        "appeal_accepted_on": _day(matter.appeal_accepted_on),
        "appeal_judged_on": _day(matter.appeal_judged_on),
        "effective_on": _day(matter.effective_on),
        **_cells(matter, acts),
    }


def _kind_name(matter: CourtMatter) -> str:
    """ "Vụ án hành chính", "Vụ án dân sự", "Việc dân sự, lao động"…"""
    if matter.kind == "admin":
        return "Vụ án hành chính"
    name = PROCEDURE_NAMES.get(matter.procedure, matter.procedure)
    kind = matter.case_kind or "dan_su"
    return name if kind == "dan_su" else f"{name}, {KIND_NAMES[kind].lower()}"


def _decision(matter: CourtMatter) -> str:
    if matter.judged_on is not None:
        return "Bản án sơ thẩm" if matter.procedure == "vu_an" else "Quyết định giải quyết việc"
    if matter.dismissed_on is not None:
        return "Quyết định đình chỉ giải quyết"
    return ""


def _cells(matter: CourtMatter, acts: Sequence[Act]) -> dict[str, Any]:
    appeals: list[str] = []
    protests: list[str] = []
    reviews: list[str] = []
    for act in acts:
        name = type(act).__name__
        against = AGAINST.get(str(getattr(act, "against", "")), "")
        if name == "Appealed":
            appeals.append(f"{fmt(day_of(act.on))}: kháng cáo {against}")
        elif name == "Protested":
            level = LEVELS[getattr(act, "level", "same")]
            protests.append(f"{fmt(day_of(act.on))}: {level} kháng nghị {against}")
        elif name == "CassationProtested":
            review = REVIEWS[getattr(act, "procedure", "giam_doc_tham")]
            reviews.append(f"{fmt(day_of(act.on))}: kháng nghị {review}")
    decided = matter.judged_on or matter.dismissed_on
    firsts = [d for d in (matter.appealed_on, matter.protested_on) if d is not None]
    received = matter.delivered.get("ban_an") or matter.delivered.get("quyet_dinh")
    return {
        "kind_name": _kind_name(matter),
        "plaintiff": matter.plaintiff or "",
        "summary": matter.summary or "",
        "notified_on": _day(matter.delivered.get("thong_bao_thu_ly")),
        "decided_on": _day(decided),
        "decision": _decision(matter),
        "judgment_received_on": _day(received if decided is not None else None),
        "attended": bool(matter.attended or matter.prosecutor),
        "challenged_on": _day(min(day_of(d) for d in firsts)) if firsts else None,
        "appeals": "; ".join(appeals),
        "protests": "; ".join(protests),
        "cassation": "; ".join(reviews),
    }
