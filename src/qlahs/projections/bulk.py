"""Many rows into one read-model table at once.

On PostgreSQL the rows go by COPY: one stream instead of one prepared statement per row,
which was the largest single cost of a rebuild (about three rows are written per event). Other
stores, and a handful of rows, take an executemany INSERT.
"""

from __future__ import annotations

import json
from typing import Any

import sqlalchemy as sa

# Below this many rows the statement's own round trip costs less than setting up a COPY.
COPY_FROM = 32


def insert(connection: sa.Connection, table: sa.Table, rows: list[dict[str, Any]]) -> None:
    if not rows:
        return
    columns = list(rows[0])
    same = all(row.keys() == rows[0].keys() for row in rows)
    if connection.dialect.name != "postgresql" or len(rows) < COPY_FROM or not same:
        connection.execute(table.insert(), rows)
        return
    as_json = {column.name for column in table.columns if isinstance(column.type, sa.JSON)}
    preparer = connection.dialect.identifier_preparer
    names = ", ".join(preparer.quote(column) for column in columns)
    statement = f"COPY {preparer.format_table(table)} ({names}) FROM STDIN"
    cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
    with cursor.copy(statement) as copy:
        for row in rows:
            copy.write_row(
                [json.dumps(row[name]) if name in as_json else row[name] for name in columns]
            )


def analyze(engine: sa.Engine, tables: tuple[sa.Table, ...], also: tuple[str, ...] = ()) -> None:
    """Refresh PostgreSQL's statistics of the read models after a bulk load, and clear their
    dead rows: until its autovacuum comes by, the planner takes the tables for empty and reads
    the lists' partial indexes whole (measured: 72 ms instead of 0.5 ms for a province's
    overdue count), and the index entries of the row versions a rebuild replaced are all read
    again (3,717 entries for 508 rows on 5% of a national year: 10 ms instead of 15 ms for the
    nation's overdue page). `also`: other tables of the store by name (the event log, the
    subjects' keys), only analysed."""
    if engine.dialect.name != "postgresql":
        return
    preparer = engine.dialect.identifier_preparer
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        for table in tables:
            connection.execute(sa.text(f"VACUUM (ANALYZE) {preparer.format_table(table)}"))
        for other in also:
            connection.execute(sa.text(f"ANALYZE {preparer.quote(other)}"))


# The read models are written again as subjects change (a deadline's version is closed, a
# subject's rows replaced): dead rows pile up far faster than in an append-only log, and the
# default of vacuuming a table at 20% dead rows leaves millions of stale index entries in a
# national table. Vacuum and analyse them at 2% instead.
AUTOVACUUM = {"autovacuum_vacuum_scale_factor": "0.02", "autovacuum_analyze_scale_factor": "0.02"}


def tune(engine: sa.Engine, tables: tuple[sa.Table, ...]) -> None:
    """Set the read models' autovacuum thresholds (PostgreSQL); done when they are created."""
    if engine.dialect.name != "postgresql":
        return
    preparer = engine.dialect.identifier_preparer
    options = ", ".join(f"{name} = {value}" for name, value in AUTOVACUUM.items())
    with engine.begin() as connection:
        for table in tables:
            connection.execute(
                sa.text(f"ALTER TABLE {preparer.format_table(table)} SET ({options})")
            )
