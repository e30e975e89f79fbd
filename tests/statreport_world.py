"""Helpers of the statistical-report tests: a report's command built from any figures."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from typing import Any

from qlahs.domain.statistical_report import checksum, report_ref
from qlahs.stats.periods import Period

VIETNAM = timezone(timedelta(hours=7))


def submit_step(
    unit: str,
    period: Period,
    figures: dict[str, int | float | None],
    *,
    on: date | None = None,
    action: str = "statreport.submit",
    known_at: datetime | None = None,
) -> dict[str, Any]:
    moment = (known_at or datetime.combine(period.end, datetime.min.time(), VIETNAM)).isoformat()
    return {
        "do": action,
        "ref": report_ref(unit, period.code),
        "on": on or period.end + timedelta(days=1),
        "unit": unit,
        "with": {
            "period": period.code,
            "period_start": period.start,
            "period_end": period.end,
            "figures": figures,
            "position": 0,
            "known_at": moment,
            "checksum": checksum(figures, 0, moment),
        },
    }


def review_step(
    unit: str, period: Period, action: str, by: str = "VKSQN", **fields: Any
) -> dict[str, Any]:
    return {
        "do": action,
        "ref": report_ref(unit, period.code),
        "on": period.end + timedelta(days=2),
        "unit": by,
        "with": fields,
    }
