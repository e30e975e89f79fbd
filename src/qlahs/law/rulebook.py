"""Law as data: the rule files, their loader, and the value in force on a date.

A rule file holds one obligation (`report_resolve.yaml` holds `report.resolve`). Each of its
parameters lists values keyed by the date they took effect; every value carries a citation and
a confidence mark, and a value without a citation does not load. `null` as a value ends the
parameter from that date (OpenFisca's convention).
"""

from __future__ import annotations

from datetime import date
from functools import cache
from importlib import resources
from pathlib import Path

from pydantic import BaseModel, ConfigDict, field_validator

from qlahs.kernel import yamlio
from qlahs.kernel.errors import RuleDataError
from qlahs.law.citation import CONFIDENCE_NAMES, Citation, Confidence
from qlahs.law.counting import UNIT_NAMES, Counting
from qlahs.law.statutes import missing_on


class RuleValue(BaseModel):
    """One value of a parameter, from its effective date on."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    value: int | None
    citation: Citation
    confidence: Confidence
    note: str | None = None
    # The words of the cited clause that set the value, verbatim from `law/texts/`; a test
    # finds each one there. Where the law is not shipped, `quote_source` says why.
    quote: str | None = None
    quote_source: str | None = None


class Parameter(BaseModel):
    """A number the law sets (a limit, an extension, a cap), as it changed over time."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    description: str
    unit: Counting | None = None
    values: dict[date, RuleValue]

    @field_validator("values")
    @classmethod
    def _not_empty(cls, values: dict[date, RuleValue]) -> dict[date, RuleValue]:
        if not values:
            raise ValueError("cần ít nhất một giá trị có ngày hiệu lực")
        return dict(sorted(values.items()))


class Rule(BaseModel):
    """An obligation: who must act, by when, and the parameters that set the limit."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    rule: str
    title: str
    responsible: str
    counting_note: str | None = None
    parameters: dict[str, Parameter]


class InForce(BaseModel):
    """The value of a parameter on a trigger date, with where it comes from."""

    model_config = ConfigDict(frozen=True)

    rule: str
    parameter: str
    value: int
    unit: Counting | None
    # the obligation's title and the parameter's description: what a person reads
    title: str = ""
    description: str = ""
    effective_from: date
    citation: Citation
    confidence: Confidence
    quote: str | None = None
    quote_source: str | None = None
    on: date | None = None

    @property
    def article(self) -> str:
        return str(self.citation)

    def quote_lines(self) -> list[str]:
        """The law's words for the reader, and what the quoted text may lack on the date."""
        lines: list[str] = []
        if self.quote:
            lines.append(f"Văn bản ({self.citation}): “{' '.join(self.quote.split())}”")
        if self.quote_source:
            lines.append(f"Lời văn chưa đối chiếu với văn bản kèm theo: {self.quote_source}.")
        if self.on is not None:
            for missing in missing_on(self.citation.law, self.on):
                lines.append(
                    f"Văn bản trích chưa gồm {missing.law} (hiệu lực từ "
                    f"{missing.effective_from:%d/%m/%Y}); giá trị giữ độ tin cậy đã ghi."
                )
        return lines

    def named(self) -> str:
        """The value in words: the obligation's title and the parameter's description."""
        return named(self.title or self.rule, self.description or self.parameter)

    def explain(self) -> str:
        unit = f" {UNIT_NAMES[self.unit]}" if self.unit else ""
        mark = f"độ tin cậy {self.confidence}"
        if self.confidence != "T":
            mark += f": {CONFIDENCE_NAMES[self.confidence]}"
        return (
            f"{self.named()}: {self.value}{unit} — {self.citation}, "
            f"hiệu lực từ {self.effective_from:%d/%m/%Y}, {mark}."
        )


class RuleBook:
    """Every loaded rule, looked up by obligation name and parameter."""

    def __init__(self, rules: dict[str, Rule]):
        self.rules = rules

    @classmethod
    def default(cls) -> RuleBook:
        return _default_rulebook()

    @classmethod
    def load(cls, *folders: Path) -> RuleBook:
        """The rules shipped with qlahs, plus those in `folders` (a later file wins)."""
        rules: dict[str, Rule] = {}
        shipped = resources.files("qlahs.law").joinpath("rules")
        for entry in sorted(shipped.iterdir(), key=lambda e: e.name):
            if entry.name.endswith(".yaml"):
                rule = parse_rule(entry.name, entry.read_text("utf-8"))
                rules[rule.rule] = rule
        for folder in folders:
            for path in sorted(folder.glob("*.yaml")):
                rule = parse_rule(str(path), path.read_text("utf-8"))
                rules[rule.rule] = rule
        return cls(rules)

    def __getitem__(self, rule: str) -> Rule:
        return self.rules[rule]

    def find(self, rule: str, parameter: str, on: date) -> InForce | None:
        """The value in force on `on`, or None where the rule has none then (a variant that
        starts later, or was ended)."""
        param = self.rules[rule].parameters.get(parameter)
        if param is None:
            return None
        chosen = [v for d, v in param.values.items() if d <= on]
        if not chosen or chosen[-1].value is None:
            return None
        return self.value(rule, parameter, on)

    def value(self, rule: str, parameter: str, on: date) -> InForce:
        """The parameter's value in force on `on` (the trigger date of the deadline)."""
        obligation = self.rules[rule]
        param = obligation.parameters[parameter]
        chosen: tuple[date, RuleValue] | None = None
        for effective_from, value in param.values.items():
            if effective_from <= on:
                chosen = (effective_from, value)
        if chosen is None or chosen[1].value is None:
            raise RuleDataError(
                f"{named(obligation.title, param.description)}: không có giá trị hiệu lực "
                f"vào ngày {on:%d/%m/%Y}."
            )
        effective_from, value = chosen
        assert value.value is not None
        return InForce(
            rule=rule,
            parameter=parameter,
            value=value.value,
            unit=param.unit,
            title=obligation.title,
            description=" ".join(param.description.split()),
            effective_from=effective_from,
            citation=value.citation,
            confidence=value.confidence,
            quote=value.quote,
            quote_source=value.quote_source,
            on=on,
        )


def named(title: str, description: str) -> str:
    """ "Thời hạn tạm giam (Tạm giam để điều tra, tội phạm ít nghiêm trọng)"; a description
    that only repeats the title is said once."""
    title, description = " ".join(title.split()), " ".join(description.split())
    if not description or description.casefold() == title.casefold():
        return title
    return f"{title} — {description}"


def parse_rule(name: str, text: str) -> Rule:
    return yamlio.load_data(Rule, name, text)


@cache
def _default_rulebook() -> RuleBook:
    return RuleBook.load()
