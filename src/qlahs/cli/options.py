"""The options many `qlahs` commands share, each declared once as a type to annotate a
parameter with: `def book(year: Year, unit: Unit = None, db: Db = DEFAULT_URL)`.

A command gives the default; the option's name, help and environment variable live here.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

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

# -- units ---------------------------------------------------------------------------------

Unit = Annotated[str | None, typer.Option("--unit", help="Mã đơn vị, ví dụ VKSKV7")]
UnitRequired = Annotated[str, typer.Option("--unit", help="Mã đơn vị, ví dụ VKSKV7")]
# statistics: no unit is the whole country
UnitOrNation = Annotated[
    str | None, typer.Option("--unit", help="Mã đơn vị; bỏ trống để thống kê toàn quốc")
]
AsUnit = Annotated[
    str | None, typer.Option("--as-unit", envvar="QLAHS_UNIT", help="Đơn vị của người dùng")
]

# -- output --------------------------------------------------------------------------------

Json = Annotated[bool, typer.Option("--json", help="In dạng JSON")]
Xlsx = Annotated[Path | None, typer.Option("--xlsx", help="Ghi ra tệp Excel")]
Limit = Annotated[int, typer.Option("--limit", help="Số dòng tối đa")]
FirstRows = Annotated[int | None, typer.Option("--limit", help="Chỉ in N dòng đầu")]

# -- years, dates and moments (parsed by support.parse_day and the commands) ----------------

Year = Annotated[int, typer.Option("--year", help="Năm của sổ")]
YearOrNone = Annotated[int | None, typer.Option("--year", help="Năm của sổ")]
AsOf = Annotated[
    str | None, typer.Option("--as-of", help="Ngày xét (YYYY-MM-DD), mặc định hôm nay")
]
On = Annotated[str | None, typer.Option("--on", help="Ngày văn bản (YYYY-MM-DD), mặc định hôm nay")]
Since = Annotated[str | None, typer.Option("--from", help="Từ ngày (YYYY-MM-DD)")]
Until = Annotated[str | None, typer.Option("--to", help="Đến ngày (YYYY-MM-DD)")]
KnownAt = Annotated[
    str | None,
    typer.Option(
        "--known-at",
        help="Như dữ liệu đã ghi nhận đến thời điểm này (YYYY-MM-DD[THH:MM[:SS]], giờ VN)",
    ),
]

# -- records -------------------------------------------------------------------------------

Kind = Annotated[
    str | None, typer.Option("--kind", help="Loại hồ sơ khi số hiệu trùng: report, case…")
]
Reason = Annotated[str, typer.Option("--reason", help="Lý do")]
