"""Lists read from a PostgreSQL streaming replica (engine/replica.py, docs/scaling.md).

The tests marked `replica` start a primary cluster and a streaming standby of it on two free
ports (benchmarks/pg_cluster.py), so they run by `make replica` only (`pytest -m replica`);
elsewhere they are skipped with that reason.

The standby applies each commit 0.3 s late (`recovery_min_apply_delay`): right after a command
the replica has not replayed it yet, so an answer holding the command shows that the reader
waited for it (or asked the primary), not that the replica happened to be quick.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

import pytest
import sqlalchemy as sa
from pg_cluster import Cluster, binaries, free_port
from typer.testing import CliRunner

from qlahs.cli import app
from qlahs.engine import Engine
from qlahs.kernel.errors import QlahsError
from qlahs.projections.books import book

APPLY_DELAY = "300ms"  # the standby's lag behind each commit
DAY = date(2025, 3, 20)
runner = CliRunner()


def receive(ref: str, on: str = "2025-03-03") -> dict[str, Any]:
    return {
        "do": "report.receive",
        "ref": ref,
        "on": on,
        "unit": "VKS-T",
        "with": {"source": "tin_bao", "received_by": "VKS"},
    }


@dataclass
class Pair:
    primary: Cluster
    standby: Cluster


@pytest.fixture(scope="module")
def pair() -> Iterator[Pair]:
    if binaries() is None:
        pytest.skip("Không có PostgreSQL cài trên máy (initdb, pg_basebackup)")
    primary = Cluster(free_port(), {"wal_level": "replica"})
    standby: Cluster | None = None
    try:
        primary.start()
        standby = primary.standby(free_port(), {"recovery_min_apply_delay": APPLY_DELAY})
        standby.start()
        yield Pair(primary, standby)
    finally:
        if standby is not None:
            standby.stop()
        primary.stop()


def refs(items: list[Any]) -> set[str]:
    return {item.ref for item in items}


@pytest.mark.replica
def test_lists_books_and_searches_come_from_the_replica_as_the_primary_gives_them(
    pair: Pair,
) -> None:
    with (
        Engine.open(pair.primary.url, read_url=pair.standby.url, default_unit="VKS-T") as engine,
        Engine.open(pair.primary.url) as primary_only,
    ):
        assert engine.replica is not None
        for number in range(1, 13):
            engine.execute(receive(f"TB{number}"))
        # answered by the replica: it is in recovery, the primary is not
        with engine.replica.connect() as connection:
            assert connection.execute(sa.text("SELECT pg_is_in_recovery()")).scalar() is True
        on_replica = engine.deadline_page(DAY, limit=5, offset=5)
        on_primary = primary_only.deadline_page(DAY, limit=5, offset=5)
        assert on_replica == on_primary
        assert on_replica.total == 12 and len(on_replica.items) == 5
        assert engine.violations(date(2025, 6, 1)) == primary_only.violations(date(2025, 6, 1))
        assert engine.search("TB1") == primary_only.search("TB1")
        intake = book("03")
        with engine.read_models() as replica, primary_only.read_models() as primary:
            assert intake.rows(replica, "VKS-T", 2025) == intake.rows(primary, "VKS-T", 2025)
            assert len(intake.rows(replica, "VKS-T", 2025)) == 12
        assert engine.replica.reads.served >= 5
        assert engine.replica.reads.fallbacks == 0


@pytest.mark.replica
def test_a_reader_sees_its_own_command_at_once(pair: Pair) -> None:
    with Engine.open(pair.primary.url, read_url=pair.standby.url, default_unit="VKS-T") as engine:
        assert engine.replica is not None
        before = engine.replica.reads.waited
        engine.execute(receive("TB-MINE", on="2025-03-10"))
        assert "TB-MINE" in refs(engine.deadlines(DAY, ref="TB-MINE"))
        # the replica was 0.3 s behind: the read waited for it, and the replica answered
        assert engine.replica.reads.waited == before + 1
        assert engine.replica.reads.fallbacks == 0


@pytest.mark.replica
def test_a_replica_too_far_behind_is_passed_over_for_the_primary(
    pair: Pair, caplog: pytest.LogCaptureFixture
) -> None:
    with Engine.open(pair.primary.url, read_url=pair.standby.url, default_unit="VKS-T") as engine:
        assert engine.replica is not None
        engine.replica.wait = 0.05  # far less than the standby's delay
        engine.execute(receive("TB-LATE", on="2025-03-11"))
        with caplog.at_level(logging.WARNING, logger="qlahs.engine.replica"):
            found = engine.deadlines(DAY, ref="TB-LATE")
        assert refs(found) == {"TB-LATE"}
        assert engine.replica.reads.fallbacks == 1
        assert "đọc từ cơ sở dữ liệu chính" in caplog.text


@pytest.mark.replica
def test_a_stopped_replica_is_passed_over_and_the_lists_stay_right(pair: Pair) -> None:
    with (
        Engine.open(pair.primary.url, read_url=pair.standby.url, default_unit="VKS-T") as engine,
        Engine.open(pair.primary.url) as primary_only,
    ):
        assert engine.replica is not None
        engine.execute(receive("TB-STOP", on="2025-03-12"))
        pair.standby.halt()
        try:
            assert engine.deadlines(DAY) == primary_only.deadlines(DAY)
            assert "TB-STOP" in refs(engine.deadlines(DAY))
            assert engine.replica.reads.fallbacks == 2
        finally:
            pair.standby.start()


@pytest.mark.replica
def test_the_cli_reads_lists_from_the_replica_it_is_given(pair: Pair) -> None:
    day = ["--as-of", "20/03/2025", "--unit", "VKS-T", "--db", pair.primary.url]
    result = runner.invoke(app, ["--read-db", pair.standby.url, "deadlines", *day])
    assert result.exit_code == 0, result.output
    assert "TB12" in result.output
    # the replica's address is used, not ignored: one that is no PostgreSQL is refused
    result = runner.invoke(app, ["deadlines", *day], env={"QLAHS_READ_DB": "sqlite:///x.db"})
    assert result.exit_code == 2
    assert "PostgreSQL" in result.output


def test_a_replica_is_for_postgresql_stores_only(tmp_path: Any) -> None:
    with pytest.raises(QlahsError, match="PostgreSQL"):
        Engine.open(f"sqlite:///{tmp_path}/a.db", read_url=f"sqlite:///{tmp_path}/b.db")
