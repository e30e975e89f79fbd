"""An event the projector cannot handle is set aside: the subject keeps its earlier rows, the
other subjects and every reader go on, and the entry clears once the subject projects again."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from qlahs.engine import Engine
from qlahs.projections.queries import quarantined
from qlahs.stages.report.rules import ReportRules


def receive(engine: Engine, ref: str, on: str) -> None:
    engine.execute(
        {
            "do": "report.receive",
            "ref": ref,
            "on": on,
            "with": {"source": "tin_bao", "received_by": "CQDT"},
        }
    )


def test_a_subject_that_cannot_be_projected_is_quarantined(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    receive(engine, "TB1", "2025-03-03")
    engine.deadlines(date(2025, 3, 4))  # projected while the rules were sound
    original = ReportRules.on_Extended

    def broken(self: ReportRules, act: Any) -> None:
        raise RuntimeError("a bug in a rule")

    monkeypatch.setattr(ReportRules, "on_Extended", broken)
    engine.execute({"do": "report.extend", "ref": "TB1", "on": "2025-03-20"})
    receive(engine, "TB2", "2025-03-21")

    resolve = {
        d.ref: d.due for d in engine.deadlines(date(2025, 3, 21)) if d.rule == "report.resolve"
    }
    # TB1 keeps the rows it had before the extension that could not be projected
    assert resolve == {"TB1": date(2025, 3, 24), "TB2": date(2025, 4, 10)}
    with engine.sql.connect() as connection:
        (entry,) = quarantined(connection)
    assert entry["ref"] == "TB1"
    assert entry["reason"] == "Không dựng được sổ, thời hạn của hồ sơ này: lỗi khi dựng bảng đọc"
    assert "RuntimeError: a bug in a rule" in entry["detail"]

    monkeypatch.setattr(ReportRules, "on_Extended", original)
    engine.replay()
    with engine.sql.connect() as connection:
        assert quarantined(connection) == []
    due = {d.ref: d.due for d in engine.deadlines(date(2025, 3, 21)) if d.rule == "report.resolve"}
    assert due["TB1"] == date(2025, 5, 5)  # the extension counts once the rule is mended
