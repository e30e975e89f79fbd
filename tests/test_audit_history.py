"""`qlahs audit history`: every event of a record with its legal date, recorded time, actor,
unit and what changed; what the system knew at a given time; back-dated entries marked."""

from __future__ import annotations

import json
import re
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
from eventsourcing.domain import Aggregate
from typer.testing import CliRunner

from qlahs.cli import app
from qlahs.engine import Engine
from qlahs.kernel.errors import CommandRejected, SubjectNotFound
from qlahs.oversight.trail import history


def _story(engine: Engine) -> datetime:
    """A report received, decided, then a notice of receipt entered late with an earlier date;
    returns a moment between the decision and the late entry."""
    engine.execute(
        {
            "do": "report.receive",
            "ref": "TB1",
            "on": "2025-03-03",
            "unit": "VKSKV7",
            "actor": "Nguyễn Thị Hồng",
            "with": {"source": "tin_bao", "received_by": "CQDT", "summary": "Trộm xe"},
        }
    )
    engine.execute(
        {
            "do": "report.decide",
            "ref": "TB1",
            "on": "2025-03-20",
            "unit": "VKSKV7",
            "actor": "Trần Văn Quyết",
            "with": {"outcome": "khong_khoi_to"},
        }
    )
    time.sleep(0.01)
    between = datetime.now(UTC)
    time.sleep(0.01)
    engine.execute(
        {
            "do": "report.notify_procuracy",
            "ref": "TB1",
            "on": "2025-03-04",
            "unit": "VKSKV7",
            "actor": "Lê Văn Muộn",
        }
    )
    return between


def test_each_event_shows_both_times_the_actor_the_unit_and_what_changed(engine: Engine) -> None:
    _story(engine)
    received, decided, notified = history(engine, "TB1")
    assert (received.on.isoformat(), received.actor, received.unit) == (  # type: ignore[union-attr]
        "2025-03-03",
        "Nguyễn Thị Hồng",
        "VKSKV7",
    )
    assert (
        received.changes["summary"] == "Trộm xe" and received.changes["stage"] == "Đang giải quyết"
    )
    assert decided.changes == {
        "outcome": "khong_khoi_to",
        "stage": "Đang giải quyết → Đã giải quyết",
    }
    assert received.recorded_at < decided.recorded_at < notified.recorded_at


def test_a_back_dated_entry_is_marked_as_such(engine: Engine) -> None:
    _story(engine)
    flags = [(e.event, e.back_dated) for e in history(engine, "TB1")]
    assert flags == [
        ("Tiếp nhận nguồn tin", False),
        ("Quyết định khởi tố hoặc không khởi tố vụ án", False),
        ("Thông báo cho Viện kiểm sát việc tiếp nhận", True),  # dated 04/03, entered after 20/03
    ]


def test_known_at_shows_what_the_system_knew_then(engine: Engine) -> None:
    between = _story(engine)
    then = history(engine, "TB1", known_at=between)
    assert [e.event for e in then] == [
        "Tiếp nhận nguồn tin",
        "Quyết định khởi tố hoặc không khởi tố vụ án",
    ]
    assert history(engine, "TB1", known_at=datetime(2000, 1, 1, tzinfo=UTC)) == []


def test_an_unknown_reference_is_refused_naming_it(engine: Engine) -> None:
    with pytest.raises(SubjectNotFound, match="TB404"):
        history(engine, "TB404")


def test_a_reference_used_by_two_kinds_asks_for_the_kind(engine: Engine) -> None:
    engine.execute(
        {
            "do": "report.receive",
            "ref": "X1",
            "on": "2025-03-03",
            "with": {"source": "tin_bao", "received_by": "CQDT"},
        }
    )
    engine.execute(
        {"do": "case.open", "ref": "X1", "on": "2025-03-10", "with": {"crime": "BLHS 173 k1"}}
    )
    with pytest.raises(CommandRejected, match="--kind"):
        history(engine, "X1")
    assert [e.event for e in history(engine, "X1", kind="case")] == ["Khởi tố vụ án"]


def test_the_cli_prints_the_trail_and_its_json(engine: Engine, store_url: str) -> None:
    between = _story(engine)
    runner = CliRunner()
    table = runner.invoke(app, ["audit", "history", "TB1", "--db", store_url])
    assert table.exit_code == 0, table.output
    assert "ghi lùi ngày" in table.output and "Lê Văn Muộn" in table.output
    moment = between.isoformat()
    result = runner.invoke(
        app, ["audit", "history", "TB1", "--known-at", moment, "--json", "--db", store_url]
    )
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert [e["on"] for e in document["events"]] == ["2025-03-03", "2025-03-20"]


def test_the_cli_refuses_a_malformed_time_naming_the_option(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app,
        ["audit", "history", "TB1", "--known-at", "hôm qua", "--db", f"sqlite:///{tmp_path}/q.db"],
    )
    assert result.exit_code == 2
    assert "--known-at" in result.output


def test_every_act_is_named_in_vietnamese_never_by_its_class() -> None:
    """Each action's command says in Vietnamese what it records, and every act a subject can
    hold gets a name in the history from it (or its own, when no action records it)."""
    from qlahs.stages.registry import registry

    found = registry()
    for name, action in found.actions.items():
        assert action.command.__doc__, name
        assert re.search("[À-ỹ]", found.title(name)), (name, found.title(name))
    for kind, subject in found.subjects.items():
        steps = {step for moves in subject.transitions.values() for step in moves}
        events = {
            value
            for klass in subject.__mro__
            for value in vars(klass).values()
            if isinstance(value, type) and issubclass(value, Aggregate.Event)
        }
        for event in events:
            step = getattr(event, "step", "")
            if event.__name__ in ("Event", "Created") or event.__name__.endswith("Act"):
                continue  # the library's bases and a family's base (CaseAct…): never recorded
            if step and step not in steps:
                continue  # a shared act this kind's machine never takes
            title = found.act_title(kind, event)
            assert title != "Hành vi tố tụng" and "." not in title, (kind, event)
