"""The procuracy's own acts reach the books, the deadline lists and the statistics, and are
stored under the names of the subject they are on (on both stores)."""

from __future__ import annotations

from datetime import date
from typing import Any

import sqlalchemy as sa

from qlahs.engine import Engine
from qlahs.projections.books import book
from qlahs.stages.case.books import case_decisions
from qlahs.stats.compute import compute
from qlahs.stats.indicators import catalogue
from qlahs.stats.periods import parse_period

UNIT = "VKSKV7"


def _do(engine: Engine, on: str, do: str, ref: str, **fields: Any) -> None:
    engine.execute({"on": on, "do": do, "ref": ref, "with": fields, "unit": UNIT})


def _story(engine: Engine) -> None:
    _do(engine, "2025-03-03", "report.receive", "TB1", source="to_giac", received_by="CQDT")
    _do(engine, "2025-03-04", "report.notify_procuracy", "TB1")
    _do(engine, "2025-03-04", "report.assign_prosecutor", "TB1", prosecutor="Nguyễn Thu Hà")
    _do(
        engine,
        "2025-03-06",
        "report.request_verification",
        "TB1",
        content="Xác minh",
        answer_within=5,
    )
    _do(engine, "2025-03-10", "report.answer_request", "TB1", result="da_thuc_hien")
    _do(
        engine,
        "2025-03-12",
        "report.request_prosecution",
        "TB1",
        content="Khởi tố",
        answer_within=3,
    )
    _do(engine, "2025-03-03", "case.open", "VA1", crime="BLHS 173 k1")
    _do(
        engine,
        "2025-03-04",
        "case.assign_prosecutor",
        "VA1",
        prosecutor="Trần Lan",
        decision="12/QĐ",
    )
    _do(
        engine,
        "2025-03-05",
        "case.request_investigation",
        "VA1",
        content="Định giá",
        answer_by="2025-03-14",
    )
    _do(engine, "2025-03-06", "case.recommend", "VA1", content="Khắc phục", answer_within=30)
    _do(engine, "2025-03-07", "case.cancel_decision", "VA1", target="tach_nhap", reason="Trái luật")
    _do(engine, "2025-03-10", "case.object_to_decision", "VA1", against="HB1")
    _do(engine, "2025-03-20", "case.answer_recommendation", "VA1", result="chap_nhan")
    _do(engine, "2025-03-19", "case.answer_request", "VA1", item="YC1", result="da_thuc_hien")
    engine.catch_up()


def test_the_procuracys_acts_fill_books_04_07_and_66(engine: Engine) -> None:
    _story(engine)
    with engine.sql.connect() as connection:
        (report,) = book("04").rows(connection, UNIT, 2025)
        (case,) = book("07").rows(connection, UNIT, 2025)
        items = book("66").rows(connection, UNIT, 2025)
        actions = set(connection.execute(sa.select(case_decisions.c.action)).scalars())
    assert "Nguyễn Thu Hà" in report["prosecutor"]
    assert "Yêu cầu kiểm tra, xác minh YC1" in report["procuracy_requests"]
    assert "Yêu cầu khởi tố" in report["prosecution_request"]
    assert "YC1: đã thực hiện" in report["request_results"]
    assert "YC2: chưa trả lời" in report["request_results"]
    assert "phân công Kiểm sát viên Trần Lan (QĐ 12/QĐ)" in case["prosecutor"]
    assert "Yêu cầu điều tra YC1" in case["investigation_requests"]
    assert "QĐ hủy bỏ QĐ tách, nhập vụ án HB1" in case["procuracy_requests"]
    assert "kiến nghị KN1: chấp nhận" in case["request_results"]
    assert [(row["ref"], row["key"]) for row in items] == [
        ("VA1", "YC1"),  # 05/03
        ("TB1", "YC1"),  # 06/03
        ("VA1", "KN1"),  # 06/03
        ("VA1", "HB1"),  # 07/03
        ("VA1", "KNCT1"),  # 10/03
        ("TB1", "YC2"),  # 12/03
    ]
    # each act is one order or decision of the case, named by the action that recorded it
    assert {
        "case.assign_prosecutor",
        "case.request_investigation",
        "case.recommend",
        "case.cancel_decision",
        "case.object_to_decision",
        "case.answer_recommendation",
    } <= actions
    limits = {(row["ref"], row["key"]): (row["limit"], row["notes"]) for row in items}
    assert limits[("TB1", "YC1")] == (
        "trong 5 ngày; hạn cuối 11/03/2025 (BLTTHS 2015 Điều 162 khoản 1)",
        "",
    )
    # hạn VKS ấn định 14/03/2025, trả lời 19/03: chậm 5 ngày
    assert limits[("VA1", "YC1")] == (
        "trước hết ngày 14/03/2025; hạn cuối 14/03/2025 (BLTTHS 2015 Điều 167 khoản 1)",
        "Trả lời chậm 5 ngày",
    )
    # 10/03 + 20 ngày = 30/03/2025 (Chủ nhật) → 31/03/2025
    assert limits[("VA1", "KNCT1")] == ("hạn cuối 31/03/2025 (BLTTHS 2015 Điều 167 khoản 2)", "")
    assert limits[("VA1", "HB1")] == ("", "")
    answered = {(row["ref"], row["key"]): (row["answered_on"], row["result"]) for row in items}
    assert answered[("VA1", "KN1")] == (date(2025, 3, 20), "chấp nhận")
    assert answered[("TB1", "YC2")] == (None, "")


def test_an_open_request_is_in_the_deadline_lists_and_overdue_after_its_day(
    engine: Engine,
) -> None:
    _story(engine)
    listed = engine.deadlines(date(2025, 3, 13), rule="supervision.answer_request")
    assert {d.ref: (d.due, d.status) for d in listed} == {
        "TB1/YC1": (date(2025, 3, 11), "met"),  # 06/03 + 5 ngày; trả lời 10/03
        "TB1/YC2": (date(2025, 3, 17), "open"),  # 12/03 + 3 ngày = 15/03 (thứ Bảy) → 17/03
        "VA1/YC1": (date(2025, 3, 14), "open"),  # ngày VKS ấn định
    }
    overdue = {d.ref for d in engine.overdue(date(2025, 3, 18), unit=UNIT)}
    # TB1/YC2: 12/03 + 3 ngày = 15/03 (thứ Bảy) → 17/03; VA1/YC1: 14/03
    assert {"VA1/YC1", "TB1/YC2"} <= overdue
    # the superior VKS's 20 days for VA1/KNCT1 run to 30/03 (Chủ nhật) → 31/03
    assert "VA1/KNCT1" not in overdue
    missing = {
        (v.ref, v.article)
        for v in engine.violations(date(2025, 3, 18), unit=UNIT)
        if v.rule.startswith("supervision.")
    }
    assert missing == {
        ("VA1/YC1", "BLTTHS 2015 Điều 167 khoản 1"),
        ("TB1/YC2", "BLTTHS 2015 Điều 162 khoản 1"),
    }


def test_requests_and_recommendations_issued_and_carried_out_are_counted(
    engine: Engine,
) -> None:
    _story(engine)
    report = compute(engine, UNIT, parse_period("2025-03"))
    codes = {indicator.code: indicator for indicator in catalogue()}

    def value(code: str) -> Any:
        return report.value(codes[code])

    assert (value("G.1"), value("G.2"), value("G.2.1"), value("G.3")) == (3, 2, 2, 200 / 3)
    assert (value("G.4"), value("G.5"), value("G.9"), value("G.10")) == (1, 1, 1, 1)


def test_the_acts_are_stored_under_the_subject_they_are_on() -> None:
    from eventsourcing.utils import get_topic

    from qlahs.domain.crime_report import CrimeReport
    from qlahs.domain.criminal_case import CriminalCase

    for name in ("Assigned", "Issued", "Objected", "Answered"):
        assert (
            get_topic(getattr(CrimeReport, name)) == f"qlahs.domain.crime_report:CrimeReport.{name}"
        )
        assert (
            get_topic(getattr(CriminalCase, name))
            == f"qlahs.domain.criminal_case:CriminalCase.{name}"
        )


def test_a_replay_gives_the_same_book_66(engine: Engine) -> None:
    _story(engine)
    table = sa.table("qlahs_supervision_book", sa.column("ref"), sa.column("key"))
    with engine.sql.connect() as connection:
        before = sorted(connection.execute(sa.select(table.c.ref, table.c.key)).all())
    engine.replay()
    with engine.sql.connect() as connection:
        after = sorted(connection.execute(sa.select(table.c.ref, table.c.key)).all())
    assert before == after and len(after) == 6
