"""Many commands, for many subjects, recorded in one transaction: all of them or none.

Each command goes through what `Engine.execute` does for one — the typed command, the access
gate (a refusal is recorded before it is raised), the stage's action and its rules on the
subject as the earlier commands of the batch left it, the command log — and the events of the
whole batch are saved at once, in the order of the commands. A refused command leaves nothing
of the batch recorded and names its place in the batch (`BatchRejected.index`); a race lost
on save is retried from the first command, then given up (`ConcurrencyError`).

A bulk load (`qlahs generate`) writes thousands of events a second this way, where one
transaction per command is bound by the time a commit takes.
"""

from __future__ import annotations

import contextlib
import random
import time
from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any
from uuid import UUID

from eventsourcing.domain import Aggregate
from eventsourcing.persistence import IntegrityError

from qlahs.engine import gate
from qlahs.engine.command_log import CommandLog, digest, handled, log_id, scope_of
from qlahs.kernel.errors import CommandRejected, ConcurrencyError
from qlahs.kernel.subject import subject_id
from qlahs.stages.commands import Command, Recorded

if TYPE_CHECKING:
    from qlahs.engine.engine import Engine

# Every aggregate a batch touches stays in the repository's cache until the save (the cache
# holds 10,000): a batch is kept well below that.
BATCH_LIMIT = 2000
RETRIES = 10


class BatchRejected(CommandRejected):
    """A command of a batch was refused: nothing of the batch was recorded."""

    def __init__(self, index: int, error: CommandRejected):
        super().__init__(f"Lệnh thứ {index + 1} của lô bị từ chối: {error}")
        self.index = index
        self.error = error


def execute_batch(engine: Engine, steps: Sequence[Command | Mapping[str, Any]]) -> list[Recorded]:
    if len(steps) > BATCH_LIMIT:
        raise CommandRejected(
            f"Một lô có tối đa {BATCH_LIMIT} lệnh (nhận được {len(steps)}): hãy chia nhỏ lô."
        )
    # a command refused by its fields is refused in its place: the ones before it are tried
    # first, so that the refusal reported is always the first of the batch
    commands: list[Command] = []
    refusal: BatchRejected | None = None
    for index, step in enumerate(steps):
        try:
            commands.append(_typed(engine, index, step))
        except BatchRejected as error:
            refusal = error
            break
    with _locked(engine, commands):
        for attempt in range(RETRIES):
            if attempt:
                time.sleep(random.uniform(0, min(0.5, 0.005 * 2**attempt)))
            done = _attempt(engine, commands, look_up_new=attempt > 0, save=refusal is None)
            if done is not None:
                if refusal is not None:
                    raise refusal
                return done
    raise ConcurrencyError(
        f"Không ghi được lô {len(commands)} lệnh sau {RETRIES} lần do xung đột ghi đồng thời; "
        "không có gì được ghi, hãy gửi lại lô."
    )


def _typed(engine: Engine, index: int, step: Command | Mapping[str, Any]) -> Command:
    if isinstance(step, Command):
        return step
    try:
        return engine.command(step)
    except CommandRejected as error:
        raise BatchRejected(index, error) from None


def _attempt(
    engine: Engine, commands: list[Command], *, look_up_new: bool, save: bool = True
) -> list[Recorded] | None:
    """Record every command on the cached subjects and save their events together; None when
    another writer got there first (everything touched is forgotten, to be loaded again).
    Without `save`, only check them: nothing is saved and everything touched is forgotten."""
    touched: dict[UUID, None] = {}
    events: list[Any] = []
    results: list[Recorded] = []
    logged: dict[UUID, CommandLog] = {}
    try:
        for index, command in enumerate(commands):
            result = _one(engine, index, command, touched, events, logged, look_up_new)
            results.append(result)
        if not save:
            _forget(engine, touched)
            return results
        engine.log.save(*events)
    except IntegrityError:
        _forget(engine, touched)
        return None
    except BaseException:
        _forget(engine, touched)
        raise
    return results


def _one(
    engine: Engine,
    index: int,
    command: Command,
    touched: dict[UUID, None],
    events: list[Any],
    logged: dict[UUID, CommandLog],
    look_up_new: bool,
) -> Recorded:
    sent_as = digest(command) if command.command_id else ""
    scope = scope_of(
        command.unit or engine.default_unit,
        engine.actor.user if engine.actor else command.actor or engine.default_actor,
    )
    log = log_id(scope, command.command_id) if command.command_id else None
    if log is not None:
        earlier = logged.get(log) or engine._command_log(log)
        if earlier is not None:
            if earlier.digest != sent_as:
                raise BatchRejected(
                    index,
                    CommandRejected(
                        f"Mã lệnh '{command.command_id}' (trường 'command_id') đã được dùng cho "
                        "một lệnh khác: mỗi lệnh cần một mã lệnh riêng."
                    ),
                )
            return Recorded.model_validate(earlier.result)
    sid = subject_id(engine.registry.subject_of(command.action).kind, engine._subject_ref(command))
    touched[sid] = None  # forgotten on failure, whatever the act did to it
    try:
        # checked here, not before the batch: the subject as the earlier commands left it
        for wish in gate.command_wishes(engine, command):
            engine.authorize(wish)
        subject, others = engine._act(command, look_up_new=look_up_new)
        for other in others:
            touched[other.id] = None
        for wish in gate.involved_wishes(engine, command, others):
            engine.authorize(wish)
    except CommandRejected as error:
        raise BatchRejected(index, error) from None
    result = Recorded.of(command, subject)
    pending: list[Aggregate] = [subject, *others]
    if log is not None:
        entry = handled(log, command, result, sent_as, scope)
        logged[log] = entry
        touched[log] = None
        pending.append(entry)
    cache = engine.log.repository.cache
    for aggregate in pending:
        events.extend(aggregate.collect_events())
        if cache is not None:  # the next commands of the batch find it as this one left it
            cache.put(aggregate.id, aggregate)
    return result


def _forget(engine: Engine, touched: dict[UUID, None]) -> None:
    for sid in touched:
        engine._evict_id(sid)


@contextlib.contextmanager
def _locked(engine: Engine, commands: list[Command]) -> Iterator[None]:
    """On PostgreSQL, the subjects of `exclusive` actions (a busy number register) are locked
    for the whole batch, in one order so that two batches never wait on each other in a
    circle; their cached copies are brought up to date first (see `Engine._queued`)."""
    if not engine.location.is_postgres:
        yield
        return
    sids = sorted(
        {
            subject_id(engine.registry.subject_of(c.action).kind, engine._subject_ref(c))
            for c in commands
            if engine.registry.action(c.action).exclusive
        }
    )
    if not sids:
        yield
        return
    with engine.sql.begin() as connection:  # the locks end with this transaction
        for sid in sids:
            engine._lock_and_fast_forward(connection, sid)
        yield
