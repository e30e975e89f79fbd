"""`qlahs export` and `qlahs import`: a whole store as JSON lines, to move it between SQLite
and PostgreSQL or keep it as a backup (oversight/transfer.py; an export holds personal data
in clear, docs/security.md)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from qlahs.cli.options import Db, writable_file
from qlahs.cli.support import errors, fail, open_engine
from qlahs.kernel.errors import QlahsError
from qlahs.oversight.transfer import export, import_events
from qlahs.store import DEFAULT_URL


def export_command(
    out: Annotated[
        Path | None,
        typer.Option("--out", help="Tệp ghi (mặc định: in ra màn hình)", callback=writable_file),
    ] = None,
    db: Db = DEFAULT_URL,
) -> None:
    """Xuất mọi sự kiện của kho, theo thứ tự ghi, mỗi sự kiện một dòng JSON."""
    with open_engine(db) as engine:
        try:
            if out is None:
                count = export(engine, sys.stdout)
            else:
                with out.open("w", encoding="utf-8") as file:
                    count = export(engine, file)
        except QlahsError as error:
            raise fail(error, 1) from None
        except OSError:
            raise fail(f"Không ghi được tệp {out}: kiểm tra quyền ghi và chỗ trống.", 2) from None
    errors.print(f"Đã xuất {count} sự kiện{f' vào {out}' if out else ''}.")


def import_command(
    file: Annotated[Path, typer.Argument(metavar="TỆP", help="Tệp do qlahs export ghi ra")],
    db: Db = DEFAULT_URL,
) -> None:
    """Nhập các sự kiện của một tệp xuất vào một kho mới, trống; dựng lại sổ và thời hạn."""
    if not file.is_file():
        raise fail(f"Không có tệp {file}.", 2)
    try:
        lines = file.read_text(encoding="utf-8").splitlines()
    except UnicodeDecodeError:
        raise fail(f"Tệp {file} không phải văn bản UTF-8 do qlahs export ghi ra.", 2) from None
    except OSError:
        raise fail(f"Không đọc được tệp {file}: kiểm tra quyền đọc.", 2) from None
    with open_engine(db, create=True) as engine:
        try:
            count = import_events(engine, lines)
        except QlahsError as error:
            raise fail(f"Tệp {file}: {error}", 1) from None
    typer.echo(f"Đã nhập {count} sự kiện từ {file}.")
