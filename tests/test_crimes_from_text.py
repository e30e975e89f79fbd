"""The crime table is the Criminal Code's own words: every bracket is quoted from the shipped
text under its article and clause, and every category follows Điều 9 k1 from that bracket."""

from __future__ import annotations

from pathlib import Path

import pytest

from qlahs.law.crimes import category_for_penalty, category_of, crime_table, parse_charge
from qlahs.law.statutes import quoted_in, statute
from qlahs.law.tools import make_crimes

ROOT = Path(__file__).resolve().parents[1]
LAW = "BLHS 2015"


def test_every_bracket_is_quoted_from_its_clause_and_categorised_by_article_9() -> None:
    table = crime_table()
    checked = 0
    for number, article in table.clauses.items():
        assert article.name == statute(LAW).articles[str(number)].name
        for clause, bracket in article.clauses.items():
            assert quoted_in(bracket.penalty, LAW, number, clause), (number, clause)
            assert category_for_penalty(bracket.penalty) == bracket.category, (number, clause)
            checked += 1
        if article.whole:
            assert quoted_in(article.whole.penalty, LAW, number)
            assert category_for_penalty(article.whole.penalty) == article.whole.category
        for clause, points in article.legal_person.items():
            for penalty in points.values():
                assert quoted_in(penalty, LAW, number, clause), (number, clause)
    assert checked > 850


def test_the_table_covers_the_special_part_and_is_generated_from_the_text() -> None:
    committed = (ROOT / "src" / "qlahs" / "law" / "crimes.yaml").read_text(encoding="utf-8")
    assert committed == make_crimes.render(), "crimes.yaml cũ: chạy qlahs.law.tools.make_crimes"
    numbers = {str(n) for n in crime_table().clauses}
    # Articles of 108–425 without a bracket of their own: additional penalties (122), a
    # repealed article (292), definitions (352, 367) and the scope of military crimes (392).
    special = {n for n in statute(LAW).articles if 108 <= int(n.rstrip("a")) <= 425}
    assert special - numbers == {"122", "292", "352", "367", "392"}
    assert "217a" in numbers


@pytest.mark.parametrize(
    ("charge", "category"),
    [
        ("BLHS 173 k1", "INT"),  # cải tạo không giam giữ đến 03 năm hoặc tù 06 tháng–03 năm
        ("BLHS 173 k2", "NT"),
        ("BLHS 173 k3", "RNT"),
        ("BLHS 173 k4", "DBNT"),
        ("BLHS 123 k3", "NT"),  # chuẩn bị phạm tội giết người: tù 01–05 năm
        ("BLHS 134 k6", "INT"),  # chuẩn bị phạm tội: tù 03 tháng–02 năm
        ("BLHS 141 k4", "RNT"),  # tù 05–10 năm
        ("BLHS 163 k2", "INT"),  # "thì phạt tù từ 01 năm đến 03 năm" (không có chữ "bị")
        ("BLHS 181", "INT"),  # điều không chia khoản
        ("BLHS 217a k1", "INT"),
        ("BLHS 353 k1", "NT"),  # tù 02–07 năm
    ],
)
def test_categories_read_by_hand_from_the_code(charge: str, category: str) -> None:
    assert category_of(charge) == category


def test_a_charge_that_the_code_does_not_have_has_no_category() -> None:
    assert category_of("BLHS 173 k9") is None
    assert category_of("BLHS 173") is None  # Điều 173 has clauses: the clause must be named
    assert category_of("BLHS 999 k1") is None
    assert parse_charge("BLHS 217a k2") == ("217a", 2)


@pytest.mark.parametrize(
    ("penalty", "category"),
    [
        ("phạt tiền từ 20.000.000 đồng đến 100.000.000 đồng", "INT"),
        ("phạt cảnh cáo, phạt cải tạo không giam giữ đến 03 năm", "INT"),
        (
            "phạt cải tạo không giam giữ từ 02 năm đến 03 năm hoặc phạt tù từ 06 tháng đến 03 năm",
            "INT",
        ),
        ("phạt tù từ 03 tháng đến 06 tháng", "INT"),
        ("phạt tù từ 02 năm đến 07 năm", "NT"),
        ("phạt tù từ 07 năm đến 15 năm", "RNT"),
        ("phạt tù từ 12 năm đến 20 năm", "DBNT"),
        ("phạt tù 20 năm hoặc tù chung thân", "DBNT"),
        ("phạt tù từ 12 năm đến 20 năm, tù chung thân hoặc tử hình", "DBNT"),
    ],
)
def test_article_9_maps_the_maximum_of_a_bracket(penalty: str, category: str) -> None:
    assert category_for_penalty(penalty) == category


def test_the_death_penalty_removed_in_2025_is_marked_but_keeps_the_category() -> None:
    table = crime_table()
    amended = {n for n, a in table.clauses.items() if a.amended_2025}
    assert amended == {109, 110, 114, 194, 250, 353, 354, 421}
    assert table.clauses[250].amended_2025 is not None
    assert table.clauses[250].amended_2025.law == "Luật 86/2025/QH15"
    assert category_of("BLHS 250 k4") == "DBNT"


def test_legal_person_clauses_are_kept_apart() -> None:
    smuggling = crime_table().clauses[188]
    assert 6 not in smuggling.clauses
    assert smuggling.legal_person[6]["b"].startswith("phạt tiền từ 1.000.000.000 đồng")
