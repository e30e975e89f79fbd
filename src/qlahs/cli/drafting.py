"""`qlahs draft …`: procedural documents drafted from the records (DOCX), numbered from the
registers when issued."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from qlahs.cli.options import AsOf, Db, Kind, Name, Unit, writable_file
from qlahs.cli.support import console, errors, fail, open_engine, parse_day
from qlahs.drafting.bodies import Choices
from qlahs.drafting.catalogue import catalogue
from qlahs.drafting.desk import Drafted, Request, draft
from qlahs.drafting.recommend import draft_recommendation
from qlahs.kernel.errors import QlahsError
from qlahs.oversight.trail import kind_of
from qlahs.stats.periods import parse_period
from qlahs.store import DEFAULT_URL

draft_app = typer.Typer(
    help="Soạn văn bản tố tụng từ hồ sơ (DOCX), lấy số khi ban hành.", no_args_is_help=True
)

Out = Annotated[
    Path,
    typer.Option("--out", help="Tệp DOCX ghi ra", callback=writable_file, dir_okay=False),
]
Issue = Annotated[
    bool, typer.Option("--issue", help="Ban hành: lấy số trong sổ và ghi nhận văn bản vào hồ sơ")
]
Person = Annotated[str | None, typer.Option("--person", help="Mã bị can", callback=Name)]
Prosecutor = Annotated[
    str | None, typer.Option("--prosecutor", help="Kiểm sát viên được phân công", callback=Name)
]
Deputy = Annotated[
    str | None, typer.Option("--deputy", help="Phó Viện trưởng được phân công", callback=Name)
]
Signer = Annotated[str | None, typer.Option("--signer", help="Người ký", callback=Name)]
Templates = Annotated[
    Path | None,
    typer.Option("--templates", help="Thư mục mẫu riêng của đơn vị", envvar="QLAHS_TEMPLATES"),
]
CommandId = Annotated[
    str | None, typer.Option("--command-id", help="Mã lệnh để gửi lại an toàn", callback=Name)
]


@draft_app.command("list")
def list_templates() -> None:
    """Các mẫu văn bản: mã, tên, sổ lấy số, dùng cho loại hồ sơ nào, phiên bản."""
    table = Table(title="Mẫu văn bản")
    for heading in ("Mã mẫu", "Tên văn bản", "Sổ lấy số", "Dùng cho", "Phiên bản"):
        table.add_column(heading)
    nouns = {
        "report": "nguồn tin",
        "case": "vụ án",
        "civil": "vụ việc dân sự",
        "admin": "vụ án hành chính",
        "agency": "cơ quan được kiểm sát",
    }
    for template in catalogue().all():
        table.add_row(
            template.id,
            template.title,
            template.series.value if template.series else "không đánh số",
            ", ".join(nouns[a] for a in template.about),
            str(template.version),
        )
    console.print(table)


def _record_command(template_id: str) -> Callable[..., None]:
    def command(
        ref: Annotated[str, typer.Option("--ref", help="Số hiệu hồ sơ", callback=Name)],
        out: Out,
        kind: Kind = None,
        as_of: AsOf = None,
        issue: Issue = False,
        prosecutor: Prosecutor = None,
        deputy: Deputy = None,
        person: Person = None,
        signer: Signer = None,
        unit: Unit = None,
        templates: Templates = None,
        command_id: CommandId = None,
        db: Db = DEFAULT_URL,
    ) -> None:
        day = parse_day(as_of, "--as-of")
        choices = Choices(prosecutor=prosecutor, deputy=deputy, person=person, signer=signer)
        with open_engine(db, create=issue) as engine:
            try:
                found = kind or kind_of(engine, ref)
                own = unit or engine.subject(found, ref).unit
                request = Request(template_id, own, day, found, ref, choices, templates, command_id)
                drafted = draft(engine, request, issue=issue)
            except QlahsError as error:
                raise fail(error, 1) from None
        _write(drafted, out)

    command.__doc__ = f"{catalogue().get(template_id).title} (DOCX)."
    return command


@draft_app.command("kien_nghi")
def recommendation(
    unit: Annotated[str, typer.Option("--unit", help="Đơn vị ban hành kiến nghị", callback=Name)],
    period: Annotated[str, typer.Option("--period", help="Kỳ, ví dụ 2025-06 hoặc 2025")],
    agency: Annotated[
        str, typer.Option("--agency", help="Tên cơ quan được kiến nghị", callback=Name)
    ],
    out: Out,
    on: Annotated[str | None, typer.Option("--on", help="Ngày văn bản (dd/mm/yyyy)")] = None,
    answer_within: Annotated[
        int | None,
        typer.Option("--answer-within", help="Số ngày cơ quan phải trả lời", min=1, max=365),
    ] = None,
    issue: Issue = False,
    signer: Signer = None,
    templates: Templates = None,
    command_id: CommandId = None,
    db: Db = DEFAULT_URL,
) -> None:
    """Kiến nghị khắc phục vi phạm của một cơ quan trong kỳ, tổng hợp từ danh sách vi phạm."""
    day = parse_day(on, "--on")
    choices = Choices(agency=agency, signer=signer)
    with open_engine(db, create=issue) as engine:
        try:
            request = Request(
                "kien_nghi",
                unit,
                day,
                "agency",
                agency,
                choices,
                templates,
                command_id,
                answer_within,
            )
            drafted = draft_recommendation(engine, request, parse_period(period), issue=issue)
        except QlahsError as error:
            raise fail(error, 1) from None
    _write(drafted, out)


def _write(drafted: Drafted, out: Path) -> None:
    out.write_bytes(drafted.docx)
    state = (
        f"đã ban hành số {drafted.symbol}"
        if drafted.symbol
        else ("đã ghi nhận" if drafted.document_ref else "bản dự thảo, chưa lấy số")
    )
    errors.print(f"Đã ghi {out} — {drafted.template.title}, {state}.")
    errors.print(f"Mã kiểm tra SHA-256: {drafted.checksum}")


for _template in catalogue().all():
    if "agency" not in _template.about:
        draft_app.command(_template.id)(_record_command(_template.id))
