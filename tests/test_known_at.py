"""Lists, books and a case as the store knew them at a recorded moment (`known_at`): an act
recorded late (back-dated) changes what the lists say from its recording on, and asking as
known before it still gives what was shown then."""

from __future__ import annotations

import itertools
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from qlahs.cli.main import app
from qlahs.engine import Engine
from qlahs.kernel.errors import CommandRejected
from qlahs.kernel.subject import subject_id
from qlahs.projections import known_at

RECEIVED = date(2025, 3, 3)
ASKED = date(2025, 4, 15)  # the 20 days to resolve ran out on 24/03/2025
RECEIVE = {"source": "tin_bao", "received_by": "CQDT"}


def refs(page: Any) -> list[str]:
    return sorted({item.ref for item in page.items})


def test_a_back_dated_decision_leaves_the_overdue_list_but_not_as_known_before(
    store_url: str,
) -> None:
    with Engine.open(store_url, default_unit="VKSKV7") as engine:
        engine.execute({"do": "report.receive", "on": RECEIVED, "ref": "TB1", "with": RECEIVE})
        engine.execute({"do": "report.notify_procuracy", "on": RECEIVED, "ref": "TB1"})
        engine.execute({"do": "report.receive", "on": RECEIVED, "ref": "TB2", "with": RECEIVE})
        assert refs(engine.overdue_page(ASKED, unit="VKSKV7")) == ["TB1", "TB2"]
        shown = engine.history("report", "TB2")[-1].recorded_at
        # recorded in April, dated 10/03: TB1 was decided in time after all
        decision = {"outcome": "khong_khoi_to"}
        engine.execute(
            {"do": "report.decide", "on": date(2025, 3, 10), "ref": "TB1", "with": decision}
        )

        assert refs(engine.overdue_page(ASKED, unit="VKSKV7")) == ["TB2"]
        before = engine.overdue_page(ASKED, unit="VKSKV7", known_at=shown)
        assert refs(before) == ["TB1", "TB2"]
        # the legal date still applies to what was known: on 20/03 only TB2's notice was late
        early = engine.overdue_page(date(2025, 3, 20), unit="VKSKV7", known_at=shown)
        assert [(d.ref, d.rule) for d in early.items] == [("TB2", "report.notify_procuracy")]
        one = engine.deadline_page(ASKED, ref="TB1", known_at=shown)
        assert {d.status for d in one.items if d.rule == "report.resolve"} == {"missed"}
        assert {
            d.status for d in engine.deadlines(ASKED, ref="TB1") if d.rule == "report.resolve"
        } == {"met"}
        missing = engine.violation_page(ASKED, unit="VKSKV7", known_at=shown)
        assert "TB1" in refs(missing)
        assert "TB1" not in refs(engine.violation_page(ASKED, unit="VKSKV7"))
        assert [a.step for a in engine.history("report", "TB1", known_at=shown)] == [
            a.step for a in engine.history("report", "TB1")[:-1]
        ]
        nothing_yet = engine.history("report", "TB1")[0].recorded_at - timedelta(seconds=1)
        assert engine.overdue_page(ASKED, unit="VKSKV7", known_at=nothing_yet).items == []
        judged = engine.judge("report", "TB1", ASKED, known_at=shown)
        assert [v.kind for v in judged.violations if v.rule == "report.resolve"] == ["missing"]
        books = engine.book_rows("04", "VKSKV7", 2025, known_at=nothing_yet)
        assert books == [] and len(engine.book_rows("04", "VKSKV7", 2025)) == 2


def test_known_at_on_the_command_line(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/qlahs.db"
    with Engine.open(url, default_unit="VKSKV7") as engine:
        engine.execute({"do": "report.receive", "on": RECEIVED, "ref": "TB1", "with": RECEIVE})
    runner = CliRunner()
    asked = ["deadlines", "--overdue", "--as-of", "15/04/2025", "--unit", "VKSKV7", "--db", url]
    now = runner.invoke(app, asked)
    assert now.exit_code == 0 and "TB1" in now.output
    later = (datetime.now(UTC) + timedelta(days=2)).strftime("%d/%m/%Y %H:%M")
    for moment, shown in (("01/01/2020", False), ("01/01/2020 08:30", False), (later, True)):
        result = runner.invoke(app, [*asked, "--known-at", moment])
        assert result.exit_code == 0, result.output
        assert ("TB1" in result.output) is shown
        assert "theo dữ liệu đã ghi nhận đến" in result.output
    violations = runner.invoke(
        app, ["violations", "--as-of", "15/04/2025", "--known-at", "01/01/2020", "--db", url]
    )
    assert violations.exit_code == 0 and "TB1" not in violations.output
    wrong = runner.invoke(app, [*asked, "--known-at", "hôm qua"])
    assert wrong.exit_code == 2 and "dd/mm/yyyy HH:MM" in wrong.output


STEPS: list[tuple[str, dict[str, Any]]] = [
    ("report.notify_procuracy", {}),
    ("report.extend", {}),
    ("report.suspend", {"ground": "giam_dinh"}),
    ("report.resume", {}),
    ("report.decide", {"outcome": "khong_khoi_to"}),
]
examples = itertools.count()
step = st.tuples(st.integers(0, 1), st.integers(0, 90), st.sampled_from(STEPS))


def answers(engine: Engine, day: date, known_at: datetime | None) -> list[list[str]]:
    asked: list[Any] = [
        engine.overdue_page(day, known_at=known_at),
        engine.unfinished_page(day, known_at=known_at),
        engine.due_within_page(day, 10, known_at=known_at),
        engine.deadline_page(day, known_at=known_at),
        engine.violation_page(day, known_at=known_at),
    ]
    return [sorted(repr(item) for item in page.items) for page in asked]


def test_known_at_answers_as_a_store_of_only_the_events_recorded_by_then(
    store_url: str, tmp_path: Path
) -> None:
    with Engine.open(store_url, default_unit="VKSKV7") as engine:

        @settings(
            max_examples=12,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
        )
        @given(
            steps=st.lists(step, min_size=1, max_size=8),
            cut=st.integers(0, 10_000),
            asked=st.integers(0, 150),
        )
        def one(steps: list[tuple[int, int, Any]], cut: int, asked: int) -> None:
            example = next(examples)
            for which in range(2):
                ref = f"K{example}-{which}"
                engine.execute(
                    {"do": "report.receive", "on": RECEIVED, "ref": ref, "with": RECEIVE}
                )
            for which, offset, (name, fields) in steps:
                on = RECEIVED + timedelta(days=offset)
                try:
                    engine.execute(
                        {"do": name, "on": on, "ref": f"K{example}-{which}", "with": fields}
                    )
                except CommandRejected:
                    continue
            recorded = engine.log.recorder.select_notifications(start=None, limit=100_000)
            events = [engine.log.mapper.to_domain_event(n) for n in recorded]
            moment = events[cut % len(events)].timestamp
            with Engine.open(f"sqlite:///{tmp_path}/{example}.db", default_unit="VKSKV7") as then:
                for event in events:
                    if event.timestamp <= moment:
                        then.log.save(event)
                day = RECEIVED + timedelta(days=asked)
                assert answers(engine, day, moment) == answers(then, day, None)

        one()


def test_only_the_records_recorded_since_are_projected_again(
    store_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Engine.open(store_url, default_unit="VKSKV7") as engine:
        for ref in ("TB1", "TB2", "TB3"):
            engine.execute({"do": "report.receive", "on": RECEIVED, "ref": ref, "with": RECEIVE})
        shown = engine.history("report", "TB3")[-1].recorded_at
        engine.execute({"do": "report.notify_procuracy", "on": RECEIVED, "ref": "TB1"})
        engine.execute({"do": "report.receive", "on": RECEIVED, "ref": "TB4", "with": RECEIVE})
        asked: list[set[str]] = []
        real = known_at.read_model_at

        def spy(*args: Any) -> Any:
            asked.append({str(s) for s in args[-1]})
            return real(*args)

        monkeypatch.setattr(known_at, "read_model_at", spy)
        then = engine.unfinished_page(ASKED, unit="VKSKV7", known_at=shown)
        assert asked == [{str(subject_id("report", r)) for r in ("TB1", "TB4")}]
        assert refs(then) == ["TB1", "TB2", "TB3"]  # TB4 was not recorded yet
        notices = [d.ref for d in then.items if d.rule == "report.notify_procuracy"]
        assert sorted(notices) == ["TB1", "TB2", "TB3"]  # TB1's notice was still missing
        now = engine.unfinished_page(ASKED, unit="VKSKV7")  # the live tables, not shadowed
        assert refs(now) == ["TB1", "TB2", "TB3", "TB4"]
        assert "TB1" not in [d.ref for d in now.items if d.rule == "report.notify_procuracy"]
