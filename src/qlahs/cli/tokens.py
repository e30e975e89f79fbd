"""`qlahs access token …`: bearer tokens for the HTTP service (`qlahs serve`, docs/http.md)."""

from __future__ import annotations

from typing import Annotated

import typer

from qlahs.cli.options import Db
from qlahs.cli.support import console, fail, open_engine
from qlahs.kernel.errors import QlahsError
from qlahs.oversight import tokens
from qlahs.store import DEFAULT_URL

token_app = typer.Typer(
    help="Mã truy cập (bearer token) của dịch vụ HTTP: cấp và thu hồi.", no_args_is_help=True
)


@token_app.command("create")
def create(
    login: Annotated[str, typer.Argument(metavar="TÊN_ĐĂNG_NHẬP", help="Tên đăng nhập")],
    label: Annotated[str, typer.Option("--label", help="Ghi chú: dùng cho máy, ứng dụng nào")] = "",
    db: Db = DEFAULT_URL,
) -> None:
    """Cấp mã truy cập cho một người dùng; mã chỉ in ra một lần, kho chỉ giữ bản băm."""
    with open_engine(db) as engine:
        try:
            public, token = tokens.issue(engine, login, label)
        except QlahsError as error:
            raise fail(error, 1) from None
    console.print(f"Đã cấp mã truy cập {public} cho {login}. Mã (chỉ hiện một lần):")
    typer.echo(token)


@token_app.command("revoke")
def revoke(
    public: Annotated[
        str, typer.Argument(metavar="MÃ", help="Phần nhận diện của mã (sau 'qlahs_', trước '_')")
    ],
    db: Db = DEFAULT_URL,
) -> None:
    """Thu hồi một mã truy cập: từ đó mọi yêu cầu dùng mã này bị từ chối."""
    with open_engine(db) as engine:
        try:
            found = tokens.revoke(engine, public)
        except QlahsError as error:
            raise fail(error, 1) from None
    console.print(f"Đã thu hồi mã truy cập {public} của {found.login}.")
