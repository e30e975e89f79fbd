"""The audit trail of one record: every event with its legal date, the time it was recorded,
who recorded it for which unit, and what it changed; as known at any recorded time.

A back-dated entry is one whose legal date is earlier than the legal date of an event recorded
before it: it is shown, and marked, never hidden (ARCHITECTURE principle 2).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa

from qlahs.access.records import record_access_id
from qlahs.engine import gate
from qlahs.kernel.errors import CommandRejected, SubjectNotFound
from qlahs.kernel.subject import Act, day_of, subject_id
from qlahs.stages.document.stage import document_book

if TYPE_CHECKING:
    from qlahs.engine import Engine

# What every event carries and the trail shows in its own columns.
_BOOKKEEPING = {
    "originator_id",
    "originator_version",
    "timestamp",
    "originator_topic",
    "on",
    "actor",
    "unit",
    "actor_unit",
    "command_id",
}


@dataclass(frozen=True)
class Entry:
    version: int
    about: str  # "hồ sơ" (the record's own acts) or "truy cập" (its confidentiality)
    event: str  # the event's name
    on: date | None  # legal date; None for events that are not legal acts
    recorded_at: datetime
    actor: str
    unit: str
    changes: dict[str, Any]
    back_dated: bool

    def to_json(self) -> dict[str, Any]:
        return {
            "version": self.version,
            "about": self.about,
            "event": self.event,
            "on": self.on.isoformat() if self.on else None,
            "recorded_at": self.recorded_at.isoformat(),
            "actor": self.actor,
            "unit": self.unit,
            "changes": {key: _plain(value) for key, value in self.changes.items()},
            "back_dated": self.back_dated,
        }


def kind_of(engine: Engine, ref: str) -> str:
    """The kind of the one record named `ref`; refuses an unknown or ambiguous reference."""
    kinds = [
        kind
        for kind in engine.registry.subjects
        if engine.log.recorder.select_events(subject_id(kind, ref), limit=1)
    ]
    if not kinds:
        raise SubjectNotFound(f"Không tìm thấy hồ sơ nào có số hiệu {ref}.")
    if len(kinds) > 1:
        raise CommandRejected(
            f"Số hiệu {ref} là của nhiều loại hồ sơ ({', '.join(kinds)}): cần tham số --kind."
        )
    return kinds[0]


def history(
    engine: Engine, ref: str, *, kind: str | None = None, known_at: datetime | None = None
) -> list[Entry]:
    """Every event of the record, in the order it was recorded; with `known_at`, only those
    recorded by then: what the system knew at that moment."""
    kind = kind or kind_of(engine, ref)
    engine.projector.forget_erased()  # an erasure by another process shows at once
    engine.authorize(gate.subject_wish(engine, kind, ref, "read.audit", f"xem lịch sử {ref}"))
    events = list(engine.log.events.get(subject_id(kind, ref)))
    if not events:
        raise SubjectNotFound(f"Không tìm thấy {engine.registry.noun(kind)} {ref}.")
    entries = _acts(engine, kind, events) + _access(
        list(engine.log.events.get(record_access_id(kind, ref)))
    )
    entries += _documents(engine, kind, ref)
    entries.sort(key=lambda e: (e.recorded_at, e.about != "hồ sơ", e.version))
    if known_at is not None:
        entries = [e for e in entries if e.recorded_at <= known_at]
    return entries


def _documents(engine: Engine, kind: str, ref: str) -> list[Entry]:
    """The documents issued from the record (drafted and numbered), each as the event that
    recorded it, so that the record's history shows what was sent out and under which number."""
    engine.catch_up()
    t = document_book
    with engine.sql.connect() as connection:
        refs = connection.scalars(
            sa.select(t.c.ref).where(t.c.about_kind == kind, t.c.about_ref == ref)
        ).all()
    entries = []
    for document in refs:
        events: list[Any] = list(engine.log.events.get(subject_id("document", document)))
        for event in events:
            name = (
                f"Ban hành văn bản {event.symbol}"
                if hasattr(event, "symbol")
                else "Thu hồi văn bản"
            )
            entries.append(
                Entry(
                    version=event.originator_version,
                    about="văn bản",
                    event=name,
                    on=event.on,
                    recorded_at=event.timestamp,
                    actor=str(getattr(event, "actor", "")),
                    unit=str(getattr(event, "unit", "")),
                    changes=_fields(event),
                    back_dated=False,
                )
            )
    return entries


def _acts(engine: Engine, kind: str, events: list[Any]) -> list[Entry]:
    entries = []
    subject: Any = None
    latest: date | None = None
    for event in events:
        before = getattr(subject, "stage", None)
        subject = event.mutate(subject)
        changes = _fields(event)
        after = getattr(subject, "stage", None)
        if after != before:
            names = getattr(subject, "stage_names", {})
            now = names.get(after, after)
            changes["stage"] = f"{names.get(before, before)} → {now}" if before else now
        on = day_of(event.on) if isinstance(event, Act) else None
        entries.append(
            Entry(
                version=event.originator_version,
                about="hồ sơ",
                event=engine.registry.act_title(kind, event),
                on=event.on if isinstance(event, Act) else None,
                recorded_at=event.timestamp,
                actor=str(getattr(event, "actor", "")),
                unit=str(getattr(event, "unit", "")),
                changes=changes,
                back_dated=on is not None and latest is not None and on < latest,
            )
        )
        if on is not None and (latest is None or on > latest):
            latest = on
    return entries


_ACCESS_NAMES = {
    "Classified": "Xác định độ mật của hồ sơ",
    "Assigned": "Giao người được xem hồ sơ",
    "Unassigned": "Thôi giao người được xem hồ sơ",
}


def _access(events: list[Any]) -> list[Entry]:
    return [
        Entry(
            version=event.originator_version,
            about="truy cập",
            event=_ACCESS_NAMES.get(type(event).__name__, "Thay đổi quyền truy cập"),
            on=None,
            recorded_at=event.timestamp,
            actor=str(getattr(event, "actor", "")),
            unit=str(getattr(event, "actor_unit", "")),
            changes=_fields(event),
            back_dated=False,
        )
        for event in events
        if getattr(event, "actor", None) is not None  # `Opened` only names the record
    ]


def _fields(event: Any) -> dict[str, Any]:
    return {
        key: value
        for key, value in vars(event).items()
        if key not in _BOOKKEEPING and value not in (None, "", [], {})
    }


def _plain(value: Any) -> Any:
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return value if isinstance(value, str | int | float | bool) or value is None else str(value)
