"""Module 5: the enforcement acts on a case and the inspections of detention facilities and
enforcement bodies, as books 25 and KSTT list them and as the stage's indicators count them
(docs/vocabulary-enforcement.md)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from qlahs.engine import Engine
from qlahs.law.quotes import quote_problems
from qlahs.projections.books import book
from qlahs.stages.registry import registry
from qlahs.stats.compute import report_of
from qlahs.stats.indicators import parse_catalogue
from qlahs.stats.periods import parse_period
from stats_fakes import FakeEngine

ROOT = Path(__file__).resolve().parents[1]
UNIT = "VKS-T"
RULES = (
    "enforcement.decide_delegated",
    "enforcement.deliver_decision",
    "enforcement.report",
    "enforcement.release",
    "enforcement.send_judgment",
    "inspection.answer_recommendation",
    "inspection.answer_protest",
)


def _trial(ref: str, *, detained: bool = False, sentence: str = "2 năm tù") -> list[dict[str, Any]]:
    """A serious case judged on Monday 02/06/2025, in effect on 02/07/2025."""
    steps: list[tuple[str, str, dict[str, Any]]] = [
        ("2025-02-03", "case.open", {"crime": "BLHS 173 k2"}),
        (
            "2025-02-03",
            "case.charge",
            {"person": "BC1", "name": "Nguyễn Văn A", "crime": "BLHS 173 k2"},
        ),
        ("2025-02-04", "case.approve_charge", {"person": "BC1"}),
        ("2025-03-31", "case.conclude_investigation", {}),
        ("2025-04-01", "case.receive_file", {}),
        ("2025-04-10", "case.indict", {}),
        ("2025-04-14", "case.send_to_court", {}),
        ("2025-04-15", "case.court_accept", {}),
        ("2025-05-22", "case.bring_to_trial", {}),
        ("2025-06-02", "case.judge", {"outcome": "có tội", "sentences": {"BC1": sentence}}),
    ]
    if detained:
        steps.insert(
            8, ("2025-04-15", "custody.detain", {"person": "BC1", "days": 60, "stage": "trial"})
        )
    return [{"on": on, "do": do, "ref": ref, "unit": UNIT, "with": w} for on, do, w in steps]


def _do(engine: Any, on: str, action: str, ref: str, **fields: Any) -> None:
    assert engine.execute({"on": on, "do": action, "ref": ref, "unit": UNIT, "with": fields})


def test_every_new_value_is_cited_marked_and_quoted_or_says_why_not() -> None:
    rulebook = registry().rulebook
    assert [p for p in quote_problems(rulebook) if p.split(" ")[0] in RULES] == []
    for name in RULES:
        for parameter in rulebook.rules[name].parameters.values():
            for value in parameter.values.values():
                assert value.quote or value.quote_source, name
                assert value.confidence in "TPCM"


def test_books_25_and_kstt_list_the_enforcement_and_the_inspection(engine: Engine) -> None:
    for step in _trial("VA1", detained=True, sentence="2 năm tù cho hưởng án treo"):
        engine.execute(step)
    _do(engine, "2025-06-02", "case.enforce_immediately", "VA1", person="BC1", ground="an_treo")
    _do(engine, "2025-06-04", "custody.release", "VA1", person="BC1")
    _do(engine, "2025-07-03", "case.enforcement_decision", "VA1", person="BC1")
    _do(engine, "2025-07-09", "case.deliver_enforcement_decision", "VA1", person="BC1")
    _do(
        engine,
        "2025-07-04",
        "case.deliver_enforcement_decision",
        "VA1",
        person="BC1",
        recipient="nguoi_chap_hanh_an",
    )
    _do(engine, "2025-07-14", "case.report_for_enforcement", "VA1", person="BC1")
    _do(
        engine,
        "2025-09-29",
        "inspection.open",
        "KSTT1",
        facility_kind="nha_tam_giu",
        facility="Nhà tạm giữ Công an khu vực 1",
        scope="tam_giu_tam_giam",
    )
    _do(
        engine,
        "2025-10-03",
        "inspection.conclude",
        "KSTT1",
        content="Giam giữ không có lệnh",
        violations_found=1,
    )
    _do(engine, "2025-10-06", "inspection.recommend", "KSTT1", content="Khắc phục")
    _do(engine, "2025-11-07", "inspection.answer_recommendation", "KSTT1", result="chap_nhan")
    engine.catch_up()
    with engine.sql.connect() as connection:
        enforced = book("25").rows(connection, UNIT, 2025)
        inspections = book("KSTT").rows(connection, UNIT, 2025)
    assert [(r["ref"], r["name"], r["state"]) for r in enforced] == [
        ("VA1", "Nguyễn Văn A", "Đã có mặt chấp hành án")
    ]
    row = enforced[0]
    assert row["immediate"] == (
        "thi hành ngay: phạt tù nhưng cho hưởng án treo; "
        "04/06/2025 trả tự do (chậm 2 ngày, BLTTHS 2015 Điều 363)"
    )
    # decision 03/07, three working days → 08/07; received 09/07 without a sending day
    assert row["delivered"] == (
        "09/07/2025 Viện kiểm sát cùng cấp nhận (chậm 1 ngày, Luật THAHS 2019 Điều 22 khoản 2); "
        "04/07/2025 người chấp hành án nhận"
    )
    assert row["reported"] == "14/07/2025 có mặt (chậm 3 ngày, BLTTHS 2015 Điều 364 khoản 3)"
    assert [(r["ref"], r["facility"]) for r in inspections] == [
        ("KSTT1", "Nhà tạm giữ Công an khu vực 1")
    ]
    # 06/10 + 30 days (Luật THTGTG 2015 Điều 43 k4) = 05/11; answered 07/11
    assert inspections[0]["documents"] == "KN1 06/10/2025 kiến nghị, hạn trả lời 05/11/2025"
    assert inspections[0]["answers"] == "KN1 07/11/2025 chấp nhận (trả lời chậm 2 ngày) — kiến nghị"


def test_the_stage_catalogue_counts_decisions_reports_and_answers() -> None:
    engine = FakeEngine(UNIT)
    engine.rulebook = registry().rulebook
    for ref in ("VA1", "VA2"):
        for step in _trial(ref):
            assert engine.execute(step), step
    # VA1: decided in time (due 09/07), its convict reports late; VA2: decided late
    _do(engine, "2025-07-03", "case.enforcement_decision", "VA1", person="BC1")
    _do(
        engine,
        "2025-07-04",
        "case.deliver_enforcement_decision",
        "VA1",
        person="BC1",
        recipient="nguoi_chap_hanh_an",
    )
    _do(engine, "2025-07-15", "case.report_for_enforcement", "VA1", person="BC1")
    _do(engine, "2025-07-11", "case.enforcement_decision", "VA2", person="BC1")
    for ref, facility in (("KSTT1", "trai_giam"), ("KSTT2", "trai_tam_giam")):
        _do(engine, "2025-07-01", "inspection.open", ref, facility_kind=facility, facility="Trại")
        _do(engine, "2025-07-07", "inspection.conclude", ref, content="Vi phạm")
        _do(engine, "2025-07-08", "inspection.recommend", ref, content="Khắc phục")
    for ref in ("KSTT1", "KSTT2"):
        _do(engine, "2025-07-08", "inspection.protest", ref, content="Kháng nghị")
    _do(engine, "2025-07-20", "inspection.answer_recommendation", "KSTT1", result="chap_nhan")
    _do(engine, "2025-07-28", "inspection.answer_protest", "KSTT1", result="khong_chap_nhan")
    _do(engine, "2025-07-31", "inspection.open", "KSTT3", facility_kind="ubnd_xa", facility="Xã")
    report = report_of(
        engine.snapshot(), UNIT, parse_period("2025-07"), rulebook=registry().rulebook
    )
    text = (ROOT / "src/qlahs/stages/enforcement/indicators.yaml").read_text("utf-8")
    values = {
        indicator.code: report.value(indicator)
        for indicator in parse_catalogue("indicators.yaml", text).indicators(registry().rulebook)
    }
    assert values == {
        "THA.1": 0,  # no inspection carried from June
        "THA.2": 3,
        "THA.3": 2,
        "THA.4": 1,  # KSTT3 not concluded at the end of July
        "THA.5": pytest.approx(200 / 3),  # 2 of 3 concluded
        "THA.6": 2,
        "THA.7": 2,  # protests of KSTT1 and KSTT2
        "THA.8": 1,
        "THA.9": 1,  # the recommendation of KSTT1 (due 23/07)
        "THA.10": 1,  # the protest (due 23/07), answered 28/07
        "THA.11": 1,  # the protest of KSTT2 (due 23/07), unanswered
        "THA.12": 2,
        "THA.13": 1,
        "THA.14": 0,
        "THA.15": 1,  # received 04/07, due 11/07, reported 15/07
        "THA.16": 0,
    }
