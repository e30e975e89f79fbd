"""Questions asked about criminal cases: find a case by what people remember of it, and what
a case looked like on a given legal date."""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import AbstractContextManager
from datetime import date, datetime
from typing import Any, Protocol

import sqlalchemy as sa

from qlahs.domain.criminal_case import CriminalCase
from qlahs.kernel.errors import CommandRejected, SubjectNotFound
from qlahs.kernel.subject import Act, Subject
from qlahs.kernel.subject import replay_until as replay_subject
from qlahs.kernel.text_search import needle
from qlahs.law.calendar import fmt
from qlahs.stages.case.books import case_book, case_persons
from qlahs.stages.case.wording import VIETNAM


class CaseReader(Protocol):
    """What answering about cases needs of the engine: up-to-date read models (perhaps a
    replica's), the subject and its acts, and the access check on what it found."""

    def read_models(self) -> AbstractContextManager[sa.Connection]: ...

    def readable(
        self, what: str, rows: list[dict[str, Any]], unit: str | None = None
    ) -> list[dict[str, Any]]: ...

    def subject(self, kind: str, ref: str) -> Subject: ...

    def history(self, kind: str, ref: str, *, known_at: datetime | None = None) -> list[Act]: ...


def search_cases(
    connection: sa.Connection, text: str, *, unit: str | None = None, limit: int = 50
) -> list[dict[str, Any]]:
    """Cases whose reference, report, summary, charge, or a person's name or code contains
    `text` (case-insensitive; without diacritics it matches either way), oldest first, each
    with the persons that matched."""
    wanted = needle(text)
    if not wanted:
        raise CommandRejected("Cần nhập nội dung tìm kiếm: số hiệu vụ án, tên hoặc mã bị can.")
    cb, cp = case_book, case_persons
    query = sa.select(cb).where(cb.c.search.contains(wanted, autoescape=True))
    if unit:
        query = query.where(cb.c.unit == unit)
    cases = [
        dict(row)
        for row in connection.execute(
            query.order_by(cb.c.opened_on, cb.c.ref).limit(limit)
        ).mappings()
    ]
    if not cases:
        return []
    persons = connection.execute(
        sa.select(cp.c.subject_id, cp.c.person, cp.c.name)
        .where(
            cp.c.subject_id.in_([case["subject_id"] for case in cases]),
            cp.c.search.contains(wanted, autoescape=True),
        )
        .order_by(cp.c.person)
    ).all()
    for case in cases:
        case["matched"] = [
            f"{row.name} ({row.person})" if row.name else row.person
            for row in persons
            if row.subject_id == case["subject_id"]
        ]
    return cases


def find_cases(
    engine: CaseReader, text: str, *, unit: str | None = None, limit: int = 50
) -> list[dict[str, Any]]:
    """`search_cases` on an engine's read models, up to date with its own commands."""
    with engine.read_models() as connection:
        found = search_cases(connection, text, unit=unit, limit=limit)
    return engine.readable(f"tìm vụ án '{text}'", found, unit)


def case_as_of(
    engine: CaseReader, ref: str, as_of: date, known_at: datetime | None = None
) -> CriminalCase:
    """The case as the acts that took legal effect by the end of `as_of` left it (of the
    acts recorded by `known_at`, when given)."""
    if known_at is not None:
        return _known_case(engine, ref, as_of, known_at)
    now = engine.subject("case", ref)
    if not isinstance(now, CriminalCase):
        raise SubjectNotFound(f"Không tìm thấy vụ án {ref}.")
    acts = engine.history("case", ref)
    if all(act.day <= as_of for act in acts):
        return now
    if acts[0].day > as_of:
        raise SubjectNotFound(
            f"Vụ án {ref} được khởi tố ngày {fmt(acts[0].on)}, sau ngày xét {fmt(as_of)}."
        )
    return replay_until(acts, as_of)


def _known_case(engine: CaseReader, ref: str, as_of: date, known_at: datetime) -> CriminalCase:
    acts = engine.history("case", ref, known_at=known_at)
    if not acts:
        raise SubjectNotFound(
            f"Vụ án {ref} chưa được ghi nhận đến thời điểm "
            f"{known_at.astimezone(VIETNAM):%H:%M %d/%m/%Y}."
        )
    if acts[0].day > as_of:
        raise SubjectNotFound(
            f"Vụ án {ref} được khởi tố ngày {fmt(acts[0].on)}, sau ngày xét {fmt(as_of)}."
        )
    return replay_until(acts, as_of)


def replay_until(acts: Sequence[Act], as_of: date) -> CriminalCase:
    """The case as the acts dated on or before `as_of` left it (`kernel.subject.replay_until`)."""
    case = replay_subject(acts, as_of)
    assert isinstance(case, CriminalCase)
    return case
