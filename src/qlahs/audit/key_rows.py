"""The key table checked against the log: every record whose events hold sealed personal data
has its key row, and a key is destroyed exactly when an erasure was recorded.

Deleting a key row, or blanking its key, would erase a record's personal data with no event
and no trace; the hash chain cannot see it (the keys live apart from the events, docs/
security.md §5). So `audit verify` compares the two: the events are read as stored, opened with
the store cipher only (no record key is needed to see that a sealed box is there).
"""

from __future__ import annotations

from uuid import UUID

import sqlalchemy as sa

from qlahs.privacy.keys import subject_keys
from qlahs.privacy.sealing import SEALED
from qlahs.store import EventLog
from qlahs.store.rows import EventTable

ERASED = ".PersonalDataErased"  # the end of an erasure event's topic, whatever its subject


def key_problems(connection: sa.Connection, events: EventTable, log: EventLog) -> list[str]:
    """Every disagreement between the key table and the log, in Vietnamese, or none. The
    events are read as stored (any row, even a forged one, never stops the check)."""
    sealed: set[UUID] = set()
    erased: set[UUID] = set()
    for row in events.rows(connection):
        try:
            subject = UUID(row.originator_id)
        except ValueError:  # a forged row: the chain's walk reports it
            continue
        if row.topic.endswith(ERASED):
            erased.add(subject)
        elif _is_sealed(log, row.state):
            sealed.add(subject)
    if log.keys is None:
        return []
    with log.keys.engine.connect() as connection:
        rows = {
            UUID(hex=row.subject_id): row.key is None
            for row in connection.execute(sa.select(subject_keys.c.subject_id, subject_keys.c.key))
        }
    problems = [
        f"Hồ sơ {subject} có dữ liệu cá nhân được niêm phong nhưng khóa riêng của nó không còn "
        "trong bảng khóa, và không có sự kiện xóa dữ liệu cá nhân nào: khóa đã bị xóa ngoài qlahs."
        for subject in sorted(sealed - rows.keys(), key=str)
    ]
    problems += [
        f"Khóa riêng của hồ sơ {subject} đã bị hủy mà không có sự kiện xóa dữ liệu cá nhân nào "
        "được ghi: dữ liệu cá nhân bị xóa không để lại dấu vết."
        for subject, destroyed in sorted(rows.items(), key=lambda item: str(item[0]))
        if destroyed and subject not in erased
    ]
    problems += [
        f"Hồ sơ {subject} có sự kiện xóa dữ liệu cá nhân nhưng khóa riêng của nó vẫn còn."
        for subject in sorted(erased, key=str)
        if rows.get(subject) is False
    ]
    return problems


def _is_sealed(log: EventLog, state: bytes) -> bool:
    data = state
    mapper = log.mapper
    try:
        if mapper.cipher is not None:
            data = mapper.cipher.decrypt(data)
        if mapper.compressor is not None:
            data = mapper.compressor.decompress(data)
    except Exception:  # a changed row no longer opens: the chain's walk reports it
        return False
    return f'"{SEALED}"'.encode() in data
