"""Series and units as data: every value cited, numbering years computed from the start day,
and the unit tree behind the two access levels."""

from __future__ import annotations

from datetime import date

import pytest

from qlahs.kernel.errors import RuleDataError
from qlahs.law.number_series import parse_series, series, series_book
from qlahs.law.units import parse_units, units

VALID = """
order:
  title: Thứ tự
  citation: {law: NĐ 30/2020/NĐ-CP, article: 15, clause: 1}
  confidence: T
series:
  X:
    title: Thử
    symbol:
      2020-03-05: {value: X, citation: {law: NĐ 30/2020/NĐ-CP}, confidence: M}
    year_start:
      2020-03-05: {value: "07-01", citation: {law: NĐ 30/2020/NĐ-CP}, confidence: M}
    inserts:
      2020-03-05: {value: false, citation: {law: NĐ 30/2020/NĐ-CP}, confidence: M}
"""


def test_the_packaged_series_load_with_a_citation_on_every_value() -> None:
    book = series_book()
    assert set(book.series) == {"QD-HS", "LENH", "QD-HC", "CV", "MAT"}
    for found in book.series.values():
        for values in (found.symbol, found.year_start, found.inserts):
            assert all(value.citation.law for value in values.values())


def test_a_value_without_a_citation_does_not_load() -> None:
    broken = VALID.replace(
        '{value: "07-01", citation: {law: NĐ 30/2020/NĐ-CP}, confidence: M}',
        '{value: "07-01", confidence: M}',
    )
    with pytest.raises(RuleDataError, match=r"year_start.*citation"):
        parse_series("thử.yaml", broken)


def test_a_start_day_that_is_not_a_day_of_the_year_does_not_load() -> None:
    with pytest.raises(RuleDataError, match="MM-DD"):
        parse_series("thử.yaml", VALID.replace('"07-01"', '"02-30"'))


def test_two_series_with_one_symbol_do_not_load() -> None:
    twice = VALID + VALID.split("series:\n", 1)[1].replace("  X:", "  Y:")
    with pytest.raises(RuleDataError, match="duy nhất"):
        parse_series("thử.yaml", twice)


def test_a_series_starting_in_july_is_labelled_by_the_year_it_ends_in() -> None:
    july = parse_series("thử.yaml", VALID).get("X")
    year = july.numbering_year(date(2025, 7, 1))
    assert (year.label, year.start, year.end) == (2026, date(2025, 7, 1), date(2026, 6, 30))
    assert july.numbering_year(date(2025, 6, 30)).label == 2025


def test_the_procedural_year_2026_runs_from_1_december_2025_to_30_november_2026() -> None:
    year = series("QD-HS").labelled(2026)
    assert (year.start, year.end) == (date(2025, 12, 1), date(2026, 11, 30))
    assert year.source.confidence == "P"
    assert series("CV").labelled(2026).start == date(2026, 1, 1)


def test_inserts_are_allowed_only_where_the_data_says_so() -> None:
    allowed = {
        code: bool(s.allows_inserts(date(2026, 1, 1)).value)
        for code, s in series_book().series.items()
    }
    assert allowed == {"QD-HS": True, "LENH": False, "QD-HC": True, "CV": True, "MAT": False}


def test_a_province_sees_its_regional_units_and_a_region_sees_only_itself() -> None:
    tree = units()
    assert tree.visible("VKSQN") == {"VKSQN", *(f"VKSKV{i}" for i in range(1, 8))}
    assert tree.visible("VKSKV7") == {"VKSKV7"}
    assert tree.may_see("VKSQN", "VKSKV3") and not tree.may_see("VKSKV3", "VKSKV4")
    assert tree.visible("VKS-LA") == {"VKS-LA"}  # an unknown unit sees only itself


def test_a_unit_tree_with_an_unknown_parent_or_a_cycle_does_not_load() -> None:
    with pytest.raises(RuleDataError, match="cấp trên"):
        parse_units("u.yaml", "A: {name: A, parent: B}")
    with pytest.raises(RuleDataError, match="vòng lặp"):
        parse_units("u.yaml", "A: {name: A, parent: B}\nB: {name: B, parent: A}")
