"""The projection split into parts (projections/parts.py, engine/workers.py): each part
projects only its own subjects, at its own position, and whatever order the parts catch up in,
the read models end as one unsplit rebuild makes them; a query still sees every command before
it; the hash chain stays whole; `qlahs project` runs the parts as processes."""

from __future__ import annotations

import multiprocessing
import threading
import time
from datetime import date
from pathlib import Path

import pytest
import sqlalchemy as sa
from typer.testing import CliRunner

from qlahs.cli.main import app
from qlahs.engine import Engine
from qlahs.engine.workers import project
from qlahs.kernel.dates import day_of
from qlahs.kernel.errors import CommandRejected, QlahsError
from qlahs.oversight.ledger import verify
from qlahs.projections import parts
from qlahs.projections import tables as t
from qlahs.projections.queries import quarantined
from qlahs.scenario import format as scenario_format
from qlahs.scenario.runner import units_of
from qlahs.scenario.units import establish_units
from qlahs.store import locate
from test_incremental import read_models

SCENARIOS = Path(__file__).parent / "scenarios"
PARTS = 3
runner = CliRunner()


def _stories() -> list[Path]:
    """The first two stories of each module whose records are not named in an earlier one, so
    that all of them fit in one store: reports, cases, numbers, civil matters, enforcement…"""
    chosen, used = [], set()
    for folder in sorted(p for p in SCENARIOS.iterdir() if p.is_dir()):
        for path in sorted(folder.glob("*.scenario.yaml")):
            scenario = scenario_format.read(path)
            refs = {(scenario.unit, step.ref) for step in scenario.steps}
            if len(scenario.steps) >= 5 and not refs & used:
                chosen.append(path)
                used |= refs
                if sum(1 for p in chosen if p.parent == folder) == 2:
                    break
    return chosen


STORIES = _stories()


def _play(
    store_url: str, path: Path, rotate: list[int], only: int | None = None, catch: bool = True
) -> int:
    """Record the scenario's steps, catching up one part after each (in turn, or always
    `only`), sometimes all, in an engine of its own, as another process would; or, without
    `catch`, leaving the projection to others."""
    scenario = scenario_format.read(path)
    first: date = min(day_of(step.on) for step in scenario.steps)
    accepted = 0
    with Engine.open(
        store_url, default_unit=scenario.unit or "VKS", default_actor="kịch bản"
    ) as engine:
        establish_units(engine, units_of(scenario), first)
        for step in scenario.steps:
            try:
                engine.execute(step.as_command())
            except CommandRejected:
                continue
            accepted += 1
            rotate[0] += 1
            if not catch:
                continue
            if only is not None:
                engine.projector.catch_up(part=only)
            elif rotate[0] % 4 == 0:
                engine.projector.forget()
                engine.catch_up()
            else:
                engine.projector.catch_up(part=rotate[0] % PARTS)
    return accepted


def test_parts_caught_up_in_any_order_equal_one_unsplit_rebuild(store_url: str) -> None:
    assert len({path.parent for path in STORIES}) >= 4  # several modules, not one
    with Engine.open(store_url, default_unit="VKS", default_actor="kịch bản") as engine:
        engine.projector.split_into(PARTS)
        rotate = [0]
        accepted = sum(_play(store_url, path, rotate) for path in STORIES)
        assert accepted > 40
        engine.catch_up()
        with engine.sql.connect() as connection:
            assert parts.count(connection) == PARTS
            assert set(parts.positions(connection)) == set(range(PARTS))
            assert quarantined(connection) == []
        split = read_models(engine)
        engine.projector.split_into(1)
        engine.replay()
        with engine.sql.connect() as connection:
            assert parts.count(connection) == 1
        whole = read_models(engine)
        assert verify(engine).intact
    differing = [name for name in whole if whole[name] != split.get(name)]
    assert split == whole, f"bảng khác nhau: {differing}"


def test_a_part_projects_only_its_own_subjects_and_a_query_sees_every_command(
    store_url: str,
) -> None:
    with Engine.open(store_url, default_unit="VKS", default_actor="kịch bản") as engine:
        engine.projector.split_into(2)
        for path in STORIES[:6]:
            _play(store_url, path, [0], only=1)
        last = engine.log.recorder.max_notification_id() or 0
        with engine.sql.connect() as connection:
            assert parts.positions(connection) == {0: 0, 1: last}
            projected = connection.execute(sa.select(t.subjects.c.subject_id)).scalars().all()
        assert projected, "phần 1 không dựng hồ sơ nào"
        assert {parts.part_of(subject, 2) for subject in projected} == {1}
        assert engine.projector.lowest() == 0
        # A question catches every part up before it reads, as with one projection.
        page = engine.deadline_page(date(2026, 1, 1), limit=1000)
        assert engine.projector.lowest() == last
        assert page.total == len(page.items)
        with engine.sql.connect() as connection:
            now = connection.execute(sa.select(t.subjects.c.subject_id)).scalars().all()
        assert {parts.part_of(subject, 2) for subject in now} == {0, 1}


def test_splitting_again_waits_for_every_part_and_refuses_nonsense(store_url: str) -> None:
    with Engine.open(store_url, default_unit="VKS", default_actor="kịch bản") as engine:
        engine.projector.split_into(3)
        _play(store_url, STORIES[1], [2])
        engine.projector.split_into(2)  # parts at different positions: all caught up first
        last = engine.log.recorder.max_notification_id() or 0
        with engine.sql.connect() as connection:
            assert parts.positions(connection) == {0: last, 1: last}
        for wrong in (0, parts.MOST_PARTS + 1):
            with pytest.raises(QlahsError, match="Số phần của bảng đọc phải từ 1 đến 64"):
                engine.projector.split_into(wrong)


def test_project_command_refuses_several_workers_on_sqlite(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path}/qlahs.db"
    with Engine.open(db, default_unit="VKS", default_actor="kịch bản"):
        _play(db, STORIES[0], [0])
    result = runner.invoke(app, ["project", "--workers", "2", "--db", db])
    assert result.exit_code == 2
    assert "chỉ dùng được với PostgreSQL" in result.output
    result = runner.invoke(app, ["project", "--workers", "1", "--rebuild", "--db", db])
    assert result.exit_code == 0, result.output
    assert "bằng 1 tiến trình" in result.output


@pytest.mark.postgres
def test_workers_rebuild_a_postgres_store_as_one_process_does(pg_schema_url: str) -> None:
    with Engine.open(pg_schema_url, default_unit="VKS", default_actor="kịch bản") as engine:
        for path in STORIES[:4]:
            _play(pg_schema_url, path, [0])
        engine.catch_up()
        alone = read_models(engine)
        last = engine.log.recorder.max_notification_id() or 0
    done = project(pg_schema_url, 3, rebuild=True)
    assert (done.workers, done.events) == (3, last)
    with Engine.open(pg_schema_url, default_unit="VKS", default_actor="kịch bản") as engine:
        assert locate(pg_schema_url).is_postgres
        with engine.sql.connect() as connection:
            assert parts.positions(connection) == {0: last, 1: last, 2: last}
        assert read_models(engine) == alone
        assert verify(engine).intact
    result = runner.invoke(app, ["project", "--workers", "2", "--db", pg_schema_url])
    assert result.exit_code == 0, result.output
    assert "bằng 2 tiến trình" in result.output


@pytest.mark.postgres
def test_following_workers_project_what_is_recorded_after_they_start(pg_schema_url: str) -> None:
    context = multiprocessing.get_context("spawn")
    stop = context.Event()
    with Engine.open(pg_schema_url, default_unit="VKS", default_actor="kịch bản") as engine:
        establish_units(engine, ["VKS"], date(2025, 1, 2))
    follower = threading.Thread(
        target=project, args=(pg_schema_url, 2), kwargs={"follow": True, "stop": stop}
    )
    follower.start()
    try:
        played = _play(pg_schema_url, STORIES[0], [0], catch=False)
        assert played > 0
        with Engine.open(pg_schema_url, default_unit="VKS") as engine:
            last = engine.log.recorder.max_notification_id() or 0
            waited = 0.0
            while engine.projector.lowest() < last and waited < 60:
                time.sleep(0.2)
                waited += 0.2
            assert engine.projector.lowest() == last
    finally:
        stop.set()
        follower.join(60)
    assert not follower.is_alive()
