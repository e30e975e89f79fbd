"""What the crime reports of the procuracy's own investigation agency (module 6) add to the
statistics: those it is resolving, received by it or transferred to it."""

from __future__ import annotations

from typing import Any

from qlahs.domain.crime_report import CrimeReport
from qlahs.domain.own_agency import CODE, SHORT
from qlahs.stages.statistics import Stock


def _resolving(report: Any) -> frozenset[str]:
    body = getattr(report, "transferred_to", None) or report.received_by
    return frozenset((report.ref,)) if body == CODE and report.stage == "received" else frozenset()


OWN_STOCKS = (
    Stock(
        "own_report",
        CrimeReport,
        f"Nguồn tin {SHORT} đang giải quyết",
        "nguồn tin",
        _resolving,
    ),
)
