"""The criminal books (Sổ 06–23): each lists the right rows in order under its headings,
opens in Excel, and comes back the same from a replay."""

from __future__ import annotations

import contextlib
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from openpyxl import load_workbook

from case_story import UNIT, record
from qlahs.demo.cases import with_cases
from qlahs.demo.run import commands
from qlahs.engine import Engine
from qlahs.exports.books import write_book_xlsx
from qlahs.kernel.errors import CommandRejected
from qlahs.law.calendar import Calendar
from qlahs.projections.books import book, books
from qlahs.stages.case.books import CASE_TABLES

CASE_BOOKS = ("06", "07", "08", "09", "10", "12", "14", "15", "21", "22", "23")


def rows_of(
    engine: Engine, number: str, year: int = 2025, unit: str = UNIT
) -> list[dict[str, Any]]:
    with engine.sql.connect() as connection:
        return book(number).rows(connection, unit, year)


def column(rows: list[dict[str, Any]], key: str) -> list[Any]:
    return [row[key] for row in rows]


@pytest.fixture
def cases(engine: Engine) -> Engine:
    record(engine)
    return engine


def test_every_criminal_book_is_defined_on_columns_of_its_table() -> None:
    for number in CASE_BOOKS:
        definition = book(number)
        table = {t.name: t for t in CASE_TABLES}[definition.table]
        named = [definition.date_column, *definition.only, *definition.order]
        assert all(key in table.c for key in named), number
        assert definition.confidence == "C" and str(definition.citation)
        assert definition.columns[0].key == "stt" and definition.short_keys


def test_book_06_registers_every_custody_order_in_the_order_it_took_effect(cases: Engine) -> None:
    rows = rows_of(cases, "06")
    assert column(rows, "title") == [
        "Lệnh bắt, giữ người trong trường hợp khẩn cấp",
        "QĐ tạm giữ",
        "QĐ gia hạn tạm giữ",
        "QĐ phê chuẩn gia hạn tạm giữ",
        "Lệnh tạm giam",
        "QĐ gia hạn tạm giam",
        "Lệnh tạm giam",
        "Lệnh tạm giam",
        "Lệnh tạm giam",
    ]
    assert rows[0]["at"] == "09:00 10/03/2025" and rows[0]["name"] == "Nguyễn Văn An (BC1)"
    assert rows[6]["content"] == "trong giai đoạn truy tố, 30 ngày"
    assert column(rows, "stt") == list(range(1, 10))


def test_book_07_has_one_row_per_case_in_the_order_they_were_opened(cases: Engine) -> None:
    rows = rows_of(cases, "07")
    assert column(rows, "ref") == ["VA2", "VA1"]
    va1 = rows[1]
    assert va1["persons"] == "Nguyễn Văn An (BC1); Trần Thị Bình (BC2)"
    assert va1["charges"] == "Tội trộm cắp tài sản (BLHS 173 k1)"
    assert va1["extensions"] == "05/05/2025 lần 1: 01 tháng"
    assert "01/04/2025 tạm đình chỉ điều tra Trần Thị Bình (BC2)" in va1["suspensions"]
    assert va1["conclusion"] == "20/05/2025 đề nghị truy tố; 20/06/2025 đề nghị truy tố"
    assert va1["measures"].startswith(
        "Nguyễn Văn An (BC1): bắt, giữ khẩn cấp 09:00 10/03/2025, tạm giữ 10:00 10/03/2025"
    )


def test_books_08_09_10_follow_suspensions_dismissals_and_returns(cases: Engine) -> None:
    suspended = rows_of(cases, "08")
    assert [(r["ref"], r["name"], r["end"]) for r in suspended] == [
        ("VA2", "Toàn bộ vụ án", "Phục hồi 05/04/2025"),
        ("VA1", "Trần Thị Bình (BC2)", "Phục hồi 20/04/2025"),
    ]
    assert suspended[0]["authority"] == "Cơ quan điều tra"
    assert suspended[0]["content"] == "bị can bị bệnh hiểm nghèo"
    (dismissed,) = rows_of(cases, "09")
    assert (dismissed["ref"], dismissed["on"]) == ("VA2", date(2025, 5, 2))
    assert (dismissed["authority"], dismissed["phase"]) == ("Viện kiểm sát", "Truy tố")
    (returned,) = rows_of(cases, "10")
    assert returned["authority"] == "Viện kiểm sát" and returned["content"] == "Lần 1"
    assert returned["end"] == (
        "Kết luận điều tra bổ sung 20/06/2025; Viện kiểm sát nhận lại hồ sơ 21/06/2025"
    )
    assert returned["ended_on"] == date(2025, 6, 21)


def test_book_12_lists_the_prosecution_stage_decisions(cases: Engine) -> None:
    rows = rows_of(cases, "12")
    assert [(r["ref"], r["at"], r["title"]) for r in rows] == [
        ("VA2", "22/04/2025", "Nhận hồ sơ vụ án và bản kết luận điều tra"),
        ("VA2", "02/05/2025", "QĐ đình chỉ vụ án"),
        ("VA1", "22/05/2025", "Nhận hồ sơ vụ án và bản kết luận điều tra"),
        ("VA1", "22/05/2025", "Lệnh tạm giam"),
        ("VA1", "30/05/2025", "QĐ trả hồ sơ để điều tra bổ sung"),
        ("VA1", "21/06/2025", "Nhận hồ sơ vụ án và bản kết luận điều tra"),
        ("VA1", "25/06/2025", "Cáo trạng"),
        ("VA1", "26/06/2025", "Chuyển hồ sơ và cáo trạng đến Tòa án"),
    ]


def test_books_14_15_23_follow_the_trial_the_appeal_and_enforcement(cases: Engine) -> None:
    (trial,) = rows_of(cases, "14")
    assert (trial["ref"], trial["court_accepted_on"]) == ("VA1", date(2025, 6, 30))
    assert trial["defendants"] == "Nguyễn Văn An (BC1); Trần Thị Bình (BC2)"
    assert "Nguyễn Văn An (BC1): 02 năm tù" in trial["judgment"]
    (appeal,) = rows_of(cases, "15")
    assert (appeal["appeal_on"], appeal["appeal_accepted_on"]) == (
        date(2025, 7, 25),
        date(2025, 8, 10),
    )
    assert appeal["appeal_judgment"] == "10/09/2025 Giữ nguyên bản án sơ thẩm"
    enforced = rows_of(cases, "23")
    assert [(r["name"], r["sentence"], r["enforcement_decided_on"]) for r in enforced] == [
        ("Nguyễn Văn An", "02 năm tù", date(2025, 9, 15)),
        ("Trần Thị Bình", "01 năm tù cho hưởng án treo", None),
    ]
    assert column(enforced, "enforcement") == [
        "Đã có quyết định thi hành án",
        "Chờ quyết định thi hành án",
    ]


def test_books_21_22_follow_each_hold_and_detention_order_to_its_end(cases: Engine) -> None:
    (hold,) = rows_of(cases, "21")
    assert hold["at"] == "10:00 10/03/2025"
    assert hold["content"] == "Bắt, giữ khẩn cấp 09:00 10/03/2025"
    assert hold["extensions"] == "Lần 1: 09:00 12/03/2025, 03 ngày"
    assert hold["approvals"] == "Phê chuẩn 15:00 12/03/2025"
    assert hold["end"] == "Chuyển tạm giam 14/03/2025"
    detentions = rows_of(cases, "22")
    assert column(detentions, "on") == [
        date(2025, 3, 14),
        date(2025, 5, 22),
        date(2025, 6, 30),
        date(2025, 7, 20),
    ]
    assert detentions[0]["extensions"] == "Lần 1: 05/05/2025, 01 tháng"
    assert detentions[0]["end"] == "Lệnh tạm giam mới trong giai đoạn truy tố 22/05/2025"
    assert detentions[-1]["end"] == ""


def test_a_book_holds_only_its_units_entries_of_its_year(cases: Engine) -> None:
    for number in CASE_BOOKS:
        assert rows_of(cases, number)
        assert rows_of(cases, number, year=2024) == []
        assert rows_of(cases, number, unit="VKS-KHAC") == []


def test_every_criminal_book_opens_in_excel_with_its_headings(
    cases: Engine, tmp_path: Path
) -> None:
    for number in CASE_BOOKS:
        definition = book(number)
        rows = rows_of(cases, number)
        path = write_book_xlsx(definition, rows, UNIT, 2025, tmp_path / f"so-{number}.xlsx")
        sheet = load_workbook(path).active
        assert sheet is not None
        assert sheet.title == f"Sổ {number}"
        assert [c.value for c in sheet[3]] == definition.headings
        assert sheet.max_row == 3 + len(rows)
        assert sheet.cell(row=4, column=1).value == 1  # a number, not text


def _snapshot(engine: Engine) -> dict[str, list[tuple[str, ...]]]:
    result = {}
    with engine.sql.connect() as connection:
        for table in CASE_TABLES:
            columns = [c for c in table.columns if c.name != "id"]
            rows = connection.execute(sa.select(*columns)).all()
            result[table.name] = sorted(tuple(str(v) for v in row) for row in rows)
    return result


def test_replay_gives_the_same_book_tables(cases: Engine) -> None:
    before = _snapshot(cases)
    assert len(before["qlahs_case_decisions"]) == len(cases.history("case", "VA1")) + len(
        cases.history("case", "VA2")
    )
    cases.replay()
    assert _snapshot(cases) == before


def test_the_demo_cases_fill_the_books_and_replay_to_the_same_tables(engine: Engine) -> None:
    until = date(2026, 6, 30)
    calendar = Calendar.default()
    for step in with_cases(commands(150, until, seed=3, calendar=calendar), until, 3, calendar):
        with contextlib.suppress(CommandRejected):  # a refused step must not stop the load
            engine.execute(step)
    engine.catch_up()
    before = _snapshot(engine)
    assert len(before["qlahs_case_book"]) > 20
    assert len(before["qlahs_case_entries"]) > 20
    engine.replay()
    assert _snapshot(engine) == before


def test_the_book_catalogue_keeps_03_and_04() -> None:
    assert {"03", "04", *CASE_BOOKS} <= set(books())
    assert book("4").table == "qlahs_report_book" and book("04").order == []
