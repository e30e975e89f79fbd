"""The projection split into parts that several processes run at once.

Each subject belongs to one part (its id modulo the number of parts) and each part has its own
position in `qlahs_tracking`, locked while the part projects a page: workers on different parts
never wait for each other, and two processes on one part still take turns. Part 0 keeps the
name of the single projection (`qlahs`) and also runs the followers (hash chain, access
tables), which need every event in order; with one part nothing differs from a projection
that was never split. The number of parts is a row of its own, read in the same transaction as
a part's position, so a worker that finds it changed stops and its caller starts again.
"""

from __future__ import annotations

from collections.abc import Callable
from uuid import UUID

import sqlalchemy as sa

from qlahs.kernel.errors import QlahsError
from qlahs.projections import tables as t

NAME = "qlahs"
PARTS_KEY = "parts"
MOST_PARTS = 64


def name_of(part: int) -> str:
    return NAME if part == 0 else f"{NAME}/{part}"


def part_of(subject: UUID | str, parts: int) -> int:
    return (subject if isinstance(subject, UUID) else UUID(subject)).int % parts


def count(connection: sa.Connection) -> int:
    found = connection.execute(
        sa.select(t.tracking.c.position).where(t.tracking.c.name == PARTS_KEY)
    ).scalar()
    return int(found) if found else 1


def positions(connection: sa.Connection) -> dict[int, int]:
    """Every part's position, by part."""
    return read(connection)[1]


def read(connection: sa.Connection) -> tuple[int, dict[int, int]]:
    """How many parts there are and where each is, in one statement: every query asks it."""
    rows = dict(
        connection.execute(
            sa.select(t.tracking.c.name, t.tracking.c.position).where(
                sa.or_(
                    t.tracking.c.name.in_([NAME, PARTS_KEY]),
                    t.tracking.c.name.like(f"{NAME}/%"),
                )
            )
        ).all()
    )
    parts = int(rows.get(PARTS_KEY) or 1)
    found = {part: rows.get(name_of(part)) for part in range(parts)}
    return parts, {part: int(at) for part, at in found.items() if at is not None}


def lock(connection: sa.Connection, part: int) -> int | None:
    """Lock the part's position and read it; None when the part no longer exists."""
    row = t.tracking.c.name == name_of(part)
    connection.execute(t.tracking.update().where(row).values(position=t.tracking.c.position))
    found = connection.execute(sa.select(t.tracking.c.position).where(row)).scalar()
    return None if found is None else int(found)


def advance(connection: sa.Connection, part: int, position: int) -> None:
    connection.execute(
        t.tracking.update().where(t.tracking.c.name == name_of(part)).values(position=position)
    )


def lock_all(connection: sa.Connection) -> dict[int, int]:
    """Lock every part's position, in order (two callers cannot deadlock), and read them."""
    found: dict[int, int] = {}
    for part in range(count(connection)):
        position = lock(connection, part)
        if position is not None:
            found[part] = position
    return found


def split(connection: sa.Connection, parts: int, position: int) -> None:
    """Make `parts` parts, all at `position`; the caller holds every old part's lock and has
    checked that everything before `position` is projected in every part."""
    connection.execute(t.tracking.delete().where(t.tracking.c.name.like(f"{NAME}/%")))
    advance(connection, 0, position)
    if parts > 1:
        connection.execute(
            t.tracking.insert(),
            [{"name": name_of(part), "position": position} for part in range(1, parts)],
        )
    connection.execute(t.tracking.delete().where(t.tracking.c.name == PARTS_KEY))
    if parts > 1:
        connection.execute(t.tracking.insert().values(name=PARTS_KEY, position=parts))


def split_when_settled(engine: sa.Engine, parts: int, catch_up: Callable[[], int]) -> None:
    """Split into `parts` once every part has projected the same events: catch up, then lock
    them all and check; a log written to in between makes it try again."""
    if not 1 <= parts <= MOST_PARTS:
        raise QlahsError(f"Số phần của bảng đọc phải từ 1 đến {MOST_PARTS}.")
    for _ in range(20):
        catch_up()
        with engine.begin() as connection:
            held = lock_all(connection)
            if len(set(held.values())) == 1:
                split(connection, parts, next(iter(held.values())))
                return
    raise QlahsError(
        "Nhật ký đang được ghi liên tục nên chưa chia được bảng đọc thành nhiều phần; "
        "thử lại khi ít lệnh hơn."
    )
