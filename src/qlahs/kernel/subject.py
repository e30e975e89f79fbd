"""What every subject (crime report, case, register…) and every legal act share."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, ClassVar
from uuid import NAMESPACE_URL, UUID, uuid5

from eventsourcing.domain import Aggregate

from qlahs.kernel.dates import day_of as day_of  # re-exported for the acts' users
from qlahs.kernel.dates import fmt
from qlahs.kernel.errors import CommandRejected, StageError

# state -> step -> next state, read off a python-statemachine class (see kernel/machines.py)
Transitions = Mapping[str, Mapping[str, str]]

_NAMESPACE = uuid5(NAMESPACE_URL, "https://qlahs.vn/subjects")


def subject_id(kind: str, ref: str) -> UUID:
    """The aggregate id of a subject, derived from its kind and human reference, so that a
    reference can never name two subjects of one kind."""
    return uuid5(_NAMESPACE, f"{kind}:{ref}")


class Act(Aggregate.Event):
    """A legal act as recorded: when it took effect (`on`), who recorded it and for which unit.

    `recorded_at` is the moment it was entered (the stored event's timestamp), so the two
    times of ARCHITECTURE principle 2 are always both present.
    """

    step: ClassVar[str] = ""
    # How people name the act when no action of its own records it (histories use the
    # action's title otherwise): a case joined into another, a register opened by its number.
    named: ClassVar[str] = ""
    # Fields holding personal data, sealed with the subject's own key and erasable by
    # destroying it (privacy/sealing.py); an event class adds its own to those of its bases.
    # Free text may name anyone, so every act's note is personal.
    personal: ClassVar[tuple[str, ...]] = ("note",)

    on: date
    actor: str
    unit: str
    note: str | None
    command_id: str | None

    @property
    def recorded_at(self) -> datetime:
        return self.timestamp

    @property
    def day(self) -> date:
        return day_of(self.on)

    def apply(self, aggregate: Any) -> None:
        if self.step:
            aggregate.stage = aggregate.transitions[aggregate.stage][self.step]

    def fields(self) -> dict[str, Any]:
        """The act's own fields (without the bookkeeping every act has)."""
        skip = {"originator_id", "originator_version", "timestamp", "originator_topic"}
        return {k: v for k, v in self.__dict__.items() if k not in skip}


class Subject(Aggregate):
    """A subject of procedure with a human reference and a stage in a state machine."""

    kind: ClassVar[str]
    noun: ClassVar[str]  # Vietnamese name used in messages, e.g. "nguồn tin"
    transitions: ClassVar[Transitions]
    stage_names: ClassVar[Mapping[str, str]]

    if TYPE_CHECKING:  # state set by the acts; not dataclass fields of the aggregate
        ref: str
        unit: str
        stage: str
        opened_on: date

    class PersonalDataErased(Aggregate.Event):
        named: ClassVar[str] = "Xóa dữ liệu cá nhân của hồ sơ (hủy khóa niêm phong)"
        """The subject's key was destroyed (docs/security.md §5): its personal fields read as
        a placeholder from now on. Not a legal act: no stage, rule or book sees it, but it is
        in the subject's history and the hash chain. It holds nothing personal itself."""

        erases_personal_data: ClassVar[bool] = True

        reason: str  # the legal ground: a decision, a request…
        actor: str
        unit: str  # the unit of whoever erased

        def apply(self, aggregate: Any) -> None:
            pass  # nothing the subject's acts depend on changes

    def require_step(self, step: str, on: date) -> None:
        """Refuse a step the stage machine does not allow, or a date before the subject."""
        allowed = self.transitions[self.stage]
        if step not in allowed:
            raise StageError(
                self.noun, self.ref, step, self.stage_names.get(self.stage, self.stage), allowed
            )
        self.require_not_before(step, on)

    def require_not_before(self, step: str, on: date) -> None:
        """An act dated before its subject existed cannot be true."""
        if day_of(on) < day_of(self.opened_on):
            raise CommandRejected(
                f"Trường 'on' ({fmt(on)}) của bước '{step}' trước ngày {self.noun} {self.ref} "
                f"được tạo ({fmt(self.opened_on)}): không thể có thật."
            )


def replay_until(acts: Sequence[Act], as_of: date) -> Subject:
    """The subject as the acts dated on or before `as_of` left it, applied in the order they
    were recorded.

    Version checks are skipped on purpose: later acts are left out. A back-dated act whose
    step needs a later-dated one (rare: the machines follow legal order) is left out too,
    rather than making up a state the subject was never in.
    """
    subject: Any = acts[0].mutate(None)
    for act in acts[1:]:
        if act.day > as_of:
            continue
        try:
            act.apply(subject)
        except KeyError:
            continue
    assert isinstance(subject, Subject)
    return subject
