"""The event log as known at a recorded time: every act of the counted subjects (the stages
with statistics: reports, cases…) and of the units that was recorded at or before that moment.

A report reads most subjects from the facts the projector keeps (stored.py) and replays
from here only those recorded after its moment, so that a report made today and the same
report recomputed later "as known at" today's moment read exactly the same acts
(ARCHITECTURE principle 2). Tests and previews replay everything from here.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, timezone
from typing import TYPE_CHECKING
from uuid import UUID

from eventsourcing.utils import get_topic, resolve_topic

from qlahs.domain.organisation_unit import OrganisationUnit
from qlahs.kernel.dates import parse_vn_day, parse_vn_moment
from qlahs.kernel.errors import QlahsError
from qlahs.kernel.subject import Act, Subject
from qlahs.stats.stocks import counted_subjects
from qlahs.store.rows import EventTable

if TYPE_CHECKING:
    from qlahs.engine import Engine

# Vietnam keeps UTC+7 all year: people give and read recorded times in it.
VIETNAM = timezone(timedelta(hours=7))
PAGE = 10_000


@dataclass
class Snapshot:
    """Acts by subject (each list in recorded order), as known at `known_at`."""

    known_at: datetime
    position: int  # the last notification the read could see
    subjects: dict[UUID, list[Act]] = field(default_factory=dict)
    _kept: dict[UUID, int] = field(default_factory=dict)  # the last version kept of each

    def add(self, event: Act | Subject.PersonalDataErased) -> None:
        """Keep `event` if it was recorded by `known_at` and follows the subject's last kept
        event: a subject is known up to its first event recorded later (clocks of two writers
        may differ by a little; a gap would make its replay wrong). An erasure is followed,
        not kept: the acts after it still count."""
        sid = event.originator_id
        follows = event.originator_version == self._kept.get(sid, 0) + 1
        if event.timestamp > self.known_at or not follows:
            return
        self._kept[sid] = event.originator_version
        if isinstance(event, Act):
            self.subjects.setdefault(sid, []).append(event)

    def of_kind(self, kind: type[Subject]) -> list[list[Act]]:
        """The acts of every subject of one kind (its first act names the aggregate)."""
        return [
            acts
            for acts in self.subjects.values()
            if resolve_topic(getattr(acts[0], "originator_topic", "")) is kind
        ]

    @property
    def day(self) -> date:
        """The legal day it was in Vietnam at `known_at`."""
        return self.known_at.astimezone(VIETNAM).date()


def read(engine: Engine, known_at: datetime | None = None) -> Snapshot:
    """Replay the log's acts of counted subjects and units recorded up to `known_at` (now when
    not given); the moment is fixed before reading, so acts saved meanwhile are left out."""
    snapshot = _moment(engine, known_at)
    _fill(engine, snapshot, (*counted_subjects(), OrganisationUnit))
    return snapshot


def units(engine: Engine, known_at: datetime | None = None) -> Snapshot:
    """The units' acts recorded up to `known_at` (now when not given); the snapshot's position
    is the log's last notification when it was taken."""
    snapshot = _moment(engine, known_at)
    _fill(engine, snapshot, (OrganisationUnit,))
    return snapshot


def stream(
    engine: Engine, known_at: datetime | None = None
) -> tuple[Snapshot, Iterator[list[Act]]]:
    """The units' acts recorded up to `known_at`, as a snapshot, and the counted subjects'
    acts one subject at a time (in subject order, not the log's), kept by the rule of
    `Snapshot.add`: a report of the nation then holds one subject, not the year."""
    units = _moment(engine, known_at)
    _fill(engine, units, (OrganisationUnit,))
    return units, _subjects(engine, units.known_at, units.position)


def _moment(engine: Engine, known_at: datetime | None) -> Snapshot:
    return Snapshot(known_at or datetime.now(UTC), engine.log.recorder.max_notification_id() or 0)


def _fill(engine: Engine, snapshot: Snapshot, kinds: Iterable[type[Subject]]) -> None:
    topics = sorted(act_topics(kinds))
    start = 0
    while start < snapshot.position:
        page = engine.log.recorder.select_notifications(
            start=start, limit=PAGE, stop=snapshot.position, topics=topics, inclusive_of_start=False
        )
        if not page:
            break
        for notification in page:
            event = engine.log.mapper.to_domain_event(notification)
            if isinstance(event, Act | Subject.PersonalDataErased):
                snapshot.add(event)
        start = page[-1].id


def _subjects(engine: Engine, moment: datetime, position: int) -> Iterator[list[Act]]:
    table = EventTable.of(engine.log, engine.location)
    topics = sorted(act_topics(counted_subjects()))
    one = Snapshot(moment, position)
    current: str | None = None
    with engine.sql.connect() as connection:
        for row in table.by_subject(connection, topics, position):
            if row.originator_id != current:
                yield from one.subjects.values()
                one.subjects.clear()
                one._kept.clear()
                current = row.originator_id
            event = engine.log.mapper.to_domain_event(row.notification())
            if isinstance(event, Act | Subject.PersonalDataErased):
                one.add(event)
    yield from one.subjects.values()


def from_acts(acts: Iterable[Act], known_at: datetime) -> Snapshot:
    """A snapshot of acts held in memory (tests, previews)."""
    snapshot = Snapshot(known_at, 0)
    for act in sorted(acts, key=lambda a: (a.timestamp, a.originator_version)):
        snapshot.add(act)
    return snapshot


def act_topics(kinds: Iterable[type[Subject]]) -> set[str]:
    """The stored topics of every act class of the given subjects, and of their erasures."""
    topics = {get_topic(Subject.PersonalDataErased)}  # as erasures are recorded
    for kind in kinds:
        topics.add(get_topic(kind.PersonalDataErased))
        for value in vars(kind).values():
            if isinstance(value, type) and issubclass(value, Act):
                topics.add(get_topic(value))
    return topics


def parse_moment(text: str) -> datetime:
    """A recorded time from `--known-at`: `HH:MM dd/mm/yyyy` or an ISO date-time (Vietnam time
    unless it names its offset), or a date, meaning the end of that day in Vietnam."""
    text = text.strip()
    try:
        if len(text) == 10 or ("/" in text and " " not in text):
            day = parse_vn_day(text)
            return datetime.combine(day, time.max, VIETNAM)
        moment = parse_vn_moment(text)
    except ValueError:
        raise QlahsError(
            f"Thời điểm {text!r} không hợp lệ: dùng dd/mm/yyyy hoặc HH:MM dd/mm/yyyy "
            "(giờ Việt Nam nếu không ghi múi giờ)."
        ) from None
    return moment if moment.tzinfo else moment.replace(tzinfo=VIETNAM)


def spell_moment(moment: datetime) -> str:
    """The moment as `--known-at` takes it back, exactly (Vietnam time, microseconds)."""
    return moment.astimezone(VIETNAM).isoformat()
