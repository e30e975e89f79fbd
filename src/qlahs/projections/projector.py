"""Keeps the read-model tables up to date with the event log, exactly once.

One pull loop works on SQLite and PostgreSQL alike: read notifications after the tracked
position, bring the rows of every subject they touch up to date (subject_rows.py: each
subject's rules resume from their kept fold), and move the position forward in the
same transaction. The tracking row is locked first, so two processes never apply the same
events twice.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import Any
from uuid import UUID

import sqlalchemy as sa

from qlahs.kernel.errors import QlahsError
from qlahs.kernel.subject import Act, Subject
from qlahs.law.calendar import Calendar
from qlahs.law.rulebook import RuleBook
from qlahs.projections import bulk, parts
from qlahs.projections import tables as t
from qlahs.projections.deadline_rows import DeadlineWrites
from qlahs.projections.follower import Follower
from qlahs.projections.quarantine import next_page, set_aside
from qlahs.projections.subject_rows import SubjectRows, SubjectState
from qlahs.stages.registry import Registry
from qlahs.store import EventLog
from qlahs.store.rows import EventTable

NAME = parts.NAME
# A rebuild reads bigger pages: a subject is rewritten once per page it appears in.
REBUILD_PAGE = 10_000
SCHEMA_KEY = "schema-version"
PAGE = 1000
# A rebuild of 5% of a national year (17,000 subjects) peaked at 1,214 MB with 20,000 kept in
# memory, 503 MB with 5,000, in the same time: a subject's acts, fold and book rows weigh ~60 KB.
CACHE_SUBJECTS = 5_000

Progress = Callable[[int, int], None]  # (processed, total)


class Projector:
    def __init__(
        self,
        log: EventLog,
        engine: sa.Engine,
        registry: Registry,
        rulebook: RuleBook,
        calendar: Calendar,
        followers: Sequence[Follower] = (),
        events: EventTable | None = None,
    ):
        self.log, self.engine, self.registry = log, engine, registry
        self.events = events  # the table as stored, to read past a row the library cannot
        self.followers = tuple(followers)
        self.rulebook, self.calendar = rulebook, calendar
        self._cache: OrderedDict[UUID, SubjectState] = OrderedDict()
        self.tables = t.CORE + registry.tables
        # cleared and written again for each touched subject; the judged ones change in place
        self.rewritten = tuple(table for table in self.tables if table not in t.JUDGED)
        self.subjects = SubjectRows(log, registry, rulebook, calendar)
        # the tables were made afresh on open: the first catch-up is a rebuild, whose
        # statistics the planner needs at once (as after `rebuild`)
        self.rebuilt = False

    # -- setup ------------------------------------------------------------------------------

    def create_tables(self) -> None:
        """Create the read models; when their shape changed since they were built, drop them
        and build them again from the log (they hold nothing the log does not)."""
        inspector = sa.inspect(self.engine)
        made = not inspector.has_table(t.tracking.name)
        if not made:
            with self.engine.connect() as connection:
                version = connection.execute(
                    sa.select(t.tracking.c.position).where(t.tracking.c.name == SCHEMA_KEY)
                ).scalar()
            if version != t.SCHEMA_VERSION:
                t.metadata.drop_all(self.engine)
                self.rebuilt = made = True
        t.metadata.create_all(self.engine)
        if made:
            bulk.tune(self.engine, self.tables)
        for index in t.LATE_INDEXES:  # added since some stores were made: no rebuild needed
            index.create(self.engine, checkfirst=True)
        for follower in self.followers:
            follower.create(self.engine)
        with self.engine.begin() as connection:
            exists = connection.execute(
                sa.select(t.tracking.c.position).where(t.tracking.c.name == NAME)
            ).first()
            if exists is None:
                connection.execute(
                    t.tracking.insert(),
                    [
                        {"name": NAME, "position": 0},
                        {"name": SCHEMA_KEY, "position": t.SCHEMA_VERSION},
                    ],
                )

    def position(self, connection: sa.Connection | None = None) -> int:
        """How far the projector has gone (read in `connection`'s snapshot when given)."""
        if connection is None:
            with self.engine.connect() as own:
                return self.position(own)
        query = sa.select(t.tracking.c.position).where(t.tracking.c.name == NAME)
        return int(connection.execute(query).scalar_one())

    def rebuild(self, progress: Progress | None = None, *, run: bool = True) -> int:
        """Forget every row and build them again from the first event (in this process, or,
        with `run` False, left to the workers of each part)."""
        with self.engine.begin() as connection:
            for follower in self.followers:
                why = follower.refuse_rebuild(connection, self.position(connection))
                if why is not None:
                    raise QlahsError(why)
            held = parts.lock_all(connection)
            kept = tuple(table for follower in self.followers for table in follower.tables)
            for table in self.tables + kept:
                connection.execute(table.delete())
            for part in held:
                parts.advance(connection, part, 0)
        self._cache.clear()
        if not run:
            return 0  # the workers project, and refresh the statistics when done
        applied = self.catch_up(progress, page=REBUILD_PAGE)
        bulk.analyze(self.engine, self.tables)
        return applied

    def split_into(self, count: int) -> None:
        """Run the projection as `count` parts from now on (1: not split)."""
        parts.split_when_settled(self.engine, count, self.catch_up)

    # -- the pull loop ----------------------------------------------------------------------

    def forget(self) -> None:
        """Forget every subject kept in memory: the next events read them back, with their
        kept rules, as a process that never saw them does."""
        self._cache.clear()

    def forget_erased(self) -> None:
        """Forget the decoded acts of subjects erased by any process since the last call."""
        for subject in self.log.forget_erased():
            self._cache.pop(subject, None)

    def catch_up(
        self, progress: Progress | None = None, page: int = PAGE, part: int | None = None
    ) -> int:
        """Apply every event not yet projected (in every part, or only in `part`); return how
        many positions the parts moved forward."""
        try:
            return self._catch_up(progress, page, part)
        except BaseException:
            # What is kept in memory of the subjects (their rows as written, the rows still
            # to write) may be ahead of a page whose transaction rolled back: read them again.
            self._cache.clear()
            raise

    def lowest(self) -> int:
        """The position every part has reached: the log is projected up to there."""
        with self.engine.connect() as connection:
            return min(parts.positions(connection).values())

    def _catch_up(self, progress: Progress | None, page: int, part: int | None) -> int:
        self.forget_erased()
        # Nothing recorded since the last catch-up (read in that order): answer without the
        # tracking rows' locks, so that readers of a quiet store neither write nor queue.
        last = self.log.recorder.max_notification_id() or 0
        with self.engine.connect() as connection:
            count, at = parts.read(connection)
        behind = {k: p for k, p in at.items() if p < last and part in (None, k)}
        total = sum(last - p for p in behind.values())
        applied = 0
        for k in behind:
            applied += self._catch_up_part(k, count, page, progress, applied, total)
        if self.rebuilt and applied:
            self.rebuilt = False
            bulk.analyze(self.engine, self.tables)
        return applied

    def _catch_up_part(
        self, part: int, count: int, page: int, progress: Progress | None, done: int, total: int
    ) -> int:
        applied = 0
        while True:
            with self.engine.begin() as connection:
                # Lock the part's row: a second process waits here instead of double-applying.
                position = parts.lock(connection, part)
                if position is None or parts.count(connection) != count:
                    return applied  # split again meanwhile: the caller starts afresh
                notifications, last = next_page(self.log, self.events, connection, position, page)
                if last == position:
                    return applied
                follows = part == 0 and bool(self.followers)
                # Another part's notifications are not even decoded.
                own = [
                    count == 1 or parts.part_of(n.originator_id, count) == part
                    for n in notifications
                ]
                read = [n for n, mine in zip(notifications, own, strict=True) if mine or follows]
                self.log.preload_keys({UUID(str(n.originator_id)) for n in read})
                touched: dict[UUID, None] = {}
                events: list[object] = []
                for notification, mine in zip(notifications, own, strict=True):
                    if not (mine or follows):
                        continue
                    try:
                        event = self.log.mapper.to_domain_event(notification)
                    except Exception as error:  # altered behind qlahs: set aside, go on
                        if mine:
                            self._quarantine(
                                connection, notification.originator_id, notification, error
                            )
                        continue
                    events.append(event)
                    if not mine:
                        continue
                    if isinstance(event, Subject.PersonalDataErased):
                        # The acts cached before it still hold the personal data: read them
                        # again (now with placeholders) and rebuild the subject's rows.
                        self._cache.pop(event.originator_id, None)
                    if isinstance(event, Act | Subject.PersonalDataErased):
                        touched[event.originator_id] = None
                        try:
                            self._add(connection, event, notification.id)
                        except Exception as error:
                            self._quarantine(connection, event.originator_id, event, error)
                self._write(connection, touched)
                if follows:
                    for follower in self.followers:
                        follower.follow(connection, position, notifications, events)
                parts.advance(connection, part, last)
            applied += last - position
            if progress is not None:
                progress(done + applied, max(total, done + applied))

    def _add(
        self, connection: sa.Connection, act: Act | Subject.PersonalDataErased, position: int
    ) -> None:
        state = self._cache.get(act.originator_id)
        if state is not None and state.subject.version != act.originator_version - 1:
            state = None  # another process projected events we have not seen: reload
        if state is None:
            state = self.subjects.load(connection, act)
        self.subjects.add(state, act, position)
        self._cache[act.originator_id] = state
        self._cache.move_to_end(act.originator_id)
        while len(self._cache) > CACHE_SUBJECTS:
            self._cache.popitem(last=False)

    def _write(self, connection: sa.Connection, touched: dict[UUID, None]) -> None:
        """Write the rows of each touched subject; a subject whose rows cannot be built keeps
        its earlier rows and goes to quarantine, so that no event can stop the readers."""
        rows: dict[sa.Table, list[dict[str, Any]]] = {table: [] for table in self.rewritten}
        cleared: dict[sa.Table, list[str]] = {table: [] for table in self.rewritten}
        replaced: dict[tuple[sa.Table, str], list[dict[str, Any]]] = {}
        judged = DeadlineWrites()
        for subject_id in touched:
            state = self._cache.get(subject_id)
            if state is None:  # its events could not be read: quarantined by `_add`
                continue
            try:
                subject_rows = self.subjects.rows(str(subject_id), state)
                self.subjects.judge(str(subject_id), state, judged)
            except Exception as error:  # whatever it is, the other subjects and readers go on
                self._quarantine(connection, subject_id, state.acts[-1], error)
                continue
            for table in self.rewritten:
                if table not in subject_rows.appended:
                    cleared[table].append(str(subject_id))
            for table, table_rows in subject_rows.rows.items():
                rows.setdefault(table, []).extend(table_rows)
            for table, key in subject_rows.replaced.items():
                keys = [{"s": str(subject_id), "k": row[key]} for row in subject_rows.rows[table]]
                replaced.setdefault((table, key), []).extend(keys)
        for table, subjects in cleared.items():
            if subjects:
                connection.execute(table.delete().where(table.c.subject_id.in_(subjects)))
        for (table, key), keys in replaced.items():
            if keys:
                same = (table.c.subject_id == sa.bindparam("s"), table.c[key] == sa.bindparam("k"))
                connection.execute(table.delete().where(*same), keys)
        for table, table_rows in rows.items():
            bulk.insert(connection, table, table_rows)
        judged.write(connection)

    def _quarantine(
        self, connection: sa.Connection, subject_id: UUID | str, event: Any, error: Exception
    ) -> None:
        state = self._cache.pop(UUID(str(subject_id)), None)  # read it again next time
        ref, unit = getattr(event, "ref", None), getattr(event, "unit", None)
        if state is not None and state.subject is not None:
            ref, unit = state.subject.ref, state.subject.unit
        version = getattr(event, "originator_version", 0)
        set_aside(connection, str(subject_id), ref, unit, version, error)
