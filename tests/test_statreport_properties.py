"""Properties of the reports sent up the hierarchy, on SQLite and PostgreSQL: a province's
figures are its own plus the sum of its units' accepted ones; a submitted snapshot never
changes whatever is recorded later, and the acts recorded later show in the difference view;
a returned report keeps every step of its history."""

from __future__ import annotations

import itertools
from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from qlahs.engine import Engine
from qlahs.stats.compute import compute
from qlahs.stats.periods import Period, month
from qlahs.stats.rollup import difference, roll_up
from qlahs.stats.submission import filed_reports, snapshot_command
from statreport_world import review_step, submit_step

CODES = ("A.1", "A.2", "B.2.1", "C.4.1")  # counts, never rates: they add up
REGIONS = [f"VKSKV{n}" for n in range(1, 8)]
_months = itertools.count()
FIXTURE = settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def fresh_month() -> Period:
    """A month no earlier example used: each example has its own reports in the one store."""
    index = next(_months)
    return month(2020 + index // 12, 1 + index % 12)


figures = st.fixed_dictionaries({code: st.integers(0, 10_000) for code in CODES})
outcomes = st.sampled_from(["accepted", "submitted", "returned"])


@FIXTURE
@given(
    st.dictionaries(st.sampled_from(REGIONS), st.tuples(figures, outcomes), max_size=7),
    figures,
)
def test_a_province_adds_its_own_figures_and_its_units_accepted_ones(
    engine: Engine, regions: dict[str, tuple[dict[str, int], str]], own: dict[str, int]
) -> None:
    period = fresh_month()
    engine.execute(submit_step("VKSQN", period, dict(own)))
    expected = dict(own)
    for unit, (sent, outcome) in regions.items():
        engine.execute(submit_step(unit, period, dict(sent)))
        if outcome == "returned":
            engine.execute(review_step(unit, period, "statreport.return", reasons=["Sai số"]))
        if outcome == "accepted":
            engine.execute(review_step(unit, period, "statreport.accept"))
            expected = {code: expected[code] + sent[code] for code in CODES}
    rolled = roll_up(engine, "VKSQN", period)
    assert rolled.figures == expected
    accepted = {u for u, (_, outcome) in regions.items() if outcome == "accepted"}
    assert {f.unit for f in rolled.included} == accepted | {"VKSQN"}
    assert {f.unit for f in rolled.waiting} == set(regions) - accepted


@FIXTURE
@given(st.lists(st.integers(0, 27), min_size=1, max_size=4))
def test_a_submitted_snapshot_never_changes_and_later_acts_explain_the_gap(
    engine: Engine, days: list[int]
) -> None:
    period = fresh_month()
    ref = f"TB-{period.code}"
    engine.execute(_receive(f"{ref}-0", period.start, "VKSKV7"))
    report = compute(engine, "VKSKV7", period)
    step = snapshot_command("statreport.submit", report, period.end + timedelta(days=3))
    engine.execute(step)
    for n, day in enumerate(days, start=1):  # back-dated into the period, recorded after
        engine.execute(_receive(f"{ref}-{n}", period.start + timedelta(days=day), "VKSKV7"))
    (filed,) = [f for f in filed_reports(engine, "VKSKV7", period.code)]
    assert filed.submitted is not None
    assert filed.submitted.figures == step["with"]["figures"]
    assert filed.submitted.checksum == step["with"]["checksum"]
    gap = difference(engine, "VKSKV7", period)
    assert sorted(a.ref for a in gap.late_acts) == sorted(
        f"{ref}-{n}" for n in range(1, len(days) + 1)
    )
    changed = {indicator.code: (sent, today) for indicator, sent, today in gap.changed}
    assert changed["A.2"] == (1, 1 + len(days))


@FIXTURE
@given(
    st.lists(
        st.text("abcdeghiklmnopqrstuvxy ", min_size=1, max_size=30).map(str.strip).filter(bool),
        max_size=3,
    )
)
def test_a_returned_report_keeps_its_history(engine: Engine, reasons: list[str]) -> None:
    period = fresh_month()
    engine.execute(submit_step("VKSKV7", period, {"A.1": 0}))
    for n, reason in enumerate(reasons, start=1):
        engine.execute(review_step("VKSKV7", period, "statreport.return", reasons=[reason]))
        engine.execute(submit_step("VKSKV7", period, {"A.1": n}))
    engine.execute(review_step("VKSKV7", period, "statreport.accept"))
    (filed,) = [f for f in filed_reports(engine, "VKSKV7", period.code)]
    returned = [step.reasons for step in filed.steps if step.name == "Cấp trên trả lại"]
    assert returned == [(reason,) for reason in reasons]
    assert len(filed.steps) == 3 + 2 * len(reasons)
    assert filed.accepted and filed.submitted is not None
    assert filed.submitted.figures == {"A.1": len(reasons)}


def _receive(ref: str, on: date, unit: str) -> dict[str, object]:
    return {
        "do": "report.receive",
        "ref": ref,
        "on": on,
        "unit": unit,
        "with": {"source": "tin_bao", "received_by": "CQDT"},
    }
