"""No input can hurt the store: every field is bounded before anything is recorded, and after
any mix of careless and hostile commands every reader still answers (on both stores)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from qlahs.engine import Engine
from qlahs.kernel.errors import CommandRejected, InvalidCommand
from qlahs.oversight.ledger import verify
from qlahs.projections.books import book
from qlahs.projections.tables import subjects

# Text as people paste it, and as an attacker sends it: NUL and other controls, halves of
# surrogate pairs, very long strings, right-to-left marks, combining marks.
hostile_text = st.one_of(
    st.text(max_size=30),
    st.text(alphabet=st.characters(codec=None, min_codepoint=0, max_codepoint=0xFFFF), max_size=30),
    st.sampled_from(["\x00", "a\x00b", "\ud800", "x\udfff", "\u202e", "e\u0301", "\x7f", "\r\n"]),
    st.integers(min_value=190, max_value=5000).map(lambda n: "A" * n),
)
any_day = st.one_of(
    st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)).map(date.isoformat),
    st.sampled_from(["9999-12-31", "0001-01-01", "2025-13-45", "31/12/2025", "", "hôm nay"]),
)
any_value: st.SearchStrategy[Any] = st.one_of(
    hostile_text, st.integers(), st.none(), st.lists(hostile_text, max_size=3), any_day
)


def step(
    ref: Any, on: Any, unit: Any, summary: Any, suspects: Any, extra: dict[str, Any]
) -> dict[str, Any]:
    fields = {"source": "tin_bao", "received_by": "CQDT", "summary": summary}
    fields |= {"suspects": suspects, **extra}
    return {"do": "report.receive", "ref": ref, "on": on, "unit": unit, "with": fields}


def readers_answer(engine: Engine) -> None:
    """Everything a person may ask still answers after whatever was accepted."""
    day = date(2030, 1, 1)
    engine.deadlines(day)
    engine.overdue(day)
    engine.violations(day)
    with engine.sql.connect() as connection:
        units = {row.unit for row in connection.execute(sa.select(subjects.c.unit))}
        for unit in units:
            book("04").rows(connection, unit, 2025)
    for unit in units:
        engine.deadlines(day, unit=unit)
    assert verify(engine).intact


@pytest.mark.parametrize(
    "store", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
)
def test_hostile_commands_are_refused_or_recorded_and_readers_still_answer(
    store: str, request: pytest.FixtureRequest, tmp_path: object
) -> None:
    url = (
        f"sqlite:///{tmp_path}/fuzz.db"
        if store == "sqlite"
        else str(request.getfixturevalue("pg_schema_url"))
    )
    counts = {"recorded": 0, "refused": 0}
    with Engine.open(url, default_unit="VKSKV7") as engine:

        @settings(
            max_examples=120,
            deadline=None,
            suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
        )
        @given(
            ref=st.one_of(hostile_text, st.uuids().map(str)),
            on=any_day,
            unit=st.one_of(st.none(), hostile_text, st.just("VKSKV7")),
            summary=st.one_of(hostile_text, st.just("Trộm cắp tài sản")),
            suspects=st.one_of(st.lists(hostile_text, max_size=3), any_value),
            extra=st.dictionaries(st.sampled_from(["reporter", "note", "xyz"]), any_value),
        )
        def one(
            ref: Any, on: Any, unit: Any, summary: Any, suspects: Any, extra: dict[str, Any]
        ) -> None:
            try:
                engine.execute(step(ref, on, unit, summary, suspects, extra))
                counts["recorded"] += 1
            except CommandRejected as refusal:
                message = str(refusal)
                assert "Value error" not in message and "Input should" not in message
                assert "\x00" not in message
                counts["refused"] += 1

        one()
        readers_answer(engine)
    assert counts["refused"] > 0


@pytest.mark.parametrize(
    ("field", "value", "says"),
    [
        ("on", "9999-12-31", "trường 'on': ngày 31/12/9999 nằm ngoài khoảng cho phép"),
        ("ref", "TB\x001", "trường 'ref': chứa ký tự điều khiển không được phép (mã 0)"),
        ("ref", "T" * 201, "trường 'ref': dài quá 200 ký tự"),
        ("unit", "U" * 65, "trường 'unit': dài quá 64 ký tự"),
        ("unit", "VKS KV7", "trường 'unit': chỉ gồm chữ không dấu"),
        ("summary", "\ud800", "trường 'summary': chứa ký tự Unicode hỏng"),
        ("summary", "x" * 4001, "trường 'summary': dài 4001 ký tự, quá giới hạn 4000"),
        ("suspects", ["A"] * 501, "trường 'suspects': có 501 phần tử, quá giới hạn 500"),
    ],
)
def test_each_bound_is_refused_naming_its_field(
    engine: Engine, field: str, value: Any, says: str
) -> None:
    command = step("TB1", "2025-03-03", "VKSKV7", "Trộm cắp", [], {})
    if field in command["with"]:
        command["with"][field] = value
    else:
        command[field] = value
    with pytest.raises(InvalidCommand, match="không hợp lệ") as refused:
        engine.execute(command)
    assert says in str(refused.value)
    assert engine.deadlines(date(2025, 3, 4)) == []


@pytest.mark.parametrize("extra", [[1, 2], "source=tin_bao", 5])
def test_with_must_be_a_mapping(engine: Engine, extra: Any) -> None:
    with pytest.raises(InvalidCommand, match=r"Trường .with. của lệnh report\.receive phải là"):
        engine.execute({"do": "report.receive", "ref": "TB1", "on": "2025-03-03", "with": extra})


def test_a_step_that_is_not_a_mapping_is_refused(engine: Engine) -> None:
    with pytest.raises(InvalidCommand, match="Lệnh phải là một bảng trường"):
        engine.execute(["report.receive", "TB1"])  # type: ignore[arg-type]
