"""The book of complaints and denunciations and the book of the procuracy's requests on them
(violations and recommendations), one row per complaint and one per request."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa

from qlahs.domain.complaint import (
    AGAINST_NAMES,
    NATURE_NAMES,
    OBJECT_NAMES,
    OUTCOME_NAMES,
    RECEIVER_NAMES,
    REQUEST_NAMES,
    SUPERVISED_BODY,
    Complaint,
)
from qlahs.kernel.schema import metadata
from qlahs.kernel.subject import Act
from qlahs.law.calendar import fmt

complaint_book = sa.Table(
    "qlahs_complaint_book",
    metadata,
    sa.Column("subject_id", sa.String(36), primary_key=True),
    sa.Column("ref", sa.String(200), nullable=False),
    sa.Column("unit", sa.String(64), nullable=False),
    sa.Column("received_on", sa.Date, nullable=False),
    sa.Column("nature", sa.String(16), nullable=False),
    sa.Column("complainant", sa.Text, nullable=False),
    sa.Column("summary", sa.Text, nullable=False),
    sa.Column("object", sa.Text, nullable=False),
    sa.Column("against_level", sa.Text, nullable=False),
    sa.Column("received_by", sa.Text, nullable=False),
    sa.Column("transfers", sa.Text, nullable=False),
    sa.Column("extensions", sa.Text, nullable=False),
    sa.Column("outcome", sa.Text, nullable=False),
    sa.Column("resolved_on", sa.Date),
    sa.Column("further", sa.Text, nullable=False),
    sa.Column("stage", sa.String(64), nullable=False),
    sa.Column("notes", sa.Text, nullable=False),
    sa.Index("ix_complaint_book_unit_received", "unit", "received_on"),
)

request_book = sa.Table(
    "qlahs_complaint_request_book",
    metadata,
    sa.Column("subject_id", sa.String(36), primary_key=True),
    sa.Column("request", sa.String(200), primary_key=True),
    sa.Column("ref", sa.String(200), nullable=False),
    sa.Column("unit", sa.String(64), nullable=False),
    sa.Column("requested_on", sa.Date, nullable=False),
    sa.Column("kind", sa.Text, nullable=False),
    sa.Column("addressee", sa.Text, nullable=False),
    sa.Column("answered_on", sa.Date),
    sa.Index("ix_complaint_request_book_unit", "unit", "requested_on"),
)


def complaint_rows(
    subject_id: str, complaint: Complaint, acts: Sequence[Act]
) -> list[tuple[sa.Table, dict[str, Any]]]:
    """One row of the book of complaints, one row of the request book per request."""
    lines: dict[str, list[str]] = {"transfers": [], "extensions": [], "further": [], "notes": []}
    resolved_on = None
    requests: dict[str, dict[str, Any]] = {}
    body = SUPERVISED_BODY.get(complaint.against_level, complaint.received_by)
    addressee = RECEIVER_NAMES.get(body, body)
    for act in acts:
        match act:
            case Complaint.Transferred():
                lines["transfers"].append(f"{fmt(act.on)} chuyển {act.to}")
                addressee = act.to
            case Complaint.Extended():
                lines["extensions"].append(f"{fmt(act.on)} kéo dài ({act.reason})")
            case Complaint.Resolved() if resolved_on is None:
                resolved_on = act.day
            case Complaint.Resolved():
                outcome = OUTCOME_NAMES.get(act.outcome, act.outcome)
                lines["further"].append(f"{fmt(act.on)} giải quyết lần hai: {outcome}")
            case Complaint.ComplainedFurther():
                lines["further"].append(f"{fmt(act.on)} khiếu nại tiếp")
            case Complaint.Withdrawn():
                lines["notes"].append(f"{fmt(act.on)} rút đơn")
            case Complaint.SupervisionRequested():
                requests[act.request] = {
                    "subject_id": subject_id,
                    "request": act.request,
                    "ref": complaint.ref,
                    "unit": complaint.unit,
                    "requested_on": act.day,
                    "kind": REQUEST_NAMES.get(act.request_kind, act.request_kind),
                    "addressee": addressee,
                    "answered_on": None,
                }
            case Complaint.Answered() if act.request in requests:
                requests[act.request]["answered_on"] = act.day
        if act.note:
            lines["notes"].append(act.note)
    outcome = OUTCOME_NAMES.get(complaint.outcome or "", "")
    row = {
        "subject_id": subject_id,
        "ref": complaint.ref,
        "unit": complaint.unit,
        "received_on": acts[0].day,
        "nature": NATURE_NAMES[complaint.nature],
        "complainant": complaint.complainant,
        "summary": complaint.summary,
        "object": OBJECT_NAMES[complaint.object],
        "against_level": AGAINST_NAMES[complaint.against_level],
        "received_by": RECEIVER_NAMES[complaint.received_by],
        "outcome": outcome,
        "resolved_on": resolved_on,
        "stage": Complaint.stage_names[complaint.stage],
        **{key: "; ".join(value) for key, value in lines.items()},
    }
    return [(complaint_book, row), *((request_book, r) for r in requests.values())]
