"""The command ids already handled, so that a command sent again records nothing."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from eventsourcing.domain import Aggregate
from eventsourcing.utils import register_topic


class CommandLog(Aggregate):
    """Remembers a command id and its first result, so that sending it again records nothing."""

    class Handled(Aggregate.Created):
        command_id: str
        result: dict[str, Any]

        def apply(self, aggregate: Any) -> None:
            aggregate.command_id, aggregate.result = self.command_id, self.result

    if TYPE_CHECKING:
        command_id: str
        result: dict[str, Any]


# Stored before the engine became a package: the events name their old module.
register_topic("qlahs.application:CommandLog", CommandLog)
