"""A procedural document drafted from a record and issued under a number of a register.

The document is its own subject: it names the record it was drafted from (`about_kind`,
`about_ref`), the template and its version, and the checksum of the file, so that a redraft
can be compared with what was issued and the record's history can list its documents.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any, ClassVar

from eventsourcing.domain import Aggregate
from statemachine import State, StateMachine

from qlahs.kernel.machines import transitions_of
from qlahs.kernel.subject import Act, Subject, subject_id


class DocumentPath(StateMachine):
    """Văn bản từ khi ban hành đến khi bị thu hồi (nếu có)."""

    issued = State("Đã ban hành", initial=True)
    answered = State("Đã được trả lời")
    withdrawn = State("Đã thu hồi", final=True)

    answer = issued.to(answered)
    withdraw = issued.to(withdrawn) | answered.to(withdrawn)


class IssuedDocument(Subject):
    """One issued document: its number, template, checksum and the record it belongs to."""

    kind: ClassVar[str] = "document"
    noun: ClassVar[str] = "văn bản"
    transitions = transitions_of(DocumentPath)
    stage_names: ClassVar[dict[str, str]] = {str(s.value): str(s.name) for s in DocumentPath.states}

    if TYPE_CHECKING:  # state set by the acts
        template: str
        version: int
        title: str
        symbol: str
        checksum: str
        about_kind: str | None
        about_ref: str | None
        as_of: date
        answer_within: int | None

    class Issued(Act, Aggregate.Created):
        ref: str
        template: str
        version: int
        title: str
        symbol: str
        checksum: str
        about_kind: str | None
        about_ref: str | None
        as_of: date
        answer_within: int | None = None  # days the document gives the body to answer

        def apply(self, aggregate: Any) -> None:
            aggregate.ref, aggregate.unit, aggregate.stage = self.ref, self.unit, "issued"
            aggregate.opened_on = self.on
            aggregate.template, aggregate.version = self.template, self.version
            aggregate.title, aggregate.symbol = self.title, self.symbol
            aggregate.checksum, aggregate.as_of = self.checksum, self.as_of
            aggregate.about_kind, aggregate.about_ref = self.about_kind, self.about_ref
            aggregate.answer_within = self.answer_within

    class Answered(Act):
        """The body's answer to a recommendation: accepted, in part, or not."""

        step = "answer"
        personal = ("content",)
        result: str  # chap_nhan | chap_nhan_mot_phan | khong_chap_nhan
        content: str

    class Withdrawn(Act):
        step = "withdraw"
        reason: str

    @classmethod
    def issue(cls, *, ref: str, **fields: Any) -> IssuedDocument:
        return cls._create(cls.Issued, id=subject_id(cls.kind, ref), ref=ref, **fields)

    def answer(self, **fields: Any) -> None:
        self.require_step(self.Answered.step, fields["on"])
        self.trigger_event(self.Answered, **fields)

    def withdraw(self, **fields: Any) -> None:
        self.require_step(self.Withdrawn.step, fields["on"])
        self.trigger_event(self.Withdrawn, **fields)
