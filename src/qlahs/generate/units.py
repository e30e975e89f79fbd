"""The units a generated store holds, and how busy each one is.

The 34 provinces and centrally-run cities after the 2025 reorganisation (NQ 202/2025/QH15),
each with its provincial procuracy and its regional (khu vực) procuracies, about 355 in all
(research/peers.md). How many regional units each province has and how busy each unit is are
sample figures (**M**): the province's weight follows its population, Hà Nội and Hồ Chí Minh
City are busier per person, and within a province the first regional units (the city
centre) are the busiest. Quảng Ninh keeps the codes of `law/units.yaml` (VKSQN, VKSKV1–7).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from qlahs.law.units import units

Scale = Literal["unit", "province", "nation"]
SCALES: tuple[Scale, ...] = ("unit", "province", "nation")

# A national year (the figures): crime reports, criminal cases, numbered documents.
NATION_REPORTS = 150_000
NATION_CASES = 140_000
NATION_NUMBERS = 2_000_000
PROVINCE_SHARE = 0.08  # of a province's work done by the provincial procuracy itself
BUSY_CITIES = ("HN", "HCM")  # more crime per inhabitant
BUSY_FACTOR = 1.6

# (code, name, regional units, population in millions) — sample figures, see above
PROVINCES: tuple[tuple[str, str, int, float], ...] = (
    ("HN", "Thành phố Hà Nội", 24, 8.7),
    ("HCM", "Thành phố Hồ Chí Minh", 28, 14.0),
    ("HP", "Thành phố Hải Phòng", 11, 4.7),
    ("DNG", "Thành phố Đà Nẵng", 10, 3.1),
    ("CT", "Thành phố Cần Thơ", 9, 4.2),
    ("HUE", "Thành phố Huế", 6, 1.2),
    ("LCH", "tỉnh Lai Châu", 5, 0.5),
    ("DB", "tỉnh Điện Biên", 6, 0.6),
    ("SL", "tỉnh Sơn La", 8, 1.3),
    ("LS", "tỉnh Lạng Sơn", 7, 0.8),
    ("CB", "tỉnh Cao Bằng", 6, 0.5),
    ("QN", "tỉnh Quảng Ninh", 7, 1.4),
    ("TH", "tỉnh Thanh Hóa", 14, 3.7),
    ("NA", "tỉnh Nghệ An", 13, 3.4),
    ("HT", "tỉnh Hà Tĩnh", 9, 1.3),
    ("TQ", "tỉnh Tuyên Quang", 9, 1.9),
    ("LC", "tỉnh Lào Cai", 10, 1.8),
    ("TN", "tỉnh Thái Nguyên", 9, 1.7),
    ("PT", "tỉnh Phú Thọ", 11, 4.0),
    ("BN", "tỉnh Bắc Ninh", 12, 3.6),
    ("HY", "tỉnh Hưng Yên", 11, 3.6),
    ("NB", "tỉnh Ninh Bình", 11, 4.4),
    ("QT", "tỉnh Quảng Trị", 8, 1.9),
    ("QNG", "tỉnh Quảng Ngãi", 9, 2.2),
    ("GL", "tỉnh Gia Lai", 11, 3.6),
    ("KH", "tỉnh Khánh Hòa", 9, 2.2),
    ("LD", "tỉnh Lâm Đồng", 11, 3.9),
    ("DL", "tỉnh Đắk Lắk", 11, 3.4),
    ("DN", "tỉnh Đồng Nai", 12, 4.5),
    ("TNI", "tỉnh Tây Ninh", 11, 3.3),
    ("VL", "tỉnh Vĩnh Long", 10, 4.3),
    ("DT", "tỉnh Đồng Tháp", 9, 4.4),
    ("CM", "tỉnh Cà Mau", 7, 2.6),
    ("AG", "tỉnh An Giang", 11, 5.0),
)


@dataclass(frozen=True)
class UnitPlan:
    """One unit to generate: its code, name, level and superior, and its share of a national
    year (the share of every kind of work: reports, cases, numbers)."""

    code: str
    name: str
    level: Literal["tinh", "khu_vuc"]
    parent: str | None
    share: float
    province: str  # the province's name, for the agencies a case names

    def yearly(self, national: int, fraction: float) -> float:
        return national * self.share * fraction


def province_code(abbr: str) -> str:
    return "VKSQN" if abbr == "QN" else f"VKS{abbr}"


def regional_code(abbr: str, index: int) -> str:
    return f"VKSKV{index}" if abbr == "QN" else f"VKS{abbr}KV{index}"


def _province_units(abbr: str, name: str, regions: int, share: float) -> list[UnitPlan]:
    top = province_code(abbr)
    place = name.removeprefix("tỉnh ").removeprefix("Thành phố ")
    found = [
        UnitPlan(top, f"Viện kiểm sát nhân dân {name}", "tinh", None, share * PROVINCE_SHARE, name)
    ]
    # the city centre first and busiest: weights 1, 1/√2, 1/√3…
    weights = [1 / (index**0.5) for index in range(1, regions + 1)]
    total = sum(weights)
    for index, weight in enumerate(weights, start=1):
        found.append(
            UnitPlan(
                regional_code(abbr, index),
                f"Viện kiểm sát nhân dân khu vực {index} – {place}",
                "khu_vuc",
                top,
                share * (1 - PROVINCE_SHARE) * weight / total,
                name,
            )
        )
    return found


def nation() -> list[UnitPlan]:
    """Every unit of the country, province by province, with shares summing to 1."""
    weights = {
        abbr: people * (BUSY_FACTOR if abbr in BUSY_CITIES else 1.0)
        for abbr, _, _, people in PROVINCES
    }
    total = sum(weights.values())
    found: list[UnitPlan] = []
    for abbr, name, regions, _ in PROVINCES:
        found += _province_units(abbr, name, regions, weights[abbr] / total)
    return found


def plan(scale: Scale) -> list[UnitPlan]:
    """The units of a scale: one regional unit (khu vực 7 of Quảng Ninh), one province
    (Quảng Ninh), or the nation."""
    everything = nation()
    if scale == "nation":
        return everything
    province = [u for u in everything if u.code == "VKSQN" or u.parent == "VKSQN"]
    if scale == "province":
        return province
    return [u for u in province if u.code == "VKSKV7"]


def missing(chosen: list[UnitPlan]) -> list[UnitPlan]:
    """The units the unit tree (`units.yaml`) does not know: recorded as `unit.establish`
    acts so that the store knows them. A parent comes before its children."""
    known = units().units
    return [u for u in chosen if u.code not in known]
