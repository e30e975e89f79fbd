"""Complaints and denunciations (BLTTHS 2015 Điều 469–483): the books, the statistics measures
and the refusals of what cannot be true. The time limits are proved by the scenarios in
tests/scenarios/complaints/."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from qlahs.domain.complaint import Complaint
from qlahs.engine import Engine
from qlahs.kernel.errors import CommandRejected
from qlahs.projections.books import book
from qlahs.stages.complaint.statistics import STATISTICS
from qlahs.stages.registry import registry
from qlahs.stats.compute import report_of
from qlahs.stats.indicators import parse_catalogue
from qlahs.stats.periods import parse_period
from stats_fakes import FakeEngine

ROOT = Path(__file__).resolve().parents[1]
UNIT = "VKSKV7"
RECEIVE = {
    "nature": "khieu_nai",
    "against_level": "dieu_tra_vien",
    "received_by": "CQDT",
    "complainant": "Nguyễn Văn A",
    "summary": "Khiếu nại biên bản khám xét",
}


def _step(do: str, ref: str, on: str, **fields: Any) -> dict[str, Any]:
    return {"do": do, "ref": ref, "on": on, "with": fields}


def test_the_books_show_the_complaint_and_the_procuracys_requests(tmp_path: Path) -> None:
    with Engine.open(f"sqlite:///{tmp_path / 'k.db'}", default_unit=UNIT) as engine:
        engine.execute(_step("complaint.receive", "KN1", "2025-03-03", **RECEIVE))
        engine.execute(
            _step(
                "complaint.request_supervision",
                "KN1",
                "2025-03-11",
                request="YC1",
                request_kind="ra_quyet_dinh",
            )
        )
        engine.execute(_step("complaint.resolve", "KN1", "2025-03-12", outcome="sai"))
        engine.execute(_step("complaint.answer", "KN1", "2025-03-13", request="YC1"))
        engine.catch_up()
        complaints, requests = book("KN"), book("KNVP")
        with engine.sql.connect() as connection:
            (row,) = complaints.rows(connection, UNIT, 2025)
            (asked,) = requests.rows(connection, UNIT, 2025)
            assert complaints.rows(connection, UNIT, 2024) == []
        cells = complaints.cells(row)
        assert cells[:5] == ["1", "03/03/2025", "KN1", "Khiếu nại", "Nguyễn Văn A"]
        assert "12/03/2025" in cells and "Khiếu nại, tố cáo sai" in cells
        assert requests.cells(asked) == [
            "1",
            "11/03/2025",
            "YC1",
            "Yêu cầu ra quyết định, văn bản giải quyết",
            "KN1",
            "Cơ quan điều tra",
            "13/03/2025",
        ]
        late = [v for v in engine.violations(date(2025, 3, 31)) if v.rule == "complaint.resolve"]
        assert [(v.kind, v.days_overdue) for v in late] == [("late", 2)]


def _acts(*steps: tuple[str, str, dict[str, Any]]) -> tuple[Complaint, list[Any]]:
    """A complaint built by its own methods, with the acts it recorded."""
    (on, _, fields), *rest = steps
    complaint = Complaint.receive(
        ref="KN1",
        on=date.fromisoformat(on),
        actor="a",
        unit=UNIT,
        note=None,
        command_id=None,
        known_on=None,
        hindered_days=0,
        **({"object": "khac"} | fields),
    )
    for on, act, extra in rest:
        complaint.record(
            getattr(Complaint, act),
            on=date.fromisoformat(on),
            actor="a",
            unit=UNIT,
            note=None,
            command_id=None,
            **extra,
        )
    return complaint, complaint.collect_events()


def test_each_resolution_counts_as_in_time_or_late() -> None:
    fields = {k: v for k, v in RECEIVE.items()}
    complaint, acts = _acts(
        ("2025-03-03", "", fields),
        ("2025-03-07", "Resolved", {"outcome": "sai"}),
        ("2025-03-10", "ComplainedFurther", {"decision_received_on": None}),
        ("2025-03-20", "Resolved", {"outcome": "sai"}),
    )
    assert STATISTICS.measures is not None
    assert list(STATISTICS.measures(complaint, acts)) == [
        (date(2025, 3, 7), "complaint.resolved_in_time"),
        # Điều 475 k1: the procuracy resolves a further complaint in 07 days, by 17/03
        (date(2025, 3, 20), "complaint.resolved_late"),
    ]
    assert STATISTICS.label(acts[0], complaint, "") == "Received.khieu_nai"
    (stock,) = STATISTICS.stocks
    assert stock.members(complaint) == frozenset()


@pytest.mark.parametrize(
    ("fields", "words"),
    [
        ({**RECEIVE, "known_on": "2025-03-04"}, "known_on"),
        ({**RECEIVE, "nature": "to_cao", "known_on": "2025-03-01"}, "tố cáo không có thời hiệu"),
        ({**RECEIVE, "against_level": "thu_ky"}, "against_level"),
        ({**RECEIVE, "complainant": ""}, "complainant"),
        ({**RECEIVE, "hindered_days": 400}, "hindered_days"),
    ],
)
def test_what_cannot_be_true_is_refused_naming_the_field(
    fields: dict[str, Any], words: str
) -> None:
    with pytest.raises(CommandRejected, match=words):
        registry().command("complaint.receive", {"ref": "KN1", "on": "2025-03-03", **fields})


def test_no_further_complaint_after_a_final_decision_and_no_extension_of_a_plain_one(
    tmp_path: Path,
) -> None:
    with Engine.open(f"sqlite:///{tmp_path / 'k.db'}", default_unit=UNIT) as engine:
        engine.execute(
            _step(
                "complaint.receive",
                "KN1",
                "2025-03-03",
                **{**RECEIVE, "against_level": "vien_truong"},
            )
        )
        with pytest.raises(CommandRejected, match="Điều 475–477"):
            engine.execute(_step("complaint.extend", "KN1", "2025-03-04", reason="Phức tạp"))
        engine.execute(_step("complaint.resolve", "KN1", "2025-03-10", outcome="sai"))
        with pytest.raises(CommandRejected, match="hiệu lực pháp luật"):
            engine.execute(_step("complaint.complain_further", "KN1", "2025-03-11"))
        with pytest.raises(CommandRejected, match="YC9"):
            engine.execute(_step("complaint.answer", "KN1", "2025-03-11", request="YC9"))


def test_the_stage_catalogue_counts_received_resolved_in_time_late_and_pending() -> None:
    engine = FakeEngine()
    engine.rulebook = registry().rulebook
    steps = [
        ("KN1", "2026-03-02", RECEIVE, "2026-03-05"),  # Điều 475 k1: by 09/03, in time
        ("KN2", "2026-03-02", RECEIVE, "2026-03-20"),  # late
        ("KN3", "2026-03-10", RECEIVE, None),  # 10/03 + 7 = 17/03: overdue at the end of March
        ("TC1", "2026-03-16", {**RECEIVE, "nature": "to_cao"}, None),  # 30 days: still open
        ("KN4", "2026-02-10", RECEIVE, "2026-03-03"),  # carried over from February, late
    ]
    for ref, received, fields, resolved in steps:
        assert engine.execute(
            {"do": "complaint.receive", "ref": ref, "on": received, "with": fields}
        )
        if resolved:
            assert engine.execute(
                {"do": "complaint.resolve", "ref": ref, "on": resolved, "with": {"outcome": "sai"}}
            )
    report = report_of(
        engine.snapshot(), "VKS-T", parse_period("2026-03"), rulebook=registry().rulebook
    )
    text = (ROOT / "src/qlahs/stages/complaint/indicators.yaml").read_text("utf-8")
    values = {
        indicator.code: report.value(indicator)
        for indicator in parse_catalogue("indicators.yaml", text).indicators(registry().rulebook)
    }
    assert values == {
        "KN.1": 1,  # carried
        "KN.2": 4,  # new
        "KN.3": 3,  # resolved in March
        "KN.4": 2,  # pending
        "KN.5": 60.0,  # 3 of 5
        "KN.6": 3,
        "KN.7": 1,
        "KN.8": 1,
        "KN.9": 2,
        "KN.10": 1,
    }


@pytest.mark.parametrize(
    ("fields", "rule", "kind"),
    [
        ({}, "complaint.resolve", "investigation"),  # Thủ trưởng CQĐT, Điều 475 k1
        ({"against_level": "kiem_sat_vien"}, "complaint.resolve", "procuracy"),
        ({"against_level": "tham_phan"}, "complaint.resolve", "court"),
        ({"object": "giu_nguoi"}, "complaint.resolve_custody", "procuracy"),  # Điều 474 k2
        ({"object": "giu_nguoi"}, "complaint.forward_custody", "investigation"),
        ({}, "complaint.supervision_answer", "investigation"),
        ({}, "complaint.time_bar", "unknown"),  # the complainant's right, no body's duty
        (
            {"nature": "to_cao", "against_level": "can_bo_co_quan_khac"},
            "complaint.resolve_denunciation",
            "procuracy",
        ),  # Điều 481 k1 last paragraph
    ],
)
def test_a_violation_is_held_against_the_body_that_owed_the_act(
    fields: dict[str, Any], rule: str, kind: str
) -> None:
    complaint, acts = _acts(("2025-03-03", "", {**RECEIVE, **fields}))
    violation = SimpleNamespace(rule=rule)
    assert STATISTICS.agency is not None
    assert STATISTICS.agency(violation, complaint, acts, date(2025, 3, 31)).kind == kind
