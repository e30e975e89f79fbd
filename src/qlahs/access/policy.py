"""The one access check: may this actor do what they wish? Pure: no store, no clock.

The Engine calls `check` at its boundary for every command and every query
(`access/gate.py` gathers the facts); nothing else in qlahs decides access.

- A user holds permissions through their roles (`roles.yaml`).
- Recording acts, taking numbers and signing checkpoints happen in the user's own unit only.
- Reading reaches the user's unit, and the units under it when one of the roles that grant
  the permission reaches subordinates (leaders, statistics, administrators).
- A confidential record (level 1 or 2) is shown only to users cleared for its level and
  assigned to it; managing who is assigned needs the clearance but not the assignment, or
  nobody could assign the first person (so does erasing its personal data).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from qlahs.access.actor import AccessDenied, Actor
from qlahs.access.roles import ACTING, RoleBook
from qlahs.law.units import UnitTree


@dataclass(frozen=True)
class Record:
    """A record as access sees it: whose it is, how confidential, who is assigned to it."""

    kind: str
    ref: str
    unit: str
    level: int = 0
    assigned: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Wish:
    """What someone asks for. `unit` is the unit of what is touched (None: every unit the
    actor may reach, or the store as a whole); `record` the one record touched, if any."""

    permission: str
    what: str  # in Vietnamese, for messages and the audit: "ghi nhận report.decide"
    unit: str | None = None
    record: Record | None = None


@dataclass(frozen=True)
class Grant:
    """What a permitted wish may see: the units (None: all) and the confidential records
    among them that stay hidden."""

    units: frozenset[str] | None = None
    hidden: frozenset[str] = field(default_factory=frozenset)

    def shows(self, unit: str, ref: str) -> bool:
        # A deadline of one accused person is named "CASE/PERSON": it belongs to the case.
        if self.units is not None and unit not in self.units:
            return False
        return ref.split("/", 1)[0] not in self.hidden if self.hidden else True


EVERYTHING = Grant()

# Wishes about a confidential record that need the clearance but not the assignment: whoever
# assigns people to it (or nobody could assign the first), and the administrator who erases
# its personal data, which reads nothing of it.
CLEARANCE_ONLY = frozenset({"record.assign", "erase.personal"})


def check(
    actor: Actor,
    wish: Wish,
    *,
    units: UnitTree,
    roles: RoleBook,
    confidential: Iterable[Record] = (),
) -> Grant:
    """Allow the wish (returning what it may see) or raise AccessDenied saying why.

    `confidential` lists the classified records of the units in reach; it matters only to
    wishes that read many records at once."""
    held = [roles.role(code) for code in sorted(actor.roles)]
    granting = [role for role in held if wish.permission in role.permissions]
    if not granting:
        names = ", ".join(role.name for role in held) or "không có vai trò nào"
        raise AccessDenied(
            f"Người dùng {actor.label} ({names}) không có quyền "
            f"{roles.permission_name(wish.permission)} ({wish.what})."
        )
    reach = wish.permission not in ACTING and any(r.reaches_subordinates for r in granting)
    scope = frozenset(units.visible(actor.unit) if reach else {actor.unit})
    if wish.unit is not None and wish.unit not in scope:
        where = "đơn vị mình và các đơn vị trực thuộc" if reach else f"đơn vị mình ({actor.unit})"
        raise AccessDenied(
            f"Trường 'unit': người dùng {actor.label} của {actor.unit} chỉ được "
            f"{roles.permission_name(wish.permission)} trong {where}, không được {wish.what} "
            f"của {wish.unit}."
        )
    if wish.record is not None:
        refusal = _confidential_refusal(actor, wish, wish.record, roles)
        if refusal is not None:
            raise AccessDenied(refusal)
    hidden = frozenset(
        record.ref
        for record in confidential
        if record.unit in scope and not _may_see(actor, record)
    )
    return Grant(frozenset({wish.unit}) if wish.unit is not None else scope, hidden)


def _may_see(actor: Actor, record: Record) -> bool:
    return record.level == 0 or (actor.clearance >= record.level and actor.user in record.assigned)


def _confidential_refusal(actor: Actor, wish: Wish, record: Record, roles: RoleBook) -> str | None:
    if record.level == 0:
        return None
    level = f"độ mật {record.level} ({roles.level_name(record.level)})"
    if actor.clearance < record.level:
        return (
            f"Hồ sơ {record.ref} có {level}; người dùng {actor.label} chỉ được xem đến độ mật "
            f"{actor.clearance} nên không được {wish.what}."
        )
    if wish.permission not in CLEARANCE_ONLY and actor.user not in record.assigned:
        return (
            f"Hồ sơ {record.ref} có {level}; người dùng {actor.label} chưa được giao hồ sơ này "
            f"nên không được {wish.what}."
        )
    return None
