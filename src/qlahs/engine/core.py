"""What the Engine stands on: the store opened by URL (event log, read models, keys), the
access checks every public method makes, and the subjects as the log holds them."""

from __future__ import annotations

import contextlib
from collections import OrderedDict
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from types import TracebackType
from typing import Any, Self
from uuid import UUID

import sqlalchemy as sa
from eventsourcing.application import AggregateNotFoundError, LRUCache
from eventsourcing.domain import Aggregate

from qlahs.access.actor import AccessDenied, Actor
from qlahs.access.policy import Grant, Wish
from qlahs.access.projection import AccessTables
from qlahs.audit.chain import Chain
from qlahs.engine import gate
from qlahs.engine.command_log import CommandLog
from qlahs.engine.replica import Replica
from qlahs.kernel.errors import SubjectNotFound
from qlahs.kernel.subject import Act
from qlahs.law.calendar import Calendar
from qlahs.law.deadlines import Judgement, judge, versions
from qlahs.law.rulebook import RuleBook
from qlahs.law.units import units
from qlahs.privacy.keys import KeyRing
from qlahs.projections import tables as t
from qlahs.projections.projector import Projector
from qlahs.stages.commands import Command
from qlahs.stages.registry import Registry, registry
from qlahs.store import (
    DEFAULT_URL,
    EventLog,
    Location,
    durable,
    locate,
    open_event_log,
    setup_lock,
    store_key,
)
from qlahs.store.rows import EventTable

SAVED_ACTS = 64


@dataclass
class EngineCore:
    """The Engine's store, its lifecycle and its access checks: what its questions
    (`questions.py`) and its commands (`engine.py`) are built on."""

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
    # where lists, books and case searches are read when not from `sql` (engine/replica.py)
    replica: Replica | None = None
    # the acts this process saved last, by subject and version: a command's outcome (the
    # numbers it took) is read back from here instead of the log
    saved: OrderedDict[tuple[UUID, int], Act] = field(default_factory=OrderedDict)

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
        read_url: str | None = None,
    ) -> Self:
        """`actor`: the user every command and query is checked against (an Actor as a service
        authenticated it, or a login of the user directory); None is the system itself.
        `read_url`: a streaming replica of the PostgreSQL store at `url`, where list, book and
        case-search questions are read once it has replayed this engine's last command."""
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
            events = EventTable.of(log, location)
            followers = (Chain(events), AccessTables())
            projector = Projector(log, sql, stages, rulebook, calendar, followers, events)
            projector.create_tables()
            if location.is_postgres:
                durable.create(log.recorder)
        engine = cls(
            location, log, sql, projector, stages, rulebook, calendar, default_unit, default_actor
        )
        try:
            engine.replica = Replica.open(read_url, sql) if read_url else None
        except BaseException:
            engine.close()
            raise
        if actor is None:
            return engine
        try:
            return replace(engine.as_user(actor), owns_store=True)
        except BaseException:
            engine.close()
            raise

    def as_user(self, user: Actor | str) -> Self:
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
        self.require_known_unit(unit)
        return [row for row in rows if grant.shows(str(row["unit"]), str(row["ref"]))]

    def require_known_unit(self, unit: str | None) -> None:
        """A question about a unit that neither the unit tree nor any record knows is a typo,
        not an empty answer: for a deadline list, "nothing is due" would be a wrong answer."""
        if unit is None or unit in units().units or self._has_records(unit):
            return
        self.projector.catch_up()  # the records may not be in the tables yet
        if not self._has_records(unit):
            raise SubjectNotFound(
                f"Không có đơn vị {unit} (trường 'unit'): không có trong danh mục đơn vị và "
                "chưa có hồ sơ nào của đơn vị này."
            )

    @contextlib.contextmanager
    def read_models(self) -> Iterator[sa.Connection]:
        """A connection to the read models as up to date as this engine's own commands: the
        replica's once it has replayed them (or the primary's, counted in `replica.reads`);
        without a replica, the store's, caught up first."""
        if self.replica is None:
            self.projector.catch_up()
        with self._read_connection() as connection:
            yield connection

    def _read_connection(self) -> sa.Connection:
        """Where a question reads the read models; the caller has caught up when needed."""
        return self.sql.connect() if self.replica is None else self.replica.connect()

    def _has_records(self, unit: str) -> bool:
        """Whether a subject of `unit` (a unit recorded by `unit.establish` is its own) is in
        the read models."""
        with self.sql.connect() as connection:
            found = connection.execute(
                sa.select(t.subjects.c.unit).where(t.subjects.c.unit == unit).limit(1)
            ).first()
        return found is not None

    def readable_units(self, what: str, unit: str | None = None) -> frozenset[str] | None:
        """The units whose records the actor may read (None: every unit), after the check."""
        units = self.authorize(Wish("read.records", what, unit)).units
        self.require_known_unit(unit)
        return units

    def refuse(self, wish: Wish, reason: str) -> None:
        """Refuse a wish the policy alone cannot judge (a national report for a unit's
        user): recorded like every refusal, then raised."""
        if self.actor is None:
            return
        gate.note_refusal(self, self.actor.user, self.actor.unit, wish, reason)
        raise AccessDenied(reason)

    def _system(self) -> Self:
        """The engine as the system, for lookups an act makes on its own behalf."""
        return self if self.actor is None else replace(self, actor=None, owns_store=False)

    def close(self) -> None:
        if not self.owns_store:
            return
        self.log.close()
        self.sql.dispose()
        if self.replica is not None:
            self.replica.close()
        self.location.cleanup()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def forget_cached(self) -> None:
        """Drop every subject this process holds in memory (the aggregates and the acts the
        projector decoded): a bulk load done with a set of subjects keeps its memory flat.
        They are read again from the log when next needed."""
        cache = self.log.repository.cache
        if isinstance(cache, LRUCache):
            self.log.repository.cache = LRUCache(maxsize=cache.maxsize)
        self.projector.forget()

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

    def act_at(self, sid: UUID, version: int) -> Act:
        """The subject's act at `version`: one this process just saved, or read from the log."""
        act: Any = self.saved.get((sid, version))
        if act is None:
            (act,) = self.log.events.get(sid, gt=version - 1, lte=version)
        assert isinstance(act, Act)
        return act

    def _remember(self, acts: list[Any]) -> None:
        for act in acts:
            if isinstance(act, Act):
                self.saved[(act.originator_id, act.originator_version)] = act
        while len(self.saved) > SAVED_ACTS:
            self.saved.popitem(last=False)

    def _acts(self, sid: UUID) -> list[Act]:
        return [e for e in self.log.events.get(sid) if isinstance(e, Act)]

    def _judge(self, kind: str, acts: list[Act], day: date) -> Judgement:
        make = self.registry.rules.get(kind)
        if make is None or not acts:
            return Judgement([], [])
        return judge(versions(acts, lambda: make(self.rulebook, self.calendar)), day)
