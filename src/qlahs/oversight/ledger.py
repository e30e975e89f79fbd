"""Verifying a store and making checkpoints, as the Engine's users ask for them: each goes
through the Engine's access check first."""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

import sqlalchemy as sa
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from qlahs.access.policy import Wish
from qlahs.audit.checkpoint import AuditError, Checkpoint, check_signature, sign
from qlahs.audit.key_rows import key_problems
from qlahs.audit.verify import Walk, recompute, walk
from qlahs.store.rows import EventTable

if TYPE_CHECKING:
    from qlahs.engine import Engine


@dataclass(frozen=True)
class Verification:
    walk: Walk
    checkpoint: Checkpoint | None
    checkpoint_problem: str | None  # None: no checkpoint given, or it holds
    seconds: float
    key_problems: tuple[str, ...] = ()  # the key table against the recorded erasures
    unreadable: str | None = None  # a row the projector cannot read (forged, broken)

    @property
    def intact(self) -> bool:
        return (
            self.walk.intact
            and self.checkpoint_problem is None
            and not self.key_problems
            and self.unreadable is None
        )


def _snapshot(engine: Engine) -> sa.Connection:
    """One consistent view of the events and the chain for the whole walk."""
    connection = engine.sql.connect()
    if engine.location.is_postgres:
        connection = connection.execution_options(isolation_level="REPEATABLE READ")
    return connection


def verify(
    engine: Engine,
    *,
    checkpoint: Checkpoint | None = None,
    key: Ed25519PublicKey | None = None,
) -> Verification:
    """Link what is not linked yet, then walk the whole chain; with a checkpoint, also prove
    from the event rows alone that nothing up to it changed."""
    engine.authorize(Wish("audit.verify", "kiểm tra chuỗi băm"))
    started = time.perf_counter()
    problem = None
    if checkpoint is not None:
        if key is None:
            raise AuditError("Cần khóa công khai của đơn vị để kiểm tra điểm kiểm tra.")
        check_signature(checkpoint, key)
    unreadable = None
    try:
        engine.projector.catch_up()
    except Exception:  # a row the library cannot read, not even through the quarantine
        unreadable = (
            f"Không đọc được nhật ký sự kiện sau sự kiện số {engine.projector.position()}: "
            "có hàng bị sửa hoặc chèn ngoài qlahs; bảng đọc dừng ở đó."
        )
    events = EventTable.of(engine.log, engine.location)
    with _snapshot(engine) as connection, connection.begin():
        found = walk(connection, events, linked_upto=engine.projector.position(connection))
        keys = tuple(key_problems(connection, events, engine.log))
        if checkpoint is not None:
            count, head = recompute(connection, events, checkpoint.position)
            if (count, head) != (checkpoint.count, checkpoint.head):
                problem = (
                    f"Các sự kiện đến số {checkpoint.position} không còn như khi {checkpoint.unit} "
                    f"ký điểm kiểm tra lúc {checkpoint.made_at} ({checkpoint.count} sự kiện, "
                    f"nay {count}): lịch sử trước điểm kiểm tra đã bị thay đổi."
                )
    seconds = time.perf_counter() - started
    return Verification(found, checkpoint, problem, seconds, keys, unreadable)


def make_checkpoint(engine: Engine, unit: str, key: Ed25519PrivateKey) -> Checkpoint:
    """Sign the head of an intact chain on behalf of `unit` (the user's own unit)."""
    engine.authorize(Wish("audit.sign", f"ký điểm kiểm tra của {unit}", unit))
    engine.projector.catch_up()
    events = EventTable.of(engine.log, engine.location)
    with _snapshot(engine) as connection, connection.begin():
        found = walk(connection, events, linked_upto=engine.projector.position(connection))
    if found.broken is not None:
        raise AuditError(f"Không ký điểm kiểm tra trên chuỗi đã hỏng: {found.broken.message}")
    unsigned = Checkpoint(
        unit=unit,
        position=found.head_position,
        count=found.checked,
        head=found.head_link,
        made_at=datetime.now(UTC).isoformat(timespec="seconds"),
        made_by=engine.actor.user if engine.actor else engine.default_actor,
        key_id="",
    )
    return sign(unsigned, key)
