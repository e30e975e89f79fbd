"""qlahs — event-sourced case-lifecycle engine for the Vietnamese People's Procuracy."""

from qlahs.engine import Engine, Recorded
from qlahs.kernel.errors import CommandRejected, QlahsError

__all__ = ["CommandRejected", "Engine", "QlahsError", "Recorded"]
