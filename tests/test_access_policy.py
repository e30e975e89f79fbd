"""The access policy on its own: confidentiality by level, clearance and assignment; the
permission each action needs; role data that does not load."""

from __future__ import annotations

import itertools

import pytest

from qlahs.access.actor import AccessDenied, Actor
from qlahs.access.policy import Record, Wish, check
from qlahs.access.roles import parse_roles, role_book
from qlahs.kernel.errors import QlahsError, RuleDataError
from qlahs.law.units import units

UNIT = "VKSKV1"


def _ask(actor: Actor, wish: Wish, confidential: list[Record] | None = None) -> object:
    return check(actor, wish, units=units(), roles=role_book(), confidential=confidential or [])


CONFIDENTIALITY = [
    pytest.param(level, clearance, assigned, id=f"level{level}-clearance{clearance}-{assigned}")
    for level, clearance, assigned in itertools.product((0, 1, 2), (0, 1, 2), (True, False))
]


@pytest.mark.parametrize(("level", "clearance", "assigned"), CONFIDENTIALITY)
def test_a_record_is_read_only_by_users_cleared_for_its_level_and_assigned_to_it(
    level: int, clearance: int, assigned: bool
) -> None:
    actor = Actor("ksv", UNIT, frozenset({"kiem_sat_vien"}), clearance)
    record = Record("case", "VA1", UNIT, level, frozenset({"ksv"} if assigned else set()))
    wish = Wish("read.records", "xem hồ sơ VA1", UNIT, record)
    if level == 0 or (clearance >= level and assigned):
        _ask(actor, wish)
    else:
        with pytest.raises(AccessDenied, match="độ mật"):
            _ask(actor, wish)


@pytest.mark.parametrize(("level", "clearance", "assigned"), CONFIDENTIALITY)
def test_a_confidential_record_is_left_out_of_lists_exactly_when_it_may_not_be_read(
    level: int, clearance: int, assigned: bool
) -> None:
    actor = Actor("ksv", UNIT, frozenset({"kiem_sat_vien"}), clearance)
    record = Record("case", "VA1", UNIT, level, frozenset({"ksv"} if assigned else set()))
    grant = _ask(actor, Wish("read.records", "xem danh sách"), [record])
    shown = level == 0 or (clearance >= level and assigned)
    assert grant.shows(UNIT, "VA1") is shown  # type: ignore[attr-defined]
    assert grant.shows(UNIT, "VA1/BC1") is shown  # a deadline of one of its persons


@pytest.mark.parametrize("clearance", (0, 1, 2))
def test_assigning_people_to_a_record_needs_clearance_but_not_assignment(clearance: int) -> None:
    leader = Actor("ld", UNIT, frozenset({"lanh_dao"}), clearance)
    record = Record("case", "VA1", UNIT, 1)
    wish = Wish("record.assign", "giao hồ sơ VA1", UNIT, record)
    if clearance >= 1:
        _ask(leader, wish)
    else:
        with pytest.raises(AccessDenied, match="chỉ được xem đến độ mật 0"):
            _ask(leader, wish)


def test_a_user_holding_two_roles_has_the_permissions_of_both() -> None:
    actor = Actor("a", UNIT, frozenset({"van_thu", "thong_ke"}))
    _ask(actor, Wish("record.number", "lấy số", UNIT))
    with pytest.raises(AccessDenied, match="Thống kê, Văn thư"):
        _ask(actor, Wish("record.procedure", "ghi nhận report.decide", UNIT))


def test_reach_comes_only_from_the_roles_that_grant_the_permission() -> None:
    # A leader who is also a clerk takes numbers only in their own unit.
    actor = Actor("a", "VKSQN", frozenset({"van_thu", "lanh_dao"}))
    _ask(actor, Wish("read.records", "xem", "VKSKV1"))
    with pytest.raises(AccessDenied, match="đơn vị mình"):
        _ask(actor, Wish("record.number", "lấy số", "VKSKV1"))


def test_a_refusal_names_the_field_the_user_and_the_unit() -> None:
    actor = Actor("vt", UNIT, frozenset({"van_thu"}), name="Lê Thị Văn")
    with pytest.raises(AccessDenied) as refused:
        _ask(actor, Wish("record.intake", "ghi nhận report.receive cho TB1", "VKSKV2"))
    message = str(refused.value)
    assert message.startswith("Trường 'unit'")
    assert "Lê Thị Văn (vt)" in message and "VKSKV2" in message


@pytest.mark.parametrize(
    ("action", "permission"),
    [
        ("report.receive", "record.intake"),
        ("report.notify_procuracy", "record.intake"),
        ("report.assign_prosecutor", "record.assign"),
        ("number.issue", "record.number"),
        ("number.void", "record.number"),
        ("report.decide", "record.procedure"),
        ("custody.detain", "record.procedure"),
        ("case.open", "record.procedure"),
        ("unit.merge_into", "manage.units"),
    ],
)
def test_each_action_needs_the_permission_roles_yaml_gives_it(action: str, permission: str) -> None:
    assert role_book().needed_to_record(action) == permission


def test_a_role_with_an_unknown_permission_does_not_load() -> None:
    text = """
permissions: {read.records: xem}
roles: {x: {name: X, permissions: [read.everything]}}
actions: {}
levels: {0: Thường}
"""
    with pytest.raises(RuleDataError, match="quyền lạ"):
        parse_roles("roles.yaml", text)


def test_an_actor_with_an_impossible_clearance_is_refused() -> None:
    with pytest.raises(QlahsError, match="Trường 'clearance'"):
        Actor("a", UNIT, frozenset({"van_thu"}), clearance=3)
