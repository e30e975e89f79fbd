"""A store of several units, each with the demo's year of reports and cases, some acts
recorded after acts of later legal dates (back-dated)."""

from __future__ import annotations

import contextlib
import random
from datetime import date
from typing import Any

from qlahs.demo.cases import with_cases
from qlahs.demo.run import UNIT, commands
from qlahs.engine import Engine
from qlahs.kernel.errors import CommandRejected
from qlahs.law.calendar import Calendar
from qlahs.scenario.units import establish_units


def unit_name(index: int) -> str:
    return f"VKSQ{index:02d}"


def _renamed(value: Any, unit: str) -> Any:
    """The demo's step as another unit's: its unit and every ref carrying the unit's name."""
    if isinstance(value, str):
        return value.replace(UNIT, unit)
    if isinstance(value, dict):
        return {key: _renamed(item, unit) for key, item in value.items()}
    if isinstance(value, list):
        return [_renamed(item, unit) for item in value]
    return value


def nation_steps(
    units: int,
    reports: int,
    until: date,
    *,
    back_dated: float = 0.0,
    seed: int = 7,
    first: int = 0,
) -> list[dict[str, Any]]:
    """One demo run per unit from the `first` on (each with its own seed), interleaved in
    legal order; with
    probability `back_dated` a step swaps places with the one before it."""
    calendar = Calendar.default()
    steps: list[dict[str, Any]] = []
    for index in range(first, first + units):
        run = with_cases(commands(reports, until, seed + index, calendar), until, seed, calendar)
        steps += [_renamed(step, unit_name(index)) for step in run]
    steps.sort(key=lambda step: str(step["on"])[:10])
    rng = random.Random(seed)
    for index in range(1, len(steps)):
        if rng.random() < back_dated:
            steps[index - 1], steps[index] = steps[index], steps[index - 1]
    return steps


def load(engine: Engine, steps: list[dict[str, Any]]) -> int:
    """Record the steps; those the rules refuse (a swapped step may come too early) are
    skipped. Returns how many were recorded. The units, unknown to units.yaml, are recorded
    as established on the first step's day first (not counted)."""
    if steps:
        first = min(date.fromisoformat(str(step["on"])[:10]) for step in steps)
        establish_units(engine, (step.get("unit") for step in steps), first)
    recorded = 0
    for step in steps:
        with contextlib.suppress(CommandRejected):
            engine.execute(step)
            recorded += 1
    return recorded
