"""Complaints and denunciations in criminal procedure (BLTTHS 2015 Điều 469–483) as a stage:
actions, subject, rules, books and statistics."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Any

from qlahs.domain.complaint import Complaint
from qlahs.kernel.subject import Subject
from qlahs.stages.commands import Command
from qlahs.stages.complaint import commands as c
from qlahs.stages.complaint.book import complaint_book, complaint_rows, request_book
from qlahs.stages.complaint.rules import ComplaintRules
from qlahs.stages.complaint.statistics import STATISTICS
from qlahs.stages.registry import Action, Stage, calls, records

HERE = Path(__file__).parent


def _receive(subject: Subject | None, command: Command, fields: dict[str, Any]) -> Subject:
    assert subject is None
    return Complaint.receive(ref=command.ref, **fields)


_records = partial(records, Complaint)


STAGE = Stage(
    name="complaint",
    subject=Complaint,
    rules=ComplaintRules,
    project=complaint_rows,
    tables=(complaint_book, request_book),
    rules_folder=HERE / "rules",
    book_files=(HERE / "books.yaml",),
    statistics=STATISTICS,
    actions=(
        Action("complaint.receive", c.ReceiveComplaint, _receive, creates=True),
        Action("complaint.transfer", c.TransferComplaint, _records(Complaint.Transferred)),
        Action("complaint.extend", c.ExtendComplaint, calls(Complaint.extend)),
        Action("complaint.resolve", c.ResolveComplaint, _records(Complaint.Resolved)),
        Action("complaint.complain_further", c.ComplainFurther, calls(Complaint.complain_further)),
        Action("complaint.withdraw", c.WithdrawComplaint, _records(Complaint.Withdrawn)),
        Action(
            "complaint.request_supervision",
            c.RequestSupervision,
            calls(Complaint.request_supervision),
        ),
        Action("complaint.answer", c.AnswerSupervision, calls(Complaint.answer)),
    ),
)
