"""Each subject's own data key: the personal fields of its events are sealed with it, and
erasing the subject's personal data is destroying it (crypto-shredding, docs/security.md §5).

Keys live in `qlahs_subject_keys`, apart from the read models (`replay` never drops them). A
key is made when a subject's first personal field is sealed, in a short transaction before the
event is saved (eventsourcing writes events on its own connection; a failed save only leaves an
unused key). With QLAHS_CIPHER_KEY each key is stored wrapped (AES-GCM) under the store key;
without it keys are in clear beside the sealed fields: erasure, not secrecy. Keys are cached
per process; `refresh` drops the keys of subjects another process erased.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from typing import Any, TypeVar
from uuid import UUID

import sqlalchemy as sa
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from sqlalchemy.dialects import postgresql, sqlite

from qlahs.kernel.errors import QlahsError
from qlahs.privacy.key_table import COLUMNS as _k
from qlahs.privacy.key_table import COUNT_ERASED as _COUNT_ERASED
from qlahs.privacy.key_table import ERASE as _ERASE
from qlahs.privacy.key_table import ERASED_IDS as _ERASED_IDS
from qlahs.privacy.key_table import SELECT_ONE as _SELECT
from qlahs.privacy.key_table import Erasure as Erasure
from qlahs.privacy.key_table import Key as Key
from qlahs.privacy.key_table import keys_metadata as keys_metadata
from qlahs.privacy.key_table import subject_keys as subject_keys

T = TypeVar("T")
CIPHER_ENV = "QLAHS_CIPHER_KEY"
CACHE_KEYS = 50_000
NONCE = 12
_PLAIN, _WRAPPED = b"\x00", b"\x01"  # the first byte of a stored key says which it is


class KeyRing:
    """The subjects' keys of one store, as the event mapper and the erasure need them.

    `engine` should commit each statement on its own (`Location.keys_engine`): every write
    here is one statement, and a key is made on the hot path of a subject's first command."""

    def __init__(self, engine: sa.Engine, store_key: bytes | None = None):
        self.engine = engine
        self._store = AESGCM(store_key) if store_key else None
        self._cache: OrderedDict[UUID, Key] = OrderedDict()
        self._lock = threading.Lock()  # the engine may be shared by threads
        self._erased: frozenset[UUID] = frozenset()
        self._erased_count = 0
        dialect = postgresql if engine.dialect.name == "postgresql" else sqlite
        # Built once: constructing the statement cost more than running it on SQLite.
        self._insert = dialect.insert(subject_keys).on_conflict_do_nothing()

    def create_table(self) -> None:
        keys_metadata.create_all(self.engine)
        self.refresh()

    def close(self) -> None:
        self.engine.dispose()

    # -- the mapper's side ---------------------------------------------------------------------

    def sealing_key(self, subject: UUID, *, first: bool) -> Key:
        """The key to seal a new event of `subject` with, made now if it has none; an
        Erasure when its personal data was erased (nothing personal may be added then).
        `first`: the subject's first event, whose key cannot exist yet (one insert, no read)."""
        found = self._cached(subject)
        if found is None:
            found = None if first else self._load(subject)
            if found is None:
                found = self._make(subject)
            self._remember(subject, found)
        return found

    def opening_key(self, subject: UUID) -> Key:
        """The key to open a stored event of `subject` with, or what replaces its fields."""
        found = self._cached(subject)
        if found is None:
            found = self._load(subject) or Erasure(subject, None, "", "không còn khóa")
            self._remember(subject, found)
        return found

    def forget(self, subject: UUID) -> None:
        """Read the subject's key again next time (its erasure event was just seen)."""
        with self._lock:
            self._cache.pop(subject, None)

    def refresh(self) -> frozenset[UUID]:
        """Forget the keys of subjects erased since the last call (by any process); return
        them, so that whoever caches their decoded events forgets those too."""
        count = self._run(lambda c: c.execute(_COUNT_ERASED).scalar_one())
        if count == self._erased_count:
            return frozenset()
        ids = frozenset(
            UUID(hex_id) for hex_id in self._run(lambda c: c.execute(_ERASED_IDS).scalars().all())
        )
        with self._lock:
            new = ids - self._erased
            self._erased, self._erased_count = ids, count
            for subject in new:
                self._cache.pop(subject, None)
        return new

    # -- erasure --------------------------------------------------------------------------------

    def state(self, subject: UUID) -> Key | None:
        """The subject's key or its erasure as stored now (no cache); None: no key yet."""
        return self._load(subject)

    def erase(self, subject: UUID, *, kind: str, ref: str, by: str, reason: str) -> Erasure | None:
        """Destroy the subject's key, keeping the row with who, when and why; None when it was
        erased already (by someone else a moment ago). A subject without a key gets an erased
        row, so that nothing personal can be sealed for it later."""
        now = datetime.now(UTC)
        values: dict[str, Any] = {
            "erased_at": now,
            "erased_by": by,
            "reason": reason,
            "kind": kind,
            "ref": ref,
        }
        row = values | {"subject_id": subject.hex, "key": None, "created_at": now}
        # Each statement is atomic on its own; the second try covers a key made for the
        # subject between the two (its first sealed event, saved at this very moment).
        for _ in range(2):
            if self._run(lambda c: c.execute(_ERASE, values | {"id": subject.hex}).rowcount):
                break
            if self._run(lambda c: c.execute(self._insert, row).rowcount):
                break
            if isinstance(self._load(subject), Erasure):
                return None  # erased already
        else:
            return None
        self._scrub()
        erasure = Erasure(subject, now, by, reason, kind, ref)
        self._remember(subject, erasure)
        return erasure

    def _scrub(self) -> None:
        """Best effort to leave no copy of the old key in the database files: SQLite zeroes
        deleted content (`secure_delete`, store.py) and here empties its write-ahead log;
        PostgreSQL removes the dead row version. Backups and PostgreSQL's WAL archive are
        beyond reach (docs/security.md §5)."""
        with contextlib.suppress(sa.exc.DBAPIError), self.engine.connect() as connection:
            if self.engine.dialect.name == "sqlite":
                # Do not wait long for readers: a later checkpoint empties the log too.
                connection.exec_driver_sql("PRAGMA busy_timeout = 2000")
                connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
                connection.exec_driver_sql("PRAGMA busy_timeout = 30000")
            else:
                connection.exec_driver_sql(f"VACUUM {subject_keys.name}")  # needs autocommit

    # -- storage --------------------------------------------------------------------------------

    def _cached(self, subject: UUID) -> Key | None:
        with self._lock:
            found = self._cache.get(subject)
            if found is not None:
                self._cache.move_to_end(subject)
            return found

    def _remember(self, subject: UUID, key: Key) -> None:
        with self._lock:
            self._cache[subject] = key
            if len(self._cache) > CACHE_KEYS:
                self._cache.popitem(last=False)

    def _run(self, work: Callable[[sa.Connection], T]) -> T:
        """Run one statement; once more on a new connection if the pooled one was dropped
        (a restarted server): the pool does not ping before each use."""
        try:
            with self.engine.connect() as connection:
                return work(connection)
        except sa.exc.DBAPIError as error:
            if not error.connection_invalidated:
                raise
        with self.engine.connect() as connection:
            return work(connection)

    def preload(self, subjects: Iterable[UUID]) -> None:
        """Read the keys of many subjects in one statement (a projector's page of events
        would otherwise read them one by one: 0.75 s of a 9 s rebuild of 8,909 events)."""
        wanted = {subject.hex: subject for subject in subjects if self._cached(subject) is None}
        if not wanted:
            return
        query = sa.select(subject_keys).where(_k.subject_id.in_(list(wanted)[:CACHE_KEYS]))
        for row in self._run(lambda c: c.execute(query).all()):
            subject = wanted[row.subject_id]
            self._remember(subject, self._key_of(subject, row))

    def _load(self, subject: UUID) -> Key | None:
        row = self._run(lambda c: c.execute(_SELECT, {"id": subject.hex}).first())
        return None if row is None else self._key_of(subject, row)

    def _key_of(self, subject: UUID, row: Any) -> Key:
        if row.erased_at is not None or row.key is None:
            erased_at = row.erased_at
            if erased_at is not None and erased_at.tzinfo is None:
                erased_at = erased_at.replace(tzinfo=UTC)  # SQLite keeps UTC without its zone
            return Erasure(
                subject, erased_at, row.erased_by or "", row.reason or "", row.kind, row.ref
            )
        return AESGCM(self._unwrap(subject, bytes(row.key)))

    def _make(self, subject: UUID) -> Key:
        key = AESGCM.generate_key(bit_length=256)
        row = {
            "subject_id": subject.hex,
            "key": self._wrap(subject, key),
            "created_at": datetime.now(UTC),
        }
        if self._run(lambda c: c.execute(self._insert, row).rowcount):
            return AESGCM(key)
        # Another writer (or an earlier, failed save) made it first: use theirs.
        found = self._load(subject)
        assert found is not None
        return found

    def _wrap(self, subject: UUID, key: bytes) -> bytes:
        if self._store is None:
            return _PLAIN + key
        nonce = os.urandom(NONCE)
        return _WRAPPED + nonce + self._store.encrypt(nonce, key, subject.bytes)

    def _unwrap(self, subject: UUID, stored: bytes) -> bytes:
        if stored[:1] == _PLAIN:
            return stored[1:]
        if self._store is None:
            raise QlahsError(
                f"Khóa riêng của hồ sơ được bọc bằng khóa kho: cần đặt biến môi trường "
                f"{CIPHER_ENV}."
            )
        try:
            return self._store.decrypt(stored[1 : 1 + NONCE], stored[1 + NONCE :], subject.bytes)
        except InvalidTag:
            raise QlahsError(
                f"Không mở được khóa riêng của hồ sơ {subject}: khóa {CIPHER_ENV} không đúng, "
                "hoặc bảng khóa đã bị sửa."
            ) from None
