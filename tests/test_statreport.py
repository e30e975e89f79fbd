"""Statistical reports sent up the hierarchy: the figures kept as submitted, the checks on a
command's figures, who may submit, return and accept, and the history a returned report keeps."""

from __future__ import annotations

from datetime import date

import pytest

from qlahs.engine import Engine
from qlahs.kernel.errors import CommandRejected, InvalidCommand
from qlahs.stats import snapshot as log
from qlahs.stats.compute import report_of
from qlahs.stats.indicators import catalogue
from qlahs.stats.periods import month, work_year
from qlahs.stats.submission import filed_reports, month_figures
from statreport_world import review_step, submit_step

MARCH = month(2026, 3)


def test_a_checksum_that_does_not_match_the_figures_stores_nothing(engine: Engine) -> None:
    step = submit_step("VKSKV7", MARCH, {"A.1": 3})
    step["with"] = step["with"] | {"figures": {"A.1": 4}}  # changed after the sum was taken
    with pytest.raises(InvalidCommand, match="checksum"):
        engine.execute(step)
    assert filed_reports(engine) == []


@pytest.mark.parametrize(
    ("figures", "why"),
    [
        ({}, "không có số liệu"),
        ({"A 1": 1}, "mã chỉ tiêu"),
        ({"A.1": float("nan")}, "A.1"),
        ({"A.1": 10**13}, "A.1"),
        ({f"X.{n}": n for n in range(401)}, "giới hạn"),
    ],
)
def test_figures_are_bounded_and_named(engine: Engine, figures: dict, why: str) -> None:
    with pytest.raises(InvalidCommand, match=why):
        engine.execute(submit_step("VKSKV7", MARCH, figures))


def test_a_report_is_submitted_only_after_its_period_and_by_its_own_unit(engine: Engine) -> None:
    with pytest.raises(CommandRejected, match="sau khi kỳ kết thúc"):
        engine.execute(submit_step("VKSKV7", MARCH, {"A.1": 1}, on=MARCH.end))
    step = submit_step("VKSKV7", MARCH, {"A.1": 1}) | {"unit": "VKSKV1"}
    with pytest.raises(CommandRejected, match="đơn vị khác"):
        engine.execute(step)


def test_only_the_level_above_accepts_or_returns(engine: Engine) -> None:
    engine.execute(submit_step("VKSKV7", MARCH, {"A.1": 1}))
    for unit in ("VKSKV7", "VKSKV1"):
        with pytest.raises(CommandRejected, match="đơn vị cấp trên"):
            engine.execute(review_step("VKSKV7", MARCH, "statreport.accept", by=unit))
    engine.execute(review_step("VKSKV7", MARCH, "statreport.accept"))
    (filed,) = filed_reports(engine)
    assert filed.accepted


def test_a_returned_report_keeps_its_history_and_first_figures(engine: Engine) -> None:
    engine.execute(submit_step("VKSKV7", MARCH, {"A.1": 1}))
    reason = "Số khởi tố chưa khớp với Cơ quan điều tra"
    engine.execute(review_step("VKSKV7", MARCH, "statreport.return", reasons=[reason]))
    with pytest.raises(CommandRejected):  # a returned report is corrected before acceptance
        engine.execute(review_step("VKSKV7", MARCH, "statreport.accept"))
    engine.execute(submit_step("VKSKV7", MARCH, {"A.1": 2}, on=date(2026, 4, 8)))
    engine.execute(review_step("VKSKV7", MARCH, "statreport.accept"))
    (filed,) = filed_reports(engine)
    names = [step.name for step in filed.steps]
    assert names == [
        "Lập báo cáo",
        "Gửi cấp trên",
        "Cấp trên trả lại",
        "Gửi cấp trên",
        "Cấp trên chấp nhận",
    ]
    assert filed.steps[2].reasons == (reason,) and filed.steps[2].unit == "VKSQN"
    assert filed.submitted is not None and filed.submitted.figures == {"A.1": 2}
    assert filed.draft is not None and filed.draft.figures == {"A.1": 1}  # the first, kept


def test_a_years_months_are_figured_as_their_own_reports(engine: Engine) -> None:
    for n, day in enumerate(("2025-12-03", "2026-01-15", "2026-01-20", "2026-03-31")):
        engine.execute(
            {
                "do": "report.receive",
                "ref": f"TB{n}",
                "on": day,
                "unit": "VKSKV7",
                "with": {"source": "tin_bao", "received_by": "CQDT"},
            }
        )
    engine.execute(
        {
            "do": "report.decide",
            "ref": "TB1",
            "on": "2026-02-10",
            "with": {"outcome": "khoi_to"},
            "unit": "VKSKV7",
        }
    )
    known = log.read(engine)
    year = report_of(known, "VKSKV7", work_year(2026))
    months = month_figures(year)
    assert [m.code for m, _ in months][:4] == ["2025-12", "2026-01", "2026-02", "2026-03"]
    for period, figures in months[:4]:
        alone = report_of(known, "VKSKV7", period)
        assert figures == {i.code: alone.value(i) for i in catalogue()}
    assert months[1][1]["A.2"] == 2  # two received in January
