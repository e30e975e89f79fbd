"""The Engine on both stores: refusals, idempotent commands, races, previews, as-of queries."""

from __future__ import annotations

import multiprocessing
import threading
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from qlahs.engine import Engine
from qlahs.kernel.errors import (
    CommandRejected,
    InvalidCommand,
    StageError,
    SubjectExists,
    SubjectNotFound,
)
from qlahs.stages.report.commands import DecideReport, ReceiveReport


def receive(ref: str = "TB1", on: str = "2025-03-03", **fields: Any) -> dict[str, Any]:
    return {
        "do": "report.receive",
        "ref": ref,
        "on": on,
        "with": {"source": "tin_bao", "received_by": "CQDT"} | fields,
    }


def test_a_typed_command_and_a_scenario_step_record_the_same_act(engine: Engine) -> None:
    engine.execute(
        ReceiveReport(ref="TB1", on=date(2025, 3, 3), source="tin_bao", received_by="CQDT")
    )
    engine.execute(
        {
            "do": "report.decide",
            "ref": "TB1",
            "on": "2025-03-10",
            "with": {"outcome": "khong_khoi_to"},
        }
    )
    acts = engine.history("report", "TB1")
    assert [type(a).__name__ for a in acts] == ["Received", "Decided"]
    assert engine.subject("report", "TB1").stage == "decided"


def test_every_act_carries_both_times_the_actor_and_the_unit(engine: Engine) -> None:
    engine.execute(receive() | {"actor": "Nguyễn Văn A", "unit": "VKSKV7"})
    (act,) = engine.history("report", "TB1")
    assert act.on == date(2025, 3, 3)
    assert isinstance(act.recorded_at, datetime)
    assert (act.actor, act.unit) == ("Nguyễn Văn A", "VKSKV7")


def test_hour_precision_dates_are_kept(engine: Engine) -> None:
    engine.execute(receive(on="2025-03-03T10:30"))
    (act,) = engine.history("report", "TB1")
    assert act.on == datetime(2025, 3, 3, 10, 30)


def test_a_second_receipt_with_the_same_reference_is_refused(engine: Engine) -> None:
    engine.execute(receive())
    with pytest.raises(SubjectExists, match="TB1"):
        engine.execute(receive())


def test_an_act_on_an_unknown_report_is_refused_naming_the_reference(engine: Engine) -> None:
    with pytest.raises(SubjectNotFound, match="TB9"):
        engine.execute({"do": "report.notify_procuracy", "ref": "TB9", "on": "2025-03-04"})


def test_a_step_the_stage_does_not_allow_names_the_stage_and_the_allowed_steps(
    engine: Engine,
) -> None:
    engine.execute(receive())
    with pytest.raises(StageError) as refused:
        engine.execute({"do": "report.resume", "ref": "TB1", "on": "2025-03-05"})
    message = str(refused.value)
    assert "Đang giải quyết" in message
    assert "suspend" in message and "decide" in message


def test_a_second_decision_is_refused(engine: Engine) -> None:
    engine.execute(receive())
    engine.execute(
        {"do": "report.decide", "ref": "TB1", "on": "2025-03-10", "with": {"outcome": "khoi_to"}}
    )
    with pytest.raises(StageError, match="decide"):
        engine.execute(
            {
                "do": "report.decide",
                "ref": "TB1",
                "on": "2025-03-11",
                "with": {"outcome": "khoi_to"},
            }
        )


def test_a_malformed_field_is_refused_naming_the_field_in_vietnamese(engine: Engine) -> None:
    engine.execute(receive())
    with pytest.raises(InvalidCommand) as refused:
        engine.execute(
            {"do": "report.decide", "ref": "TB1", "on": "2025-03-10", "with": {"outcome": "tha"}}
        )
    assert "'outcome'" in str(refused.value)
    assert "phải là một trong" in str(refused.value)


def test_a_missing_field_is_refused(engine: Engine) -> None:
    with pytest.raises(InvalidCommand, match="received_by"):
        engine.execute(
            {
                "do": "report.receive",
                "ref": "TB1",
                "on": "2025-03-03",
                "with": {"source": "tin_bao"},
            }
        )


def test_an_unknown_action_is_refused(engine: Engine) -> None:
    with pytest.raises(CommandRejected, match=r"report\.dismiss"):
        engine.execute({"do": "report.dismiss", "ref": "TB1", "on": "2025-03-03"})


def test_an_act_dated_before_the_report_existed_is_refused(engine: Engine) -> None:
    engine.execute(receive())
    with pytest.raises(CommandRejected, match="trước ngày"):
        engine.execute({"do": "report.notify_procuracy", "ref": "TB1", "on": "2025-03-01"})


def test_nothing_is_recorded_when_a_command_is_refused(engine: Engine) -> None:
    engine.execute(receive())
    with pytest.raises(CommandRejected):
        engine.execute({"do": "report.resume", "ref": "TB1", "on": "2025-03-05"})
    assert len(engine.history("report", "TB1")) == 1


def test_sending_a_command_id_again_returns_the_first_result_and_records_nothing(
    engine: Engine,
) -> None:
    engine.execute(receive())
    step = {
        "do": "report.notify_procuracy",
        "ref": "TB1",
        "on": "2025-03-04",
        "command_id": "cmd-42",
    }
    first = engine.execute(step)
    again = engine.execute(step)
    assert again == first
    assert len(engine.history("report", "TB1")) == 2


def test_a_command_id_sent_again_with_other_content_is_refused(engine: Engine) -> None:
    engine.execute(receive())
    first = {"do": "report.notify_procuracy", "ref": "TB1", "on": "2025-03-04", "command_id": "c1"}
    engine.execute(first)
    other = {
        "do": "report.assign_prosecutor",
        "ref": "TB1",
        "on": "2025-03-05",
        "command_id": "c1",
        "with": {"prosecutor": "KSV A"},
    }
    with pytest.raises(CommandRejected, match=r"Mã lệnh 'c1' \(trường 'command_id'\) đã được dùng"):
        engine.execute(other)
    assert len(engine.history("report", "TB1")) == 2  # nothing of the second was recorded
    assert engine.execute(first).version == 2  # the first, sent again, still answers


def test_command_ids_belong_to_their_unit(engine: Engine) -> None:
    """The same id chosen in two units records two commands; neither sees the other's result."""
    for unit, ref in (("VKSKV1", "TB1"), ("VKSKV7", "TB7")):
        recorded = engine.execute(receive(ref=ref) | {"unit": unit, "command_id": "so-1"})
        assert recorded.ref == ref
    # both were recorded: the second was not answered with the first one's result
    assert [len(engine.history("report", ref)) for ref in ("TB1", "TB7")] == [1, 1]


def assign_concurrently(url: str, writers: int, each: int) -> None:
    """`writers` threads, each with its own engine, assign `each` prosecutors to report TB1."""
    errors: list[BaseException] = []

    def writer(index: int) -> None:
        try:
            with Engine.open(url, default_unit="VKSKV7") as engine:
                for n in range(each):
                    engine.execute(
                        {
                            "do": "report.assign_prosecutor",
                            "ref": "TB1",
                            "on": "2025-03-05",
                            "with": {"prosecutor": f"KSV {index}-{n}"},
                        }
                    )
        except BaseException as error:  # pragma: no cover - reported below
            errors.append(error)

    threads = [threading.Thread(target=writer, args=(i,)) for i in range(writers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []


def test_concurrent_writers_on_one_report_lose_nothing(store_url: str) -> None:
    with Engine.open(store_url, default_unit="VKSKV7") as setup:
        setup.execute(receive())
    assign_concurrently(store_url, writers=3, each=10)
    with Engine.open(store_url) as check:
        assert len(check.history("report", "TB1")) == 1 + 3 * 10


@pytest.mark.postgres
def test_writers_that_lose_every_race_queue_on_the_subject_instead_of_giving_up(
    pg_schema_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With no optimistic attempt at all, 8 writers on one report still record everything."""
    from qlahs.engine import engine as engine_module

    monkeypatch.setattr(engine_module, "RETRIES", 0)  # every writer goes to the queue
    with Engine.open(pg_schema_url, default_unit="VKSKV7") as setup:
        setup.execute(receive())
    assign_concurrently(pg_schema_url, writers=8, each=8)
    with Engine.open(pg_schema_url) as check:
        assert len(check.history("report", "TB1")) == 1 + 8 * 8


def test_preview_tells_the_violation_an_act_would_create_without_recording_it(
    engine: Engine,
) -> None:
    engine.execute(receive())
    late = DecideReport(ref="TB1", on=date(2025, 3, 28), outcome="khong_khoi_to")
    found = engine.preview(late)
    assert [(v.rule, v.kind, v.days_overdue) for v in found] == [("report.resolve", "late", 4)]
    assert "Điều 147" in found[0].message
    assert len(engine.history("report", "TB1")) == 1


def test_deadlines_are_answered_as_of_a_date_before_a_later_extension(engine: Engine) -> None:
    engine.execute(receive())
    engine.execute({"do": "report.extend", "ref": "TB1", "on": "2025-03-20"})
    (before,) = engine.deadlines(date(2025, 3, 10), ref="TB1", rule="report.resolve")
    (after,) = engine.deadlines(date(2025, 3, 25), ref="TB1", rule="report.resolve")
    assert before.due == date(2025, 3, 24)
    assert after.due == date(2025, 5, 5)  # 03/05 is a Saturday, 04/05 a Sunday


def test_due_within_lists_only_open_deadlines_in_the_window(engine: Engine) -> None:
    engine.execute(receive())
    engine.execute(receive("TB2", on="2025-03-20"))
    soon = engine.due_within(date(2025, 3, 20), 5)
    assert {(d.ref, d.rule) for d in soon} == {
        ("TB1", "report.resolve"),
        ("TB2", "report.notify_procuracy"),
    }


def test_every_deadline_explains_its_rule_citation_and_counting(engine: Engine) -> None:
    engine.execute(receive())
    (deadline,) = engine.deadlines(date(2025, 3, 4), ref="TB1", rule="report.resolve")
    text = "\n".join(deadline.explanation)
    assert "BLTTHS 2015 Điều 147 khoản 1" in text
    assert "23/03/2025" in text and "24/03/2025" in text
    assert "Điều 134" in text


def _open_and_receive(url: str, ref: str) -> None:
    with Engine.open(url, default_unit="VKSKV7") as engine:
        engine.execute(receive(ref))


def test_processes_opening_a_new_sqlite_file_at_once_all_succeed(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/new.db"
    context = multiprocessing.get_context("spawn")
    workers = [context.Process(target=_open_and_receive, args=(url, f"TB{i}")) for i in range(4)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(60)
    assert [w.exitcode for w in workers] == [0, 0, 0, 0]
    with Engine.open(url, default_unit="VKSKV7") as engine:
        assert len(engine.search("TB")) == 4


def test_a_rule_of_our_own_validators_is_told_in_vietnamese_only(engine: Engine) -> None:
    engine.execute(receive())
    step = {"do": "report.grant_extension", "ref": "TB1", "on": "2025-03-05"}
    with pytest.raises(InvalidCommand) as refused:
        engine.execute(step | {"with": {"months": 1, "until": "2025-05-01"}})
    assert "chỉ ghi một trong hai trường 'months' hoặc 'until'" in str(refused.value)
    assert "Value error" not in str(refused.value)


def test_a_list_for_a_unit_nobody_knows_is_refused_not_empty(engine: Engine) -> None:
    engine.execute(receive() | {"unit": "VKSKV7"})
    with pytest.raises(CommandRejected, match=r"Không có đơn vị KHONGCO \(trường 'unit'\)"):
        engine.overdue(date(2025, 4, 1), unit="KHONGCO")
    assert engine.deadlines(date(2025, 3, 4), unit="VKSKV7")  # a unit with records answers
    assert engine.deadlines(date(2025, 3, 4), unit="VKSKV1") == []  # one of the unit tree too
