"""Number registers on both stores: consecutive numbers, symbols, the numbering year, and the
reserve / use / release / insert / void flows with what they refuse."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from qlahs.engine import Engine
from qlahs.kernel.errors import CommandRejected, InvalidCommand
from qlahs.stages.numbers.outcome import Number, take

UNIT = "VKSKV7"


def step(action: str, on: str, unit: str = UNIT, **fields: Any) -> dict[str, Any]:
    return {"do": action, "on": on, "unit": unit, "with": fields}


def issue(engine: Engine, on: str, series: str = "QD-HS", **fields: Any) -> list[Number]:
    return take(engine, step("number.issue", on, series=series, **fields))


def symbols(numbers: list[Number]) -> list[str]:
    return [n.symbol for n in numbers]


def test_numbers_follow_each_other_from_01_with_a_leading_zero(engine: Engine) -> None:
    first = issue(engine, "2026-03-02", count=9)
    tenth = issue(engine, "2026-03-02")
    assert [n.number for n in first + tenth] == list(range(1, 11))
    assert first[4].symbol == "05/QĐ-VKSKV7"
    assert tenth[0].symbol == "10/QĐ-VKSKV7"


def test_a_number_names_its_series_year_unit_and_register(engine: Engine) -> None:
    (number,) = issue(engine, "2026-01-05", series="CV", title="Công văn trả lời đơn")
    assert number.to_json() | {"on": None} == {
        "number": 1,
        "suffix": "",
        "label": "01",
        "symbol": "01/CV-VKSKV7",
        "series": "CV",
        "year": 2026,
        "unit": "VKSKV7",
        "status": "issued",
        "on": None,
        "register": "VKSKV7/CV/2026",
    }


def test_each_series_and_each_unit_keeps_its_own_register(engine: Engine) -> None:
    issue(engine, "2026-03-02", count=3)
    assert symbols(issue(engine, "2026-03-02", series="CV")) == ["01/CV-VKSKV7"]
    assert symbols(issue(engine, "2026-03-02", series="LENH")) == ["01/L-VKSKV7"]
    other = take(engine, step("number.issue", "2026-03-02", unit="VKSKV1", series="QD-HS"))
    assert symbols(other) == ["01/QĐ-VKSKV1"]


def test_a_procedural_register_rolls_over_on_1_december(engine: Engine) -> None:
    (last,) = issue(engine, "2025-11-30")
    (first,) = issue(engine, "2025-12-01")
    assert (last.year, last.number) == (2025, 1)
    assert (first.year, first.number, first.register) == (2026, 1, "VKSKV7/QD-HS/2026")


def test_an_administrative_register_rolls_over_on_1_january(engine: Engine) -> None:
    issue(engine, "2025-12-01", series="CV", count=2)
    (december,) = issue(engine, "2025-12-31", series="CV")
    (january,) = issue(engine, "2026-01-01", series="CV")
    assert (december.year, december.number) == (2025, 3)
    assert (january.year, january.number) == (2026, 1)


def test_a_register_is_open_for_its_whole_year(engine: Engine) -> None:
    issue(engine, "2026-03-02")
    register = engine.subject("number", "VKSKV7/QD-HS/2026")
    assert (register.opened_on, register.closes_on) == (date(2025, 12, 1), date(2026, 11, 30))


def test_a_reserved_number_is_used_later_and_the_next_issue_skips_it(engine: Engine) -> None:
    (held,) = take(engine, step("number.reserve", "2026-03-02", series="QD-HS", reason="Chờ ký"))
    (next_one,) = issue(engine, "2026-03-02")
    (used,) = take(
        engine,
        step("number.use", "2026-03-02", series="QD-HS", number="01", title="Quyết định phân công"),
    )
    assert (held.number, held.status) == (1, "reserved")
    assert next_one.number == 2
    assert (used.symbol, used.status) == ("01/QĐ-VKSKV7", "used")


def test_a_released_number_stays_released_and_is_never_issued_again(engine: Engine) -> None:
    take(engine, step("number.reserve", "2026-03-02", series="CV", reason="Chờ ký", count=2))
    (released,) = take(
        engine, step("number.release", "2026-03-03", series="CV", number=2, reason="Không ký")
    )
    assert released.status == "released"
    assert issue(engine, "2026-03-03", series="CV")[0].number == 3
    with pytest.raises(CommandRejected, match="đã được trả"):
        engine.execute(step("number.use", "2026-03-03", series="CV", number=2))


def test_using_or_releasing_a_number_that_is_not_reserved_is_refused(engine: Engine) -> None:
    issue(engine, "2026-03-02")
    with pytest.raises(CommandRejected, match="không phải số đang được giữ"):
        engine.execute(step("number.use", "2026-03-02", series="QD-HS", number=1))
    with pytest.raises(CommandRejected, match="không phải số đang được giữ"):
        engine.execute(step("number.release", "2026-03-02", series="QD-HS", number=1, reason="x"))


def test_an_inserted_number_takes_the_next_letter_and_records_why_and_who(engine: Engine) -> None:
    issue(engine, "2026-03-02", count=16)
    insert = {"after": 15, "reason": "Văn bản bị sót", "approved_by": "Viện trưởng"}
    (first,) = take(engine, step("number.insert", "2026-03-02", series="QD-HS", **insert))
    (second,) = take(engine, step("number.insert", "2026-03-02", series="QD-HS", **insert))
    assert symbols([first, second]) == ["15a/QĐ-VKSKV7", "15b/QĐ-VKSKV7"]
    act = engine.history("number", "VKSKV7/QD-HS/2026")[-1]
    assert (act.reason, act.approved_by) == ("Văn bản bị sót", "Viện trưởng")
    assert issue(engine, "2026-03-02")[0].number == 17


def test_an_inserted_number_under_10_keeps_its_leading_zero(engine: Engine) -> None:
    issue(engine, "2026-03-02", series="CV", count=5)
    insert = {"after": "05", "reason": "Bị sót", "approved_by": "Viện trưởng"}
    (number,) = take(engine, step("number.insert", "2026-03-02", series="CV", **insert))
    assert number.symbol == "05a/CV-VKSKV7"


def test_inserting_in_a_series_that_does_not_allow_it_is_refused(engine: Engine) -> None:
    issue(engine, "2026-03-02", series="LENH")
    insert = {"after": 1, "reason": "Bị sót", "approved_by": "Viện trưởng"}
    with pytest.raises(CommandRejected, match="LENH không cho phép chèn số"):
        engine.execute(step("number.insert", "2026-03-02", series="LENH", **insert))


def test_inserting_after_a_number_not_yet_issued_is_refused_naming_after(engine: Engine) -> None:
    issue(engine, "2026-03-02", count=3)
    insert = {"after": 7, "reason": "Bị sót", "approved_by": "Viện trưởng"}
    with pytest.raises(CommandRejected, match="Trường 'after'"):
        engine.execute(step("number.insert", "2026-03-02", series="QD-HS", **insert))


def test_an_insert_needs_its_reason_and_its_approver(engine: Engine) -> None:
    with pytest.raises(InvalidCommand) as refused:
        engine.execute(step("number.insert", "2026-03-02", series="QD-HS", after=1))
    assert "trường 'reason'" in str(refused.value)
    assert "trường 'approved_by'" in str(refused.value)


def test_a_voided_number_keeps_its_reason_and_is_never_reused(engine: Engine) -> None:
    issue(engine, "2026-03-02", count=2)
    (voided,) = take(
        engine, step("number.void", "2026-03-04", series="QD-HS", number="02", reason="Sai")
    )
    assert (voided.symbol, voided.status) == ("02/QĐ-VKSKV7", "voided")
    assert issue(engine, "2026-03-04")[0].number == 3
    with pytest.raises(CommandRejected, match="đã bị hủy"):
        engine.execute(step("number.void", "2026-03-05", series="QD-HS", number=2, reason="x"))


def test_voiding_an_unknown_number_is_refused_naming_the_number(engine: Engine) -> None:
    issue(engine, "2026-03-02")
    with pytest.raises(CommandRejected, match="Trường 'number': số 09 chưa được cấp"):
        engine.execute(step("number.void", "2026-03-02", series="QD-HS", number=9, reason="x"))
    with pytest.raises(CommandRejected, match="chưa có số nào"):
        engine.execute(step("number.void", "2026-03-02", series="CV", number=1, reason="x"))


def test_a_reserved_number_is_released_not_voided(engine: Engine) -> None:
    take(engine, step("number.reserve", "2026-03-02", series="QD-HS", reason="Chờ ký"))
    with pytest.raises(CommandRejected, match=r"number\.release"):
        engine.execute(step("number.void", "2026-03-02", series="QD-HS", number=1, reason="x"))


def test_voiding_before_the_number_existed_cannot_be_true(engine: Engine) -> None:
    issue(engine, "2026-03-10")
    with pytest.raises(CommandRejected, match="Trường 'on'"):
        engine.execute(step("number.void", "2026-03-09", series="QD-HS", number=1, reason="x"))


def test_a_number_of_last_year_is_voided_by_naming_its_year(engine: Engine) -> None:
    issue(engine, "2025-12-30", series="CV")
    (voided,) = take(
        engine, step("number.void", "2026-01-05", series="CV", number=1, year=2025, reason="Sai")
    )
    assert voided.register == "VKSKV7/CV/2025"


def test_an_unknown_series_or_a_malformed_number_is_refused_naming_the_field(
    engine: Engine,
) -> None:
    with pytest.raises(InvalidCommand, match=r"trường 'series'(.|\n)*QD-HS"):
        engine.execute(step("number.issue", "2026-03-02", series="QD-XX"))
    with pytest.raises(InvalidCommand, match="trường 'number'"):
        engine.execute(step("number.void", "2026-03-02", series="CV", number="mười", reason="x"))


def test_a_ref_given_to_an_issue_is_the_case_the_document_belongs_to(engine: Engine) -> None:
    engine.execute(
        {
            "do": "number.issue",
            "ref": "VA1",
            "on": "2026-03-02",
            "unit": UNIT,
            "with": {"series": "QD-HS"},
        }
    )
    (act,) = [a for a in engine.history("number", "VKSKV7/QD-HS/2026") if a.step == "issue"]
    assert act.subject == "VA1"


def test_sending_an_issue_again_with_its_command_id_returns_the_same_number(
    engine: Engine,
) -> None:
    command = step("number.issue", "2026-03-02", series="QD-HS") | {"command_id": "so-1"}
    first = take(engine, command)
    again = take(engine, command)
    assert symbols(first) == symbols(again) == ["01/QĐ-VKSKV7"]
    assert issue(engine, "2026-03-02")[0].number == 2


def test_a_number_dated_before_the_one_before_it_is_recorded_and_judged(engine: Engine) -> None:
    issue(engine, "2026-03-12", count=15)
    (late,) = issue(engine, "2026-03-10")
    assert late.number == 16
    (violation,) = engine.violations(date(2026, 3, 31), unit=UNIT)
    assert (violation.rule, violation.kind, violation.happened_on) == (
        "number.order",
        "premature",
        date(2026, 3, 10),
    )
    assert "số 16/QĐ-VKSKV7 ngày 10/03/2026 được lấy trước số 15/QĐ-VKSKV7" in violation.message
    assert "NĐ 30/2020/NĐ-CP Điều 15 khoản 1" in violation.message


def test_a_reserved_number_used_after_the_next_number_puts_that_one_out_of_order(
    engine: Engine,
) -> None:
    take(engine, step("number.reserve", "2026-03-05", series="QD-HS", reason="Chờ ký"))
    issue(engine, "2026-03-05")
    take(engine, step("number.use", "2026-03-09", series="QD-HS", number=1))
    (violation,) = engine.violations(date(2026, 3, 31), unit=UNIT)
    assert "số 02/QĐ-VKSKV7 ngày 05/03/2026 đứng sau số 01/QĐ-VKSKV7 ngày 09/03" in (
        violation.message
    )
    assert engine.violations(date(2026, 3, 8), unit=UNIT) == []


def test_preview_tells_an_out_of_order_number_before_it_is_taken(engine: Engine) -> None:
    issue(engine, "2026-03-12")
    (found,) = engine.preview(step("number.issue", "2026-03-11", series="QD-HS"))
    assert found.rule == "number.order"
    assert len(engine.history("number", "VKSKV7/QD-HS/2026")) == 2  # opened, issued


def test_numbers_in_order_and_across_a_rollover_are_not_violations(engine: Engine) -> None:
    issue(engine, "2025-12-01")  # register 2026 of QD-HS
    issue(engine, "2025-11-28")  # register 2025: another register, no order between them
    issue(engine, "2026-03-02", count=3)
    assert engine.violations(date(2026, 12, 31), unit=UNIT) == []
