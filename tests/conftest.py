"""Fixtures shared by the tests: the same tests run on SQLite and on PostgreSQL."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest
import sqlalchemy as sa

from qlahs.engine import Engine
from qlahs.kernel.bounds import FIRST_ACT_DAY
from qlahs.scenario.units import establish_units

POSTGRES_ENV = "QLAHS_TEST_POSTGRES_URL"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "postgres: needs PostgreSQL (QLAHS_TEST_POSTGRES_URL)")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """The replica tests start two PostgreSQL servers: they run only when asked for by name
    (`make replica`, i.e. `-m replica`), and are shown skipped otherwise."""
    if "replica" in (config.option.markexpr or ""):
        return
    skip = pytest.mark.skip(reason="chạy bằng make replica (pytest -m replica)")
    for item in items:
        if item.get_closest_marker("replica") is not None:
            item.add_marker(skip)


def postgres_url() -> str:
    url = os.environ.get(POSTGRES_ENV)
    if not url:
        pytest.skip(f"{POSTGRES_ENV} chưa đặt: bỏ qua phép thử trên PostgreSQL")
    return url


@pytest.fixture
def pg_schema_url() -> Iterator[str]:
    """A PostgreSQL URL scoped to a new schema, dropped after the test."""
    url = postgres_url()
    schema = f"qlahs_t_{uuid.uuid4().hex[:12]}"
    yield f"{url}{'&' if '?' in url else '?'}schema={schema}"
    drop_schema(url, schema)


def drop_schema(url: str, schema: str) -> None:
    engine = sa.create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1))
    with engine.begin() as connection:
        connection.execute(sa.text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
    engine.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store_url(request: pytest.FixtureRequest, tmp_path: object) -> str:
    """A fresh, empty store of each kind."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path}/qlahs.db"
    return str(request.getfixturevalue("pg_schema_url"))


TEST_UNIT = "VKS-T"  # the tests' own unit, not in units.yaml: recorded as established


@pytest.fixture
def engine(store_url: str) -> Iterator[Engine]:
    with Engine.open(store_url, default_unit=TEST_UNIT) as opened:
        establish_units(opened, [TEST_UNIT], FIRST_ACT_DAY)  # before any act
        yield opened
