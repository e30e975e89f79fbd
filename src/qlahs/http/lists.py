"""Questions over HTTP, each a `GET` with paging: deadlines (as of a date, due within N days,
overdue), violations, a record's state and history (as of a date, as known at a moment)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query

from qlahs.engine import Engine
from qlahs.http import models as m
from qlahs.http import shown
from qlahs.http.auth import ApiEngine
from qlahs.http.params import DateText, MomentText, Paged, UnitCode, day, moment
from qlahs.http.problems import Problem
from qlahs.kernel.bounds import REF_LIMIT

router = APIRouter(tags=["Thời hạn và vi phạm"])

Ref = Annotated[str, Path(max_length=REF_LIMIT, description="Số hiệu hồ sơ")]
Kind = Annotated[str, Path(max_length=32, description="Loại hồ sơ: report, case, civil…")]
RefQuery = Annotated[str | None, Query(max_length=REF_LIMIT, description="Số hiệu hồ sơ")]
Within = Annotated[int, Query(ge=0, le=3650, description="Số ngày tới")]


@router.get(
    "/deadlines",
    response_model=m.DeadlinePage,
    summary="Thời hạn tại một ngày (mặc định: chưa hoàn thành)",
)
def deadlines(
    engine: ApiEngine,
    paged: Paged,
    as_of: DateText = None,
    unit: UnitCode = None,
    ref: RefQuery = None,
    rule: Annotated[str | None, Query(max_length=100)] = None,
    every: Annotated[bool, Query(alias="all", description="Cả thời hạn đã hoàn thành")] = False,
    known_at: MomentText = None,
) -> dict[str, Any]:
    when, moment_ = day(as_of, "as_of"), moment(known_at)
    if every or ref is not None or rule is not None:
        found = engine.deadline_page(
            when,
            unit=unit,
            ref=ref,
            rule=rule,
            limit=paged.size,
            offset=paged.offset,
            known_at=moment_,
        )
    else:
        found = engine.unfinished_page(
            when, unit=unit, limit=paged.size, offset=paged.offset, known_at=moment_
        )
    return paged.of(found, lambda d: shown.deadline(engine, d))


@router.get(
    "/deadlines/due", response_model=m.DeadlinePage, summary="Thời hạn sắp đến hạn trong N ngày"
)
def due_within(
    engine: ApiEngine,
    paged: Paged,
    within: Within = 7,
    as_of: DateText = None,
    unit: UnitCode = None,
    known_at: MomentText = None,
) -> dict[str, Any]:
    found = engine.due_within_page(
        day(as_of, "as_of"),
        within,
        unit=unit,
        limit=paged.size,
        offset=paged.offset,
        known_at=moment(known_at),
    )
    return paged.of(found, lambda d: shown.deadline(engine, d))


@router.get("/deadlines/overdue", response_model=m.DeadlinePage, summary="Thời hạn đã quá hạn")
def overdue(
    engine: ApiEngine,
    paged: Paged,
    as_of: DateText = None,
    unit: UnitCode = None,
    known_at: MomentText = None,
) -> dict[str, Any]:
    found = engine.overdue_page(
        day(as_of, "as_of"),
        unit=unit,
        limit=paged.size,
        offset=paged.offset,
        known_at=moment(known_at),
    )
    return paged.of(found, lambda d: shown.deadline(engine, d))


@router.get(
    "/violations",
    response_model=m.ViolationPage,
    summary="Vi phạm thời hạn tố tụng, mỗi vi phạm nêu điều luật",
)
def violations(
    engine: ApiEngine,
    paged: Paged,
    as_of: DateText = None,
    unit: UnitCode = None,
    ref: RefQuery = None,
    known_at: MomentText = None,
) -> dict[str, Any]:
    found = engine.violation_page(
        day(as_of, "as_of"),
        unit=unit,
        ref=ref,
        limit=paged.size,
        offset=paged.offset,
        known_at=moment(known_at),
    )
    return paged.of(found, lambda v: shown.violation(engine, v))


def known_kind(engine: Engine, kind: str) -> str:
    if kind not in engine.registry.subjects:
        kinds = ", ".join(sorted(engine.registry.subjects))
        raise Problem(404, f"Không có loại hồ sơ '{kind:.32}'. Các loại: {kinds}.", "kind")
    return kind


def state(engine: Engine, kind: str, ref: str, as_of: str | None, known_at: str | None) -> Any:
    """A record's deadlines (each with its explanation) and violations on a date."""
    when, moment_ = day(as_of, "as_of"), moment(known_at)
    judgement = engine.judge(known_kind(engine, kind), ref, when, known_at=moment_)
    acts = engine.history(kind, ref, known_at=moment_)
    if not acts:
        raise Problem(404, f"Không tìm thấy {engine.registry.noun(kind)} {ref}.", "ref")
    first = acts[0]
    return {
        "kind": kind,
        "noun": engine.registry.noun(kind),
        "ref": ref,
        "unit": first.unit,
        "as_of": when.isoformat(),
        "as_of_text": f"{when:%d/%m/%Y}",
        "known_at": moment_.isoformat() if moment_ else None,
        "acts": len([a for a in acts if a.day <= when]),
        "deadlines": [shown.deadline(engine, d) for d in judgement.deadlines],
        "violations": [shown.violation(engine, v) for v in judgement.violations],
    }


@router.get(
    "/subjects/{kind}/{ref}",
    response_model=m.SubjectState,
    summary="Tình trạng hồ sơ tại một ngày (thời hạn, vi phạm)",
)
def subject(
    engine: ApiEngine,
    kind: Kind,
    ref: Ref,
    as_of: DateText = None,
    known_at: MomentText = None,
) -> dict[str, Any]:
    return dict(state(engine, kind, ref, as_of, known_at))


@router.get(
    "/subjects/{kind}/{ref}/history",
    response_model=m.ActPage,
    summary="Diễn biến hồ sơ: các hành vi đã ghi nhận",
)
def history(
    engine: ApiEngine,
    paged: Paged,
    kind: Kind,
    ref: Ref,
    known_at: MomentText = None,
) -> dict[str, Any]:
    acts = engine.history(known_kind(engine, kind), ref, known_at=moment(known_at))
    page, total = paged.rows(acts)
    items = [shown.act(engine, kind, act) for act in page]
    return {"items": items, "total": total, "page": paged.page, "size": paged.size}
