"""From the record to the document: read the record as of the document's date, fill the
template, and — only when the document is issued — take its number from the right register
and record it, linked to the record.

A draft is reproducible: the same record, date and choices give the same bytes. Redrafting an
issued document reuses its number, so the checksum can be compared with the one recorded.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from qlahs.drafting.bodies import BODIES, Body, Choices
from qlahs.drafting.catalogue import Template, catalogue, template_file
from qlahs.drafting.render import checksum, render
from qlahs.drafting.words import date_line, number_line, parent_name, unit_name
from qlahs.engine import Engine
from qlahs.kernel.errors import QlahsError
from qlahs.kernel.subject import replay_until
from qlahs.law.number_series import series
from qlahs.law.units import units
from qlahs.stages.document.stage import document_book
from qlahs.stages.numbers.outcome import take


@dataclass(frozen=True)
class Drafted:
    template: Template
    docx: bytes
    checksum: str
    symbol: str  # "12/QĐ-VKSKV7"; empty for a draft not yet numbered or an unnumbered slip
    document_ref: str | None  # the issued document's reference; None for a preview
    about_ref: str = ""  # the record (or body) it was drafted from


@dataclass(frozen=True)
class Request:
    template: str
    unit: str
    on: date  # the document's date; the record is read as of this day
    about_kind: str
    about_ref: str
    choices: Choices = field(default_factory=Choices)
    folder: Path | None = None
    command_id: str | None = None
    answer_within: int | None = None  # days the body has to answer (a kiến nghị)


def draft(engine: Engine, request: Request, *, issue: bool = False) -> Drafted:
    """A record's document (`report` or `case`); issued when `issue`, else a preview."""
    template = catalogue().get(request.template)
    if request.about_kind not in template.about:
        raise QlahsError(
            f"Mẫu {template.id} không dùng cho {engine.registry.noun(request.about_kind)}."
        )
    acts = engine.history(request.about_kind, request.about_ref)
    if not acts or acts[0].day > request.on:
        raise QlahsError(
            f"{engine.registry.noun(request.about_kind).capitalize()} {request.about_ref} "
            f"chưa có vào ngày {request.on:%d/%m/%Y}."
        )
    record = replay_until(acts, request.on)
    judgement = engine.judge(request.about_kind, request.about_ref, request.on)
    choices = replace(request.choices, acts=[a for a in acts if a.day <= request.on])
    body = BODIES[template.id](record, judgement, choices)
    return finish(engine, template, request, body, issue)


def finish(
    engine: Engine, template: Template, request: Request, body: Body, issue: bool
) -> Drafted:
    file = template_file(template, request.unit, request.folder)
    issued = _issued(engine, template, request)
    if issued is not None:  # a redraft: the same number, the same bytes
        docx = render(file, _context(template, request, body, issued["symbol"]))
        return Drafted(
            template, docx, checksum(docx), issued["symbol"], issued["ref"], request.about_ref
        )
    preview = render(file, _context(template, request, body, None))  # fails before a number
    if not issue:
        return Drafted(template, preview, checksum(preview), "", None, request.about_ref)
    symbol, ref = _take_number(engine, template, request)
    docx = render(file, _context(template, request, body, symbol)) if symbol else preview
    digest = checksum(docx)
    engine.execute(
        {
            "do": "document.record",
            "ref": ref,
            "on": request.on,
            "unit": request.unit,
            "command_id": f"{request.command_id}:van-ban" if request.command_id else None,
            "with": {
                "template": template.id,
                "version": template.version,
                "title": template.title,
                "symbol": symbol,
                "checksum": digest,
                "about_kind": request.about_kind,
                "about_ref": request.about_ref,
                "as_of": request.on,
                "answer_within": request.answer_within,
            },
        }
    )
    return Drafted(template, docx, digest, symbol, ref, request.about_ref)


def _take_number(engine: Engine, template: Template, request: Request) -> tuple[str, str]:
    if template.series is None:
        ref = f"{request.unit}/{template.id}/{request.about_ref}/{request.on:%Y%m%d}"
        return "", ref
    numbers = take(
        engine,
        {
            "do": "number.issue",
            "on": request.on,
            "unit": request.unit,
            "command_id": f"{request.command_id}:so" if request.command_id else None,
            "with": {
                "series": template.series.value,
                "title": f"{template.title} — {request.about_ref}",
                "subject": request.about_ref,
                "signer": request.choices.signer or "",
            },
        },
    )
    number = numbers[0]
    return number.symbol, f"{number.register}/{number.label}"


def _issued(engine: Engine, template: Template, request: Request) -> dict[str, Any] | None:
    engine.catch_up()
    t = document_book
    with engine.sql.connect() as connection:
        row = connection.execute(
            sa.select(t.c.ref, t.c.symbol)
            .where(
                t.c.template == template.id,
                t.c.unit == request.unit,
                t.c.about_kind == request.about_kind,
                t.c.about_ref == request.about_ref,
                t.c.as_of == request.on,
                t.c.withdrawn_on.is_(None),
            )
            .order_by(t.c.issued_on.desc())
        ).first()
    return dict(row._mapping) if row else None


def _context(
    template: Template, request: Request, body: Body, symbol: str | None
) -> dict[str, Any]:
    tail = (
        f"{series(template.series.value).symbol_on(request.on)}-{units().symbol(request.unit)}"
        if template.series
        else ""
    )
    label = symbol.split("/", 1)[0] if symbol else None
    return {
        "co_quan_cap_tren": parent_name(request.unit).upper(),
        "ten_don_vi": unit_name(request.unit).upper(),
        "so_ky_hieu": number_line(label, tail),
        "dia_danh_ngay": date_line(request.unit, request.on),
        "ten_loai": template.kind,
        "trich_yeu": template.summary,
        "chuc_danh_ban_hanh": f"VIỆN TRƯỞNG {unit_name(request.unit).upper()}",
        "can_cu": [basis.line() for basis in template.bases_for(request.about_kind)],
        "loi_mo": body.opening,
        "noi_dung": body.lines,
        "noi_nhan": list(template.recipients),
        "quyen_han_ky": "",  # "KT. VIỆN TRƯỞNG" is written by hand when a deputy signs
        "chuc_vu_ky": template.signer,
        "nguoi_ky": request.choices.signer or "",
    }
