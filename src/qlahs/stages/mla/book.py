"""The register of requests (sổ ủy thác tư pháp, Luật Tương trợ tư pháp 2007 Điều 22 k2): one
row per request; books 33–36 are its views by direction (law.md §14)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa

from qlahs.domain.assistance_request import (
    CHANNEL_NAMES,
    DIRECTION_NAMES,
    GROUND_NAMES,
    OUTCOME_NAMES,
    ROLE_NAMES,
    AssistanceRequest,
)
from qlahs.kernel.schema import metadata
from qlahs.kernel.subject import Act, day_of
from qlahs.law.calendar import fmt

mla_book = sa.Table(
    "qlahs_mla_book",
    metadata,
    sa.Column("subject_id", sa.String(36), primary_key=True),
    sa.Column("ref", sa.String(200), nullable=False),
    sa.Column("unit", sa.String(64), nullable=False),
    sa.Column("direction", sa.String(8), nullable=False),
    sa.Column("direction_name", sa.Text, nullable=False),
    sa.Column("received_on", sa.Date, nullable=False),
    sa.Column("country", sa.Text, nullable=False),
    sa.Column("requesting_body", sa.Text, nullable=False),
    sa.Column("related_ref", sa.String(200)),
    sa.Column("summary", sa.Text, nullable=False),
    sa.Column("handling", sa.Text, nullable=False),
    sa.Column("handled_on", sa.Date),
    sa.Column("refusals", sa.Text, nullable=False),
    sa.Column("result", sa.Text, nullable=False),
    sa.Column("result_on", sa.Date),
    sa.Column("closed_on", sa.Date),
    sa.Column("stage", sa.Text, nullable=False),
    sa.Column("notes", sa.Text, nullable=False),
    sa.Index("ix_mla_book_unit_received", "unit", "received_on"),
)

A = AssistanceRequest


def _handling(act: Act) -> str | None:
    """What an act did with the request, as a cell line; None for acts of other columns."""
    on = fmt(act.on)
    if isinstance(act, A.SentAbroad):
        to = f" cho {act.to}" if act.to else ""
        return f"{on} gửi{to} {CHANNEL_NAMES.get(act.channel, act.channel)}"
    if isinstance(act, A.ForwardedToExecutor):
        return f"{on} chuyển {act.executor} thực hiện"
    return None


def _refusal(act: Act) -> str | None:
    on = fmt(act.on)
    if isinstance(act, A.Returned):
        return f"{on} trả lại hồ sơ: {act.reasons}"
    if isinstance(act, A.Refused):
        return f"{on} từ chối ({GROUND_NAMES.get(act.ground, act.ground)}): {act.reasons}"
    if isinstance(act, A.Postponed):
        until = f" đến {fmt(act.until)}" if act.until else ""
        ground = GROUND_NAMES.get(act.ground, act.ground)
        return f"{on} hoãn{until} ({ground}): {act.reasons}"
    return None


def _result(act: Act) -> str | None:
    on = fmt(act.on)
    if isinstance(act, A.ResultReceived):
        return f"{on} nhận kết quả của nước ngoài: {OUTCOME_NAMES.get(act.outcome, act.outcome)}"
    if isinstance(act, A.ResultForwarded):
        return f"{on} chuyển kết quả cho cơ quan đã yêu cầu"
    if isinstance(act, A.ExecutorReported):
        why = f": {act.reasons}" if act.reasons else ""
        outcome = OUTCOME_NAMES.get(act.outcome, act.outcome)
        return f"{on} cơ quan thực hiện báo kết quả: {outcome}{why}"
    if isinstance(act, A.RepliedAbroad):
        return f"{on} chuyển kết quả cho nước yêu cầu"
    return None


def mla_book_row(sid: str, request: Any, acts: Sequence[Act]) -> dict[str, Any]:
    cells: dict[str, list[str]] = {"handling": [], "refusals": [], "result": [], "notes": []}
    for act in acts:
        for column, line in (
            ("handling", _handling(act)),
            ("refusals", _refusal(act)),
            ("result", _result(act)),
        ):
            if line:
                cells[column].append(line)
        if act.note:
            cells["notes"].append(f"{fmt(act.on)}: {act.note}")
    summary = request.summary or ""
    if request.appearance_on is not None:
        role = next(
            (ROLE_NAMES.get(a.role, a.role) for a in acts if isinstance(a, A.ReceivedSummons)), ""
        )
        summary = "; ".join(
            x
            for x in (
                summary,
                f"triệu tập {role} {request.person} có mặt ngày {fmt(request.appearance_on)}",
            )
            if x
        )
    return {
        "subject_id": sid,
        "ref": request.ref,
        "unit": request.unit,
        "direction": request.direction,
        "direction_name": DIRECTION_NAMES[request.direction],
        "received_on": day_of(request.opened_on),
        "country": request.country,
        "requesting_body": request.requesting_body,
        "related_ref": request.related_ref,
        "summary": summary,
        "handled_on": request.handled_on and day_of(request.handled_on),
        "result_on": request.result_on and day_of(request.result_on),
        "closed_on": request.closed_on and day_of(request.closed_on),
        "stage": A.stage_names.get(request.stage, request.stage),
        **{key: "; ".join(lines) for key, lines in cells.items()},
    }
