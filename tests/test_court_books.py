"""The civil and administrative books (Sổ 41–43, 51–53) list the right matters under their
headings, open in Excel with dates as dates, and `qlahs civil show` prints one matter."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from rich.console import Console
from typer.testing import CliRunner

from qlahs.cli import app
from qlahs.cli import cases as cases_cli
from qlahs.cli import court as court_cli
from qlahs.demo.court_plan import court_commands
from qlahs.engine import Engine
from qlahs.exports.books import write_book_xlsx
from qlahs.kernel.bounds import FIRST_ACT_DAY
from qlahs.kernel.schema import metadata
from qlahs.projections.books import book
from qlahs.scenario.units import establish_units
from stats_fakes import FakeEngine
from test_stats_court import KNOWN

UNIT = "VKS-T"
COURT_BOOKS = ("41", "42", "43", "51", "52", "53")


def rows_of(engine: Engine, number: str, year: int = 2025) -> list[dict[str, Any]]:
    with engine.sql.connect() as connection:
        return book(number).rows(connection, UNIT, year)


def record(engine: Engine) -> None:
    for timeline in KNOWN:
        for step in timeline:
            engine.execute(step | {"on": step["on"].isoformat()})
    engine.catch_up()


@pytest.fixture
def matters(engine: Engine) -> Engine:
    record(engine)
    return engine


def test_every_court_book_is_defined_on_columns_of_its_table() -> None:
    for number in COURT_BOOKS:
        definition = book(number)
        table = metadata.tables[definition.table]
        named = [definition.date_column, *definition.only, *definition.order]
        assert all(key in table.c for key in named), number
        shown = {c.key for c in definition.columns} - {"stt", "notes"}
        assert shown <= set(table.c.keys()), number
        assert definition.confidence == "M" and str(definition.citation)
        assert definition.columns[0].key == "stt" and definition.short_keys


def test_the_intake_book_lists_every_accepted_matter_in_the_order_of_acceptance(
    matters: Engine,
) -> None:
    rows = rows_of(matters, "41")
    assert [(r["stt"], r["ref"], r["accepted_on"]) for r in rows] == [
        (1, "DS1", date(2025, 1, 6)),
        (2, "DS2", date(2025, 2, 3)),
        (3, "DS3", date(2025, 4, 1)),
    ]
    assert [r["kind_name"] for r in rows] == [
        "Vụ án dân sự",
        "Vụ án dân sự, hôn nhân và gia đình",
        "Vụ án dân sự, lao động",
    ]
    assert rows[1]["notified_on"] == date(2025, 2, 17)
    assert rows[2]["suspended_on"] == date(2025, 5, 5)
    assert [r["ref"] for r in rows_of(matters, "51")] == ["HC1"]


def test_the_judgment_and_appeal_books_hold_the_judged_and_the_challenged(
    matters: Engine,
) -> None:
    [judged] = rows_of(matters, "42")
    assert (judged["ref"], judged["decided_on"], judged["decision"]) == (
        "DS1",
        date(2025, 3, 20),
        "Bản án sơ thẩm",
    )
    assert judged["attended"] is True and judged["judgment_received_on"] == date(2025, 3, 24)
    [challenged] = rows_of(matters, "43")
    assert challenged["challenged_on"] == date(2025, 3, 28)
    assert challenged["appeals"] == "28/03/2025: kháng cáo bản án"
    assert challenged["protests"] == "01/04/2025: Viện kiểm sát cùng cấp kháng nghị bản án"
    assert challenged["appeal_judged_on"] == date(2025, 6, 16)
    [admin] = rows_of(matters, "53")
    assert admin["protests"] == "20/04/2025: Viện kiểm sát cấp trên trực tiếp kháng nghị bản án"


def test_the_intake_book_in_excel_keeps_dates_as_dates(matters: Engine, tmp_path: Path) -> None:
    definition = book("41")
    rows = rows_of(matters, "41")
    path = write_book_xlsx(definition, rows, UNIT, 2025, tmp_path / "so-41.xlsx")
    sheet = load_workbook(path).active
    assert sheet is not None
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    heading = next(
        i for i, row in enumerate(values) if row[:3] == ["STT", "Ngày Tòa án thụ lý", "Số thụ lý"]
    )
    first = values[heading + 1]
    assert first[:3] == [1, datetime(2025, 1, 6), "DS1"]


def test_civil_show_prints_the_matter_its_acts_deadlines_and_violations(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = f"sqlite:///{tmp_path}/qlahs.db"
    with Engine.open(url, default_unit=UNIT) as engine:
        establish_units(engine, [UNIT], FIRST_ACT_DAY)  # the tests' own unit, not listed
        record(engine)
    wide = Console(width=400)
    monkeypatch.setattr(court_cli, "console", wide)
    monkeypatch.setattr(cases_cli, "console", wide)
    result = CliRunner().invoke(app, ["civil", "show", "DS2", "--as-of", "30/06/2025", "--db", url])
    out = result.output
    assert result.exit_code == 0, out
    assert "Vụ việc dân sự DS2 tại ngày 30/06/2025" in out
    assert "Vụ án dân sự, hôn nhân và gia đình" in out and "Đã có hiệu lực pháp luật" in out
    assert "Diễn biến (4 hành vi tố tụng)" in out and "thông báo thụ lý" in out
    assert "Tòa án thông báo thụ lý cho Viện kiểm sát cùng cấp" in out
    assert "Vi phạm tại ngày 30/06/2025 (1)" in out
    earlier = CliRunner().invoke(
        app, ["civil", "show", "DS2", "--as-of", "01/01/2025", "--db", url]
    )
    assert earlier.exit_code == 1 and "sau ngày xét 01/01/2025" in earlier.output
    missing = CliRunner().invoke(app, ["admin", "show", "HC9", "--db", url])
    assert missing.exit_code == 1 and "Không tìm thấy vụ án hành chính HC9" in missing.output


def test_the_demo_year_of_court_matters_is_lawful_and_has_what_people_look_for() -> None:
    steps = court_commands(120, 30, date(2026, 11, 30), 7, UNIT)
    fake = FakeEngine(UNIT)
    assert [s for s in steps if not fake.execute(s)] == []  # every act the machine allows
    done = {s["do"] for s in steps}
    wanted = {"suspend", "dismiss", "appeal", "protest", "appeal_judge", "decide_petition"}
    assert {f"civil.{verb}" for verb in wanted} <= done
    assert {"admin.judge", "admin.appeal"} <= done
    late = [
        v
        for (kind, ref) in fake.subjects
        for v in fake.judge(kind, ref, date(2026, 11, 30)).violations
    ]
    assert {v.rule for v in late} >= {"civil.notify_procuracy", "civil.trial_prepare"}
    assert len({s["ref"] for s in steps}) == 150
