"""Users are events: who held which role in which unit, and who changed it, is itself an audit
question ("who could read this case in March?"), and the hash chain covers these events.

`users.yaml`-style files are only a way to enter many users at once (`qlahs access import`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from uuid import UUID

from eventsourcing.domain import Aggregate
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from qlahs.access.actor import LEVELS, Actor
from qlahs.kernel import yamlio
from qlahs.kernel.errors import InvalidCommand
from qlahs.kernel.subject import subject_id


def user_id(login: str) -> UUID:
    return subject_id("user", login)


class Profile(BaseModel):
    """A user as an administrator enters them."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(min_length=1, description="Họ tên")
    unit: str = Field(min_length=1, description="Đơn vị")
    roles: list[str] = Field(min_length=1, description="Vai trò")
    clearance: int = Field(default=0, ge=min(LEVELS), le=max(LEVELS), description="Độ mật")
    active: bool = True


class User(Aggregate):
    """One login and its profile over time."""

    class Enrolled(Aggregate.Created):
        login: str
        profile: dict[str, Any]
        actor: str
        actor_unit: str

        def apply(self, aggregate: Any) -> None:
            aggregate.login, aggregate.profile = self.login, self.profile

    class Changed(Aggregate.Event):
        """The whole new profile: the audit shows what differs from the one before."""

        login: str
        profile: dict[str, Any]
        actor: str
        actor_unit: str

        def apply(self, aggregate: Any) -> None:
            aggregate.profile = self.profile

    if TYPE_CHECKING:
        login: str
        profile: dict[str, Any]

    @classmethod
    def enrol(cls, login: str, profile: Profile, actor: str, actor_unit: str) -> User:
        return cls._create(
            cls.Enrolled,
            id=user_id(login),
            login=login,
            profile=profile.model_dump(),
            actor=actor,
            actor_unit=actor_unit,
        )

    def change(self, profile: Profile, actor: str, actor_unit: str) -> None:
        self.trigger_event(
            self.Changed,
            login=self.login,
            profile=profile.model_dump(),
            actor=actor,
            actor_unit=actor_unit,
        )

    @property
    def current(self) -> Profile:
        return Profile.model_validate(self.profile)

    def as_actor(self) -> Actor:
        p = self.current
        return Actor(self.login, p.unit, frozenset(p.roles), p.clearance, p.name)


def profile_of(login: str, fields: dict[str, Any]) -> Profile:
    try:
        return Profile.model_validate(fields)
    except ValidationError as error:
        raise InvalidCommand.from_validation(f"người dùng {login}", error) from None


def read_users(text: str) -> dict[str, Profile]:
    """`users:` → login → profile, as in docs/security.md."""
    data = yamlio.load(text) or {}
    users = data.get("users") if isinstance(data, dict) else None
    if not isinstance(users, dict):
        raise InvalidCommand("Tệp người dùng phải có mục 'users:' gồm tên đăng nhập → hồ sơ.")
    return {str(login): profile_of(str(login), dict(body or {})) for login, body in users.items()}
