"""`qlahs stats` as leaders and their staff use it: the terminal table, the Excel workbook
with its charts, the self-contained HTML report a browser renders, the JSON, the violations
compiled for a recommendation, and the indicator catalogue kept in docs/statistics.md."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from openpyxl import load_workbook
from rich.console import Console
from typer.testing import CliRunner

from browser import needs_chromium, screenshot
from case_story import UNIT, record
from office import libreoffice_table, needs_libreoffice
from qlahs.cli import app
from qlahs.cli import stats as stats_cli
from qlahs.engine import Engine
from qlahs.stats import catalogue_doc
from qlahs.stats.indicators import GROUPS

runner = CliRunner()
DOCS = Path(__file__).resolve().parent.parent / "docs" / "statistics.md"


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """The two cases of case_story and three crime reports, one of them decided late."""
    url = f"sqlite:///{tmp_path}/qlahs.db"
    with Engine.open(url, default_unit=UNIT) as engine:
        record(engine)
        for ref, day in (("TB1", "2025-02-03"), ("TB2", "2025-03-03"), ("TB3", "2025-09-01")):
            engine.execute(
                {
                    "on": day,
                    "do": "report.receive",
                    "ref": ref,
                    "with": {"source": "tin_bao", "received_by": "CQDT"},
                }
            )
        engine.execute(
            {
                "on": "2025-04-20",
                "do": "report.decide",
                "ref": "TB1",
                "with": {"outcome": "khoi_to"},
            }
        )
    monkeypatch.setattr(stats_cli, "console", Console(width=300))
    return url


def stats(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["stats", *args])
    # a JSON document is the standard output alone (warnings go to stderr)
    return result.exit_code, result.stdout if "--json" in args else result.output


def test_the_report_prints_each_group_and_when_its_data_was_taken(db: str) -> None:
    code, out = stats("--unit", UNIT, "--period", "y-2025", "--db", db)
    assert code == 0, out
    for group in GROUPS:
        assert f"{group.code}. {group.title}" in out
    assert re.search(r"A\.2\.1\s+│\s+Tiếp nhận mới\s+│ nguồn tin\s+│\s+3 │", out)
    assert "Số liệu lấy lúc" in out and "--known-at 20" in out


def test_the_json_recomputed_as_known_at_its_moment_is_the_same(db: str) -> None:
    code, out = stats("--unit", UNIT, "--period", "y-2025", "--json", "--db", db)
    assert code == 0, out
    first = json.loads(out)
    assert first["total"]["A.2.1"] == 3 and first["total"]["B.2.1"] == 2
    with Engine.open(db, default_unit=UNIT) as engine:  # recorded afterwards, dated in the year
        engine.execute(
            {
                "on": "2025-10-01",
                "do": "report.decide",
                "ref": "TB3",
                "with": {"outcome": "khoi_to"},
            }
        )
    code, out = stats(
        "--unit", UNIT, "--period", "y-2025", "--json", "--known-at", first["known_at"], "--db", db
    )
    assert json.loads(out)["total"] == first["total"]
    code, out = stats("--unit", UNIT, "--period", "y-2025", "--json", "--db", db)
    assert json.loads(out)["total"]["A.4.1"] == first["total"]["A.4.1"] + 1


def test_the_workbook_has_a_sheet_per_group_with_native_charts(db: str, tmp_path: Path) -> None:
    xlsx = tmp_path / "thong-ke.xlsx"
    code, out = stats("--unit", UNIT, "--period", "y-2025", "--xlsx", str(xlsx), "--db", db)
    assert code == 0, out
    workbook = load_workbook(xlsx)
    assert [g.sheet for g in GROUPS] == workbook.sheetnames[1 : len(GROUPS) + 1]
    for name in [g.sheet for g in GROUPS] + ["Theo tháng", "Vi phạm theo quy tắc"]:
        assert workbook[name]._charts, name
    sheet = workbook["A. Nguồn tin"]
    rows = {row[0]: row for row in sheet.iter_rows(min_row=4, values_only=True) if row[0]}
    assert rows["A.2.1"][1].strip() == "Tiếp nhận mới" and rows["A.2.1"][3] == 3
    assert rows["A.6"][3] == pytest.approx(100 / 3)
    assert workbook["Thông tin"]["B10"].value.endswith("+07:00")


@needs_libreoffice
def test_the_workbook_opens_in_libreoffice(db: str, tmp_path: Path) -> None:
    xlsx = tmp_path / "thong-ke.xlsx"
    stats("--unit", UNIT, "--period", "y-2025", "--xlsx", str(xlsx), "--db", db)
    table = libreoffice_table(xlsx, tmp_path)
    assert table[0][0].startswith("Thống kê hình sự")


def test_the_html_report_needs_nothing_from_the_network(db: str, tmp_path: Path) -> None:
    html = tmp_path / "thong-ke.html"
    code, out = stats("--unit", UNIT, "--period", "y-2025", "--html", str(html), "--db", db)
    assert code == 0, out
    page = html.read_text(encoding="utf-8")
    for outside in ("http:", "https:", "<script", "<link", " src=", "@import", "url("):
        assert outside not in page, outside
    assert page.count("<svg") == 3  # trend by month, violations by rule, overdue by unit
    assert "Diễn biến theo tháng" in page and "Tổng hợp vi phạm theo cơ quan" in page


@needs_chromium
def test_the_html_report_renders_in_a_browser_without_console_errors(
    db: str, tmp_path: Path
) -> None:
    html = tmp_path / "thong-ke.html"
    stats("--unit", UNIT, "--period", "y-2025", "--with-subunits", "--html", str(html), "--db", db)
    shot, console = screenshot(html, tmp_path)
    assert console == []
    assert shot.stat().st_size > 20_000  # a page with tables and charts, not a blank one


@needs_chromium
def test_the_browser_check_does_see_console_errors(tmp_path: Path) -> None:
    broken = tmp_path / "broken.html"
    broken.write_text("<p>x</p><script>console.error('hỏng'); missing();</script>")
    _, console = screenshot(broken, tmp_path)
    assert any("hỏng" in line for line in console)


def test_violations_are_compiled_per_supervised_agency(db: str) -> None:
    code, out = stats("recommendation", "--unit", UNIT, "--period", "y-2025", "--db", db)
    assert code == 0, out
    assert "Cơ quan điều tra" in out and "report.resolve" in out and "TB2" in out
    assert "Viện kiểm sát" in out  # its own breaches, apart from the recommendation
    code, out = stats(
        "recommendation", "--unit", UNIT, "--period", "y-2025", "--agency", "toa an", "--db", db
    )
    assert code == 0 and "Cơ quan điều tra" not in out


def test_a_nation_report_covers_every_unit(db: str) -> None:
    code, out = stats("--period", "2025", "--json", "--db", db)
    assert code == 0, out
    document = json.loads(out)
    assert document["unit"] is None and document["total"]["A.2.1"] == 3


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--unit", UNIT, "--period", "năm 2025"), "Kỳ thống kê 'năm 2025' không hợp lệ"),
        (("--unit", UNIT), "Cần --period"),
        (("--unit", UNIT, "--period", "2025", "--known-at", "hôm qua"), "Thời điểm"),
        (("--unit", UNIT, "--period", "2030"), "chưa bắt đầu"),
    ],
)
def test_a_wrong_option_ends_with_a_vietnamese_message(
    db: str, args: tuple[str, ...], message: str
) -> None:
    code, out = stats(*args, "--db", db)
    assert code == 2 and message in out


def test_the_indicator_catalogue_in_the_docs_is_the_one_in_the_code() -> None:
    assert catalogue_doc.block_of(DOCS) == catalogue_doc.render().strip()
    code, out = stats("indicators")
    assert code == 0 and "| A.1 | Nguồn tin cũ còn lại |" in out
