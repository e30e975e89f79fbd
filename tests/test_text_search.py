"""Text folded for search: any text, any alphabet, loses exactly its diacritics."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from qlahs.kernel.text_search import folded, needle, plain, searchable


def _by_definition(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", folded(text)).replace("đ", "d")
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@given(st.text(max_size=60))
def test_plain_is_the_text_decomposed_without_its_marks(text: str) -> None:
    assert plain(text) == _by_definition(text)


def test_a_name_typed_without_diacritics_finds_it() -> None:
    column = searchable("Nguyễn Văn Ấn", None, "Đắk Lắk")
    assert needle("nguyen van an") in column
    assert needle("NGUYỄN VĂN ẤN") in column
    assert needle("dak lak") in column
    assert needle("Hạ") not in searchable("Hà Nội")
