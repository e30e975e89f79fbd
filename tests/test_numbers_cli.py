"""`qlahs number …` as clerks and scripts use it."""

from __future__ import annotations

import json
from pathlib import Path

from openpyxl import load_workbook
from typer.testing import CliRunner

from qlahs.cli import app

runner = CliRunner()


def number(db: Path, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["number", *args, "--db", f"sqlite:///{db}"])
    return result.exit_code, result.stdout, result.stderr


def lines(stdout: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in stdout.splitlines()]


def test_issue_count_json_prints_one_object_per_number(tmp_path: Path) -> None:
    db = tmp_path / "q.db"
    code, out, _ = number(
        db,
        "issue",
        "--unit",
        "VKSKV7",
        "--series",
        "QD-HS",
        "--on",
        "2026-03-02",
        "--count",
        "3",
        "--json",
    )
    assert code == 0
    found = lines(out)
    assert [(n["number"], n["suffix"], n["symbol"]) for n in found] == [
        (1, "", "01/QĐ-VKSKV7"),
        (2, "", "02/QĐ-VKSKV7"),
        (3, "", "03/QĐ-VKSKV7"),
    ]
    assert {(n["series"], n["year"], n["unit"]) for n in found} == {("QD-HS", 2026, "VKSKV7")}


def test_the_json_year_rolls_over_on_the_series_start_day(tmp_path: Path) -> None:
    db = tmp_path / "q.db"
    years = []
    for on in ("2025-11-30", "2025-12-01"):
        _, out, _ = number(
            db, "issue", "--unit", "VKSKV7", "--series", "QD-HS", "--on", on, "--json"
        )
        years += [(n["year"], n["number"]) for n in lines(out)]
    assert years == [(2025, 1), (2026, 1)]


def test_reserve_insert_void_use_and_release_from_the_command_line(tmp_path: Path) -> None:
    db = tmp_path / "q.db"
    base = ["--unit", "VKSKV7", "--series", "CV", "--on", "2026-03-02", "--json"]
    assert number(db, "issue", *base, "--count", "2")[0] == 0
    _, held, _ = number(db, "reserve", *base, "--reason", "Chờ ký", "--count", "2")
    assert [n["status"] for n in lines(held)] == ["reserved", "reserved"]
    _, inserted, _ = number(
        db, "insert", *base, "--after", "2", "--reason", "Bị sót", "--approved-by", "Viện trưởng"
    )
    assert lines(inserted)[0]["symbol"] == "02a/CV-VKSKV7"
    _, used, _ = number(db, "use", *base, "--number", "03", "--title", "Công văn")
    _, released, _ = number(db, "release", *base, "--number", "4", "--reason", "Không ký")
    _, voided, _ = number(db, "void", *base, "--number", "1", "--reason", "Sai")
    assert [lines(x)[0]["status"] for x in (used, released, voided)] == [
        "used",
        "released",
        "voided",
    ]


def test_a_refused_command_exits_1_with_the_reason_in_vietnamese(tmp_path: Path) -> None:
    db = tmp_path / "q.db"
    number(db, "issue", "--unit", "VKSKV7", "--series", "QD-HS", "--on", "2026-03-02")
    code, _, err = number(
        db,
        "void",
        "--unit",
        "VKSKV7",
        "--series",
        "QD-HS",
        "--on",
        "2026-03-02",
        "--number",
        "7",
        "--reason",
        "x",
    )
    assert code == 1
    assert "số 07 chưa được cấp" in err


def test_a_user_takes_numbers_only_in_their_own_units_registers(tmp_path: Path) -> None:
    code, _, err = number(
        tmp_path / "q.db", "issue", "--unit", "VKSKV7", "--series", "CV", "--as-unit", "VKSQN"
    )
    assert code == 2
    assert "chỉ được lấy số trong sổ của VKSQN" in err


def test_the_province_reads_a_regional_register_and_a_region_cannot_read_another(
    tmp_path: Path,
) -> None:
    db = tmp_path / "q.db"
    number(db, "issue", "--unit", "VKSKV7", "--series", "CV", "--on", "2026-03-02")
    code, out, _ = number(
        db, "book", "--unit", "VKSKV7", "--series", "CV", "--year", "2026", "--as-unit", "VKSQN"
    )
    assert code == 0 and "01/CV-VKSKV7" in out
    code, _, err = number(db, "book", "--unit", "VKSKV7", "--year", "2026", "--as-unit", "VKSKV1")
    assert code == 2 and "không được xem sổ của VKSKV7" in err


def test_book_writes_every_register_of_the_year_to_excel(tmp_path: Path) -> None:
    db = tmp_path / "q.db"
    number(db, "issue", "--unit", "VKSKV7", "--series", "QD-HS", "--on", "2026-03-02")
    number(db, "issue", "--unit", "VKSKV7", "--series", "CV", "--on", "2026-03-02")
    path = tmp_path / "so.xlsx"
    code, out, _ = number(db, "book", "--unit", "VKSKV7", "--year", "2026", "--xlsx", str(path))
    assert code == 0 and "Đã ghi 2 số" in out
    assert load_workbook(path).sheetnames == ["QD-HS 2026", "CV 2026"]


def test_search_and_registers_list_what_the_user_may_see(tmp_path: Path) -> None:
    db = tmp_path / "q.db"
    number(
        db,
        "issue",
        "--unit",
        "VKSKV7",
        "--series",
        "QD-HS",
        "--on",
        "2026-03-02",
        "--title",
        "Quyết định phân công",
        "--subject",
        "VA-17",
    )
    code, out, _ = number(db, "search", "VA-17", "--as-unit", "VKSQN")
    assert code == 0 and "01/QĐ-VKSKV7" in out
    code, out, _ = number(db, "registers", "--as-unit", "VKSQN")
    assert code == 0 and "QD-HS" in out and "01/12/2025" in out
