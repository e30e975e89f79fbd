"""What crime reports add to the statistics: the reports being resolved and those suspended,
a decision told apart by its outcome, and the body a late report is held against."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from qlahs.domain.crime_report import BODY_NAMES, CrimeReport
from qlahs.kernel.subject import Act
from qlahs.law.deadlines import Violation
from qlahs.stages.report.own_statistics import OWN_STOCKS
from qlahs.stages.statistics import (
    INVESTIGATING,
    PROCURACY,
    UNKNOWN,
    Agency,
    Members,
    Statistics,
    Stock,
)
from qlahs.stages.supervision.statistics import supervision_measures


def _stage(stage: str) -> Members:
    def members(report: Any) -> frozenset[str]:
        return frozenset((report.ref,)) if report.stage == stage else frozenset()

    return members


STOCKS = (
    Stock("report", CrimeReport, "Nguồn tin đang giải quyết", "nguồn tin", _stage("received")),
    Stock(
        "report_suspended",
        CrimeReport,
        "Nguồn tin đang tạm đình chỉ giải quyết",
        "nguồn tin",
        _stage("suspended"),
    ),
)


def label(act: Act, report: Any, key: str = "") -> str:
    """The act's class name; a decision's outcome tells `khoi_to` from `khong_khoi_to`."""
    name = type(act).__name__
    return f"{name}.{act.outcome}" if isinstance(act, CrimeReport.Decided) else name


def agency(violation: Violation, report: Any, acts: Sequence[Act], day: date) -> Agency:
    """The body that received the report, or was sent it, answers for resolving it and for
    notifying the procuracy (the rules' `responsible`, law/rules/report_*.yaml)."""
    if violation.rule in ("report.resolve", "report.notify_procuracy"):
        body = getattr(report, "transferred_to", None) or report.received_by
        if body == "VKS":
            return Agency("procuracy", PROCURACY)
        return Agency("investigation", BODY_NAMES.get(body, body))
    if violation.rule == "report.extension_request":
        return Agency("investigation", INVESTIGATING)
    if violation.rule in ("supervision.answer_objection", "own_investigation.supervision"):
        return Agency("procuracy", PROCURACY)
    if violation.rule.startswith("supervision."):
        return Agency("investigation", INVESTIGATING)
    return UNKNOWN


STATISTICS = Statistics(
    stocks=STOCKS + OWN_STOCKS, label=label, agency=agency, measures=supervision_measures
)
