"""Where the subjects' keys are kept (`qlahs_subject_keys`) and what an erased key leaves:
the table, its statements, and the record of an erasure (keys.py uses them)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from uuid import UUID

import sqlalchemy as sa
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from qlahs.law.calendar import fmt

_VIETNAM = timezone(timedelta(hours=7))

keys_metadata = sa.MetaData()

subject_keys = sa.Table(
    "qlahs_subject_keys",
    keys_metadata,
    sa.Column("subject_id", sa.String(32), primary_key=True),  # the subject's uuid, hex
    sa.Column("key", sa.LargeBinary),  # NULL once erased
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("erased_at", sa.DateTime(timezone=True)),
    sa.Column("erased_by", sa.Text),
    sa.Column("reason", sa.Text),
    # filled at erasure, for messages: the key's creation only knows the subject's id
    sa.Column("kind", sa.String(32)),
    sa.Column("ref", sa.String(200)),
    # Only erased rows are indexed (for `refresh`): making a key does not touch the index.
    sa.Index(
        "ix_subject_keys_erased",
        "erased_at",
        sqlite_where=sa.text("erased_at IS NOT NULL"),
        postgresql_where=sa.text("erased_at IS NOT NULL"),
    ),
)


@dataclass(frozen=True)
class Erasure:
    """A subject whose key is gone: who destroyed it, when, and on which ground."""

    subject_id: UUID
    erased_at: datetime | None  # None: the key row is missing (deleted behind qlahs's back)
    erased_by: str
    reason: str
    kind: str | None = None
    ref: str | None = None

    @property
    def day(self) -> str:
        return fmt(self.erased_at.astimezone(_VIETNAM).date()) if self.erased_at else "?"

    @property
    def placeholder(self) -> str:
        """What every personal field of the subject reads as from now on."""
        if self.erased_at is None:
            return "[đã xóa: không còn khóa của hồ sơ]"
        return f"[đã xóa ngày {self.day}: {self.reason}]"


Key = AESGCM | Erasure


COLUMNS = subject_keys.c
ERASED = COLUMNS.erased_at.is_not(None)
SELECT_ONE = sa.select(subject_keys).where(COLUMNS.subject_id == sa.bindparam("id"))
COUNT_ERASED = sa.select(sa.func.count()).select_from(subject_keys).where(ERASED)
ERASED_IDS = sa.select(COLUMNS.subject_id).where(ERASED)
ERASE = (
    subject_keys.update()
    .where(COLUMNS.subject_id == sa.bindparam("id"), COLUMNS.erased_at.is_(None))
    .values(
        key=None,
        erased_at=sa.bindparam("erased_at"),
        erased_by=sa.bindparam("erased_by"),
        reason=sa.bindparam("reason"),
        kind=sa.bindparam("kind"),
        ref=sa.bindparam("ref"),
    )
)
