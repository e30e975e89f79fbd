"""The demo's procuracy acts: on each report and case, the prosecutor and the leader in charge
are assigned, and the VKS asks the body to verify or to investigate, most often with a day to
answer by; most answers come in time, some late, a few never. A few cases get a recommendation
(kiến nghị), a protest, a lessons notice, or a cancelled decision the body objects to before the
superior VKS (docs/vocabulary-supervision.md)."""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

from qlahs.demo.reports import PROSECUTORS
from qlahs.kernel.subject import day_of

LEADERS = ["Vũ Đức Thắng (Phó Viện trưởng)", "Ngô Thị Thu Hằng (Phó Viện trưởng)"]
INVESTIGATION_REQUESTS = [
    "Trưng cầu định giá tài sản bị chiếm đoạt",
    "Lấy lời khai bổ sung người làm chứng",
    "Thu thập dữ liệu camera tại nơi xảy ra vụ việc",
    "Xác minh nhân thân, tiền án, tiền sự của bị can",
    "Truy tìm, thu giữ vật chứng",
    "Đối chất giữa bị can và bị hại",
]
VERIFICATION_REQUESTS = [
    "Xác minh người bị tố giác",
    "Thu thập tài liệu về thiệt hại",
    "Lấy lời khai người biết sự việc",
]
RECOMMENDATIONS = [
    "Khắc phục việc chậm gửi quyết định cho Viện kiểm sát",
    "Khắc phục thiếu sót trong lập biên bản khám nghiệm hiện trường",
    "Phòng ngừa trộm cắp tài sản tại khu dân cư",
]


def supervision_commands(
    steps: list[dict[str, Any]], until: date, seed: int
) -> list[dict[str, Any]]:
    """The procuracy's acts on the reports and cases of `steps`, up to `until`."""
    rng = random.Random(seed * 104729 + 3)  # its own stream: the other acts stay as they were
    added: list[dict[str, Any]] = []
    for step in steps:
        if step["do"] == "report.receive" and step["with"]["received_by"] != "CA_XA":
            added += _report(step["ref"], day_of(step["on"]), rng)
        elif step["do"] == "case.open":
            added += _case(step["ref"], day_of(step["on"]), rng)
    units = {s["ref"]: s["unit"] for s in steps if "unit" in s}
    return [s | {"unit": units[s["ref"]]} for s in added if day_of(s["on"]) <= until]


def _step(on: date, do: str, ref: str, **fields: Any) -> dict[str, Any]:
    return {"on": on, "do": do, "ref": ref, "with": fields, "actor": "Kiểm sát viên"}


def _answered(
    rng: random.Random, area: str, ref: str, on: date, within: int, result: str
) -> list[dict[str, Any]]:
    """The body's answer: in time mostly, some late, a few never."""
    story = rng.random()
    if story < 0.1:
        return []
    delay = rng.randint(1, within) if story < 0.85 else within + rng.randint(3, 20)
    return [_step(on + timedelta(days=delay), f"{area}.answer_request", ref, result=result)]


def _report(ref: str, received: date, rng: random.Random) -> list[dict[str, Any]]:
    steps = []
    if rng.random() < 0.3:
        on = received + timedelta(days=rng.randint(3, 8))
        within = rng.choice([7, 10])
        content = rng.choice(VERIFICATION_REQUESTS)
        steps.append(
            _step(on, "report.request_verification", ref, content=content, answer_within=within)
        )
        steps += _answered(rng, "report", ref, on, within, "da_thuc_hien")
    return steps


def _case(ref: str, opened: date, rng: random.Random) -> list[dict[str, Any]]:
    assigned = opened + timedelta(days=rng.randint(1, 3))
    number = f"{rng.randint(1, 400)}/QĐ-VKSKV7"
    steps = [
        _step(assigned, "case.assign_prosecutor", ref, prosecutor=rng.choice(PROSECUTORS)),
        _step(assigned, "case.assign_leader", ref, prosecutor=rng.choice(LEADERS), decision=number),
    ]
    if rng.random() < 0.08:
        steps.append(
            _step(
                assigned + timedelta(days=rng.randint(20, 50)),
                "case.assign_prosecutor",
                ref,
                prosecutor=rng.choice(PROSECUTORS),
                reason="Kiểm sát viên được phân công trước đó được điều động",
            )
        )
    if rng.random() < 0.6:
        on = assigned + timedelta(days=rng.randint(2, 10))
        within = rng.choice([10, 15, 20])
        content = rng.choice(INVESTIGATION_REQUESTS)
        steps.append(
            _step(on, "case.request_investigation", ref, content=content, answer_within=within)
        )
        result = rng.choices(["da_thuc_hien", "thuc_hien_mot_phan", "khong_thuc_hien"], [8, 2, 1])
        steps += _answered(rng, "case", ref, on, within, result[0])
    story = rng.random()
    on = opened + timedelta(days=rng.randint(15, 40))
    if story < 0.1:
        steps.append(
            _step(on, "case.recommend", ref, content=rng.choice(RECOMMENDATIONS), answer_within=30)
        )
        if rng.random() < 0.7:
            answer = on + timedelta(days=rng.randint(10, 40))
            steps.append(_step(answer, "case.answer_recommendation", ref, result="chap_nhan"))
    elif story < 0.14:
        steps.append(
            _step(on, "case.notify_lessons", ref, content="Biên bản hỏi cung thiếu chữ ký")
        )
    elif story < 0.16:
        reason = "Quyết định tách vụ án không có căn cứ"
        steps.append(_step(on, "case.cancel_decision", ref, target="tach_nhap", reason=reason))
        objected = on + timedelta(days=rng.randint(2, 5))
        steps.append(_step(objected, "case.object_to_decision", ref, against="HB1"))
        settled = objected + timedelta(days=rng.randint(10, 25))
        steps.append(_step(settled, "case.answer_objection", ref, result="giu_nguyen"))
    return steps
