"""The stage as qlahs sees it: actions, rules, its book and where its law files are."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any, ClassVar

import sqlalchemy as sa
from pydantic import Field

from qlahs.kernel.schema import metadata
from qlahs.kernel.subject import Act, Subject
from qlahs.stages.commands import Command
from qlahs.stages.registry import Action, Stage
from qlahs_warning.letter import WarningLetter
from qlahs_warning.rules import WarningRules

HERE = Path(__file__).parent


class SendLetter(Command):
    """Gửi thư cảnh báo cho cơ quan bị kiểm sát."""

    action: ClassVar[str] = "warning.send"
    addressee: str = Field(min_length=1, max_length=200)


class AnswerLetter(Command):
    """Cơ quan nhận thư trả lời."""

    action: ClassVar[str] = "warning.answer"


def _send(subject: Subject | None, command: Command, fields: dict[str, Any]) -> Subject:
    assert subject is None
    return WarningLetter.send(ref=command.ref, **fields)


def _answer(subject: Subject | None, command: Command, fields: dict[str, Any]) -> Subject:
    assert isinstance(subject, WarningLetter)
    subject.answer(**fields)
    return subject


book = sa.Table(
    "test_warning_book",
    metadata,
    sa.Column("subject_id", sa.String(36), primary_key=True),
    sa.Column("ref", sa.String(200), nullable=False),
    sa.Column("unit", sa.String(64), nullable=False),
    sa.Column("sent_on", sa.Date, nullable=False),
    sa.Column("addressee", sa.Text, nullable=False),
    sa.Column("answered_on", sa.Date),
)


def _project(sid: str, letter: Any, acts: Sequence[Act]) -> list[tuple[sa.Table, dict[str, Any]]]:
    row = {
        "subject_id": sid,
        "ref": letter.ref,
        "unit": letter.unit,
        "sent_on": letter.opened_on,
        "addressee": letter.addressee,
        "answered_on": letter.answered_on,
    }
    return [(book, row)]


STAGE = Stage(
    name="warning",
    subject=WarningLetter,
    rules=WarningRules,
    project=_project,
    tables=(book,),
    rules_folder=HERE / "rules",
    book_files=(HERE / "books.yaml",),
    actions=(
        Action("warning.send", SendLetter, _send, creates=True),
        Action("warning.answer", AnswerLetter, _answer),
    ),
)
