"""Reading the read models from a PostgreSQL streaming replica (docs/scaling.md).

The primary holds the event log and projects the read models; a standby replays the primary's
WAL and so holds the same read-model rows a moment later. Lists, books and case searches may
be answered there, never written there: nothing is caught up on the replica.

Read-your-writes: after each command the engine catches the primary's projection up and notes
the primary's WAL position (`pg_current_wal_lsn()`). A read waits, a bounded time, until the
replica has replayed that position (`pg_last_wal_replay_lsn()`); a replica too far behind or
out of reach is passed over for the primary, and counted.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field

import sqlalchemy as sa

from qlahs.kernel.errors import QlahsError
from qlahs.store import locate

LOG = logging.getLogger(__name__)

WAIT = 2.0  # seconds a read waits for the replica before asking the primary instead
POLL = 0.005  # seconds between two looks at the replica's replay position
READ_ENV = "QLAHS_READ_DB"  # the CLI's replica, as `--read-db` gives it

# NULL on a server that is not in recovery: it is a primary (a promoted standby), as fresh
# as any, and is read as it is.
_REPLAYED = sa.text(
    "SELECT coalesce(pg_last_wal_replay_lsn() >= cast(:lsn AS pg_lsn), NOT pg_is_in_recovery())"
)


@dataclass
class ReplicaReads:
    """How reads went: `served` by the replica, `waited` among them (it had not yet replayed
    the engine's last write when asked), `fallbacks` answered by the primary instead."""

    served: int = 0
    waited: int = 0
    fallbacks: int = 0


@dataclass
class Replica:
    """The read side of an engine whose reads go to a streaming replica of its store."""

    primary: sa.Engine
    standby: sa.Engine
    wait: float = WAIT
    # the primary's WAL position after this engine's last command and its projection
    written: str | None = None
    reads: ReplicaReads = field(default_factory=ReplicaReads)

    @classmethod
    def open(cls, read_url: str, primary: sa.Engine, *, wait: float = WAIT) -> Replica:
        location = locate(read_url)
        if not location.is_postgres or primary.dialect.name != "postgresql":
            raise QlahsError(
                "Bản sao chỉ đọc (tham số --read-db) chỉ dùng được khi cả cơ sở dữ liệu chính và "
                "bản sao đều là PostgreSQL."
            )
        # short connect timeout: a replica out of reach must not hold a reader for long
        args = location.connect_args | {"connect_timeout": max(1, round(wait))}
        standby = sa.create_engine(location.sql_url, connect_args=args, pool_pre_ping=True)
        return cls(primary, standby, wait)

    def wrote(self) -> None:
        """Note the primary's WAL position now: called once the engine's command is recorded
        and projected, so that position covers both."""
        with self.primary.connect() as connection:
            self.written = str(connection.execute(sa.text("SELECT pg_current_wal_lsn()")).scalar())

    def connect(self) -> sa.Connection:
        """A connection to the replica once it has replayed the engine's last write; the
        primary's when the replica lags more than `wait` seconds or cannot be reached."""
        try:
            connection = self.standby.connect()
        except sa.exc.DBAPIError as error:
            return self._fall_back(f"không kết nối được ({type(error.orig).__name__})")
        if self.written is None:
            self.reads.served += 1
            return connection
        # Asked again on every read, not once: behind a pooler, the next connection may reach
        # another standby that is further behind.
        deadline = time.monotonic() + self.wait
        waited = False
        try:
            while not connection.execute(_REPLAYED, {"lsn": self.written}).scalar():
                connection.rollback()  # the next look must see the replica as it is then
                if time.monotonic() >= deadline:
                    connection.close()
                    return self._fall_back(f"chưa phát lại tới {self.written} sau {self.wait} giây")
                waited = True
                time.sleep(POLL)
        except sa.exc.DBAPIError as error:
            connection.close()
            return self._fall_back(f"lỗi khi hỏi vị trí phát lại ({type(error.orig).__name__})")
        self.reads.served += 1
        self.reads.waited += waited
        return connection

    def _fall_back(self, why: str) -> sa.Connection:
        self.reads.fallbacks += 1
        LOG.warning("Bản sao chỉ đọc %s: đọc từ cơ sở dữ liệu chính.", why)
        return self.primary.connect()

    def close(self) -> None:
        self.standby.dispose()
