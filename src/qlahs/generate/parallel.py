"""Several units generated at once, each by one of `workers` processes with its own Engine on
the same PostgreSQL store. A unit's data depends only on the seed and the unit, so the store
holds the same records as when the units are generated one after another; only the order of
the events in the log differs. The busiest units go first, so that no process is left alone
with a big city at the end. The read models are brought up to date by each process after
each unit (the projector takes turns on its position row)."""

from __future__ import annotations

import multiprocessing
from dataclasses import astuple

from qlahs.engine import Engine
from qlahs.generate.load import Counters
from qlahs.generate.run import Period, Tick, one_unit
from qlahs.generate.units import UnitPlan

_engine: Engine | None = None  # the Engine of this worker process


def in_parallel(
    url: str,
    units: list[UnitPlan],
    period: Period,
    workers: int,
    counters: Counters,
    tick: Tick | None,
) -> None:
    busiest_first = sorted(units, key=lambda unit: -unit.share)
    days = (period.until - period.first).days + 1
    context = multiprocessing.get_context("spawn")
    with context.Pool(workers, initializer=_open, initargs=(url,)) as pool:
        tasks = [(unit, period) for unit in busiest_first]
        for code, done in pool.imap_unordered(_generate, tasks):
            _add(counters, done)
            if tick is not None:
                tick(code, days)


def _open(url: str) -> None:
    global _engine
    _engine = Engine.open(url)


def _generate(task: tuple[UnitPlan, Period]) -> tuple[str, Counters]:
    unit, period = task
    assert _engine is not None
    counters = Counters()
    one_unit(_engine, unit, period, counters, None)
    return unit.code, counters


def _add(total: Counters, part: Counters) -> None:
    for name, value in zip(Counters.__dataclass_fields__, astuple(part), strict=True):
        if name == "peak_pending":
            total.peak_pending = max(total.peak_pending, value)
        else:
            setattr(total, name, getattr(total, name) + value)
