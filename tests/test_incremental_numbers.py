"""A register's book is projected act by act: a new number adds its own rows, an act on a
number already in the register (use, void, release) changes only that number's row. Whatever
the acts, their dates (back-dated ones too) and when the projection catches up (in this
process, in one that reads the register back, or pages later), the read models are those a
clean rebuild from the log makes."""

from __future__ import annotations

import itertools
from datetime import date, timedelta
from typing import Any

import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from qlahs.engine import Engine
from qlahs.kernel.errors import CommandRejected
from qlahs.stages.numbers.book import number_book
from test_incremental import read_models

START = date(2026, 3, 2)
SERIES = ("QD-HS", "CV")
examples = itertools.count()

act = st.tuples(
    st.sampled_from(["issue", "reserve", "insert", "use", "void", "release"]),
    st.integers(1, 4),  # the number acted on (issue and reserve: how many)
    st.integers(-3, 12),  # days after START: some back-dated, before numbers already taken
    st.booleans(),  # with a note and a case
)
catch = st.sampled_from(["warm", "cold", "later"])
Step = tuple[str, int, int, bool]


def command(
    start: date, series: str, action: str, number: int, offset: int, noted: bool
) -> dict[str, Any]:
    fields: dict[str, Any] = {"series": series}
    document = {"title": "Quyết định", "signer": "Nguyễn Văn A", "subject": "VA1"}
    match action:
        case "issue":
            fields |= {"count": number} | (document if noted else {})
        case "reserve":
            fields |= {"count": number, "reason": "Chờ ký"}
        case "insert":
            fields |= {"after": number, "reason": "Bị sót", "approved_by": "Viện trưởng"}
        case "use":
            fields |= {"number": number} | document
        case _:
            fields |= {"number": number, "reason": "Sai sót"}
    if action in ("use", "void", "release"):  # after the number's date, which is at most +12
        offset = 13 + offset % 3
    step: dict[str, Any] = {"do": f"number.{action}", "on": start + timedelta(days=offset)}
    if noted:
        step["note"] = "Ghi chú của văn thư"
    return step | {"with": fields}


def play(engine: Engine, start: date, series: str, steps: list[tuple[Step, str]]) -> None:
    """Record the steps (refused ones are skipped), catching up after each as told, and
    check the read models against a clean rebuild."""
    for (action, number, offset, noted), when in steps:
        try:
            engine.execute(command(start, series, action, number, offset, noted))
        except CommandRejected:
            continue
        if when == "cold":
            engine.projector.forget()
        if when != "later":
            engine.catch_up()
    engine.catch_up()
    incremental = read_models(engine)
    engine.replay()
    assert read_models(engine) == incremental


def test_a_register_projected_act_by_act_equals_a_clean_rebuild(store_url: str) -> None:
    with Engine.open(store_url, default_unit="VKSKV7") as engine:

        @settings(
            max_examples=30,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
        )
        @given(steps=st.lists(st.tuples(act, catch), min_size=3, max_size=25))
        def one(steps: list[tuple[Step, str]]) -> None:
            example = next(examples)  # a register of its own: a year and series of its own
            start = START.replace(year=START.year + 1 + example // 2)
            play(engine, start, SERIES[example % 2], steps)

        one()
        with engine.sql.connect() as connection:
            statuses = set(connection.execute(sa.select(number_book.c.status)).scalars())
        assert {"issued", "reserved"} <= statuses  # the examples reached the register's acts


def test_a_number_acted_on_twice_keeps_each_act_in_its_row(store_url: str) -> None:
    """Reserved in a range, used, then voided; issued in a range, one voided: each act on a
    number changes that number's row only, with what the earlier acts left in it."""
    steps: list[Step] = [
        ("reserve", 3, 0, True),
        ("use", 2, 1, True),
        ("void", 2, 2, True),
        ("release", 3, 1, False),
        ("issue", 3, 1, True),
        ("void", 5, 0, True),
        ("insert", 5, 2, True),
        ("void", 1, 2, False),
    ]
    with Engine.open(store_url, default_unit="VKSKV7") as engine:
        play(engine, START, "QD-HS", [(step, "warm") for step in steps])
        with engine.sql.connect() as connection:
            book = sa.select(number_book.c.symbol, number_book.c.status, number_book.c.remarks)
            rows = connection.execute(book).all()
    status = {symbol.split("/")[0]: status for symbol, status, _remarks in rows}
    assert status == {
        "01": "reserved",
        "02": "voided",
        "03": "released",
        "04": "issued",
        "05": "voided",
        "05a": "inserted",
        "06": "issued",
    }
    (used,) = [remarks for symbol, _status, remarks in rows if symbol.startswith("02/")]
    assert "Dùng số đã giữ" in used and "Hủy số" in used
