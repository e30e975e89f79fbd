"""A stage from outside qlahs (tests/plugins/qlahs_warning) plugs in through the `qlahs.stages`
entry point: its actions, rule, deadline list, book and scenarios work, and src/qlahs does not
know its name."""

from __future__ import annotations

from datetime import date
from importlib.metadata import entry_points
from pathlib import Path

import pytest

from qlahs.engine import Engine
from qlahs.kernel.errors import StageError, SubjectExists
from qlahs.projections.books import book
from qlahs.stages.registry import registry

SRC = Path(__file__).parents[1] / "src" / "qlahs"


def test_the_stage_is_found_through_its_entry_point() -> None:
    found = {entry.name: entry.value for entry in entry_points(group="qlahs.stages")}
    assert found["warning"] == "qlahs_warning.stage:STAGE"
    assert registry().subject_of("warning.send").kind == "warning"
    assert "warning.answer" in registry().rulebook.rules


def test_qlahs_does_not_name_the_stage() -> None:
    for path in SRC.rglob("*"):
        if path.is_file() and path.suffix in {".py", ".yaml"}:
            assert "qlahs_warning" not in path.read_text("utf-8"), path


def test_its_acts_deadline_violation_and_book(tmp_path: Path) -> None:
    with Engine.open(f"sqlite:///{tmp_path / 'w.db'}", default_unit="VKSKV7") as engine:
        engine.execute(
            {"do": "warning.send", "ref": "TC1", "on": "2025-03-03", "with": {"addressee": "X"}}
        )
        (due,) = engine.deadlines(date(2025, 3, 5))
        assert (due.rule, due.due, due.article) == (
            "warning.answer",
            date(2025, 3, 13),
            "Quy chế thư cảnh báo (ví dụ kiểm thử) Điều 1",
        )
        with pytest.raises(SubjectExists):
            engine.execute(
                {"do": "warning.send", "ref": "TC1", "on": "2025-03-04", "with": {"addressee": "Y"}}
            )
        engine.execute({"do": "warning.answer", "ref": "TC1", "on": "2025-03-14"})
        (late,) = engine.violations(date(2025, 3, 31))
        assert (late.rule, late.kind, late.days_overdue) == ("warning.answer", "late", 1)
        with pytest.raises(StageError):
            engine.execute({"do": "warning.answer", "ref": "TC1", "on": "2025-03-15"})
        definition = book("TC")
        engine.catch_up()
        with engine.sql.connect() as connection:
            rows = definition.rows(connection, "VKSKV7", 2025)
        assert [definition.cells(row) for row in rows] == [
            ["1", "03/03/2025", "TC1", "X", "14/03/2025"]
        ]
