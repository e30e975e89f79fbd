"""Civil and administrative supervision in the statistics (groups DS and HC): a known story
gives known figures, and on random lawful stories (hypothesis) every stock balances and a
unit's figures with its subordinates are the sum of theirs, before and after a merger."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from qlahs.stages.court.statistics import agency
from qlahs.stats.compute import Report, report_of
from qlahs.stats.indicators import catalogue
from qlahs.stats.measures import Measures
from qlahs.stats.periods import Period, parse_period
from stats_fakes import START, FakeEngine, recorded
from test_stats_arithmetic import organisation

SETTINGS = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
INDICATORS = {indicator.code: indicator for indicator in catalogue()}
# (carried, new, resolved, left) of each civil and administrative stock
STOCK_LINES = (
    ("DS.1", "DS.2", "DS.4", "DS.5"),
    ("DS.8", "DS.9", "DS.11", "DS.12"),
    ("HC.1", "HC.2", "HC.4", "HC.5"),
    ("HC.8", "HC.9", "HC.11", "HC.12"),
)
COURT = "Tòa án nhân dân khu vực 1"


def step(on: str, do: str, ref: str, **fields: Any) -> dict[str, Any]:
    return {"on": date.fromisoformat(on), "do": do, "ref": ref, "with": fields}


def report(engine: FakeEngine, period: Period, unit: str | None = "VKS-T", **o: Any) -> Report:
    return report_of(engine.snapshot(), unit, period, **o)


def value(made: Report, code: str) -> float | None:
    return made.value(INDICATORS[code])


KNOWN = [
    [  # tried, appealed by a party and protested by the VKS, decided on appeal
        step("2025-01-06", "civil.receive_claim", "DS1"),
        step("2025-01-06", "civil.accept", "DS1", kind="dan_su", court=COURT),
        step("2025-01-08", "civil.deliver", "DS1", document="thong_bao_thu_ly"),
        step("2025-03-03", "civil.bring_to_trial", "DS1"),
        step("2025-03-04", "civil.deliver", "DS1", document="dua_ra_xet_xu"),
        step("2025-03-20", "civil.attend", "DS1", prosecutor="Lê Minh Tuấn"),
        step("2025-03-20", "civil.judge", "DS1", outcome="Chấp nhận yêu cầu khởi kiện"),
        step("2025-03-24", "civil.deliver", "DS1", document="ban_an"),
        step("2025-03-28", "civil.appeal", "DS1", party="Bị đơn"),
        step("2025-04-01", "civil.protest", "DS1", level="same"),
        step("2025-05-05", "civil.appeal_accept", "DS1"),
        step("2025-06-16", "civil.appeal_judge", "DS1", outcome="Sửa bản án sơ thẩm"),
    ],
    [  # settled: the recognising decision takes effect at once; the notice came late
        step("2025-02-03", "civil.receive_claim", "DS2"),
        step("2025-02-03", "civil.accept", "DS2", kind="hon_nhan_gia_dinh", court=COURT),
        step("2025-02-17", "civil.deliver", "DS2", document="thong_bao_thu_ly"),
        step("2025-03-10", "civil.take_effect", "DS2", against="quyet_dinh"),
    ],
    [  # still being prepared, suspended
        step("2025-04-01", "civil.receive_claim", "DS3"),
        step("2025-04-01", "civil.accept", "DS3", kind="lao_dong", court=COURT),
        step("2025-05-05", "civil.suspend", "DS3", ground="Chờ kết quả giám định"),
    ],
    [  # an administrative case, tried and protested by the superior VKS
        step("2025-01-13", "admin.receive_claim", "HC1"),
        step("2025-01-13", "admin.accept", "HC1", court=COURT),
        step("2025-03-17", "admin.bring_to_trial", "HC1"),
        step("2025-04-07", "admin.judge", "HC1", outcome="Bác yêu cầu khởi kiện"),
        step("2025-04-20", "admin.protest", "HC1", level="superior"),
    ],
]


def test_a_known_year_of_civil_and_administrative_matters_gives_known_figures() -> None:
    made = report(recorded(KNOWN), parse_period("y-2025"))
    expected = {
        "DS.1": 0, "DS.2": 3, "DS.2.1": 3, "DS.4": 2, "DS.4.1": 1, "DS.4.4": 1, "DS.5": 1,
        "DS.7": 1, "DS.9": 1, "DS.11": 1, "DS.11.1": 1, "DS.12": 0, "DS.13": 1, "DS.14": 1,
        "DS.14.1": 1, "DS.14.2": 0, "DS.15": 1,
        "HC.2": 1, "HC.4": 1, "HC.4.1": 1, "HC.5": 0, "HC.14": 1, "HC.14.2": 1, "HC.15": 0,
    }  # fmt: skip
    assert {code: value(made, code) for code in expected} == expected
    # DS2's notice of acceptance came late (3 working days, BLTTDS Điều 196 k1), DS3's
    # notice and suspension and HC1's notice never came: each the court's violation
    assert made.total["violation.civil.notify_procuracy.late"] == 1
    assert value(made, "DS.17.1") == value(made, "DS.17") == 3
    assert value(made, "HC.17.1") == value(made, "HC.17") == 1


def test_a_late_notice_is_held_against_the_matters_court() -> None:
    engine = recorded(KNOWN)
    matter = engine.subjects[("civil", "DS2")]
    judged = engine.judge("civil", "DS2", date(2025, 6, 30))
    [violation] = judged.violations
    found = agency(violation, matter, engine.acts[matter.id], date(2025, 6, 30))
    assert (found.kind, found.name, found.supervised) == ("court", COURT, True)


# -- random lawful stories ------------------------------------------------------------------

CIVIL_PATH: tuple[tuple[str, dict[str, Any]], ...] = (
    ("accept", {}),
    ("deliver", {"document": "thong_bao_thu_ly"}),
    ("bring_to_trial", {}),
    ("judge", {"outcome": "Chấp nhận yêu cầu"}),
    ("appeal", {"party": "Nguyên đơn"}),
    ("appeal_accept", {}),
    ("appeal_judge", {"outcome": "Giữ nguyên bản án sơ thẩm"}),
    ("take_effect", {}),
)
DETOURS: tuple[tuple[str, dict[str, Any]], ...] = (
    ("suspend", {}),
    ("resume", {}),
    ("dismiss", {}),
    ("protest", {"level": "same"}),
    ("protest", {"level": "superior"}),
    ("take_effect", {"against": "quyet_dinh"}),
    ("appeal_accept", {}),
)


@st.composite
def court_story(draw: st.DrawFn, ref: str, prefix: str, unit: str) -> list[dict[str, Any]]:
    """A matter's usual path cut short at random, with detours the machine may refuse."""
    day = START + timedelta(days=draw(st.integers(0, 300)))
    first = {"do": f"{prefix}.receive_claim", "with": {"court": COURT}}
    steps = [first | {"on": day, "ref": ref, "unit": unit}]
    for planned in CIVIL_PATH[: draw(st.integers(0, len(CIVIL_PATH)))]:
        chosen = draw(st.lists(st.sampled_from(DETOURS), max_size=2))
        if draw(st.integers(0, 9)) > 0:
            chosen.append(planned)
        for verb, fields in chosen:
            day += timedelta(days=draw(st.sampled_from((0, 2, 9, 40, 130))))
            steps.append(
                {"on": day, "do": f"{prefix}.{verb}", "ref": ref, "with": fields, "unit": unit}
            )
    return steps


@st.composite
def matters(draw: st.DrawFn, units: tuple[str, ...] = ("VKS-T",)) -> list[list[dict[str, Any]]]:
    return [
        draw(court_story(f"M{index}", draw(st.sampled_from(("civil", "admin"))), unit))
        for index, unit in enumerate(draw(st.lists(st.sampled_from(units), min_size=1, max_size=5)))
    ]


@SETTINGS
@given(matters(), st.integers(0, 420), st.integers(0, 200))
def test_every_civil_and_administrative_stock_balances(
    timelines: list[list[dict[str, Any]]], offset: int, length: int
) -> None:
    start = START + timedelta(days=offset)
    period = parse_period(f"{start.isoformat()}..{(start + timedelta(days=length)).isoformat()}")
    made = report(recorded(timelines), period)
    for carried, new, done, left in STOCK_LINES:
        got = {code: value(made, code) or 0 for code in (carried, new, done, left)}
        assert got[carried] + got[new] == got[done] + got[left], carried
        group, number = carried.split(".")
        assert value(made, f"{group}.{int(number) + 2}") == got[carried] + got[new]


def _sum(parts: list[Measures]) -> Counter[str]:
    total: Counter[str] = Counter()
    for measures in parts:
        total.update(measures)
    return +total


@st.composite
def reorganised(draw: st.DrawFn) -> tuple[FakeEngine, date]:
    steps, merged_on, into = draw(organisation())
    engine = FakeEngine()
    for unit_step in steps:
        assert engine.execute(unit_step), unit_step
    old = (*sorted(set(into) - {"T2"}), "T1", "T2")
    new = tuple(sorted(set(into.values()) - {"T1"}))
    timelines = []
    for index in range(draw(st.integers(1, 6))):
        after = draw(st.booleans()) and bool(new)
        unit = draw(st.sampled_from(new if after else old))
        prefix = draw(st.sampled_from(("civil", "admin")))
        steps_of = draw(court_story(f"M{index}", prefix, unit))
        shift = (merged_on - START).days if after else 0
        timelines.append([s | {"on": s["on"] + timedelta(days=shift)} for s in steps_of])
    return recorded(timelines, engine), merged_on


@SETTINGS
@given(reorganised(), st.integers(-60, 60), st.sampled_from(("y-2025", "6m-2025", "2025-05")))
def test_civil_figures_of_a_unit_with_its_subordinates_add_up_across_the_unit_tree(
    world: tuple[FakeEngine, date], shift: int, spelled: str
) -> None:
    engine, merged_on = world
    day = merged_on + timedelta(days=shift)
    period = parse_period(spelled)
    nation = report(engine, period, None, units_as_of=day)
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
    for code in ("DS.2", "DS.17", "HC.2", "HC.14"):
        assert value(supreme, code) == sum(
            value(report(engine, period, c, with_subunits=True, units_as_of=day), code) or 0
            for c in ("T1", "T2")
            if c == "T1" or day < merged_on
        )
