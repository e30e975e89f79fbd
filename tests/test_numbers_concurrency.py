"""Many processes taking numbers at once get distinct consecutive numbers with no gap.

Real OS processes (multiprocessing, `spawn`), each opening its own Engine on the same store,
as the clerks of a unit do from their own machines.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from bench_numbers import run_issuers

from qlahs.engine import Engine
from qlahs.projections import number_queries as q

needs_postgres = pytest.mark.skipif(
    not os.environ.get("QLAHS_TEST_POSTGRES_URL"),
    reason="QLAHS_TEST_POSTGRES_URL chưa đặt: phép thử nhiều tiến trình lấy số cần PostgreSQL",
)


@needs_postgres
def test_8_processes_taking_100_numbers_each_get_exactly_1_to_800(pg_schema_url: str) -> None:
    run = run_issuers(pg_schema_url, processes=8, per_process=100)
    assert run.failed == 0
    (numbers,) = run.numbers.values()
    assert sorted(numbers) == list(range(1, 801))
    with Engine.open(pg_schema_url) as engine:
        engine.catch_up()
        with engine.sql.connect() as connection:
            rows = q.register_rows(connection, "VKSKV7", "QD-HS", 2026)
    assert [row["number"] for row in rows] == list(range(1, 801))
    assert {row["status"] for row in rows} == {"issued"}


@needs_postgres
def test_processes_across_the_1_december_rollover_number_each_year_from_01(
    pg_schema_url: str,
) -> None:
    days = (date(2025, 11, 30), date(2025, 12, 1))
    run = run_issuers(pg_schema_url, processes=4, per_process=40, days=days)
    assert {register: sorted(n) for register, n in run.numbers.items()} == {
        "VKSKV7/QD-HS/2025": list(range(1, 81)),
        "VKSKV7/QD-HS/2026": list(range(1, 81)),
    }


@needs_postgres
def test_processes_in_different_registers_each_count_from_01(pg_schema_url: str) -> None:
    run = run_issuers(pg_schema_url, processes=4, per_process=30, separate=True)
    assert len(run.numbers) == 4
    assert all(sorted(n) == list(range(1, 31)) for n in run.numbers.values())


def test_processes_on_sqlite_get_consecutive_numbers_by_retrying(tmp_path: Path) -> None:
    run = run_issuers(f"sqlite:///{tmp_path}/q.db", processes=3, per_process=20)
    (numbers,) = run.numbers.values()
    assert sorted(numbers) == list(range(1, 61))
