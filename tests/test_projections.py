"""Read models: exactly once, rebuildable to the same tables, books that open in Excel."""

from __future__ import annotations

import contextlib
import threading
from datetime import date
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from openpyxl import load_workbook

from qlahs.demo.run import UNIT, commands
from qlahs.engine import Engine
from qlahs.exports.books import write_book_xlsx
from qlahs.kernel.errors import CommandRejected
from qlahs.law.calendar import Calendar
from qlahs.projections.books import book

UNTIL = date(2026, 6, 30)


def load_demo(engine: Engine, reports: int = 120) -> None:
    for step in commands(reports, UNTIL, seed=3, calendar=Calendar.default()):
        with contextlib.suppress(CommandRejected):  # a refused step must not stop the load
            engine.execute(step)


def snapshot(engine: Engine) -> dict[str, list[tuple[Any, ...]]]:
    """Every read-model row, without surrogate ids, in a stable order."""
    result = {}
    with engine.sql.connect() as connection:
        for table in engine.projector.tables:
            columns = [c for c in table.columns if c.name != "id"]
            rows = connection.execute(sa.select(*columns)).all()
            result[table.name] = sorted(tuple(str(v) for v in row) for row in rows)
    return result


def test_replay_rebuilds_the_same_tables_from_nothing(engine: Engine) -> None:
    load_demo(engine)
    engine.catch_up()
    before = snapshot(engine)
    assert len(before["qlahs_report_book"]) == 120
    ticks: list[tuple[int, int]] = []
    engine.replay(lambda done, total: ticks.append((done, total)))
    assert snapshot(engine) == before
    assert ticks and ticks[-1][0] == ticks[-1][1]


def test_catching_up_twice_applies_each_event_once(engine: Engine) -> None:
    load_demo(engine, 30)
    first = engine.catch_up()
    assert first > 0
    assert engine.catch_up() == 0
    assert engine.projector.position() == engine.log.recorder.max_notification_id()


def test_two_engines_catching_up_at_once_give_the_same_tables_as_one(store_url: str) -> None:
    with Engine.open(store_url) as writer:
        load_demo(writer, 60)
    engines = [Engine.open(store_url) for _ in range(2)]
    threads = [threading.Thread(target=e.catch_up) for e in engines]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    together = snapshot(engines[0])
    engines[0].replay()
    assert snapshot(engines[0]) == together
    for e in engines:
        e.close()


def test_book_04_lists_the_units_reports_of_the_year_in_intake_order(engine: Engine) -> None:
    load_demo(engine)
    engine.catch_up()
    definition = book("04")
    with engine.sql.connect() as connection:
        rows = definition.rows(connection, UNIT, 2026)
    days = [row["vks_intake_on"] for row in rows]
    assert rows and days == sorted(days)
    assert all(d.year == 2026 for d in days)
    assert [row["stt"] for row in rows] == list(range(1, len(rows) + 1))


def test_book_03_holds_only_reports_the_procuracy_received_itself(engine: Engine) -> None:
    load_demo(engine)
    engine.catch_up()
    with engine.sql.connect() as connection:
        rows = book("03").rows(connection, UNIT, 2026)
    assert rows and {row["received_by"] for row in rows} == {"VKS"}


def test_the_book_as_excel_has_the_headings_and_one_row_per_report(
    engine: Engine, tmp_path: Path
) -> None:
    load_demo(engine)
    engine.catch_up()
    definition = book("04")
    with engine.sql.connect() as connection:
        rows = definition.rows(connection, UNIT, 2026)
    path = write_book_xlsx(definition, rows, UNIT, 2026, tmp_path / "so-04.xlsx")
    sheet = load_workbook(path).active
    assert sheet is not None
    assert [c.value for c in sheet[3]] == definition.headings
    assert sheet.max_row == 3 + len(rows)
    assert sheet.cell(row=4, column=1).value == 1  # a number, not text
