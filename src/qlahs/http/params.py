"""Query parameters as people type them: dates `dd/mm/yyyy` (ISO too), moments
`HH:MM dd/mm/yyyy`, pages counted from 1. A malformed one is refused naming the parameter."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Annotated, Any, TypeVar

from fastapi import Depends, Query

from qlahs.http.problems import Problem
from qlahs.kernel.dates import parse_vn_day, parse_vn_moment
from qlahs.projections.lists import Page
from qlahs.stats.snapshot import VIETNAM

T = TypeVar("T")
LARGEST_PAGE = 500

DateText = Annotated[
    str | None,
    Query(max_length=40, description="Ngày dd/mm/yyyy (hoặc YYYY-MM-DD); mặc định hôm nay"),
]
MomentText = Annotated[
    str | None,
    Query(
        max_length=40,
        description="Theo dữ liệu đã ghi nhận đến thời điểm này: dd/mm/yyyy, "
        "HH:MM dd/mm/yyyy hoặc ISO (một ngày: hết ngày đó)",
    ),
]
UnitCode = Annotated[
    str | None,
    Query(max_length=64, pattern=r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$", description="Mã đơn vị"),
]


def day(text: str | None, name: str) -> date:
    if text is None or not text.strip():
        return date.today()
    try:
        return parse_vn_day(text)
    except ValueError:
        raise Problem(
            422, f"Tham số '{name}' phải là ngày dạng dd/mm/yyyy (nhận được: {text!r:.60}).", name
        ) from None


def moment(text: str | None, name: str = "known_at") -> datetime | None:
    """A moment in Vietnam's time unless it names its offset; a date alone is the end of
    that day (what was shown that day)."""
    if text is None or not text.strip():
        return None
    text = text.strip()
    try:
        if " " not in text and "T" not in text:
            found = datetime.combine(parse_vn_day(text), time.max)
        else:
            parts = text.split()
            if len(parts) == 2 and "/" in parts[0] and ":" in parts[1]:
                text = f"{parts[1]} {parts[0]}"
            found = parse_vn_moment(text)
    except ValueError:
        raise Problem(
            422,
            f"Tham số '{name}' phải là ngày dd/mm/yyyy hoặc thời điểm HH:MM dd/mm/yyyy "
            f"(nhận được: {text!r:.60}).",
            name,
        ) from None
    return found if found.tzinfo else found.replace(tzinfo=VIETNAM)


@dataclass(frozen=True)
class Paging:
    page: int
    size: int

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.size

    def of(self, found: Page[T], shown: Callable[[T], dict[str, Any]]) -> dict[str, Any]:
        items = [shown(row) for row in found.items]
        return {"items": items, "total": found.total, "page": self.page, "size": self.size}

    def rows(self, rows: list[T]) -> tuple[list[T], int]:
        return rows[self.offset : self.offset + self.size], len(rows)


def paging(
    page: Annotated[int, Query(ge=1, le=1_000_000, description="Trang, từ 1")] = 1,
    size: Annotated[
        int, Query(ge=1, le=LARGEST_PAGE, description="Số dòng mỗi trang (tối đa 500)")
    ] = 50,
) -> Paging:
    return Paging(page, size)


Paged = Annotated[Paging, Depends(paging)]
