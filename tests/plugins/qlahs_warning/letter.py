"""The subject: a warning letter, its legal path and its acts."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any, ClassVar

from eventsourcing.domain import Aggregate
from statemachine import State, StateMachine

from qlahs.kernel.machines import transitions_of
from qlahs.kernel.subject import Act, Subject, subject_id


class LetterPath(StateMachine):
    """Thư cảnh báo từ khi gửi đến khi được trả lời."""

    sent = State("Đã gửi", initial=True)
    answered = State("Đã được trả lời", final=True)

    answer = sent.to(answered)


class WarningLetter(Subject):
    kind: ClassVar[str] = "warning"
    noun: ClassVar[str] = "thư cảnh báo"
    transitions = transitions_of(LetterPath)
    stage_names: ClassVar[dict[str, str]] = {str(s.value): str(s.name) for s in LetterPath.states}

    if TYPE_CHECKING:
        addressee: str
        answered_on: date | None

    class Sent(Act, Aggregate.Created):
        ref: str
        addressee: str

        def apply(self, aggregate: Any) -> None:
            aggregate.ref, aggregate.unit, aggregate.stage = self.ref, self.unit, "sent"
            aggregate.opened_on, aggregate.addressee = self.on, self.addressee
            aggregate.answered_on = None

    class Answered(Act):
        step = "answer"

        def apply(self, aggregate: Any) -> None:
            super().apply(aggregate)
            aggregate.answered_on = self.on

    @classmethod
    def send(cls, *, ref: str, **fields: Any) -> WarningLetter:
        return cls._create(cls.Sent, id=subject_id(cls.kind, ref), ref=ref, **fields)

    def answer(self, **fields: Any) -> None:
        self.require_step(self.Answered.step, fields["on"])
        self.trigger_event(self.Answered, **fields)
