"""Two criminal cases told act by act, shared by the book and command-line tests.

VA1 goes the whole way (custody, a suspended accused, an extension, a return for
supplementary investigation, indictment, trial, appeal, enforcement); VA2 opens earlier, is
suspended and resumed, then dismissed by the VKS.
"""

from __future__ import annotations

from typing import Any

from qlahs.engine import Engine
from qlahs.kernel.bounds import FIRST_ACT_DAY
from qlahs.scenario.units import establish_units

UNIT = "VKS-T"


def _case(ref: str, steps: list[tuple[str, str, dict[str, Any]]]) -> list[dict[str, Any]]:
    return [{"on": on, "do": do, "ref": ref, "with": fields} for on, do, fields in steps]


VA1 = _case(
    "VA1",
    [
        ("2025-03-10", "case.open", {"crime": "BLHS 173 k1", "summary": "Trộm cắp xe máy"}),
        ("2025-03-10T09:00", "custody.arrest", {"person": "BC1"}),
        ("2025-03-10T10:00", "custody.hold", {"person": "BC1"}),
        ("2025-03-12T09:00", "custody.extend_hold", {"person": "BC1", "days": 3}),
        ("2025-03-12T15:00", "custody.approve_hold_extension", {"person": "BC1"}),
        (
            "2025-03-13",
            "case.charge",
            {"person": "BC1", "name": "Nguyễn Văn An", "crime": "BLHS 173 k1"},
        ),
        (
            "2025-03-13",
            "case.charge",
            {"person": "BC2", "name": "Trần Thị Bình", "crime": "BLHS 173 k1"},
        ),
        ("2025-03-14", "custody.detain", {"person": "BC1", "months": 2}),
        ("2025-03-15", "case.approve_charge", {"person": "BC1"}),
        ("2025-03-20", "case.approve_charge", {"person": "BC2"}),  # late: due 17/03
        (
            "2025-04-01",
            "case.suspend_investigation",
            {"person": "BC2", "ground": "benh_hiem_ngheo"},
        ),
        ("2025-04-20", "case.resume_investigation", {"person": "BC2"}),
        ("2025-05-05", "case.extend_investigation", {"months": 1}),
        ("2025-05-05", "custody.extend_detention", {"person": "BC1", "months": 1}),
        ("2025-05-20", "case.conclude_investigation", {"recommendation": "truy_to"}),
        ("2025-05-22", "case.receive_file", {}),
        ("2025-05-22", "custody.detain", {"person": "BC1", "days": 30, "stage": "prosecution"}),
        ("2025-05-30", "case.return_for_investigation", {"by": "VKS"}),
        ("2025-06-20", "case.conclude_investigation", {}),
        ("2025-06-21", "case.receive_file", {}),
        ("2025-06-25", "case.indict", {}),
        ("2025-06-26", "case.send_to_court", {}),
        ("2025-06-30", "case.court_accept", {}),
        ("2025-06-30", "custody.detain", {"person": "BC1", "days": 45, "stage": "trial"}),
        ("2025-07-10", "case.bring_to_trial", {}),
        (
            "2025-07-20",
            "case.judge",
            {
                "outcome": "Tuyên bố các bị cáo phạm tội",
                "sentences": {"BC1": "02 năm tù", "BC2": "01 năm tù cho hưởng án treo"},
            },
        ),
        ("2025-07-20", "custody.detain", {"person": "BC1", "days": 45, "stage": "judgment"}),
        ("2025-07-25", "case.appeal", {"person": "BC1"}),
        ("2025-08-10", "case.appeal_accept", {}),
        ("2025-09-10", "case.appeal_judge", {"outcome": "Giữ nguyên bản án sơ thẩm"}),
        ("2025-09-15", "case.enforcement_decision", {"person": "BC1"}),
    ],
)

VA2 = _case(
    "VA2",
    [
        (
            "2025-03-05",
            "case.open",
            {"crime": "BLHS 134 k1", "summary": "Đánh nhau gây thương tích"},
        ),
        (
            "2025-03-07",
            "case.charge",
            {"person": "BC1", "name": "Lê Thị Hạnh", "crime": "BLHS 134 k1"},
        ),
        ("2025-03-08", "case.approve_charge", {"person": "BC1"}),
        ("2025-03-20", "case.suspend_investigation", {"ground": "benh_hiem_ngheo"}),
        ("2025-04-05", "case.resume_investigation", {}),
        ("2025-04-20", "case.conclude_investigation", {}),
        ("2025-04-22", "case.receive_file", {}),
        ("2025-05-02", "case.dismiss", {"ground": "Người bị hại rút yêu cầu khởi tố"}),
    ],
)


def record(engine: Engine) -> None:
    establish_units(engine, [UNIT], FIRST_ACT_DAY)  # the tests' own unit, not in units.yaml
    for step in VA2 + VA1:
        engine.execute(step)
    engine.catch_up()
