"""`qlahs generate`: the same seed gives the same store, another seed another; memory held does
not grow with the years; the lists, books and the audit chain answer on the generated store."""

from __future__ import annotations

import uuid
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from conftest import drop_schema, postgres_url
from qlahs.cli import app
from qlahs.engine import Engine
from qlahs.generate.run import Generated, generate
from qlahs.generate.stories import STORIES, Desk, stories
from qlahs.generate.units import PROVINCES, missing, nation, plan
from qlahs.projections.books import book
from qlahs.projections.number_queries import register_rows

runner = CliRunner()
UNTIL = date(2026, 11, 27)
SMALL = 0.15
CODES = ("VKSQN", "VKSKV1", "VKSKV7")  # of a real unit's volume: a test stays small


def _generate(url: str, *, seed: int, years: int = 1) -> tuple[Generated, list[Any]]:
    with Engine.open(url) as engine:
        done = generate(engine, "unit", years=years, seed=seed, until=UNTIL, fraction=SMALL)
        with engine.sql.connect() as connection:
            rows = book("04").rows(connection, "VKSKV7", UNTIL.year)
            rows += book("07").rows(connection, "VKSKV7", UNTIL.year)
            rows += register_rows(connection, "VKSKV7", "QD-HS", UNTIL.year)
    return done, rows


def test_the_same_seed_gives_the_same_store_and_another_seed_another(tmp_path: Path) -> None:
    first, first_rows = _generate(f"sqlite:///{tmp_path}/a.db", seed=3)
    again, again_rows = _generate(f"sqlite:///{tmp_path}/b.db", seed=3)
    other, other_rows = _generate(f"sqlite:///{tmp_path}/c.db", seed=4)
    assert first.counters.events > 300
    assert first.counters.events == again.counters.events
    assert first.counters.commands == again.counters.commands
    assert first_rows == again_rows
    assert other_rows != first_rows
    assert other.counters.events != first.counters.events
    # some acts come after acts of their record with a later legal date, and are kept
    with Engine.open(f"sqlite:///{tmp_path}/a.db") as engine:
        assert _back_dated(engine) > 0
    assert first.counters.refused == 0


def test_what_the_generator_holds_does_not_grow_with_the_years(tmp_path: Path) -> None:
    # Only the stories still open are held (a case's lasts up to about a year), never what
    # was recorded: whatever the years, a fraction of one year's commands.
    for years in (1, 4):
        done, _ = _generate(f"sqlite:///{tmp_path}/{years}.db", seed=5, years=years)
        a_year = done.counters.commands / years
        assert done.counters.commands > 400 * years
        assert done.counters.peak_pending < 0.4 * a_year


def test_a_generated_store_answers_lists_books_and_the_audit_check(
    store_url: str, tmp_path: Path
) -> None:
    until = "27/11/2026"
    common = ["--db", store_url]
    small = ["--scale", "unit", "--fraction", str(SMALL), "--seed", "2", "--to", until]
    result = runner.invoke(app, ["generate", *small, *common])
    assert result.exit_code == 0, result.output
    assert "Sinh dữ liệu mẫu" in result.output and "Sự kiện trong kho" in result.output
    result = runner.invoke(app, ["deadlines", "--as-of", until, "--unit", "VKSKV7", *common])
    assert result.exit_code == 0, result.output
    result = runner.invoke(app, ["violations", "--as-of", until, *common])
    assert result.exit_code == 0 and "trên tổng" in result.output, result.output
    xlsx = tmp_path / "so-04.xlsx"
    book_04 = ["book", "04", "--unit", "VKSKV7", "--year", "2026", "--xlsx", str(xlsx)]
    result = runner.invoke(app, book_04 + common)
    assert result.exit_code == 0, result.output
    sheet = load_workbook(xlsx).active
    assert sheet is not None
    assert any("VKSKV7-TB-2026" in str(cell.value) for cell in sheet["C"] + sheet["D"])
    result = runner.invoke(app, ["audit", "verify", *common])
    assert result.exit_code == 0, result.output
    result = runner.invoke(app, ["generate", "--scale", "unit", "--to", until, *common])
    assert result.exit_code == 1 and "kho trống" in result.output


def test_a_wrong_scale_or_date_is_refused_in_vietnamese(tmp_path: Path) -> None:
    db = ["--db", f"sqlite:///{tmp_path}/x.db"]
    result = runner.invoke(app, ["generate", "--workers", "2", *db])
    assert result.exit_code == 1 and "PostgreSQL" in result.output
    result = runner.invoke(app, ["generate", "--scale", "world", *db])
    assert result.exit_code == 2 and "--scale" in result.output
    result = runner.invoke(app, ["generate", "--to", "31/02/2026", *db])
    assert result.exit_code == 2 and "dd/mm/yyyy" in result.output
    result = runner.invoke(app, ["generate", "--years", "3", "--to", "01/06/2020", *db])
    assert result.exit_code == 1 and "01/01/2018" in result.output


def test_the_nation_has_34_provinces_355_regional_units_and_the_big_cities_lead() -> None:
    units = nation()
    assert len([u for u in units if u.level == "tinh"]) == len(PROVINCES) == 34
    assert len([u for u in units if u.level == "khu_vuc"]) == 355
    assert sum(u.share for u in units) == pytest.approx(1.0)
    busiest = sorted(units, key=lambda u: -u.share)[:6]
    assert {u.code[:5] for u in busiest} <= {"VKSHC", "VKSHN"}
    # Quảng Ninh is in the unit tree already; the others are established in the store
    assert plan("province")[0].code == "VKSQN" and not missing(plan("province"))
    assert len(missing(plan("nation"))) == len(units) - 8


def test_a_stage_gets_its_data_by_registering_a_story(tmp_path: Path) -> None:
    called: list[date] = []

    def civil(desk: Desk, day: date) -> None:
        called.append(day)

    STORIES["civil"] = civil
    try:
        assert "civil" not in [name for name, _ in stories({"report", "case", "numbers"})]
        chosen = stories({"report", "civil"})
        assert [name for name, _ in chosen] == ["report", "civil"]
    finally:
        del STORIES["civil"]


@pytest.mark.postgres
def test_several_processes_generate_the_same_records_as_one() -> None:
    url = postgres_url()
    found = []
    for workers in (1, 2):
        schema = f"qlahs_t_{uuid.uuid4().hex[:12]}"
        scoped = f"{url}{'&' if '?' in url else '?'}schema={schema}"
        try:
            with Engine.open(scoped) as engine:
                done = generate(
                    engine, "province", years=1, seed=9, until=UNTIL, fraction=0.03,
                    workers=workers,
                )  # fmt: skip
                with engine.sql.connect() as connection:
                    rows = [book("04").rows(connection, code, UNTIL.year) for code in CODES]
                    rows.append(register_rows(connection, "VKSQN", "CV", UNTIL.year))
                    # the rows' own ids follow the order the processes wrote in
                    rows = [[_without_id(row) for row in found] for found in rows]
            found.append((done.counters.events, done.counters.units, rows))
        finally:
            drop_schema(url, schema)
    assert found[0] == found[1]
    assert found[0][1] == 8


def _without_id(row: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in row.items() if key != "id"}


def _back_dated(engine: Engine) -> int:
    """The acts whose legal date is before that of an act of their record recorded earlier."""
    latest: dict[Any, date] = {}
    found = 0
    for notification in engine.log.recorder.select_notifications(start=1, limit=100_000):
        event = engine.log.mapper.to_domain_event(notification)
        on = getattr(event, "on", None)
        if on is None:
            continue
        day = on.date() if hasattr(on, "date") else on
        seen = latest.get(event.originator_id)
        if seen is not None and day < seen:
            found += 1
        latest[event.originator_id] = max(day, seen or day)
    return found
