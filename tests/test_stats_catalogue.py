"""The indicator catalogue is data that must carry its citations, and a stage plugged in from
another package feeds indicators by registering its statistics (`Stage.statistics`) and
being named in a catalogue, without any change to qlahs.stats."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from datetime import date
from types import SimpleNamespace
from typing import Any, ClassVar

import pytest
from eventsourcing.domain import Aggregate

from qlahs.kernel.errors import RuleDataError
from qlahs.kernel.subject import Act, Subject, subject_id
from qlahs.law.rulebook import RuleBook
from qlahs.stages import registry as registry_module
from qlahs.stages.commands import Command
from qlahs.stages.registry import Action, Stage, registry
from qlahs.stages.statistics import Statistics, Stock
from qlahs.stats.compute import report_of
from qlahs.stats.indicators import SHIPPED, parse_catalogue
from qlahs.stats.periods import parse_period
from stats_fakes import FakeEngine

# -- a stage from elsewhere: petitions (đơn kiến nghị), received then answered ----------------


class Petition(Subject):
    kind: ClassVar[str] = "petition"
    noun: ClassVar[str] = "đơn kiến nghị"
    transitions: ClassVar[dict[str, dict[str, str]]] = {
        "open": {"answer": "answered"},
        "answered": {},
    }
    stage_names: ClassVar[dict[str, str]] = {"open": "Đang giải quyết", "answered": "Đã trả lời"}

    class Received(Act, Aggregate.Created):
        ref: str

        def apply(self, aggregate: Any) -> None:
            aggregate.ref, aggregate.unit, aggregate.stage = self.ref, self.unit, "open"
            aggregate.opened_on = self.on

    class Answered(Act):
        step = "answer"


class ReceivePetition(Command):
    action: ClassVar[str] = "petition.receive"


class AnswerPetition(Command):
    action: ClassVar[str] = "petition.answer"


def _receive(subject: Subject | None, command: Command, fields: dict[str, Any]) -> Subject:
    return Petition._create(
        Petition.Received, id=subject_id(Petition.kind, command.ref), ref=command.ref, **fields
    )


def _answer(subject: Subject | None, command: Command, fields: dict[str, Any]) -> Subject:
    assert isinstance(subject, Petition)
    subject.require_step("answer", fields["on"])
    subject.trigger_event(Petition.Answered, **fields)
    return subject


def _answered_within_a_week(petition: Any, acts: Sequence[Act]) -> list[tuple[date, str]]:
    """A measure of the stage's own: answers given within 7 days of receipt."""
    return [
        (act.day, "petition.answered_in_7_days")
        for act in acts
        if isinstance(act, Petition.Answered) and (act.day - acts[0].day).days <= 7
    ]


def _open(petition: Any) -> frozenset[str]:
    return frozenset((petition.ref,)) if petition.stage == "open" else frozenset()


PETITIONS = Stage(
    name="petition",
    subject=Petition,
    actions=(
        Action("petition.receive", ReceivePetition, _receive, creates=True),
        Action("petition.answer", AnswerPetition, _answer),
    ),
    statistics=Statistics(
        stocks=(Stock("petition", Petition, "Đơn đang giải quyết", "đơn", _open),),
        measures=_answered_within_a_week,
    ),
)

CATALOGUE = """
violation_kinds: {}
stock_lines:
  - {name: "{Counted} cũ", meaning: Cũ, total: ["{stock}.carried"]}
  - {name: "{Counted} mới", meaning: Mới, total: ["{stock}.in.*"]}
  - {name: "{Counted} đã giải quyết", meaning: Ra, total: ["{stock}.out.*"]}
  - {name: "{Counted} còn lại", meaning: Còn, total: ["{stock}.end"]}
stock_rate:
  name: Tỷ lệ giải quyết
  meaning: Ra ÷ phải giải quyết
  counted: "%"
  rate: {part: ["{stock}.out.*"], whole: ["{stock}.carried", "{stock}.in.*"]}
groups:
  - code: P
    title: Đơn kiến nghị
    citation: {law: Quy chế thử, article: 1}
    confidence: M
    indicator_confidence: M
    sheet: P. Đơn
    indicators:
      - {stock: petition, first: 1, counted: đơn, what: giải quyết, rate: true}
      - code: P.6
        name: Trả lời trong 7 ngày
        meaning: Số đơn được trả lời trong 7 ngày kể từ ngày nhận
        counted: đơn
        total: [petition.answered_in_7_days]
      - {code: P.7, name: Trả lời, meaning: petition.answer, counted: lượt,
         total: [act.petition.Answered]}
"""


@pytest.fixture
def plugged_in(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """PETITIONS registered through the entry-point group `qlahs.stages`, as another
    package would register it."""

    def entry_points(group: str) -> list[Any]:
        assert group == "qlahs.stages"
        return [SimpleNamespace(load=lambda: PETITIONS)]

    monkeypatch.setattr(registry_module, "entry_points", entry_points)
    registry.cache_clear()
    yield
    registry.cache_clear()


def test_a_stage_plugged_in_from_outside_feeds_the_indicators_that_name_its_measures(
    plugged_in: None,
) -> None:
    assert "petition.answer" in registry().actions
    engine = FakeEngine()
    for ref, received, answered in (
        ("D1", "2026-03-02", "2026-03-05"),  # answered within a week
        ("D2", "2026-03-02", "2026-03-20"),  # answered late
        ("D3", "2026-03-10", None),  # still open at the end of March
        ("D4", "2026-02-10", "2026-03-03"),  # carried over from February
    ):
        assert engine.execute({"do": "petition.receive", "ref": ref, "on": received})
        if answered:
            assert engine.execute({"do": "petition.answer", "ref": ref, "on": answered})
    report = report_of(engine.snapshot(), "VKS-T", parse_period("2026-03"))
    values = {
        indicator.code: report.value(indicator)
        for indicator in parse_catalogue("don.yaml", CATALOGUE).indicators(RuleBook.default())
    }
    assert values == {
        "P.1": 1,  # carried
        "P.2": 3,  # new
        "P.3": 3,  # answered in March
        "P.4": 1,  # left
        "P.5": 75.0,  # 3 of 4
        "P.6": 1,
        "P.7": 3,
    }


def test_the_shipped_catalogue_cites_every_group() -> None:
    assert all(group.citation.law and group.indicator_confidence for group in SHIPPED.groups)


def test_the_meaning_a_reader_sees_names_no_action_or_rule_code() -> None:
    codes = set(registry().actions) | set(registry().rulebook.rules)
    for indicator in SHIPPED.indicators(registry().rulebook):
        words = set(re.findall(r"[a-z_]+\.[a-z_]+", indicator.meaning))
        assert not words & codes, (indicator.code, indicator.meaning)
        assert not re.search(r"\b[a-z]+_[a-z_]+\b", indicator.meaning), indicator.meaning


@pytest.mark.parametrize(
    ("drop", "message"),
    [
        ("    citation: {law: Quy chế thử, article: 1}\n", "groups.0.citation"),
        ("    indicator_confidence: M\n", "groups.0.indicator_confidence"),
    ],
)
def test_a_group_without_its_citation_or_confidence_does_not_load(drop: str, message: str) -> None:
    assert drop in CATALOGUE
    with pytest.raises(RuleDataError) as raised:
        parse_catalogue("don.yaml", CATALOGUE.replace(drop, ""))
    assert "Tệp dữ liệu don.yaml không hợp lệ" in str(raised.value)
    assert message in str(raised.value)


def test_an_indicator_has_exactly_one_formula() -> None:
    broken = CATALOGUE.replace("total: [act.petition.Answered]", "")
    with pytest.raises(RuleDataError, match="cần đúng một công thức"):
        parse_catalogue("don.yaml", broken)
