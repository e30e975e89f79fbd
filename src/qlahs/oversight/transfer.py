"""Moving a whole store: every event, in the order it was recorded, as one JSON line each.

`export` decodes each stored event with the store's own cipher and keys and writes it as
plain JSON (the legal date, the recorded time, the actor, the fields); `import_events`
saves those events, in the same order and with the same recorded times, into an empty store,
which seals and encrypts them with its own keys and links them into its own hash chain. The
read models are then built from them, so a round trip SQLite ↔ PostgreSQL gives the same
books, deadlines and violations. An export holds personal data in clear: it is a backup,
to be kept like one (docs/security.md).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import IO, Any
from uuid import UUID

from eventsourcing.persistence import (
    DatetimeAsISO,
    DecimalAsStr,
    JSONTranscoder,
    Mapper,
    StoredEvent,
    UUIDAsHex,
)

from qlahs.access.policy import Wish
from qlahs.engine import Engine
from qlahs.kernel.errors import QlahsError
from qlahs.store import DateAsISO

FORMAT = "qlahs-events-1"
PAGE = 1_000


def _plain_mapper() -> Mapper[UUID]:
    transcoder = JSONTranscoder()
    for transcoding in (UUIDAsHex(), DecimalAsStr(), DatetimeAsISO(), DateAsISO()):
        transcoder.register(transcoding)
    return Mapper(transcoder=transcoder)


def export_lines(engine: Engine) -> Iterator[str]:
    """The store as JSON lines: a header, then one line per event in notification order."""
    engine.authorize(Wish("manage.store", "xuất toàn bộ sự kiện của kho"))
    plain = _plain_mapper()
    yield json.dumps({"format": FORMAT}, ensure_ascii=False)
    position = 0
    while True:
        page = engine.log.recorder.select_notifications(
            start=position, limit=PAGE, inclusive_of_start=False
        )
        if not page:
            return
        for notification in page:
            stored = plain.to_stored_event(engine.log.mapper.to_domain_event(notification))
            line = {
                "position": notification.id,
                "originator_id": str(stored.originator_id),
                "version": stored.originator_version,
                "topic": stored.topic,
                "state": json.loads(stored.state),
            }
            yield json.dumps(line, ensure_ascii=False)
        position = page[-1].id


def export(engine: Engine, out: IO[str]) -> int:
    """Write the store to `out`; return how many events were written."""
    count = -1
    for count, line in enumerate(export_lines(engine)):  # noqa: B007 - the count is the result
        out.write(line + "\n")
    return count


def import_events(engine: Engine, lines: Iterable[str]) -> int:
    """Save the events of an export into `engine`'s store, which must be empty; return how
    many. Nothing is saved when a line does not read."""
    engine.authorize(Wish("manage.store", "nhập sự kiện vào kho"))
    if engine.log.recorder.max_notification_id():
        raise QlahsError("Kho đích đã có sự kiện: chỉ nhập vào một kho mới, trống.")
    plain = _plain_mapper()
    events = [plain.to_domain_event(stored) for stored in _read(lines)]
    for start in range(0, len(events), PAGE):
        engine.log.save(*events[start : start + PAGE])
    engine.catch_up()
    return len(events)


def _read(lines: Iterable[str]) -> Iterator[StoredEvent]:
    numbered = enumerate(lines, start=1)
    for number, text in numbered:
        header = _json(number, text)
        if header.get("format") != FORMAT:
            raise QlahsError(f"Dòng 1 không phải đầu tệp xuất của qlahs ({FORMAT}).")
        break
    else:
        raise QlahsError("Tệp nhập trống.")
    for number, text in numbered:
        if not text.strip():
            continue
        line = _json(number, text)
        try:
            yield StoredEvent(
                originator_id=UUID(str(line["originator_id"])),
                originator_version=int(line["version"]),
                topic=str(line["topic"]),
                state=json.dumps(line["state"], ensure_ascii=False).encode("utf-8"),
            )
        except (KeyError, ValueError, TypeError):
            raise QlahsError(
                f"Dòng {number} thiếu hoặc sai trường originator_id, version, topic, state."
            ) from None


def _json(number: int, text: str) -> dict[str, Any]:
    try:
        value = json.loads(text)
    except json.JSONDecodeError as error:
        raise QlahsError(f"Dòng {number} không phải JSON (lỗi ở cột {error.colno}).") from None
    if not isinstance(value, dict):
        raise QlahsError(f"Dòng {number} phải là một đối tượng JSON.")
    return value
