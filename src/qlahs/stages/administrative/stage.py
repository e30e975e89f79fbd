"""Administrative cases as a stage plug-in: actions, subject, rules and the supervision book."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from qlahs.domain.administrative_case import AdministrativeCase
from qlahs.kernel.subject import Act
from qlahs.stages.court.actions import court_actions
from qlahs.stages.court.book import book_row, book_table
from qlahs.stages.court.rules import CourtRules
from qlahs.stages.court.statistics import court_statistics
from qlahs.stages.registry import Stage


class AdministrativeRules(CourtRules):
    """The `admin.*` obligations (Luật TTHC 2015; law.md §16, HC-01..HC-06). Luật TTHC Điều
    213 k1 counts the protest of a judgment from its pronouncement, whoever attended."""

    prefix = "admin"
    absent_receipt = False


admin_book = book_table("qlahs_admin_book")


def _project(sid: str, matter: Any, acts: Sequence[Act]) -> list[tuple[sa.Table, dict[str, Any]]]:
    return [(admin_book, book_row(sid, matter, acts))]


STAGE = Stage(
    name="administrative",
    subject=AdministrativeCase,
    rules=AdministrativeRules,
    project=_project,
    tables=(admin_book,),
    book_files=(Path(__file__).with_name("books.yaml"),),
    statistics=court_statistics("admin", AdministrativeCase, "vụ án"),
    actions=court_actions("admin", AdministrativeCase, civil=False),
)
