"""Law as data: every value cited and dated; the catalogue in docs/ follows the data."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from qlahs.kernel.errors import RuleDataError
from qlahs.law.catalogue import render
from qlahs.law.rulebook import RuleBook, parse_rule

ROOT = Path(__file__).resolve().parents[1]

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


def test_every_shipped_value_is_cited_dated_and_marked() -> None:
    for rule in RuleBook.load().rules.values():
        for parameter in rule.parameters.values():
            for effective_from, value in parameter.values.items():
                assert effective_from >= date(2018, 1, 1)
                assert value.citation.law
                assert value.confidence in "TPCM"
                # Only an unconfirmed value may cite a law without its article, and says why.
                if value.citation.article is None:
                    assert value.confidence in "PM" and value.note


def test_docs_rules_md_is_generated_from_the_current_data() -> None:
    committed = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert committed == render(), "docs/rules.md cũ: chạy `qlahs rules --write docs/rules.md`"
