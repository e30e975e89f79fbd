"""The stories a unit's data is made of, one generator per stage, and the timeline that puts
their commands in the order they are recorded.

A story generator is called once a day for each unit with the unit's desk; it plans the
stories that begin that day (a report received, a case opened, the documents signed) and puts
their commands on the timeline, each on the day it is recorded. Generators are found by the
name of the stage they tell, in `STORIES`; a stage the engine does not have is skipped, so a
new stage (civil or administrative matters) gets its data by registering a generator with
`@story("civil")` in a module of `BUILT_IN` or of the entry-point group `qlahs.generators`,
with nothing else of the generator changed.
"""

from __future__ import annotations

import heapq
import random
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from importlib import import_module
from importlib.metadata import entry_points
from typing import Any

from qlahs.generate.units import UnitPlan
from qlahs.kernel.subject import day_of
from qlahs.law.calendar import Calendar

Step = dict[str, Any]  # a command in the scenario form: {on, do, ref, unit, actor, with}

BUILT_IN = (
    "qlahs.generate.report_story",
    "qlahs.generate.case_story",
    "qlahs.generate.number_story",
)


class Timeline:
    """The commands planned for one unit, taken out in the order they are recorded: by the
    day they are recorded (usually their legal date; later for a back-dated act), then in
    the order they were planned. Only the stories still open are held, so the timeline does
    not grow with the number of years generated."""

    def __init__(self) -> None:
        self._heap: list[tuple[int, int, Step]] = []
        self._planned = 0
        self.peak = 0  # the most commands held at once

    def put(self, step: Step, recorded: date | None = None) -> None:
        day = recorded or day_of(step["on"])
        heapq.heappush(self._heap, (day.toordinal(), self._planned, step))
        self._planned += 1
        self.peak = max(self.peak, len(self._heap))

    def due(self, day: date) -> Iterator[Step]:
        """The commands recorded up to `day`, taken off the timeline."""
        last = day.toordinal()
        while self._heap and self._heap[0][0] <= last:
            yield heapq.heappop(self._heap)[2]

    def __len__(self) -> int:
        return len(self._heap)


@dataclass
class Desk:
    """What the story generators of one unit share: the unit, the period, the calendar, the
    timeline, what one story hands to another (a report decided `khoi_to` opens a case) and the
    subjects opened lately (documents name them)."""

    unit: UnitPlan
    first: date
    until: date
    seed: int
    calendar: Calendar
    fraction: float
    timeline: Timeline = field(default_factory=Timeline)
    handoffs: dict[str, list[Any]] = field(default_factory=dict)
    recent: deque[str] = field(default_factory=lambda: deque(maxlen=200))
    _counters: dict[str, int] = field(default_factory=dict)
    _rngs: dict[str, random.Random] = field(default_factory=dict)

    def rng(self, stage: str) -> random.Random:
        """Each stage's own random stream for this unit: adding a stage, or a unit, leaves
        the data of the others as it was."""
        found = self._rngs.get(stage)
        if found is None:
            found = self._rngs[stage] = random.Random(f"{self.seed}/{self.unit.code}/{stage}")
        return found

    def per_day(self, national_per_year: int, rng: random.Random, days: int = 365) -> int:
        """How many of something begin today, for a unit of this share (its yearly count
        spread evenly, the fraction of a day carried by chance)."""
        rate = self.unit.yearly(national_per_year, self.fraction) / days
        return int(rate) + (rng.random() < rate % 1)

    def put(self, step: Step, recorded: date | None = None) -> None:
        """Plan a command of this unit; what would happen after the period is not recorded."""
        if day_of(step["on"]) > self.until:
            return
        step["unit"] = self.unit.code
        if recorded is not None:
            recorded = min(recorded, self.until)
        self.timeline.put(step, recorded)

    def next_number(self, counter: str) -> int:
        """The next of a running count of this unit (reports of a year, a register's
        numbers), from 1."""
        found = self._counters[counter] = self._counters.get(counter, 0) + 1
        return found

    def hand(self, stage: str, item: Any) -> None:
        self.handoffs.setdefault(stage, []).append(item)

    def taken(self, stage: str) -> list[Any]:
        """What other stories handed to `stage` (taken once)."""
        return self.handoffs.pop(stage, [])


StoryMaker = Callable[[Desk, date], None]
STORIES: dict[str, StoryMaker] = {}


def story(stage: str) -> Callable[[StoryMaker], StoryMaker]:
    """Register the generator of the stage named `stage`."""

    def register(maker: StoryMaker) -> StoryMaker:
        STORIES[stage] = maker
        return maker

    return register


def stories(stages: set[str]) -> list[tuple[str, StoryMaker]]:
    """The generators of the stages the engine has, in the order they were registered (a
    report's story runs before the case story that takes its openings)."""
    for name in BUILT_IN:
        import_module(name)
    for entry in entry_points(group="qlahs.generators"):
        entry.load()
    return [(name, maker) for name, maker in STORIES.items() if name in stages]


def unit_steps(desk: Desk, makers: list[tuple[str, StoryMaker]]) -> Iterator[tuple[date, Step]]:
    """The unit's commands over the period, day by day, each with the day it is recorded."""
    day = desk.first
    while day <= desk.until:
        for _, maker in makers:
            maker(desk, day)
        for step in desk.timeline.due(day):
            yield day, step
        day += timedelta(days=1)
