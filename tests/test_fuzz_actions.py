"""No input can hurt the store, whatever the action: every `do:` of the registry is sent
careless and hostile values mixed with valid ones, against subjects at every step of their
procedure; every refusal is a Vietnamese `CommandRejected` that records nothing, and every
reader still answers afterwards (on both stores)."""

from __future__ import annotations

import re
import types
import typing
from collections.abc import Iterator
from datetime import date, datetime
from typing import Any, get_args

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from case_story import VA1
from qlahs.engine import Engine
from qlahs.kernel.errors import CommandRejected
from qlahs.oversight.ledger import verify
from qlahs.projections.books import books
from qlahs.projections.queries import quarantined
from qlahs.projections.tables import subjects
from qlahs.stages.registry import registry

UNIT = "VKSKV7"
EXAMPLES = 400
ACTIONS = sorted(registry().actions)
COMMON = ("ref", "on", "unit", "actor", "note", "command_id")
# pydantic's English, or an exception's repr: never shown to a person
ENGLISH = ("Input should", "Value error", "Field required", "validation error", "Error(", "<class")

hostile_text = st.one_of(
    st.text(max_size=20),
    st.text(alphabet=st.characters(codec=None, min_codepoint=0, max_codepoint=0xFFFF), max_size=20),
    st.sampled_from(["\x00", "a\x00b", "\ud800", "x\udfff", "\u202e", "\x7f", "", " ", "\r\n"]),
    st.integers(min_value=190, max_value=4100).map(lambda n: "A" * n),
)
hostile_day = st.one_of(
    st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)).map(date.isoformat),
    st.sampled_from(["9999-12-31", "0001-01-01", "2025-13-45", "31/12/2025", "", "hôm nay"]),
    st.sampled_from(["2025-06-01T10:00+07:00", "2025-06-01T10:00Z", "2025-06-01T25:00"]),
    st.just(datetime(9999, 12, 31, 23, 59)),
    st.just(date(1, 1, 1)),
)
valid_day = st.dates(min_value=date(2025, 3, 1), max_value=date(2026, 12, 31))
hostile_value: st.SearchStrategy[Any] = st.one_of(
    hostile_text,
    hostile_day,
    st.integers(),
    st.sampled_from([None, True, -1, 0, 10**30, 1.5, float("nan"), float("inf")]),
    st.lists(hostile_text, max_size=3),
    st.integers(min_value=499, max_value=600).map(lambda n: ["BC1"] * n),
    st.dictionaries(hostile_text, hostile_text, max_size=2),
    st.just({"nested": {"deep": ["\x00"]}}),
)

# Which of the recorded subjects each stage's actions are aimed at (by reference prefix).
AIMS = {
    "case": "VA",
    "custody": "VA",
    "report": "TB",
    "unit": "VKS",
    "complaint": "KN",
    "mla": "TTTP",
}
# A plausible value per field name, so that commands pass validation and reach the rules.
KNOWN: dict[str, Any] = {
    "person": "BC1",
    "persons": ["BC1"],
    "name": "Nguyễn Văn An",
    "crime": "BLHS 173 k1",
    "summary": "Trộm cắp",
    "outcome": "Giữ nguyên",
    "sentences": {"BC1": "02 năm tù"},
    "series": "QD-HS",
    "title": "Quyết định",
    "number": "01",
    "after": "01",
    "reason": "Sai sót",
    "to": "VKS-B",
    "into": "VA-T",
    "cases": ["VA1-1"],
    "prosecutor": "KSV A",
    # the procuracy's acts: a document's key, its content, the decision an objection names
    "item": "YC1",
    "content": "Yêu cầu điều tra bổ sung",
    "against": "HB1",
    "decision": "12/QĐ-VKS",
    "from_report": "TB-2",
    "parent": UNIT,
    "count": 1,
    "year": 2026,
    "complainant": "Nguyễn Văn An",
    "request": "YC1",
    # mutual legal assistance: who asks, from where, about what, who executes, why refused
    "country": "Lào",
    "requesting_body": "Viện kiểm sát nhân dân tỉnh Sơn La",
    "related_ref": "VA1-3",
    "executor": "Cơ quan Cảnh sát điều tra Bộ Công an",
    "reasons": "Hồ sơ thiếu bản dịch",
}


def _valid(name: str, annotation: Any) -> st.SearchStrategy[Any]:
    """Values the field's type accepts (a Literal's choices, small numbers, 2025–2026 days)."""
    options = typing.get_args(annotation) if _is_union(annotation) else (annotation,)
    choices = [c for o in options if typing.get_origin(o) is typing.Literal for c in get_args(o)]
    if choices:
        return st.sampled_from(choices)
    if name in KNOWN:
        return st.just(KNOWN[name])
    for option in options:
        if option is int:
            return st.integers(min_value=1, max_value=6)
        elif option is date:
            return valid_day.map(date.isoformat)
        elif option is str:
            return st.sampled_from(["X1", "Nguyễn Văn An"])
    return st.none()


def _is_union(annotation: Any) -> bool:
    return typing.get_origin(annotation) in (typing.Union, types.UnionType)


@st.composite
def commands(draw: st.DrawFn, refs: list[str]) -> dict[str, Any]:
    """One `do:`/`with:` step: mostly valid fields, some hostile, sometimes a foreign field."""
    name = draw(st.sampled_from(ACTIONS))
    model = registry().action(name).command.model_fields
    hostile = draw(st.booleans())  # else every field is plausible, to reach the rules
    fields: dict[str, Any] = {}
    for field, info in model.items():
        if field in COMMON or (hostile and draw(st.integers(0, 9)) == 0):
            continue  # left out (required fields then are missing)
        careless = hostile and draw(st.integers(0, 3)) == 0
        fields[field] = draw(hostile_value if careless else _valid(field, info.annotation))
    step: dict[str, Any] = {"do": name, "with": fields}
    if not hostile:
        mine = [ref for ref in refs if ref.startswith(AIMS.get(name.split(".")[0], ""))]
        ref = draw(st.one_of(st.sampled_from(mine), st.uuids().map(lambda u: f"N{u.hex[:8]}")))
        on = draw(valid_day).isoformat() + draw(st.sampled_from(["", "T09:00", "T23:59"]))
        return step | {"ref": ref, "on": on}
    if draw(st.integers(0, 5)) == 0:  # a field of another action
        fields[draw(st.sampled_from(sorted(KNOWN)))] = draw(hostile_value)
    step["ref"] = draw(st.one_of(st.sampled_from(refs), hostile_text, st.just("không-có")))
    step["on"] = draw(st.one_of(valid_day.map(date.isoformat), hostile_day))
    if draw(st.integers(0, 3)) == 0:
        step["unit"] = draw(st.one_of(hostile_text, st.just("VKS-B")))
    if draw(st.integers(0, 5)) == 0:
        step[draw(st.sampled_from(["actor", "note", "command_id"]))] = draw(hostile_value)
    if draw(st.integers(0, 15)) == 0:
        step["do"] = draw(st.one_of(hostile_value, st.just("report.")))
    if draw(st.integers(0, 20)) == 0:
        step["with"] = draw(st.one_of(st.lists(hostile_text, max_size=2), hostile_text))
    return step


# Subjects at every step of their procedure, so that later acts are reached too.
CASE_PREFIXES = (1, 3, 6, 9, 12, 15, 19, 22, 25, 28, len(VA1))
REPORT_STEPS: list[tuple[str, str, dict[str, Any]]] = [
    ("2025-03-03", "report.receive", {"source": "tin_bao", "received_by": "CQDT"}),
    ("2025-03-04", "report.notify_procuracy", {}),
    ("2025-03-10", "report.extend", {}),
    ("2025-04-25", "report.request_extension", {}),
    ("2025-04-29", "report.grant_extension", {"months": 1}),
]
COMPLAINT_STEPS: list[tuple[str, str, dict[str, Any]]] = [
    (
        "2025-03-03",
        "complaint.receive",
        {"nature": "khieu_nai", "against_level": "dieu_tra_vien", "complainant": "Trần Văn B"},
    ),
    (
        "2025-03-04",
        "complaint.request_supervision",
        {"request": "YC1", "request_kind": "kien_nghi"},
    ),
    ("2025-03-07", "complaint.resolve", {"outcome": "sai"}),
    ("2025-03-10", "complaint.complain_further", {}),
]
# Requests for mutual legal assistance at each step of both directions.
MLA_ASKED = {"country": "Lào", "requesting_body": "VKS tỉnh Sơn La"}
MLA_STEPS: list[tuple[str, str, str, dict[str, Any]]] = [
    ("TTTP-1", "2025-03-03", "mla.receive_outgoing", MLA_ASKED),
    ("TTTP-2", "2025-03-03", "mla.receive_outgoing", MLA_ASKED),
    ("TTTP-2", "2025-03-10", "mla.send_abroad", {"channel": "dieu_uoc"}),
    ("TTTP-3", "2025-03-03", "mla.receive_incoming", MLA_ASKED),
    ("TTTP-4", "2025-03-03", "mla.receive_incoming", MLA_ASKED),
    ("TTTP-4", "2025-03-10", "mla.forward_to_executor", {"executor": "CQĐT Bộ Công an"}),
]


def _world(engine: Engine) -> list[str]:
    """Record the subjects the fuzzing aims at; their references."""
    refs = []
    steps: list[dict[str, Any]] = [
        {"on": "2025-01-02", "do": "unit.establish", "ref": UNIT}
        | {"with": {"name": "Khu vực 7", "level": "khu_vuc"}},
        {"on": "2025-01-02", "do": "unit.establish", "ref": "VKS-B"}
        | {"with": {"name": "Khu vực 8", "level": "khu_vuc"}},
    ]
    for length in CASE_PREFIXES:
        ref = f"VA1-{length}"
        steps += [step | {"ref": ref} for step in VA1[:length]]
        refs.append(ref)
    for length in range(1, len(REPORT_STEPS) + 1):
        ref = f"TB-{length}"
        steps += [
            {"on": on, "do": do, "ref": ref, "with": w} for on, do, w in REPORT_STEPS[:length]
        ]
        refs.append(ref)
    for length in range(1, len(COMPLAINT_STEPS) + 1):
        ref = f"KN-{length}"
        steps += [
            {"on": on, "do": do, "ref": ref, "with": w} for on, do, w in COMPLAINT_STEPS[:length]
        ]
        refs.append(ref)
    steps += [{"on": on, "do": do, "ref": ref, "with": w} for ref, on, do, w in MLA_STEPS]
    refs += sorted({ref for ref, *_ in MLA_STEPS})
    steps.append({"on": "2026-03-02", "do": "number.issue", "ref": "-"} | {"with": {**_number()}})
    for step in steps:
        engine.execute(step)
    return [*refs, UNIT, "VKS-B", "VA-T"]


def _number() -> dict[str, Any]:
    return {"series": "QD-HS", "title": "Quyết định", "count": 3}


def _notifications(engine: Engine) -> int:
    return engine.log.recorder.max_notification_id() or 0


def readers_answer(engine: Engine) -> None:
    """Everything a person may ask still answers after whatever was accepted."""
    engine.catch_up()
    with engine.sql.connect() as connection:
        units = {row.unit for row in connection.execute(sa.select(subjects.c.unit))}
        for unit in units:
            for number in books().values():
                for year in (2025, 2026):
                    number.rows(connection, unit, year)
        set_aside = quarantined(connection)
        assert set_aside == [], [entry["detail"] for entry in set_aside]
    for day in (date(2025, 6, 1), date(2030, 1, 1)):
        for unit in (None, *units):
            engine.deadlines(day, unit=unit)
            engine.overdue(day, unit=unit)
            engine.violations(day, unit=unit)
    assert verify(engine).intact


def record_story(
    engine: Engine, steps: list[dict[str, Any]], seen: dict[str, int], reached: set[str]
) -> None:
    """Record each step, or see it refused cleanly with nothing recorded; count both, and
    name the actions that were recorded."""
    for step in steps:
        before = engine.log.recorder.max_notification_id() or 0
        try:
            engine.execute(step)
        except CommandRejected as refusal:
            assert_refusal_is_clean(refusal)
            assert (engine.log.recorder.max_notification_id() or 0) == before
            seen["refused"] += 1
        else:
            seen["recorded"] += 1
            reached.add(step["do"])


def assert_refusal_is_clean(refusal: CommandRejected) -> None:
    message = str(refusal)
    assert message, "a refusal must say why"
    message.encode("utf-8")  # a lone surrogate would break the terminal that prints it
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f]", message), repr(message)
    for english in ENGLISH:
        assert english not in message, f"{english!r} in: {message}"


@pytest.fixture
def fuzz_url(store_url: str) -> str:
    return store_url


@pytest.fixture
def world(fuzz_url: str) -> Iterator[tuple[Engine, list[str]]]:
    with Engine.open(fuzz_url, default_unit=UNIT) as engine:
        yield engine, _world(engine)


def test_any_command_of_any_action_is_refused_cleanly_or_recorded(
    world: tuple[Engine, list[str]],
) -> None:
    engine, refs = world
    seen = {"recorded": 0, "refused": 0}

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(step=commands(refs))
    def one(step: dict[str, Any]) -> None:
        before = _notifications(engine)
        try:
            engine.execute(step)
        except CommandRejected as refusal:
            assert_refusal_is_clean(refusal)
            assert _notifications(engine) == before, f"a refused {step['do']} recorded events"
            seen["refused"] += 1
        else:
            seen["recorded"] += 1

    one()
    readers_answer(engine)
    assert seen["refused"] > 0 and seen["recorded"] > 0, seen


# -- the procuracy's own acts, in any order, on a report and a case ----------------------------

SUPERVISION = sorted(
    name
    for name in ACTIONS
    if name.split(".")[1].startswith(
        ("request_", "answer_", "recommend", "protest_violation", "notify_lessons")
    )
    or name.split(".")[1] in ("cancel_decision", "object_to_decision", "assign_leader")
    if name not in ("report.request_extension", "case.request_evidence")
)
KEYS = ["YC1", "YC2", "KN1", "KNG1", "TB1", "HB1", "KNCT1", "X"]


@st.composite
def supervision_steps(draw: st.DrawFn) -> list[dict[str, Any]]:
    """Up to 12 acts of the procuracy and answers, keys drawn from a few likely ones."""
    steps = []
    for _ in range(draw(st.integers(1, 12))):
        name = draw(st.sampled_from(SUPERVISION))
        model = registry().action(name).command.model_fields
        fields: dict[str, Any] = {}
        for field, info in model.items():
            if field in COMMON:
                continue
            if field in ("item", "against"):
                if draw(st.booleans()):
                    fields[field] = draw(st.sampled_from(KEYS))
                continue
            fields[field] = draw(_valid(field, info.annotation))
        ref = "VA1-3" if name.startswith("case.") else "TB-2"
        on = draw(st.dates(min_value=date(2025, 3, 1), max_value=date(2025, 6, 30)))
        steps.append({"do": name, "ref": ref, "on": on.isoformat(), "with": fields})
    return steps


def test_the_procuracys_acts_and_answers_in_any_order_keep_every_item_answered_once(
    world: tuple[Engine, list[str]],
) -> None:
    """Whatever the order, an answer names one item of its own kind, issued before it, and
    answers it once; every item is one row of Sổ 66; the readers still answer."""
    from qlahs.domain.supervision import supervision_of
    from qlahs.stages.supervision.book import supervision_book

    engine, _ = world
    seen = {"recorded": 0, "refused": 0}

    @settings(
        max_examples=60,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(steps=supervision_steps())
    def one(steps: list[dict[str, Any]]) -> None:
        for step in steps:
            before = _notifications(engine)
            try:
                engine.execute(step)
            except CommandRejected as refusal:
                assert_refusal_is_clean(refusal)
                assert _notifications(engine) == before
                seen["refused"] += 1
            else:
                seen["recorded"] += 1
        for kind, ref in (("case", "VA1-3"), ("report", "TB-2")):
            items = supervision_of(engine.subject(kind, ref)).items
            answers = [a for a in engine.history(kind, ref) if type(a).__name__ == "Answered"]
            assert len({a.key for a in answers}) == len(answers), "an item answered twice"
            for answer in answers:
                item = items[answer.key]
                assert item.answered_on is not None and item.on <= answer.day
        engine.catch_up()
        with engine.sql.connect() as connection:
            rows = connection.execute(
                sa.select(sa.func.count()).select_from(supervision_book)
            ).scalar_one()
        total = sum(
            len(supervision_of(engine.subject(k, r)).items)
            for k, r in (("case", "VA1-3"), ("report", "TB-2"))
        )
        assert rows == total

    one()
    readers_answer(engine)
    assert seen["refused"] > 0 and seen["recorded"] > 0, seen
