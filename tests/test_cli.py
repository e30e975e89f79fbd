"""The qlahs command as people use it."""

from __future__ import annotations

import json
import re
from datetime import datetime
from pathlib import Path

from openpyxl import load_workbook
from typer.testing import CliRunner

from qlahs.cli import app

runner = CliRunner()
ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "tests" / "scenarios" / "report" / "late_decision_sunday.scenario.yaml"

FAILING = """name: Kịch bản cố tình sai
steps:
  - {on: 2025-03-03, do: report.receive, ref: TB2, with: {source: tin_bao, received_by: CQDT}}
expect:
  - at: 2025-03-05
    violations:
      - {ref: TB2, rule: report.resolve, kind: missing}
"""


def test_scenario_run_passes_and_prints_the_json_document() -> None:
    result = runner.invoke(app, ["scenario", "run", str(EXAMPLE), "--json"])
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    (scenario,) = document["scenarios"]
    assert scenario["passed"] is True
    assert scenario["steps"][0] == {
        "index": 0,
        "do": "report.receive",
        "ref": "TB2",
        "accepted": True,
        "error": None,
        "expected_rejection": False,
    }
    late = scenario["checks"][1]["violations"][0]
    assert set(late) == {
        "ref",
        "rule",
        "article",
        "kind",
        "due",
        "happened_on",
        "days_overdue",
        "message",
    }
    assert late["article"] == "BLTTHS 2015 Điều 147 khoản 1"


def test_a_failing_scenario_exits_1_and_says_what_was_expected(tmp_path: Path) -> None:
    path = tmp_path / "sai.scenario.yaml"
    path.write_text(FAILING, encoding="utf-8")
    result = runner.invoke(app, ["scenario", "run", str(path)])
    assert result.exit_code == 1
    assert "KHÔNG ĐẠT" in result.output


def test_an_unreadable_scenario_exits_2_naming_the_file_and_the_line(tmp_path: Path) -> None:
    path = tmp_path / "hong.scenario.yaml"
    path.write_text(FAILING.replace("do: report.receive, ", ""), encoding="utf-8")
    result = runner.invoke(app, ["scenario", "run", str(path)])
    assert result.exit_code == 2
    assert "hong.scenario.yaml, dòng 3" in result.output
    assert "steps.0.do" in result.output


def test_scenario_run_at_a_date_judges_there_without_pass_or_fail() -> None:
    result = runner.invoke(app, ["scenario", "run", str(EXAMPLE), "--json", "--at", "2025-04-01"])
    assert result.exit_code == 0
    (scenario,) = json.loads(result.stdout)["scenarios"]
    (check,) = scenario["checks"]
    assert scenario["passed"] is None and check["at"] == "2025-04-01"
    assert check["violations"][0]["days_overdue"] == 8


def test_demo_book_deadlines_and_replay_work_on_one_store(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path}/demo.db"
    result = runner.invoke(app, ["demo", "--db", db, "--out", str(tmp_path), "--reports", "150"])
    assert result.exit_code == 0, result.output
    assert "Sổ 04" in result.output and "Danh sách quá hạn" in result.output
    sheet = load_workbook(tmp_path / "so-04.xlsx").active
    assert sheet is not None and sheet.max_row > 3

    xlsx = tmp_path / "book.xlsx"
    entered = sheet.cell(row=4, column=2).value  # a real date, as clerks sort by it
    assert isinstance(entered, datetime)
    year = str(entered.year)
    result = runner.invoke(
        app, ["book", "04", "--unit", "VKSKV7", "--year", year, "--xlsx", str(xlsx), "--db", db]
    )
    assert result.exit_code == 0, result.output
    assert xlsx.exists()
    whole = load_workbook(xlsx).active
    assert whole is not None
    paging = ["--limit", "2", "--page", "3", "--xlsx", str(xlsx), "--db", db]
    result = runner.invoke(app, ["book", "04", "--unit", "VKSKV7", "--year", year, *paging])
    assert result.exit_code == 0, result.output
    book_total = int(re.search(r"trên tổng (\d+)\.", result.output).group(1))  # type: ignore[union-attr]
    assert f"dòng 5–6 trên tổng {book_total}." in result.output
    again = load_workbook(xlsx).active  # the whole book still goes to Excel, not the page
    assert again is not None and again.max_row == whole.max_row

    result = runner.invoke(app, ["deadlines", "--as-of", "2026-01-31", "--overdue", "--db", db])
    assert result.exit_code == 0 and "quá hạn" in result.output
    total = int(re.search(r"trên tổng (\d+)\.", result.output).group(1))  # type: ignore[union-attr]
    assert total >= 2
    paging = ["--as-of", "31/01/2026", "--overdue", "--limit", "1", "--page", "2", "--db", db]
    result = runner.invoke(app, ["deadlines", *paging])
    assert result.exit_code == 0
    assert f"Trang 2/{total}: dòng 2–2 trên tổng {total}." in result.output
    result = runner.invoke(app, ["violations", "--as-of", "31/01/2026", "--limit", "1", "--db", db])
    assert result.exit_code == 0 and re.search(r"Trang 1/\d+: dòng 1–1 trên tổng", result.output)

    result = runner.invoke(app, ["replay", "--db", db])
    assert result.exit_code == 0 and "Đã dựng lại" in result.output


def test_a_bad_date_option_is_refused_in_vietnamese() -> None:
    result = runner.invoke(
        app, ["deadlines", "--as-of", "31/02/2026", "--db", "sqlite:///:memory:"]
    )
    assert result.exit_code == 2
    assert "dd/mm/yyyy" in result.output
