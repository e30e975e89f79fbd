"""The benchmarks of generated stores in one command (`make bench-scale`, not part of
`make bench`): `python benchmarks/bench_scales.py [--nation-fraction 0.05] [--keep]`.

Generates a unit, a province and a fraction of a national year (seed 7, acts up to
27/11/2026) into fresh PostgreSQL schemas of the database of `QLAHS_BENCH_POSTGRES_URL` (or
the tests' one), then runs on them the lists at scale (bench_scale.py), the statistics read
from kept facts beside their replay (bench_stats.py) and the lists as known at a moment
beside the whole projection (bench_known_at.py); each rewrites its section of
docs/performance.md. The schemas are dropped at the end unless `--keep`. About 15 minutes
with the defaults on a 2-core machine.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import uuid
from datetime import date
from pathlib import Path

from bench import drop_schema, postgres_url
from sqlalchemy.engine import make_url

from qlahs.engine import Engine
from qlahs.generate.run import generate

HERE = Path(__file__).resolve().parent
UNTIL = date(2026, 11, 27)


def in_schema(base: str, schema: str) -> str:
    url = make_url(base).update_query_dict({"schema": schema})
    return url.render_as_string(hide_password=False)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--nation-fraction", type=float, default=0.05)
    parser.add_argument("--keep", action="store_true", help="keep the generated schemas")
    args = parser.parse_args()
    base = postgres_url()
    share = f"{args.nation_fraction * 100:g}%"
    stores = [
        ("một đơn vị (1 năm)", "unit", 1.0),
        ("một tỉnh (1 năm)", "province", 1.0),
        (f"toàn quốc, {share} một năm", "nation", args.nation_fraction),
    ]
    made: list[tuple[str, str, str]] = []
    try:
        for label, scale, fraction in stores:
            schema = f"qlahs_scale_{uuid.uuid4().hex[:10]}"
            url = in_schema(base, schema)
            made.append((label, schema, url))
            with Engine.open(url) as engine:
                generate(engine, scale, years=1, seed=7, until=UNTIL, fraction=fraction)  # type: ignore[arg-type]
                engine.catch_up()
            print(f"{label}: generated", flush=True)
        every = [arg for label, _, url in made for arg in ("--db", f"{label}={url}")]
        larger = [arg for label, _, url in made[1:] for arg in ("--db", f"{label}={url}")]
        for script, stores_asked in (
            ("bench_scale.py", every),
            ("bench_stats.py", larger),
            ("bench_known_at.py", larger),
        ):
            subprocess.run([sys.executable, str(HERE / script), *stores_asked], check=True)
    finally:
        if not args.keep:
            for _, schema, _ in made:
                drop_schema(base, schema)


if __name__ == "__main__":
    main()
