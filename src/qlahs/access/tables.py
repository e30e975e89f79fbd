"""Read models of access: users, classified records and refusals. Like every read model they
are rebuilt from the log (the events are in `access/users.py`, `records.py`, `refusals.py`)."""

from __future__ import annotations

import sqlalchemy as sa

from qlahs.kernel.schema import metadata

users = sa.Table(
    "qlahs_users",
    metadata,
    sa.Column("login", sa.String(100), primary_key=True),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("unit", sa.String(64), nullable=False, index=True),
    sa.Column("roles", sa.JSON, nullable=False),
    sa.Column("clearance", sa.Integer, nullable=False),
    sa.Column("active", sa.Boolean, nullable=False),
)

# Only records someone classified or assigned people to have a row; the others are level 0.
record_access = sa.Table(
    "qlahs_record_access",
    metadata,
    sa.Column("access_id", sa.String(36), primary_key=True),
    sa.Column("kind", sa.String(32), nullable=False),
    sa.Column("ref", sa.String(200), nullable=False),
    sa.Column("unit", sa.String(64), nullable=False),
    sa.Column("level", sa.Integer, nullable=False, index=True),
    sa.Column("assigned", sa.JSON, nullable=False),
)

refusals = sa.Table(
    "qlahs_access_refusals",
    metadata,
    sa.Column("refusal_id", sa.String(36), primary_key=True),
    sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False, index=True),
    sa.Column("user", sa.String(100), nullable=False),
    sa.Column("actor_unit", sa.String(64), nullable=False, index=True),
    sa.Column("permission", sa.String(32), nullable=False),
    sa.Column("what", sa.Text, nullable=False),
    sa.Column("unit", sa.String(64)),
    sa.Column("kind", sa.String(32)),
    sa.Column("ref", sa.String(200)),
    sa.Column("reason", sa.Text, nullable=False),
)

TABLES = (users, record_access, refusals)
