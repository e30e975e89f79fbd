"""`qlahs audit …`: a record's history as recorded (and as known at a time), refused access,
the hash chain's verification, unit keys and signed checkpoints, a cipher key, the erasure of
a record's personal data."""

from __future__ import annotations

import json
import sys
from datetime import datetime
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from qlahs.audit import checkpoint as cp
from qlahs.cli.errors import file_problem
from qlahs.cli.options import Db, Json, Kind, KnownAt, Limit, Unit, UnitRequired, writable_file
from qlahs.cli.support import console, fail, open_engine, parse_time
from qlahs.kernel.errors import QlahsError
from qlahs.law.calendar import fmt
from qlahs.oversight.erasure import erase
from qlahs.oversight.ledger import Verification, make_checkpoint, verify
from qlahs.oversight.refusals import refusals as find_refusals
from qlahs.oversight.trail import Entry, history
from qlahs.projections.queries import quarantined
from qlahs.stages.case.wording import VIETNAM
from qlahs.store import DEFAULT_URL
from qlahs.terminal.tables import headed_table, quarantine_table

audit_app = typer.Typer(
    help="Kiểm toán: lịch sử ghi nhận, chuỗi băm chống sửa, điểm kiểm tra có chữ ký.",
    no_args_is_help=True,
)


def _local(moment: datetime) -> str:
    return moment.astimezone(VIETNAM).strftime("%H:%M:%S %d/%m/%Y")


@audit_app.command("history")
def history_command(
    ref: Annotated[
        str,
        typer.Argument(metavar="SỐ_HIỆU", help="Số hiệu hồ sơ: nguồn tin, vụ án, sổ số văn bản"),
    ],
    kind: Kind = None,
    known_at: KnownAt = None,
    as_json: Json = False,
    db: Db = DEFAULT_URL,
) -> None:
    """Mọi sự kiện của một hồ sơ: ngày hiệu lực, lúc ghi, người ghi, đơn vị, nội dung thay đổi."""
    moment = parse_time(known_at, "--known-at")
    with open_engine(db) as engine:
        try:
            entries = history(engine, ref, kind=kind, known_at=moment)
        except QlahsError as error:
            raise fail(error, 1) from None
    if as_json:
        document = {"ref": ref, "known_at": known_at, "events": [e.to_json() for e in entries]}
        sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=1) + "\n")
        return
    console.print(history_table(ref, entries, moment))


def history_table(ref: str, entries: list[Entry], known_at: datetime | None) -> Table:
    when = f" — những gì đã biết lúc {_local(known_at)}" if known_at else ""
    headings = ("STT", "Ngày hiệu lực", "Ghi lúc", "Người ghi", "Đơn vị", "Sự kiện", "Thay đổi")
    title = f"Lịch sử ghi nhận {ref}{when} ({len(entries)} sự kiện)"
    table = headed_table(title, headings, show_lines=True)
    for index, entry in enumerate(entries, start=1):
        on = fmt(entry.on) if entry.on else "—"
        if entry.back_dated:
            on += "\n[yellow](ghi lùi ngày)[/]"
        changes = "; ".join(f"{key}: {value}" for key, value in entry.changes.items())
        table.add_row(
            str(index),
            on,
            _local(entry.recorded_at),
            entry.actor,
            entry.unit,
            f"{entry.event} ({entry.about})",
            changes,
        )
    return table


@audit_app.command("refusals")
def refusals_command(
    unit: Unit = None,
    since: Annotated[
        str | None, typer.Option("--since", help="Từ thời điểm (HH:MM dd/mm/yyyy)")
    ] = None,
    limit: Limit = 200,
    db: Db = DEFAULT_URL,
) -> None:
    """Các lần bị từ chối truy cập, mới nhất trước."""
    moment = parse_time(since, "--since")
    with open_engine(db) as engine:
        try:
            found = find_refusals(engine, unit=unit, since=moment, limit=limit)
        except QlahsError as error:
            raise fail(error, 1) from None
    table = headed_table(
        f"Các lần bị từ chối truy cập ({len(found)})",
        ("Lúc", "Người dùng", "Đơn vị", "Yêu cầu", "Lý do"),
        show_lines=True,
    )
    for row in found:
        table.add_row(
            _local(row["recorded_at"]), row["user"], row["actor_unit"], row["what"], row["reason"]
        )
    console.print(table)


@audit_app.command("verify")
def verify_command(
    checkpoint: Annotated[
        Path | None, typer.Option("--checkpoint", help="Điểm kiểm tra đã ký (tệp JSON)")
    ] = None,
    public_key: Annotated[
        Path | None, typer.Option("--public-key", help="Khóa công khai của đơn vị đã ký")
    ] = None,
    as_json: Json = False,
    db: Db = DEFAULT_URL,
) -> None:
    """Tính lại chuỗi băm; mã thoát 0 = nguyên vẹn, 1 = có chỗ bị sửa, xóa, chèn, đảo."""
    point = key = None
    try:
        if checkpoint is not None:
            point = cp.Checkpoint.from_json(_read(checkpoint).decode(), str(checkpoint))
            if public_key is None:
                raise fail("Cần tham số --public-key (khóa công khai của đơn vị đã ký).", 2)
            key = cp.public_key(_read(public_key), str(public_key))
        with open_engine(db) as engine:
            result = verify(engine, checkpoint=point, key=key)
            with engine.sql.connect() as connection:
                held = [_finding(row) for row in quarantined(connection)]
    except QlahsError as error:
        raise fail(error, 1) from None
    if as_json:
        document = verification_json(result) | {
            "quarantine": held,
            "healthy": result.intact and not held,
        }
        sys.stdout.write(json.dumps(document, ensure_ascii=False) + "\n")
    else:
        print_verification(result)
        if held:
            console.print(quarantine_table(held))
    if not result.intact or held:
        raise typer.Exit(1)


def _finding(row: dict[str, object]) -> dict[str, object]:
    return {"ref": row["ref"], "unit": row["unit"], "reason": row["reason"]}


def verification_json(result: Verification) -> dict[str, object]:
    broken = result.walk.broken
    return {
        "intact": result.intact,
        "checked": result.walk.checked,
        "head_position": result.walk.head_position,
        "head": result.walk.head_link,
        "unlinked": result.walk.unlinked,
        "broken": None
        if broken is None
        else {"kind": broken.kind, "position": broken.position, "message": broken.message},
        "checkpoint": None if result.checkpoint is None else result.checkpoint.position,
        "checkpoint_problem": result.checkpoint_problem,
        "key_problems": list(result.key_problems),
        "unreadable": result.unreadable,
        "seconds": round(result.seconds, 3),
    }


def print_verification(result: Verification) -> None:
    walk = result.walk
    if result.unreadable:
        console.print(f"[red]Nhật ký không đọc được:[/] {result.unreadable}")
    for problem in result.key_problems:
        console.print(f"[red]Bảng khóa không khớp nhật ký:[/] {problem}")
    if walk.broken is not None:
        console.print(f"[red]Chuỗi băm bị phá vỡ:[/] {walk.broken.message}")
        console.print(f"{walk.checked} mắt xích đầu tiên vẫn nguyên vẹn.")
    else:
        console.print(
            f"Chuỗi băm nguyên vẹn: {walk.checked} sự kiện, đến sự kiện số {walk.head_position} "
            f"({result.seconds:.2f} giây)."
        )
    if result.checkpoint is not None:
        if result.checkpoint_problem:
            console.print(f"[red]Không khớp điểm kiểm tra:[/] {result.checkpoint_problem}")
        else:
            console.print(
                f"Khớp điểm kiểm tra của {result.checkpoint.unit} ký lúc "
                f"{result.checkpoint.made_at}: {result.checkpoint.count} sự kiện đầu không "
                "thay đổi."
            )


@audit_app.command("keygen")
def keygen_command(
    unit: UnitRequired,
    out: Annotated[Path, typer.Option("--out", help="Thư mục ghi khóa")] = Path("."),
) -> None:
    """Tạo cặp khóa Ed25519 của đơn vị: <mã đơn vị>.key (giữ kín), .pub (gửi cấp trên)."""
    private, public = cp.new_key()
    out.mkdir(parents=True, exist_ok=True)
    secret = out / f"{unit}.key"
    if secret.exists():
        raise fail(f"Tệp {secret} đã có: không ghi đè khóa bí mật.", 2)
    secret.write_bytes(private)
    secret.chmod(0o600)
    (out / f"{unit}.pub").write_bytes(public)
    console.print(f"Đã ghi {secret} (giữ kín) và {out / f'{unit}.pub'} (gửi cấp trên).")


@audit_app.command("checkpoint")
def checkpoint_command(
    unit: UnitRequired,
    key: Annotated[Path, typer.Option("--key", help="Khóa bí mật của đơn vị (<mã đơn vị>.key)")],
    out: Annotated[
        Path,
        typer.Option("--out", help="Tệp điểm kiểm tra (JSON) gửi cấp trên", callback=writable_file),
    ],
    db: Db = DEFAULT_URL,
) -> None:
    """Ký đầu chuỗi băm hiện tại bằng khóa của đơn vị; cấp trên giữ bản làm chứng."""
    try:
        secret = cp.private_key(_read(key), str(key))
        with open_engine(db) as engine:
            point = make_checkpoint(engine, unit, secret)
    except QlahsError as error:
        raise fail(error, 1) from None
    out.write_text(point.to_json(), encoding="utf-8")
    console.print(
        f"Đã ký điểm kiểm tra của {unit}: {point.count} sự kiện, đến sự kiện số "
        f"{point.position}; ghi vào {out}."
    )


@audit_app.command("cipher-key")
def cipher_key_command() -> None:
    """In một khóa AES-256 mới cho biến môi trường QLAHS_CIPHER_KEY."""
    from eventsourcing.cryptography import AESCipher

    sys.stdout.write(AESCipher.create_key(num_bytes=32) + "\n")


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise fail(file_problem(error), 2) from None


@audit_app.command("erase")
def erase_command(
    ref: Annotated[str, typer.Argument(metavar="SỐ_HIỆU", help="Số hiệu hồ sơ: nguồn tin, vụ án")],
    reason: Annotated[
        str,
        typer.Option("--reason", help="Căn cứ xóa, ví dụ: Quyết định số 12/QĐ-VKSKV7 ngày …"),
    ],
    kind: Kind = None,
    db: Db = DEFAULT_URL,
) -> None:
    """Xóa dữ liệu cá nhân của một hồ sơ bằng cách hủy khóa riêng của nó (không hoàn tác được):
    họ tên, nội dung, ghi chú đọc ra là "[đã xóa …]"; thời hạn, sổ và chuỗi băm vẫn đúng."""
    with open_engine(db) as engine:
        try:
            done = erase(engine, ref, reason=reason, kind=kind)
        except QlahsError as error:
            raise fail(error, 1) from None
    console.print(
        f"Đã xóa dữ liệu cá nhân của {done.noun} {done.ref} ngày {done.erasure.day} "
        f"(căn cứ: {done.erasure.reason}); các trường cá nhân nay đọc là "
        f"{done.erasure.placeholder}."
    )
    if done.related:
        console.print(
            "[yellow]Lưu ý:[/] dữ liệu của cùng những người có thể còn trong hồ sơ liên quan "
            f"{', '.join(done.related)}: mỗi hồ sơ được xóa riêng nếu có căn cứ."
        )
