"""`qlahs access …`: users and their roles, confidential records and who is assigned to them.

Who runs the command is `--as-user` (or QLAHS_USER); without one the command runs as the
system, which is how the first administrator is entered.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
import yaml

from qlahs.access.roles import role_book
from qlahs.access.users import Profile, profile_of, read_users
from qlahs.cli.options import Db, Kind, Reason, Unit, UnitRequired
from qlahs.cli.support import console, fail, open_engine
from qlahs.cli.tokens import token_app
from qlahs.kernel import yamlio
from qlahs.kernel.errors import QlahsError
from qlahs.oversight import access_admin as admin
from qlahs.oversight.trail import kind_of
from qlahs.store import DEFAULT_URL
from qlahs.terminal.tables import headed_table

access_app = typer.Typer(
    help="Người dùng, vai trò, độ mật của hồ sơ và người được giao.", no_args_is_help=True
)
user_app = typer.Typer(help="Người dùng và vai trò.", no_args_is_help=True)
access_app.add_typer(user_app, name="user")
access_app.add_typer(token_app, name="token")


@user_app.command("add")
def user_add(
    login: Annotated[str, typer.Argument(metavar="TÊN_ĐĂNG_NHẬP", help="Tên đăng nhập")],
    name: Annotated[str, typer.Option("--name", help="Họ tên")],
    unit: UnitRequired,
    role: Annotated[
        list[str], typer.Option("--role", help="Vai trò (lặp lại): van_thu, kiem_sat_vien…")
    ],
    clearance: Annotated[
        int, typer.Option("--clearance", help="Độ mật được xem: 0, 1, 2", min=0, max=2)
    ] = 0,
    db: Db = DEFAULT_URL,
) -> None:
    """Thêm người dùng với vai trò và độ mật được xem."""
    fields = {"name": name, "unit": unit, "roles": role, "clearance": clearance}
    with open_engine(db, create=True) as engine:
        try:
            admin.enrol(engine, login, profile_of(login, fields))
        except QlahsError as error:
            raise fail(error, 1) from None
    console.print(f"Đã thêm người dùng {login} ({name}, {unit}).")


@user_app.command("change")
def user_change(
    login: Annotated[str, typer.Argument(metavar="TÊN_ĐĂNG_NHẬP", help="Tên đăng nhập")],
    name: Annotated[str | None, typer.Option("--name", help="Họ tên")] = None,
    unit: Unit = None,
    role: Annotated[list[str] | None, typer.Option("--role", help="Vai trò mới (lặp lại)")] = None,
    clearance: Annotated[
        int | None, typer.Option("--clearance", help="Độ mật: 0, 1, 2", min=0, max=2)
    ] = None,
    active: Annotated[
        bool | None, typer.Option("--active/--locked", help="Mở hoặc khóa tài khoản")
    ] = None,
    db: Db = DEFAULT_URL,
) -> None:
    """Sửa họ tên, đơn vị, vai trò, độ mật; khóa hoặc mở tài khoản."""
    from qlahs.engine.gate import find_user

    with open_engine(db, create=True) as engine:
        try:
            user = find_user(engine, login)
            if user is None:
                raise QlahsError(f"Trường 'login': không có người dùng {login!r}.")
            wanted = {"name": name, "unit": unit, "roles": role, "clearance": clearance}
            wanted["active"] = active
            fields = user.current.model_dump() | {k: v for k, v in wanted.items() if v is not None}
            admin.change(engine, login, profile_of(login, fields))
        except QlahsError as error:
            raise fail(error, 1) from None
    console.print(f"Đã cập nhật người dùng {login}.")


@user_app.command("list")
def user_list(
    unit: Unit = None,
    db: Db = DEFAULT_URL,
) -> None:
    """Người dùng của các đơn vị mình quản lý."""
    with open_engine(db, create=True) as engine:
        try:
            found = admin.users(engine, unit)
        except QlahsError as error:
            raise fail(error, 1) from None
    roles = role_book()
    headings = ("Tên đăng nhập", "Họ tên", "Đơn vị", "Vai trò", "Độ mật", "Trạng thái")
    table = headed_table(f"Người dùng ({len(found)})", headings)
    for row in found:
        table.add_row(
            row["login"],
            row["name"],
            row["unit"],
            ", ".join(roles.role(code).name for code in row["roles"]),
            f"{row['clearance']} ({roles.level_name(row['clearance'])})",
            "hoạt động" if row["active"] else "đã khóa",
        )
    console.print(table)


@access_app.command("import")
def import_users(
    file: Annotated[
        Path, typer.Argument(metavar="TỆP", help="Tệp YAML có mục users: (docs/security.md)")
    ],
    db: Db = DEFAULT_URL,
) -> None:
    """Thêm hoặc cập nhật người dùng theo tệp; mỗi thay đổi là một sự kiện."""
    profiles = _read_users_file(file)
    with open_engine(db, create=True) as engine:
        try:
            changed = admin.enrol_or_change(engine, profiles)
        except QlahsError as error:
            raise fail(error, 1) from None
    console.print(f"Đã cập nhật {len(changed)} trong {len(profiles)} người dùng.")


def _read_users_file(file: Path) -> dict[str, Profile]:
    """The users of a file, or the command ends naming the file and what is wrong where."""
    if not file.is_file():
        raise fail(f"Không có tệp {file}.", 2)
    try:
        text = file.read_text(encoding="utf-8")
        data = yamlio.load(text)
        users = data.get("users") if isinstance(data, dict) else None
        for login, body in (users or {}).items() if isinstance(users, dict) else ():
            if body is not None and not isinstance(body, dict):
                raise QlahsError(f"mục users.{login} phải là một bảng (tên trường → giá trị).")
        return read_users(text)
    except UnicodeDecodeError:
        raise fail(f"Tệp {file} không phải văn bản UTF-8.", 2) from None
    except OSError:
        raise fail(f"Không đọc được tệp {file}: kiểm tra quyền đọc.", 2) from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" ở dòng {mark.line + 1}, cột {mark.column + 1}" if mark else ""
        raise fail(f"Tệp {file} không phải YAML hợp lệ{where}.", 2) from None
    except QlahsError as error:
        raise fail(f"Tệp {file}: {error}", 2) from None


@access_app.command("classify")
def classify(
    ref: Annotated[str, typer.Argument(metavar="SỐ_HIỆU", help="Số hiệu hồ sơ")],
    level: Annotated[
        int, typer.Option("--level", help="Độ mật: 0 thường, 1 mật, 2 tối mật", min=0, max=2)
    ],
    reason: Reason,
    kind: Kind = None,
    db: Db = DEFAULT_URL,
) -> None:
    """Phân loại độ mật của hồ sơ."""
    with open_engine(db, create=True) as engine:
        try:
            admin.classify(engine, kind or kind_of(engine, ref), ref, level, reason)
        except QlahsError as error:
            raise fail(error, 1) from None
    console.print(f"Hồ sơ {ref}: độ mật {level} ({role_book().level_name(level)}).")


@access_app.command("assign")
def assign(
    ref: Annotated[str, typer.Argument(metavar="SỐ_HIỆU", help="Số hiệu hồ sơ")],
    user: Annotated[
        str, typer.Argument(metavar="NGƯỜI_ĐƯỢC_GIAO", help="Tên đăng nhập người được giao")
    ],
    kind: Kind = None,
    remove: Annotated[bool, typer.Option("--remove", help="Thu hồi thay vì giao")] = False,
    db: Db = DEFAULT_URL,
) -> None:
    """Giao (hoặc thu hồi với --remove) quyền xem hồ sơ mật cho một người dùng."""
    with open_engine(db, create=True) as engine:
        try:
            admin.assign(engine, kind or kind_of(engine, ref), ref, user, remove=remove)
        except QlahsError as error:
            raise fail(error, 1) from None
    console.print(f"Đã {'thu hồi' if remove else 'giao'} hồ sơ {ref} cho {user}.")
