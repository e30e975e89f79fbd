"""Indicator arithmetic, checked on random lawful stories (hypothesis): carried over and new
make resolved and unresolved, stocks match the subjects' states counted directly, months add
up to their period, and roll-ups of units equal the sum of their parts before and after a
reorganisation."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta
from itertools import pairwise
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from qlahs.stats.compute import Report, report_of
from qlahs.stats.indicators import catalogue
from qlahs.stats.measures import Measures
from qlahs.stats.periods import Period, parse_period
from qlahs.stats.stocks import STOCKS, Stock
from stats_fakes import START, FakeEngine, recorded, story, subjects

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
# (carried, new, resolved, left) of every stock the catalogue reports
STOCK_LINES = (
    ("A.1", "A.2", "A.4", "A.5"),
    ("B.1", "B.2", "B.4", "B.5"),
    ("B.8", "B.9", "B.11", "B.12"),
    ("C.1", "C.2", "C.4", "C.5"),
    ("C.8", "C.9", "C.11", "C.12"),
    ("D.1", "D.2", "D.4", "D.5"),
    ("D.7", "D.8", "D.10", "D.11"),
    ("D.14", "D.15", "D.17", "D.18"),
    ("Đ.2", "Đ.3", "Đ.5", "Đ.6"),
    ("Đ.9", "Đ.10", "Đ.12", "Đ.13"),
    ("E.1", "E.2", "E.4", "E.5"),
)
INDICATORS = {indicator.code: indicator for indicator in catalogue()}


def custom(start: date, days: int) -> Period:
    return parse_period(f"{start.isoformat()}..{(start + timedelta(days=days)).isoformat()}")


def flows(measures: Measures, stock: str) -> tuple[int, int, int, int]:
    carried = measures[f"{stock}.carried"]
    new = sum(v for k, v in measures.items() if k.startswith(f"{stock}.in."))
    done = sum(v for k, v in measures.items() if k.startswith(f"{stock}.out."))
    return carried, new, done, measures[f"{stock}.end"]


def in_stock(engine: FakeEngine, stock: Stock, day: date) -> int:
    """Counted directly: each subject replayed up to `day`, its keys in the stock counted."""
    count = 0
    for acts in engine.acts.values():
        subject: Any = None
        for act in acts:
            if act.day > day:
                break  # these stories are recorded in the order they take effect
            subject = act.mutate(subject)
        if subject is not None and type(subject) is stock.subject:
            count += len(stock.members(subject))
    return count


def report(
    engine: FakeEngine, period: Period, unit: str | None = "VKS-T", **options: Any
) -> Report:
    return report_of(engine.snapshot(), unit, period, **options)


@SETTINGS
@given(subjects(), st.integers(0, 420), st.integers(0, 200))
def test_carried_over_and_new_equal_resolved_and_unresolved_in_every_stock(
    timelines: list[list[dict[str, Any]]], offset: int, length: int
) -> None:
    engine = recorded(timelines)
    start = START + timedelta(days=offset)
    period = custom(start, length)
    figures = report(engine, period).total
    for stock in STOCKS:
        carried, new, done, left = flows(figures, stock.name)
        assert carried + new == done + left, stock.name
        assert carried == in_stock(engine, stock, start - timedelta(days=1)), stock.name
        assert left == in_stock(engine, stock, period.end), stock.name


@SETTINGS
@given(subjects(), st.integers(0, 420), st.integers(0, 200))
def test_every_stock_of_the_catalogue_balances(
    timelines: list[list[dict[str, Any]]], offset: int, length: int
) -> None:
    made = report(recorded(timelines), custom(START + timedelta(days=offset), length))
    for carried, new, done, left in STOCK_LINES:
        value = {code: made.value(INDICATORS[code]) for code in (carried, new, done, left)}
        assert value[carried] + value[new] == value[done] + value[left], carried
        total = INDICATORS[f"{carried.split('.')[0]}.{int(carried.split('.')[1]) + 2}"]
        assert made.value(total) == value[carried] + value[new]


@SETTINGS
@given(subjects(), st.integers(0, 300))
def test_the_months_of_a_period_add_up_to_the_period(
    timelines: list[list[dict[str, Any]]], offset: int
) -> None:
    made = report(recorded(timelines), custom(START + timedelta(days=offset), 150))
    months = [figures for _, figures in made.months]
    summed: Counter[str] = Counter()
    for figures in months:
        summed.update({k: v for k, v in figures.items() if _is_flow(k)})
    assert {k: v for k, v in summed.items() if v} == {
        k: v for k, v in made.total.items() if _is_flow(k) and v
    }
    for stock in STOCKS:
        name = stock.name
        assert months[0][f"{name}.carried"] == made.total[f"{name}.carried"]
        assert months[-1][f"{name}.end"] == made.total[f"{name}.end"]
        for before, after in pairwise(months):
            assert before[f"{name}.end"] == after[f"{name}.carried"]


def test_a_late_act_counts_in_its_month_even_when_the_obligation_opens_again() -> None:
    def step(on: str, do: str, **fields: Any) -> dict[str, Any]:
        return {"on": date.fromisoformat(on), "do": do, "ref": "VA1", "with": fields}

    engine = recorded(
        [
            [
                step("2025-01-08", "case.open", crime="BLHS 173 k1"),
                step("2025-03-29", "case.conclude_investigation"),  # the 2 months ran out 08/03
                step("2025-03-29", "case.receive_file"),
                step("2025-04-01", "case.return_for_investigation", by="VKS"),
            ]
        ]
    )
    made = report(engine, parse_period("h1-2025"))
    assert made.total["late.case.investigate"] == 1
    assert [figures["late.case.investigate"] for _, figures in made.months] == [0, 0, 1, 0, 0, 0]


def _is_flow(key: str) -> bool:
    """Keys counted by the day of an act, as opposed to states at the end of a period."""
    if key.startswith(("overdue.", "late.")) or key.endswith((".carried", ".end")):
        return key.startswith("late.")
    return not key.endswith(".missing")


# -- units, roll-ups and the reorganisation ----------------------------------------------------

PROVINCES = ("T1", "T2")


@st.composite
def organisation(draw: st.DrawFn) -> tuple[list[dict[str, Any]], date, dict[str, str]]:
    """Two provinces with district units; on a random day the districts of T1 merge into one
    or two regional units; T2 merges into T1 itself on the same day."""
    merged_on = START + timedelta(days=draw(st.integers(30, 330)))
    districts = [f"H{i}" for i in range(1, draw(st.integers(2, 4)) + 1)]
    regions = [f"K{i}" for i in range(1, draw(st.integers(1, 2)) + 1)]
    into = {district: draw(st.sampled_from(regions)) for district in districts}
    first = START - timedelta(days=400)

    def step(on: date, do: str, ref: str, **fields: Any) -> dict[str, Any]:
        return {"on": on, "do": do, "ref": ref, "with": fields, "unit": "TC"}

    steps = [step(first, "unit.establish", "TC", name="Tối cao", level="toi_cao")]
    for province in PROVINCES:
        steps.append(
            step(first, "unit.establish", province, name=province, level="tinh", parent="TC")
        )
    for district in districts:
        steps.append(
            step(first, "unit.establish", district, name=district, level="huyen", parent="T1")
        )
    for region in regions:
        steps.append(
            step(merged_on, "unit.establish", region, name=region, level="khu_vuc", parent="T1")
        )
    for district, region in into.items():
        steps.append(step(merged_on, "unit.merge_into", district, into=region))
    steps.append(step(merged_on, "unit.merge_into", "T2", into="T1"))
    return steps, merged_on, into | {"T2": "T1"}


@st.composite
def reorganised(draw: st.DrawFn) -> tuple[FakeEngine, date, dict[str, str]]:
    steps, merged_on, into = draw(organisation())
    engine = FakeEngine()
    for unit_step in steps:
        assert engine.execute(unit_step), unit_step
    old = (*sorted(set(into) - {"T2"}), "T1", "T2")
    new = tuple(sorted(set(into.values()) - {"T1"}))
    timelines = []
    for index in range(draw(st.integers(1, 6))):
        kind = draw(st.sampled_from(("report", "case")))
        # the units that existed when the subject was recorded
        after = draw(st.booleans()) and bool(new)
        unit = draw(st.sampled_from(new if after else old))
        steps_of = draw(story(f"{kind.upper()}{index}", kind, unit))
        shift = (merged_on - START).days if after else 0
        timelines.append([s | {"on": s["on"] + timedelta(days=shift)} for s in steps_of])
    return recorded(timelines, engine), merged_on, into


def _sum(parts: list[Measures]) -> Counter[str]:
    total: Counter[str] = Counter()
    for measures in parts:
        total.update(measures)
    return +total


@SETTINGS
@given(reorganised(), st.integers(-60, 60), st.sampled_from(("y-2025", "6m-2025", "2025")))
def test_a_unit_with_its_subordinates_is_its_own_figures_plus_theirs(
    world: tuple[FakeEngine, date, dict[str, str]], shift: int, spelled: str
) -> None:
    engine, merged_on, _ = world
    day = merged_on + timedelta(days=shift)
    period = parse_period(spelled)
    nation = report(engine, period, None, units_as_of=day)
    assert _sum([p.measures for p in nation.parts]) == +nation.total
    province = report(engine, period, "T1", with_subunits=True, units_as_of=day)
    assert _sum([p.measures for p in province.parts]) == +province.total
    singles = [
        report(engine, period, code, units_as_of=day).total
        for part in province.parts
        for code in part.units
    ]
    assert _sum(singles) == +province.total
    supreme = report(engine, period, "TC", with_subunits=True, units_as_of=day)
    assert +supreme.total == +nation.total


@SETTINGS
@given(reorganised(), st.sampled_from(("y-2025", "6m-2025", "2025", "h2-2025")))
def test_figures_before_and_after_the_reorganisation_are_the_same_history(
    world: tuple[FakeEngine, date, dict[str, str]], spelled: str
) -> None:
    engine, merged_on, into = world
    period = parse_period(spelled)
    before_day, after_day = merged_on - timedelta(days=1), merged_on
    before = report(engine, period, "TC", with_subunits=True, units_as_of=before_day)
    after = report(engine, period, "TC", with_subunits=True, units_as_of=after_day)
    assert +before.total == +after.total  # the nation's history does not depend on the day
    old = report(engine, period, "T1", with_subunits=True, units_as_of=before_day)
    new = report(engine, period, "T1", with_subunits=True, units_as_of=after_day)
    # each unit after the merger holds exactly what its predecessors held before it
    candidates = [*old.parts, *(p for p in before.parts if p.code == "T2")]
    for part in new.parts:
        predecessors = [p.measures for p in candidates if into.get(p.code, p.code) == part.code]
        assert _sum(predecessors) == +part.measures, part.code
    assert _sum([p.measures for p in candidates]) == +new.total
