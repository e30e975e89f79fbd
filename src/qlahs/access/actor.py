"""Who is asking: a user of a unit with roles and a clearance.

An Engine without an actor is the system itself (scenarios, the demo, trusted services); an
Engine with one checks every command and query against it (docs/security.md).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from qlahs.kernel.errors import QlahsError

LEVELS = (0, 1, 2)  # thường, mật, tối mật


class AccessDenied(QlahsError):
    """A user asked for what their roles, unit or clearance do not allow. The refusal itself
    is recorded as an event before this is raised."""


@dataclass(frozen=True)
class Actor:
    """The user on whose behalf an Engine acts: `user` is the login recorded on acts."""

    user: str
    unit: str
    roles: frozenset[str] = field(default_factory=frozenset)
    clearance: int = 0
    name: str = ""

    def __post_init__(self) -> None:
        if not self.user.strip():
            raise QlahsError("Trường 'user' của người dùng không được để trống.")
        if not self.unit.strip():
            raise QlahsError(f"Trường 'unit' của người dùng {self.user} không được để trống.")
        if self.clearance not in LEVELS:
            raise QlahsError(
                f"Trường 'clearance' của người dùng {self.user} phải là 0, 1 hoặc 2 "
                f"(nhận được: {self.clearance!r})."
            )
        object.__setattr__(self, "roles", frozenset(self.roles))

    @property
    def label(self) -> str:
        return f"{self.name} ({self.user})" if self.name else self.user
