"""The indicators, each defined once in `indicators.yaml`: its code, Vietnamese name, meaning,
what one unit of it is, its confidence mark, and its formula over the measures (measures.py,
formulas.py). This module loads and checks that file, like the rule files (law/rulebook.py):
a group without its citation and confidence marks does not load.

A stage's acts feed an indicator through the measures it registers (stages/statistics.py);
the indicator only names their keys, so a new stage needs a line in the data, not code here.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Discriminator, Field, Tag, model_validator

from qlahs.kernel import yamlio
from qlahs.law.citation import Citation, Confidence
from qlahs.law.rulebook import RuleBook
from qlahs.stats.formulas import Formula, Rate, total

Keys = tuple[Annotated[str, Field(min_length=1)], ...]


@dataclass(frozen=True)
class Group:
    code: str
    title: str
    citation: str
    sheet: str  # the Excel sheet's name (at most 31 characters)


@dataclass(frozen=True)
class Indicator:
    code: str
    group: str
    name: str
    meaning: str
    counted: str  # nguồn tin, vụ, bị can, người, lượt, vi phạm, %
    formula: Formula
    confidence: str = "M"
    depth: int = 0  # 1 for "trong đó" lines
    headline: bool = False  # shown on the charts and summary cards

    @property
    def is_rate(self) -> bool:
        return isinstance(self.formula, Rate)


class _Data(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class RateData(_Data):
    part: Keys = Field(min_length=1)
    whole: Keys = Field(min_length=1)


class Template(_Data):
    """A line whose texts and keys hold `{placeholders}` (a stock's, a rule's…)."""

    name: str
    meaning: str
    counted: str | None = None
    total: Keys | None = None
    rate: RateData | None = None
    headline: bool = False
    # in a stock's lines: the "trong đó" lines of the stock block that follow this one
    followed_by: Literal["new", "done", "left"] | None = None

    @model_validator(mode="after")
    def _one_formula(self) -> Template:
        if (self.total is None) == (self.rate is None):
            raise ValueError("cần đúng một công thức: total hoặc rate")
        return self

    def formula(self, names: dict[str, str]) -> Formula:
        if self.rate is not None:
            part, whole = (
                tuple(k.format_map(names) for k in keys)
                for keys in (self.rate.part, self.rate.whole)
            )
            return Rate(total(*part), total(*whole))
        return total(*(key.format_map(names) for key in self.total or ()))


class Line(Template):
    code: str
    counted: str
    depth: int | None = Field(default=None, ge=0, le=3)  # 0 at the top, 1 in a stock block
    confidence: Confidence | None = None  # the group's `indicator_confidence` when not given

    def indicator(self, group: GroupData, depth: int, names: dict[str, str]) -> Indicator:
        return Indicator(
            self.code.format_map(names),
            group.code,
            self.name.format_map(names),
            self.meaning.format_map(names),
            self.counted,
            self.formula(names),
            self.confidence or group.indicator_confidence,
            depth if self.depth is None else self.depth,
            self.headline,
        )


class Each(Line):
    """One line per violation kind or per rule of the rule book."""

    each: Literal["violation_kind", "rule"]


class StockBlock(_Data):
    """The lines of one stock (`stock_lines`), numbered from `first`."""

    stock: str
    first: int = Field(ge=1)
    counted: str
    what: str
    entries: str = ""
    exits: str = ""
    headline: bool = False
    rate: bool = False  # followed by its resolution rate (`stock_rate`)
    new: tuple[Line, ...] = ()
    done: tuple[Line, ...] = ()
    left: tuple[Line, ...] = ()


def _entry_kind(value: Any) -> str:
    if isinstance(value, dict):
        return "stock" if "stock" in value else "each" if "each" in value else "line"
    return (
        "stock" if isinstance(value, StockBlock) else "each" if isinstance(value, Each) else "line"
    )


Entry = Annotated[
    Annotated[StockBlock, Tag("stock")]
    | Annotated[Each, Tag("each")]
    | Annotated[Line, Tag("line")],
    Discriminator(_entry_kind),
]


class GroupData(_Data):
    code: str
    title: str
    citation: Citation
    confidence: Confidence  # of the citation
    indicator_confidence: Confidence  # the mark of its indicators, unless a line names its own
    sheet: str = Field(max_length=31)
    indicators: tuple[Entry, ...]

    @property
    def group(self) -> Group:
        return Group(self.code, self.title, str(self.citation), self.sheet)


class Catalogue(_Data):
    violation_kinds: dict[str, str]
    stock_lines: tuple[Template, ...] = Field(min_length=1)
    stock_rate: Template
    groups: tuple[GroupData, ...]

    def indicators(self, rulebook: RuleBook) -> tuple[Indicator, ...]:
        """Every indicator, in the order of the report."""
        found: list[Indicator] = []
        for group in self.groups:
            for entry in group.indicators:
                if isinstance(entry, StockBlock):
                    found += self._stock(group, entry)
                elif isinstance(entry, Each):
                    found += [
                        entry.indicator(group, 0, names) for names in self._each(entry, rulebook)
                    ]
                else:
                    found.append(entry.indicator(group, 0, {}))
        return tuple(found)

    def _stock(self, group: GroupData, block: StockBlock) -> list[Indicator]:
        counted = block.counted
        names = {
            "stock": block.stock,
            "counted": counted,
            "Counted": counted.capitalize(),
            "what": block.what,
            "entries": block.entries,
            "exits": block.exits,
        }
        found: list[Indicator] = []
        templates = [*self.stock_lines, self.stock_rate] if block.rate else self.stock_lines
        for offset, template in enumerate(templates):
            found.append(
                Indicator(
                    f"{group.code}.{block.first + offset}",
                    group.code,
                    template.name.format_map(names),
                    template.meaning.format_map(names),
                    template.counted or counted,
                    template.formula(names),
                    group.indicator_confidence,
                    headline=template.headline and block.headline,
                )
            )
            if template.followed_by is not None:
                lines = getattr(block, template.followed_by)
                found += [line.indicator(group, 1, {}) for line in lines]
        return found

    def _each(self, line: Each, rulebook: RuleBook) -> list[dict[str, str]]:
        if line.each == "rule":
            return [
                {
                    "rule": rule,
                    "title": rulebook[rule].title,
                    "lowered": _lowered(rulebook[rule].title),
                }
                for rule in sorted(rulebook.rules)
            ]
        return [
            {"index": str(index), "kind": kind, "name": name, "lowered": name.lower()}
            for index, (kind, name) in enumerate(self.violation_kinds.items(), start=1)
        ]


def _lowered(title: str) -> str:
    return title[:1].lower() + title[1:]


def parse_catalogue(name: str, text: str) -> Catalogue:
    return yamlio.load_data(Catalogue, name, text)


SHIPPED = parse_catalogue(
    "indicators.yaml",
    resources.files("qlahs.stats").joinpath("indicators.yaml").read_text("utf-8"),
)
GROUPS: tuple[Group, ...] = tuple(group.group for group in SHIPPED.groups)
KINDS: dict[str, str] = SHIPPED.violation_kinds


@cache
def catalogue(rulebook: RuleBook | None = None) -> tuple[Indicator, ...]:
    """Every indicator, in the order of the report."""
    return SHIPPED.indicators(rulebook or RuleBook.default())


def group(code: str) -> Group:
    return next(g for g in GROUPS if g.code == code)
