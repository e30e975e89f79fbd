"""Managing users and confidential records. Each function asks the Engine's access check
first, then records events; nothing here decides access itself."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from eventsourcing.persistence import IntegrityError

from qlahs.access import tables as t
from qlahs.access.actor import LEVELS
from qlahs.access.policy import Record, Wish
from qlahs.access.records import RecordAccess, record_access_id
from qlahs.access.roles import role_book
from qlahs.access.users import Profile, User
from qlahs.engine import gate
from qlahs.engine.units_in_force import unit_refusal
from qlahs.kernel.errors import CommandRejected, ConcurrencyError, SubjectNotFound
from qlahs.kernel.subject import Act, subject_id
from qlahs.law.units import units

if TYPE_CHECKING:
    from qlahs.engine import Engine


def _by(engine: Engine) -> tuple[str, str]:
    """Who records the change: the user, or the system's default actor and unit."""
    if engine.actor is not None:
        return engine.actor.user, engine.actor.unit
    return engine.default_actor, engine.default_unit


def _save(engine: Engine, aggregate: Any, what: str) -> None:
    try:
        engine.log.save(aggregate)
    except IntegrityError:
        raise ConcurrencyError(
            f"Không ghi được {what}: một người khác vừa thay đổi cùng lúc; hãy làm lại."
        ) from None


# -- users -----------------------------------------------------------------------------------


def _require_unit(engine: Engine, code: str) -> None:
    """A user works in a unit of today's organisation: a typo would give them a unit of
    their own that sees nothing, and a merged unit takes no more acts."""
    acts = [a for a in engine.log.events.get(subject_id("unit", code)) if isinstance(a, Act)]
    refusal = unit_refusal(code, date.today(), acts, listed=code in units().units)
    if refusal is not None:
        raise CommandRejected(refusal)


def enrol(engine: Engine, login: str, profile: Profile) -> User:
    """Add a user (quản trị of their unit or a unit above it)."""
    for code in profile.roles:
        role_book().role(code)
    engine.authorize(Wish("manage.users", f"thêm người dùng {login}", profile.unit))
    _require_unit(engine, profile.unit)
    if gate.find_user(engine, login) is not None:
        raise CommandRejected(f"Trường 'login': người dùng {login!r} đã có.")
    user = User.enrol(login, profile, *_by(engine))
    _save(engine, user, f"người dùng {login}")
    return user


def change(engine: Engine, login: str, profile: Profile) -> User:
    """Change a user's name, unit, roles, clearance, or lock them (`active: false`)."""
    for code in profile.roles:
        role_book().role(code)
    user = gate.find_user(engine, login)
    if user is None:
        raise CommandRejected(f"Trường 'login': không có người dùng {login!r}.")
    for unit in dict.fromkeys((user.current.unit, profile.unit)):
        engine.authorize(Wish("manage.users", f"sửa người dùng {login}", unit))
    if profile.unit != user.current.unit:
        _require_unit(engine, profile.unit)
    if user.current != profile:
        user.change(profile, *_by(engine))
        _save(engine, user, f"người dùng {login}")
    return user


def enrol_or_change(engine: Engine, users: dict[str, Profile]) -> list[str]:
    """Bring the directory in line with a users file; returns the logins that changed."""
    changed = []
    for login, profile in users.items():
        existing = gate.find_user(engine, login)
        if existing is None:
            enrol(engine, login, profile)
            changed.append(login)
        elif existing.current != profile:
            change(engine, login, profile)
            changed.append(login)
    return changed


# -- confidential records --------------------------------------------------------------------


def _record_access(engine: Engine, kind: str, ref: str) -> tuple[RecordAccess, str]:
    subject = engine._system().find_subject(kind, ref)
    if subject is None:
        raise SubjectNotFound(f"Không tìm thấy {engine.registry.noun(kind)} {ref} (trường 'ref').")
    found = gate.fold(engine.log.events.get(record_access_id(kind, ref)))
    if found is None:
        found = RecordAccess.open(kind, ref, subject.unit)
    assert isinstance(found, RecordAccess)
    return found, subject.unit


def classify(engine: Engine, kind: str, ref: str, level: int, reason: str) -> RecordAccess:
    """Set a record's confidentiality (0 thường, 1 mật, 2 tối mật), with a reason."""
    if level not in LEVELS:
        raise CommandRejected(f"Trường 'level' phải là 0, 1 hoặc 2 (nhận được: {level!r}).")
    if not reason.strip():
        raise CommandRejected("Trường 'reason': cần ghi lý do phân loại độ mật.")
    access, unit = _record_access(engine, kind, ref)
    # The user must be cleared for the higher of the old and the new level.
    wish_record = Record(kind, ref, unit, max(access.level, level), frozenset(access.assigned))
    engine.authorize(Wish("record.assign", f"phân loại độ mật hồ sơ {ref}", unit, wish_record))
    actor, actor_unit = _by(engine)
    access.trigger_event(
        RecordAccess.Classified, level=level, reason=reason, actor=actor, actor_unit=actor_unit
    )
    _save(engine, access, f"độ mật của hồ sơ {ref}")
    return access


def assign(
    engine: Engine, kind: str, ref: str, login: str, *, remove: bool = False
) -> RecordAccess:
    """Give (or take back) a user's access to a confidential record."""
    access, unit = _record_access(engine, kind, ref)
    what = f"{'thu hồi' if remove else 'giao'} hồ sơ {ref} cho {login}"
    engine.authorize(Wish("record.assign", what, unit, access.record()))
    if gate.find_user(engine, login) is None:
        raise CommandRejected(f"Trường 'user': không có người dùng {login!r}.")
    if remove == (login not in access.assigned):
        state = "chưa được giao" if remove else "đã được giao"
        raise CommandRejected(f"Trường 'user': {login} {state} hồ sơ {ref}.")
    actor, actor_unit = _by(engine)
    event = RecordAccess.Unassigned if remove else RecordAccess.Assigned
    access.trigger_event(event, user=login, actor=actor, actor_unit=actor_unit)
    _save(engine, access, what)
    return access


def users(engine: Engine, unit: str | None = None) -> list[dict[str, Any]]:
    """The users of the units the asker manages (of `unit` only, when given)."""
    engine.projector.catch_up()
    grant = engine.authorize(Wish("manage.users", "xem danh sách người dùng", unit))
    u = t.users
    query = sa.select(u).order_by(u.c.unit, u.c.login)
    if grant.units is not None:
        query = query.where(u.c.unit.in_(grant.units))
    with engine.sql.connect() as connection:
        return [dict(row) for row in connection.execute(query).mappings()]
