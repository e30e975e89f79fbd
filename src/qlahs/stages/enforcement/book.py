"""The book of direct inspections (sổ kiểm sát trực tiếp): one row per inspection, with its
conclusion and every recommendation, protest and lessons notice with its answer."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa

from qlahs.domain.inspection import FACILITY_NAMES, SCOPE_NAMES, Inspection
from qlahs.domain.supervision import FAMILY_NAMES, SupervisionActs, supervision_of
from qlahs.kernel.schema import metadata
from qlahs.kernel.subject import Act, day_of
from qlahs.law.calendar import Calendar, fmt
from qlahs.law.deadlines import days_late, is_late
from qlahs.stages.enforcement.rules import InspectionRules
from qlahs.stages.registry import registry

RESULT_NAMES = {
    "chap_nhan": "chấp nhận",
    "chap_nhan_mot_phan": "chấp nhận một phần",
    "khong_chap_nhan": "không chấp nhận",
}

inspection_book = sa.Table(
    "qlahs_inspection_book",
    metadata,
    sa.Column("subject_id", sa.String(36), primary_key=True),
    sa.Column("ref", sa.String(200), nullable=False),
    sa.Column("unit", sa.String(64), nullable=False),
    sa.Column("on", sa.Date, nullable=False),
    sa.Column("facility_kind", sa.String(32), nullable=False),
    *(
        sa.Column(name, sa.Text, nullable=False)
        for name in (
            "facility",
            "facility_name",
            "scope",
            "decision",
            "prosecutor",
            "conclusion",
            "documents",
            "answers",
            "stage",
            "notes",
        )
    ),
    sa.Column("concluded_on", sa.Date),
    sa.Column("violations_found", sa.Integer),
    sa.Index("ix_inspection_book_unit_on", "unit", "on"),
)


def inspection_book_row(sid: str, inspection: Any, acts: Sequence[Act]) -> dict[str, Any]:
    fold = InspectionRules(registry().rulebook, Calendar.default())
    for act in acts:
        fold.apply(act)
    items = supervision_of(inspection).items
    documents, answers, conclusion, notes = [], [], [], []
    for act in acts:
        on = fmt(act.on)
        if isinstance(act, Inspection.Concluded):
            conclusion.append(f"{on}: {act.content} ({act.violations_found} vi phạm)")
        elif isinstance(act, SupervisionActs.Issued):
            deadline = next(
                (d for key, d in fold.deadlines.items() if key.endswith(f"/{act.key}")), None
            )
            limit = f", hạn trả lời {fmt(deadline.due)}" if deadline else ""
            documents.append(f"{act.key} {on} {FAMILY_NAMES[act.family]}{limit}")
        elif isinstance(act, SupervisionActs.Answered):
            item = items[act.key]
            line = f"{act.key} {on} {RESULT_NAMES.get(act.result, act.result)}"
            deadline = next(
                (d for key, d in fold.deadlines.items() if key.endswith(f"/{act.key}")), None
            )
            if deadline is not None and is_late(act.on, deadline.due):
                line += f" (trả lời chậm {days_late(act.on, deadline.due)} ngày)"
            answers.append(f"{line} — {FAMILY_NAMES[item.family]}")
        if act.note:
            notes.append(f"{on}: {act.note}")
    return {
        "subject_id": sid,
        "ref": inspection.ref,
        "unit": inspection.unit,
        "on": day_of(inspection.opened_on),
        "facility_kind": inspection.facility_kind,
        "facility": inspection.facility,
        "facility_name": FACILITY_NAMES.get(inspection.facility_kind, inspection.facility_kind),
        "scope": SCOPE_NAMES.get(inspection.scope, inspection.scope),
        "decision": inspection.decision or "",
        "prosecutor": inspection.prosecutor or "",
        "conclusion": "; ".join(conclusion),
        "documents": "; ".join(documents),
        "answers": "; ".join(answers),
        "stage": Inspection.stage_names.get(inspection.stage, inspection.stage),
        "notes": "; ".join(notes),
        "concluded_on": inspection.concluded_on,
        "violations_found": inspection.violations_found,
    }
