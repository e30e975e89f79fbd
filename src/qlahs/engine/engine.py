"""The Engine: open a store by URL, execute commands, answer questions.

with Engine.open("sqlite:///qlahs.db") as engine:
    engine.execute({"do": "report.receive", "ref": "TB1", "on": "2025-03-03",
                    "with": {"source": "tin_bao", "received_by": "CQDT"}})
    engine.violations(as_of=date(2025, 3, 25))
"""

from __future__ import annotations

import contextlib
import random
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from datetime import date
from types import TracebackType
from typing import Any
from uuid import UUID

import sqlalchemy as sa
from eventsourcing.application import AggregateNotFoundError
from eventsourcing.domain import Aggregate
from eventsourcing.persistence import IntegrityError

from qlahs.access.actor import AccessDenied, Actor
from qlahs.access.policy import Grant, Wish
from qlahs.access.projection import AccessTables
from qlahs.audit.chain import Chain
from qlahs.audit.rows import EventTable
from qlahs.engine import gate
from qlahs.engine.command_log import CommandLog
from qlahs.kernel.bounds import NAME_LIMIT, bad_text
from qlahs.kernel.errors import (
    ConcurrencyError,
    InvalidCommand,
    SubjectExists,
    SubjectNotFound,
)
from qlahs.kernel.subject import Act, Subject, day_of, subject_id
from qlahs.law.calendar import Calendar, fmt
from qlahs.law.deadlines import Deadline, Judgement, Violation, judge, versions
from qlahs.law.rulebook import RuleBook
from qlahs.privacy.keys import KeyRing
from qlahs.projections import queries
from qlahs.projections.projector import Progress, Projector
from qlahs.stages.commands import Command, Recorded
from qlahs.stages.registry import Registry, registry
from qlahs.store import (
    DEFAULT_URL,
    EventLog,
    Location,
    locate,
    open_event_log,
    setup_lock,
    store_key,
)

RETRIES = 25


@dataclass
class Engine:
    """The embeddable engine. Use `Engine.open(url)` as a context manager."""

    location: Location
    log: EventLog
    sql: sa.Engine
    projector: Projector
    registry: Registry
    rulebook: RuleBook
    calendar: Calendar
    default_unit: str = "VKS"
    default_actor: str = "qlahs"
    # None: the system itself, never checked; otherwise every command and query is checked
    # against this user (docs/security.md)
    actor: Actor | None = None
    owns_store: bool = True  # False for the views `as_user` returns

    # -- lifecycle --------------------------------------------------------------------------

    @classmethod
    def open(
        cls,
        url: str = DEFAULT_URL,
        *,
        rulebook: RuleBook | None = None,
        calendar: Calendar | None = None,
        default_unit: str = "VKS",
        default_actor: str = "qlahs",
        actor: Actor | str | None = None,
    ) -> Engine:
        """`actor`: the user every command and query is checked against (an Actor as a service
        authenticated it, or a login of the user directory); None is the system itself."""
        location = locate(url)
        stages = registry()
        rulebook = rulebook or stages.rulebook
        calendar = calendar or Calendar.default()
        with setup_lock(location):
            sql = location.sql_engine()
            # The subjects' keys first: opening the log decodes an event, maybe sealed.
            keys = KeyRing(location.keys_engine(), store_key(location))
            try:
                keys.create_table()
                log = open_event_log(location, keys)
            except BaseException:
                keys.close()
                sql.dispose()
                raise
            followers = (Chain(EventTable.of(log, location)), AccessTables())
            projector = Projector(log, sql, stages, rulebook, calendar, followers)
            projector.create_tables()
        engine = cls(
            location, log, sql, projector, stages, rulebook, calendar, default_unit, default_actor
        )
        if actor is None:
            return engine
        try:
            return replace(engine.as_user(actor), owns_store=True)
        except BaseException:
            engine.close()
            raise

    def as_user(self, user: Actor | str) -> Engine:
        """A view of this engine acting for `user` (a login or an Actor): it shares the store,
        and closing it leaves the store open."""
        actor = gate.resolve(self, user)
        return replace(
            self,
            actor=actor,
            default_unit=actor.unit,
            default_actor=actor.user,
            owns_store=False,
        )

    def authorize(self, wish: Wish) -> Grant:
        """The one access check (access/policy.py): what the wish may see, or AccessDenied,
        recorded as an event first. Every public method of the Engine asks it."""
        return gate.allow(self, wish)

    def readable(
        self, what: str, rows: list[dict[str, Any]], unit: str | None = None
    ) -> list[dict[str, Any]]:
        """Rows of a book or a search (each with `unit` and `ref`) that the actor may read,
        after the access check for `unit` (None: every unit the actor reaches)."""
        grant = self.authorize(Wish("read.records", what, unit))
        return [row for row in rows if grant.shows(str(row["unit"]), str(row["ref"]))]

    def readable_units(self, what: str, unit: str | None = None) -> frozenset[str] | None:
        """The units whose records the actor may read (None: every unit), after the check."""
        return self.authorize(Wish("read.records", what, unit)).units

    def refuse(self, wish: Wish, reason: str) -> None:
        """Refuse a wish the policy alone cannot judge (a national report for a unit's
        user): recorded like every refusal, then raised."""
        if self.actor is None:
            return
        gate.note_refusal(self, self.actor.user, self.actor.unit, wish, reason)
        raise AccessDenied(reason)

    def _system(self) -> Engine:
        """The engine as the system, for lookups an act makes on its own behalf."""
        return self if self.actor is None else replace(self, actor=None, owns_store=False)

    def close(self) -> None:
        if not self.owns_store:
            return
        self.log.close()
        self.sql.dispose()
        self.location.cleanup()

    def __enter__(self) -> Engine:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # -- commands ---------------------------------------------------------------------------

    def command(self, step: Mapping[str, Any]) -> Command:
        """A typed command from the scenario form: {on, do, ref, with, unit, actor, note}."""
        if not isinstance(step, Mapping):
            raise InvalidCommand("Lệnh phải là một bảng trường: on, do, ref, with…")
        if "do" not in step:
            raise InvalidCommand("Bước thiếu trường 'do' (tên hành vi trong VOCABULARY).")
        action = step["do"]
        # the name is repeated in the refusal: control characters or a lone surrogate there
        # would garble or break the terminal that prints it
        if not isinstance(action, str) or bad_text(action) or len(action) > NAME_LIMIT:
            raise InvalidCommand(
                f"Trường 'do' phải là tên một hành vi trong VOCABULARY (nhận được: {action!r:.60})."
            )
        extra = step.get("with") or {}
        if not isinstance(extra, Mapping):
            raise InvalidCommand(
                f"Trường 'with' của lệnh {action:.60} phải là một bảng (tên trường → giá trị)."
            )
        # the default unit is checked like a given one: it is recorded all the same
        fields = {"unit": self.default_unit} | dict(extra)
        for key in ("ref", "on", "unit", "actor", "note", "command_id"):
            if key in step and step[key] is not None:
                fields[key] = step[key]
        return self.registry.command(action, fields)

    def execute(self, command: Command | Mapping[str, Any]) -> Recorded:
        """Record one legal act. Refused commands raise `CommandRejected` with a Vietnamese
        message; nothing is recorded then."""
        if not isinstance(command, Command):
            command = self.command(command)
        for wish in gate.command_wishes(self, command):
            self.authorize(wish)
        with self._queued(command):
            return self._record(command)

    @contextlib.contextmanager
    def _queued(self, command: Command) -> Iterator[None]:
        """Writers of an `exclusive` action's subject (a busy number register) take turns on a
        PostgreSQL advisory lock held across load and save instead of colliding and retrying.
        The lock is per subject, so other subjects never wait; elsewhere the optimistic
        retries of `_record` remain."""
        action = self.registry.action(command.action)
        if not (action.exclusive and self.location.is_postgres):
            yield
            return
        sid = subject_id(self.registry.subject_of(command.action).kind, self._subject_ref(command))
        with self.sql.begin() as connection:  # the lock ends with this transaction
            key = int.from_bytes(sid.bytes[:8], "big", signed=True)
            connection.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": key})
            self._fast_forward(sid)
            yield

    def _fast_forward(self, sid: UUID) -> None:
        """Apply to the cached subject what other processes saved since it was cached: the
        cache does not fast-forward by itself (store.py), and a stale copy would fail on save
        and be rebuilt from every event, which is slow for a register of a thousand numbers."""
        cache = self.log.repository.cache
        if cache is None:
            return
        try:
            aggregate: Any = cache.get(sid)
        except KeyError:
            return
        for event in self.log.events.get(sid, gt=aggregate.version):
            assert isinstance(event, Aggregate.Event)
            aggregate = event.mutate(aggregate)

    def _record(self, command: Command) -> Recorded:
        log_id = subject_id("command", command.command_id) if command.command_id else None
        for attempt in range(RETRIES):
            if attempt:
                # Back off with jitter so that writers racing on one subject stop colliding.
                time.sleep(random.uniform(0, min(0.2, 0.002 * 2**attempt)))
            if log_id is not None:
                earlier = self._command_log(log_id)
                if earlier is not None:
                    return Recorded.model_validate(earlier.result)
            # A new subject is not looked up first: a duplicate fails on save, and the retry
            # then finds it and refuses the command.
            subject, others = self._act(command, look_up_new=attempt > 0, evict_first=attempt > 0)
            try:
                for wish in gate.involved_wishes(self, command, others):
                    self.authorize(wish)
            except BaseException:
                self._evict(subject, *others)
                raise
            result = Recorded(
                action=command.action,
                ref=subject.ref,
                kind=subject.kind,
                version=subject.version,
                stage=subject.stage,
                on=command.on.isoformat(),
            )
            pending: list[Aggregate] = [subject, *others]
            if log_id is not None:
                assert command.command_id is not None
                pending.append(
                    CommandLog._create(
                        CommandLog.Handled,
                        id=log_id,
                        command_id=command.command_id,
                        result=result.model_dump(),
                    )
                )
            try:
                self.log.save(*pending)
            except IntegrityError:
                # Another writer got there first: forget what we hold, load again, re-check.
                self._evict(subject, *others)
                continue
            except BaseException:
                self._evict(subject, *others)
                raise
            return result
        raise ConcurrencyError(
            f"Không ghi được '{command.action}' cho {self._subject_ref(command)} sau {RETRIES} "
            "lần do xung đột ghi đồng thời; không có gì được ghi, hãy gửi lại lệnh."
        )

    def preview(self, command: Command | Mapping[str, Any]) -> list[Violation]:
        """The violations an act would create, without recording it."""
        if not isinstance(command, Command):
            command = self.command(command)
        for wish in gate.command_wishes(self, command):
            self.authorize(wish)
        kind = self.registry.subject_of(command.action).kind
        sid = subject_id(kind, self._subject_ref(command))
        before = self._acts(sid)
        subject, others = self._act(command, look_up_new=True, evict_first=True)
        after = before + [e for e in subject.collect_events() if isinstance(e, Act)]
        self._evict(subject, *others)  # nothing of the preview may stay in the cache
        day = day_of(command.on)
        old = self._judge(kind, before, day).violations
        return [v for v in self._judge(kind, after, day).violations if v not in old]

    def _act(
        self, command: Command, *, look_up_new: bool, evict_first: bool = False
    ) -> tuple[Subject, list[Aggregate]]:
        """The subject with the act recorded (not yet saved), and any other subject the act
        changes too. The cached aggregates are changed in place: whoever abandons them after
        this evicts them."""
        action = self.registry.action(command.action)
        kind = self.registry.subject_of(command.action)
        ref = self._subject_ref(command)
        sid = subject_id(kind.kind, ref)
        fields = command.act_fields()
        fields["unit"] = fields["unit"] or self.default_unit
        fields["actor"] = fields["actor"] or self.default_actor
        if action.creates:
            existing = self._find(sid) if look_up_new else None
            if existing is not None:
                raise SubjectExists(
                    f"{kind.noun.capitalize()} {ref} đã có từ ngày "
                    f"{fmt(existing.opened_on)}; không thể tạo lần thứ hai với cùng số hiệu."
                )
            subject = None
        else:
            if evict_first:
                self._evict_id(sid)
            subject = self._find(sid)
        if subject is None and not (action.creates or action.opens):
            raise SubjectNotFound(
                f"Không tìm thấy {kind.noun} {ref}: cần '{kind.kind}' được tạo trước "
                f"(trường 'ref')."
            )
        others: list[Aggregate] = []
        try:
            if action.involve is not None:
                extra, involved = action.involve(subject, command, fields, self._system())
                fields |= extra
                others += involved
            return action.record(subject, command, fields), others
        except BaseException:
            self._evict(*others)
            self._evict_id(sid)
            raise

    def _subject_ref(self, command: Command) -> str:
        action = self.registry.action(command.action)
        if action.subject_ref is None:
            return command.ref
        return action.subject_ref(command, command.unit or self.default_unit)

    def _evict(self, *aggregates: Aggregate) -> None:
        for aggregate in aggregates:
            self._evict_id(aggregate.id)

    def _evict_id(self, sid: UUID) -> None:
        cache = self.log.repository.cache
        if cache is not None:
            with contextlib.suppress(KeyError):
                cache.get(sid, evict=True)

    def _find(self, sid: UUID) -> Any:
        """The aggregate, or None (the cached object itself: see `_act`)."""
        try:
            return self.log.repository.get(sid)
        except AggregateNotFoundError:
            return None

    def _command_log(self, log_id: UUID) -> CommandLog | None:
        found = self._find(log_id)
        assert found is None or isinstance(found, CommandLog)
        return found

    def _acts(self, sid: UUID) -> list[Act]:
        return [e for e in self.log.events.get(sid) if isinstance(e, Act)]

    def _judge(self, kind: str, acts: list[Act], day: date) -> Judgement:
        make = self.registry.rules.get(kind)
        if make is None or not acts:
            return Judgement([], [])
        return judge(versions(acts, lambda: make(self.rulebook, self.calendar)), day)

    # -- questions --------------------------------------------------------------------------

    def catch_up(self, progress: Progress | None = None) -> int:
        """Bring the read models up to date; queries call this first. A user must be allowed
        to read records: whoever catches up is about to read the tables."""
        self.authorize(Wish("read.records", "đọc các bảng sổ, thời hạn, vi phạm"))
        return self.projector.catch_up(progress)

    def replay(self, progress: Progress | None = None) -> int:
        """Rebuild every read model from nothing."""
        self.authorize(Wish("manage.store", "dựng lại bảng đọc"))
        return self.projector.rebuild(progress)

    def _reading(self, what: str, unit: str | None = None, ref: str | None = None) -> Grant:
        """Catch up, then check a question over many records (of `unit`, or every unit the
        user reaches); confidential ones the user may not see stay out of the answer."""
        self.projector.catch_up()
        if ref is not None and self.actor is not None:
            for kind in self.registry.subjects:
                if self._find(subject_id(kind, ref)) is not None:
                    self.authorize(gate.subject_wish(self, kind, ref, "read.records", what))
        return self.authorize(Wish("read.records", what, unit))

    def deadlines(
        self,
        as_of: date,
        *,
        unit: str | None = None,
        ref: str | None = None,
        rule: str | None = None,
    ) -> list[Deadline]:
        grant = self._reading("xem danh sách thời hạn", unit, ref)
        with self.sql.connect() as connection:
            found = queries.deadlines(connection, as_of, unit=unit, ref=ref, rule=rule)
        return [d for d in found if grant.shows(d.unit, d.ref)]

    def due_within(self, as_of: date, days: int, *, unit: str | None = None) -> list[Deadline]:
        grant = self._reading("xem danh sách thời hạn sắp đến hạn", unit)
        with self.sql.connect() as connection:
            found = queries.open_deadlines(connection, as_of, within_days=days, unit=unit)
        return [d for d in found if grant.shows(d.unit, d.ref)]

    def overdue(self, as_of: date, *, unit: str | None = None) -> list[Deadline]:
        grant = self._reading("xem danh sách quá hạn", unit)
        with self.sql.connect() as connection:
            found = queries.overdue(connection, as_of, unit=unit)
        return [d for d in found if grant.shows(d.unit, d.ref)]

    def violations(
        self, as_of: date, *, unit: str | None = None, ref: str | None = None
    ) -> list[Violation]:
        grant = self._reading("xem danh sách vi phạm", unit, ref)
        with self.sql.connect() as connection:
            found = queries.violations(connection, as_of, unit=unit, ref=ref)
        return [v for v in found if grant.shows(v.unit, v.ref)]

    def judge(self, kind: str, ref: str, as_of: date) -> Judgement:
        """Deadlines and violations of one subject, computed from its events directly."""
        self._reading_one(kind, ref, "xem thời hạn và vi phạm")
        sid = subject_id(kind, ref)
        return self._judge(kind, self._acts(sid), as_of)

    def find_subject(self, kind: str, ref: str) -> Subject | None:
        self._reading_one(kind, ref, "xem hồ sơ")
        found = self._find(subject_id(kind, ref))
        return found if isinstance(found, Subject) else None

    def subject(self, kind: str, ref: str) -> Subject:
        """The subject as stored now (another process may have changed it)."""
        self._evict_id(subject_id(kind, ref))
        self._reading_one(kind, ref, "xem hồ sơ")
        found = self._find(subject_id(kind, ref))
        if not isinstance(found, Subject):
            raise SubjectNotFound(f"Không tìm thấy {kind} {ref}.")
        return found

    def history(self, kind: str, ref: str) -> list[Act]:
        self._reading_one(kind, ref, "xem diễn biến hồ sơ")
        return self._acts(subject_id(kind, ref))

    def search(self, text: str) -> list[dict[str, Any]]:
        grant = self._reading("tìm hồ sơ")
        with self.sql.connect() as connection:
            found = queries.find_subjects(connection, text)
        return [row for row in found if grant.shows(row["unit"], row["ref"])]

    def _reading_one(self, kind: str, ref: str, what: str) -> None:
        # What this process decoded of a subject erased since (by any process) is forgotten
        # before the subject is read again.
        self.projector.forget_erased()
        if self.actor is not None:
            self.authorize(gate.subject_wish(self, kind, ref, "read.records", f"{what} {ref}"))
