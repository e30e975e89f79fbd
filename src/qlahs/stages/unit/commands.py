"""The `unit.*` actions: the organisation of the procuracy as recorded acts."""

from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import Field

from qlahs.stages.commands import Command

Level = Literal["toi_cao", "cap_cao", "tinh", "huyen", "khu_vuc"]

LEVEL_NAMES: dict[str, str] = {
    "toi_cao": "cấp tối cao",
    "cap_cao": "cấp cao",
    "tinh": "cấp tỉnh",
    "huyen": "cấp huyện, đến 30/06/2025",
    "khu_vuc": "cấp khu vực, từ 01/07/2025",
}


class EstablishUnit(Command):
    """Ghi nhận một đơn vị (thành lập, hoặc mốc bắt đầu thống kê của đơn vị đã có): `ref` là
    mã đơn vị, là mã các nguồn tin và vụ án của đơn vị mang trong trường `unit`."""

    action: ClassVar[str] = "unit.establish"
    name: str = Field(min_length=1)
    level: Level
    parent: str | None = Field(default=None, description="Mã đơn vị cấp trên trực tiếp")


class RenameUnit(Command):
    """Đổi tên đơn vị; mã đơn vị không đổi."""

    action: ClassVar[str] = "unit.rename"
    name: str = Field(min_length=1)


class ReattachUnit(Command):
    """Chuyển đơn vị sang đơn vị cấp trên trực tiếp khác (tỉnh hợp nhất…)."""

    action: ClassVar[str] = "unit.reattach"
    parent: str = Field(min_length=1)


class MergeUnit(Command):
    """Đơn vị chấm dứt hoạt động, sáp nhập vào đơn vị kế thừa: từ ngày có hiệu lực, nguồn tin
    và vụ án của đơn vị được thống kê cho đơn vị kế thừa."""

    action: ClassVar[str] = "unit.merge_into"
    into: str = Field(min_length=1, description="Mã đơn vị kế thừa")
