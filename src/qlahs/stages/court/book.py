"""The supervision book of a court matter: one row per matter with the facts the intake books
and the statistics read (court, kind, procedure, prosecutor, stage, the main dates)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa

from qlahs.domain.court_matter import CourtMatter
from qlahs.kernel.schema import metadata
from qlahs.kernel.subject import Act, day_of


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
    }
