"""Issuing, revoking and checking the bearer tokens of the HTTP service (access/tokens.py).

Issuing and revoking a token is managing the user it belongs to (`manage.users` in the user's
unit); checking one signs its holder in as that user, refused (and the refusal recorded) when
the token is unknown, revoked or its user locked.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from qlahs.access.actor import AccessDenied, Actor
from qlahs.access.policy import Wish
from qlahs.access.tokens import Token, new_token, split, token_id
from qlahs.engine import gate
from qlahs.kernel.bounds import NAME_LIMIT, bad_name
from qlahs.kernel.errors import CommandRejected
from qlahs.oversight.access_admin import _by, _save

if TYPE_CHECKING:
    from qlahs.engine import Engine


def issue(engine: Engine, login: str, label: str = "") -> tuple[str, str]:
    """A new token for `login`: (its public id, the token itself, shown once)."""
    user = gate.find_user(engine, login)
    if user is None:
        raise CommandRejected(f"Trường 'login': không có người dùng {login!r}.")
    if bad_name(label) or len(label) > NAME_LIMIT:
        raise CommandRejected(f"Trường 'label' phải là một dòng, tối đa {NAME_LIMIT} ký tự.")
    engine.authorize(Wish("manage.users", f"cấp mã truy cập cho {login}", user.current.unit))
    public, secret, token = new_token()
    _save(engine, Token.issue(public, secret, login, label, *_by(engine)), f"mã truy cập {public}")
    return public, token


def find(engine: Engine, public: str) -> Token | None:
    found = gate.fold(engine.log.events.get(token_id(public)))
    assert found is None or isinstance(found, Token)
    return found


def revoke(engine: Engine, public: str) -> Token:
    """Revoke the token named by its public id (the part after `qlahs_`)."""
    found = find(engine, public) if public.isalnum() else None
    if found is None:
        raise CommandRejected(f"Trường 'token': không có mã truy cập {public!r}.")
    user = gate.find_user(engine, found.login)
    unit = user.current.unit if user is not None else None
    engine.authorize(Wish("manage.users", f"thu hồi mã truy cập của {found.login}", unit))
    if found.revoked:
        raise CommandRejected(f"Trường 'token': mã truy cập {public} đã bị thu hồi trước đó.")
    found.revoke(*_by(engine))
    _save(engine, found, f"mã truy cập {public}")
    return found


def sign_in(engine: Engine, token: str) -> Actor:
    """The user a presented token belongs to, or AccessDenied (recorded)."""
    parts = split(token)
    found = find(engine, parts[0]) if parts is not None else None
    if parts is None or found is None or not found.opens_with(parts[1]):
        state = "đã bị thu hồi" if found is not None and found.revoked else "không hợp lệ"
        reason = f"Mã truy cập {state}: không được dùng hệ thống."
        who = found.login if found is not None else "(không rõ)"
        gate.note_refusal(engine, who, "", Wish("login", "đăng nhập bằng mã truy cập"), reason)
        raise AccessDenied(reason)
    return gate.resolve(engine, found.login)
