"""The command ids already handled, so that a command sent again records nothing.

A command id belongs to whoever sent it: the log is keyed by the recording unit, the actor and
the id, so two units (or two clerks) choosing the same id never meet. The log keeps a digest of
the command as first sent: the same id sent again with the same content returns the first
result; with other content it is refused, instead of silently answering for another command.
"""

from __future__ import annotations

import hashlib
import json
from typing import TYPE_CHECKING, Any
from uuid import UUID

from eventsourcing.domain import Aggregate
from eventsourcing.utils import register_topic

from qlahs.kernel.subject import subject_id
from qlahs.stages.commands import Command, Recorded


class CommandLog(Aggregate):
    """Remembers a command id and its first result, so that sending it again records nothing."""

    class Handled(Aggregate.Created):
        command_id: str
        result: dict[str, Any]
        # empty in logs written before ids were scoped and compared
        digest: str = ""
        scope: str = ""

        def apply(self, aggregate: Any) -> None:
            aggregate.command_id, aggregate.result = self.command_id, self.result
            aggregate.digest, aggregate.scope = self.digest, self.scope

    if TYPE_CHECKING:
        command_id: str
        result: dict[str, Any]
        digest: str
        scope: str


def handled(log: UUID, command: Command, result: Recorded, sent_as: str, scope: str) -> CommandLog:
    """The log entry of a command sent with its id, saved with the acts it recorded."""
    assert command.command_id is not None
    return CommandLog._create(
        CommandLog.Handled,
        id=log,
        command_id=command.command_id,
        result=result.model_dump(),
        digest=sent_as,
        scope=scope,
    )


def scope_of(unit: str, actor: str) -> str:
    return f"{unit}/{actor}"


def log_id(scope: str, command_id: str) -> UUID:
    return subject_id("command", f"{scope}/{command_id}")


def digest(command: Command) -> str:
    """The command's content (its action and every field but the id), as a digest."""
    content = command.model_dump(mode="json", exclude={"command_id"})
    text = json.dumps([command.action, content], sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# Stored before the engine became a package: the events name their old module.
register_topic("qlahs.application:CommandLog", CommandLog)
