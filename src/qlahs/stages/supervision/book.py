"""The procuracy's acts in the books: Sổ 66 (one row per request, recommendation, protest,
lessons notice, cancellation and objection, with its answer) and the cells the acts fill in
Sổ 04, Sổ 07 and Sổ 15 (law.md §14, mark C). Sổ 66 is also the book of violations in
supervision: its limit column gives the last day the rules compute, and a late answer says so.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa

from qlahs.domain.supervision import (
    FAMILY_NAMES,
    SupervisionAct,
    SupervisionActs,
    supervision_of,
)
from qlahs.kernel.schema import metadata
from qlahs.kernel.subject import Act, day_of
from qlahs.law.calendar import Calendar, fmt
from qlahs.law.deadlines import Deadline
from qlahs.law.rulebook import RuleBook
from qlahs.stages.supervision.rules import SupervisionRules
from qlahs.stages.supervision.wording import RESULT_NAMES, ROLE_NAMES, describe, title

# One row per document of the VKS (or objection of the body) on a report or a case: Sổ 66.
supervision_book = sa.Table(
    "qlahs_supervision_book",
    metadata,
    sa.Column("subject_id", sa.String(36), nullable=False, index=True),
    sa.Column("ref", sa.String(200), nullable=False),
    sa.Column("unit", sa.String(64), nullable=False),
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("subject_kind", sa.String(16), nullable=False),
    sa.Column("key", sa.String(32), nullable=False),
    sa.Column("family", sa.String(16), nullable=False),
    sa.Column("on", sa.Date, nullable=False),
    *(
        sa.Column(name, sa.Text, nullable=False)
        for name in ("title", "decision", "to", "content", "limit", "result", "answer", "notes")
    ),
    sa.Column("answered_on", sa.Date),
    sa.Index("ix_supervision_book_unit_on", "unit", "on"),
)

Row = dict[str, Any]


def supervision_rows(subject_id: str, subject: Any, acts: Sequence[Act]) -> list[Row]:
    """Sổ 66 rows of one report or case: each document with the limit its rule gives and,
    once answered, whether the answer came late (the violations list has the rest)."""
    issued = {a.key: a for a in acts if isinstance(a, SupervisionActs.Issued)}
    judged = _judged(subject, acts)
    rows = []
    for item in supervision_of(subject).items.values():
        act = issued.get(item.key)
        limit = ""
        if act is not None and act.answer_by is not None:
            limit = f"trước hết ngày {fmt(act.answer_by)}"
        elif act is not None and act.answer_within is not None:
            limit = f"trong {act.answer_within} ngày"
        notes = ""
        deadline = next((d for k, d in judged.items() if k.endswith(f"/{item.key}")), None)
        if deadline is not None:
            limit = "; ".join(x for x in (limit, f"hạn cuối {fmt(deadline.due)}") if x)
            limit += f" ({deadline.article})"
            if deadline.closed_on is not None and deadline.status == "missed":
                late = (deadline.closed_on - day_of(deadline.due)).days
                notes = f"Trả lời chậm {late} ngày"
        rows.append(
            {
                "subject_id": subject_id,
                "ref": subject.ref,
                "unit": subject.unit,
                "subject_kind": subject.kind,
                "key": item.key,
                "family": item.family,
                "on": item.on,
                "title": title(item),
                "decision": " ".join(x for x in (item.decision or "", f"({item.key})") if x),
                "to": item.to or "",
                "content": item.content,
                "limit": limit,
                "result": RESULT_NAMES.get(item.result or "", item.result or ""),
                "answer": item.answer,
                "answered_on": item.answered_on,
                "notes": notes,
            }
        )
    return rows


def _judged(subject: Any, acts: Sequence[Act]) -> dict[str, Deadline]:
    """The answers' deadlines of one subject, by `rule/key`, from the shipped rules."""
    fold = SupervisionRules(RuleBook.default(), Calendar.default())
    fold.area = "report" if subject.kind == "report" else "case"
    fold.ref, fold.unit = subject.ref, subject.unit
    for act in sorted(acts, key=lambda a: (day_of(a.on), a.originator_version)):
        if isinstance(act, SupervisionAct):
            fold.apply(act)
    return fold.deadlines


def supervision_cells(subject: Any, acts: Sequence[Act]) -> dict[str, str]:
    """The cells of Sổ 04 and Sổ 07 the procuracy's acts fill, as `key: text`:
    `prosecutor`, `procuracy_requests`, `prosecution_request`, `investigation_requests`,
    `request_results`, `recommendations`."""
    lines: defaultdict[str, list[str]] = defaultdict(list)
    state = supervision_of(subject)
    roles: set[str] = set()
    for act in sorted(acts, key=lambda a: (day_of(a.on), a.originator_version)):
        on = fmt(act.on)
        match act:
            case SupervisionActs.Assigned():
                how = "phân công lại" if act.role in roles else "phân công"
                roles.add(act.role)
                number = f" (QĐ {act.decision})" if act.decision else ""
                lines["prosecutor"].append(
                    f"{on} {how} {ROLE_NAMES[act.role]} {act.prosecutor}{number}"
                )
            case SupervisionActs.Issued():
                item = state.items[act.key]
                column = _column(item.family, item.what)
                lines[column].append(f"{on} {describe(item)}")
            case SupervisionActs.Objected():
                lines["recommendations"].append(f"{on} {describe(state.items[act.key])}")
            case SupervisionActs.Answered():
                item = state.items[act.key]
                result = RESULT_NAMES.get(act.result, act.result)
                text = f"{on} {FAMILY_NAMES[item.family]} {item.key}: {result}"
                lines["request_results"].append(text + (f" ({act.content})" if act.content else ""))
    for item in state.items.values():
        if item.family in ("request", "recommendation", "protest") and item.answered_on is None:
            lines["request_results"].append(f"{FAMILY_NAMES[item.family]} {item.key}: chưa trả lời")
    return {key: "; ".join(value) for key, value in lines.items()}


def _column(family: str, what: str) -> str:
    if family == "request" and what in ("khoi_to_vu_an", "khoi_to_bi_can"):
        return "prosecution_request"
    if family == "request" and what == "dieu_tra":
        return "investigation_requests"
    if family == "cancellation" and what in ("khoi_to_vu_an", "khong_khoi_to"):
        return "prosecution_request"
    if family in ("request", "cancellation"):
        return "procuracy_requests"
    return "recommendations"
