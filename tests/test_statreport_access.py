"""Who may do what with a statistical report: a statistician submits their unit's report, a
leader of the level above accepts or returns it; the CLI says it in Vietnamese."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from rich.console import Console
from typer.testing import CliRunner

from access_world import enrol_everyone, login
from qlahs.access.actor import AccessDenied
from qlahs.cli import app, stats_reports
from qlahs.engine import Engine
from qlahs.kernel.errors import CommandRejected
from qlahs.stats.periods import month
from qlahs.stats.submission import filed_reports
from statreport_world import review_step, submit_step

MARCH = month(2026, 3)


def test_a_statistician_submits_and_a_leader_above_reviews(engine: Engine) -> None:
    enrol_everyone(engine)
    step = submit_step("VKSKV1", MARCH, {"A.1": 2})
    with pytest.raises(AccessDenied):
        engine.as_user(login("van_thu", "VKSKV1")).execute(step)
    with pytest.raises(AccessDenied):  # the province's statistician reads it, never sends it
        engine.as_user(login("thong_ke", "VKSQN")).execute(step)
    engine.as_user(login("thong_ke", "VKSKV1")).execute(step)
    accept = review_step("VKSKV1", MARCH, "statreport.accept")
    with pytest.raises(AccessDenied):  # the province's statistician does not review
        engine.as_user(login("thong_ke", "VKSQN")).execute(accept)
    with pytest.raises(CommandRejected, match="đơn vị cấp trên"):  # nor the unit's own leader
        engine.as_user(login("lanh_dao", "VKSKV1")).execute(accept | {"unit": "VKSKV1"})
    engine.as_user(login("lanh_dao", "VKSQN")).execute(accept)
    (filed,) = filed_reports(engine)
    assert filed.accepted and filed.steps[-1].unit == "VKSQN"


def test_the_cli_submits_returns_accepts_and_shows_the_difference(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = f"sqlite:///{tmp_path}/qlahs.db"
    with Engine.open(url, default_unit="VKSKV7") as engine:
        receive = {
            "do": "report.receive",
            "on": "2026-03-02",
            "ref": "TB1",
            "with": {"source": "tin_bao", "received_by": "CQDT"},
        }
        engine.execute(receive)
    monkeypatch.setattr(stats_reports, "console", Console(width=300))
    runner = CliRunner()

    def stats(*args: str) -> str:
        result = runner.invoke(app, ["stats", *args, "--db", url])
        assert result.exit_code == 0, result.output
        return result.output

    shown = stats(
        "submit",
        "--unit",
        "VKSKV7",
        "--period",
        "2026-03",
        "--on",
        "02/04/2026",
        "--html",
        str(tmp_path / "gui.html"),
        "--xlsx",
        str(tmp_path / "gui.xlsx"),
    )
    assert "Đã gửi báo cáo thống kê VKSKV7/2026-03" in shown and "02/04/2026" in shown
    page = (tmp_path / "gui.html").read_text(encoding="utf-8")
    assert "Số liệu đã gửi cấp trên ngày 02/04/2026" in page
    about = load_workbook(tmp_path / "gui.xlsx")["Thông tin"]
    kinds = [row[1] for row in about.iter_rows(values_only=True) if row[0] == "Loại số liệu"]
    assert kinds and str(kinds[0]).startswith("Số liệu đã gửi cấp trên ngày 02/04/2026")
    live = stats_live(url, tmp_path / "live.html")
    assert "Số liệu trực tiếp" in live
    stats(
        "return",
        "--unit",
        "VKSKV7",
        "--period",
        "2026-03",
        "--on",
        "03/04/2026",
        "--reason",
        "Thiếu số liệu truy tố",
    )
    stats("submit", "--unit", "VKSKV7", "--period", "2026-03", "--on", "06/04/2026")
    stats("accept", "--unit", "VKSKV7", "--period", "2026-03", "--on", "07/04/2026")
    status = stats("status", "--unit", "VKSKV7")
    assert "Đã được cấp trên chấp nhận" in status and "Thiếu số liệu truy tố" in status
    with Engine.open(url, default_unit="VKSKV7") as engine:
        engine.execute(receive | {"ref": "TB2", "on": "2026-03-20"})  # back-dated
    gap = stats("difference", "--unit", "VKSKV7", "--period", "2026-03")
    assert "nguồn tin TB2" in gap and "20/03/2026" in gap
    rolled = stats("rollup", "--unit", "VKSQN", "--period", "2026-03")
    assert "VKSKV7" in rolled


def stats_live(url: str, path: Path) -> str:
    result = CliRunner().invoke(
        app, ["stats", "--unit", "VKSKV7", "--period", "2026-03", "--html", str(path), "--db", url]
    )
    assert result.exit_code == 0, result.output
    return path.read_text(encoding="utf-8")
