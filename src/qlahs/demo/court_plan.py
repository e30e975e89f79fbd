"""`qlahs demo`, civil and administrative supervision: one matter's story before the court of
the demo's area, as the VKS records it.

Most civil cases are accepted, notified, prepared and tried within the four months of BLTTDS
Điều 203; some settle (a decision recognising the parties' agreement takes effect at once),
some are dismissed or suspended, a few non-contentious matters are decided at a hearing. A
fifth of the judgments are appealed, a few protested by the VKS, and those go to the appeal
court. A few notices, judgments and decisions reach the VKS late, a few preparations run out:
they are the violations the supervision finds.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

from qlahs.demo.reports import PROSECUTORS

COURT = "Tòa án nhân dân khu vực 7"
APPEAL_COURT = "Tòa án nhân dân tỉnh"

# (kind, weight, plaintiffs, summaries)
CIVIL_KINDS: list[tuple[str, int, list[str], list[str]]] = [
    (
        "dan_su",
        40,
        ["Nguyễn Văn Bình", "Trần Thị Mai", "Lê Văn Sơn", "Phạm Thị Lan", "Hoàng Văn Đức"],
        [
            "Tranh chấp hợp đồng vay tài sản",
            "Tranh chấp quyền sử dụng đất",
            "Tranh chấp chia di sản thừa kế",
            "Đòi bồi thường thiệt hại ngoài hợp đồng",
        ],
    ),
    (
        "hon_nhan_gia_dinh",
        35,
        ["Vũ Thị Hằng", "Đỗ Văn Nam", "Bùi Thị Thu", "Ngô Văn Quang"],
        ["Ly hôn, tranh chấp nuôi con", "Ly hôn, chia tài sản chung", "Thay đổi người nuôi con"],
    ),
    (
        "kinh_doanh_thuong_mai",
        18,
        ["Công ty TNHH Minh Phát", "Công ty cổ phần Hải An", "Ngân hàng thương mại cổ phần B"],
        ["Tranh chấp hợp đồng mua bán hàng hóa", "Tranh chấp hợp đồng tín dụng"],
    ),
    (
        "lao_dong",
        7,
        ["Đặng Văn Long", "Lý Thị Hoa"],
        ["Tranh chấp đơn phương chấm dứt hợp đồng lao động", "Đòi tiền lương"],
    ),
]
ADMIN_PLAINTIFFS = ["Trịnh Văn Tài", "Mai Thị Xuân", "Công ty TNHH Đông Sơn", "Lương Văn Hùng"]
ADMIN_SUMMARIES = [
    "Khởi kiện quyết định thu hồi đất",
    "Khởi kiện quyết định xử phạt vi phạm hành chính",
    "Khởi kiện quyết định cưỡng chế tháo dỡ công trình",
    "Khởi kiện việc cấp giấy chứng nhận quyền sử dụng đất",
]
OUTCOMES = [
    "Chấp nhận toàn bộ yêu cầu khởi kiện",
    "Chấp nhận một phần yêu cầu khởi kiện",
    "Không chấp nhận yêu cầu khởi kiện",
]
APPEAL_OUTCOMES = ["Giữ nguyên bản án sơ thẩm", "Sửa bản án sơ thẩm", "Hủy bản án sơ thẩm"]


def _delay(rng: random.Random, usual: tuple[int, int], late: tuple[int, int], p: float) -> int:
    """Days until the court's document reaches the VKS: usually in time, sometimes late."""
    return rng.randint(*late) if rng.random() < p else rng.randint(*usual)


class _Story:
    """The steps of one matter, cut at `until`."""

    def __init__(self, prefix: str, ref: str, rng: random.Random) -> None:
        self.prefix, self.ref, self.rng = prefix, ref, rng
        self.steps: list[dict[str, Any]] = []

    def add(self, on: date, verb: str, **fields: Any) -> date:
        step: dict[str, Any] = {"on": on, "do": f"{self.prefix}.{verb}", "ref": self.ref}
        if fields:
            step["with"] = fields
        self.steps.append(step)
        return on

    def deliver(self, on: date, document: str, p_late: float = 0.08) -> None:
        self.add(
            on + timedelta(days=_delay(self.rng, (1, 3), (6, 14), p_late)),
            "deliver",
            document=document,
        )

    def trial(self, accepted: date) -> None:
        """From the decision to try the case to its judgment, appeal and effect."""
        rng = self.rng
        prepare = rng.choices([rng.randint(40, 115), rng.randint(125, 150)], [90, 10])[0]
        decided = self.add(accepted + timedelta(days=prepare), "bring_to_trial")
        self.deliver(decided, "dua_ra_xet_xu")
        self.add(decided + timedelta(days=3), "send_file")
        self.add(
            decided + timedelta(days=rng.choices([10, 14, 19], [60, 30, 10])[0]), "return_file"
        )
        judged = decided + timedelta(days=rng.randint(18, 28))
        prosecutor = rng.choice(PROSECUTORS)
        self.add(judged, "attend", prosecutor=prosecutor)
        self.add(judged, "judge", outcome=rng.choice(OUTCOMES))
        self.deliver(judged, "ban_an", p_late=0.1)
        story = rng.random()
        if story < 0.22:
            self.add(
                judged + timedelta(days=rng.randint(5, 14)),
                "appeal",
                party=rng.choice(["Nguyên đơn", "Bị đơn", "Người khởi kiện"]),
            )
        elif story < 0.28:
            self.add(judged + timedelta(days=rng.choice([8, 12, 14, 17])), "protest", level="same")
        else:
            self.add(judged + timedelta(days=rng.randint(20, 35)), "take_effect")
            return
        appeal_on = self.add(judged + timedelta(days=rng.randint(30, 55)), "appeal_accept")
        heard = self.add(
            appeal_on + timedelta(days=rng.randint(40, 80)),
            "appeal_judge",
            outcome=rng.choice(APPEAL_OUTCOMES),
        )
        self.add(heard, "take_effect")


def civil_story(number: int, received: date, rng: random.Random) -> list[dict[str, Any]]:
    kind, _, plaintiffs, summaries = rng.choices(CIVIL_KINDS, [k[1] for k in CIVIL_KINDS])[0]
    viec = kind in ("dan_su", "hon_nhan_gia_dinh") and rng.random() < 0.12
    ref = f"{number:03d}/{received.year}/TLST-{'VDS' if viec else 'DS'}"
    story = _Story("civil", ref, rng)
    story.add(
        received,
        "receive_claim",
        procedure="viec" if viec else "vu_an",
        kind=kind,
        court=COURT,
        plaintiff=rng.choice(plaintiffs),
        summary=rng.choice(summaries),
    )
    if rng.random() < 0.06:  # the claim goes back to the plaintiff
        returned = story.add(
            received + timedelta(days=rng.randint(5, 12)),
            "return_claim",
            ground="Chưa đủ điều kiện khởi kiện",
        )
        story.deliver(returned, "tra_lai_don")
        return story.steps
    accepted = story.add(received + timedelta(days=rng.randint(5, 20)), "accept")
    story.deliver(accepted, "thong_bao_thu_ly")
    if viec:
        scheduled = story.add(
            accepted + timedelta(days=rng.choices([20, 28, 38], [50, 40, 10])[0]),
            "schedule_hearing",
        )
        story.deliver(scheduled, "mo_phien_hop")
        decided = story.add(
            scheduled + timedelta(days=rng.randint(7, 14)),
            "decide_petition",
            outcome="Chấp nhận đơn yêu cầu",
        )
        story.deliver(decided, "quyet_dinh")
        story.add(
            decided + timedelta(days=rng.randint(16, 25)), "take_effect", against="quyet_dinh"
        )
        return story.steps
    path = rng.random()
    if path < 0.2:  # the parties settle: the recognising decision is in effect at once
        story.add(
            accepted + timedelta(days=rng.randint(25, 90)), "take_effect", against="quyet_dinh"
        )
    elif path < 0.3:  # the plaintiff withdraws
        dismissed = story.add(
            accepted + timedelta(days=rng.randint(30, 110)),
            "dismiss",
            ground="Người khởi kiện rút toàn bộ yêu cầu khởi kiện",
        )
        story.deliver(dismissed, "dinh_chi", p_late=0.15)
    elif path < 0.42:  # suspended while a party is sought or an expert answers
        suspended = story.add(
            accepted + timedelta(days=rng.randint(30, 90)),
            "suspend",
            ground=rng.choice(
                [
                    "Chờ kết quả giám định",
                    "Đương sự chết, chờ người thừa kế quyền và nghĩa vụ tố tụng",
                ]
            ),
        )
        story.deliver(suspended, "tam_dinh_chi", p_late=0.2)
        if rng.random() < 0.5:
            resumed = story.add(suspended + timedelta(days=rng.randint(30, 100)), "resume")
            story.trial(resumed)
    else:
        story.trial(accepted)
    return story.steps


def admin_story(number: int, received: date, rng: random.Random) -> list[dict[str, Any]]:
    ref = f"{number:03d}/{received.year}/TLST-HC"
    story = _Story("admin", ref, rng)
    story.add(
        received,
        "receive_claim",
        court=COURT,
        plaintiff=rng.choice(ADMIN_PLAINTIFFS),
        summary=rng.choice(ADMIN_SUMMARIES),
    )
    accepted = story.add(received + timedelta(days=rng.randint(5, 20)), "accept")
    story.deliver(accepted, "thong_bao_thu_ly", p_late=0.12)
    if rng.random() < 0.15:  # the dialogue succeeds or the claim is withdrawn
        dismissed = story.add(
            accepted + timedelta(days=rng.randint(30, 90)),
            "dismiss",
            ground="Người khởi kiện rút đơn khởi kiện",
        )
        story.deliver(dismissed, "dinh_chi")
    else:
        story.trial(accepted)
    return story.steps


def court_commands(
    civil: int, admin: int, until: date, seed: int, unit: str
) -> list[dict[str, Any]]:
    """A year of civil matters and administrative cases before the area's court, up to
    `until`, in the order the acts took effect."""
    rng = random.Random(seed * 104729 + 17)  # its own stream: the criminal demo stays as it was
    first = until - timedelta(days=364)
    steps: list[dict[str, Any]] = []
    for count, story in ((civil, civil_story), (admin, admin_story)):
        days = sorted(first + timedelta(days=rng.randrange(365)) for _ in range(count))
        numbers: dict[int, int] = {}
        for received in days:
            numbers[received.year] = numbers.get(received.year, 0) + 1
            steps += story(numbers[received.year], received, rng)
    kept = [s | {"unit": unit} for s in steps if s["on"] <= until]
    return sorted(kept, key=lambda s: s["on"])
