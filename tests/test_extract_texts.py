"""The extract of a codification topic keeps the law's own words only."""

from __future__ import annotations

from qlahs.law.tools.extract_texts import extract

SOURCE = """## VĂN BẢN
Điều 37.10.LQ.1. Phạm vi điều chỉnh
(Điều 1 Luật số 94/2015/QH13, có hiệu lực thi hành kể từ ngày 01/01/2018)
Luật này quy định về tạm giữ.(Điều này có nội dung liên quan đến Điều 1.6.LQ.16. Nhiệm vụ)
(Điều này có nội dung liên quan đến Điều 37.7.LQ.1. Phạm vi)
Điều 37.10.TT.1.1. Hướng dẫn
Lời văn của thông tư.
"""


def test_cross_reference_notes_are_dropped_even_when_glued_to_a_sentence() -> None:
    text = extract(SOURCE, "37.10", "Luật Thi hành tạm giữ, tạm giam")
    assert "Luật này quy định về tạm giữ.\n" in text
    assert "nội dung liên quan" not in text
    assert "## Điều 1. Phạm vi điều chỉnh" in text
    assert "thông tư" not in text
