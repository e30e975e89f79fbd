"""Confidential records, users from the directory and trusted actors, through the Engine on
SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date

import pytest

from access_world import PROVINCE, REGION, enrol_everyone, login, receive
from qlahs.access.actor import AccessDenied, Actor
from qlahs.access.users import profile_of
from qlahs.engine import Engine
from qlahs.kernel.errors import QlahsError
from qlahs.oversight import access_admin as admin
from qlahs.oversight.refusals import refusals
from qlahs.oversight.trail import history

DAY = date(2025, 3, 5)


@pytest.fixture
def system(store_url: str) -> Engine:
    engine = Engine.open(store_url)
    enrol_everyone(engine, clearance=1)
    for ref in ("TBMAT", "TBTHUONG"):
        engine.execute(receive(ref, REGION))
    admin.classify(engine, "report", "TBMAT", 1, "Liên quan bí mật nhà nước")
    admin.assign(engine, "report", "TBMAT", login("kiem_sat_vien", REGION))
    yield engine  # type: ignore[misc]
    engine.close()


def _refs(found: object) -> set[str]:
    return {item.ref for item in found}  # type: ignore[attr-defined]


def test_the_assigned_and_cleared_prosecutor_reads_and_acts_on_a_confidential_record(
    system: Engine,
) -> None:
    ksv = system.as_user(login("kiem_sat_vien", REGION))
    assert ksv.history("report", "TBMAT")
    assert "TBMAT" in _refs(ksv.deadlines(DAY))
    ksv.execute({"do": "report.notify_procuracy", "ref": "TBMAT", "on": "2025-03-04"})


def test_a_cleared_user_of_the_unit_who_is_not_assigned_neither_reads_nor_sees_it(
    system: Engine,
) -> None:
    clerk = system.as_user(login("van_thu", REGION))
    with pytest.raises(AccessDenied, match="chưa được giao hồ sơ này"):
        clerk.history("report", "TBMAT")
    with pytest.raises(AccessDenied, match="chưa được giao"):
        clerk.execute({"do": "report.notify_procuracy", "ref": "TBMAT", "on": "2025-03-04"})
    assert _refs(clerk.deadlines(DAY)) == {"TBTHUONG"}
    assert [row["ref"] for row in clerk.search("TB")] == ["TBTHUONG"]


def test_the_provincial_leader_sees_the_region_but_not_its_confidential_record(
    system: Engine,
) -> None:
    leader = system.as_user(login("lanh_dao", PROVINCE))
    assert _refs(leader.deadlines(DAY, unit=REGION)) == {"TBTHUONG"}
    with pytest.raises(AccessDenied):
        leader.judge("report", "TBMAT", DAY)
    with pytest.raises(AccessDenied):
        leader.deadlines(DAY, ref="TBMAT")


def test_a_user_assigned_but_not_cleared_enough_is_refused(system: Engine) -> None:
    admin.classify(system, "report", "TBMAT", 2, "Nâng độ mật")
    ksv = system.as_user(login("kiem_sat_vien", REGION))
    with pytest.raises(AccessDenied, match="chỉ được xem đến độ mật 1"):
        ksv.subject("report", "TBMAT")


def test_taking_an_assignment_back_takes_effect_at_once_for_a_user_already_working(
    system: Engine,
) -> None:
    ksv = system.as_user(login("kiem_sat_vien", REGION))
    assert ksv.history("report", "TBMAT")  # cached by this engine
    admin.assign(system, "report", "TBMAT", login("kiem_sat_vien", REGION), remove=True)
    with pytest.raises(AccessDenied):
        ksv.history("report", "TBMAT")


def test_a_leader_cannot_classify_above_their_own_clearance(system: Engine) -> None:
    leader = system.as_user(login("lanh_dao", REGION))
    admin.classify(leader, "report", "TBTHUONG", 1, "Có tài liệu mật")
    with pytest.raises(AccessDenied, match="chỉ được xem đến độ mật 1"):
        admin.classify(leader, "report", "TBTHUONG", 2, "Tối mật")


def test_the_system_itself_sees_every_record(system: Engine) -> None:
    assert _refs(system.deadlines(DAY)) == {"TBMAT", "TBTHUONG"}
    assert system.history("report", "TBMAT")


def test_recording_an_act_in_another_users_name_is_refused_naming_the_field(
    system: Engine,
) -> None:
    ksv = system.as_user(login("kiem_sat_vien", REGION))
    step = {"do": "report.notify_procuracy", "ref": "TBTHUONG", "on": "2025-03-04"}
    with pytest.raises(AccessDenied, match="trường 'actor'"):
        ksv.execute(step | {"actor": "lanh_dao.vkskv1"})
    ksv.execute(step)
    (act,) = [a for a in system.history("report", "TBTHUONG") if a.step == "notify_procuracy"]
    assert (act.actor, act.unit) == (login("kiem_sat_vien", REGION), REGION)


def test_a_service_passes_an_actor_it_authenticated_itself(store_url: str) -> None:
    with Engine.open(store_url) as system:
        system.execute(receive("TB1", REGION))
    actor = Actor("sso:nva", REGION, frozenset({"kiem_sat_vien"}), name="Nguyễn Văn A")
    with Engine.open(store_url, actor=actor) as engine:
        assert engine.history("report", "TB1")
        engine.execute(receive("TB2"))  # the user's unit is the default
        with pytest.raises(AccessDenied):
            engine.execute(receive("TB3", PROVINCE))
    with Engine.open(store_url) as system:
        assert system.subject("report", "TB2").unit == REGION


def test_an_actor_with_an_unknown_role_is_refused_when_the_engine_opens(store_url: str) -> None:
    with pytest.raises(QlahsError, match="vai trò 'giam_doc' không có"):
        Engine.open(store_url, actor=Actor("x", REGION, frozenset({"giam_doc"})))


def test_an_unknown_or_locked_login_is_refused_and_recorded(store_url: str) -> None:
    with Engine.open(store_url) as system:
        enrol_everyone(system)
        clerk = login("van_thu", REGION)
        fields = {"name": "Cán bộ", "unit": REGION, "roles": ["van_thu"], "active": False}
        admin.change(system, clerk, profile_of(clerk, fields))
    with pytest.raises(AccessDenied, match="không có trong danh bạ"):
        Engine.open(store_url, actor="ai.do")
    with pytest.raises(AccessDenied, match="đã bị khóa"):
        Engine.open(store_url, actor=clerk)
    with Engine.open(store_url) as system:
        assert {row["user"] for row in refusals(system)} == {"ai.do", clerk}


def test_the_trail_shows_who_classified_and_assigned_the_record(system: Engine) -> None:
    entries = history(system, "TBMAT")
    access = [(e.event, e.changes) for e in entries if e.about == "truy cập"]
    assert access == [
        ("Xác định độ mật của hồ sơ", {"level": 1, "reason": "Liên quan bí mật nhà nước"}),
        ("Giao người được xem hồ sơ", {"user": login("kiem_sat_vien", REGION)}),
    ]


def test_only_an_administrator_of_the_unit_or_above_changes_a_users_roles(system: Engine) -> None:
    target = login("van_thu", REGION)
    promoted = {"name": "Cán bộ", "unit": REGION, "roles": ["lanh_dao"], "clearance": 2}
    with pytest.raises(AccessDenied, match="quản lý người dùng"):
        admin.change(system.as_user(target), target, profile_of(target, promoted))
    admin.change(system.as_user(login("quan_tri", PROVINCE)), target, profile_of(target, promoted))
    assert system.as_user(target).actor == Actor(
        target, REGION, frozenset({"lanh_dao"}), 2, "Cán bộ"
    )


def test_a_book_page_numbers_as_the_whole_book_and_leaves_the_confidential_record_out(
    system: Engine,
) -> None:
    for index in range(5):
        system.execute(receive(f"TBSO{index}", REGION))
    whole = system.book_rows("04", REGION, DAY.year)
    assert len(whole) == 7
    for size in (1, 2, 3, 7, 10):
        pages = [
            system.book_page("04", REGION, DAY.year, limit=size, offset=offset)
            for offset in range(0, 8, size)
        ]
        assert all(page.total == 7 for page in pages)
        assert [row for page in pages for row in page.items] == whole
    clerk = system.as_user(login("van_thu", REGION))
    seen = clerk.book_rows("04", REGION, DAY.year)
    first = clerk.book_page("04", REGION, DAY.year, limit=3)
    rest = clerk.book_page("04", REGION, DAY.year, limit=3, offset=3)
    assert "TBMAT" not in {row["ref"] for row in seen}
    assert (first.total, rest.total) == (6, 6)
    assert first.items + rest.items == seen
    # the entry keeps its number in the book: the hidden record's number is not reused
    assert [row["stt"] for row in seen] == [row["stt"] for row in whole if row["ref"] != "TBMAT"]
