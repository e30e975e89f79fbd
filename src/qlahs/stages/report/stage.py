"""Module 1 as a stage plug-in: actions, subject and rules of crime reports."""

from __future__ import annotations

from functools import partial
from typing import Any

from qlahs.domain.crime_report import CrimeReport
from qlahs.kernel.subject import Subject
from qlahs.law.calendar import fmt
from qlahs.stages.commands import Command
from qlahs.stages.registry import Action, Stage, calls, records
from qlahs.stages.report import commands as c
from qlahs.stages.report.book import report_book, report_book_row
from qlahs.stages.report.own_agency import OwnAgencyReportRules
from qlahs.stages.report.rules import ReportRules
from qlahs.stages.report.statistics import STATISTICS
from qlahs.stages.supervision.actions import assign_prosecutor, supervision_actions
from qlahs.stages.supervision.book import supervision_book, supervision_cells, supervision_rows
from qlahs.stages.supervision.rules import SupervisionRules


class ReportStageRules(OwnAgencyReportRules, ReportRules, SupervisionRules):
    """A report's own obligations and those of the procuracy's acts on it (Điều 162)."""

    area = "report"


def _receive(subject: Subject | None, command: Command, fields: dict[str, Any]) -> Subject:
    assert subject is None
    return CrimeReport.receive(ref=command.ref, **fields)


_records = partial(records, CrimeReport)


def _project(subject_id: str, report: Any, acts: Any) -> list[tuple[Any, dict[str, Any]]]:
    row = report_book_row(subject_id, report, acts)
    cells = supervision_cells(report, acts)
    # assignments recorded before `Assigned` existed keep their place in the cell
    earlier = [
        f"{fmt(a.on)} phân công Kiểm sát viên {a.prosecutor}"
        for a in acts
        if isinstance(a, CrimeReport.ProsecutorAssigned)
    ]
    assigned = "; ".join(x for x in (*earlier, cells.pop("prosecutor", "")) if x)
    row["prosecutor"] = assigned or row["prosecutor"]
    for key in ("procuracy_requests", "prosecution_request", "request_results"):
        row[key] = "; ".join(x for x in (row.get(key, ""), cells.pop(key, "")) if x)
    row["notes"] = "; ".join(x for x in (row["notes"], *cells.values()) if x)
    return [(report_book, row)] + [
        (supervision_book, r) for r in supervision_rows(subject_id, report, acts)
    ]


STAGE = Stage(
    name="report",
    subject=CrimeReport,
    rules=ReportStageRules,
    project=_project,
    tables=(report_book, supervision_book),
    statistics=STATISTICS,
    actions=(
        Action("report.receive", c.ReceiveReport, _receive, creates=True),
        Action("report.transfer", c.TransferReport, _records(CrimeReport.Transferred)),
        Action("report.notify_procuracy", c.NotifyProcuracy, calls(CrimeReport.notify_procuracy)),
        # records `Assigned` (with the role and the decision's number) since the procuracy's
        # acts were added; a `ProsecutorAssigned` stored before still loads and counts
        assign_prosecutor("report"),
        Action("report.extend", c.ExtendReport, _records(CrimeReport.Extended)),
        Action(
            "report.request_extension", c.RequestExtension, _records(CrimeReport.ExtensionRequested)
        ),
        Action("report.grant_extension", c.GrantExtension, _records(CrimeReport.ExtensionGranted)),
        Action(
            "report.refuse_extension", c.RefuseExtension, _records(CrimeReport.ExtensionRefused)
        ),
        Action("report.suspend", c.SuspendReport, _records(CrimeReport.Suspended)),
        Action(
            "report.cancel_suspension",
            c.CancelSuspension,
            _records(CrimeReport.SuspensionCancelled),
        ),
        Action("report.resume", c.ResumeReport, _records(CrimeReport.Resumed)),
        Action("report.decide", c.DecideReport, calls(CrimeReport.decide)),
        Action("report.correct", c.CorrectReport, _records(CrimeReport.Corrected)),
        *supervision_actions("report"),
    ),
)
