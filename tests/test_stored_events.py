"""Events written by an earlier version of qlahs still load and give the same judgement.

`tests/data/report-events-v0.1.json` holds every kind of crime-report event as qlahs 0.1.0
stored it. Renaming or moving an event class without `register_topic` or an upcaster breaks
this test.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from uuid import UUID

from eventsourcing.persistence import StoredEvent

from qlahs.application import Engine

DATA = Path(__file__).parent / "data" / "report-events-v0.1.json"


def test_events_stored_by_version_0_1_load_and_are_judged(store_url: str) -> None:
    stored = json.loads(DATA.read_text(encoding="utf-8"))["events"]
    with Engine.open(store_url) as engine:
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
        report = engine.subject("report", "TB-CU")
        assert (report.stage, report.outcome, report.case) == ("decided", "khoi_to", "VA-CU")
        assert report.suspects == ["Lê Văn Bình"]
        assert len(engine.history("report", "TB-CU")) == len(stored) == 13
        (resolve,) = engine.deadlines(date(2025, 7, 31), ref="TB-CU", rule="report.resolve")
        assert resolve.status == "met"
        assert engine.search("TB-CU")[0]["ref"] == "TB-CU"
