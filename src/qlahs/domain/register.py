"""A document number register (sổ đăng ký số văn bản đi): one issuing unit, one series, one
numbering year (NĐ 30/2020 Điều 15–16; law.md §15).

One aggregate per register, its id derived from unit/series/year, so writers of different
registers never conflict. It keeps only what its checks need (the last number, inserted
suffixes, open reservations, closed numbers, each number's date); the documents live in the
acts and in the book projection. Whether a number's date breaks the order of issue is judged
by `stages/numbers/rules.py`, never here (ARCHITECTURE principle 1).
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any, ClassVar

from eventsourcing.domain import Aggregate

from qlahs.domain.machines.numbers import NumberRegister
from qlahs.domain.number_symbol import SUFFIXES, key, label
from qlahs.kernel.errors import CommandRejected
from qlahs.kernel.machines import transitions_of
from qlahs.kernel.subject import Act, Subject, day_of, subject_id
from qlahs.law.calendar import fmt
from qlahs.law.number_series import Cited, NumberingYear


class DocumentAct(Act):
    """An act that puts a document on a number: what the book's columns need."""

    title: str
    signer: str
    subject: str | None
    recipients: str
    copies: int | None
    keeper: str


class Register(Subject):
    """The numbers of one register, never issued twice and never reused."""

    # the `number.*` actions name this subject kind (registry: action prefix = kind)
    kind: ClassVar[str] = "number"
    noun: ClassVar[str] = "sổ đăng ký số văn bản"
    transitions = transitions_of(NumberRegister)
    stage_names: ClassVar[dict[str, str]] = {
        str(s.value): str(s.name) for s in NumberRegister.states
    }

    if TYPE_CHECKING:  # state set by the acts; not dataclass fields of the aggregate
        series: str
        year: int
        closes_on: date
        last: int
        suffixes: dict[int, int]
        reserved: dict[str, int]  # key -> day ordinal of the reservation
        closed: dict[str, str]  # key -> voided | released
        days: dict[str, int]  # key -> day ordinal of the document (ints copy cheaply)

    # -- acts ------------------------------------------------------------------------------

    class Opened(Act, Aggregate.Created):
        named = "Mở sổ đăng ký số văn bản"

        ref: str
        series: str
        year: int
        closes_on: date

        def apply(self, aggregate: Any) -> None:
            aggregate.ref, aggregate.unit, aggregate.stage = self.ref, self.unit, "open"
            aggregate.opened_on, aggregate.closes_on = self.on, self.closes_on
            aggregate.series, aggregate.year = self.series, self.year
            aggregate.last = 0
            aggregate.suffixes, aggregate.reserved, aggregate.closed = {}, {}, {}
            aggregate.days = {}

    class Issued(DocumentAct):
        step = "issue"
        first: int
        count: int

        def apply(self, aggregate: Any) -> None:
            super().apply(aggregate)
            for number in range(self.first, self.first + self.count):
                aggregate.days[key(number)] = self.day.toordinal()
            aggregate.last = self.first + self.count - 1

    class Reserved(Act):
        step = "reserve"
        first: int
        count: int
        reason: str

        def apply(self, aggregate: Any) -> None:
            super().apply(aggregate)
            for number in range(self.first, self.first + self.count):
                aggregate.days[key(number)] = self.day.toordinal()
                aggregate.reserved[key(number)] = self.day.toordinal()
            aggregate.last = self.first + self.count - 1

    class Inserted(DocumentAct):
        step = "insert"
        number: int
        suffix: str
        reason: str
        approved_by: str

        def apply(self, aggregate: Any) -> None:
            super().apply(aggregate)
            aggregate.suffixes[self.number] = SUFFIXES.index(self.suffix) + 1
            aggregate.days[key(self.number, self.suffix)] = self.day.toordinal()

    class Used(DocumentAct):
        step = "use"
        number: int
        suffix: str

        def apply(self, aggregate: Any) -> None:
            super().apply(aggregate)
            aggregate.reserved.pop(key(self.number, self.suffix))
            aggregate.days[key(self.number, self.suffix)] = self.day.toordinal()

    class Voided(Act):
        step = "void"
        number: int
        suffix: str
        reason: str

        def apply(self, aggregate: Any) -> None:
            super().apply(aggregate)
            aggregate.closed[key(self.number, self.suffix)] = "voided"

    class Released(Act):
        step = "release"
        number: int
        suffix: str
        reason: str

        def apply(self, aggregate: Any) -> None:
            super().apply(aggregate)
            aggregate.reserved.pop(key(self.number, self.suffix))
            aggregate.closed[key(self.number, self.suffix)] = "released"

    # -- commands: check, then record ---------------------------------------------------------

    @classmethod
    def open(cls, *, ref: str, unit: str, series: str, year: NumberingYear, actor: str) -> Register:
        """A register exists for its whole numbering year, from the day the year begins, so a
        back-dated number of that year is judged rather than refused."""
        return cls._create(
            cls.Opened,
            id=subject_id(cls.kind, ref),
            ref=ref,
            on=year.start,
            actor=actor,
            unit=unit,
            note=None,
            command_id=None,
            series=series,
            year=year.label,
            closes_on=year.end,
        )

    def issue(self, **fields: Any) -> None:
        self.require_step("issue", fields["on"])
        self.trigger_event(self.Issued, first=self.last + 1, **fields)

    def reserve(self, **fields: Any) -> None:
        self.require_step("reserve", fields["on"])
        self.trigger_event(self.Reserved, first=self.last + 1, **fields)

    def insert(self, *, after: tuple[int, str], allowed: Cited, **fields: Any) -> None:
        self.require_step("insert", fields["on"])
        if not allowed.value:
            raise CommandRejected(
                f"Hệ thống số {self.series} không cho phép chèn số ({allowed.citation}; độ tin "
                f"cậy {allowed.confidence}): hãy lấy số tiếp theo bằng number.issue."
            )
        number, suffix = after
        if not self._exists(number, suffix):
            raise CommandRejected(
                f"Trường 'after': số {label(number, suffix)} chưa có trong sổ {self.ref} "
                f"(số cuối cùng: {label(self.last) if self.last else 'chưa có'})."
            )
        taken = self.suffixes.get(number, 0)
        if taken >= len(SUFFIXES):
            raise CommandRejected(
                f"Trường 'after': đã chèn {taken} số sau số {label(number)}, không còn chữ cái."
            )
        self.trigger_event(self.Inserted, number=number, suffix=SUFFIXES[taken], **fields)

    def void(self, *, number: tuple[int, str], **fields: Any) -> None:
        self.require_step("void", fields["on"])
        self._require_open(number, fields["on"])
        if key(*number) in self.reserved:
            raise CommandRejected(
                f"Trường 'number': số {label(*number)} của sổ {self.ref} đang được giữ, chưa "
                "dùng: trả số bằng number.release, hoặc dùng số bằng number.use."
            )
        self.trigger_event(self.Voided, number=number[0], suffix=number[1], **fields)

    def use(self, *, number: tuple[int, str], **fields: Any) -> None:
        self.require_step("use", fields["on"])
        self._require_reserved(number, fields["on"])
        self.trigger_event(self.Used, number=number[0], suffix=number[1], **fields)

    def release(self, *, number: tuple[int, str], **fields: Any) -> None:
        self.require_step("release", fields["on"])
        self._require_reserved(number, fields["on"])
        self.trigger_event(self.Released, number=number[0], suffix=number[1], **fields)

    # -- checks -----------------------------------------------------------------------------

    def _exists(self, number: int, suffix: str) -> bool:
        if not 1 <= number <= self.last:
            return False
        return not suffix or SUFFIXES.index(suffix) < self.suffixes.get(number, 0)

    def _require_open(self, number: tuple[int, str], on: date) -> None:
        shown = label(*number)
        if not self._exists(*number):
            raise CommandRejected(
                f"Trường 'number': số {shown} chưa được cấp trong sổ {self.ref} "
                f"(số cuối cùng: {label(self.last) if self.last else 'chưa có'})."
            )
        closed = self.closed.get(key(*number))
        if closed is not None:
            how = "đã bị hủy" if closed == "voided" else "đã được trả (hủy giữ số)"
            raise CommandRejected(
                f"Trường 'number': số {shown} của sổ {self.ref} {how}; một số không bao giờ "
                "được dùng lại."
            )
        taken_on = date.fromordinal(self.days[key(*number)])
        if day_of(on) < taken_on:
            raise CommandRejected(
                f"Trường 'on' ({fmt(on)}) trước ngày của số {shown} ({fmt(taken_on)}): "
                "không thể có thật."
            )

    def _require_reserved(self, number: tuple[int, str], on: date) -> None:
        self._require_open(number, on)
        if key(*number) not in self.reserved:
            raise CommandRejected(
                f"Trường 'number': số {label(*number)} của sổ {self.ref} không phải số đang "
                "được giữ (number.reserve)."
            )
