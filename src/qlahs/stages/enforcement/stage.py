"""Supervision of detention facilities and criminal enforcement bodies as a stage plug-in: the
procuracy's direct inspections, their conclusions, recommendations and protests, and the
answers the law requires (docs/vocabulary-enforcement.md)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from qlahs.domain.inspection import Inspection
from qlahs.kernel.subject import Act, Subject
from qlahs.stages.commands import Command
from qlahs.stages.enforcement import commands as c
from qlahs.stages.enforcement.book import inspection_book, inspection_book_row
from qlahs.stages.enforcement.rules import InspectionRules
from qlahs.stages.enforcement.statistics import STATISTICS
from qlahs.stages.registry import Action, Stage, calls
from qlahs.stages.supervision.commands import Answer, Issue

HERE = Path(__file__).parent
WHAT = {"recommendation": "kiến nghị", "protest": "kháng nghị", "lessons": "thông báo"}


def _open(subject: Subject | None, command: Command, fields: dict[str, Any]) -> Subject:
    assert subject is None
    return Inspection.open(ref=command.ref, **fields)


def _issue(subject: Subject | None, command: Command, fields: dict[str, Any]) -> Subject:
    assert isinstance(subject, Inspection) and isinstance(command, Issue)
    fields = dict(fields)
    subject.require_concluded(WHAT[command.family], fields["on"])
    key = fields.pop("item", None)
    fields |= {"what": "", "person": None, "answer_by": None, "answer_within": None}
    fields.setdefault("to", None)
    subject.issue(key=key, family=command.family, **fields)
    return subject


def _answer(subject: Subject | None, command: Command, fields: dict[str, Any]) -> Subject:
    assert isinstance(subject, Inspection) and isinstance(command, Answer)
    fields = dict(fields)
    subject.answer(command.family, key=fields.pop("item", None), **fields)
    return subject


def _project(
    sid: str, inspection: Any, acts: Sequence[Act]
) -> list[tuple[sa.Table, dict[str, Any]]]:
    return [(inspection_book, inspection_book_row(sid, inspection, acts))]


STAGE = Stage(
    name="enforcement_supervision",
    subject=Inspection,
    rules=InspectionRules,
    project=_project,
    tables=(inspection_book,),
    rules_folder=HERE / "rules",
    book_files=(HERE / "books.yaml",),
    statistics=STATISTICS,
    actions=(
        Action("inspection.open", c.OpenInspection, _open, creates=True),
        Action("inspection.conclude", c.ConcludeInspection, calls(Inspection.conclude)),
        Action("inspection.recommend", c.Recommend, _issue),
        Action("inspection.protest", c.Protest, _issue),
        Action("inspection.notify_lessons", c.NotifyLessons, _issue),
        Action("inspection.answer_recommendation", c.AnswerRecommendation, _answer),
        Action("inspection.answer_protest", c.AnswerProtest, _answer),
    ),
)
