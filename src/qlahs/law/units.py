"""The unit tree (`units.yaml`): a unit's symbol and which units it oversees.

Two access levels for the number registers: a unit takes numbers in its own registers only,
and sees its own registers and those of every unit under it (a province and its regional
units). Full access control comes later; this is the unit boundary.
"""

from __future__ import annotations

from datetime import date
from functools import cache
from importlib import resources

from pydantic import BaseModel, ConfigDict, ValidationError

from qlahs.kernel import yamlio
from qlahs.kernel.errors import RuleDataError


class Unit(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    symbol: str | None = None
    parent: str | None = None
    # the day the unit came into being, when the list knows it (the regional procuracies of
    # the 2025 reorganisation); the statistics' organisation of an earlier day leaves it out
    since: date | None = None


class UnitTree:
    def __init__(self, units: dict[str, Unit]):
        for code, unit in units.items():
            if unit.parent is not None and unit.parent not in units:
                raise RuleDataError(
                    f"units.yaml: đơn vị cấp trên {unit.parent!r} của {code} không có."
                )
        self.units = units
        for code in units:
            self.ancestors(code)  # refuses a cycle once, at load time

    def symbol(self, code: str) -> str:
        unit = self.units.get(code)
        return (unit.symbol if unit and unit.symbol else None) or code

    def name(self, code: str) -> str:
        unit = self.units.get(code)
        return unit.name if unit else code

    def ancestors(self, code: str) -> list[str]:
        chain: list[str] = []
        parent = self.units[code].parent if code in self.units else None
        while parent is not None:
            if parent in chain or parent == code:
                raise RuleDataError(f"units.yaml: vòng lặp đơn vị cấp trên ở {code}.")
            chain.append(parent)
            parent = self.units[parent].parent
        return chain

    def visible(self, viewer: str) -> set[str]:
        """The units whose registers `viewer` may see: itself and every unit under it."""
        return {viewer} | {code for code in self.units if viewer in self.ancestors(code)}

    def may_see(self, viewer: str, unit: str) -> bool:
        return unit == viewer or viewer in self.ancestors(unit)


def parse_units(name: str, text: str) -> UnitTree:
    data = yamlio.load(text) or {}
    try:
        return UnitTree({code: Unit.model_validate(body) for code, body in data.items()})
    except ValidationError as error:
        raise RuleDataError.from_validation(name, error) from None


@cache
def units() -> UnitTree:
    text = resources.files("qlahs.law").joinpath("units.yaml").read_text("utf-8")
    return parse_units("units.yaml", text)
