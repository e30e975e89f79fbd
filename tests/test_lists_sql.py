"""The deadline and violation lists filtered and paged by the database answer exactly what
the former Python filtering answered (kept in `lists_oracle`), row for row and in order."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from functools import partial
from typing import Any

import pytest
import sqlalchemy as sa

import lists_oracle as oracle
from nation import load, nation_steps, unit_name
from qlahs.access.policy import Grant
from qlahs.engine import Engine
from qlahs.projections import lists
from qlahs.projections import tables as t
from qlahs.projections.lists import Scope

UNTIL = date(2026, 6, 30)
DAYS = [UNTIL - timedelta(days=n) for n in (400, 300, 200, 120, 61, 30, 9, 3, 0)]
DAYS += [UNTIL + timedelta(days=40)]


@pytest.fixture
def nation(engine: Engine) -> Engine:
    steps = nation_steps(3, 18, UNTIL, back_dated=0.15)
    # Some people are never released: their custody, ending at an hour, runs out on its day.
    releases = [step for step in steps if step["do"] == "custody.release"]
    load(engine, [step for step in steps if step not in releases[::3]])
    engine.catch_up()
    return engine


def _refs(connection: sa.Connection) -> list[str]:
    """Some refs of each kind: reports, cases, and one accused person's ("CASE/PERSON")."""
    dv = t.deadline_versions
    refs = sorted(set(connection.execute(sa.select(dv.c.ref).distinct()).scalars()))
    persons = [ref for ref in refs if "/" in ref]
    assert persons, "the store should hold hour-based custody deadlines of persons"
    return refs[::7] + persons[::5] + ["KHONG-CO"]


def _pages(read: Callable[..., lists.Page[Any]], size: int) -> tuple[list[Any], int]:
    """Every page of a list, read `size` rows at a time, joined."""
    items: list[Any] = []
    first = read(limit=size, offset=0)
    items += first.items
    while len(items) < first.total:
        page = read(limit=size, offset=len(items))
        assert page.total == first.total and page.items
        items += page.items
    return items, first.total


def _hour_due_days(connection: sa.Connection) -> list[date]:
    """Days on which a limit ending at an hour is still open: asked on that very day, it has
    run out (a limit ending with the day has not)."""
    dv = t.deadline_versions
    query = (
        sa.select(dv.c.due_day)
        .where(
            dv.c.due_has_time == sa.true(),
            dv.c.status == "open",
            dv.c.valid_from <= dv.c.due_day,
            sa.or_(dv.c.valid_to.is_(None), dv.c.valid_to > dv.c.due_day),
        )
        .distinct()
    )
    days = sorted(connection.execute(query).scalars())
    assert days, "the store should hold an hour-based limit still open on its last day"
    return days


def test_lists_match_the_python_filtering(nation: Engine) -> None:
    units = [None, unit_name(0), unit_name(2), "KHONG-CO"]
    with nation.sql.connect() as connection:
        refs = _refs(connection)
        hour_based = overdue = 0
        for day in DAYS + _hour_due_days(connection):
            for unit in units:
                scope = Scope(unit=unit)
                expected = oracle.deadlines(connection, day, unit=unit)
                assert lists.deadlines(connection, day, scope).items == expected
                hour_based += sum(len(str(d.due)) > 10 for d in expected)
                late = oracle.overdue(connection, day, unit=unit)
                assert lists.overdue(connection, day, scope).items == late
                overdue += len(late)
                paged = _pages(partial(lists.overdue, connection, day, scope), 4)
                assert paged == (late, len(late))
                unfinished = [d for d in expected if d.status in ("open", "missed", "suspended")]
                assert lists.unfinished(connection, day, scope).items == unfinished
                for within in (None, 0, 7):
                    assert lists.open_deadlines(
                        connection, day, scope, within_days=within
                    ).items == oracle.open_deadlines(connection, day, within_days=within, unit=unit)
                found = oracle.violations(connection, day, unit=unit)
                assert lists.violations(connection, day, scope).items == found
                for size in (1, 5):
                    paged = _pages(partial(lists.violations, connection, day, scope), size)
                    assert paged == (found, len(found))
            for ref in refs:
                scope = Scope(ref=ref)
                expected = oracle.deadlines(connection, day, ref=ref)
                assert lists.deadlines(connection, day, scope).items == expected
                assert lists.violations(connection, day, scope).items == oracle.violations(
                    connection, day, ref=ref
                )
        assert hour_based, "hour-based deadlines should be among those compared"
        assert overdue, "overdue deadlines should be among those compared"


def test_a_grant_s_units_and_hidden_records_are_left_out_by_the_query(nation: Engine) -> None:
    with nation.sql.connect() as connection:
        hidden = frozenset(ref.split("/", 1)[0] for ref in _refs(connection)[:6])
        grant = Grant(units=frozenset({unit_name(0), unit_name(1)}), hidden=hidden)
        scope = Scope(units=grant.units, hidden=grant.hidden)
        for day in DAYS[4:]:
            expected = [d for d in oracle.deadlines(connection, day) if grant.shows(d.unit, d.ref)]
            assert lists.deadlines(connection, day, scope).items == expected
            found = [v for v in oracle.violations(connection, day) if grant.shows(v.unit, v.ref)]
            page = lists.violations(connection, day, scope, limit=3, offset=2)
            assert (page.items, page.total) == (found[2:5], len(found))


def test_the_engine_pages_a_list_and_counts_it_all(nation: Engine) -> None:
    day = UNTIL
    everything = nation.deadlines(day)
    page = nation.deadline_page(day, limit=10, offset=5)
    assert (page.items, page.total) == (everything[5:15], len(everything))
    assert nation.violations(day, limit=2) == nation.violations(day)[:2]
    assert nation.overdue_page(day).total == len(nation.overdue(day))
    unfinished = [d for d in everything if d.status in ("open", "missed", "suspended")]
    assert nation.unfinished_page(day, limit=7).items == unfinished[:7]
    soon = nation.due_within_page(day, 30, unit=unit_name(1), limit=3)
    assert soon.items == nation.due_within(day, 30, unit=unit_name(1))[:3]


def test_the_overdue_list_searches_only_what_may_be_overdue(nation: Engine) -> None:
    """Lapsed windows and deadlines done late pile up year after year: the nation's overdue
    list reads the partial index of what may still be overdue, on either store; a unit's list
    reads an index that starts with the unit (the planner picks which of the two)."""
    dv = t.deadline_versions
    postgres = nation.location.is_postgres
    with nation.sql.connect() as connection:
        if postgres:
            connection.execute(sa.text("ANALYZE qlahs_deadline_versions"))
            connection.execute(sa.text("SET enable_seqscan = off"))
        for unit, indexes in (
            (None, ("ix_deadline_versions_overdue",)),
            (unit_name(1), ("ix_deadline_versions_unit_overdue", "ix_deadline_versions_unit ")),
        ):
            scope = Scope(unit=unit)
            where = lists._known_on(UNTIL) + lists._overdue(UNTIL) + scope.where(dv)
            query = sa.select(sa.func.count()).select_from(dv).where(*where)
            sql = str(query.compile(connection, compile_kwargs={"literal_binds": True}))
            explain = "EXPLAIN " if postgres else "EXPLAIN QUERY PLAN "
            plan = " ".join(str(row[-1]) for row in connection.execute(sa.text(explain + sql)))
            assert any(index in plan + " " for index in indexes), plan
            expected = oracle.overdue(connection, UNTIL, unit=unit)
            assert expected and connection.execute(query).scalar_one() == len(expected)


@pytest.mark.postgres
def test_the_read_models_are_vacuumed_early_and_after_a_rebuild(pg_schema_url: str) -> None:
    with Engine.open(pg_schema_url, default_unit="VKSKV7") as engine:
        engine.execute(
            {
                "do": "report.receive",
                "on": "2025-03-03",
                "ref": "TB1",
                "with": {"source": "tin_bao", "received_by": "CQDT"},
            }
        )
        engine.replay()
        with engine.sql.connect() as connection:
            options = connection.execute(
                sa.text(
                    "SELECT reloptions FROM pg_class WHERE relname = :name "
                    "AND relnamespace = current_schema()::regnamespace"
                ),
                {"name": t.deadline_versions.name},
            ).scalar_one()
            vacuumed = connection.execute(
                sa.text(
                    "SELECT last_vacuum FROM pg_stat_user_tables WHERE relname = :name "
                    "AND schemaname = current_schema()"
                ),
                {"name": t.deadline_versions.name},
            ).scalar_one()
    assert "autovacuum_vacuum_scale_factor=0.02" in options
    assert vacuumed is not None  # the rebuild cleared the row versions it replaced
