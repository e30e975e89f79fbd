"""Bearer tokens of the HTTP service: issued to a login of the user directory, stored hashed,
revocable. A token is events like a user, so who was given one and who revoked it is an audit
question the hash chain covers.

A token reads `qlahs_<id>_<secret>`: the id names the stored record (so a request looks up one
record, not every token), the secret is 32 random bytes of which only the SHA-256 is kept.
A secret of that length cannot be guessed, so a slow password hash would add nothing.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from typing import TYPE_CHECKING, Any
from uuid import UUID

from eventsourcing.domain import Aggregate

from qlahs.kernel.subject import subject_id

PREFIX = "qlahs_"


def token_id(public: str) -> UUID:
    return subject_id("token", public)


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def new_token() -> tuple[str, str, str]:
    """(public id, secret, the whole token given to its holder once)."""
    public, secret = secrets.token_hex(6), secrets.token_urlsafe(32)
    return public, secret, f"{PREFIX}{public}_{secret}"


def split(token: str) -> tuple[str, str] | None:
    """The public id and the secret of a presented token; None when it is not one of ours."""
    if not token.startswith(PREFIX) or len(token) > 200:
        return None
    public, _, secret = token[len(PREFIX) :].partition("_")
    if not public or not secret or not public.isalnum():
        return None
    return public, secret


class Token(Aggregate):
    class Issued(Aggregate.Created):
        public: str
        login: str
        hashed: str
        label: str
        actor: str
        actor_unit: str

        def apply(self, aggregate: Any) -> None:
            aggregate.public, aggregate.login = self.public, self.login
            aggregate.hashed, aggregate.label = self.hashed, self.label
            aggregate.revoked = False

    class Revoked(Aggregate.Event):
        actor: str
        actor_unit: str

        def apply(self, aggregate: Any) -> None:
            aggregate.revoked = True

    if TYPE_CHECKING:
        public: str
        login: str
        hashed: str
        label: str
        revoked: bool

    @classmethod
    def issue(
        cls, public: str, secret: str, login: str, label: str, actor: str, actor_unit: str
    ) -> Token:
        return cls._create(
            cls.Issued,
            id=token_id(public),
            public=public,
            login=login,
            hashed=digest(secret),
            label=label,
            actor=actor,
            actor_unit=actor_unit,
        )

    def revoke(self, actor: str, actor_unit: str) -> None:
        self.trigger_event(self.Revoked, actor=actor, actor_unit=actor_unit)

    def opens_with(self, secret: str) -> bool:
        return not self.revoked and hmac.compare_digest(self.hashed, digest(secret))
