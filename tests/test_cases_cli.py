"""`qlahs case show` and `qlahs case search` as people use them."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from case_story import UNIT, record
from qlahs.cli import app
from qlahs.cli import cases as cases_cli
from qlahs.engine import Engine

runner = CliRunner()


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    url = f"sqlite:///{tmp_path}/qlahs.db"
    with Engine.open(url, default_unit=UNIT) as engine:
        record(engine)
    # wide enough that no cell wraps: the assertions read whole names and sentences
    monkeypatch.setattr(cases_cli, "console", Console(width=400))
    return url


def invoke(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["case", *args])
    return result.exit_code, result.output


def test_case_show_prints_the_case_its_persons_acts_deadlines_and_violations(db: str) -> None:
    code, out = invoke("show", "VA1", "--as-of", "2025-05-25", "--db", db)
    assert code == 0, out
    assert "Vụ án VA1 tại ngày 25/05/2025" in out
    assert "Tội trộm cắp tài sản (BLHS 173 k1)" in out
    assert "Viện kiểm sát đang giải quyết" in out  # the case's stage that day
    assert "Nguyễn Văn An" in out and "Trần Thị Bình" in out
    assert "Tạm giam" in out and "Đã phê chuẩn" in out and "Đang giải quyết" in out
    assert "Diễn biến (17 hành vi tố tụng)" in out  # nothing dated after the day
    assert "Lệnh tạm giam" in out and "Cáo trạng" not in out
    # every deadline with how it was computed
    assert "Thời hạn tạm giam — VA1/BC1 — hạn cuối 20/06/2025" in out
    assert "Tạm giam: tính cả ngày bắt đầu 22/05/2025 là ngày thứ 1" in out
    assert "Viện kiểm sát quyết định việc truy tố — VA1" in out
    # every violation, citing its article
    assert "Vi phạm tại ngày 25/05/2025 (1)" in out
    assert "VA1/BC2: phê chuẩn quyết định khởi tố bị can ngày 20/03/2025, chậm 3 ngày" in out


def test_case_show_as_of_an_earlier_day_shows_the_case_as_it_then_was(db: str) -> None:
    code, out = invoke("show", "VA1", "--as-of", "2025-03-12", "--db", db)
    assert code == 0, out
    assert "Đang điều tra" in out
    assert "Tạm giữ" in out and "Tạm giam" not in out
    assert "Bị can, người bị giữ (1)" in out  # BC2 was charged on 13/03
    assert "Vi phạm tại ngày 12/03/2025 (0)" in out


def test_case_show_names_what_is_missing(db: str) -> None:
    code, out = invoke("show", "VA9", "--db", db)
    assert code == 1 and "Không tìm thấy" in out
    code, out = invoke("show", "VA1", "--as-of", "2025-01-01", "--db", db)
    assert code == 1 and "được khởi tố ngày 10/03/2025" in out
    code, out = invoke("show", "VA1", "--as-of", "hôm qua", "--db", db)
    assert code == 2 and "dd/mm/yyyy" in out


def test_case_search_finds_a_case_by_a_persons_name_with_or_without_diacritics(db: str) -> None:
    for text in ("Nguyễn Văn An", "nguyen van an", "NGUYỄN VĂN"):
        code, out = invoke("search", text, "--db", db)
        assert code == 0, out
        assert "VA1" in out and "Nguyễn Văn An (BC1)" in out and "VA2" not in out
    code, out = invoke("search", "hạnh", "--db", db)
    assert "VA2" in out and "Lê Thị Hạnh (BC1)" in out and "VA1" not in out


def test_case_search_finds_cases_by_reference_charge_or_person_code(db: str) -> None:
    code, out = invoke("search", "va2", "--db", db)
    wounding = "Tội cố ý gây thương tích hoặc gây tổn hại cho sức khỏe của người khác"
    assert code == 0 and "VA2" in out and f"{wounding} (BLHS 134 k1)" in out
    code, out = invoke("search", "BC1", "--db", db)
    assert "Vụ án khớp với “BC1” (2)" in out
    code, out = invoke("search", "trộm cắp", "--db", db)
    assert "VA1" in out and "VA2" not in out


def test_case_search_says_when_nothing_matches_and_refuses_an_empty_text(db: str) -> None:
    code, out = invoke("search", "Phạm Văn Không", "--db", db)
    assert code == 0 and "Không tìm thấy vụ án nào" in out
    code, out = invoke("search", "  ", "--db", db)
    assert code == 2 and "Cần nhập nội dung tìm kiếm" in out
