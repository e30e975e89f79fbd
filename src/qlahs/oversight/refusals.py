"""Refused access, as recorded: who asked for what, where, and why it was refused."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa

from qlahs.access import tables as t
from qlahs.access.policy import Wish

if TYPE_CHECKING:
    from qlahs.engine import Engine


def refusals(
    engine: Engine, *, unit: str | None = None, since: datetime | None = None, limit: int = 200
) -> list[dict[str, Any]]:
    """The latest refusals of users of the units the asker reaches (newest first)."""
    engine.projector.catch_up()
    grant = engine.authorize(Wish("read.audit", "xem các lần bị từ chối truy cập", unit))
    r = t.refusals
    query = sa.select(r).order_by(r.c.recorded_at.desc()).limit(limit)
    if grant.units is not None:
        query = query.where(sa.or_(r.c.actor_unit.in_(grant.units), r.c.unit.in_(grant.units)))
    if since is not None:
        moment = since.astimezone(UTC)
        # SQLite keeps the UTC time without its zone: compare like with like.
        query = query.where(
            r.c.recorded_at
            >= (moment if engine.location.is_postgres else moment.replace(tzinfo=None))
        )
    with engine.sql.connect() as connection:
        rows = [dict(row) for row in connection.execute(query).mappings()]
    for row in rows:
        if row["recorded_at"].tzinfo is None:
            row["recorded_at"] = row["recorded_at"].replace(tzinfo=UTC)
    return rows
