"""Drafting over HTTP: the templates, and a record's document drafted as of a date, as a
preview (DOCX, nothing recorded, no number taken). Issuing a numbered document is the
CLI's `qlahs draft … --issue`."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Response

from qlahs.access.policy import Wish
from qlahs.drafting.bodies import Choices
from qlahs.drafting.catalogue import catalogue
from qlahs.drafting.desk import Request, draft
from qlahs.http.auth import ApiEngine
from qlahs.http.params import DateText, UnitCode, day
from qlahs.kernel.bounds import NAME_LIMIT, REF_LIMIT
from qlahs.oversight.trail import kind_of

router = APIRouter(tags=["Soạn thảo văn bản"])
Name = Annotated[str | None, Query(max_length=NAME_LIMIT, description="Họ tên")]
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@router.get("/drafting/templates", summary="Các mẫu văn bản soạn thảo được")
def templates(engine: ApiEngine) -> dict[str, Any]:
    engine.authorize(Wish("read.records", "xem danh mục mẫu văn bản"))
    return {
        "items": [
            {"id": t.id, "title": t.title, "kind": t.kind, "summary": t.summary, "about": t.about}
            for t in catalogue().all()
        ]
    }


@router.get(
    "/drafting/{template}/preview",
    summary="Bản dự thảo văn bản của một hồ sơ (DOCX, không ghi nhận, không lấy số)",
    response_class=Response,
)
def preview(
    engine: ApiEngine,
    template: str,
    ref: Annotated[str, Query(min_length=1, max_length=REF_LIMIT, description="Số hiệu hồ sơ")],
    kind: Annotated[str | None, Query(max_length=32)] = None,
    as_of: DateText = None,
    unit: UnitCode = None,
    prosecutor: Name = None,
    deputy: Name = None,
    person: Name = None,
    signer: Name = None,
) -> Response:
    chosen = kind or kind_of(engine, ref)
    own = unit or engine.subject(chosen, ref).unit
    choices = Choices(prosecutor=prosecutor, deputy=deputy, person=person, signer=signer)
    drafted = draft(engine, Request(template[:64], own, day(as_of, "as_of"), chosen, ref, choices))
    name = f"du-thao-{drafted.template.id}-{ref}.docx".replace("/", "-")
    headers = {"Content-Disposition": f'attachment; filename="{name}"'}
    return Response(drafted.docx, media_type=DOCX, headers=headers)
