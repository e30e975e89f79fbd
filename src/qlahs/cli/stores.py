"""Opening a store for a person: never a silent empty store, never a driver's traceback.

A mistyped `--db` path must not read as an empty (and so "clean") store, and an unreachable
PostgreSQL must say what to check, with the URL's password hidden.
"""

from __future__ import annotations

import os
import sqlite3
from contextvars import ContextVar
from pathlib import Path

import typer
from eventsourcing.persistence import PersistenceError
from rich.console import Console
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from qlahs.privacy.keys import CIPHER_ENV

try:  # the PostgreSQL driver is there whenever a postgresql:// store can be opened at all
    from psycopg import Error as PsycopgError
except ImportError:  # pragma: no cover
    PsycopgError = SQLAlchemyError  # type: ignore[assignment,misc]

# What a database driver raises when the store cannot be reached or opened.
STORE_ERRORS = (SQLAlchemyError, PsycopgError, PersistenceError, sqlite3.Error, OSError)

NO_CIPHER = (
    f"Cảnh báo: kho không có khóa mã hóa ({CIPHER_ENV}): dữ liệu cá nhân chỉ được niêm phong "
    "để xóa được, không được giữ bí mật với người có tệp dữ liệu (docs/security.md §5)."
)

# Set when the warning was printed, reset by the `qlahs` group for each command it runs.
cipher_warned: ContextVar[bool] = ContextVar("cipher_warned", default=False)
_stderr = Console(stderr=True, soft_wrap=True)


def shown(url: str) -> str:
    """The URL as it may be printed: its password masked."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


def _sqlite_file(url: str) -> Path | None:
    try:
        parsed = make_url(url)
    except ArgumentError:
        return None  # the engine names a malformed URL itself
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database)


def refuse_missing_store(url: str, *, create: bool) -> None:
    """End the command when `url` names a SQLite file that is not there (and it may not
    make one), or one in a folder that is not there."""
    try:
        make_url(url)
    except ArgumentError:
        _fail(
            f"Địa chỉ kho không hợp lệ: {url!r}; dùng sqlite:///tệp.db hoặc "
            "postgresql://người_dùng@máy:cổng/tên_cơ_sở_dữ_liệu."
        )
    path = _sqlite_file(url)
    if path is None or path.exists():
        return
    if not path.parent.is_dir():
        _fail(f"Không tạo được kho {shown(url)}: thư mục {path.parent} không tồn tại.")
    if not create:
        _fail(f"Không có kho dữ liệu {shown(url)}: hãy chỉ kho bằng --db URL hoặc biến QLAHS_DB.")


def unreachable(url: str) -> str:
    """What to check when a store's database cannot be reached or opened."""
    if _sqlite_file(url) is not None:
        return f"Không mở được kho {shown(url)}: kiểm tra quyền đọc, ghi tệp và thư mục chứa nó."
    return (
        f"Không kết nối được cơ sở dữ liệu {shown(url)}: kiểm tra máy chủ PostgreSQL đang chạy, "
        "địa chỉ và cổng, tên cơ sở dữ liệu đã được tạo, người dùng và mật khẩu."
    )


def warn_without_cipher() -> None:
    """Once per command: a store without a cipher key keeps personal data readable."""
    if os.environ.get(CIPHER_ENV, "").strip() or cipher_warned.get():
        return
    cipher_warned.set(True)
    _stderr.print(f"[yellow]{NO_CIPHER}[/]")


def _fail(message: str) -> None:
    _stderr.print(f"[red]{message}[/]")
    raise typer.Exit(2)
