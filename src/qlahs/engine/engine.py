"""The Engine: open a store by URL, execute commands, answer questions.

with Engine.open("sqlite:///qlahs.db") as engine:
    engine.execute({"do": "report.receive", "ref": "TB1", "on": "2025-03-03", "unit": "VKSKV7",
                    "with": {"source": "tin_bao", "received_by": "CQDT"}})
    engine.violations(as_of=date(2025, 3, 25))

This module records commands: checked by the access gate, applied to their subject by the
stage's action, saved with optimistic retries (or in turn on a PostgreSQL lock), once per
command id; and previews the violations an act would create. The store, its lifecycle and the
access checks are in `core.py`; the questions in `questions.py`.
"""

from __future__ import annotations

import contextlib
import random
import time
from collections.abc import Iterator, Mapping, Sequence
from typing import Any
from uuid import UUID

import sqlalchemy as sa
from eventsourcing.domain import Aggregate
from eventsourcing.persistence import IntegrityError, StoredEvent

from qlahs.engine import batch, gate
from qlahs.engine.command_log import digest, handled, log_id, scope_of
from qlahs.engine.questions import Questions
from qlahs.engine.units_in_force import require_unit_in_force
from qlahs.kernel.bounds import NAME_LIMIT, bad_name, bad_text, quoted
from qlahs.kernel.errors import (
    CommandRejected,
    ConcurrencyError,
    InvalidCommand,
    SubjectExists,
    SubjectNotFound,
)
from qlahs.kernel.subject import Act, Subject, day_of, subject_id
from qlahs.law.calendar import fmt
from qlahs.law.deadlines import Violation
from qlahs.stages.commands import Command, Recorded
from qlahs.store import durable

RETRIES = 25  # optimistic attempts before a writer queues on the subject's lock
QUEUED_RETRIES = 25  # attempts in the queue (only writers that did not queue still collide)


class Engine(Questions):
    """The embeddable engine. Use `Engine.open(url)` as a context manager."""

    def command(self, step: Mapping[str, Any]) -> Command:
        """A typed command from the scenario form: {on, do, ref, with, unit, actor, note}."""
        if not isinstance(step, Mapping):
            raise InvalidCommand("Lệnh phải là một bảng trường: on, do, ref, with…")
        if "do" not in step:
            raise InvalidCommand("Bước thiếu trường 'do' (tên hành vi trong VOCABULARY).")
        action = step["do"]
        # the name is repeated in the refusal: control characters, a line break or a lone
        # surrogate there would garble or break the terminal that prints it
        if (
            not isinstance(action, str)
            or bad_text(action)
            or bad_name(action)
            or len(action) > NAME_LIMIT
        ):
            raise InvalidCommand(
                f"Trường 'do' phải là tên một hành vi trong VOCABULARY (nhận được: {action!r:.60})."
            )
        extra = step.get("with") or {}
        if not isinstance(extra, Mapping):
            raise InvalidCommand(
                f"Trường 'with' của lệnh {quoted(action)} phải là một bảng (tên trường → giá trị)."
            )
        # the default unit is checked like a given one: it is recorded all the same
        fields = {"unit": self.default_unit} | dict(extra)
        for key in ("ref", "on", "unit", "actor", "note", "command_id"):
            if key in step and step[key] is not None:
                fields[key] = step[key]
        return self.registry.command(action, fields)

    def execute(self, command: Command | Mapping[str, Any]) -> Recorded:
        """Record one legal act. Refused commands raise `CommandRejected` with a Vietnamese
        message (among them a unit not in force on the act's date: `units_in_force.py`);
        nothing is recorded then."""
        if not isinstance(command, Command):
            command = self.command(command)
        for wish in gate.command_wishes(self, command):
            self.authorize(wish)
        require_unit_in_force(self, command)
        try:
            with self._queued(command):
                recorded = self._record(command, RETRIES)
        except ConcurrencyError:
            if not self.location.is_postgres or self.registry.action(command.action).exclusive:
                raise
            # A hot subject: instead of giving up, queue behind its other writers on its lock.
            with self._queued(command, hot=True):
                recorded = self._record(command, QUEUED_RETRIES)
        if self.replica is not None:
            # Read-your-writes on the replica: project the command on the primary, then note
            # the WAL position that holds it; the next read waits for the replica to reach it.
            self.projector.catch_up()
            self.replica.wrote()
        return recorded

    def execute_batch(self, commands: Sequence[Command | Mapping[str, Any]]) -> list[Recorded]:
        """Record many commands, for any subjects, in one transaction: each checked and applied
        as `execute` would, in order, and all saved together or none (`engine/batch.py`)."""
        return batch.execute_batch(self, commands)

    @contextlib.contextmanager
    def _queued(self, command: Command, *, hot: bool = False) -> Iterator[None]:
        """Writers of an `exclusive` action's subject (a busy number register) take turns on a
        PostgreSQL advisory lock held across load and save instead of colliding and retrying.
        The lock is per subject, so other subjects never wait; elsewhere the optimistic
        retries of `_record` remain. Any subject takes the lock once it is `hot`: a writer that
        lost every optimistic race queues instead of giving up.

        Under the lock, what other writers saved is read on the lock's own connection, and
        the save commits without waiting for the disk (store/durable.py): the next writer
        goes on while this one waits for the flush, after the lock, before it answers."""
        action = self.registry.action(command.action)
        if not ((action.exclusive or hot) and self.location.is_postgres):
            yield
            return
        sid = subject_id(self.registry.subject_of(command.action).kind, self._subject_ref(command))
        with self.sql.begin() as connection:  # the lock ends with this transaction
            self._lock_and_fast_forward(connection, sid)
            with durable.flushed_later():
                yield
        durable.wait_flushed(self.log.recorder)

    def _lock_and_fast_forward(self, connection: sa.Connection, sid: UUID) -> None:
        """Take the subject's lock and apply to its cached copy what other processes saved
        since it was cached, in one round trip: the cache does not fast-forward by itself
        (store/log.py), and a stale copy would fail on save and be rebuilt from every event,
        which is slow for a register of a thousand numbers."""
        key = int.from_bytes(sid.bytes[:8], "big", signed=True)
        cache = self.log.repository.cache
        aggregate: Any = None
        if cache is not None:
            with contextlib.suppress(KeyError):
                aggregate = cache.get(sid)
        after = aggregate.version if aggregate is not None else 2**62  # nothing to read
        for version, topic, state in durable.lock_and_read(connection, key, sid, after):
            stored = StoredEvent(
                originator_id=sid, originator_version=version, topic=topic, state=bytes(state)
            )
            event = self.log.mapper.to_domain_event(stored)
            assert isinstance(event, Aggregate.Event)
            aggregate = event.mutate(aggregate)

    def _record(self, command: Command, attempts: int) -> Recorded:
        sent_as = digest(command) if command.command_id else ""
        scope = scope_of(
            command.unit or self.default_unit,
            self.actor.user if self.actor else command.actor or self.default_actor,
        )
        log = log_id(scope, command.command_id) if command.command_id else None
        for attempt in range(attempts):
            if attempt:
                # Back off with jitter so that writers racing on one subject stop colliding.
                time.sleep(random.uniform(0, min(0.2, 0.002 * 2**attempt)))
            if log is not None:
                earlier = self._command_log(log)
                if earlier is not None:
                    if earlier.digest != sent_as:
                        raise CommandRejected(
                            f"Mã lệnh '{command.command_id}' (trường 'command_id') đã được dùng "
                            "cho một lệnh khác: mỗi lệnh cần một mã lệnh riêng; gửi lại đúng lệnh "
                            "cũ thì dùng lại mã cũ."
                        )
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
            result = Recorded.of(command, subject)
            pending: list[Aggregate] = [subject, *others]
            if log is not None:
                pending.append(handled(log, command, result, sent_as, scope))
            acts = list(subject.pending_events)
            try:
                self.log.save(*pending)
            except IntegrityError:
                # Another writer got there first: forget what we hold, load again, re-check.
                self._evict(subject, *others)
                continue
            except BaseException:
                self._evict(subject, *others)
                raise
            self._remember(acts)
            return result
        raise ConcurrencyError(
            f"Không ghi được '{command.action}' cho {self._subject_ref(command)} sau {attempts} "
            "lần do xung đột ghi đồng thời; không có gì được ghi, hãy gửi lại lệnh."
        )

    def preview(self, command: Command | Mapping[str, Any]) -> list[Violation]:
        """The violations an act would create, without recording it."""
        if not isinstance(command, Command):
            command = self.command(command)
        for wish in gate.command_wishes(self, command):
            self.authorize(wish)
        require_unit_in_force(self, command)
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
