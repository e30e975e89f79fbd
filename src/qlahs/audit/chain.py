"""The hash chain: every recorded event linked by hash to the one before it, in the order of
the notification log (docs/security.md).

    digest(event) = SHA-256 of its originator id, version, topic and stored state bytes
    link(n)       = SHA-256 of link(n-1), the notification id and digest(n); link(0) = zeros

The state is hashed as stored (encrypted when a cipher is on), so verifying needs no key.
The chain is written by the projector, in the transaction that moves its position, so every
event is linked exactly once. Its table is not a read model: `replay` and a change of
SCHEMA_VERSION leave it alone, and new links are only ever added after the last one.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import sqlalchemy as sa
from eventsourcing.persistence import Notification

from qlahs.store.rows import EventRow, EventTable, canonical_id, raw

GENESIS = "0" * 64
INSERT_BATCH = 5_000

chain_metadata = sa.MetaData()  # apart from the read models, which may be dropped and rebuilt

links = sa.Table(
    "qlahs_chain",
    chain_metadata,
    sa.Column("position", sa.BigInteger, primary_key=True, autoincrement=False),
    sa.Column("digest", sa.String(64), nullable=False, index=True),
    sa.Column("link", sa.String(64), nullable=False),
)


def _field(data: bytes) -> bytes:
    # Each field with its length, so that no two different events hash the same bytes.
    return len(data).to_bytes(8, "big") + data


def digest(row: EventRow) -> str:
    h = hashlib.sha256(b"qlahs-event-1")
    for part in (row.originator_id.encode(), str(row.version).encode(), row.topic.encode()):
        h.update(_field(part))
    h.update(_field(row.state))
    return h.hexdigest()


def next_link(previous: str, position: int, event_digest: str) -> str:
    h = hashlib.sha256(bytes.fromhex(previous))
    h.update(position.to_bytes(8, "big", signed=True))
    h.update(bytes.fromhex(event_digest))
    return h.hexdigest()


@dataclass(frozen=True)
class Head:
    position: int
    link: str


def head(connection: sa.Connection) -> Head:
    row = connection.execute(
        sa.select(links.c.position, links.c.link).order_by(links.c.position.desc()).limit(1)
    ).first()
    return Head(0, GENESIS) if row is None else Head(int(row.position), str(row.link))


def of_notification(notification: Notification) -> EventRow:
    return EventRow(
        notification.id,
        canonical_id(notification.originator_id),
        notification.originator_version,
        notification.topic,
        raw(notification.state),
    )


class Chain:
    """The projector's follower that appends links."""

    tables: tuple[sa.Table, ...] = ()

    def __init__(self, events: EventTable):
        self.events = events
        # Events projected before the chain existed are linked only by the first catch-up of
        # the process that made the chain's table: links missing from an existing chain were
        # deleted, and linking the log again would hide what was done to it.
        self.links_old_events = False

    def create(self, engine: sa.Engine) -> None:
        self.links_old_events = not sa.inspect(engine).has_table(links.name)
        chain_metadata.create_all(engine)

    def refuse_rebuild(self, connection: sa.Connection, position: int) -> str | None:
        last = head(connection)
        if last.position >= position:
            return None
        return (
            f"Không dựng lại: chuỗi băm chỉ đến sự kiện số {last.position} trong khi các sự kiện "
            f"đến số {position} đã được xử lý — các mắt xích đã bị xóa. Dựng lại sẽ nối lại một "
            "nhật ký có thể đã bị sửa; hãy chạy 'qlahs audit verify' và đối chiếu điểm kiểm tra."
        )

    def follow(
        self,
        connection: sa.Connection,
        after: int,
        notifications: Sequence[Notification],
        events: Sequence[object],
    ) -> None:
        last = head(connection)
        first_follow, self.links_old_events = self.links_old_events, False
        rows: Iterable[EventRow] = (
            of_notification(n) for n in notifications if n.id > last.position
        )
        if last.position < after:
            if not first_follow:
                return  # links were deleted: leave the gap for `audit verify` to report
            # Events projected before the chain existed (a store older than this code): link
            # them first, read from the table itself.
            rows = _chained(self.events.rows(connection, after=last.position, upto=after), rows)
        append(connection, last, rows)


def _chained(*parts: Iterable[EventRow]) -> Iterable[EventRow]:
    for part in parts:
        yield from part


def append(connection: sa.Connection, last: Head, rows: Iterable[EventRow]) -> Head:
    pending: list[dict[str, object]] = []
    previous = last.link
    position = last.position
    for row in rows:
        event_digest = digest(row)
        previous = next_link(previous, row.position, event_digest)
        position = row.position
        pending.append({"position": position, "digest": event_digest, "link": previous})
        if len(pending) >= INSERT_BATCH:
            connection.execute(links.insert(), pending)
            pending = []
    if pending:
        connection.execute(links.insert(), pending)
    return Head(position, previous)
