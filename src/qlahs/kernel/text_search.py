"""Text people type to find a case: any case, with or without Vietnamese diacritics.

SQLite's lower() leaves Vietnamese capitals (Ộ, Đ) alone and people often type without
diacritics, so each searchable row keeps its text folded in Python twice: casefolded, and
casefolded without diacritics. A needle typed with diacritics can only match the first half,
one typed without them matches either — "nguyen van an" finds "Nguyễn Văn An", and "Hà"
does not find "Hạ".
"""

from __future__ import annotations

import unicodedata


class _Bare(dict[int, str]):
    """Each character without its diacritics, worked out once: str.translate then strips a
    whole text in C (every book row of a register keeps such a column)."""

    def __missing__(self, code: int) -> str:
        decomposed = unicodedata.normalize("NFD", chr(code)).replace("đ", "d")
        bare = "".join(c for c in decomposed if not unicodedata.combining(c))
        self[code] = bare
        return bare


_BARE = _Bare()


def plain(text: str) -> str:
    """Casefolded, without diacritics: 'Nguyễn Đức' → 'nguyen duc'."""
    return folded(text).translate(_BARE)


def folded(text: str) -> str:
    return unicodedata.normalize("NFC", text).casefold()


def searchable(*parts: str | None) -> str:
    """The value of a `search` column for these parts of a row."""
    text = " | ".join(part for part in parts if part)
    return f"{folded(text)} || {plain(text)}"


def needle(text: str) -> str:
    """What to look for in a `search` column."""
    return folded(text.strip())
