"""Recording a stream of commands in batches (`Engine.execute_batch`): many commands per
transaction, through the same actions, rules and access checks as one by one.

A command the rules refuse (an act planned in an order its subject does not allow) is left
out and counted: the commands before it in its batch are recorded again without it — they
were accepted a moment ago on the same subjects — and the batch goes on after it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from qlahs.engine import Engine
from qlahs.engine.batch import BatchRejected
from qlahs.generate.stories import Step

BATCH = 500  # commands per transaction
TRIM = 10_000  # commands between two trims of what the engine holds in memory


@dataclass
class Counters:
    """What a generation did, counted as it goes (the tests read them, not the clock)."""

    units: int = 0
    commands: int = 0
    refused: int = 0
    batches: int = 0
    events: int = 0
    peak_pending: int = 0  # the most planned commands a unit's timeline held at once


def record(
    engine: Engine,
    steps: Iterable[tuple[date, Step]],
    counters: Counters,
    on_day: Callable[[date], None] | None = None,
    size: int = BATCH,
    trim: Callable[[], None] | None = None,
) -> None:
    """Record the steps in batches of `size`; `on_day` is told each day once its first step
    is taken (for a progress bar); `trim` is called every `TRIM` commands, between batches."""
    chunk: list[Step] = []
    last: date | None = None
    trimmed = counters.commands
    for day, step in steps:
        if day != last:
            if on_day is not None and last is not None:
                on_day(last)
            last = day
        chunk.append(step)
        if len(chunk) >= size:
            _flush(engine, chunk, counters)
            chunk = []
            if trim is not None and counters.commands - trimmed >= TRIM:
                trim()
                trimmed = counters.commands
    _flush(engine, chunk, counters)
    if on_day is not None and last is not None:
        on_day(last)


def _flush(engine: Engine, chunk: list[Step], counters: Counters) -> None:
    while chunk:
        try:
            engine.execute_batch(chunk)
        except BatchRejected as refusal:
            accepted = chunk[: refusal.index]
            if accepted:
                engine.execute_batch(accepted)
                counters.batches += 1
                counters.commands += len(accepted)
            counters.refused += 1
            chunk = chunk[refusal.index + 1 :]
            continue
        counters.batches += 1
        counters.commands += len(chunk)
        return
