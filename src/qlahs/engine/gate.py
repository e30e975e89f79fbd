"""Where the Engine meets the access policy: gather the facts a wish needs (the record's unit
and classification, the classified records in reach), ask `policy.check`, and record a refusal
before raising it.

The Engine calls `allow` from its public methods only; an Engine without an actor is the
system and is never checked.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa

from qlahs.access import tables as t
from qlahs.access.actor import AccessDenied, Actor
from qlahs.access.policy import EVERYTHING, Grant, Record, Wish, check
from qlahs.access.records import RecordAccess, record_access_id
from qlahs.access.refusals import AccessRefused
from qlahs.access.roles import role_book
from qlahs.access.users import User, user_id
from qlahs.kernel.subject import Subject, subject_id
from qlahs.law.units import units
from qlahs.stages.commands import Command

if TYPE_CHECKING:
    from qlahs.engine.core import EngineCore


def allow(engine: EngineCore, wish: Wish) -> Grant:
    """The one access check of the Engine (docs/security.md)."""
    actor = engine.actor
    if actor is None:
        return EVERYTHING
    many = wish.record is None and wish.permission.startswith("read.")
    try:
        return check(
            actor,
            wish,
            units=units(),
            roles=role_book(),
            confidential=classified(engine) if many else (),
        )
    except AccessDenied as refusal:
        note_refusal(engine, actor.user, actor.unit, wish, str(refusal))
        raise


def note_refusal(engine: EngineCore, user: str, unit: str, wish: Wish, reason: str) -> None:
    record = wish.record
    engine.log.save(
        AccessRefused.note(
            user=user,
            actor_unit=unit,
            permission=wish.permission,
            what=wish.what,
            unit=wish.unit,
            kind=record.kind if record else None,
            ref=record.ref if record else None,
            reason=reason,
        )
    )


# -- the wishes of the Engine's methods ------------------------------------------------------


def command_wishes(engine: EngineCore, command: Command) -> list[Wish]:
    """Recording `command`: in the unit of its subject, and in the unit the command names.
    None for the system, which is never checked (and pays nothing on its hot path)."""
    if engine.actor is None:
        return []
    action = engine.registry.action(command.action)
    kind = engine.registry.subject_of(command.action).kind
    ref = engine._subject_ref(command)
    subject = engine._find(subject_id(kind, ref))
    owner = subject.unit if subject is not None else (command.unit or engine.default_unit)
    permission = role_book().needed_to_record(action.name)
    what = f"ghi nhận {command.action} cho {ref}"
    wishes = [Wish(permission, what, owner, record(engine, kind, ref, owner))]
    if command.unit and command.unit != owner:
        wishes.insert(0, Wish(permission, what, command.unit))
    if command.actor and engine.actor is not None and command.actor != engine.actor.user:
        wishes.insert(0, Wish("record.as_other", f"{what} với trường 'actor' = {command.actor}"))
    return wishes


def subject_wish(engine: EngineCore, kind: str, ref: str, permission: str, what: str) -> Wish:
    """Reading one record (its acts, deadlines, history)."""
    subject = engine._find(subject_id(kind, ref))
    if subject is None:
        return Wish(permission, what)
    return Wish(permission, what, subject.unit, record(engine, kind, ref, subject.unit))


def involved_wishes(engine: EngineCore, command: Command, others: list[Any]) -> list[Wish]:
    """Other subjects an act changes too (a report a case is opened from, joined cases)."""
    if engine.actor is None:
        return []
    permission = role_book().needed_to_record(command.action)
    return [
        Wish(
            permission,
            f"ghi nhận {command.action} làm thay đổi {other.noun} {other.ref}",
            other.unit,
            record(engine, other.kind, other.ref, other.unit),
        )
        for other in others
        if isinstance(other, Subject)
    ]


# -- facts ---------------------------------------------------------------------------------


def record(engine: EngineCore, kind: str, ref: str, unit: str) -> Record:
    """The record's classification, read from its events, never from a cache: a record made
    confidential by another process a moment ago must be refused now."""
    found = fold(engine.log.events.get(record_access_id(kind, ref)))
    if found is None:
        return Record(kind, ref, unit)
    assert isinstance(found, RecordAccess)
    return Record(kind, ref, unit, found.level, frozenset(found.assigned))


def fold(events: Iterable[Any]) -> Any:
    """The aggregate the events make, or None when there are none."""
    found: Any = None
    for event in events:
        found = event.mutate(found)
    return found


def classified(engine: EngineCore) -> list[Record]:
    """Every record of level 1 or 2 (read model: the engine caught up before asking)."""
    ra = t.record_access
    with engine.sql.connect() as connection:
        rows = connection.execute(sa.select(ra).where(ra.c.level > 0)).mappings()
        return [
            Record(row["kind"], row["ref"], row["unit"], row["level"], frozenset(row["assigned"]))
            for row in rows
        ]


def find_user(engine: EngineCore, login: str) -> User | None:
    found = fold(engine.log.events.get(user_id(login)))
    assert found is None or isinstance(found, User)
    return found


def resolve(engine: EngineCore, who: Actor | str) -> Actor:
    """The actor of a login from the user directory; an Actor is trusted as given (a service
    that authenticates its users itself)."""
    if isinstance(who, Actor):
        for code in who.roles:
            role_book().role(code)  # an unknown role is refused here, not silently ignored
        return who
    user = find_user(engine, who)
    if user is None or not user.current.active:
        state = "không có trong danh bạ" if user is None else "đã bị khóa"
        reason = f"Người dùng {who!r} {state}: không được dùng hệ thống."
        note_refusal(engine, who, "", Wish("login", "đăng nhập"), reason)
        raise AccessDenied(reason)
    return user.as_actor()
