"""Review of a criminal judgment in effect: the limits are the ones the articles set, and Sổ 16
lists each cassation or reopening protest with what became of it, in the CLI and in Excel."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from typer.testing import CliRunner

from qlahs.cli.main import app
from qlahs.engine import Engine
from qlahs.exports.books import write_book_xlsx
from qlahs.law.quotes import quote_problems
from qlahs.projections.books import book
from qlahs.scenario.units import establish_units
from qlahs.stages.registry import registry
from qlahs.stats.compute import report_of
from qlahs.stats.indicators import catalogue
from qlahs.stats.periods import parse_period
from stats_fakes import recorded

UNIT = "VKS-HN-KV01"
ARTICLES = {
    "cassation.protest_against": (1, "years", "BLTTHS 2015 Điều 379 khoản 1"),
    "cassation.return_file": (30, "days", "BLTTHS 2015 Điều 380 khoản 2"),
    "cassation.hearing": (4, "months", "BLTTHS 2015 Điều 385"),
    "reopening.protest": (1, "years", "BLTTHS 2015 Điều 401 khoản 1"),
    "death_review.return_file": (1, "months", "BLTTHS 2015 Điều 367 khoản 1 điểm b"),
    "death_review.decide": (2, "months", "BLTTHS 2015 Điều 367 khoản 1 điểm c"),
    "death_review.clemency": (7, "days", "BLTTHS 2015 Điều 367 khoản 1 điểm d"),
}
# The crime's limitation period closes a reopening against the convicted person (BLHS Điều 27).
LIMITATION = {"INT": (5, "a"), "NT": (10, "b"), "RNT": (15, "c"), "DBNT": (20, "d")}


def test_the_review_limits_are_the_ones_the_articles_set() -> None:
    rulebook = registry().rulebook
    day = date(2026, 1, 1)
    assert [p for p in quote_problems(rulebook) if p.split(" ")[0] in ARTICLES] == []
    found = {
        name: (v.value, v.unit, v.article)
        for name in ARTICLES
        for v in [rulebook.value(name, "limit", day)]
    }
    assert found == ARTICLES
    for category, (years, point) in LIMITATION.items():
        value = rulebook.value("reopening.protest", f"limitation_{category}", day)
        assert (value.value, value.unit) == (years, "years")
        assert value.article == f"BLHS 2015 Điều 27 khoản 2 điểm {point}"


JUDGED = [
    ("2025-02-03", "case.open", {"crime": "BLHS 173 k2"}),
    ("2025-02-03", "case.charge", {"person": "BC1", "name": "Lê Văn C", "crime": "BLHS 173 k2"}),
    ("2025-02-04", "case.approve_charge", {"person": "BC1"}),
    ("2025-03-31", "case.conclude_investigation", {}),
    ("2025-04-01", "case.receive_file", {}),
    ("2025-04-10", "case.indict", {}),
    ("2025-04-14", "case.send_to_court", {}),
    ("2025-04-15", "case.court_accept", {}),
    ("2025-05-22", "case.bring_to_trial", {}),
    ("2025-06-02", "case.judge", {"outcome": "có tội", "sentences": {"BC1": "2 năm tù"}}),
]
REVIEWED = [
    ("2026-03-02", "case.cassation_protest", {"direction": "against", "by": "TA"}),
    ("2026-03-10", "case.review_accept", {}),
    ("2026-03-12", "case.receive_review_file", {}),
    ("2026-04-01", "case.return_file", {}),
    ("2026-06-15", "case.review_judge", {"outcome": "huy_xet_xu_lai"}),
    ("2026-07-01", "case.learn_new_fact", {"summary": "Kết luận giám định bị làm giả"}),
    ("2026-07-20", "case.reopening_protest", {"direction": "for", "person": "BC1"}),
]


def _story(engine: Engine, ref: str, steps: list[tuple[str, str, dict[str, Any]]]) -> None:
    for on, action, fields in steps:
        engine.execute({"on": on, "do": action, "ref": ref, "unit": UNIT, "with": fields})


def _rows(engine: Engine, year: int) -> list[dict[str, Any]]:
    engine.catch_up()
    with engine.sql.connect() as connection:
        return book("16").rows(connection, UNIT, year)


def test_book_16_lists_each_protest_with_the_courts_answer(engine: Engine) -> None:
    establish_units(engine, [UNIT], date(2018, 1, 1))
    _story(engine, "VA7", JUDGED + REVIEWED)
    _story(engine, "VA8", JUDGED)  # judged, never protested: not in the book
    rows = _rows(engine, 2026)
    assert [(r["ref"], r["procedure"]) for r in rows] == [
        ("VA7", "Giám đốc thẩm"),
        ("VA7", "Tái thẩm"),
    ]
    cassation, reopening = rows
    assert cassation["by"] == "Chánh án Tòa án"
    assert cassation["direction"] == "theo hướng không có lợi cho người bị kết án"
    assert cassation["persons"] == "Lê Văn C (BC1)"
    assert cassation["judgment"] == "Bản án sơ thẩm ngày 02/06/2025"
    assert cassation["accepted_on"] == date(2026, 3, 10)
    assert cassation["file"] == "Viện kiểm sát nhận hồ sơ 12/03/2026; gửi lại Tòa án 01/04/2026"
    assert cassation["judged_on"] == date(2026, 6, 15)
    assert cassation["outcome"] == "hủy bản án để xét xử lại (Điều 391)"
    assert reopening["new_fact"] == "01/07/2026: Kết luận giám định bị làm giả"
    assert reopening["accepted_on"] is None and reopening["outcome"] == ""
    assert _rows(engine, 2025) == []


def test_book_16_prints_in_the_cli_and_opens_in_excel(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/q.db"
    with Engine.open(url, default_unit=UNIT) as engine:
        establish_units(engine, [UNIT], date(2018, 1, 1))
        _story(engine, "VA7", JUDGED + REVIEWED)
        rows = _rows(engine, 2026)
    xlsx = tmp_path / "so-16.xlsx"
    command = ["book", "16", "--unit", UNIT, "--year", "2026", "--db", url, "--xlsx", str(xlsx)]
    result = CliRunner().invoke(app, command)
    assert result.exit_code == 0, result.output
    assert "Sổ kháng nghị giám đốc thẩm, tái thẩm" in result.output
    assert "Tái thẩm" in result.output
    sheet = load_workbook(xlsx).active
    assert sheet is not None and sheet.title == "Sổ 16"
    assert [c.value for c in sheet[3]] == book("16").headings
    assert sheet.max_row == 3 + len(rows) == 5
    again = write_book_xlsx(book("16"), rows, UNIT, 2026, tmp_path / "again.xlsx")
    assert load_workbook(again).active is not None


def test_the_statistics_count_protests_hearings_and_late_protests() -> None:
    def steps(ref: str, story: list[tuple[str, str, dict[str, Any]]]) -> list[dict[str, Any]]:
        return [
            {"on": date.fromisoformat(on), "do": do, "ref": ref, "with": fields}
            for on, do, fields in story
        ]

    # VA8's protest against the convicted person comes 8 days after the year (Điều 379 k1)
    late = [("2026-07-10", "case.cassation_protest", {"direction": "against"})]
    made = report_of(
        recorded([steps("VA7", JUDGED + REVIEWED), steps("VA8", JUDGED + late)]).snapshot(),
        "VKS-T",
        parse_period("y-2026"),
    )
    figures = {code: made.value(INDICATORS[code]) for code in FIGURES}
    assert figures == FIGURES
    assert made.total["violation.cassation.protest_against.late"] == 1


INDICATORS = {indicator.code: indicator for indicator in catalogue()}
FIGURES = {"D.19": 2, "D.19.1": 2, "D.20": 1, "D.20.1": 0, "D.21": 1, "D.22": 1, "D.23": 1}
