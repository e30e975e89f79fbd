"""The options many `qlahs` commands share, each declared once as a type to annotate a
parameter with: `def book(year: Year, unit: Unit = None, db: Db = DEFAULT_URL)`.

A command gives the default; the option's name, help and environment variable live here.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Annotated

import typer

from qlahs.cli.errors import Refused
from qlahs.kernel.bounds import CODE_LIMIT, NAME_LIMIT

FIRST_YEAR, LAST_YEAR = 1950, 2099
SEARCH_LIMIT = 200  # characters of a search text
MOST_ROWS = 100_000


def short(limit: int) -> Callable[[str | None], str | None]:
    """A callback refusing a text longer than `limit` characters."""

    def check(value: str | None) -> str | None:
        if value is not None and len(value) > limit:
            raise Refused(f"dài quá {limit} ký tự (nhận được {len(value)} ký tự).")
        return value

    return check


def writable_file(value: Path | None) -> Path | None:
    """A file to write: its folder must already be there, checked before any work."""
    if value is not None and not value.parent.is_dir():
        raise Refused(f"thư mục {value.parent} không tồn tại: hãy tạo thư mục trước.")
    return value


Db = Annotated[
    str, typer.Option("--db", help="sqlite:///tệp.db hoặc postgresql://…", envvar="QLAHS_DB")
]
AsUser = Annotated[
    str | None,
    typer.Option(
        "--as-user",
        envvar="QLAHS_USER",
        help="Người dùng (tên đăng nhập) mà mọi lệnh được kiểm tra quyền; không có: hệ thống",
    ),
]

ReadDb = Annotated[
    str | None,
    typer.Option(
        "--read-db",
        envvar="QLAHS_READ_DB",
        help="Bản sao chỉ đọc (PostgreSQL streaming replica) để đọc danh sách, sổ và tìm vụ án",
    ),
]

# -- units ---------------------------------------------------------------------------------

_code = short(CODE_LIMIT)
Unit = Annotated[str | None, typer.Option("--unit", help="Mã đơn vị, ví dụ VKSKV7", callback=_code)]
UnitRequired = Annotated[
    str, typer.Option("--unit", help="Mã đơn vị, ví dụ VKSKV7", callback=_code)
]
# statistics: no unit is the whole country
UnitOrNation = Annotated[
    str | None,
    typer.Option("--unit", help="Mã đơn vị; bỏ trống để thống kê toàn quốc", callback=_code),
]
AsUnit = Annotated[
    str | None,
    typer.Option("--as-unit", envvar="QLAHS_UNIT", help="Đơn vị của người dùng", callback=_code),
]

# -- output --------------------------------------------------------------------------------

Json = Annotated[bool, typer.Option("--json", help="In dạng JSON")]
Xlsx = Annotated[
    Path | None, typer.Option("--xlsx", help="Ghi ra tệp Excel", callback=writable_file)
]
Limit = Annotated[int, typer.Option("--limit", help="Số dòng tối đa", min=1, max=MOST_ROWS)]
FirstRows = Annotated[
    int | None, typer.Option("--limit", help="Chỉ in N dòng đầu", min=1, max=MOST_ROWS)
]
BookPageSize = Annotated[
    int | None,
    typer.Option(
        "--limit", help="Số dòng mỗi trang (xem --page); không ghi: in cả sổ", min=1, max=MOST_ROWS
    ),
]
PageSize = Annotated[int, typer.Option("--limit", help="Số dòng mỗi trang", min=1, max=MOST_ROWS)]
PageNumber = Annotated[int, typer.Option("--page", help="Trang thứ mấy (từ 1)", min=1, max=10**6)]
SearchText = short(SEARCH_LIMIT)
Name = short(NAME_LIMIT)

# -- years, dates and moments (parsed by support.parse_day and the commands) ----------------

Year = Annotated[int, typer.Option("--year", help="Năm của sổ", min=FIRST_YEAR, max=LAST_YEAR)]
YearOrNone = Annotated[
    int | None, typer.Option("--year", help="Năm của sổ", min=FIRST_YEAR, max=LAST_YEAR)
]
AsOf = Annotated[
    str | None, typer.Option("--as-of", help="Ngày xét (dd/mm/yyyy), mặc định hôm nay")
]
On = Annotated[str | None, typer.Option("--on", help="Ngày văn bản (dd/mm/yyyy), mặc định hôm nay")]
Since = Annotated[str | None, typer.Option("--from", help="Từ ngày (dd/mm/yyyy)")]
Until = Annotated[str | None, typer.Option("--to", help="Đến ngày (dd/mm/yyyy)")]
KnownAt = Annotated[
    str | None,
    typer.Option(
        "--known-at",
        help="Như dữ liệu đã ghi nhận đến thời điểm này (dd/mm/yyyy hoặc dd/mm/yyyy HH:MM, "
        "giờ VN; ngày không kèm giờ: hết ngày đó)",
    ),
]

# -- records -------------------------------------------------------------------------------

Kind = Annotated[
    str | None,
    typer.Option("--kind", help="Loại hồ sơ khi số hiệu trùng: report, case…", callback=_code),
]
Reason = Annotated[str, typer.Option("--reason", help="Lý do")]
