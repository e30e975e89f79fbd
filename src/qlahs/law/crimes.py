"""A charge's crime category from its clause (BLHS 2015 Điều 9), from `crimes.yaml`."""

from __future__ import annotations

import re
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

_CHARGE = re.compile(r"^\s*BLHS\s+(?:Điều\s+)?(\d+)\s*(?:k(?:hoản)?\s*(\d+))?", re.IGNORECASE)


class Article(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    name: str
    clauses: dict[int, Category]
    confidence: Confidence


class CrimeTable(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    description: str
    citation: Citation
    categories: dict[Category, dict[str, str]]
    clauses: dict[int, Article]


@cache
def crime_table() -> CrimeTable:
    text = resources.files("qlahs.law").joinpath("crimes.yaml").read_text("utf-8")
    return yamlio.load_data(CrimeTable, "crimes.yaml", text)


def parse_charge(crime: str) -> tuple[int, int | None] | None:
    """'BLHS 173 k2' → (173, 2); None when the text is not a BLHS charge."""
    match = _CHARGE.match(crime)
    if not match:
        return None
    return int(match.group(1)), int(match.group(2)) if match.group(2) else None


def category_of(crime: str) -> Category | None:
    """The category the data knows for this charged clause, or None."""
    parsed = parse_charge(crime)
    if parsed is None or parsed[1] is None:
        return None
    article = crime_table().clauses.get(parsed[0])
    return article.clauses.get(parsed[1]) if article else None


def gravest(categories: list[str]) -> str:
    return max(categories, key=lambda c: CATEGORY_ORDER[c])
