"""What a person sees when a `qlahs` call goes wrong: one or two Vietnamese lines, exit 2 for
a wrong call and 1 for a failed command, no traceback unless asked; a store never silently
empty; dates as people type them; and the CLI faces of export, import and the quarantine."""

from __future__ import annotations

import json
import os
from datetime import date, datetime
from pathlib import Path
from typing import Any

import click
import pytest
import typer
from typer.testing import CliRunner

from qlahs.cli import main as cli_main
from qlahs.cli.errors import QlahsGroup
from qlahs.cli.main import app
from qlahs.cli.stores import NO_CIPHER
from qlahs.engine import Engine
from qlahs.kernel.errors import QlahsError
from qlahs.stages.report.rules import ReportRules

runner = CliRunner()


def qlahs(*args: str, **env: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), env=env or None)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def store(tmp_path: Path) -> str:
    """A store with one numbered document, made by a recording command."""
    url = f"sqlite:///{tmp_path / 'kho.db'}"
    code, _, err = qlahs(
        "number", "issue", "--series", "CV", "--unit", "VKSKV7", "--on", "05/03/2025",
        "--title", "Công văn", "--db", url,
    )  # fmt: skip
    assert code == 0, err
    return url


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["book", "03", "--unit", "X", "--year", "abc"], "tham số --year phải là số nguyên"),
        (["book", "03", "--unit", "X", "--year", "1900"], "phải lớn hơn hoặc bằng 1950"),
        (["book", "03", "--unit", "X", "--year", "2100"], "phải nhỏ hơn hoặc bằng 2099"),
        (["book"], "thiếu đối số SỔ"),
        (["number", "book"], "thiếu tham số --year"),
        (["book", "03", "--unit"], "tham số --unit cần một giá trị"),
        (["boook"], "không có lệnh 'boook' (có phải ý bạn là 'book'?)"),
        (
            ["deadlines", "--wihtin", "3"],
            "không có tùy chọn --wihtin (có phải ý bạn là: --within?)",
        ),
        (["deadlines", "--within", "4000"], "tham số --within phải nhỏ hơn hoặc bằng 3650"),
        (["deadlines", "thừa"], "thừa đối số: thừa"),
        (["audit", "refusals", "--limit", "0"], "tham số --limit phải lớn hơn hoặc bằng 1"),
        (["case", "search", "a" * 201], "dài quá 200 ký tự"),
        (["deadlines", "--as-of", "31/02/2026"], "dd/mm/yyyy"),
        (["audit", "history", "TB1", "--known-at", "hôm qua"], "HH:MM dd/mm/yyyy"),
    ],
)
def test_a_wrong_call_says_what_is_wrong_in_vietnamese(args: list[str], expected: str) -> None:
    code, _, err = qlahs(*args)
    assert code == 2
    assert expected in err
    assert len(err.strip().splitlines()) <= 2
    for english in ("Error", "Usage", "Invalid value", "Missing", "Try ", "Input should"):
        assert english not in err


def test_the_second_line_points_to_the_command_help() -> None:
    _, _, err = qlahs("book", "03", "--unit", "X", "--year", "abc")
    assert err.splitlines() == [
        "Lỗi: tham số --year phải là số nguyên (nhận được: 'abc').",
        "Xem: qlahs book --help",
    ]


def test_help_pages_are_vietnamese() -> None:
    code, out, _ = qlahs("book", "--help")
    assert code == 0
    assert "Cách dùng: qlahs book" in out and "Tùy chọn" in out
    assert "In hướng dẫn này rồi thoát." in out
    assert "Usage" not in out and "Show this message" not in out


def test_a_missing_sqlite_store_is_refused_for_reading(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'go_nham.db'}"
    code, _, err = qlahs("deadlines", "--db", url)
    assert code == 2
    assert f"Không có kho dữ liệu {url}: hãy chỉ kho bằng --db URL hoặc biến QLAHS_DB." in err
    assert not (tmp_path / "go_nham.db").exists()


def test_a_store_in_a_missing_folder_is_refused(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'khong' / 'kho.db'}"
    code, _, err = qlahs("number", "issue", "--series", "CV", "--unit", "VKSKV7", "--db", url)
    assert code == 2 and "không tồn tại" in err and "Traceback" not in err


def test_an_unreachable_postgres_names_the_url_without_its_password() -> None:
    url = "postgresql://postgres:bimat@127.0.0.1:1/test"
    code, _, err = qlahs("deadlines", "--db", url)
    assert code == 2
    assert "postgresql://postgres:***@127.0.0.1:1/test" in err and "bimat" not in err
    assert "máy chủ PostgreSQL đang chạy" in err and "Traceback" not in err


@pytest.mark.postgres
def test_a_missing_postgres_database_is_named() -> None:
    url = os.environ.get("QLAHS_TEST_POSTGRES_URL")
    if not url:
        pytest.skip("QLAHS_TEST_POSTGRES_URL chưa đặt: bỏ qua phép thử trên PostgreSQL")
    missing = url.rsplit("/", 1)[0] + "/khong_co_db"
    code, _, err = qlahs("deadlines", "--db", missing)
    assert code == 2 and "khong_co_db" in err and "tên cơ sở dữ liệu" in err


def test_an_unexpected_error_is_one_line_and_its_traceback_needs_debug(
    store: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr(cli_main, "deadline_table", broken)
    code, _, err = qlahs("deadlines", "--db", store)
    assert code == 1
    assert err.strip().splitlines()[-1] == (
        "Lỗi nội bộ của qlahs; chạy lại với --debug để xem chi tiết."
    )
    assert "Traceback" not in err
    code, _, err = qlahs("--debug", "deadlines", "--db", store)
    assert code == 1 and "Traceback" in err and "RuntimeError: a bug" in err
    code, _, err = qlahs("deadlines", "--db", store, QLAHS_DEBUG="1")
    assert code == 1 and "Traceback" in err


def test_the_cipher_warning_is_printed_once_per_command(
    store: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("QLAHS_CIPHER_KEY", raising=False)
    _, _, err = qlahs("deadlines", "--db", store)
    assert err.count(NO_CIPHER) == 1
    _, _, err = qlahs("deadlines", "--db", store)
    assert err.count(NO_CIPHER) == 1


def test_xlsx_into_a_missing_folder_is_refused_before_any_work(store: str, tmp_path: Path) -> None:
    target = tmp_path / "khong" / "so.xlsx"
    code, _, err = qlahs(
        "number", "book", "--unit", "VKSKV7", "--year", "2025", "--xlsx", str(target), "--db", store
    )
    assert code == 2 and f"thư mục {target.parent} không tồn tại" in err


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("users:\n  - a: [1\n", "không phải YAML hợp lệ ở dòng 3"),
        ("users: 5\n", "mục 'users:'"),
        ("users:\n  ann: 5\n", "mục users.ann phải là một bảng"),
        (
            "users:\n  ann: {name: A, unit: VKSKV7, roles: [van_thu], clearance: 9}\n",
            "trường 'clearance': phải nhỏ hơn hoặc bằng 2",
        ),
    ],
)
def test_a_malformed_users_file_is_named_with_what_is_wrong(
    tmp_path: Path, content: str, expected: str
) -> None:
    file = tmp_path / "users.yaml"
    file.write_text(content, encoding="utf-8")
    code, _, err = qlahs("access", "import", str(file), "--db", f"sqlite:///{tmp_path / 'k.db'}")
    assert code == 2 and str(file) in err and expected in err


def test_dates_as_people_type_them_reach_the_commands(store: str) -> None:
    code, out, _ = qlahs(
        "number", "search", "--unit", "VKSKV7", "--from", "01/03/2025", "--to", "31/03/2025",
        "--db", store,
    )  # fmt: skip
    assert code == 0 and "01/CV-VKSKV7" in out
    code, out, _ = qlahs("audit", "history", "VKSKV7/CV/2025", "--known-at", "01/03/2025",
                         "--json", "--db", store)  # fmt: skip
    assert code == 0 and json.loads(out)["events"] == []


def test_commands_and_scenario_steps_take_vietnamese_dates(engine: Engine) -> None:
    engine.execute(
        {
            "do": "report.receive",
            "ref": "TB1",
            "on": "03/03/2025",
            "with": {"source": "tin_bao", "received_by": "CQDT", "summary": "ngày 01/02/2025"},
        }
    )
    engine.execute({"do": "report.notify_procuracy", "ref": "TB1", "on": "09:30 10/03/2025"})
    (first, second) = engine.history("report", "TB1")
    assert first.on == date(2025, 3, 3) and second.on == datetime(2025, 3, 10, 9, 30)
    assert getattr(first, "summary", None) == "ngày 01/02/2025"  # a text field stays text


def test_a_scenario_file_takes_vietnamese_dates(tmp_path: Path) -> None:
    file = tmp_path / "vn.scenario.yaml"
    file.write_text(
        "name: Ngày kiểu Việt Nam\nunit: VKS-HN-KV01\nsteps:\n"
        "  - {on: 03/03/2025, do: report.receive, ref: TB1,"
        " with: {source: tin_bao, received_by: CQDT}}\n"
        "expect:\n  - at: 06/03/2025\n"
        "    deadlines:\n      - {ref: TB1, rule: report.notify_procuracy, due: 2025-03-06}\n",
        encoding="utf-8",
    )
    code, out, err = qlahs("scenario", "run", str(file), "--json")
    assert code == 0, out + err


def test_export_then_import_moves_a_store(store: str, tmp_path: Path) -> None:
    exported = tmp_path / "kho.jsonl"
    code, _, err = qlahs("export", "--db", store, "--out", str(exported))
    assert code == 0 and "Đã xuất 2 sự kiện" in err
    code, out, _ = qlahs("export", "--db", store)
    assert out.splitlines()[0] == '{"format": "qlahs-events-1"}'
    copy = f"sqlite:///{tmp_path / 'ban_sao.db'}"
    code, out, _ = qlahs("import", str(exported), "--db", copy)
    assert code == 0 and "Đã nhập 2 sự kiện" in out
    code, _, err = qlahs("import", str(exported), "--db", copy)
    assert code == 1 and "Kho đích đã có sự kiện" in err
    code, _, err = qlahs("import", str(tmp_path / "khong.jsonl"), "--db", copy)
    assert code == 2 and "Không có tệp" in err


def test_audit_verify_lists_the_quarantine_and_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = f"sqlite:///{tmp_path / 'kho.db'}"
    with Engine.open(url, default_unit="VKSKV7") as engine:
        engine.execute(
            {"do": "report.receive", "ref": "TB1", "on": "2025-03-03",
             "with": {"source": "tin_bao", "received_by": "CQDT"}}
        )  # fmt: skip
        engine.catch_up()

        def broken(self: ReportRules, act: Any) -> None:
            raise RuntimeError("a bug in a rule")

        monkeypatch.setattr(ReportRules, "on_Extended", broken)
        engine.execute({"do": "report.extend", "ref": "TB1", "on": "2025-03-20"})
        engine.catch_up()
    code, out, _ = qlahs("audit", "verify", "--json", "--db", url)
    document = json.loads(out)
    assert code == 1 and document["intact"] and not document["healthy"]
    assert [entry["ref"] for entry in document["quarantine"]] == ["TB1"]
    code, out, _ = qlahs("audit", "verify", "--db", url)
    assert code == 1 and "Hồ sơ bị cách ly" in out and "TB1" in out


def _raising(error: BaseException) -> typer.Typer:
    """A small app of the same group class whose one command raises `error`."""
    small = typer.Typer(cls=QlahsGroup, name="qlahs")

    @small.command()
    def boom() -> None:
        raise error

    @small.command()
    def other() -> None:
        pass

    return small


@pytest.mark.parametrize(
    ("error", "code", "expected"),
    [
        (click.exceptions.Abort(), 1, "Đã hủy."),
        (typer.Exit(3), 3, ""),
        (click.exceptions.FileError("a.txt", "no"), 2, "Lỗi: không mở được tệp a.txt."),
        (click.BadParameter("'x' is not one of 'a', 'b'."), 2, "phải là một trong: 'a', 'b'."),
        (click.BadParameter("'2025/01' does not match the format '%Y-%m-%d'."), 2, "dd/mm/yyyy"),
        (click.BadParameter("5 is not in the range 1<=x<=3."), 2, "trong khoảng 1<=x<=3"),
        (click.UsageError("Something else entirely."), 2, "Lỗi: cách gọi lệnh không hợp lệ."),
        (QlahsError("Hồ sơ TB9 không có."), 1, "Hồ sơ TB9 không có."),
    ],
)
def test_every_click_error_and_exit_is_turned_into_vietnamese(
    error: BaseException, code: int, expected: str
) -> None:
    result = runner.invoke(_raising(error), ["boom"])
    assert result.exit_code == code
    assert expected in result.stderr
    for english in ("Error", "Usage", "Try ", "Invalid value", "no\n", "Something"):
        assert english not in result.stderr
