"""`qlahs generate`: a national synthetic store, unit after unit.

The units missing from the unit tree are recorded first (`unit.establish`), then each unit's
commands over the period are planned day by day and recorded in batches as they come: only
one unit's open stories are held at a time, so memory stays flat whatever the number of
years or units. The read models are brought up to date after each unit, in large pages.
Everything is drawn from random streams seeded by `seed` and the unit's code, so the same
seed gives the same store, whether the units are generated one after another or by several
processes at once (`parallel.py`, PostgreSQL only).
"""

from __future__ import annotations

import resource
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

from qlahs.engine import Engine
from qlahs.generate.load import Counters, record
from qlahs.generate.stories import Desk, Step, stories, unit_steps
from qlahs.generate.units import Scale, UnitPlan, missing, plan
from qlahs.kernel.errors import QlahsError
from qlahs.law.calendar import Calendar
from qlahs.privacy.keys import subject_keys
from qlahs.projections import bulk
from qlahs.projections.projector import REBUILD_PAGE
from qlahs.store.rows import EventTable

CODE_IN_FORCE = date(2018, 1, 1)  # the acts qlahs judges begin with BLTTHS 2015
Tick = Callable[[str, int], None]  # (the unit being generated, days done in it)


@dataclass(frozen=True)
class Period:
    first: date
    until: date
    seed: int
    fraction: float


@dataclass
class Generated:
    scale: Scale
    first: date
    until: date
    counters: Counters = field(default_factory=Counters)
    seconds: float = 0.0
    peak_rss_mb: float = 0.0

    @property
    def per_second(self) -> float:
        return self.counters.events / self.seconds if self.seconds else 0.0


def generate(
    engine: Engine,
    scale: Scale,
    *,
    years: int,
    seed: int,
    until: date,
    fraction: float = 1.0,
    tick: Tick | None = None,
    workers: int = 1,
) -> Generated:
    """Fill an empty store with `years` years of data up to `until` for the units of
    `scale`, at `fraction` of their real volume (1.0: a real year's)."""
    start = time.perf_counter()
    if engine.log.recorder.max_notification_id():
        raise QlahsError(
            "Kho đã có dữ liệu: dữ liệu mẫu chỉ được sinh vào một kho trống (tham số --db)."
        )
    if workers > 1 and not engine.location.is_postgres:
        raise QlahsError(
            "Sinh dữ liệu bằng nhiều tiến trình (tham số --workers) cần kho PostgreSQL: "
            "SQLite chỉ cho một tiến trình ghi."
        )
    period = Period(until - timedelta(days=365 * years - 1), until, seed, fraction)
    if period.first < CODE_IN_FORCE:
        raise QlahsError(
            f"Dữ liệu mẫu chỉ sinh từ ngày {CODE_IN_FORCE:%d/%m/%Y}, khi Bộ luật Tố tụng hình sự "
            f"2015 có hiệu lực; {years} năm đến {until:%d/%m/%Y} bắt đầu từ "
            f"{period.first:%d/%m/%Y}: hãy giảm --years hoặc chọn --to muộn hơn."
        )
    done = Generated(scale, period.first, until)
    units = plan(scale)
    _establish(engine, missing(units), period.first, done.counters)
    if workers > 1:
        from qlahs.generate.parallel import in_parallel

        in_parallel(engine.location.url, units, period, workers, done.counters, tick)
    else:
        for unit in units:
            one_unit(engine, unit, period, done.counters, tick)
    engine.catch_up()  # as the user the engine acts for: the read models are read next
    # The keys' table too: with no statistics, the count of erased keys every reader makes
    # first read all 56,825 keys of 20% of a national year (7 ms instead of 0.05 ms).
    log_tables = (EventTable.of(engine.log, engine.location).name, subject_keys.name)
    bulk.analyze(engine.sql, engine.projector.tables, also=log_tables)
    done.counters.events = engine.log.recorder.max_notification_id() or 0
    done.seconds = time.perf_counter() - start
    done.peak_rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return done


def one_unit(
    engine: Engine, unit: UnitPlan, period: Period, counters: Counters, tick: Tick | None
) -> None:
    """Generate and record one unit's data, then bring the read models up to date."""
    makers = stories({stage.name for stage in engine.registry.stages})
    desk = Desk(unit, period.first, period.until, period.seed, Calendar.default(), period.fraction)

    def day_done(day: date) -> None:
        if tick is not None:
            tick(unit.code, (day - period.first).days + 1)

    def trim() -> None:
        """Project what was recorded, then forget the subjects held in memory: the open
        ones are read again when their next act comes, so memory does not grow with the
        years or the units."""
        engine.projector.catch_up(page=REBUILD_PAGE)
        engine.forget_cached()

    record(engine, unit_steps(desk, makers), counters, on_day=day_done, trim=trim)
    counters.units += 1
    counters.peak_pending = max(counters.peak_pending, desk.timeline.peak)
    trim()


def _establish(engine: Engine, units: list[UnitPlan], on: date, counters: Counters) -> None:
    """Record the units the unit tree does not know, each superior before its units."""
    steps: list[tuple[date, Step]] = []
    for unit in units:
        fields: dict[str, object] = {"name": unit.name, "level": unit.level}
        if unit.parent is not None:
            fields["parent"] = unit.parent
        step = {"do": "unit.establish", "ref": unit.code, "on": on, "unit": unit.code}
        steps.append((on, step | {"with": fields}))
    record(engine, steps, counters)
