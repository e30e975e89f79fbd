"""`qlahs export` and `qlahs import`: a store moved SQLite → PostgreSQL → SQLite gives the
same read models, and each copy's own hash chain verifies."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from qlahs.demo.cases import with_cases
from qlahs.demo.run import UNIT, commands
from qlahs.engine import Engine
from qlahs.kernel.errors import QlahsError
from qlahs.kernel.schema import metadata
from qlahs.law.calendar import Calendar
from qlahs.oversight.ledger import verify
from qlahs.oversight.transfer import export, import_events

UNTIL = date(2026, 6, 30)
# Columns that number rows as they were inserted: they say nothing about the content.
SURROGATES = {"id"}


def read_models(engine: Engine) -> dict[str, list[tuple[Any, ...]]]:
    engine.catch_up()
    tables: dict[str, list[tuple[Any, ...]]] = {}
    with engine.sql.connect() as connection:
        for table in metadata.sorted_tables:
            if not sa.inspect(connection).has_table(table.name, schema=table.schema):
                continue
            columns = [c for c in table.c if c.name not in SURROGATES]
            rows = connection.execute(sa.select(*columns)).all()
            tables[table.name] = sorted(tuple(map(repr, row)) for row in rows)
    return tables


@pytest.mark.postgres
def test_a_round_trip_through_postgresql_reproduces_every_read_model(
    tmp_path: Path, pg_schema_url: str
) -> None:
    calendar = Calendar.default()
    steps = with_cases(commands(60, UNTIL, seed=5, calendar=calendar), UNTIL, 5, calendar)
    with Engine.open(f"sqlite:///{tmp_path / 'a.db'}", default_unit=UNIT) as source:
        for step in steps:
            source.execute(step)
        before = read_models(source)
        first = io.StringIO()
        written = export(source, first)
    assert written > len(steps) // 2

    with Engine.open(pg_schema_url) as middle:
        assert import_events(middle, first.getvalue().splitlines()) == written
        assert read_models(middle) == before
        assert verify(middle).intact
        second = io.StringIO()
        export(middle, second)
    assert second.getvalue() == first.getvalue()  # the same events, the same order

    with Engine.open(f"sqlite:///{tmp_path / 'b.db'}") as back:
        import_events(back, second.getvalue().splitlines())
        assert read_models(back) == before
        assert verify(back).intact


def test_import_refuses_a_store_that_is_not_empty_and_a_bad_file(engine: Engine) -> None:
    engine.execute(
        {
            "do": "report.receive",
            "ref": "TB1",
            "on": "2025-03-03",
            "with": {"source": "tin_bao", "received_by": "CQDT"},
        }
    )
    lines = io.StringIO()
    export(engine, lines)
    with pytest.raises(QlahsError, match="Kho đích đã có sự kiện"):
        import_events(engine, lines.getvalue().splitlines())


@pytest.mark.parametrize(
    ("lines", "says"),
    [
        ([], "Tệp nhập trống."),
        (["{}"], "Dòng 1 không phải đầu tệp xuất của qlahs"),
        (['{"format": "qlahs-events-1"}', "không phải json"], "Dòng 2 không phải JSON"),
        (['{"format": "qlahs-events-1"}', "[1]"], "Dòng 2 phải là một đối tượng JSON."),
        (['{"format": "qlahs-events-1"}', '{"topic": "x"}'], "Dòng 2 thiếu hoặc sai trường"),
    ],
)
def test_a_file_that_does_not_read_imports_nothing(
    store_url: str, lines: list[str], says: str
) -> None:
    with Engine.open(store_url) as engine:  # empty, as an import needs
        with pytest.raises(QlahsError, match=says):
            import_events(engine, lines)
        assert not engine.log.recorder.max_notification_id()
