"""Statistical reports sent up the hierarchy as a stage plug-in.

The unit that drafts or submits is the report's own unit (named first in its reference); the
unit that returns or accepts it is one above it in units.yaml. A submission without a draft
drafts first, in the same transaction: the report and its first snapshot are stored together
or not at all.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from qlahs.domain.statistical_report import StatisticalReport
from qlahs.kernel.errors import CommandRejected
from qlahs.kernel.subject import Subject
from qlahs.law.units import units
from qlahs.stages.commands import Command
from qlahs.stages.registry import Action, Stage
from qlahs.stages.statreport import commands as c
from qlahs.stages.statreport.rules import StatisticalReportRules

HERE = Path(__file__).parent


def _own(command: Command, fields: dict[str, Any]) -> None:
    owner = command.ref.split("/", 1)[0]
    if fields["unit"] != owner:
        raise CommandRejected(
            f"Trường 'unit': báo cáo {command.ref} là của {owner}; {fields['unit']} không lập "
            "hay gửi báo cáo của đơn vị khác."
        )


def _drafted(subject: Subject | None, command: Command, fields: dict[str, Any]) -> Subject:
    _own(command, fields)
    if subject is None:
        return StatisticalReport.draft_new(ref=command.ref, **fields)
    assert isinstance(subject, StatisticalReport)
    subject.redraft(**fields)
    return subject


def _submitted(subject: Subject | None, command: Command, fields: dict[str, Any]) -> Subject:
    _own(command, fields)
    report = subject or StatisticalReport.draft_new(ref=command.ref, **fields)
    assert isinstance(report, StatisticalReport)
    report.submit(**fields)
    return report


def _reviewed(method: str) -> Any:
    def record(subject: Subject | None, command: Command, fields: dict[str, Any]) -> Subject:
        if subject is None:
            raise CommandRejected(f"Trường 'ref': chưa có báo cáo thống kê {command.ref}.")
        assert isinstance(subject, StatisticalReport)
        getattr(subject, method)(superiors=units().ancestors(subject.unit), **fields)
        return subject

    return record


STAGE = Stage(
    name="statreport",
    subject=StatisticalReport,
    rules=StatisticalReportRules,
    rules_folder=HERE / "rules",
    actions=(
        Action("statreport.draft", c.DraftReport, _drafted, opens=True, exclusive=True),
        Action("statreport.submit", c.SubmitReport, _submitted, opens=True, exclusive=True),
        Action("statreport.return", c.ReturnReport, _reviewed("send_back"), exclusive=True),
        Action("statreport.accept", c.AcceptReport, _reviewed("accept"), exclusive=True),
    ),
)
