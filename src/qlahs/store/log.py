"""The event log: eventsourcing's application over the store a URL names, with legal dates
as ISO strings and personal fields sealed with their subject's key."""

from __future__ import annotations

import base64
import contextlib
from collections.abc import Iterable
from datetime import date
from uuid import UUID

from eventsourcing.application import Application
from eventsourcing.persistence import (
    JSONTranscoder,
    Mapper,
    MapperDeserialisationError,
    Transcoding,
)

from qlahs.kernel.errors import QlahsError
from qlahs.privacy.keys import CIPHER_ENV, KeyRing
from qlahs.privacy.sealing import SealingMapper
from qlahs.store.location import Location


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

    def preload_keys(self, subjects: Iterable[UUID]) -> None:
        """Read the keys of the subjects of a page of events at once, before decoding it."""
        if self.keys is not None:
            self.keys.preload(subjects)

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
