"""Which procuracy may grant an extension (`competence.yaml`), as dated variants.

BLTTHS Điều 172 k5 and Điều 173 k3 name the level by crime category and extension number;
Luật 99/2025/QH15 abolished the district level from 01/07/2025, so the later variant names the
regional (khu vực) procuracy instead, marked with its lower confidence. A case of a central
investigation body (Điều 172 k6, Điều 173 k4) is extended by the Supreme Procuracy in both.
"""

from __future__ import annotations

from datetime import date
from functools import cache
from importlib import resources
from typing import Literal

from pydantic import BaseModel, ConfigDict

from qlahs.kernel import yamlio
from qlahs.law.citation import Citation, Confidence
from qlahs.law.crimes import Category

Level = Literal["huyen", "khu_vuc", "tinh", "toi_cao"]


class Power(BaseModel):
    """One variant: the level for each extension, first to last, by category."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    citation: Citation
    confidence: Confidence
    quote: str | None = None
    quote_source: str | None = None
    note: str | None = None
    by_level: dict[Category, list[Level]]
    provincial_body: dict[Category, list[Level]]
    # a case of the investigation bodies of the Ministries of Public Security and Defence or
    # of the Supreme Procuracy (Điều 172 k6, Điều 173 k4): its own clause, quoted apart
    central_body: dict[Category, list[Level]]
    central_citation: Citation
    central_quote: str | None = None
    central_quote_source: str | None = None


class PowerHistory(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    description: str
    values: dict[date, Power]


class Competence(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    description: str
    levels: dict[Level, str]
    powers: dict[str, PowerHistory]

    def in_force(self, power: str, on: date) -> tuple[date, Power] | None:
        found = [(d, v) for d, v in sorted(self.powers[power].values.items()) if d <= on]
        return found[-1] if found else None

    def grantor(
        self,
        power: str,
        category: Category,
        extension: int,
        on: date,
        *,
        provincial: bool,
        central: bool = False,
    ) -> str | None:
        """The name of the procuracy that may grant the `extension`-th extension, or None when
        the law allows no such extension or has no variant on `on`. `central`: the case of a
        ministry's (or the Supreme Procuracy's) investigation body."""
        chosen = self.in_force(power, on)
        if chosen is None:
            return None
        variant = chosen[1]
        table = (
            variant.central_body
            if central
            else variant.provincial_body
            if provincial
            else variant.by_level
        )
        levels = table.get(category, [])
        return self.levels[levels[extension - 1]] if 0 < extension <= len(levels) else None


@cache
def competence() -> Competence:
    text = resources.files("qlahs.law").joinpath("competence.yaml").read_text("utf-8")
    return yamlio.load_data(Competence, "competence.yaml", text)
