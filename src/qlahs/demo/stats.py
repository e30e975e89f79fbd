"""`make demo`, modules 7 and 8: the organisation of the demo's province recorded as acts
(district units merged into regional ones on 01/07/2025), then the working year's report for
the demo unit and for its province with its units, written to Excel and HTML."""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from qlahs.engine import Engine
from qlahs.stats.compute import Report, compute
from qlahs.stats.excel import write_xlsx
from qlahs.stats.html import write_html
from qlahs.stats.periods import work_year_of
from qlahs.stats.text import number
from qlahs.stats.views import cards

START = "2019-01-01"  # TTLT 05/2018 in force: the units' statistics start here
REORGANISED = "2025-07-01"  # Luật 99/2025/QH15; NQ 84/2025/UBTVQH15 (law.md §0)
PROVINCE = "VKSQN"
# Sample only [M]: which former district unit became part of which regional unit is
# illustrative here, not taken from the VKSNDTC's decisions.
DISTRICTS: dict[str, tuple[str, int]] = {
    "VKSHL": ("thành phố Hạ Long", 1),
    "VKSCP": ("thành phố Cẩm Phả", 2),
    "VKSVD": ("huyện Vân Đồn", 2),
    "VKSCT": ("huyện Cô Tô", 2),
    "VKSUB": ("thành phố Uông Bí", 3),
    "VKSDT": ("thành phố Đông Triều", 4),
    "VKSQY": ("thị xã Quảng Yên", 5),
    "VKSMC": ("thành phố Móng Cái", 6),
    "VKSHH": ("huyện Hải Hà", 6),
    "VKSDH": ("huyện Đầm Hà", 6),
    "VKSBL": ("huyện Bình Liêu", 6),
    "VKSTY": ("huyện Tiên Yên", 7),
    "VKSBC": ("huyện Ba Chẽ", 7),
}


def organisation_steps() -> list[dict[str, Any]]:
    """The sample organisation as `unit.*` steps (the form `qlahs stats units --load` reads)."""

    def establish(on: str, ref: str, name: str, level: str, parent: str | None) -> dict[str, Any]:
        fields = {"name": name, "level": level} | ({"parent": parent} if parent else {})
        return {"on": on, "do": "unit.establish", "ref": ref, "with": fields}

    steps = [
        establish(START, "VKSNDTC", "Viện kiểm sát nhân dân tối cao", "toi_cao", None),
        establish(START, PROVINCE, "Viện kiểm sát nhân dân tỉnh Quảng Ninh", "tinh", "VKSNDTC"),
    ]
    for code, (place, _) in DISTRICTS.items():
        steps.append(establish(START, code, f"Viện kiểm sát nhân dân {place}", "huyen", PROVINCE))
    for region in range(1, 8):
        name = f"Viện kiểm sát nhân dân khu vực {region} – Quảng Ninh"
        steps.append(establish(REORGANISED, f"VKSKV{region}", name, "khu_vuc", PROVINCE))
    for code, (_, region) in DISTRICTS.items():
        steps.append(
            {
                "on": REORGANISED,
                "do": "unit.merge_into",
                "ref": code,
                "with": {"into": f"VKSKV{region}"},
            }
        )
    return [step | {"unit": "VKSNDTC", "actor": "Vụ Tổ chức cán bộ"} for step in steps]


def year_report(
    engine: Engine, unit: str, out: Path, until: date, console: Console
) -> dict[str, Any]:
    """Record the sample organisation, then write the working year's reports of `unit` and of
    its province with its units; returns the files and the time each report took."""
    for step in organisation_steps():
        engine.execute(step)
    period = work_year_of(until)
    written: dict[str, Any] = {}
    for code, subunits in ((unit, False), (PROVINCE, True)):
        started = time.perf_counter()
        report = compute(engine, code, period, with_subunits=subunits)
        seconds = time.perf_counter() - started
        stem = out / f"thong-ke-{code}-{period.code}"
        xlsx = write_xlsx(report, stem.with_suffix(".xlsx"))
        html = write_html(report, stem.with_suffix(".html"))
        console.print(_headlines(report, seconds))
        console.print(f"Đã ghi báo cáo {period.title} của {code} vào {xlsx} và {html}")
        written[code] = {"xlsx": str(xlsx), "html": str(html), "seconds": round(seconds, 2)}
    return {"stats": written}


def _headlines(report: Report, seconds: float) -> Table:
    table = Table(title=f"{report.title} (lập trong {seconds:.1f} giây)")
    table.add_column("Mã")
    table.add_column("Chỉ tiêu")
    table.add_column("Số liệu", justify="right")
    for indicator, value in cards(report):
        table.add_row(indicator.code, indicator.name, number(value))
    return table
