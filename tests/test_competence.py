"""Who may extend a time limit: the text's levels until 30/06/2025, the regional procuracy from
01/07/2025 (Luật 99/2025/QH15), each variant cited and quoted or saying why not."""

from __future__ import annotations

from datetime import date

from qlahs.law.competence import competence
from qlahs.law.statutes import quoted_in, shipped_laws

BEFORE, AFTER = date(2025, 6, 30), date(2025, 7, 1)


def test_rnt_investigation_extensions_by_level_and_date() -> None:
    table = competence()
    first = table.grantor("investigation_extension", "RNT", 1, BEFORE, provincial=False)
    second = table.grantor("investigation_extension", "RNT", 2, BEFORE, provincial=False)
    assert (first, second) == (
        "Viện kiểm sát nhân dân cấp huyện",
        "Viện kiểm sát nhân dân cấp tỉnh",
    )
    later = table.grantor("investigation_extension", "RNT", 1, AFTER, provincial=False)
    assert later == "Viện kiểm sát nhân dân khu vực"
    assert table.grantor("investigation_extension", "DBNT", 3, AFTER, provincial=True) == (
        "Viện kiểm sát nhân dân tối cao"
    )


def test_an_extension_the_law_does_not_allow_has_no_grantor() -> None:
    table = competence()
    assert table.grantor("investigation_extension", "INT", 2, BEFORE, provincial=False) is None
    assert table.grantor("detention_extension", "NT", 2, AFTER, provincial=True) is None
    assert (
        table.grantor("detention_extension", "NT", 1, date(2017, 12, 31), provincial=True) is None
    )


def test_every_variant_is_quoted_from_the_text_or_says_why_not() -> None:
    for power in competence().powers.values():
        for variant in power.values.values():
            law = variant.citation.law
            if law in shipped_laws():
                assert variant.quote and variant.confidence == "T"
                assert quoted_in(
                    variant.quote, law, variant.citation.article or 0, variant.citation.clause
                )
            else:
                assert variant.quote_source and variant.confidence != "T"
            central = variant.central_citation
            if central.law in shipped_laws():
                assert variant.central_quote
                assert quoted_in(
                    variant.central_quote, central.law, central.article or 0, central.clause
                )
            else:
                assert variant.central_quote_source


def test_a_case_of_a_central_investigation_body_is_extended_by_the_supreme_procuracy() -> None:
    table = competence()
    for day in (BEFORE, AFTER):
        assert table.grantor(
            "investigation_extension", "NT", 2, day, provincial=False, central=True
        ) == ("Viện kiểm sát nhân dân tối cao")
        assert table.grantor(
            "detention_extension", "DBNT", 2, day, provincial=False, central=True
        ) == ("Viện kiểm sát nhân dân tối cao")
    assert (
        table.grantor("detention_extension", "NT", 2, AFTER, provincial=False, central=True) is None
    )
