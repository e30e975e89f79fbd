"""The civil and administrative stages: what they refuse and why, what they keep for the
books, and that the two kinds of matter stay apart (their events, their rules)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from qlahs.domain.administrative_case import AdministrativeCase
from qlahs.domain.civil_matter import CivilMatter
from qlahs.engine import Engine
from qlahs.kernel.errors import CommandRejected, InvalidCommand, StageError
from qlahs.stages.administrative.stage import admin_book
from qlahs.stages.civil.stage import civil_book


def step(do: str, on: str, ref: str = "DS1", **fields: Any) -> dict[str, Any]:
    return {"do": do, "ref": ref, "on": on, "with": fields}


@pytest.fixture
def court(tmp_path: Path) -> Iterator[Engine]:
    with Engine.open(f"sqlite:///{tmp_path / 'c.db'}", default_unit="VKSKV7") as engine:
        yield engine


def test_a_judgment_before_acceptance_names_the_stage_and_the_allowed_steps(
    court: Engine,
) -> None:
    court.execute(step("civil.receive_claim", "2025-03-03", kind="dan_su"))
    with pytest.raises(StageError) as refused:
        court.execute(step("civil.judge", "2025-03-10"))
    message = str(refused.value)
    assert "vụ việc dân sự DS1" in message and "Tòa án đã nhận đơn" in message
    assert "accept" in message and "return_claim" in message


def test_a_document_the_court_has_not_issued_cannot_reach_the_vks(court: Engine) -> None:
    court.execute(step("civil.accept", "2025-03-03", kind="lao_dong"))
    with pytest.raises(CommandRejected, match="chưa có bản án"):
        court.execute(step("civil.deliver", "2025-03-05", document="ban_an"))
    with pytest.raises(CommandRejected, match="sent_on"):
        court.execute(
            step("civil.deliver", "2025-03-05", document="thong_bao_thu_ly", sent_on="2025-03-06")
        )


def test_a_non_contentious_matter_is_heard_not_tried(court: Engine) -> None:
    court.execute(step("civil.accept", "2025-03-03", procedure="viec"))
    with pytest.raises(CommandRejected, match="schedule_hearing"):
        court.execute(step("civil.bring_to_trial", "2025-03-20"))
    court.execute(step("civil.schedule_hearing", "2025-03-20"))
    with pytest.raises(CommandRejected, match="decide_petition"):
        court.execute(step("civil.judge", "2025-03-30"))


def test_an_administrative_case_has_no_kind_and_no_hearing(court: Engine) -> None:
    with pytest.raises(InvalidCommand, match="kind"):
        court.execute(step("admin.accept", "2025-03-03", "HC1", kind="dan_su"))
    with pytest.raises(CommandRejected, match=r"admin\.schedule_hearing"):
        court.execute(step("admin.schedule_hearing", "2025-03-03", "HC1"))


def test_the_two_kinds_of_matter_record_events_of_their_own() -> None:
    assert CivilMatter.Judged is not AdministrativeCase.Judged
    assert CivilMatter.Judged.__qualname__ == "CivilMatter.Judged"
    assert AdministrativeCase.Judged.__module__ == "qlahs.domain.administrative_case"


def test_the_book_row_keeps_what_the_books_and_statistics_read(court: Engine) -> None:
    court.execute(step("civil.receive_claim", "2025-03-03", kind="hon_nhan_gia_dinh"))
    court.execute(step("civil.accept", "2025-03-05", court="TAND khu vực 1"))
    court.execute(step("civil.bring_to_trial", "2025-05-05"))
    court.execute(step("civil.attend", "2025-05-20", prosecutor="Trần Thị Bình"))
    court.execute(step("civil.judge", "2025-05-20", outcome="Xử cho ly hôn"))
    court.execute(step("admin.take_effect", "2025-06-02", "HC1", court="TAND tỉnh A"))
    court.catch_up()
    with court.sql.connect() as connection:
        civil = connection.execute(sa.select(civil_book)).mappings().one()
        admin = connection.execute(sa.select(admin_book)).mappings().one()
    assert (civil["case_kind"], civil["procedure"], civil["court"]) == (
        "hon_nhan_gia_dinh",
        "vu_an",
        "TAND khu vực 1",
    )
    assert (civil["accepted_on"], civil["judged_on"]) == (date(2025, 3, 5), date(2025, 5, 20))
    assert (civil["prosecutor"], civil["stage"]) == ("Trần Thị Bình", "decided")
    assert (admin["stage"], admin["effective_on"]) == ("in_effect", date(2025, 6, 2))


def test_a_judgment_with_the_prosecutor_present_opens_the_protests_at_once(
    court: Engine,
) -> None:
    court.execute(step("civil.accept", "2025-03-03", kind="dan_su"))
    court.execute(step("civil.judge", "2025-04-01", prosecutor_present=True))
    rules = {d.rule for d in court.deadlines(date(2025, 4, 2)) if d.ref == "DS1"}
    assert {"civil.protest_same_level", "civil.protest_superior"} <= rules
