"""A charge's crime category from its clause (BLHS 2015 Điều 9), from `crimes.yaml`.

`crimes.yaml` is generated from the shipped Criminal Code (`tools/make_crimes.py`): each clause
carries its penalty bracket quoted from the text and the category Điều 9 k1 gives it.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache
from importlib import resources
from typing import Literal

from pydantic import BaseModel, ConfigDict

from qlahs.kernel import yamlio
from qlahs.law.citation import Citation, Confidence

Category = Literal["INT", "NT", "RNT", "DBNT"]
CATEGORY_ORDER: dict[str, int] = {"INT": 0, "NT": 1, "RNT": 2, "DBNT": 3}
CATEGORY_NAMES = {
    "INT": "ít nghiêm trọng",
    "NT": "nghiêm trọng",
    "RNT": "rất nghiêm trọng",
    "DBNT": "đặc biệt nghiêm trọng",
}

_CHARGE = re.compile(
    r"^\s*BLHS\s+(?:Điều\s+)?(\d+)([a-z]?)\s*(?:k(?:hoản)?\s*(\d+))?", re.IGNORECASE
)
_PRISON = re.compile(r"\btù\b")
_TERM = re.compile(r"(\d+) (năm|tháng)")


class Bracket(BaseModel):
    """A clause's penalty bracket, verbatim from the Code, and the category it gives."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    category: Category
    penalty: str


class Amendment(BaseModel):
    """A later amending law the shipped text lacks, and what it changes for the article."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    law: str
    effective_from: date
    confidence: Confidence
    note: str


class Article(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    name: str
    clauses: dict[int, Bracket]
    confidence: Confidence
    # An article without numbered clauses (e.g. Điều 181) sets one bracket for the whole.
    whole: Bracket | None = None
    # Clauses punishing a commercial legal person, point → penalty: Điều 9 k2 classifies those
    # by the natural person's clause, so they carry no category of their own.
    legal_person: dict[int, dict[str, str]] = {}
    amended_2025: Amendment | None = None


class CrimeTable(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    description: str
    citation: Citation
    text_version: str
    categories: dict[Category, dict[str, str]]
    clauses: dict[int | str, Article]


@cache
def crime_table() -> CrimeTable:
    text = resources.files("qlahs.law").joinpath("crimes.yaml").read_text("utf-8")
    return yamlio.load_data(CrimeTable, "crimes.yaml", text)


def parse_charge(crime: str) -> tuple[int | str, int | None] | None:
    """'BLHS 173 k2' → (173, 2), 'BLHS 217a k1' → ('217a', 1); None when not a BLHS charge."""
    match = _CHARGE.match(crime)
    if not match:
        return None
    article: int | str = int(match.group(1))
    if match.group(2):
        article = f"{match.group(1)}{match.group(2).lower()}"
    return article, int(match.group(3)) if match.group(3) else None


def category_of(crime: str) -> Category | None:
    """The category the data knows for this charged clause (or clause-less article), or None."""
    parsed = parse_charge(crime)
    if parsed is None:
        return None
    article = crime_table().clauses.get(parsed[0])
    if article is None:
        return None
    if parsed[1] is None:
        return article.whole.category if article.whole else None
    bracket = article.clauses.get(parsed[1])
    return bracket.category if bracket else None


def category_for_penalty(penalty: str) -> Category:
    """Điều 9 k1: the category from the maximum of a bracket — life or death is DBNT; else the
    longest prison term (fines, non-custodial reform and warnings count as none)."""
    if "tử hình" in penalty or "chung thân" in penalty:
        return "DBNT"
    years = 0.0
    for part in re.split(r",| hoặc ", penalty):
        # "cải tạo không giam giữ đến 03 năm" is not prison: Điều 9 k1 a puts it with fines.
        if not _PRISON.search(part) or "cải tạo" in part:
            continue
        for amount, unit in _TERM.findall(part):
            years = max(years, int(amount) / (1 if unit == "năm" else 12))
    if years <= 3:
        return "INT"
    if years <= 7:
        return "NT"
    return "RNT" if years <= 15 else "DBNT"


def gravest(categories: list[str]) -> str:
    return max(categories, key=lambda c: CATEGORY_ORDER[c])
