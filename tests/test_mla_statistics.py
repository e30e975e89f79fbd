"""The statistics of criminal mutual legal assistance: the stage's own catalogue
(`stages/mla/indicators.yaml`) read off a small June 2026 recorded on each store, under the
limits of Luật Tương trợ tư pháp 2007 (Điều 21–24)."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from qlahs.engine import Engine
from qlahs.stages.mla.statistics import STATISTICS
from qlahs.stages.registry import registry
from qlahs.stats.compute import report_of
from qlahs.stats.indicators import parse_catalogue
from qlahs.stats.periods import parse_period
from qlahs.stats.snapshot import read

ROOT = Path(__file__).resolve().parents[1]
UNIT = "VKS-T"
ASKED = {"country": "Lào", "requesting_body": "Viện kiểm sát nhân dân tỉnh Sơn La"}
FOREIGN = {"country": "Hàn Quốc", "requesting_body": "Viện kiểm sát Seoul"}


def _do(engine: Engine, on: str, action: str, ref: str, **fields: Any) -> None:
    engine.execute({"on": on, "do": action, "ref": ref, "unit": UNIT, "with": fields})


def _june(engine: Engine) -> None:
    # TTTP-1, carried from May: 25/05 + 10 working days = 08/06, sent on 10/06 (Điều 22 k2)
    _do(engine, "2026-05-25", "mla.receive_outgoing", "TTTP-1", **ASKED)
    _do(engine, "2026-06-10", "mla.send_abroad", "TTTP-1", channel="dieu_uoc")
    _do(engine, "2026-06-01", "mla.receive_outgoing", "TTTP-2", **ASKED)
    _do(engine, "2026-06-05", "mla.return_request", "TTTP-2", reasons="Thiếu bản dịch")
    # TTTP-3: the result in on 10/06 goes on by 17/06 (Điều 22 k3)
    _do(engine, "2026-06-02", "mla.receive_outgoing", "TTTP-3", **ASKED)
    _do(engine, "2026-06-04", "mla.send_abroad", "TTTP-3", channel="ngoai_giao")
    _do(engine, "2026-06-10", "mla.receive_result", "TTTP-3", outcome="thuc_hien")
    _do(engine, "2026-06-12", "mla.forward_result", "TTTP-3")
    _do(engine, "2026-06-01", "mla.receive_incoming", "NN-1", **FOREIGN)
    _do(engine, "2026-06-05", "mla.refuse", "NN-1", ground="het_thoi_hieu", reasons="Hết hạn")
    _do(engine, "2026-06-03", "mla.receive_incoming", "NN-2", **FOREIGN)
    _do(
        engine,
        "2026-06-05",
        "mla.postpone",
        "NN-2",
        ground="tro_ngai_to_tung",
        reasons="Đang điều tra vụ án liên quan",
        until=None,
    )
    # NN-3: 01/06 + 15 days = 16/06, forwarded on 20/06 (Điều 23 k1); the executor's result
    # of 22/06 is due abroad by 29/06 (Điều 23 k2) and still not sent on 30/06
    _do(engine, "2026-06-01", "mla.receive_incoming", "NN-3", **FOREIGN)
    _do(engine, "2026-06-20", "mla.forward_to_executor", "NN-3", executor="Công an tỉnh Lạng Sơn")
    _do(engine, "2026-06-22", "mla.executor_result", "NN-3", outcome="thuc_hien", reasons=None)
    # NN-4: a summons for 01/08 should have reached the central authority by 03/05 (Điều 24 k1)
    _do(
        engine,
        "2026-06-08",
        "mla.receive_summons",
        "NN-4",
        person="Trần Văn B",
        role="nguoi_lam_chung",
        appearance_on="2026-08-01",
        **FOREIGN,
    )
    _do(engine, "2026-06-10", "mla.forward_to_executor", "NN-4", executor="Công an Hà Nội")


def test_the_stage_catalogue_counts_requests_answers_refusals_and_late_steps(
    engine: Engine,
) -> None:
    _june(engine)
    rulebook = registry().rulebook
    report = report_of(read(engine), UNIT, parse_period("2026-06"), rulebook=rulebook)
    text = (ROOT / "src/qlahs/stages/mla/indicators.yaml").read_text("utf-8")
    values = {
        indicator.code: report.value(indicator)
        for indicator in parse_catalogue("indicators.yaml", text).indicators(rulebook)
    }
    assert values == {
        "TT.1": 1,  # TTTP-1
        "TT.2": 6,
        "TT.3": 3,  # TTTP-2 returned, TTTP-3 completed, NN-1 refused
        "TT.4": 4,  # a postponed request is still held
        "TT.5": pytest.approx(300 / 7),
        "TT.6": 2,
        "TT.7": 3 + 1,  # a summons is a foreign request too
        "TT.8": 2,
        "TT.9": 2,
        "TT.10": 1,
        "TT.11": 1,
        "TT.12": 1,
        "TT.13": 0,
        "TT.14": 1,
        "TT.15": 1,
        "TT.16": 0,
        "TT.17": 0,
        "TT.18": 0,
        "TT.19": 1,
        "TT.20": 0,
        "TT.21": 1,
        "TT.22": 1,
        "TT.23": 0,
        "TT.24": 1,  # TTTP-1 sent late
        "TT.25": 0,
        "TT.26": 1,  # NN-3 forwarded late
        "TT.27": 1,  # NN-3's result not yet sent back
        "TT.28": 1,  # NN-4's summons came late
        "TT.29": 1,
    }


@pytest.mark.parametrize(
    ("rule", "kind"),
    [
        ("mla.send_abroad", "procuracy"),
        ("mla.handle_incoming", "procuracy"),
        ("mla.reply_abroad", "procuracy"),
        ("mla.summons_lead", "unknown"),  # the requesting state's lead time
    ],
)
def test_a_violation_is_held_against_the_central_authority_or_no_body(rule: str, kind: str) -> None:
    assert STATISTICS.agency is not None
    violation = SimpleNamespace(rule=rule)
    assert STATISTICS.agency(violation, None, [], None).kind == kind  # type: ignore[arg-type]
