"""The organisation as recorded acts: units established, renamed, moved and merged, read back
as the unit tree of any day, as known at any recorded time."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from qlahs.cli import app
from qlahs.engine import Engine
from qlahs.kernel.errors import CommandRejected, QlahsError
from qlahs.stats.compute import compute
from qlahs.stats.periods import parse_period
from qlahs.stats.units_view import organisation_at

REORGANISED = date(2025, 7, 1)


def unit_step(on: str, do: str, ref: str, **fields: object) -> dict[str, object]:
    return {"on": on, "do": do, "ref": ref, "with": fields, "unit": "VKSNDTC"}


def districts_into_a_region(engine: Engine) -> None:
    for step in (
        unit_step("2019-01-01", "unit.establish", "VKSNDTC", name="Tối cao", level="toi_cao"),
        unit_step(
            "2019-01-01", "unit.establish", "VKSQN", name="Tỉnh QN", level="tinh", parent="VKSNDTC"
        ),
        unit_step(
            "2019-01-01", "unit.establish", "VKSHL", name="Hạ Long", level="huyen", parent="VKSQN"
        ),
        unit_step(
            "2019-01-01", "unit.establish", "VKSCP", name="Cẩm Phả", level="huyen", parent="VKSQN"
        ),
        unit_step(
            "2025-07-01",
            "unit.establish",
            "VKSKV1",
            name="Khu vực 1",
            level="khu_vuc",
            parent="VKSQN",
        ),
        unit_step("2025-07-01", "unit.merge_into", "VKSHL", into="VKSKV1"),
        unit_step("2025-07-01", "unit.merge_into", "VKSCP", into="VKSKV1"),
    ):
        engine.execute(step)


def report(engine: Engine, ref: str, unit: str, received: str, decided: str | None) -> None:
    engine.execute(
        {
            "on": received,
            "do": "report.receive",
            "ref": ref,
            "unit": unit,
            "with": {"source": "tin_bao", "received_by": "CQDT"},
        }
    )
    if decided:
        engine.execute(
            {"on": decided, "do": "report.decide", "ref": ref, "with": {"outcome": "khong_khoi_to"}}
        )


def test_the_tree_of_a_day_before_the_reorganisation_has_the_district_units(
    engine: Engine,
) -> None:
    districts_into_a_region(engine)
    before = organisation_at(engine, date(2025, 6, 30))
    assert before.children("VKSQN", before.active_codes()) == ["VKSCP", "VKSHL"]
    assert before.resolve("VKSHL") == "VKSHL"


def test_after_the_reorganisation_merged_units_count_for_their_successor(engine: Engine) -> None:
    districts_into_a_region(engine)
    after = organisation_at(engine, REORGANISED)
    # the recorded region and the regions units.yaml lists; the merged districts are gone
    children = after.children("VKSQN", after.active_codes())
    assert children == sorted(
        ["VKSKV1", "VKSKV2", "VKSKV3", "VKSKV4", "VKSKV5", "VKSKV6", "VKSKV7"]
    )
    assert after.resolve("VKSHL") == after.resolve("VKSCP") == "VKSKV1"
    assert after.predecessors("VKSKV1") == ["VKSCP", "VKSHL"]


def test_a_renaming_takes_effect_on_its_date(engine: Engine) -> None:
    districts_into_a_region(engine)
    engine.execute(unit_step("2026-01-01", "unit.rename", "VKSKV1", name="Khu vực 1 – QN"))
    assert organisation_at(engine, date(2025, 12, 31)).name("VKSKV1") == "Khu vực 1"
    assert organisation_at(engine, date(2026, 1, 1)).name("VKSKV1") == "Khu vực 1 – QN"


def test_the_tree_as_known_at_an_earlier_moment_ignores_acts_recorded_since(
    engine: Engine,
) -> None:
    districts_into_a_region(engine)
    known = engine.history("unit", "VKSCP")[-1].recorded_at
    engine.execute(unit_step("2026-01-01", "unit.rename", "VKSKV1", name="Tên mới"))
    assert organisation_at(engine, date(2026, 2, 1), known).name("VKSKV1") == "Khu vực 1"


@pytest.mark.parametrize(
    ("step", "message"),
    [
        (
            unit_step("2025-01-01", "unit.establish", "X", name="X", level="huyen", parent="NONE"),
            "Không có đơn vị NONE",
        ),
        (unit_step("2025-08-01", "unit.merge_into", "VKSKV1", into="VKSKV1"), "chính nó"),
        (unit_step("2025-08-01", "unit.merge_into", "VKSKV1", into="VKSHL"), "đã sáp nhập"),
        (unit_step("2025-08-01", "unit.reattach", "VKSQN", parent="VKSKV1"), "đang ở dưới"),
        (unit_step("2025-08-01", "unit.rename", "VKSHL", name="Y"), "Đã sáp nhập"),
    ],
)
def test_an_organisation_that_cannot_be_true_is_refused(
    engine: Engine, step: dict[str, object], message: str
) -> None:
    districts_into_a_region(engine)
    with pytest.raises(CommandRejected, match=message):
        engine.execute(step)


def test_a_regional_year_includes_the_months_of_the_districts_it_replaced(
    engine: Engine,
) -> None:
    districts_into_a_region(engine)
    report(engine, "TB1", "VKSHL", "2025-01-10", "2025-01-20")
    report(engine, "TB2", "VKSCP", "2025-05-10", None)  # carried into the region
    report(engine, "TB3", "VKSKV1", "2025-08-01", "2025-08-15")
    made = compute(engine, "VKSKV1", parse_period("y-2025"), known_at=None)
    assert made.total["report.in.Received"] == 3
    assert made.total["report.end"] == 1
    assert any("VKSCP, VKSHL" in note for note in made.notes)
    march = compute(engine, "VKSKV1", parse_period("2025-03"))
    assert march.total["report.carried"] == 0 and march.total["report.end"] == 0
    assert "thành lập ngày 01/07/2025" in march.notes[0]
    june = compute(engine, "VKSHL", parse_period("2025-06"))
    assert june.total["report.in.Received"] == 0 and june.unit_name == "Hạ Long"


def test_a_report_for_a_merged_unit_after_its_merger_names_the_successor(engine: Engine) -> None:
    districts_into_a_region(engine)
    with pytest.raises(QlahsError, match="hãy lập báo cáo cho VKSKV1"):
        compute(engine, "VKSHL", parse_period("2025-09"))


def test_loading_an_organisation_file_twice_records_it_once(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path}/org.db"
    file = tmp_path / "to-chuc.yaml"
    file.write_text(
        "- {on: 2019-01-01, do: unit.establish, ref: VKSQN, unit: VKSQN,"
        " with: {name: Tỉnh QN, level: tinh}}\n"
        "- {on: 2019-01-01, do: unit.establish, ref: VKSHL, unit: VKSQN,"
        " with: {name: Hạ Long, level: huyen, parent: VKSQN}}\n",
        encoding="utf-8",
    )
    runner = CliRunner()
    first = runner.invoke(app, ["stats", "units", "--load", str(file), "--db", db])
    assert first.exit_code == 0, first.output
    with Engine.open(db) as engine:
        position = engine.log.recorder.max_notification_id()
    again = runner.invoke(
        app, ["stats", "units", "--load", str(file), "--db", db, "--as-of", "2020-01-01"]
    )
    assert again.exit_code == 0, again.output
    assert "VKSHL Hạ Long" in again.output and "VKSQN Tỉnh QN" in again.output
    with Engine.open(db) as engine:
        assert engine.log.recorder.max_notification_id() == position
