"""Where a URL puts the event store and the read models: one SQLite file, a private temporary
file for `:memory:`, or a PostgreSQL database (and schema); with the store-wide cipher when
QLAHS_CIPHER_KEY is set, and a lock that serialises creating tables."""

from __future__ import annotations

import base64
import contextlib
import fcntl
import os
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import URL, make_url

from qlahs.kernel.errors import QlahsError
from qlahs.privacy.keys import CIPHER_ENV

DEFAULT_URL = "sqlite:///qlahs.db"


@dataclass
class Location:
    """Where an engine keeps its events and read models."""

    url: str
    event_env: dict[str, str]
    sql_url: URL
    schema: str | None = None
    temporary_file: str | None = None
    connect_args: dict[str, Any] = field(default_factory=dict)

    @property
    def is_postgres(self) -> bool:
        return self.sql_url.get_backend_name() == "postgresql"

    def sql_engine(self) -> sa.Engine:
        if self.is_postgres:
            return sa.create_engine(
                self.sql_url, connect_args=self.connect_args, pool_pre_ping=True, pool_size=5
            )
        return self._sqlite_engine()

    def keys_engine(self) -> sa.Engine:
        """A small pool for the subjects' keys (privacy/keys.py): every statement commits on
        its own, and no ping precedes it (the key ring retries a dropped connection once),
        since a key is made on the hot path of a new subject's first command."""
        if self.is_postgres:
            return sa.create_engine(
                self.sql_url,
                connect_args=self.connect_args,
                pool_size=2,
                isolation_level="AUTOCOMMIT",
            )
        return self._sqlite_engine(isolation_level="AUTOCOMMIT")

    def _sqlite_engine(self, **options: Any) -> sa.Engine:
        engine = sa.create_engine(self.sql_url, connect_args={"timeout": 30}, **options)

        @sa.event.listens_for(engine, "connect")
        def _pragmas(connection: Any, _record: Any) -> None:
            cursor = connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
            # Deleted rows are overwritten, not left in free space: an erased subject's old
            # read-model rows and key must not be recoverable from the file (security.md §5).
            cursor.execute("PRAGMA secure_delete=ON")
            cursor.close()

        return engine

    def cleanup(self) -> None:
        if self.temporary_file:
            for suffix in ("", "-wal", "-shm", ".setup-lock"):
                with contextlib.suppress(FileNotFoundError):
                    os.remove(self.temporary_file + suffix)


def locate(url: str) -> Location:
    try:
        parsed = make_url(url)
    except Exception as error:  # sqlalchemy raises ArgumentError with an English message
        raise QlahsError(f"Địa chỉ cơ sở dữ liệu không hợp lệ: {url!r} ({error}).") from None
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        return _with_cipher(_sqlite(url, parsed))
    if backend in ("postgresql", "postgres"):
        return _with_cipher(_postgres(url, parsed))
    raise QlahsError(
        f"Không hỗ trợ cơ sở dữ liệu '{backend}': dùng sqlite:///tệp.db hoặc postgresql://…"
    )


def _with_cipher(location: Location) -> Location:
    """Encrypt event payloads when QLAHS_CIPHER_KEY is set (eventsourcing's AES-GCM cipher
    over the `cryptography` package)."""
    key = os.environ.get(CIPHER_ENV, "").strip()
    if not key:
        return location
    try:
        size = len(base64.b64decode(key, validate=True))
    except ValueError:
        size = -1
    if size not in (16, 24, 32):
        raise QlahsError(
            f"Biến môi trường {CIPHER_ENV} phải là khóa AES mã base64 dài 16, 24 hoặc 32 byte "
            "(tạo bằng lệnh: qlahs audit cipher-key)."
        )
    location.event_env |= {
        "CIPHER_TOPIC": "eventsourcing.cryptography:AESCipher",
        "CIPHER_KEY": key,
    }
    return location


def _sqlite(url: str, parsed: URL) -> Location:
    path = parsed.database or ":memory:"
    temporary = None
    if path == ":memory:":
        handle, path = tempfile.mkstemp(prefix="qlahs-", suffix=".db")
        os.close(handle)
        temporary = path
    env = {
        "PERSISTENCE_MODULE": "eventsourcing.sqlite",
        "SQLITE_DBNAME": path,
        "SQLITE_LOCK_TIMEOUT": "30",
    }
    return Location(url, env, URL.create("sqlite", database=path), temporary_file=temporary)


def _postgres(url: str, parsed: URL) -> Location:
    query = dict(parsed.query)
    schema = query.pop("schema", None)
    schema = schema if isinstance(schema, str) else None
    env = {
        "PERSISTENCE_MODULE": "eventsourcing.postgres",
        "POSTGRES_DBNAME": parsed.database or "postgres",
        "POSTGRES_HOST": parsed.host or "127.0.0.1",
        "POSTGRES_PORT": str(parsed.port or 5432),
        "POSTGRES_USER": parsed.username or "postgres",
        "POSTGRES_PASSWORD": parsed.password or "",
        "POSTGRES_CONNECT_TIMEOUT": "10",
        "POSTGRES_POOL_SIZE": "5",
        # commits a register's number without waiting for the disk under its lock
        "APPLICATION_RECORDER_TOPIC": "qlahs.store.durable:Recorder",
    }
    connect_args: dict[str, Any] = {}
    if schema:
        env["POSTGRES_SCHEMA"] = schema
        connect_args["options"] = f"-csearch_path={schema}"
    sql_url = parsed.set(drivername="postgresql+psycopg", query=query)
    return Location(url, env, sql_url, schema=schema, connect_args=connect_args)


@contextlib.contextmanager
def setup_lock(location: Location) -> Iterator[None]:
    """Serialise creating schemas and tables: PostgreSQL DDL run by several processes at once
    fails with 'tuple concurrently updated' even with IF NOT EXISTS."""
    if not location.is_postgres:
        # SQLAlchemy's create_all checks, then creates: two processes opening a new file at
        # once would both create. A lock file beside the database makes them take turns.
        path = location.sql_url.database or ""
        with open(f"{path}.setup-lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            yield
        return
    engine = sa.create_engine(location.sql_url)
    try:
        with engine.connect() as connection:
            connection.execute(sa.text("SELECT pg_advisory_lock(:key)"), {"key": _SETUP_LOCK})
            try:
                if location.schema:
                    connection.execute(sa.text(f'CREATE SCHEMA IF NOT EXISTS "{location.schema}"'))
                    connection.commit()
                yield
            finally:
                connection.execute(sa.text("SELECT pg_advisory_unlock(:key)"), {"key": _SETUP_LOCK})
                connection.commit()
    finally:
        engine.dispose()


_SETUP_LOCK = 7_305_113_200  # any fixed number shared by every qlahs process
