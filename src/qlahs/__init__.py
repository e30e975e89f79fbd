"""qlahs — event-sourced case-lifecycle engine for the Vietnamese People's Procuracy."""

from qlahs.application import Engine, Recorded
from qlahs.domain.errors import CommandRejected, QlahsError

__all__ = ["CommandRejected", "Engine", "QlahsError", "Recorded"]
