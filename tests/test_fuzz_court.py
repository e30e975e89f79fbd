"""Random stories of a civil matter or an administrative case: any sequence of `civil.*` or
`admin.*` steps, in any order, with plausible or hostile fields, is either recorded or refused
with a clean Vietnamese message that records nothing; afterwards the deadlines of every matter
are judged and every reader still answers (on both stores)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from qlahs.engine import Engine
from qlahs.scenario.units import establish_units
from qlahs.stages.registry import registry
from test_fuzz_actions import (
    _valid,
    hostile_value,
    readers_answer,
    record_story,
)

UNIT = "VKSKV7"
EXAMPLES = 120
COMMON = ("ref", "on", "unit", "actor", "note", "command_id")
PREFIXES = {"civil": "DS", "admin": "HC"}
# The usual path of a contested matter, from acceptance to review.
PATH = (
    "accept",
    "bring_to_trial",
    "send_file",
    "return_file",
    "attend",
    "judge",
    "appeal",
    "appeal_accept",
    "bring_to_trial",
    "appeal_judge",
    "take_effect",
    "learn_grounds",
    "cassation_protest",
)
# Two stories written from the articles that always run, so that every run reaches the appeal
# and the review whatever the random stories reach (tests/scenarios/civil has their dates).
APPEALED = [
    {"do": "civil.accept", "with": {"kind": "dan_su", "court": "TAND khu vực 13"}},
    {"do": "civil.deliver", "with": {"document": "thong_bao_thu_ly"}},
    {"do": "civil.judge", "with": {"outcome": "Bác yêu cầu khởi kiện"}},
    {"do": "civil.deliver", "with": {"document": "ban_an"}},
    {"do": "civil.appeal", "with": {"party": "Nguyên đơn"}},
    {"do": "civil.appeal_accept", "with": {}},
]
APPEALED_ON = ("2025-01-06", "2025-01-07", "2025-03-04", "2025-03-07", "2025-03-10", "2025-04-10")
REVIEWED = [
    {"do": "civil.take_effect", "on": "2022-03-15"}
    | {"with": {"against": "quyet_dinh", "court": "TAND tỉnh Hải Dương", "kind": "lao_dong"}},
    {"do": "civil.cassation_protest", "on": "2025-03-18", "with": {}},
]
# Plausible values for the court stages' free fields.
KNOWN: dict[str, Any] = {
    "court": "TAND khu vực 1",
    "plaintiff": "Nguyễn Văn An",
    "party": "Nguyên đơn",
    "ground": "Chờ kết quả giám định",
    "outcome": "Chấp nhận yêu cầu",
    "summary": "Tranh chấp hợp đồng",
    "prosecutor": "KSV A",
    "k2": True,
    "prosecutor_present": False,
}


def _field(name: str, annotation: Any) -> st.SearchStrategy[Any]:
    if name in KNOWN:
        return st.one_of(st.just(KNOWN[name]), _valid(name, annotation))
    return _valid(name, annotation)


@st.composite
def story(draw: st.DrawFn) -> list[dict[str, Any]]:
    """One matter's steps: random verbs of one stage, dates that mostly move forward."""
    prefix = draw(st.sampled_from(sorted(PREFIXES)))
    verbs = sorted(a for a in registry().actions if a.startswith(prefix + "."))
    ref = f"{PREFIXES[prefix]}{draw(st.uuids()).hex[:10]}"
    day = draw(st.dates(min_value=date(2019, 1, 1), max_value=date(2026, 6, 30)))
    opening = draw(st.sampled_from([".receive_claim", ".accept", ".take_effect"]))
    steps: list[dict[str, Any]] = []
    along = 0  # how far the story has gone along the usual path
    for index in range(draw(st.integers(1, 20))):
        if index == 0:
            name = prefix + opening
        elif draw(st.integers(0, 3)) > 0:  # most steps follow the usual path, to reach its end
            name, along = f"{prefix}.{PATH[along % len(PATH)]}", along + 1
        else:
            name = draw(st.sampled_from(verbs))
        model = registry().action(name).command.model_fields
        hostile = draw(st.integers(0, 7)) == 0
        fields: dict[str, Any] = {}
        for field, info in model.items():
            if field in COMMON:
                continue
            if hostile and draw(st.booleans()):
                fields[field] = draw(hostile_value)
            elif draw(st.integers(0, 2)) > 0 or info.is_required():
                fields[field] = draw(_field(field, info.annotation))
        day += timedelta(days=draw(st.integers(-3, 120)))
        steps.append({"do": name, "ref": ref, "on": day.isoformat(), "with": fields})
    return steps


@pytest.fixture
def court_engine(store_url: str) -> Iterator[Engine]:
    with Engine.open(store_url, default_unit=UNIT) as engine:
        establish_units(engine, [UNIT], date(2018, 1, 2))
        yield engine


def test_any_story_of_a_court_matter_is_recorded_or_refused_cleanly(court_engine: Engine) -> None:
    engine = court_engine
    seen = {"recorded": 0, "refused": 0}
    reached: set[str] = set()

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(steps=story())
    @example(
        steps=[s | {"ref": "DSA1", "on": on} for s, on in zip(APPEALED, APPEALED_ON, strict=True)]
    )
    @example(steps=[s | {"ref": "DSR1"} for s in REVIEWED])
    def one(steps: list[dict[str, Any]]) -> None:
        record_story(engine, steps, seen, reached)
        last = date.fromisoformat(steps[-1]["on"])
        engine.deadlines(last)
        engine.violations(last + timedelta(days=400))

    one()
    readers_answer(engine)
    assert seen["refused"] > 0 and seen["recorded"] > 0, seen
    # the stories reach the appeal and the review, not only the first steps
    verbs = {name.split(".")[1] for name in reached}
    assert {"judge", "appeal_accept", "cassation_protest"} <= verbs, sorted(verbs)
