"""Recompute the hash chain from the event table and find the first broken link.

The walk goes through the event rows and the chain's links side by side, in notification
order; the first place where they disagree says what happened there:

- a row whose bytes no longer give the link's digest was changed, or was moved there from
  another position when its digest is that of another link (rows reordered);
- a link without its row: the row was deleted;
- a row without a link before the chain's head: the row was inserted (or its link deleted);
- a link that does not follow from the one before: the chain table itself was altered;
- rows the projector has passed with no link after the head: links were deleted.

Rows after the head are not linked yet (the projector links them at its next catch-up).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

import sqlalchemy as sa

from qlahs.audit.chain import GENESIS, digest, links, next_link
from qlahs.store.rows import EventRow, EventTable

BreakKind = Literal["changed", "moved", "deleted", "inserted", "link", "missing"]
LINK_BATCH = 10_000


@dataclass(frozen=True)
class Break:
    kind: BreakKind
    position: int  # the notification id where it happened
    index: int  # how many links were intact before it
    message: str


@dataclass(frozen=True)
class Walk:
    """What a walk of the chain found."""

    checked: int  # links found intact
    head_position: int
    head_link: str
    unlinked: int  # rows after the head, not linked yet
    broken: Break | None

    @property
    def intact(self) -> bool:
        return self.broken is None


@dataclass(frozen=True)
class Link:
    position: int
    digest: str
    link: str


def _links(connection: sa.Connection) -> Iterator[Link]:
    last = None
    while True:
        query = sa.select(links).order_by(links.c.position).limit(LINK_BATCH)
        if last is not None:
            query = query.where(links.c.position > last)
        batch = connection.execute(query).all()
        for row in batch:
            yield Link(int(row.position), str(row.digest), str(row.link))
        if len(batch) < LINK_BATCH:
            return
        last = int(batch[-1].position)


def walk(connection: sa.Connection, events: EventTable, linked_upto: int = 0) -> Walk:
    """Walk the links beside the rows. Every row up to `linked_upto` (the projector's position:
    it links each event in the transaction that moves it) must have its link."""
    rows = events.rows(connection)
    row = next(rows, None)
    previous, checked, position = GENESIS, 0, 0
    for link in _links(connection):
        broken = _compare(connection, row, link, previous, checked)
        if broken is not None:
            return Walk(checked, position, previous, 0, broken)
        assert row is not None
        previous, position, checked = link.link, link.position, checked + 1
        row = next(rows, None)
    later = [] if row is None else [row.position, *(r.position for r in rows)]
    missing = [p for p in later if p <= linked_upto]
    if missing:
        message = (
            f"{len(missing)} sự kiện (số {missing[0]} đến số {missing[-1]}) đã được xử lý nhưng "
            f"không có mắt xích trong chuỗi băm, vốn chỉ đến sự kiện số {position}: các mắt xích "
            "đã bị xóa hoặc cắt bớt."
        )
        broken = Break("missing", missing[0], checked + 1, message)
        return Walk(checked, position, previous, len(later), broken)
    return Walk(checked, position, previous, len(later), None)


def _compare(
    connection: sa.Connection, row: EventRow | None, link: Link, previous: str, checked: int
) -> Break | None:
    def broken(kind: BreakKind, position: int, message: str) -> Break:
        return Break(kind, position, checked + 1, message)

    if row is None or row.position > link.position:
        return broken(
            "deleted",
            link.position,
            f"Sự kiện số {link.position} (mắt xích thứ {checked + 1}) đã bị xóa khỏi bảng sự kiện.",
        )
    if row.position < link.position:
        return broken(
            "inserted",
            row.position,
            f"Sự kiện số {row.position} không có mắt xích trong chuỗi (trước mắt xích thứ "
            f"{checked + 1}): bị chèn thêm sau khi chuỗi được lập, hoặc mắt xích của nó bị "
            "xóa.",
        )
    found = digest(row)
    if found != link.digest:
        elsewhere = connection.execute(
            sa.select(links.c.position).where(
                links.c.digest == found, links.c.position != link.position
            )
        ).first()
        if elsewhere is not None:
            return broken(
                "moved",
                row.position,
                f"Sự kiện số {row.position} (mắt xích thứ {checked + 1}) là sự kiện vốn ở vị "
                f"trí {elsewhere.position}: thứ tự các sự kiện đã bị đảo.",
            )
        return broken(
            "changed",
            row.position,
            f"Sự kiện số {row.position} (mắt xích thứ {checked + 1}, đối tượng "
            f"{row.originator_id}, phiên bản {row.version}) đã bị sửa: nội dung không còn "
            "khớp mã băm đã ghi.",
        )
    if next_link(previous, link.position, link.digest) != link.link:
        return broken(
            "link",
            link.position,
            f"Mắt xích thứ {checked + 1} (sự kiện số {link.position}) không nối tiếp mắt xích "
            "trước: bảng chuỗi băm đã bị sửa.",
        )
    return None


def recompute(connection: sa.Connection, events: EventTable, upto: int) -> tuple[int, str]:
    """How many rows there are up to `upto` and the link they chain to, from the event table
    alone: what a checkpoint is compared with, whatever the chain table says."""
    previous, count = GENESIS, 0
    for row in events.rows(connection, upto=upto):
        previous = next_link(previous, row.position, digest(row))
        count += 1
    return count, previous
