"""What every `qlahs` sub-command shares: the consoles, dates from options, opening a store."""

from __future__ import annotations

import os
import sys
from contextvars import ContextVar
from datetime import date, datetime, time
from types import TracebackType

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from qlahs.access.actor import AccessDenied
from qlahs.cli.stores import STORE_ERRORS, refuse_missing_store, unreachable, warn_without_cipher
from qlahs.engine import Engine
from qlahs.kernel.dates import parse_vn_day, parse_vn_moment
from qlahs.kernel.errors import QlahsError
from qlahs.stats.snapshot import VIETNAM

# Piped output (a log, `make demo | less`) has no width of its own: give tables room.
console = Console() if sys.stdout.isatty() else Console(width=150)
errors = Console(stderr=True, soft_wrap=True)


def fail(message: object, code: int) -> typer.Exit:
    """Print `message` in red and return the exit to raise: `raise fail(error, 2) from None`."""
    errors.print(f"[red]{message}[/]")
    return typer.Exit(code)


def parse_day(text: str | None, field: str) -> date:
    """A date option, `dd/mm/yyyy` or `YYYY-MM-DD` (today when left out); a malformed one
    ends the command with exit 2."""
    if text is None:
        return date.today()
    try:
        return parse_vn_day(text)
    except ValueError:
        raise fail(
            f"Tham số {field} phải là ngày dạng dd/mm/yyyy (nhận được: {text!r}).", 2
        ) from None


def parse_time(text: str | None, field: str) -> datetime | None:
    """A moment option, `HH:MM dd/mm/yyyy` or ISO `YYYY-MM-DD[THH:MM[:SS]]` (a date alone is
    its first moment), in Vietnam's time unless it names its offset."""
    if text is None:
        return None
    try:
        moment = _vn_moment(text)
    except ValueError:
        raise fail(_moment_wanted(field, text), 2) from None
    return moment if moment.tzinfo else moment.replace(tzinfo=VIETNAM)


def parse_known_at(text: str | None) -> datetime | None:
    """`--known-at`: a moment as `parse_time` reads it, in Vietnam's time unless it names its
    offset; a date alone is the end of that day (what was shown that day)."""
    if text is None:
        return None
    try:
        if " " not in text.strip() and "T" not in text:
            moment = datetime.combine(parse_vn_day(text), time.max)
        else:
            moment = _vn_moment(text)
    except ValueError:
        raise fail(_moment_wanted("--known-at", text), 2) from None
    return moment if moment.tzinfo else moment.replace(tzinfo=VIETNAM)


def known_line(moment: datetime | None) -> str:
    """What a title adds for `--known-at`."""
    if moment is None:
        return ""
    return f" — theo dữ liệu đã ghi nhận đến {moment.astimezone(VIETNAM):%H:%M %d/%m/%Y}"


def _vn_moment(text: str) -> datetime:
    """`HH:MM dd/mm/yyyy` as documents write it, or `dd/mm/yyyy HH:MM`, or ISO."""
    parts = text.split()
    if len(parts) == 2 and "/" in parts[0] and ":" in parts[1]:
        text = f"{parts[1]} {parts[0]}"
    return parse_vn_moment(text)


def iso_moment(text: str | None, field: str) -> str | None:
    """`--known-at` as the statistics read it (ISO; a date alone is the end of that day), from
    `dd/mm/yyyy` or `HH:MM dd/mm/yyyy` as people type it."""
    if text is None or "/" not in text:
        return text
    try:
        if " " not in text.strip():
            return parse_vn_day(text).isoformat()
        return _vn_moment(text).isoformat()
    except ValueError:
        raise fail(_moment_wanted(field, text), 2) from None


def _moment_wanted(field: str, text: str) -> str:
    return (
        f"Tham số {field} phải là ngày dd/mm/yyyy hoặc thời điểm dd/mm/yyyy HH:MM "
        f"hoặc HH:MM dd/mm/yyyy (nhận được: {text!r})."
    )


# Set by the `qlahs` command's `--as-user` option (cli.py) for the sub-command it runs.
chosen_user: ContextVar[str | None] = ContextVar("chosen_user", default=None)


# Set by the `qlahs` command's `--read-db` option (or QLAHS_READ_DB): a streaming replica
# the sub-command reads its lists from.
chosen_read_db: ContextVar[str | None] = ContextVar("chosen_read_db", default=None)


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


def open_engine(db: str, *, create: bool = False) -> Engine:
    """The engine at `db`, checking every command against the user of `--as-user`; without
    one, the actor of recorded acts comes from QLAHS_ACTOR (or the login).

    Only a command that records (`create`) may make a new SQLite file: a reading command
    pointed at a mistyped path would otherwise show an empty store as if it were the truth."""
    refuse_missing_store(db, create=create)
    try:
        engine = CliEngine.open(
            db,
            default_actor=os.environ.get("QLAHS_ACTOR", os.environ.get("USER", "qlahs")),
            actor=current_user(),
            read_url=chosen_read_db.get(),
        )
    except QlahsError as error:
        raise fail(error, 2) from None
    except STORE_ERRORS:
        raise fail(unreachable(db), 2) from None
    warn_without_cipher()
    return engine


def progress_bar(description: str) -> Progress:
    return Progress(
        TextColumn(description),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=errors,
        transient=False,
    )
