"""Random reviews of a judged criminal case: any sequence of the review actions (cassation and
reopening protests, the court's receipt, the file, the hearing, a death sentence's review), in
any order, with plausible or hostile fields, is either recorded or refused with a clean
Vietnamese message that records nothing; afterwards every case's deadlines are judged and every
reader still answers (on both stores)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from qlahs.engine import Engine
from qlahs.scenario.units import establish_units
from qlahs.stages.case.review import REVIEW_ACTIONS
from qlahs.stages.registry import registry
from test_fuzz_actions import (
    _valid,
    hostile_value,
    readers_answer,
    record_story,
)

UNIT = "VKS-HN-KV01"
EXAMPLES = 40
COMMON = ("ref", "on", "unit", "actor", "note", "command_id")
VERBS = sorted(action.name for action in REVIEW_ACTIONS)
# The usual path of a review, to reach its later steps.
PATH = (
    "cassation_protest",
    "review_accept",
    "death_file_receive",
    "receive_review_file",
    "return_file",
    "review_judge",
    "death_no_protest",
    "learn_new_fact",
    "reopening_protest",
    "review_accept",
    "review_judge",
    "clemency_petition",
)
JUDGED = [
    ("2025-02-03", "case.open", {"crime": "BLHS 123 k1"}),
    ("2025-02-03", "case.charge", {"person": "BC1", "name": "Ngô Văn D", "crime": "BLHS 123 k1"}),
    ("2025-02-03", "case.charge", {"person": "BC2", "name": "Đỗ Văn E", "crime": "BLHS 123 k1"}),
    ("2025-03-31", "case.conclude_investigation", {}),
    ("2025-04-01", "case.receive_file", {}),
    ("2025-04-10", "case.indict", {}),
    ("2025-04-14", "case.send_to_court", {}),
    ("2025-04-15", "case.court_accept", {}),
    ("2025-05-22", "case.bring_to_trial", {}),
    (
        "2025-06-02",
        "case.judge",
        {"outcome": "có tội", "sentences": {"BC1": "tử hình", "BC2": "3 năm tù"}},
    ),
]
# A review written from the articles that always runs, so that every run reaches the court's
# decision and a death sentence's file whatever the random stories reach.
REVIEWED = [
    {"do": "case.death_file_receive", "on": "2025-07-10", "with": {"person": "BC1"}},
    {"do": "case.cassation_protest", "on": "2025-09-01"}
    | {"with": {"direction": "for", "person": "BC2"}},
    {"do": "case.review_accept", "on": "2025-10-01", "with": {}},
    {"do": "case.review_judge", "on": "2025-12-01", "with": {"outcome": "sua"}},
]


def _field(name: str, annotation: Any) -> st.SearchStrategy[Any]:
    if name == "person":
        return st.sampled_from(["BC1", "BC1", "BC2", "BC9"])  # BC1 is sentenced to death
    if name == "summary":
        return st.sampled_from(["Người làm chứng khai sai sự thật", None])
    return _valid(name, annotation)


@st.composite
def review(draw: st.DrawFn) -> list[dict[str, Any]]:
    """Review steps of one judged case: random verbs, dates that mostly move forward."""
    day = draw(st.dates(min_value=date(2025, 5, 1), max_value=date(2027, 12, 31)))
    steps: list[dict[str, Any]] = []
    along = 0
    for _ in range(draw(st.integers(1, 14))):
        if draw(st.booleans()):
            name, along = f"case.{PATH[along % len(PATH)]}", along + 1
        else:
            name = draw(st.sampled_from(VERBS))
        model = registry().action(name).command.model_fields
        hostile = draw(st.integers(0, 6)) == 0
        fields: dict[str, Any] = {}
        for field, info in model.items():
            if field in COMMON:
                continue
            if hostile and draw(st.booleans()):
                fields[field] = draw(hostile_value)
            elif draw(st.integers(0, 2)) > 0 or info.is_required():
                fields[field] = draw(_field(field, info.annotation))
        day += timedelta(days=draw(st.integers(-5, 200)))
        steps.append({"do": name, "on": day.isoformat(), "with": fields})
    return steps


@pytest.fixture
def review_engine(store_url: str) -> Iterator[Engine]:
    with Engine.open(store_url, default_unit=UNIT) as engine:
        establish_units(engine, [UNIT], date(2018, 1, 1))
        yield engine


def test_any_review_of_a_judged_case_is_recorded_or_refused_cleanly(
    review_engine: Engine,
) -> None:
    engine = review_engine
    seen = {"recorded": 0, "refused": 0}
    reached: set[str] = set()
    cases = iter(range(1, 10_000))

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(steps=review())
    @example(steps=REVIEWED)
    def one(steps: list[dict[str, Any]]) -> None:
        ref = f"VA{next(cases)}"
        for on, action, fields in JUDGED:
            engine.execute({"on": on, "do": action, "ref": ref, "with": fields})
        record_story(engine, [step | {"ref": ref} for step in steps], seen, reached)
        last = date.fromisoformat(steps[-1]["on"])
        engine.deadlines(last)
        engine.violations(last + timedelta(days=800))

    one()
    readers_answer(engine)
    assert seen["refused"] > 0 and seen["recorded"] > 0, seen
    # the stories reach the court's decision and a death sentence's review, not only protests
    wanted = {"case.cassation_protest", "case.review_accept", "case.review_judge"}
    assert wanted | {"case.death_file_receive"} <= reached, sorted(reached)
