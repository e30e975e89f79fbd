"""Every path refuses a unit the organisation lacks: commands (numbers too), lists, books and
statistics; a merged unit takes no act dated from its merger on, and its old matters' acts
dated before it still are recorded. A refusal records nothing."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from qlahs.cli import app
from qlahs.engine import Engine
from qlahs.engine.units_in_force import UnitNotInForce
from qlahs.kernel.bounds import CODE_LIMIT
from qlahs.kernel.errors import CommandRejected, QlahsError
from qlahs.law.units import units
from qlahs.scenario.format import Scenario
from qlahs.scenario.runner import run
from qlahs.stages.commands import UNIT_CODE
from qlahs.stats.compute import compute
from qlahs.stats.periods import parse_period

runner = CliRunner()
DAY = date(2025, 8, 4)


def receive(ref: str, unit: str, on: str = "2025-08-04") -> dict[str, Any]:
    return {
        "do": "report.receive",
        "ref": ref,
        "on": on,
        "unit": unit,
        "with": {"source": "tin_bao", "received_by": "CQDT"},
    }


def issue(unit: str, on: str = "2025-08-04") -> dict[str, Any]:
    fields = {"series": "QD-HS", "title": "Quyết định", "count": 1}
    return {"do": "number.issue", "on": on, "unit": unit, "with": fields}


def establish(code: str, on: str, **fields: Any) -> dict[str, Any]:
    body = {"name": f"Đơn vị {code}", "level": "huyen"} | fields
    return {"do": "unit.establish", "ref": code, "unit": code, "on": on, "with": body}


def position(engine: Engine) -> int:
    return engine.log.recorder.max_notification_id() or 0


unknown_codes = st.from_regex(UNIT_CODE, fullmatch=True).filter(
    lambda code: len(code) <= CODE_LIMIT and code not in units().units and code != "VKS-T"
)


@pytest.fixture
def recorded(engine: Engine) -> Engine:
    """A store with a record of a known unit (once for every example below)."""
    engine.execute(receive("TB-CO", "VKSKV7"))
    return engine


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(code=unknown_codes)
def test_every_path_refuses_a_unit_nobody_knows_and_records_nothing(
    recorded: Engine, code: str
) -> None:
    engine = recorded
    before = position(engine)
    says = re.escape(f"Không có đơn vị {code} (trường 'unit')")
    for step in (receive("TB-X", code), issue(code)):
        with pytest.raises(UnitNotInForce, match=says):
            engine.execute(step)
        with pytest.raises(UnitNotInForce, match=says):
            engine.preview(step)
    for ask in (engine.deadlines, engine.overdue, engine.violations):
        with pytest.raises(CommandRejected, match=says):
            ask(DAY, unit=code)
    with pytest.raises(CommandRejected, match=says):
        engine.readable("xem sổ", [], code)
    with pytest.raises(CommandRejected, match=says):
        engine.readable_units("xem sổ đăng ký số văn bản", code)
    with pytest.raises(QlahsError, match=says):
        compute(engine, code, parse_period("2025-08"))
    assert position(engine) == before


def test_a_unit_of_units_yaml_or_established_is_answered(engine: Engine) -> None:
    engine.execute(receive("TB1", "VKSKV1"))
    engine.execute(establish("VKS-MOI", "2025-08-01"))
    engine.execute(receive("TB2", "VKS-MOI"))
    engine.execute(issue("VKS-MOI"))
    assert {d.ref for d in engine.deadlines(DAY, unit="VKS-MOI")} == {"TB2"}
    assert engine.deadlines(DAY, unit="VKSKV2") == []  # in units.yaml: known, nothing due
    assert compute(engine, "VKSKV2", parse_period("2025-08")).total["report.in.Received"] == 0


def test_an_act_dated_before_the_unit_was_established_is_refused(engine: Engine) -> None:
    engine.execute(establish("VKS-MOI", "2025-08-01"))
    before = position(engine)
    with pytest.raises(UnitNotInForce, match="được thành lập từ ngày 01/08/2025"):
        engine.execute(receive("TB1", "VKS-MOI", on="2025-07-31"))
    assert position(engine) == before
    engine.execute(receive("TB1", "VKS-MOI", on="2025-08-01"))


def merged_district(engine: Engine) -> None:
    """VKSHL (a district unit from 2019) merged into the regional VKSKV1 on 01/07/2025."""
    engine.execute(establish("VKSHL", "2019-01-01"))
    engine.execute(establish("VKSKV1", "2025-07-01", level="khu_vuc"))
    engine.execute(
        {
            "do": "unit.merge_into",
            "ref": "VKSHL",
            "unit": "VKSKV1",
            "on": "2025-07-01",
            "with": {"into": "VKSKV1"},
        }
    )


@pytest.mark.parametrize("on", ["2025-07-01", "2025-08-04", "2026-01-05"])
def test_a_merged_unit_refuses_acts_from_its_merger_naming_the_successor(
    engine: Engine, on: str
) -> None:
    merged_district(engine)
    before = position(engine)
    for step in (receive("TB1", "VKSHL", on=on), issue("VKSHL", on=on)):
        with pytest.raises(UnitNotInForce) as refused:
            engine.execute(step)
        assert str(refused.value) == (
            "Đơn vị VKSHL đã sáp nhập vào VKSKV1 từ ngày 01/07/2025 (trường 'unit'); hãy ghi "
            "nhận tại đơn vị đó."
        )
    assert position(engine) == before
    engine.execute(receive("TB1", "VKSKV1", on=on))  # the successor takes it


def test_old_matters_of_a_merged_unit_are_recorded_back_dated(engine: Engine) -> None:
    merged_district(engine)
    engine.execute(receive("TB1", "VKSHL", on="2025-06-30"))
    engine.execute(issue("VKSHL", on="2025-06-30"))
    assert engine.subject("report", "TB1").unit == "VKSHL"


# -- the command line ---------------------------------------------------------------------


def test_the_command_line_refuses_an_unknown_unit_everywhere(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path}/q.db"
    with Engine.open(db, default_unit="VKSKV7") as engine:
        engine.execute(receive("TB1", "VKSKV7"))
        before = position(engine)
    calls = [
        ["number", "issue", "--series", "QD-HS", "--unit", "KHONGCO", "--on", "04/08/2025"],
        ["number", "book", "--unit", "KHONGCO", "--year", "2025"],
        ["book", "04", "--unit", "KHONGCO", "--year", "2025"],
        ["deadlines", "--unit", "KHONGCO", "--as-of", "04/08/2025"],
        ["violations", "--unit", "KHONGCO", "--as-of", "04/08/2025"],
        ["stats", "--unit", "KHONGCO", "--period", "2025-08"],
        ["stats", "recommendation", "--unit", "KHONGCO", "--period", "2025-08"],
    ]
    for args in calls:
        result = runner.invoke(app, [*args, "--db", db])
        assert result.exit_code != 0, args
        assert "Không có đơn vị KHONGCO (trường 'unit')" in result.output, (args, result.output)
        assert "Traceback" not in result.output
    with Engine.open(db) as engine:
        assert position(engine) == before


# -- scenarios ----------------------------------------------------------------------------


def test_a_scenario_s_own_units_are_established_before_its_first_step() -> None:
    scenario = Scenario.model_validate(
        {
            "name": "Đơn vị của kịch bản được ghi nhận trước bước đầu tiên",
            "unit": "VKS-KB",
            "steps": [
                receive("TB1", "VKS-KHAC", on="2025-03-03"),
                establish("VKS-MOI", "2025-03-04") | {"unit": "VKS-KB"},
                receive("TB2", "VKS-MOI", on="2025-03-05"),
                receive("TB3", "VKS-MOI", on="2025-03-03") | {"rejected": True},
            ],
        }
    )
    result = run(scenario)
    assert [step["accepted"] for step in result["steps"]] == [True, True, True, False]
    assert "được thành lập từ ngày 04/03/2025" in result["steps"][3]["error"]
    assert result["passed"]
