"""The people and offences of the demo's criminal cases: how each kind of report is usually
charged, held and sentenced, and the story one case's commands are gathered in."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

AGENCIES = (
    "Cơ quan Cảnh sát điều tra Công an tỉnh Quảng Ninh",
    "Cơ quan Cảnh sát điều tra Công an tỉnh Quảng Ninh (Phòng CSĐT tội phạm về ma túy)",
)
FAMILY = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô", "Dương", "Lý")
MIDDLE_MEN = ("Văn", "Đức", "Minh", "Quang", "Hữu", "Thành", "Công")
MIDDLE_WOMEN = ("Thị", "Thu", "Ngọc", "Thanh", "Kim")
GIVEN_MEN = ("An", "Bình", "Cường", "Dũng", "Hải", "Hùng", "Long", "Nam", "Phong", "Quân", "Sơn")
GIVEN_WOMEN = ("Hà", "Hạnh", "Hương", "Lan", "Mai", "Thảo", "Trang", "Yến")
NON_CUSTODIAL = ("treo", "cải tạo", "Phạt tiền")


@dataclass(frozen=True)
class Offence:
    """How the cases of one kind of report are usually charged, held and sentenced."""

    clauses: tuple[tuple[str, int], ...]  # (charged clause, weight)
    custody: float  # the share of accused who are held, then detained
    sentences: tuple[str, ...]
    agency: int = 0
    withdrawable: bool = False  # prosecuted only at the victim's request (Điều 155)


OFFENCES: dict[str, Offence] = {
    "Trộm cắp tài sản (xe máy)": Offence(
        (("BLHS 173 k1", 75), ("BLHS 173 k2", 25)),
        0.55,
        (
            "09 tháng tù",
            "01 năm tù",
            "01 năm 06 tháng tù",
            "02 năm tù",
            "01 năm tù cho hưởng án treo",
        ),
    ),
    "Lừa đảo chiếm đoạt tài sản qua mạng": Offence(
        (("BLHS 174 k1", 40), ("BLHS 174 k2", 40), ("BLHS 174 k3", 20)),
        0.5,
        ("02 năm tù", "03 năm tù", "07 năm tù", "02 năm tù cho hưởng án treo"),
    ),
    "Cố ý gây thương tích": Offence(
        (("BLHS 134 k1", 60), ("BLHS 134 k2", 40)),
        0.3,
        ("01 năm cải tạo không giam giữ", "01 năm tù", "02 năm tù", "01 năm tù cho hưởng án treo"),
        withdrawable=True,
    ),
    "Tàng trữ trái phép chất ma túy": Offence(
        (("BLHS 249 k1", 85), ("BLHS 249 k2", 15)),
        0.9,
        ("01 năm 06 tháng tù", "02 năm tù", "03 năm tù", "06 năm tù"),
        agency=1,
    ),
    "Đánh bạc": Offence(
        (("BLHS 321 k1", 80), ("BLHS 321 k2", 20)),
        0.15,
        ("Phạt tiền 20.000.000 đồng", "06 tháng cải tạo không giam giữ", "09 tháng tù"),
    ),
    "Vi phạm quy định về tham gia giao thông đường bộ": Offence(
        (("BLHS 260 k1", 85), ("BLHS 260 k2", 15)),
        0.05,
        ("01 năm tù cho hưởng án treo", "01 năm cải tạo không giam giữ", "02 năm tù"),
    ),
    "Cướp giật tài sản": Offence(
        (("BLHS 171 k1", 60), ("BLHS 171 k2", 40)), 0.85, ("02 năm tù", "03 năm tù", "05 năm tù")
    ),
    "Lạm dụng tín nhiệm chiếm đoạt tài sản": Offence(
        (("BLHS 175 k1", 70), ("BLHS 175 k2", 30)),
        0.25,
        ("01 năm tù", "02 năm tù", "01 năm tù cho hưởng án treo"),
    ),
    "Hủy hoại tài sản": Offence(
        (("BLHS 178 k1", 85), ("BLHS 178 k2", 15)),
        0.2,
        ("06 tháng cải tạo không giam giữ", "01 năm tù", "09 tháng tù cho hưởng án treo"),
    ),
    "Mua bán trái phép chất ma túy": Offence(
        (("BLHS 251 k1", 60), ("BLHS 251 k2", 40)), 1.0, ("03 năm tù", "07 năm tù", "09 năm tù"), 1
    ),
}
# Limits by category, only to pick realistic dates (the rules compute the real deadlines):
# investigation months (Điều 172), detention months to investigate (Điều 173), prosecution
# days (Điều 240), detention days while prosecuting (Điều 241) and before trial (Điều 278),
# trial preparation days (Điều 277).
INVESTIGATION = {"INT": 2, "NT": 3, "RNT": 4, "DBNT": 4}
EXTENSION = {"INT": 2, "NT": 3, "RNT": 4, "DBNT": 4}
DETENTION_EXTENSION = {"INT": 1, "NT": 2, "RNT": 3, "DBNT": 4}
PROSECUTION = {"INT": 20, "NT": 20, "RNT": 30, "DBNT": 30}
PROSECUTION_DETENTION = {"INT": 30, "NT": 30, "RNT": 45, "DBNT": 60}
TRIAL_DETENTION = {"INT": 45, "NT": 60, "RNT": 90, "DBNT": 120}
PREPARATION = {"INT": 30, "NT": 45, "RNT": 60, "DBNT": 90}


@dataclass
class Accused:
    code: str
    name: str
    detained: bool = False
    absconded: bool = False
    suspended_on: date | None = None
    detention_end: date | None = None


@dataclass
class Story:
    """The commands of one case, each with its legal date, in the order they happen."""

    ref: str
    rng: random.Random
    category: str
    steps: list[dict[str, Any]] = field(default_factory=list)
    persons: list[Accused] = field(default_factory=list)

    def add(self, on: date, do: str, note: str | None = None, **fields: Any) -> None:
        step: dict[str, Any] = {"on": on, "do": do, "ref": self.ref, "with": fields}
        if note:
            step["note"] = note
        self.steps.append(step)

    def chance(self, share: float) -> bool:
        return self.rng.random() < share

    def days(self, low: int, high: int) -> timedelta:
        return timedelta(days=self.rng.randint(low, high))

    @property
    def detained(self) -> list[Accused]:
        return [p for p in self.persons if p.detained]

    @property
    def active(self) -> list[Accused]:
        return [p for p in self.persons if not p.absconded]


def name(rng: random.Random) -> str:
    if rng.random() < 0.82:
        return f"{rng.choice(FAMILY)} {rng.choice(MIDDLE_MEN)} {rng.choice(GIVEN_MEN)}"
    return f"{rng.choice(FAMILY)} {rng.choice(MIDDLE_WOMEN)} {rng.choice(GIVEN_WOMEN)}"
