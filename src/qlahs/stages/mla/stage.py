"""Criminal mutual legal assistance as a stage plug-in: the requests the Viện kiểm sát nhân dân
tối cao receives as central authority, their time limits and their register."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from eventsourcing.domain import Aggregate

from qlahs.domain.assistance_request import AssistanceRequest
from qlahs.kernel.subject import Act, Subject
from qlahs.stages.commands import Command
from qlahs.stages.mla import commands as c
from qlahs.stages.mla.book import mla_book, mla_book_row
from qlahs.stages.mla.rules import AssistanceRules
from qlahs.stages.mla.statistics import STATISTICS
from qlahs.stages.registry import Action, Record, Stage, records

HERE = Path(__file__).parent
A = AssistanceRequest


def _opens(act: type[Aggregate.Created]) -> Record:
    def record(subject: Subject | None, command: Command, fields: dict[str, Any]) -> Subject:
        assert subject is None
        return A.receive(act, ref=command.ref, **fields)

    return record


def _project(sid: str, request: Any, acts: Sequence[Act]) -> list[tuple[sa.Table, dict[str, Any]]]:
    return [(mla_book, mla_book_row(sid, request, acts))]


_records = partial(records, A)

STAGE = Stage(
    name="mla",
    subject=A,
    rules=AssistanceRules,
    project=_project,
    tables=(mla_book,),
    rules_folder=HERE / "rules",
    book_files=(HERE / "books.yaml",),
    statistics=STATISTICS,
    actions=(
        Action("mla.receive_outgoing", c.ReceiveOutgoing, _opens(A.ReceivedOutgoing), creates=True),
        Action("mla.receive_incoming", c.ReceiveIncoming, _opens(A.ReceivedIncoming), creates=True),
        Action("mla.receive_summons", c.ReceiveSummons, _opens(A.ReceivedSummons), creates=True),
        Action("mla.send_abroad", c.SendAbroad, _records(A.SentAbroad)),
        Action("mla.return_request", c.ReturnRequest, _records(A.Returned)),
        Action("mla.receive_result", c.ReceiveResult, _records(A.ResultReceived)),
        Action("mla.forward_result", c.ForwardResult, _records(A.ResultForwarded)),
        Action("mla.forward_to_executor", c.ForwardToExecutor, _records(A.ForwardedToExecutor)),
        Action("mla.refuse", c.Refuse, _records(A.Refused)),
        Action("mla.postpone", c.Postpone, _records(A.Postponed)),
        Action("mla.executor_result", c.ExecutorResult, _records(A.ExecutorReported)),
        Action("mla.reply_abroad", c.ReplyAbroad, _records(A.RepliedAbroad)),
    ),
)
