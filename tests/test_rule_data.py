"""Law as data: every value cited and dated; the catalogue in docs/ follows the data."""

from __future__ import annotations

from datetime import date
from importlib import import_module
from pathlib import Path

import pytest

from qlahs.kernel.errors import RuleDataError
from qlahs.law.catalogue import render
from qlahs.law.quotes import quote_problems
from qlahs.law.rulebook import RuleBook, parse_rule
from qlahs.stages.registry import BUILT_IN, registry

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "qlahs"


def _shipped() -> RuleBook:
    """The rules shipped with qlahs: its own and those of the stages shipped in it (a stage
    from another package, like the test plug-in, answers for its own law)."""
    folders = [
        stage.rules_folder
        for stage in registry().stages
        if stage.rules_folder and stage.rules_folder.is_relative_to(SRC)
    ]
    return RuleBook.load(*folders)


UNCITED = """
rule: report.resolve
title: Giải quyết nguồn tin
responsible: Cơ quan điều tra
parameters:
  base:
    description: Thời hạn giải quyết
    unit: days
    values:
      2018-01-01: {value: 20, confidence: T}
"""


def test_a_value_without_a_citation_does_not_load() -> None:
    with pytest.raises(RuleDataError) as refused:
        parse_rule("report_resolve.yaml", UNCITED)
    assert "report_resolve.yaml" in str(refused.value)
    assert "citation" in str(refused.value)
    assert "bắt buộc" in str(refused.value)


def test_a_value_without_a_confidence_mark_does_not_load() -> None:
    text = UNCITED.replace("confidence: T", "citation: {law: BLTTHS 2015, article: 147}")
    with pytest.raises(RuleDataError, match="confidence"):
        parse_rule("report_resolve.yaml", text)


def test_a_later_file_in_a_folder_overrides_a_shipped_rule_from_its_effective_date(
    tmp_path: Path,
) -> None:
    (tmp_path / "report_resolve.yaml").write_text(
        UNCITED.replace(
            "{value: 20, confidence: T}",
            "{value: 20, confidence: T, citation: {law: BLTTHS 2015, article: 147, clause: 1}}\n"
            "      2030-01-01: {value: 15, confidence: M,"
            " citation: {law: Luật giả định, article: 1}}",
        ),
        encoding="utf-8",
    )
    book = RuleBook.load(tmp_path)
    assert book.value("report.resolve", "base", date(2029, 12, 31)).value == 20
    later = book.value("report.resolve", "base", date(2030, 1, 1))
    assert (later.value, later.confidence, later.article) == (15, "M", "Luật giả định Điều 1")


def test_a_rule_has_no_value_before_its_first_effective_date() -> None:
    with pytest.raises(RuleDataError, match="không có giá trị hiệu lực"):
        RuleBook.default().value("report.resolve", "base", date(2017, 12, 31))


def test_the_stages_shipped_with_qlahs_bring_their_rules_to_the_checks() -> None:
    assert "complaint.resolve" in _shipped().rules
    assert "complaint.resolve" not in RuleBook.load().rules


def test_every_shipped_value_is_cited_dated_and_marked() -> None:
    for rule in _shipped().rules.values():
        for parameter in rule.parameters.values():
            for effective_from, value in parameter.values.items():
                # BLTTDS and Luật TTHC 2015 from 01/07/2016; BLTTHS 2015 from 01/01/2018
                assert effective_from >= date(2016, 7, 1)
                assert value.citation.law
                assert value.confidence in "TPCM"
                # Only an unconfirmed value may cite a law without its article, and says why.
                if value.citation.article is None:
                    assert value.confidence in "PM" and value.note


def test_docs_rules_md_is_generated_from_the_current_data() -> None:
    committed = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    # the rules shipped with qlahs, its own stages' included (not the test plug-in's)
    stages = [import_module(name).STAGE for name in BUILT_IN]
    shipped = RuleBook.load(*[stage.rules_folder for stage in stages if stage.rules_folder])
    assert committed == render(shipped), (
        "docs/rules.md cũ: chạy `qlahs rules --write docs/rules.md`"
    )


def test_every_shipped_value_quotes_the_clause_it_cites() -> None:
    assert quote_problems(_shipped()) == []


def test_a_quote_from_another_clause_fails(tmp_path: Path) -> None:
    # The 20 days are in Điều 147 khoản 1: quoting them under khoản 2 is a wrong citation.
    quote = "Trong thời hạn 20 ngày kể từ ngày nhận được tố giác"
    for clause, found in ((1, []), (2, ["lời trích không có trong điều, khoản được dẫn"])):
        (tmp_path / "report_resolve.yaml").write_text(
            UNCITED.replace(
                "{value: 20, confidence: T}",
                f"{{value: 20, confidence: T, quote: '{quote}',"
                f" citation: {{law: BLTTHS 2015, article: 147, clause: {clause}}}}}",
            ),
            encoding="utf-8",
        )
        problems = [p for p in quote_problems(RuleBook.load(tmp_path)) if "report.resolve" in p]
        assert [p.split(": ", 1)[1] for p in problems] == found


def test_a_law_that_is_not_shipped_must_say_why_its_value_is_unquoted(tmp_path: Path) -> None:
    (tmp_path / "report_resolve.yaml").write_text(
        UNCITED.replace(
            "{value: 20, confidence: T}",
            "{value: 20, confidence: M, citation: {law: Luật giả định, article: 1}}",
        ),
        encoding="utf-8",
    )
    problems = [p for p in quote_problems(RuleBook.load(tmp_path)) if "report.resolve" in p]
    assert problems and problems[0].endswith("luật không kèm văn bản, thiếu quote_source")


def test_the_explanation_shows_the_words_of_the_law_and_what_the_text_lacks() -> None:
    before = RuleBook.default().value("report.resolve", "base", date(2024, 1, 10)).quote_lines()
    assert before == [
        "Văn bản (BLTTHS 2015 Điều 147 khoản 1): “Trong thời hạn 20 ngày kể từ ngày nhận được"
        " tố giác, tin báo về tội phạm, kiến nghị khởi tố, Cơ quan điều tra, cơ quan được giao"
        " nhiệm vụ tiến hành một số hoạt động điều tra phải kiểm tra, xác minh và ra một trong"
        " các quyết định:”"
    ]
    after = RuleBook.default().value("report.resolve", "base", date(2025, 7, 1)).quote_lines()
    assert any("chưa gồm Luật số 99/2025/QH15 (hiệu lực từ 01/07/2025)" in x for x in after)
    minors = RuleBook.default().value("case.investigate", "minor_percent", date(2026, 2, 1))
    assert minors.citation.clause == 1
    assert any(x.startswith("Lời văn chưa đối chiếu") for x in minors.quote_lines())
