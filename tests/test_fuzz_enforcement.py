"""Careless or hostile enforcement acts: after a judgment, any sequence of the enforcement
actions (`case.delegate_enforcement`, `case.deliver_enforcement_decision`, …) and of the
inspection actions, in any order, with plausible or hostile fields, is either recorded or
refused with a clean Vietnamese message that records nothing; afterwards every deadline is
judged, every book printed and every reader still answers (on both stores)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from qlahs.engine import Engine
from qlahs.scenario.units import establish_units
from qlahs.stages.registry import registry
from test_enforcement import UNIT, _trial
from test_fuzz_actions import (
    _valid,
    hostile_value,
    readers_answer,
    record_story,
)

EXAMPLES = 60
COMMON = ("ref", "on", "unit", "actor", "note", "command_id")
CASE_VERBS = (
    "case.enforcement_decision",
    "case.delegate_enforcement",
    "case.deliver_enforcement_decision",
    "case.report_for_enforcement",
    "case.enforce_immediately",
    "case.deliver_judgment",
    "custody.release",
    "custody.detain",
)
INSPECTION_VERBS = tuple(sorted(a for a in registry().actions if a.startswith("inspection.")))
KNOWN: dict[str, Any] = {
    "person": "BC1",
    "to": "Tòa án nhân dân khu vực 3",
    "facility": "Trại tạm giam số 1",
    "content": "Khắc phục vi phạm",
    "days": 30,
}


def _field(name: str, annotation: Any) -> st.SearchStrategy[Any]:
    if name in KNOWN:
        return st.one_of(st.just(KNOWN[name]), _valid(name, annotation))
    return _valid(name, annotation)


@st.composite
def story(draw: st.DrawFn) -> list[dict[str, Any]]:
    """A judged case, or a new inspection, then random steps of its kind."""
    token = draw(st.uuids()).hex[:10]
    if draw(st.booleans()):
        ref, verbs = f"VA{token}", CASE_VERBS
        steps = _trial(ref, detained=draw(st.booleans()))
        day = date(2025, 6, 2)
    else:
        ref, verbs = f"KSTT{token}", INSPECTION_VERBS
        day = draw(st.dates(min_value=date(2018, 1, 1), max_value=date(2026, 6, 30)))
        steps = []
    for index in range(draw(st.integers(1, 12))):
        # the first steps follow the usual path, so that the later ones have something to act on
        path = (
            ("case.enforcement_decision",) if steps else ("inspection.open", "inspection.conclude")
        )
        name = path[index] if index < len(path) else draw(st.sampled_from(verbs))
        model = registry().action(name).command.model_fields
        hostile = draw(st.integers(0, 5)) == 0
        fields: dict[str, Any] = {}
        for field, info in model.items():
            if field in COMMON:
                continue
            if hostile and draw(st.booleans()):
                fields[field] = draw(hostile_value)
            elif draw(st.integers(0, 2)) > 0 or info.is_required():
                fields[field] = draw(_field(field, info.annotation))
        if name == "custody.detain":
            fields |= {"stage": "judgment", "days": 45}
            fields.pop("months", None), fields.pop("until", None)
        day += timedelta(days=draw(st.integers(-3, 20)))
        steps.append({"do": name, "ref": ref, "on": day.isoformat(), "unit": UNIT, "with": fields})
    return steps


@pytest.fixture
def fuzz_engine(store_url: str) -> Iterator[Engine]:
    with Engine.open(store_url, default_unit=UNIT) as engine:
        establish_units(engine, [UNIT], date(2018, 1, 2))
        yield engine


def test_any_enforcement_story_is_recorded_or_refused_cleanly(fuzz_engine: Engine) -> None:
    engine = fuzz_engine
    seen = {"recorded": 0, "refused": 0}
    reached: set[str] = set()

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(steps=story())
    def one(steps: list[dict[str, Any]]) -> None:
        record_story(engine, steps, seen, reached)
        last = date.fromisoformat(steps[-1]["on"])
        engine.deadlines(last)
        engine.violations(last + timedelta(days=400))

    one()
    readers_answer(engine)
    assert seen["refused"] > 0 and seen["recorded"] > 0, seen
    assert {"case.enforcement_decision", "inspection.conclude"} <= reached, sorted(reached)
