"""Sổ 16, the register of cassation and reopening protests (sổ kháng nghị giám đốc thẩm, tái
thẩm; law.md §14, mark C): one row per protest of a case, followed to the court's receipt, the
file lent to the procuracy and the review decision."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import sqlalchemy as sa

from qlahs.domain.criminal_case import CriminalCase
from qlahs.kernel.schema import metadata
from qlahs.kernel.subject import Act, day_of
from qlahs.law.calendar import fmt
from qlahs.stages.case.book_names import CaseNames
from qlahs.stages.case.review_commands import BY_NAMES, DIRECTION_NAMES, OUTCOME_NAMES

review_book = sa.Table(
    "qlahs_case_review_book",
    metadata,
    sa.Column("subject_id", sa.String(36), nullable=False, index=True),
    sa.Column("ref", sa.String(200), nullable=False),
    sa.Column("unit", sa.String(64), nullable=False),
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("seq", sa.Integer, nullable=False),
    sa.Column("on", sa.Date, nullable=False),
    *(
        sa.Column(name, sa.Text, nullable=False)
        for name in (
            "procedure",
            "by",
            "direction",
            "persons",
            "judgment",
            "new_fact",
            "file",
            "outcome",
            "notes",
        )
    ),
    sa.Column("accepted_on", sa.Date),
    sa.Column("judged_on", sa.Date),
    sa.Index("ix_case_review_book_unit_on", "unit", "on"),
)

Row = dict[str, Any]
Project = Callable[[str, Any, Sequence[Act]], list[tuple[sa.Table, Row]]]
C = CriminalCase


def review_rows(subject_id: str, case: CriminalCase, acts: Sequence[Act]) -> list[Row]:
    """One row per protest, in legal order; the court's and the procuracy's later acts fill
    the row of the protest they follow (the last one)."""
    if not any(isinstance(a, C.CassationProtested | C.ReopeningProtested) for a in acts):
        return []
    names = CaseNames(case, acts)
    rows: list[Row] = []
    judgment, new_fact = "", ""
    for act in sorted(acts, key=lambda a: (day_of(a.on), a.originator_version)):
        on = fmt(act.on)
        row = rows[-1] if rows else None
        match act:
            case C.Judged():
                judgment = f"Bản án sơ thẩm ngày {on}"
            case C.AppealJudged():
                judgment = f"Bản án phúc thẩm ngày {on}"
            case C.NewFactLearned():
                new_fact = f"{on}: {act.summary}" if act.summary else on
            case C.CassationProtested() | C.ReopeningProtested():
                rows.append(_protest_row(subject_id, case, act, names, judgment, new_fact))
            case C.ReviewAccepted() if row is not None:
                row["accepted_on"] = act.day
            case C.ReviewFileReceived() if row is not None:
                row["file"] = f"Viện kiểm sát nhận hồ sơ {on}"
            case C.FileReturned() if row is not None and row["file"]:
                row["file"] += f"; gửi lại Tòa án {on}"
            case C.ReviewJudged() if row is not None:
                row["judged_on"], row["outcome"] = act.day, OUTCOME_NAMES[act.outcome]
    return rows


def _protest_row(
    subject_id: str,
    case: CriminalCase,
    act: C.CassationProtested | C.ReopeningProtested,
    names: CaseNames,
    judgment: str,
    new_fact: str,
) -> Row:
    reopening = isinstance(act, C.ReopeningProtested)
    persons = [act.person] if act.person else [p for p, a in case.persons.items() if a.enforcement]
    return {
        "subject_id": subject_id,
        "ref": case.ref,
        "unit": case.unit,
        "seq": act.originator_version,
        "on": act.day,
        "procedure": "Tái thẩm" if reopening else "Giám đốc thẩm",
        "by": BY_NAMES.get(act.by, act.by),
        "direction": DIRECTION_NAMES.get(act.direction, act.direction),
        "persons": ", ".join(names.name(p) for p in persons),
        "judgment": judgment,
        "new_fact": new_fact if reopening else "",
        "file": "",
        "outcome": "",
        "notes": act.note or "",
        "accepted_on": None,
        "judged_on": None,
    }


def with_review_book(project: Project) -> Project:
    """The case's book rows, and those of Sổ 16."""

    def rows(subject_id: str, case: Any, acts: Sequence[Act]) -> list[tuple[sa.Table, Row]]:
        found = review_rows(subject_id, case, acts)
        return [*project(subject_id, case, acts), *((review_book, row) for row in found)]

    return rows
