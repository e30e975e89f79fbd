"""One URL configures the event store and the read models together (ARCHITECTURE principle 6).

- `sqlite:///path.db` — the embedded default; eventsourcing's SQLite recorder and the
  SQLAlchemy read models share the file (WAL mode).
- `sqlite:///:memory:` — a private temporary file, removed on close (the two halves cannot
  share an in-memory database).
- `postgresql://user@host:port/db[?schema=name]` — eventsourcing's PostgreSQL recorder and
  SQLAlchemy over psycopg 3; `schema` keeps several engines apart in one database.

With `QLAHS_CIPHER_KEY` set (base64 of 16, 24 or 32 bytes; `qlahs audit cipher-key` makes
one), every event's state is encrypted with AES-GCM before it is stored (docs/security.md).
Inside it, the personal fields of a subject's events are sealed with the subject's own key
(`privacy/`), so that destroying that key erases them.
"""

from __future__ import annotations

import base64
import contextlib
import fcntl
import os
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any
from uuid import UUID

import sqlalchemy as sa
from eventsourcing.application import Application
from eventsourcing.persistence import (
    JSONTranscoder,
    Mapper,
    MapperDeserialisationError,
    Transcoding,
)
from sqlalchemy.engine import URL, make_url

from qlahs.kernel.errors import QlahsError
from qlahs.privacy.keys import CIPHER_ENV, KeyRing
from qlahs.privacy.sealing import SealingMapper

DEFAULT_URL = "sqlite:///qlahs.db"


class DateAsISO(Transcoding):
    """Legal dates are stored as ISO strings (eventsourcing only knows datetimes)."""

    type = date
    name = "date_iso"

    def encode(self, obj: date) -> str:
        return obj.isoformat()

    def decode(self, data: str) -> date:
        return date.fromisoformat(data)


class EventLog(Application[UUID]):
    """The eventsourcing application holding every subject's events."""

    name = "qlahs"
    # The engine keeps its cache right itself (it evicts a subject whenever a save fails or a
    # command is abandoned), so the repository need neither re-read every cached aggregate
    # nor deep-copy it: together a third of the time of a command (docs/performance.md).
    env = {  # noqa: RUF012 - eventsourcing reads this class attribute
        "AGGREGATE_CACHE_MAXSIZE": "10000",
        "AGGREGATE_CACHE_FASTFORWARD": "n",
        "DEEPCOPY_FROM_AGGREGATE_CACHE": "n",
    }

    def __init__(self, env: dict[str, str], keys: KeyRing | None = None):
        # Set before the base class builds the mapper, which needs it.
        self.keys = keys
        super().__init__(env=env)

    def construct_mapper(self) -> Mapper[UUID]:
        """With a key ring, the mapper seals personal fields with their subject's key
        (privacy/sealing.py); without one (the raw side of `make bench`), eventsourcing's."""
        if self.keys is None:
            return super().construct_mapper()
        return SealingMapper(
            self.construct_transcoder(),
            compressor=self.factory.compressor(),
            cipher=self.factory.cipher(),
            keys=self.keys,
        )

    def register_transcodings(self, transcoder: JSONTranscoder) -> None:
        super().register_transcodings(transcoder)
        transcoder.register(DateAsISO())

    def close(self) -> None:
        super().close()
        if self.keys is not None:
            self.keys.close()

    def forget_erased(self) -> frozenset[UUID]:
        """Forget what this process holds of subjects erased since it last asked (by any
        process): their keys, and their aggregates decoded with the key. Returns them."""
        if self.keys is None:
            return frozenset()
        erased = self.keys.refresh()
        cache = self.repository.cache
        if cache is not None:
            for subject in erased:
                with contextlib.suppress(KeyError):
                    cache.get(subject, evict=True)
        return erased


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


def store_key(location: Location) -> bytes | None:
    """The store-wide key of QLAHS_CIPHER_KEY (already checked by `locate`), or None."""
    key = location.event_env.get("CIPHER_KEY")
    return base64.b64decode(key) if key else None


def open_event_log(location: Location, keys: KeyRing | None = None) -> EventLog:
    log = EventLog(env=location.event_env, keys=keys)
    try:
        _read_first_event(log, encrypted="CIPHER_KEY" in location.event_env)
    except BaseException:
        log.close()
        raise
    return log


def _read_first_event(log: EventLog, *, encrypted: bool) -> None:
    """Decode one stored event now, so that a wrong or missing key is a clear error when the
    store is opened, not a decoding error in the middle of a query."""
    first = log.recorder.select_notifications(start=1, limit=1)
    if not first:
        return
    try:
        log.mapper.to_domain_event(first[0])
    except MapperDeserialisationError:
        if encrypted:
            reason = (
                f"khóa {CIPHER_ENV} không đúng, hoặc kho được ghi khi chưa bật mã hóa "
                "(kho đã có dữ liệu không mã hóa không thể bật mã hóa tại chỗ)"
            )
        else:
            reason = f"dữ liệu đã được mã hóa: cần đặt biến môi trường {CIPHER_ENV}"
        raise QlahsError(f"Không giải mã được sự kiện đã lưu: {reason}.") from None
