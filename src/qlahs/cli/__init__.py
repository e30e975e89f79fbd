"""The `qlahs` command: one module per command group (docs/architecture.md)."""

from qlahs.cli.main import app

__all__ = ["app"]
