"""Stage modules are plug-ins: each declares its actions and the rules of its subjects.

A stage module exposes a `STAGE` object. The built-in ones are listed here; another package
adds its own through the entry-point group `qlahs.stages` without editing qlahs.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache, cached_property
from importlib import import_module
from importlib.metadata import entry_points
from pathlib import Path
from typing import Any, Protocol, cast

import sqlalchemy as sa
from eventsourcing.domain import Aggregate
from pydantic import ValidationError

from qlahs.kernel.bounds import quoted
from qlahs.kernel.errors import InvalidCommand, UnknownAction
from qlahs.kernel.subject import Act, Subject
from qlahs.law.calendar import Calendar
from qlahs.law.deadlines import Judgement
from qlahs.law.fold import Fold
from qlahs.law.rulebook import RuleBook
from qlahs.stages.commands import Command
from qlahs.stages.statistics import Statistics

# where the name of an action ends in its docstring: its article, a colon, a semicolon, a stop
_TITLE_END = re.compile(r" \(|[:;.]")

BUILT_IN = (
    "qlahs.stages.report.stage",
    "qlahs.stages.case.stage",
    "qlahs.stages.document.stage",
    "qlahs.stages.numbers.stage",
    "qlahs.stages.unit.stage",
    "qlahs.stages.civil.stage",
    "qlahs.stages.administrative.stage",
    "qlahs.stages.statreport.stage",
    "qlahs.stages.complaint.stage",
    "qlahs.stages.mla.stage",
    "qlahs.stages.enforcement.stage",
)

# (subject id, subject, its acts) -> rows of the stage's own tables
Projection = Callable[[str, Any, Sequence[Act]], list[tuple[sa.Table, dict[str, Any]]]]


@dataclass(frozen=True)
class ActRows:
    """A stage whose book rows each follow from a few acts (a register's numbers) says which
    rows one new act adds or changes, so that a subject of thousands of rows is not projected
    whole for each act. `rows` is called with the subject's acts in the order recorded, the
    new one last, and returns the rows `Stage.project` would give for the numbers it touches;
    `key` is the column naming a row within its subject (the projector replaces the rows
    with the same subject and key). `Stage.project` stays the whole projection: a subject
    read back by a process that never saw it, or erased, is written whole from it."""

    rows: Projection
    key: str


class Lookup(Protocol):
    """What an action that touches other subjects may ask of the engine."""

    def find_subject(self, kind: str, ref: str) -> Subject | None: ...

    def judge(self, kind: str, ref: str, as_of: date) -> Judgement: ...


# (the subject before its act, the command, the act's fields, the engine) -> fields to add to
# the act, and other subjects the act changes too (a case split off, cases joined into it),
# saved in the same transaction
Involve = Callable[
    [Subject | None, Command, dict[str, Any], Lookup], tuple[dict[str, Any], list[Any]]
]

# (the subject, or None for an act that creates it; the command; the act's fields) -> the subject


def calls(method: Callable[..., None]) -> Record:
    """What an action records by calling one act method of its subject, e.g.
    `calls(CrimeReport.decide)`: the method checks, then records the act."""

    def record(subject: Subject | None, command: Command, fields: dict[str, Any]) -> Subject:
        assert subject is not None, "an act method needs its subject"
        method(subject, **fields)
        return subject

    return record


# (the subject before its act, None when the action creates it; the command; the act's fields)
# -> the subject with the act recorded
Record = Callable[[Subject | None, Command, dict[str, Any]], Subject]


class _Recording(Protocol):
    def record(self, act: Any, /, **fields: Any) -> None: ...


def records(kind: type[Subject], act: type[Act]) -> Record:
    """What most actions do: record `act`, with the command's fields, on an existing subject
    of `kind` (e.g. `records(CrimeReport, CrimeReport.Decided)`)."""

    def record(subject: Subject | None, command: Command, fields: dict[str, Any]) -> Subject:
        assert isinstance(subject, kind)
        cast(_Recording, subject).record(act, **fields)
        return subject

    return record


@dataclass(frozen=True)
class Action:
    """One `do:` name: its command model and what it records on its subject."""

    name: str
    command: type[Command]
    record: Record
    creates: bool = False
    # the subject's reference when it is not the command's `ref` (e.g. a number register is
    # named by unit, series and year); called with the command and the recording unit
    subject_ref: Callable[[Command, str], str] | None = None
    # creates its subject when it does not exist yet (a register opens with its first number)
    opens: bool = False
    # writers of one subject queue on a lock instead of retrying (PostgreSQL advisory lock)
    exclusive: bool = False
    involve: Involve | None = None


@dataclass(frozen=True)
class Stage:
    name: str
    subject: type[Subject]
    actions: tuple[Action, ...]
    rules: Callable[[RuleBook, Calendar], Fold] | None = None
    aliases: dict[str, str] = field(default_factory=dict)
    # rows of the stage's own read-model tables (its intake books) for one subject, and the
    # tables they go to (cleared per subject before the rows are written again)
    project: Projection | None = None
    tables: tuple[sa.Table, ...] = ()
    # optional: the rows one new act adds or changes (see ActRows), beside `project`
    project_act: ActRows | None = None
    # a stage from another package brings its own law: a folder of rule files (the format of
    # `law/rules/`) and book definitions (the format of `law/books.yaml`)
    rules_folder: Path | None = None
    book_files: tuple[Path, ...] = ()
    # what its subjects add to the statistics (stages/statistics.py); None: not counted
    statistics: Statistics | None = None


@dataclass(frozen=True)
class Registry:
    actions: dict[str, Action]
    subjects: dict[str, type[Subject]]
    rules: dict[str, Callable[[RuleBook, Calendar], Fold]]
    stages: tuple[Stage, ...]
    projectors: dict[str, Projection]
    tables: tuple[sa.Table, ...]
    action_subjects: dict[str, type[Subject]]
    act_projectors: dict[str, ActRows] = field(default_factory=dict)

    def action(self, name: str) -> Action:
        try:
            return self.actions[name]
        except KeyError:
            known = ", ".join(sorted(self.actions))
            raise UnknownAction(
                f"Hành vi '{quoted(name)}' không có trong VOCABULARY. Các hành vi: {known}."
            ) from None

    def command(self, name: str, fields: dict[str, Any]) -> Command:
        """Build a typed command from the `do:`/`with:` form."""
        action = self.action(name)
        try:
            return action.command.model_validate(fields)
        except ValidationError as error:
            raise InvalidCommand.from_validation(name, error) from None

    @cached_property
    def rulebook(self) -> RuleBook:
        """The rules shipped with qlahs and those each stage brings."""
        folders = [stage.rules_folder for stage in self.stages if stage.rules_folder]
        return RuleBook.load(*folders) if folders else RuleBook.default()

    def noun(self, kind: str) -> str:
        """A kind of subject as people name it ("vụ án" for `case`)."""
        subject = self.subjects.get(kind)
        return subject.noun if subject is not None else "hồ sơ"

    def title(self, action: str) -> str:
        """An action as people name it: the first words of its command's Vietnamese docstring
        ("Khởi tố bị can" for `case.charge`)."""
        doc = (self.action(action).command.__doc__ or "").strip()
        return _TITLE_END.split(doc, maxsplit=1)[0].strip() or "Hành vi tố tụng"

    @cached_property
    def _by_step(self) -> dict[tuple[str, str], str]:
        """(subject kind, step of the act) -> the action that records it; '' for the act that
        creates the subject."""
        found: dict[tuple[str, str], str] = {}
        for stage in self.stages:
            for action in stage.actions:
                step = "" if action.creates else action.name.split(".", 1)[1]
                found.setdefault((stage.subject.kind, step), action.name)
        return found

    def act_title(self, kind: str, act: object) -> str:
        """A recorded act as people name it, for histories and trails (never a class name)."""
        if named := getattr(act, "named", ""):
            return str(named)
        step = str(getattr(act, "step", "") or "")
        event = act if isinstance(act, type) else type(act)
        if not step and not issubclass(event, Aggregate.Created):
            return "Hành vi tố tụng"  # an event of no action: it says what it is by `named`
        action = self._by_step.get((kind, step))
        return self.title(action) if action else "Hành vi tố tụng"

    def subject_of(self, action: str) -> type[Subject]:
        """The kind of subject an action records on (`custody.*` acts are on a case)."""
        return self.action_subjects[self.action(action).name]


@cache
def registry() -> Registry:
    stages: list[Stage] = [import_module(name).STAGE for name in BUILT_IN]
    for entry in entry_points(group="qlahs.stages"):
        stages.append(entry.load())
    actions: dict[str, Action] = {}
    subjects: dict[str, type[Subject]] = {}
    rules: dict[str, Callable[[RuleBook, Calendar], Fold]] = {}
    projectors: dict[str, Projection] = {}
    act_projectors: dict[str, ActRows] = {}
    stage_tables: list[sa.Table] = []
    for stage in stages:
        for action in stage.actions:
            actions[action.name] = action
        for alias, target in stage.aliases.items():
            actions[alias] = actions[target]
        subjects[stage.subject.kind] = stage.subject
        if stage.rules is not None:
            rules[stage.subject.kind] = stage.rules
        if stage.project is not None:
            projectors[stage.subject.kind] = stage.project
        if stage.project_act is not None:
            act_projectors[stage.subject.kind] = stage.project_act
        stage_tables.extend(stage.tables)
    action_subjects = {a.name: s.subject for s in stages for a in s.actions}
    return Registry(
        actions,
        subjects,
        rules,
        tuple(stages),
        projectors,
        tuple(dict.fromkeys(stage_tables)),
        action_subjects,
        act_projectors,
    )
