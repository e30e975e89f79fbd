"""The demo's crime reports, one story each (law.md §13, peers.md §3): most are police information
resolved within 20 days, a quarter need the body's 2-month extension, a few a VKS extension,
some are suspended while an expert opinion is awaited, and a handful are decided late or never
notified."""

from __future__ import annotations

import random
from collections import Counter
from datetime import date, timedelta
from typing import Any

from qlahs.law.calendar import Calendar, add_months
from qlahs.law.counting import add_days

UNIT = "VKSKV7"
PROSECUTORS = [
    "Nguyễn Thị Hồng Nhung",
    "Trần Văn Hải",
    "Lê Minh Tuấn",
    "Phạm Thu Hà",
    "Đỗ Quang Vinh",
]
FAMILY = [
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Hoàng",
    "Huỳnh",
    "Phan",
    "Vũ",
    "Võ",
    "Đặng",
    "Bùi",
    "Đỗ",
    "Ngô",
]
MIDDLE = ["Văn", "Thị", "Đức", "Minh", "Thanh", "Ngọc", "Quang", "Hữu", "Thu"]
GIVEN = [
    "An",
    "Bình",
    "Cường",
    "Dũng",
    "Hà",
    "Hải",
    "Hạnh",
    "Hùng",
    "Hương",
    "Lan",
    "Long",
    "Mai",
    "Nam",
    "Phong",
    "Quân",
    "Sơn",
    "Tâm",
    "Thảo",
    "Trang",
    "Tuấn",
]
CRIMES = [
    ("Trộm cắp tài sản (xe máy)", 24),
    ("Lừa đảo chiếm đoạt tài sản qua mạng", 16),
    ("Cố ý gây thương tích", 14),
    ("Tàng trữ trái phép chất ma túy", 10),
    ("Đánh bạc", 8),
    ("Vi phạm quy định về tham gia giao thông đường bộ", 8),
    ("Cướp giật tài sản", 6),
    ("Lạm dụng tín nhiệm chiếm đoạt tài sản", 6),
    ("Hủy hoại tài sản", 5),
    ("Mua bán trái phép chất ma túy", 3),
]
POLICE = [
    "Công an phường Hồng Hải",
    "Công an phường Bãi Cháy",
    "Công an xã Thống Nhất",
    "Đội CSĐTTP về TTXH",
]


def person(rng: random.Random) -> str:
    return f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"


def plan_report(
    number: int,
    received: date,
    until: date,
    rng: random.Random,
    calendar: Calendar,
    unit: str = UNIT,
) -> list[dict[str, Any]]:
    """One report's story, cut off at `until` (what has not happened yet is not recorded)."""
    ref = f"{unit}-TB-{received.year}-{number:04d}"
    crime = rng.choices([c for c, _ in CRIMES], weights=[w for _, w in CRIMES])[0]
    source = rng.choices(["tin_bao", "to_giac", "kien_nghi_khoi_to"], weights=[58, 34, 8])[0]
    body = rng.choices(["CQDT", "CQ_KHAC", "VKS", "CA_XA"], weights=[78, 5, 7, 10])[0]
    reporter = rng.choice(POLICE) if source != "to_giac" else person(rng)
    suspects = [person(rng)] if rng.random() < 0.6 else []
    steps: list[dict[str, Any]] = [
        {
            "on": received,
            "do": "report.receive",
            "ref": ref,
            "with": {
                "source": source,
                "received_by": body,
                "summary": crime,
                "reporter": reporter,
                "suspects": suspects,
            },
            "actor": "Cán bộ tiếp nhận",
        },
    ]
    start = received
    if body == "CA_XA":
        start = received + timedelta(days=rng.randint(1, 6))
        steps.append({"on": start, "do": "report.transfer", "ref": ref, "with": {"to": "CQDT"}})
    if body != "VKS":
        # Most bodies notify within 3 days; some late, a few weeks late.
        delay = rng.choices(
            [rng.randint(1, 3), rng.randint(4, 9), rng.randint(10, 25)], [90, 8, 2]
        )[0]
        steps.append(
            {"on": start + timedelta(days=delay), "do": "report.notify_procuracy", "ref": ref}
        )
    steps.append(
        {
            "on": start + timedelta(days=rng.randint(1, 5)),
            "do": "report.assign_prosecutor",
            "ref": ref,
            "with": {"prosecutor": rng.choice(PROSECUTORS)},
        }
    )
    due = add_days(start, 20, calendar).end
    outcome = rng.choices(["khoi_to", "khong_khoi_to"], weights=[38, 62])[0]
    story = rng.random()
    decide_on: date | None
    if story < 0.03:  # stalled: nobody decides, the report sits on the overdue list
        decide_on = None
    elif story < 0.58:  # decided within 20 days
        decide_on = start + timedelta(days=rng.randint(5, (due - start).days))
    elif story < 0.63:  # decided late, without any extension
        decide_on = due + timedelta(days=rng.randint(1, 15))
    elif story < 0.88:  # the body extends to 2 months
        steps.append(
            {"on": due - timedelta(days=rng.randint(0, 4)), "do": "report.extend", "ref": ref}
        )
        two_months = calendar.roll_forward(add_months(start, 2))[0]
        if rng.random() < 0.8:
            decide_on = due + timedelta(days=rng.randint(3, (two_months - due).days))
        else:  # and asks the VKS for more
            request_on = two_months - timedelta(days=rng.choice([6, 7, 8, 10, 3]))
            steps.append({"on": request_on, "do": "report.request_extension", "ref": ref})
            steps.append(
                {
                    "on": request_on + timedelta(days=rng.randint(1, 3)),
                    "do": "report.grant_extension",
                    "ref": ref,
                    "with": {"months": rng.choice([1, 2])},
                }
            )
            decide_on = two_months + timedelta(days=rng.randint(5, 50))
    else:  # suspended while an expert opinion or documents are awaited
        suspend_on = due - timedelta(days=rng.choice([0, 0, 0, 1, 5]))
        steps.append(
            {
                "on": suspend_on,
                "do": "report.suspend",
                "ref": ref,
                "with": {
                    "ground": rng.choice(
                        ["giam_dinh", "giam_dinh", "dinh_gia", "tai_lieu", "tuong_tro_tu_phap"]
                    )
                },
            }
        )
        if rng.random() < 0.6:
            resume_on = suspend_on + timedelta(days=rng.randint(15, 120))
            steps.append({"on": resume_on, "do": "report.resume", "ref": ref})
            decide_on = resume_on + timedelta(days=rng.randint(5, 40))
        else:
            decide_on = None
    if decide_on is not None:
        steps.append(
            {
                "on": decide_on,
                "do": "report.decide",
                "ref": ref,
                "with": {
                    "outcome": outcome,
                    "case": ref.replace("-TB-", "-VA-") if outcome == "khoi_to" else None,
                },
            }
        )
    return [s for s in steps if s["on"] <= until]


def commands(count: int, until: date, seed: int, calendar: Calendar) -> list[dict[str, Any]]:
    """Every command of the year, in the order the acts took effect."""
    rng = random.Random(seed)
    first = until - timedelta(days=364)
    days = [first + timedelta(days=rng.randrange(365)) for _ in range(count)]
    days.sort()
    steps: list[dict[str, Any]] = []
    numbers: Counter[int] = Counter()
    for received in days:
        numbers[received.year] += 1
        steps.extend(plan_report(numbers[received.year], received, until, rng, calendar))
    steps.sort(key=lambda s: s["on"])
    for step in steps:
        step["unit"] = UNIT
    return steps
