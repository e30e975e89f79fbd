"""Changing the raw event table the way someone with database access could, on both stores."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from qlahs.engine import Engine
from qlahs.store.rows import EventTable


def table(engine: Engine) -> EventTable:
    return EventTable.of(engine.log, engine.location)


def run(engine: Engine, statement: str, **params: Any) -> None:
    events = table(engine)
    text = statement.format(table=events.name, id=events.id_column)
    with engine.sql.begin() as connection:
        connection.execute(sa.text(text), params)


def row(engine: Engine, position: int) -> Any:
    events = table(engine)
    with engine.sql.connect() as connection:
        return connection.execute(
            sa.text(
                f"SELECT originator_id, originator_version, topic, state FROM {events.name} "
                f"WHERE {events.id_column} = :position"
            ),
            {"position": position},
        ).one()


def change_state(engine: Engine, position: int, state: bytes) -> None:
    run(engine, "UPDATE {table} SET state = :state WHERE {id} = :p", state=state, p=position)


def delete(engine: Engine, position: int) -> None:
    run(engine, "DELETE FROM {table} WHERE {id} = :p", p=position)


def insert(engine: Engine, position: int, like: int, version: int = 99) -> None:
    """A forged copy of event `like` at id `position`, as another version of its subject."""
    original = row(engine, like)
    events = table(engine)
    columns = f"{events.id_column}, originator_id, originator_version, topic, state"
    values = ":position, :originator_id, :version, :topic, :state"
    run(
        engine,
        f"INSERT INTO {{table}} ({columns}) VALUES ({values})",
        position=position,
        originator_id=original.originator_id,
        version=version,
        topic=original.topic,
        state=original.state,
    )


def swap(engine: Engine, first: int, second: int) -> None:
    """Exchange the places of two events in the notification order."""
    run(engine, "UPDATE {table} SET {id} = -7 WHERE {id} = :a", a=first)
    run(engine, "UPDATE {table} SET {id} = :a WHERE {id} = :b", a=first, b=second)
    run(engine, "UPDATE {table} SET {id} = :b WHERE {id} = -7", b=second)
