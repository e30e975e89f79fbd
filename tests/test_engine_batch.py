"""`Engine.execute_batch`: many commands for many subjects in one transaction, each checked
as `execute` checks it; all of them recorded, or none."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from qlahs.access.actor import AccessDenied, Actor
from qlahs.engine import Engine
from qlahs.engine.batch import BATCH_LIMIT, BatchRejected
from qlahs.kernel.errors import CommandRejected

UNIT = "VKSKV7"


@pytest.fixture
def engine(store_url: str) -> Iterator[Engine]:
    """A store holding nothing at all, in a unit the organisation lists: what a batch leaves
    behind is all there is to see."""
    with Engine.open(store_url, default_unit=UNIT) as opened:
        yield opened


def _report(ref: str, day: str) -> list[dict[str, Any]]:
    return [
        {
            "on": day,
            "do": "report.receive",
            "ref": ref,
            "unit": UNIT,
            "with": {"source": "tin_bao", "received_by": "CQDT", "summary": "Trộm cắp tài sản"},
        },
        {"on": day, "do": "report.notify_procuracy", "ref": ref, "unit": UNIT},
        {
            "on": day,
            "do": "report.decide",
            "ref": ref,
            "unit": UNIT,
            "with": {"outcome": "khoi_to", "case": ref + "-VA"},
        },
        {
            "on": day,
            "do": "case.open",
            "ref": ref + "-VA",
            "unit": UNIT,
            "with": {"crime": "BLHS 173 k1", "from_report": ref},
        },
    ]


STEPS = _report("TB1", "2026-03-02") + _report("TB2", "2026-03-03")


def _stored(engine: Engine) -> list[tuple[str, int, str]]:
    events = engine.log.recorder.select_notifications(start=1, limit=1000)
    return [(n.topic, n.originator_version, str(n.originator_id)) for n in events]


def test_a_batch_records_what_the_commands_one_by_one_record(tmp_path: Path) -> None:
    with Engine.open(f"sqlite:///{tmp_path}/batch.db") as engine:
        batched = engine.execute_batch(STEPS)
        in_batch = _stored(engine)
        engine.catch_up()
        assert engine.subject("report", "TB2").stage == engine.subject("report", "TB1").stage
    with Engine.open(f"sqlite:///{tmp_path}/single.db") as engine:
        single = [engine.execute(step) for step in STEPS]
        stored = _stored(engine)
    assert batched == single
    # the same events, in the order of the commands
    assert [(topic, version) for topic, version, _ in stored] == [
        (topic, version) for topic, version, _ in in_batch
    ]


def test_a_refused_command_leaves_nothing_of_its_batch(engine: Engine) -> None:
    decided_again = STEPS[2]  # the report is decided already: its stage refuses
    with pytest.raises(BatchRejected) as refused:
        engine.execute_batch([*STEPS[:3], decided_again, *STEPS[3:]])
    assert refused.value.index == 3
    assert "Lệnh thứ 4" in str(refused.value) and "TB1" in str(refused.value)
    assert not engine.log.recorder.max_notification_id()
    # nothing stays in the cache either: the batch again without the wrong command records
    assert len(engine.execute_batch(STEPS)) == len(STEPS)
    assert engine.subject("report", "TB1").version == 3


def test_a_subject_made_twice_in_one_batch_is_refused_at_the_second(engine: Engine) -> None:
    with pytest.raises(BatchRejected) as refused:
        engine.execute_batch([STEPS[0], STEPS[1], STEPS[0]])
    assert refused.value.index == 2
    assert isinstance(refused.value.error, CommandRejected)
    assert not engine.log.recorder.max_notification_id()


def test_a_command_sent_again_with_its_id_records_nothing(engine: Engine) -> None:
    first = STEPS[0] | {"command_id": "c-1"}
    (recorded,) = engine.execute_batch([first])
    before = engine.log.recorder.max_notification_id()
    again, _ = engine.execute_batch([first, STEPS[1]])
    assert again == recorded
    assert engine.log.recorder.max_notification_id() == before + 1
    with pytest.raises(BatchRejected, match="command_id"):
        engine.execute_batch([STEPS[4] | {"command_id": "c-1"}])


def test_a_user_may_not_record_in_a_batch_what_they_may_not_record_alone(
    engine: Engine,
) -> None:
    clerk = engine.as_user(Actor("vt", "VKSKV1", frozenset({"van_thu"})))
    with pytest.raises(AccessDenied):
        clerk.execute_batch(STEPS[:2])
    # the refusal is recorded, as for one command; nothing of the batch
    assert [topic.rsplit(".", 1)[-1] for topic, _, _ in _stored(engine)] == ["Refused"]


def test_a_batch_too_big_is_refused_before_anything_is_done(engine: Engine) -> None:
    with pytest.raises(CommandRejected, match=str(BATCH_LIMIT)):
        engine.execute_batch([STEPS[0]] * (BATCH_LIMIT + 1))


def test_the_refusal_named_is_the_first_of_the_batch_whatever_refused_it(engine: Engine) -> None:
    malformed = {"on": "2026-03-05", "do": "report.decide", "ref": "TB1", "unit": UNIT}
    unknown = {"on": "2026-03-05", "do": "report.notify_procuracy", "ref": "TB9", "unit": UNIT}
    with pytest.raises(BatchRejected) as refused:
        engine.execute_batch([STEPS[0], unknown, malformed])
    assert refused.value.index == 1  # the record that does not exist, before the bad fields
    with pytest.raises(BatchRejected) as refused:
        engine.execute_batch([STEPS[0], STEPS[1], malformed])
    assert refused.value.index == 2 and "outcome" in str(refused.value)
    assert not engine.log.recorder.max_notification_id()
