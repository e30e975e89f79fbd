"""SCALE TEST (marked `scale`, about 10–30 s): `audit verify` on 100,000 events.

The events are written fast with the raw recorder (the same stored event under 100,000
subjects), linked by the projector as usual, then verified; one row changed near the end is
still found at its place. Skip it with `-m "not scale"`.
"""

from __future__ import annotations

import time
import uuid

import pytest
from eventsourcing.persistence import StoredEvent

import tamper
from qlahs.engine import Engine
from qlahs.engine.command_log import CommandLog
from qlahs.oversight.ledger import verify

EVENTS = 100_000
BATCH = 10_000

pytestmark = pytest.mark.scale


def _write(engine: Engine, count: int) -> None:
    handled = CommandLog._create(CommandLog.Handled, id=uuid.uuid4(), command_id="c", result={})
    template = engine.log.mapper.to_stored_event(handled.collect_events()[0])
    for start in range(0, count, BATCH):
        engine.log.recorder.insert_events(
            [
                StoredEvent(uuid.uuid4(), 1, template.topic, template.state)
                for _ in range(min(BATCH, count - start))
            ]
        )


def test_100000_events_verify_intact_and_a_late_change_is_found(engine: Engine) -> None:
    started = time.perf_counter()
    _write(engine, EVENTS)
    written = time.perf_counter()
    engine.catch_up()  # the projector links them, as it would have one page at a time
    linked = time.perf_counter()
    result = verify(engine)
    verified = time.perf_counter()
    print(
        f"\n{engine.location.sql_url.get_backend_name()}: write {written - started:.1f} s, "
        f"link {linked - written:.1f} s, verify {verified - linked:.1f} s "
        f"({result.seconds:.1f} s walking)"
    )
    assert result.intact and result.walk.checked == EVENTS + 1  # and the unit's establishment
    assert verified - linked < 30
    tamper.change_state(engine, EVENTS - 10, b"{}")
    broken = verify(engine).walk.broken
    assert broken is not None and (broken.kind, broken.position) == ("changed", EVENTS - 10)
