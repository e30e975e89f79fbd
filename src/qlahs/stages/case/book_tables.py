"""The four tables of the criminal books (law.md §14), each at the grain of the books that read
it, so that every book is one table filtered by unit, year and at most one value, in one order
(`law/books.yaml`):

- `qlahs_case_book`      one row per case: Sổ 07 (khởi tố, điều tra), Sổ 14 (sơ thẩm),
                         Sổ 15 (phúc thẩm), and the text a case search looks in;
- `qlahs_case_persons`   one row per person of a case: Sổ 23 (quyết định thi hành án), search;
- `qlahs_case_decisions` one row per recorded order or decision: Sổ 06 (biện pháp ngăn chặn,
                         `measure`), Sổ 12 (giai đoạn truy tố, `phase`);
- `qlahs_case_entries`   one row per decision a book follows to its end (`kind`): a hold
                         (Sổ 21), a detention order (Sổ 22), a suspension (Sổ 08), a
                         dismissal (Sổ 09), a return of the file (Sổ 10).
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from qlahs.kernel.schema import metadata

Row = dict[str, Any]


def _text(name: str) -> sa.Column[Any]:
    return sa.Column(name, sa.Text, nullable=False)


def _day(name: str, nullable: bool = True) -> sa.Column[Any]:
    return sa.Column(name, sa.Date, nullable=nullable)


def _owner() -> list[sa.Column[Any]]:
    return [
        sa.Column("subject_id", sa.String(36), nullable=False, index=True),
        sa.Column("ref", sa.String(200), nullable=False),
        sa.Column("unit", sa.String(64), nullable=False),
    ]


# -- the tables ------------------------------------------------------------------------------

CASE_COLUMNS = (
    "crime_name",
    "category",
    "summary",
    "from_report",
    "investigating_agency",
    "stage",
    "persons",
    "defendants",
    "charges",
    "charge_decisions",
    "investigation_requests",
    "prosecutor",
    "procuracy_requests",
    "prosecution_request",
    "request_results",
    "recommendations",
    "measures",
    "split_join",
    "transfers",
    "extensions",
    "suspensions",
    "conclusion",
    "indictment",
    "trial_extensions",
    "trial_returns",
    "trial_suspensions",
    "judgment",
    "appeals",
    "protests",
    "appeal_judgment",
    "notes",
    "search",
)
CASE_DAYS = (
    "received_file_on",
    "indicted_on",
    "sent_to_court_on",
    "court_accepted_on",
    "brought_to_trial_on",
    "judged_on",
    "appeal_on",
    "appeal_accepted_on",
    "appeal_judged_on",
)

case_book = sa.Table(
    "qlahs_case_book",
    metadata,
    *_owner(),
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    _day("opened_on", nullable=False),
    sa.Column("crime", sa.String(64), nullable=False),
    *(_text(name) for name in CASE_COLUMNS),
    *(_day(name) for name in CASE_DAYS),
    sa.Index("ix_case_book_unit_opened", "unit", "opened_on"),
)

PERSON_COLUMNS = (
    "name",
    "crime",
    "crime_name",
    "category",
    "custody",
    "approval",
    "procedure",
    "enforcement",
    "sentence",
    "appeals",
    "appeal_judgment",
    "notes",
    "search",
)

case_persons = sa.Table(
    "qlahs_case_persons",
    metadata,
    *_owner(),
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("person", sa.String(64), nullable=False),
    *(_text(name) for name in PERSON_COLUMNS),
    _day("birth_date"),
    _day("charged_on"),
    _day("judged_on"),
    _day("enforcement_decided_on"),
    sa.Index("ix_case_persons_unit_judged", "unit", "judged_on"),
)

case_decisions = sa.Table(
    "qlahs_case_decisions",
    metadata,
    *_owner(),
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("seq", sa.Integer, nullable=False),  # the act's version within its case
    _day("on", nullable=False),
    sa.Column("moment", sa.String(20), nullable=False),  # ISO date or date-time, sortable
    *(_text(name) for name in ("at", "action", "title", "person", "name", "content")),
    sa.Column("phase", sa.String(16), nullable=False),
    *(_text(name) for name in ("phase_name", "actor", "recorded_at", "note")),
    sa.Column("measure", sa.Boolean, nullable=False),  # a restraining measure (Sổ 06)
    sa.Index("ix_case_decisions_unit_on", "unit", "on"),
)

ENTRY_COLUMNS = (
    "at",
    "person",
    "name",
    "crime",
    "phase",
    "authority",
    "content",
    "extensions",
    "approvals",
    "end",
    "actor",
    "notes",
)

case_entries = sa.Table(
    "qlahs_case_entries",
    metadata,
    *_owner(),
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("kind", sa.String(16), nullable=False),  # hold, detention, suspension, …
    sa.Column("seq", sa.Integer, nullable=False),
    _day("on", nullable=False),
    sa.Column("moment", sa.String(20), nullable=False),
    *(_text(name) for name in ENTRY_COLUMNS),
    _day("ended_on"),
    sa.Index("ix_case_entries_unit_kind_on", "unit", "kind", "on"),
)

CASE_TABLES = (case_book, case_persons, case_decisions, case_entries)
