"""Module 1 as a stage plug-in: actions, subject and rules of crime reports."""

from __future__ import annotations

from functools import partial
from typing import Any

from qlahs.domain.crime_report import CrimeReport
from qlahs.kernel.subject import Subject
from qlahs.stages.commands import Command
from qlahs.stages.registry import Action, Stage, calls, records
from qlahs.stages.report import commands as c
from qlahs.stages.report.book import report_book, report_book_row
from qlahs.stages.report.rules import ReportRules
from qlahs.stages.report.statistics import STATISTICS


def _receive(subject: Subject | None, command: Command, fields: dict[str, Any]) -> Subject:
    assert subject is None
    return CrimeReport.receive(ref=command.ref, **fields)


_records = partial(records, CrimeReport)


def _project(subject_id: str, report: Any, acts: Any) -> list[tuple[Any, dict[str, Any]]]:
    return [(report_book, report_book_row(subject_id, report, acts))]


STAGE = Stage(
    name="report",
    subject=CrimeReport,
    rules=ReportRules,
    project=_project,
    tables=(report_book,),
    statistics=STATISTICS,
    actions=(
        Action("report.receive", c.ReceiveReport, _receive, creates=True),
        Action("report.transfer", c.TransferReport, _records(CrimeReport.Transferred)),
        Action("report.notify_procuracy", c.NotifyProcuracy, calls(CrimeReport.notify_procuracy)),
        Action(
            "report.assign_prosecutor", c.AssignProsecutor, _records(CrimeReport.ProsecutorAssigned)
        ),
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
    ),
)
