"""The rows a subject's judged history leaves in the deadline and violation tables."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from qlahs.kernel.dates import day_of
from qlahs.law.deadlines import Version, iso
from qlahs.projections import tables as t


def deadline_rows(
    subject_id: str, history: list[Version], rows: dict[sa.Table, list[dict[str, Any]]]
) -> None:
    for index, version in enumerate(history):
        valid_to = history[index + 1].valid_from if index + 1 < len(history) else None
        for deadline in version.deadlines:
            rows[t.deadline_versions].append(
                {
                    "subject_id": subject_id,
                    "ref": deadline.ref,
                    "unit": deadline.unit,
                    "rule": deadline.rule,
                    "article": deadline.article,
                    "responsible": deadline.responsible,
                    "start": iso(deadline.start),
                    "due": iso(deadline.due),
                    "due_day": day_of(deadline.due),
                    "due_has_time": iso(deadline.due) != iso(day_of(deadline.due)),
                    "status": deadline.status,
                    "closed_on": deadline.closed_on,
                    "valid_from": version.valid_from,
                    "valid_to": valid_to,
                    "explanation": deadline.explanation,
                    "start_day": day_of(deadline.start),
                    "window": deadline.window,
                    "breach": deadline.breach,
                    "breach_article": deadline.breach_article,
                }
            )
    if history:
        for violation in history[-1].violations:
            assert violation.happened_on is not None
            rows[t.violations].append(
                {
                    "subject_id": subject_id,
                    "ref": violation.ref,
                    "unit": violation.unit,
                    "rule": violation.rule,
                    "article": violation.article,
                    "kind": violation.kind,
                    "due": iso(violation.due),
                    "happened_on": violation.happened_on,
                    "days_overdue": violation.days_overdue,
                    "message": violation.message,
                }
            )
