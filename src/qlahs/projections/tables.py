"""The read-model tables. Every row is derived from the event log and can be rebuilt."""

from __future__ import annotations

import sqlalchemy as sa

from qlahs.kernel.schema import metadata as metadata  # projector and books create it

# Raise when a table changes shape: existing read models are then dropped and rebuilt.
SCHEMA_VERSION = 11

# The position (notification id) up to which each projection has processed the log; it is
# updated in the same transaction as the rows it accounts for.
tracking = sa.Table(
    "qlahs_tracking",
    metadata,
    sa.Column("name", sa.String(64), primary_key=True),
    sa.Column("position", sa.BigInteger, nullable=False),
)

subjects = sa.Table(
    "qlahs_subjects",
    metadata,
    sa.Column("subject_id", sa.String(36), primary_key=True),
    sa.Column("kind", sa.String(32), nullable=False),
    sa.Column("ref", sa.String(200), nullable=False, index=True),
    sa.Column("unit", sa.String(64), nullable=False, index=True),
    sa.Column("stage", sa.String(64), nullable=False),
    sa.Column("opened_on", sa.Date, nullable=False),
    sa.Column("title", sa.Text, nullable=False),
    sa.Column("version", sa.Integer, nullable=False),
    # when its latest event was recorded, in microseconds since 1970 (UTC): its rows are what
    # the store showed at any later moment (projections/known_at.py)
    sa.Column("recorded", sa.BigInteger, nullable=False, index=True),
)

# Each deadline as known from `valid_from` until `valid_to` (legal dates): asking "as of D"
# picks the version valid on D.
deadline_versions = sa.Table(
    "qlahs_deadline_versions",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("subject_id", sa.String(36), nullable=False, index=True),
    sa.Column("ref", sa.String(200), nullable=False),
    sa.Column("unit", sa.String(64), nullable=False),
    sa.Column("rule", sa.String(64), nullable=False),
    sa.Column("article", sa.Text, nullable=False),
    sa.Column("responsible", sa.Text, nullable=False),
    sa.Column("start", sa.String(16), nullable=False),
    sa.Column("due", sa.String(16), nullable=False),
    sa.Column("due_day", sa.Date, nullable=False),
    sa.Column("due_has_time", sa.Boolean, nullable=False),
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("closed_on", sa.Date),
    sa.Column("valid_from", sa.Date, nullable=False),
    sa.Column("valid_to", sa.Date),
    sa.Column("explanation", sa.JSON, nullable=False),
    sa.Column("start_day", sa.Date, nullable=False),
    sa.Column("window", sa.Boolean, nullable=False),
    sa.Column("breach", sa.Text),
    sa.Column("breach_article", sa.Text),
    # The lists ask by status and due date (overdue, due within N days), in the nation, one
    # unit or one record, of the version valid on the day asked. `valid_to` comes first: asked
    # of today, only the current versions (valid_to null) are searched, not every superseded
    # one.
    sa.Index("ix_deadline_versions_status", "valid_to", "status", "due_day", "valid_from"),
    sa.Index("ix_deadline_versions_unit", "unit", "valid_to", "status", "due_day", "valid_from"),
    sa.Index("ix_deadline_versions_ref", "ref", "valid_to", "valid_from"),
)

# What may be overdue: never closed, and missed or open (a window that lapses unused is no
# breach). Lapsed windows pile up year after year, and most missed deadlines were done late:
# the overdue lists search only these rows, so their cost follows what is overdue, not the
# history (the query repeats this condition word for word, as SQLite needs to use the index).
MAY_BE_OVERDUE = sa.and_(
    deadline_versions.c.closed_on.is_(None),
    sa.or_(
        deadline_versions.c.status == "missed",
        sa.and_(deadline_versions.c.status == "open", deadline_versions.c.window == sa.false()),
    ),
)
LATE_INDEXES = tuple(
    sa.Index(
        name,
        *(deadline_versions.c[column] for column in columns),
        postgresql_where=MAY_BE_OVERDUE,
        postgresql_include=["start_day", "due_has_time"],
        sqlite_where=MAY_BE_OVERDUE,
    )
    for name, columns in (
        ("ix_deadline_versions_overdue", ("valid_to", "status", "due_day", "valid_from")),
        (
            "ix_deadline_versions_unit_overdue",
            ("unit", "valid_to", "status", "due_day", "valid_from"),
        ),
    )
)

# Violations revealed by acts (late, premature, exceeds_limit…); `missing` ones are derived at
# query time from the open deadlines whose due date has passed.
violations = sa.Table(
    "qlahs_violations",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("subject_id", sa.String(36), nullable=False, index=True),
    sa.Column("ref", sa.String(200), nullable=False),
    sa.Column("unit", sa.String(64), nullable=False),
    sa.Column("rule", sa.String(64), nullable=False),
    sa.Column("article", sa.Text, nullable=False),
    sa.Column("kind", sa.String(32), nullable=False),
    sa.Column("due", sa.String(16)),
    sa.Column("happened_on", sa.Date, nullable=False, index=True),
    sa.Column("days_overdue", sa.Integer),
    sa.Column("message", sa.Text, nullable=False),
    sa.Index("ix_violations_unit", "unit", "happened_on"),
    sa.Index("ix_violations_ref", "ref", "happened_on"),
)

# Subjects whose events could not be projected (a bug, or data no rule foresaw): their rows
# stay as they were before the event, the readers keep answering, and `qlahs audit verify`
# lists them. A later event that projects cleanly, or a replay after a fix, clears the entry.
quarantine = sa.Table(
    "qlahs_quarantine",
    metadata,
    sa.Column("subject_id", sa.String(36), primary_key=True),
    sa.Column("position", sa.BigInteger, nullable=False),
    sa.Column("ref", sa.Text),
    sa.Column("unit", sa.Text),
    sa.Column("reason", sa.Text, nullable=False),  # Vietnamese, for the administrator
    sa.Column("detail", sa.Text, nullable=False),  # the exception, for the developer
)

# The rules' fold of each subject as it stood after the acts projected so far (law/running.py):
# the next act resumes it instead of replaying the subject's history. `version` is the
# subject's version it has folded up to; `last_day` the legal day of its last act (an act
# dated before it is back-dated and makes the projector judge the whole history again);
# the state may be a few acts behind the rows (law/running.py `KEEP_BYTES`).
fold_states = sa.Table(
    "qlahs_fold_states",
    metadata,
    sa.Column("subject_id", sa.String(36), primary_key=True),
    sa.Column("version", sa.Integer, nullable=False),
    sa.Column("last_day", sa.Date),
    sa.Column("state", sa.Text, nullable=False),
)

# What each counted subject gives the statistics (projections/stat_facts.py): its facts that
# no period changes, the unit and legal day of its first act (a report's columns and period),
# and when it was last recorded: `position` (the notification id of its last event) and the
# microseconds since 1970 (UTC) at which its first and latest acts were recorded.
subject_facts = sa.Table(
    "qlahs_subject_facts",
    metadata,
    sa.Column("subject_id", sa.String(36), primary_key=True),
    sa.Column("kind", sa.String(32), nullable=False),
    sa.Column("ref", sa.String(200), nullable=False),
    sa.Column("unit", sa.String(64), nullable=False),
    sa.Column("first_day", sa.Date, nullable=False),
    sa.Column("version", sa.Integer, nullable=False),
    sa.Column("first_position", sa.BigInteger),  # None: not known (read back after a failure)
    sa.Column("position", sa.BigInteger, nullable=False),
    sa.Column("first_recorded", sa.BigInteger, nullable=False),
    sa.Column("recorded", sa.BigInteger, nullable=False),
    sa.Column("facts", sa.Text),  # None: its stage's statistics could not read it
    sa.Index("ix_subject_facts_unit", "unit", "subject_id"),
)

# Tables every subject has rows in; stages add their own (Stage.tables). A subject's rows in
# them are cleared and written again whenever the subject changes, but for the JUDGED ones.
CORE = (subjects, deadline_versions, violations, quarantine, fold_states, subject_facts)
# Written as changes by projections/deadline_rows.py, not cleared and written again.
JUDGED = (deadline_versions, violations, fold_states)
