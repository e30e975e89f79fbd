"""Setting aside what the projector cannot handle, so that nothing stops the readers.

A subject whose rows cannot be built keeps its earlier rows and gets an entry in
`qlahs_quarantine`; so does a row of the event table the library cannot even read (written
behind qlahs), which is skipped so that the rows after it are still projected. `qlahs audit
verify` lists the entries; an entry clears once its subject projects again.
"""

from __future__ import annotations

from itertools import islice
from uuid import UUID

import sqlalchemy as sa
from eventsourcing.persistence import Notification

from qlahs.kernel.errors import QlahsError
from qlahs.projections import tables as t
from qlahs.store import EventLog
from qlahs.store.rows import EventTable


def set_aside(
    connection: sa.Connection,
    key: str,
    ref: str | None,
    unit: str | None,
    position: int,
    error: Exception,
) -> None:
    said = str(error) if isinstance(error, QlahsError) else "lỗi khi dựng bảng đọc"
    _enter(
        connection,
        key,
        position,
        f"Không dựng được sổ, thời hạn của hồ sơ này: {said}",
        f"{type(error).__name__}: {error}"[:4000],
        ref,
        unit,
    )


def next_page(
    log: EventLog,
    events: EventTable | None,
    connection: sa.Connection,
    position: int,
    page: int,
) -> tuple[list[Notification], int]:
    """The next notifications after `position`, and the position they reach. When the library
    cannot read a row, the page is read as stored and that row is set aside."""
    try:
        found = log.recorder.select_notifications(
            start=position, limit=page, inclusive_of_start=False
        )
        return list(found), found[-1].id if found else position
    except Exception:
        if events is None:
            raise
    readable: list[Notification] = []
    last = position
    for row in islice(events.rows(connection, after=position), page):
        last = row.position
        try:
            if row.version < 1:
                raise ValueError(row.version)
            originator = UUID(row.originator_id)
        except ValueError:
            _enter(
                connection,
                f"hàng {row.position}",
                row.position,
                f"Hàng số {row.position} của nhật ký không đọc được: bị sửa hoặc chèn ngoài "
                "qlahs (qlahs audit verify chỉ ra chỗ hỏng).",
                "the row's originator id or version is not what eventsourcing writes",
            )
            continue
        readable.append(
            Notification(
                id=row.position,
                originator_id=originator,
                originator_version=row.version,
                topic=row.topic,
                state=row.state,
            )
        )
    return readable, last


def _enter(
    connection: sa.Connection,
    key: str,
    position: int,
    reason: str,
    detail: str,
    ref: str | None = None,
    unit: str | None = None,
) -> None:
    connection.execute(t.quarantine.delete().where(t.quarantine.c.subject_id == key))
    connection.execute(
        t.quarantine.insert().values(
            subject_id=key, position=position, ref=ref, unit=unit, reason=reason, detail=detail
        )
    )
