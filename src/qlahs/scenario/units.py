"""The units a timeline records for, established before its first step when the organisation
does not know them: an act for a unit the organisation lacks is refused (engine/
units_in_force.py), and a scenario about a deadline should not have to spell out the
organisation first."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

from qlahs.engine import Engine
from qlahs.kernel.bounds import CODE_LIMIT
from qlahs.kernel.errors import CommandRejected
from qlahs.law.units import units
from qlahs.stages.commands import UNIT_CODE

REGIONAL_FROM = date(2025, 7, 1)  # district units gave way to regional ones (law.md §0)


def establish_units(engine: Engine, codes: Iterable[str | None], on: date) -> list[str]:
    """Record `unit.establish`, dated `on`, for every code that neither units.yaml nor the log
    knows (each unit recording its own establishment); the codes established. A code that is
    no unit's code is left to the command that names it to refuse."""
    established = []
    for code in dict.fromkeys(c for c in codes if c is not None):
        if not _well_formed(code) or code in units().units:
            continue
        if engine.find_subject("unit", code) is not None:
            continue
        level = "khu_vuc" if on >= REGIONAL_FROM else "huyen"
        try:
            engine.execute(
                {
                    "do": "unit.establish",
                    "ref": code,
                    "unit": code,
                    "on": on,
                    "with": {"name": f"Đơn vị {code}", "level": level},
                }
            )
        except CommandRejected:
            continue  # a date out of bounds: the steps on that day are refused themselves
        established.append(code)
    return established


def _well_formed(code: str) -> bool:
    return len(code) <= CODE_LIMIT and re.fullmatch(UNIT_CODE, code) is not None
