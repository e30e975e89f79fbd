"""The crime-report events qlahs 0.1.0 stored (tests/data/report-events-v0.1.json)."""

from __future__ import annotations

import json
from pathlib import Path
from uuid import UUID

from eventsourcing.persistence import StoredEvent

from qlahs.engine import Engine

DATA = Path(__file__).parent / "data" / "report-events-v0.1.json"


def insert_v01_events(engine: Engine) -> int:
    """Write the old events into the store as they were stored; how many there were."""
    stored = json.loads(DATA.read_text(encoding="utf-8"))["events"]
    engine.log.recorder.insert_events(
        [
            StoredEvent(
                originator_id=UUID(event["originator_id"]),
                originator_version=event["originator_version"],
                topic=event["topic"],
                state=event["state"].encode("utf-8"),
            )
            for event in stored
        ]
    )
    return len(stored)
