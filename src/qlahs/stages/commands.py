"""What every command shares: the subject, the legal date, the unit, the actor.

Commands are typed pydantic models; scenario steps (`do:` / `with:`) and the CLI are turned
into them, so every entry point gets the same Vietnamese validation messages.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator

from qlahs.kernel.bounds import (
    CODE_LIMIT,
    NAME_LIMIT,
    REF_LIMIT,
    TEXT_LIMIT,
    bad_act_day,
    bad_name,
    problem,
)
from qlahs.kernel.dates import from_vietnamese

# Fields that name a subject, a person, a unit or a user: one line each (bounds.bad_name).
NAMES = frozenset(
    {"ref", "unit", "actor", "command_id", "person", "persons", "cases", "case", "into", "to"}
    | {"from_report", "parent", "series", "prosecutor"}
)
# A unit's code: letters without diacritics, digits, '-', '_' and '.' (VKSKV7, VKS-HN-KV01).
UNIT_CODE = r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$"


class Command(BaseModel):
    """A request to record one legal act."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    action: ClassVar[str]

    ref: str = Field(
        min_length=1,
        max_length=REF_LIMIT,
        description="Số hiệu của đối tượng (nguồn tin, vụ án…)",
    )
    on: date | datetime = Field(description="Ngày (giờ) hành vi tố tụng có hiệu lực")
    unit: str | None = Field(
        default=None,
        min_length=1,
        max_length=CODE_LIMIT,
        pattern=UNIT_CODE,
        description="Mã đơn vị ghi nhận",
    )
    actor: str | None = Field(default=None, max_length=NAME_LIMIT, description="Người ghi nhận")
    note: str | None = Field(default=None, max_length=TEXT_LIMIT)
    command_id: str | None = Field(
        default=None, min_length=1, max_length=NAME_LIMIT, description="Mã lệnh để gửi lại an toàn"
    )

    @field_validator("*", mode="before")
    @classmethod
    def _vietnamese_dates(cls, value: Any, info: ValidationInfo) -> Any:
        """`dd/mm/yyyy` and `HH:MM dd/mm/yyyy`, as people write dates, in date fields only: a
        text field keeps whatever text it was given."""
        if type(value) is not str or "/" not in value or info.field_name is None:
            return value  # the common case, first: this runs for every field of every command
        return from_vietnamese(value, cls.model_fields[info.field_name].annotation)

    @field_validator("*", mode="after")
    @classmethod
    def _storable(cls, value: Any, info: ValidationInfo) -> Any:
        """Every field of every command, whatever its type: nothing a reader cannot handle."""
        if info.field_name == "on":
            why = bad_act_day(value)
        else:
            why = bad_name(value) if info.field_name in NAMES else problem(value)
        if why is not None:
            raise ValueError(why)
        return value

    def act_fields(self) -> dict[str, Any]:
        """The fields the recorded act carries (everything but the subject reference)."""
        return self.model_dump(exclude={"ref"})


def as_list(value: Any) -> Any:
    """Accept one name where a list of names is expected."""
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return value


class HasPeople(Command):
    suspects: list[str] = Field(default_factory=list)

    _people = field_validator("suspects", mode="before")(classmethod(lambda cls, v: as_list(v)))


class Recorded(BaseModel):
    """What a command recorded: the act, on which subject, at which version."""

    action: str
    ref: str
    kind: str
    version: int
    stage: str
    on: str

    @classmethod
    def of(cls, command: Command, subject: Any) -> Recorded:
        """What `command` left on `subject`, once its act is recorded."""
        return cls(
            action=command.action,
            ref=subject.ref,
            kind=subject.kind,
            version=subject.version,
            stage=subject.stage,
            on=command.on.isoformat(),
        )
