"""What fuzzing every action found, kept as regressions (tests/test_fuzz_actions.py)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pytest

from qlahs.engine import Engine
from qlahs.kernel.errors import CommandRejected
from test_fuzz_actions import _notifications, assert_refusal_is_clean, readers_answer


def test_a_refusal_of_ours_keeps_its_vietnamese_sentence(engine: Engine) -> None:
    """A PydanticCustomError (an unknown number series) used to be shown as 'không hợp lệ'."""
    step = {"do": "number.issue", "ref": "-", "on": "2026-03-02"}
    with pytest.raises(CommandRejected) as refused:
        engine.execute(step | {"with": {"series": "XYZ", "title": "Quyết định"}})
    assert "trường 'series': không có hệ thống số này" in str(refused.value)


def test_a_number_that_is_not_finite_is_refused_in_vietnamese(engine: Engine) -> None:
    step = {"do": "report.grant_extension", "ref": "TB1", "on": "2025-03-03"}
    with pytest.raises(CommandRejected) as refused:
        engine.execute(step | {"with": {"months": float("nan")}})
    assert "trường 'months': phải là một số hữu hạn" in str(refused.value)


@pytest.mark.parametrize(
    ("on", "says"),
    [
        (date(1, 1, 1), "ngày 01/01/0001 trước ngày"),
        (datetime(9999, 12, 31, 23, 59), "ngày 23:59 31/12/9999 nằm ngoài khoảng cho phép"),
    ],
)
def test_a_date_out_of_bounds_is_written_as_people_write_dates(
    engine: Engine, on: date, says: str
) -> None:
    step = {"do": "report.notify_procuracy", "ref": "TB1", "on": on}
    with pytest.raises(CommandRejected) as refused:
        engine.execute(step)
    message = str(refused.value)
    assert says in message
    assert "datetime." not in message  # not Python's repr of what was received


def test_a_time_with_an_offset_is_refused_before_it_makes_acts_incomparable(
    engine: Engine,
) -> None:
    """An arrest at 09:00 and a hold at 10:00Z were both recorded; projecting the person then
    compared naive and aware times and quarantined the case."""
    engine.execute({"do": "case.open", "ref": "VA1", "on": "2025-03-10"} | _opening())
    engine.execute(_custody("custody.arrest", "2025-03-10T09:00"))
    with pytest.raises(CommandRejected) as refused:
        engine.execute(_custody("custody.hold", "2025-03-10T10:00Z"))
    assert "trường 'on': giờ 2025-03-10T10:00:00+00:00 kèm múi giờ" in str(refused.value)
    engine.execute(_custody("custody.hold", "2025-03-10T10:00"))
    readers_answer(engine)


def _opening() -> dict[str, Any]:
    return {"with": {"crime": "BLHS 173 k1", "summary": "Trộm cắp"}}


def _custody(do: str, on: str) -> dict[str, Any]:
    return {"do": do, "ref": "VA1", "on": on, "with": {"person": "BC1"}}


def test_a_person_cannot_be_born_after_being_charged(engine: Engine) -> None:
    engine.execute({"do": "case.open", "ref": "VA1", "on": "2025-03-10"} | _opening())
    person = {"person": "BC1", "name": "Nguyễn Văn An", "crime": "BLHS 173 k1"}
    with pytest.raises(CommandRejected, match="birth_date"):
        engine.execute(
            {"do": "case.charge", "ref": "VA1", "on": "2025-03-13"}
            | {"with": person | {"birth_date": "2099-12-31"}}
        )


@pytest.mark.parametrize("name", ["\x1f", "report.\ud800", 5, ["report.receive"], "x" * 201])
def test_an_action_name_that_cannot_be_printed_is_refused_without_echoing_it(
    engine: Engine, name: Any
) -> None:
    """`do: "\\x1f"` was echoed raw into the refusal (and a lone surrogate broke printing)."""
    with pytest.raises(CommandRejected, match="Trường 'do' phải là tên một hành vi") as refused:
        engine.execute({"do": name, "ref": "TB1", "on": "2025-03-03", "with": "0"})
    assert_refusal_is_clean(refused.value)


@pytest.mark.parametrize("unit", ["VKS\x00T", "VKS KV7", "U" * 65])
def test_the_default_unit_is_bounded_like_a_given_one(store_url: str, unit: str) -> None:
    """A unit the engine was opened with (a scenario's `unit:`, the CLI's default) was recorded
    unchecked: NUL and spaces reached the read models."""
    with Engine.open(store_url, default_unit=unit) as engine:
        step = {"do": "report.receive", "ref": "TB1", "on": "2025-03-03"}
        with pytest.raises(CommandRejected, match="trường 'unit'") as refused:
            engine.execute(step | {"with": {"source": "tin_bao", "received_by": "CQDT"}})
        assert_refusal_is_clean(refused.value)
        assert _notifications(engine) == 0


@pytest.mark.parametrize(
    ("field", "value"), [("ref", "\r"), ("ref", "VA\n1"), ("person", " "), ("person", "BC\t1")]
)
def test_a_name_must_be_one_line_and_not_blank(engine: Engine, field: str, value: str) -> None:
    """A reference '\\r' was accepted and echoed raw into 'Không tìm thấy vụ án \\r'."""
    step = {"do": "custody.arrest", "ref": "VA1", "on": "2025-03-10", "with": {"person": "BC1"}}
    if field == "ref":
        step["ref"] = value
    else:
        step["with"] = {field: value}
    with pytest.raises(CommandRejected, match=f"trường '{field}'") as refused:
        engine.execute(step)
    assert_refusal_is_clean(refused.value)
