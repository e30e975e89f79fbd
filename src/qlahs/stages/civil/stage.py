"""Civil matters as a stage plug-in: actions, subject, rules and the supervision book."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from qlahs.domain.civil_matter import CivilMatter
from qlahs.kernel.subject import Act
from qlahs.stages.court.actions import court_actions
from qlahs.stages.court.book import book_row, book_table
from qlahs.stages.court.rules import CourtRules
from qlahs.stages.court.statistics import court_statistics
from qlahs.stages.registry import Stage


class CivilRules(CourtRules):
    """The `civil.*` obligations (BLTTDS 2015; law.md §16, DS-01..DS-14)."""

    prefix = "civil"


civil_book = book_table("qlahs_civil_book")


def _project(sid: str, matter: Any, acts: Sequence[Act]) -> list[tuple[sa.Table, dict[str, Any]]]:
    return [(civil_book, book_row(sid, matter, acts))]


STAGE = Stage(
    name="civil",
    subject=CivilMatter,
    rules=CivilRules,
    project=_project,
    tables=(civil_book,),
    book_files=(Path(__file__).with_name("books.yaml"),),
    statistics=court_statistics("civil", CivilMatter, "vụ việc"),
    actions=court_actions("civil", CivilMatter, civil=True),
)
