"""What every `qlahs` sub-command shares: the consoles, dates from options, opening a store."""

from __future__ import annotations

import os
import sys
from contextvars import ContextVar
from datetime import date
from types import TracebackType

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from qlahs.access.actor import AccessDenied
from qlahs.engine import Engine
from qlahs.kernel.errors import QlahsError

# Piped output (a log, `make demo | less`) has no width of its own: give tables room.
console = Console() if sys.stdout.isatty() else Console(width=150)
errors = Console(stderr=True, soft_wrap=True)


def fail(message: object, code: int) -> typer.Exit:
    """Print `message` in red and return the exit to raise: `raise fail(error, 2) from None`."""
    errors.print(f"[red]{message}[/]")
    return typer.Exit(code)


def parse_day(text: str | None, field: str) -> date:
    """A date option (today when left out); a malformed one ends the command with exit 2."""
    if text is None:
        return date.today()
    try:
        return date.fromisoformat(text)
    except ValueError:
        errors.print(f"[red]Tham số {field} phải là ngày dạng YYYY-MM-DD (nhận được: {text!r}).[/]")
        raise typer.Exit(2) from None


# Set by the `qlahs` command's `--as-user` option (cli.py) for the sub-command it runs.
chosen_user: ContextVar[str | None] = ContextVar("chosen_user", default=None)


def current_user() -> str | None:
    """The user of `qlahs --as-user` (or QLAHS_USER); None: the command runs as the system."""
    return chosen_user.get() or os.environ.get("QLAHS_USER") or None


class CliEngine(Engine):
    """The engine of one command: a refused access ends the command with its reason (the
    refusal is already recorded) instead of a traceback."""

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        super().__exit__(kind, error, tb)
        if isinstance(error, AccessDenied):
            errors.print(f"[red]{error}[/]")
            raise typer.Exit(1) from None


def open_engine(db: str) -> Engine:
    """The engine at `db`, checking every command against the user of `--as-user`; without
    one, the actor of recorded acts comes from QLAHS_ACTOR (or the login)."""
    try:
        return CliEngine.open(
            db,
            default_actor=os.environ.get("QLAHS_ACTOR", os.environ.get("USER", "qlahs")),
            actor=current_user(),
        )
    except QlahsError as error:
        errors.print(f"[red]{error}[/]")
        raise typer.Exit(2) from None


def progress_bar(description: str) -> Progress:
    return Progress(
        TextColumn(description),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=errors,
        transient=False,
    )
