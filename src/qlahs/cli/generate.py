"""`qlahs generate`: fill an empty store with realistic synthetic data — one regional unit,
one province or the whole country — for trying the lists, books and statistics at scale."""

from __future__ import annotations

from typing import Annotated, cast

import typer
from rich.table import Table

from qlahs.cli.options import Db, Until
from qlahs.cli.support import console, fail, open_engine, parse_day, progress_bar
from qlahs.generate.run import Generated, generate
from qlahs.generate.units import SCALES, Scale, plan
from qlahs.kernel.errors import QlahsError
from qlahs.store import DEFAULT_URL

SCALE_NAMES = {"unit": "một đơn vị", "province": "một tỉnh", "nation": "toàn quốc"}


def _scale(value: str) -> str:
    if value not in SCALES:
        raise typer.BadParameter(
            f"phải là một trong: {', '.join(SCALES)} (nhận được: {value!r:.40})"
        )
    return value


def generate_command(
    scale: Annotated[
        str,
        typer.Option(
            "--scale",
            help="Quy mô: unit (một VKS khu vực), province (một tỉnh), nation (toàn quốc)",
            callback=_scale,
        ),
    ] = "unit",
    years: Annotated[int, typer.Option("--years", help="Số năm dữ liệu", min=1, max=10)] = 1,
    seed: Annotated[int, typer.Option("--seed", help="Hạt giống ngẫu nhiên", min=0)] = 7,
    until: Until = None,
    fraction: Annotated[
        float,
        typer.Option(
            "--fraction",
            help="Tỷ lệ khối lượng so với thực tế (1 = khối lượng một năm thật), để thử nhanh",
            min=0.001,
            max=1.0,
        ),
    ] = 1.0,
    workers: Annotated[
        int,
        typer.Option(
            "--workers", help="Số tiến trình ghi song song (chỉ với PostgreSQL)", min=1, max=64
        ),
    ] = 1,
    db: Db = DEFAULT_URL,
) -> None:
    """Sinh dữ liệu mẫu thực tế (nguồn tin, vụ án, số văn bản) vào một kho trống."""
    last = parse_day(until, "--to")
    chosen = cast(Scale, scale)
    units = len(plan(chosen))
    days = 365 * years
    with open_engine(db, create=True) as engine, progress_bar("Sinh dữ liệu mẫu") as bar:
        task = bar.add_task("generate", total=units * days)
        finished: list[str] = []

        def tick(unit: str, done: int) -> None:
            if done >= days and unit not in finished:
                finished.append(unit)
            bar.update(task, completed=len(finished) * days + (0 if done >= days else done))

        try:
            result = generate(
                engine,
                chosen,
                years=years,
                seed=seed,
                until=last,
                fraction=fraction,
                tick=tick,
                workers=workers,
            )
        except QlahsError as error:
            raise fail(error, 1) from None
        bar.update(task, completed=units * days)
    console.print(_summary(result))


def _summary(result: Generated) -> Table:
    counters = result.counters
    table = Table(
        title=f"Dữ liệu mẫu {SCALE_NAMES[result.scale]}, "
        f"{result.first:%d/%m/%Y} – {result.until:%d/%m/%Y}"
    )
    table.add_column("Chỉ tiêu")
    table.add_column("Giá trị", justify="right")
    rows = (
        ("Đơn vị", counters.units),
        ("Lệnh đã ghi", counters.commands),
        ("Sự kiện trong kho", counters.events),
        ("Lệnh bị từ chối, bỏ qua", counters.refused),
        ("Giao dịch (lô lệnh)", counters.batches),
        ("Thời gian (giây)", round(result.seconds)),
        ("Sự kiện mỗi giây", round(result.per_second)),
        ("Bộ nhớ tối đa (MB)", round(result.peak_rss_mb)),
    )
    for name, value in rows:
        table.add_row(name, f"{value:,}".replace(",", "."))
    return table
