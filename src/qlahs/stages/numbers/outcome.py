"""The numbers a `number.*` command took, read back from the act it recorded.

`Engine.execute` returns the register's version after the act, and the act at that version
is the command's own (also when a `command_id` is sent again and the first result comes
back), so the numbers are read from the event log without any Engine hook.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any, Protocol
from uuid import UUID

from eventsourcing.application import Application

from qlahs.domain.number_symbol import key, label, symbol
from qlahs.domain.register import Register
from qlahs.kernel.subject import Act, Subject, subject_id
from qlahs.stages.commands import Command, Recorded


class NumberDesk(Protocol):
    """What reading back a number needs of the engine."""

    @property
    def log(self) -> Application[UUID]: ...

    def subject(self, kind: str, ref: str) -> Subject: ...

    def act_at(self, sid: UUID, version: int) -> Act: ...

    def execute(self, command: Command | Mapping[str, Any]) -> Recorded: ...


@dataclass(frozen=True)
class Number:
    number: int
    suffix: str
    symbol: str
    series: str
    year: int
    unit: str
    status: str  # issued, reserved, inserted, used, voided, released: what this act did
    on: date
    register: str

    @property
    def label(self) -> str:
        return label(self.number, self.suffix)

    def to_json(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "suffix": self.suffix,
            "label": self.label,
            "symbol": self.symbol,
            "series": self.series,
            "year": self.year,
            "unit": self.unit,
            "status": self.status,
            "on": self.on.isoformat(),
            "register": self.register,
        }


def numbers_of(engine: NumberDesk, recorded: Recorded) -> list[Number]:
    """The numbers the act at `recorded.version` of the register put in it or changed."""
    sid = subject_id(recorded.kind, recorded.ref)
    act = engine.act_at(sid, recorded.version)
    unit, series, year_text = recorded.ref.rsplit("/", 2)  # see stage.register_ref
    year = int(year_text)

    def number(n: int, suffix: str, status: str, on: date) -> Number:
        return Number(
            n,
            suffix,
            symbol(unit, series, n, suffix, on),
            series,
            year,
            unit,
            status,
            on,
            recorded.ref,
        )

    match act:
        case Register.Issued() | Register.Reserved():
            status = "issued" if isinstance(act, Register.Issued) else "reserved"
            return [number(n, "", status, act.day) for n in range(act.first, act.first + act.count)]
        case Register.Inserted():
            return [number(act.number, act.suffix, "inserted", act.day)]
        case Register.Used() | Register.Voided() | Register.Released():
            register = engine.subject(Register.kind, recorded.ref)
            assert isinstance(register, Register)
            dated = date.fromordinal(register.days[key(act.number, act.suffix)])
            status = {Register.Used: "used", Register.Voided: "voided"}.get(type(act), "released")
            return [number(act.number, act.suffix, status, dated)]
    raise AssertionError(f"không phải hành vi cấp số: {type(act).__name__}")


def take(engine: NumberDesk, command: Command | Mapping[str, Any]) -> list[Number]:
    """Execute a `number.*` command and return the numbers it took."""
    return numbers_of(engine, engine.execute(command))
