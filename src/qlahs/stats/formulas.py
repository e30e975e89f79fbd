"""How an indicator is read off the measures: a sum of keys, or a rate of two sums.

Keys may hold `*` (any characters, dots included): `report.out.*` is every exit from the
report stock, `violation.*.late` every late act. The text of a formula is printed in
docs/statistics.md, so that an independent count can follow it key by key.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from fnmatch import fnmatchcase
from functools import cache


@cache
def _matches(pattern: str, key: str) -> bool:
    return fnmatchcase(key, pattern) if "*" in pattern else key == pattern


@dataclass(frozen=True)
class Sum:
    keys: tuple[str, ...]

    def __call__(self, measures: Mapping[str, int]) -> int:
        return sum(
            value
            for key, value in measures.items()
            if any(_matches(pattern, key) for pattern in self.keys)
        )

    @property
    def text(self) -> str:
        return " + ".join(f"`{key}`" for key in self.keys)


@dataclass(frozen=True)
class Rate:
    """part ÷ whole in per cent; no value when the whole is zero."""

    part: Sum
    whole: Sum

    def __call__(self, measures: Mapping[str, int]) -> float | None:
        whole = self.whole(measures)
        return None if whole == 0 else 100 * self.part(measures) / whole

    @property
    def text(self) -> str:
        return f"({self.part.text}) ÷ ({self.whole.text}) × 100"


Formula = Sum | Rate


def total(*keys: str) -> Sum:
    return Sum(tuple(keys))


def stock_total(stock: str) -> Sum:
    """Everything a stock had to deal with in the period: carried over and new."""
    return Sum((f"{stock}.carried", f"{stock}.in.*"))


def keys_of(formulas: Iterable[Formula]) -> set[str]:
    found: set[str] = set()
    for formula in formulas:
        parts = (formula.part, formula.whole) if isinstance(formula, Rate) else (formula,)
        for part in parts:
            found.update(part.keys)
    return found
