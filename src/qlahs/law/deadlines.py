"""Deadlines and violations: what the law says about a subject's acts, as of a date.

Rules are folds over a subject's acts in the order they took effect. After each legal date
they leave a *version*: the deadlines as known from that date on, and the violations the acts
of that date revealed. Asking "as of D" takes the last version on or before D and judges each
open deadline against the end of day D: an open deadline whose due date has passed is
`missed`, with a violation of kind `missing`.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any, Literal

from qlahs.kernel.subject import Act, day_of
from qlahs.law.calendar import end_of_day, fmt
from qlahs.law.rulebook import RuleBook

if TYPE_CHECKING:
    from qlahs.law.fold import Fold

Status = Literal["open", "met", "missed", "suspended", "cancelled"]
Kind = Literal["late", "missing", "premature", "exceeds_limit", "wrong_authority"]


@dataclass
class Deadline:
    """One obligation of one subject; its due date moves with extensions and suspensions."""

    ref: str
    rule: str
    article: str
    unit: str
    responsible: str
    start: date
    due: date
    status: Status = "open"
    closed_on: date | None = None
    explanation: list[str] = field(default_factory=list)
    # A window (the time to appeal, to protest) lapses when it runs out unused: that is not a
    # breach, so it becomes `cancelled` instead of `missed`.
    window: bool = False
    # What staying past the due date is, when it is more than a missing act: a person held
    # past the end of custody must be released (Điều 173 k7).
    breach: str | None = None
    breach_article: str | None = None

    def explain(self, line: str) -> None:
        self.explanation.append(line)

    def copy(self) -> Deadline:
        """A copy that later explanations do not reach (every other field is immutable)."""
        twin = copy.copy(self)
        twin.explanation = list(self.explanation)
        return twin

    def as_of(self, day: date) -> Deadline:
        """This deadline judged at the end of `day`: an open one past its due date is missed
        (or, for a window, lapsed)."""
        if self.status == "open" and is_past(self.due, day):
            judged = copy.copy(self)
            judged.status = "cancelled" if self.window else "missed"
            return judged
        return self

    def to_json(self) -> dict[str, Any]:
        return {
            "ref": self.ref,
            "rule": self.rule,
            "article": self.article,
            "start": iso(self.start),
            "due": iso(self.due),
            "status": self.status,
            "explanation": list(self.explanation),
        }


@dataclass
class Violation:
    """An act (or the lack of one) that breaks the procedure, citing the article."""

    ref: str
    rule: str
    article: str
    kind: Kind
    unit: str
    due: date | None
    happened_on: date | None
    days_overdue: int | None
    message: str

    def to_json(self) -> dict[str, Any]:
        return {
            "ref": self.ref,
            "rule": self.rule,
            "article": self.article,
            "kind": self.kind,
            "due": iso(self.due),
            "happened_on": iso(self.happened_on),
            "days_overdue": self.days_overdue,
            "message": self.message,
        }


@dataclass
class Version:
    """What the law says from `valid_from` until the next version."""

    valid_from: date
    deadlines: list[Deadline]
    violations: list[Violation]


@dataclass
class Judgement:
    """Deadlines and violations of one subject as of one date."""

    deadlines: list[Deadline]
    violations: list[Violation]


def key(rule: str, person: str | None) -> str:
    return f"{rule}/{person}" if person else rule


def is_late(on: date, due: date) -> bool:
    """Whether an act on `on` came after a limit ending at `due`. An act known only by its date
    is on time on the due day even when the limit ends at an hour of that day."""
    if isinstance(due, datetime):
        if isinstance(on, datetime):
            return on > due
        return on > due.date()
    return day_of(on) > due


def days_late(on: date, due: date) -> int:
    if isinstance(due, datetime):
        moment = on if isinstance(on, datetime) else datetime.combine(on, datetime.max.time())
        hours = (moment - due).total_seconds() / 3600
        return max(1, -(-int(hours) // 24))
    return (day_of(on) - due).days


def versions(acts: Iterable[Act], make_fold: Callable[[], Fold]) -> list[Version]:
    """Run the rules over the acts in legal order; one version per legal date."""
    ordered = sorted(acts, key=lambda a: (day_of(a.on), a.originator_version))
    fold = make_fold()
    result: list[Version] = []
    for index, act in enumerate(ordered):
        fold.apply(act)
        last_of_day = index + 1 == len(ordered) or day_of(ordered[index + 1].on) != act.day
        if last_of_day:
            deadlines, violations = fold.snapshot()
            result.append(Version(act.day, deadlines, violations))
    return result


def judge(history: Sequence[Version], day: date) -> Judgement:
    """The deadlines and violations as of the end of `day`."""
    current: Version | None = None
    for version in history:
        if version.valid_from <= day:
            current = version
    if current is None:
        return Judgement([], [])
    deadlines = [d.as_of(day) for d in current.deadlines if day_of(d.start) <= day]
    violations = [v for v in current.violations if v.happened_on is None or v.happened_on <= day]
    violations += [
        missing(d, day) for d in deadlines if d.status == "missed" and d.closed_on is None
    ]
    return Judgement(deadlines, violations)


def missing(deadline: Deadline, day: date) -> Violation:
    overdue = days_between(deadline.due, day)
    if deadline.breach:
        message = (
            f"{deadline.ref}: {deadline.breach} — quá {overdue} ngày kể từ hạn cuối "
            f"{fmt(deadline.due)} ({deadline.breach_article or deadline.article})."
        )
    else:
        message = (
            f"{deadline.ref}: quá hạn {overdue} ngày, chưa thực hiện: "
            f"{obligation_title(deadline.rule)} (hạn cuối {fmt(deadline.due)}; "
            f"{deadline.article})."
        )
    return Violation(
        ref=deadline.ref,
        rule=deadline.rule,
        article=deadline.breach_article or deadline.article,
        kind="missing",
        unit=deadline.unit,
        due=deadline.due,
        happened_on=None,
        days_overdue=overdue,
        message=message,
    )


def obligation_title(rule: str) -> str:
    """The obligation in words (its rule's title) for a person reading the violation."""
    found = RuleBook.default().rules.get(rule)
    return found.title if found is not None else "nghĩa vụ theo thời hạn"


def is_past(due: date, day: date) -> bool:
    """Whether a limit ending at `due` (24:00 of that day, or an exact time) ran out by the
    end of `day`."""
    if isinstance(due, datetime):
        return due < end_of_day(day)
    return due < day_of(day)


def days_between(due: date, day: date) -> int:
    if isinstance(due, datetime):
        return max(1, (end_of_day(day) - due + timedelta(hours=23, minutes=59)).days)
    return (day_of(day) - due).days


def iso(value: date | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%dT%H:%M")
    return value.isoformat()
