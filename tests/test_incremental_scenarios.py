"""Every scenario of the suite, projected one act at a time: after each accepted step the
projector catches up, resuming each subject's rules from the state it kept, and on every other
step it then forgets what it holds in memory, so the next catch-up reads the kept state back
from `qlahs_fold_states` as another process would. No subject is ever set aside (quarantined);
after the last step the read models are those a clean rebuild from the log makes, and on
SQLite they are also compared on the way, every few steps, with a rebuild of a copy of the
store (the store itself goes on resuming from the states its own catch-ups kept).

The scenario runner records every step before it reads anything, so the scenarios alone never
resume a kept state; this runs them as a live system does. PostgreSQL runs a fixed sample (every
fifth file in path order) and compares with a rebuild only at the end: the whole suite there
takes minutes more, and the folds are the same code on both stores. SQLite runs every file."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import date
from pathlib import Path

import pytest

from qlahs.engine import Engine
from qlahs.kernel.dates import day_of
from qlahs.kernel.errors import CommandRejected
from qlahs.projections.queries import quarantined
from qlahs.scenario import format as scenario_format
from qlahs.scenario.runner import units_of
from qlahs.scenario.units import establish_units
from qlahs.store import locate
from test_incremental import read_models

SCENARIOS = sorted(Path(__file__).parent.joinpath("scenarios").rglob("*.scenario.yaml"))
POSTGRES_SAMPLE = 5  # every fifth file
COMPARED_EVERY = 5  # accepted steps between two comparisons with a rebuild on the way


def _cases() -> list[object]:
    cases: list[object] = []
    for index, path in enumerate(SCENARIOS):
        name = str(path.relative_to(path.parents[1]))
        cases.append(pytest.param("sqlite", path, id=f"sqlite-{name}"))
        if index % POSTGRES_SAMPLE == 0:
            cases.append(
                pytest.param(
                    "postgresql", path, id=f"postgresql-{name}", marks=pytest.mark.postgres
                )
            )
    return cases


def _set_aside(engine: Engine) -> list[dict[str, object]]:
    with engine.sql.connect() as connection:
        return quarantined(connection)


def _rebuilt(store_url: str, unit: str | None) -> dict[str, list[str]]:
    """The read models a clean rebuild of a copy of the SQLite store makes: the store itself
    goes on resuming from the states its own catch-ups kept."""
    path = Path(store_url.removeprefix("sqlite:///"))
    copy = path.with_name("rebuilt.db")
    copy.unlink(missing_ok=True)
    with closing(sqlite3.connect(path)) as source, closing(sqlite3.connect(copy)) as target:
        source.backup(target)
    with Engine.open(
        f"sqlite:///{copy}", default_unit=unit or "VKS", default_actor="kịch bản"
    ) as rebuilt:
        rebuilt.replay()
        return read_models(rebuilt)


@pytest.mark.parametrize(("store_url", "path"), _cases(), indirect=["store_url"])
def test_a_scenario_projected_act_by_act_equals_a_clean_rebuild(store_url: str, path: Path) -> None:
    scenario = scenario_format.read(path)
    with Engine.open(
        store_url, default_unit=scenario.unit or "VKS", default_actor="kịch bản"
    ) as engine:
        location = locate(store_url)
        first: date = min(day_of(step.on) for step in scenario.steps)
        establish_units(engine, units_of(scenario), first)
        engine.catch_up()
        accepted = 0
        for index, step in enumerate(scenario.steps):
            try:
                engine.execute(step.as_command())
            except CommandRejected:
                continue
            accepted += 1
            engine.catch_up()
            if accepted % 2:
                engine.projector.forget()
            assert _set_aside(engine) == [], f"bước {index} ({step.do} {step.ref})"
            if not location.is_postgres and accepted % COMPARED_EVERY == 0:
                assert read_models(engine) == _rebuilt(store_url, scenario.unit), f"bước {index}"
        engine.catch_up()
        incremental = read_models(engine)
        engine.replay()
        assert _set_aside(engine) == []
        rebuilt = read_models(engine)
    differing = [name for name in rebuilt if rebuilt[name] != incremental.get(name)]
    assert incremental == rebuilt, f"bảng khác nhau: {differing}"
