"""The engine: one `Engine.open(url)` that records commands, keeps the read models and answers
queries, calling the access check at its boundary (docs/architecture.md)."""

from qlahs.engine.engine import Engine
from qlahs.stages.commands import Recorded

__all__ = ["Engine", "Recorded"]
