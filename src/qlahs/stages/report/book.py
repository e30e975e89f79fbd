"""Sổ 03 and Sổ 04 rows of a crime report (law.md §14), from its acts."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa

from qlahs.domain.crime_report import (
    BODY_NAMES,
    GROUND_NAMES,
    OUTCOME_NAMES,
    SOURCE_NAMES,
    CrimeReport,
)
from qlahs.kernel.schema import metadata
from qlahs.kernel.subject import Act, day_of
from qlahs.law.calendar import fmt

# One row per crime report: the columns of Sổ 03 and Sổ 04 (law.md §14).
report_book = sa.Table(
    "qlahs_report_book",
    metadata,
    sa.Column("subject_id", sa.String(36), primary_key=True),
    sa.Column("ref", sa.String(200), nullable=False),
    sa.Column("unit", sa.String(64), nullable=False),
    sa.Column("intake_year", sa.Integer, nullable=False),
    sa.Column("received_on", sa.Date, nullable=False),
    sa.Column("vks_intake_on", sa.Date, nullable=False),
    sa.Column("received_by", sa.String(16), nullable=False),
    sa.Column("source", sa.String(32), nullable=False),
    sa.Column("reporter", sa.Text, nullable=False),
    sa.Column("suspects", sa.Text, nullable=False),
    sa.Column("summary", sa.Text, nullable=False),
    sa.Column("recorded_by", sa.Text, nullable=False),
    sa.Column("prosecutor", sa.Text, nullable=False),
    sa.Column("transfers", sa.Text, nullable=False),
    sa.Column("extensions", sa.Text, nullable=False),
    sa.Column("suspensions", sa.Text, nullable=False),
    sa.Column("cancelled_suspensions", sa.Text, nullable=False),
    sa.Column("resumptions", sa.Text, nullable=False),
    sa.Column("procuracy_requests", sa.Text, nullable=False),
    sa.Column("prosecution_request", sa.Text, nullable=False),
    sa.Column("request_results", sa.Text, nullable=False),
    sa.Column("outcome", sa.Text, nullable=False),
    sa.Column("decided_on", sa.Date),
    sa.Column("case_ref", sa.String(200)),
    sa.Column("stage", sa.String(64), nullable=False),
    sa.Column("notes", sa.Text, nullable=False),
    sa.Index("ix_report_book_unit_year", "unit", "intake_year", "vks_intake_on"),
)


def report_book_row(subject_id: str, report: CrimeReport, acts: Sequence[Act]) -> dict[str, Any]:
    """One row of the report book; Sổ 03 and Sổ 04 are views of it."""
    lines: dict[str, list[str]] = {
        "transfers": [],
        "extensions": [],
        "suspensions": [],
        "cancelled_suspensions": [],
        "resumptions": [],
        "procuracy_requests": [],
        "prosecution_request": [],
        "request_results": [],
        "notes": [],
    }
    received = acts[0]
    assert isinstance(received, CrimeReport.Received)
    decided_on = None
    for act in acts:
        match act:
            case CrimeReport.Transferred():
                lines["transfers"].append(f"{fmt(act.on)} chuyển {BODY_NAMES.get(act.to, act.to)}")
            case CrimeReport.Extended():
                until = f" đến {fmt(act.until)}" if act.until else " đến 02 tháng"
                lines["extensions"].append(f"{fmt(act.on)} CQĐT kéo dài{until}")
            case CrimeReport.ExtensionRequested():
                lines["extensions"].append(f"{fmt(act.on)} CQĐT đề nghị VKS gia hạn")
            case CrimeReport.ExtensionGranted():
                how = (
                    f" {act.months} tháng"
                    if act.months
                    else (f" đến {fmt(act.until)}" if act.until else "")
                )
                lines["extensions"].append(f"{fmt(act.on)} VKS gia hạn{how}")
            case CrimeReport.ExtensionRefused():
                lines["procuracy_requests"].append(f"{fmt(act.on)} VKS không gia hạn")
            case CrimeReport.Suspended():
                lines["suspensions"].append(
                    f"{fmt(act.on)} ({GROUND_NAMES.get(act.ground, act.ground)})"
                )
            case CrimeReport.SuspensionCancelled():
                lines["cancelled_suspensions"].append(fmt(act.on))
            case CrimeReport.Resumed():
                lines["resumptions"].append(fmt(act.on))
            case CrimeReport.Decided():
                decided_on = act.day
            case CrimeReport.Corrected():
                lines["notes"].append(f"{fmt(act.on)} đính chính: {act.reason}")
        if act.note:
            lines["notes"].append(act.note)
    intake = received.day
    if report.received_by != "VKS" and report.notified_on is not None:
        intake = day_of(report.notified_on)
    outcome = ""
    if report.outcome:
        outcome = f"{OUTCOME_NAMES[report.outcome]} ({fmt(decided_on)})" if decided_on else ""
        if report.case:
            outcome += f", vụ án {report.case}"
    reporter = report.reporter or ""
    return {
        "subject_id": subject_id,
        "ref": report.ref,
        "unit": report.unit,
        "intake_year": intake.year,
        "received_on": received.day,
        "vks_intake_on": intake,
        "received_by": report.received_by,
        "source": report.source,
        "reporter": f"{reporter} ({SOURCE_NAMES[report.source]})"
        if reporter
        else SOURCE_NAMES[report.source],
        "suspects": "; ".join(report.suspects),
        "summary": report.summary,
        "recorded_by": received.actor,
        "prosecutor": report.prosecutor or "",
        "outcome": outcome,
        "decided_on": decided_on,
        "case_ref": report.case,
        "stage": CrimeReport.stage_names[report.stage],
        **{key: "; ".join(value) for key, value in lines.items()},
    }
