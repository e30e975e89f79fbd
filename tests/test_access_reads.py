"""Books, searches and statistics read through the same access check as the Engine."""

from __future__ import annotations

import pytest

from access_world import PROVINCE, REGION, SIBLING, enrol_everyone, login, report_in
from qlahs.access.actor import AccessDenied
from qlahs.engine import Engine
from qlahs.oversight.refusals import refusals
from qlahs.projections.books import book
from qlahs.projections.case_queries import find_cases
from qlahs.stats.compute import compute
from qlahs.stats.periods import parse_period


@pytest.fixture
def world(store_url: str) -> Engine:
    system = Engine.open(store_url)
    enrol_everyone(system)
    return system


def book_04(engine: Engine, unit: str) -> list[str]:
    engine.catch_up()
    with engine.sql.connect() as connection:
        rows = book("04").rows(connection, unit, 2025)
    return [row["ref"] for row in engine.readable("xem sổ 04", rows, unit)]


def test_a_regional_clerk_reads_the_book_of_their_unit_but_not_a_siblings(world: Engine) -> None:
    mine, theirs = report_in(world, REGION), report_in(world, SIBLING)
    clerk = world.as_user(login("van_thu", REGION))
    assert mine in book_04(clerk, REGION)
    with pytest.raises(AccessDenied):
        book_04(clerk, SIBLING)
    assert theirs in book_04(world, SIBLING)


def test_a_provincial_leader_reads_the_books_of_the_units_under_them(world: Engine) -> None:
    ref = report_in(world, REGION)
    leader = world.as_user(login("lanh_dao", PROVINCE))
    assert ref in book_04(leader, REGION)


def test_a_case_search_shows_only_the_users_units(world: Engine) -> None:
    world.execute(
        {
            "do": "case.open",
            "ref": "VA-A1",
            "on": "2025-03-03",
            "unit": REGION,
            "with": {"crime": "BLHS 173 k1", "summary": "Trộm cắp xe máy"},
        }
    )
    world.execute(
        {
            "do": "case.open",
            "ref": "VA-A2",
            "on": "2025-03-03",
            "unit": SIBLING,
            "with": {"crime": "BLHS 173 k1", "summary": "Trộm cắp xe máy"},
        }
    )
    prosecutor = world.as_user(login("kiem_sat_vien", REGION))
    assert {row["ref"] for row in find_cases(prosecutor, "trộm cắp")} == {"VA-A1"}
    assert {row["ref"] for row in find_cases(world, "trộm cắp")} == {"VA-A1", "VA-A2"}


def test_statistics_of_another_unit_or_of_the_nation_are_refused_to_a_regional_user(
    world: Engine,
) -> None:
    report_in(world, REGION)
    officer = world.as_user(login("thong_ke", REGION))
    period = parse_period("y-2025")
    assert compute(officer, REGION, period).unit == REGION
    with pytest.raises(AccessDenied):
        compute(officer, SIBLING, period)
    with pytest.raises(AccessDenied):
        compute(officer, None, period)
    refused = [row["what"] for row in refusals(world) if row["user"] == login("thong_ke", REGION)]
    assert len(refused) == 2 and all("thống kê" in what for what in refused)
