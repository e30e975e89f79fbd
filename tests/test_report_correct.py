"""`report.correct`: an amendment of a report's descriptive fields is a new act with its
reason; the receipt stays as it was recorded, and no deadline moves."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from qlahs.domain.crime_report import CrimeReport
from qlahs.engine import Engine
from qlahs.kernel.errors import InvalidCommand
from qlahs.projections.books import book


def _step(do: str, on: str, **fields: Any) -> dict[str, Any]:
    return {"do": do, "ref": "TB1", "on": on, "unit": "VKSKV1", "with": fields}


def _deadlines(engine: Engine) -> list[tuple[Any, ...]]:
    return [
        (d.rule, d.due, d.status)
        for day in (date(2026, 3, 10), date(2026, 5, 1))
        for d in engine.deadlines(day, ref="TB1")
    ]


@pytest.fixture
def engine(store_url: str) -> Any:
    with Engine.open(store_url) as opened:
        opened.execute(
            _step(
                "report.receive",
                "2026-03-02",
                source="to_giac",
                received_by="CQDT",
                reporter="Nguyễn Văn Bình",
                suspects=["Trần Thị Huệ"],
                summary="Mất xe máy",
            )
        )
        yield opened


def test_a_correction_changes_what_the_record_says_not_what_was_received(engine: Engine) -> None:
    before = _deadlines(engine)
    engine.execute(
        _step(
            "report.correct",
            "2026-03-04",
            reporter="Nguyễn Văn Bính",
            suspects="Trần Thị Huệ Anh",
            reason="Ghi sai họ tên theo đơn tố giác",
        )
    )
    report = engine.subject("report", "TB1")
    assert isinstance(report, CrimeReport)
    assert (report.reporter, report.suspects, report.summary, report.stage) == (
        "Nguyễn Văn Bính",
        ["Trần Thị Huệ Anh"],
        "Mất xe máy",
        "received",
    )
    received, corrected = engine.history("report", "TB1")
    assert isinstance(received, CrimeReport.Received) and received.reporter == "Nguyễn Văn Bình"
    assert isinstance(corrected, CrimeReport.Corrected) and corrected.summary is None
    assert _deadlines(engine) == before
    engine.catch_up()
    with engine.sql.connect() as connection:
        (row,) = book("04").rows(connection, "VKSKV1", 2026)
    assert row["reporter"].startswith("Nguyễn Văn Bính")
    assert row["suspects"] == "Trần Thị Huệ Anh"
    assert "04/03/2026 đính chính: Ghi sai họ tên theo đơn tố giác" in row["notes"]


def test_a_correction_may_come_in_any_stage_and_clear_a_field(engine: Engine) -> None:
    engine.execute(_step("report.suspend", "2026-03-05", ground="giam_dinh"))
    engine.execute(
        _step("report.correct", "2026-03-06", summary="Mất xe máy Honda", reason="Bổ sung")
    )
    engine.execute(_step("report.resume", "2026-03-07"))
    engine.execute(_step("report.decide", "2026-03-20", outcome="khong_khoi_to"))
    engine.execute(
        _step("report.correct", "2026-03-21", reporter="", reason="Người tố giác xin giấu tên")
    )
    report = engine.subject("report", "TB1")
    assert isinstance(report, CrimeReport)
    assert (report.summary, report.reporter, report.stage) == ("Mất xe máy Honda", None, "decided")


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"reason": "Sửa"}, "cần ít nhất một trong các trường"),
        ({"summary": "x"}, "trường 'reason'"),
        ({"summary": "x", "reason": ""}, "trường 'reason'"),
    ],
)
def test_a_correction_needs_a_field_and_a_reason(
    engine: Engine, fields: dict[str, Any], message: str
) -> None:
    with pytest.raises(InvalidCommand, match=message):
        engine.execute(_step("report.correct", "2026-03-04", **fields))
