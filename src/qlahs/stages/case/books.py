"""The criminal books (law.md §14) as projections of a case's acts.

The tables are in `book_tables.py`; a case's acts fill them through `CaseBooks`: the orders and
decisions themselves here (Sổ 06, Sổ 12), the decisions followed to their end in
`book_entries.py` (Sổ 08, 09, 10, 21, 22), the case's and persons' cells in `book_cells.py`
(Sổ 07, 14, 15, 23).

The rows are written from the acts in the order they took legal effect. Nothing here judges
time limits: deadlines and violations have their own tables.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa

from qlahs.domain.criminal_case import CriminalCase
from qlahs.domain.supervision import supervision_of
from qlahs.kernel.subject import Act, day_of
from qlahs.law.calendar import fmt
from qlahs.stages.case import wording as w
from qlahs.stages.case.book_cells import CaseCells
from qlahs.stages.case.book_entries import EntryBooks
from qlahs.stages.case.book_names import CaseNames
from qlahs.stages.case.book_tables import (
    CASE_TABLES,
    Row,
    case_book,
    case_decisions,
    case_entries,
    case_persons,
)
from qlahs.stages.supervision.book import supervision_book, supervision_cells, supervision_rows
from qlahs.stages.supervision.wording import act_verb

__all__ = ["CASE_TABLES", "case_book", "case_decisions", "case_entries", "case_persons"]


def project_case(
    subject_id: str, case: CriminalCase, acts: Sequence[Act]
) -> list[tuple[sa.Table, Row]]:
    """Every book row of one case (the `project=` hook of the case stage)."""
    books = CaseBooks(subject_id, case, acts)
    row = books.cells.case_row()
    for key, text in supervision_cells(case, acts).items():
        row[key] = "; ".join(x for x in (row.get(key, ""), text) if x)
    return [
        (case_book, row),
        *((supervision_book, r) for r in supervision_rows(subject_id, case, acts)),
        *((case_persons, row) for row in books.cells.person_rows()),
        *((case_decisions, row) for row in books.decisions),
        *((case_entries, row) for row in books.entries.rows()),
    ]


def phases(acts: Sequence[Act]) -> dict[int, str]:
    """The procedural phase of each act (by version), from the case's stage just before it:
    the aggregate is replayed, so the stage machines stay the only source of the path."""
    result: dict[int, str] = {}
    subject: Any = None
    phase = "investigation"
    for act in acts:
        if subject is not None:
            phase = w.PHASE_OF_STAGE.get(subject.stage, phase)
        result[act.originator_version] = (
            "enforcement" if isinstance(act, CriminalCase.EnforcementDecided) else phase
        )
        subject = act.mutate(subject)
    return result


class CaseBooks:
    """Walks a case's acts in legal order once and keeps the cells of every book."""

    def __init__(self, subject_id: str, case: CriminalCase, acts: Sequence[Act]):
        self.owner: Row = {"subject_id": subject_id, "ref": case.ref, "unit": case.unit}
        self.names = CaseNames(case, acts)
        self.decisions: list[Row] = []
        self.entries = EntryBooks(self.owner, self.names)
        self.cells = CaseCells(case, self.owner, self.names)
        phase_of = phases(acts)
        for act in sorted(acts, key=lambda a: (day_of(a.on), a.originator_version)):
            phase = phase_of[act.originator_version]
            self._decision(act, phase)
            self.entries.follow(act, phase)
            self.cells.add(act, phase)

    def _decision(self, act: Act, phase: str) -> None:
        """Sổ 06, Sổ 12: one row per order or decision."""
        person = getattr(act, "person", None)
        machine = getattr(act, "machine", "case")
        verb = act_verb(act, supervision_of(self.cells.case).items) or act.step
        action = (
            "case.open" if isinstance(act, CriminalCase.Opened) else f"{_family(machine)}.{verb}"
        )
        self.decisions.append(
            self.owner
            | {
                "seq": act.originator_version,
                "on": act.day,
                "moment": w.moment(act),
                "at": fmt(act.on),
                "action": action,
                "title": w.title(act),
                "person": person or "",
                "name": self.names.name(person),
                "content": w.content(act, self.names.full),
                "phase": phase,
                "phase_name": w.PHASE_NAMES[phase],
                "actor": act.actor,
                "recorded_at": w.recorded(act),
                "note": act.note or "",
                "measure": machine == "custody",
            }
        )


def _family(machine: str) -> str:
    """The vocabulary prefix of an act: custody acts are `custody.*`, the rest `case.*`."""
    return "custody" if machine == "custody" else "case"
