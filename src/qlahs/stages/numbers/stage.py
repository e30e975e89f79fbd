"""Document number registers as a stage plug-in.

A command names its register by the recording unit, the series and the numbering year of its
date (`register_ref`); the register opens with its first number. Every `number.*` action is
`exclusive`: writers of one register queue on a lock instead of racing (see
docs/numbers.md), while different registers are different aggregates and never wait for each
other.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa

from qlahs.domain.number_symbol import label
from qlahs.domain.register import Register
from qlahs.kernel.errors import CommandRejected
from qlahs.kernel.subject import Act, Subject, day_of
from qlahs.law.number_series import series
from qlahs.stages.commands import Command
from qlahs.stages.numbers import commands as c
from qlahs.stages.numbers.book import changed_rows, number_book, number_rows
from qlahs.stages.numbers.rules import RegisterRules
from qlahs.stages.registry import Action, ActRows, Record, Stage


def register_ref(unit: str, series_code: str, year: int) -> str:
    return f"{unit}/{series_code}/{year}"


def _subject_ref(command: Command, unit: str) -> str:
    assert isinstance(command, c.NumberCommand)
    year = getattr(command, "year", None)
    if year is None:
        year = series(command.series).numbering_year(day_of(command.on)).label
    return register_ref(unit, command.series, year)


def _register(subject: Subject | None, command: Command, fields: dict[str, Any]) -> Register:
    """The command's register; the first number of a numbering year opens it."""
    if subject is not None:
        assert isinstance(subject, Register)
        return subject
    assert isinstance(command, c.NumberCommand)
    if isinstance(command, c.OnNumber):
        raise CommandRejected(
            f"Trường 'number': sổ {_subject_ref(command, fields['unit'])} chưa có số nào, "
            f"không có số {label(*command.number)}."
        )
    year = series(command.series).numbering_year(day_of(command.on))
    return Register.open(
        ref=register_ref(fields["unit"], command.series, year.label),
        unit=fields["unit"],
        series=command.series,
        year=year,
        actor=fields["actor"],
    )


def _records(method: str) -> Record:
    """Open the register if needed, drop the fields that only name it, call its command."""

    def record(subject: Subject | None, command: Command, fields: dict[str, Any]) -> Subject:
        register = _register(subject, command, fields)
        act_fields = {k: v for k, v in fields.items() if k not in ("series", "year")}
        if isinstance(command, c.InsertNumber):
            act_fields["allowed"] = series(command.series).allows_inserts(day_of(command.on))
        getattr(register, method)(**act_fields)
        return register

    return record


def _project(subject_id: str, register: Any, acts: Sequence[Act]) -> list[tuple[sa.Table, Any]]:
    return [(number_book, row) for row in number_rows(subject_id, register, acts)]


def _project_act(subject_id: str, register: Any, acts: Sequence[Act]) -> list[tuple[sa.Table, Any]]:
    return [(number_book, row) for row in changed_rows(subject_id, register, acts)]


def _action(name: str, command: type[c.NumberCommand], record: Record) -> Action:
    return Action(name, command, record, opens=True, exclusive=True, subject_ref=_subject_ref)


STAGE = Stage(
    name="numbers",
    subject=Register,
    rules=RegisterRules,
    project=_project,
    project_act=ActRows(_project_act, key="position"),
    tables=(number_book,),
    actions=(
        _action("number.issue", c.IssueNumber, _records("issue")),
        _action("number.reserve", c.ReserveNumber, _records("reserve")),
        _action("number.insert", c.InsertNumber, _records("insert")),
        _action("number.use", c.UseNumber, _records("use")),
        _action("number.release", c.ReleaseNumber, _records("release")),
        _action("number.void", c.VoidNumber, _records("void")),
    ),
)
