"""The projector resumes each subject's rules from their kept state (in memory, or read back
from `qlahs_fold_states` by a process that never saw the subject) instead of replaying its
history; whatever the order and dates of the acts, the read models it leaves are those a
clean rebuild from the log (`qlahs replay`) makes."""

from __future__ import annotations

import itertools
from datetime import date, timedelta
from typing import Any

import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from qlahs.engine import Engine
from qlahs.kernel.errors import CommandRejected
from qlahs.projections import tables as t

START = date(2025, 3, 3)
REPORT_STEPS: list[tuple[str, dict[str, Any]]] = [
    ("report.notify_procuracy", {}),
    ("report.extend", {}),
    ("report.request_extension", {}),
    ("report.grant_extension", {"months": 1}),
    ("report.suspend", {"ground": "giam_dinh"}),
    ("report.resume", {}),
    ("report.cancel_suspension", {}),
    ("report.decide", {"outcome": "khong_khoi_to"}),
]
examples = itertools.count()

step = st.one_of(
    st.tuples(
        st.just("report"), st.integers(0, 1), st.integers(0, 150), st.sampled_from(REPORT_STEPS)
    ),
    st.tuples(st.just("number"), st.integers(0, 0), st.integers(0, 150), st.just(("", {}))),
)
# after each step: catch up in this process, read back as another process would, or not yet
catch = st.sampled_from(["warm", "cold", "later"])


def command(example: int, kind: str, which: int, offset: int, action: Any) -> dict[str, Any]:
    on = START + timedelta(days=offset)
    if kind == "number":
        return {"do": "number.issue", "on": on, "with": {"series": "QD-HS"}}
    name, fields = action
    return {"do": name, "on": on, "ref": f"TB{example}-{which}", "with": fields}


def read_models(engine: Engine) -> dict[str, list[str]]:
    """Every read-model row but the kept fold states, without ids, in a fixed order."""
    tables = [table for table in engine.projector.tables if table is not t.fold_states]
    found: dict[str, list[str]] = {}
    with engine.sql.connect() as connection:
        for table in tables:
            rows = connection.execute(sa.select(table)).mappings().all()
            found[table.name] = sorted(
                repr(sorted((k, v) for k, v in row.items() if k != "id")) for row in rows
            )
    return found


def test_incremental_read_models_equal_a_clean_rebuild(store_url: str) -> None:
    with Engine.open(store_url, default_unit="VKSKV7") as engine:

        @settings(
            max_examples=25,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
        )
        @given(steps=st.lists(st.tuples(step, catch), min_size=1, max_size=14))
        def one(steps: list[tuple[tuple[str, int, int, Any], str]]) -> None:
            example = next(examples)
            for which in range(2):
                engine.execute(
                    {
                        "do": "report.receive",
                        "on": START,
                        "ref": f"TB{example}-{which}",
                        "with": {"source": "tin_bao", "received_by": "CQDT"},
                    }
                )
            for (kind, which, offset, action), when in steps:
                try:
                    engine.execute(command(example, kind, which, offset, action))
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

        one()


def test_a_big_register_resumes_from_a_state_kept_some_numbers_ago(store_url: str) -> None:
    """A register's kept state grows with its numbers, so it is kept only every few numbers;
    a process that never saw the register folds the numbers after it again, and a back-dated
    number still makes the whole register judged again."""
    with Engine.open(store_url, default_unit="VKSKV7") as engine:
        day = date(2026, 3, 2)
        for index in range(400):
            issue = {"do": "number.issue", "on": day + timedelta(days=index // 40)}
            engine.execute(issue | {"with": {"series": "QD-HS"}})
            if index % 50 == 0:
                engine.catch_up()
        engine.catch_up()
        engine.execute(
            {"do": "number.issue", "on": day + timedelta(days=10), "with": {"series": "QD-HS"}}
        )
        engine.catch_up()  # one number more: not worth keeping a state of 400 numbers again
        with engine.sql.connect() as connection:
            kept = connection.execute(sa.select(t.fold_states.c.version)).scalar_one()
            version = connection.execute(sa.select(t.subjects.c.version)).scalar_one()
        assert kept < version  # the state is behind the rows: the next process catches up
        for on in (day + timedelta(days=20), day + timedelta(days=3)):  # in order, back-dated
            engine.execute({"do": "number.issue", "on": on, "with": {"series": "QD-HS"}})
            engine.projector.forget()
            engine.catch_up()
            incremental = read_models(engine)
            engine.replay()
            assert read_models(engine) == incremental
        assert any("number.order" in row for row in incremental[t.violations.name])


def test_a_kept_state_altered_in_the_table_is_judged_again_from_the_acts(store_url: str) -> None:
    """A kept state is only a short cut: one that cannot be read back, or that names a class
    outside qlahs, is never trusted (nor imported); the subject is judged from its acts."""
    with Engine.open(store_url, default_unit="VKSKV7") as engine:
        receive = {"source": "tin_bao", "received_by": "CQDT"}
        engine.execute({"do": "report.receive", "on": START, "ref": "TB1", "with": receive})
        engine.catch_up()
        forged = '{"deadlines": {"$c": "os:system", "v": {}}}'
        acts = [("report.notify_procuracy", {}), ("report.extend", {})]
        for state, (action, fields) in zip(("{not json", forged), acts, strict=True):
            with engine.sql.begin() as connection:
                connection.execute(t.fold_states.update().values(state=state))
            engine.projector.forget()
            on = START + timedelta(days=1)
            engine.execute({"do": action, "on": on, "ref": "TB1", "with": fields})
            engine.catch_up()
            with engine.sql.connect() as connection:
                assert connection.execute(sa.select(t.quarantine)).first() is None
            incremental = read_models(engine)
            engine.replay()
            assert read_models(engine) == incremental


def test_a_protest_kept_until_its_window_opens_survives_a_kept_state(store_url: str) -> None:
    """A protest of a decision the procuracy has not yet received waits in the fold's state
    (the act itself) until the receipt opens its window; kept as JSON and read back by a
    process that never saw the case, it is judged as a clean rebuild judges it."""
    with Engine.open(store_url, default_unit="VKSKV7") as engine:
        steps = [
            ("2025-06-02", "admin.accept", {"court": "TAND khu vực 1"}),
            ("2025-08-25", "admin.suspend", {"ground": "Chờ kết quả giải quyết vụ án khác"}),
            ("2025-08-26", "admin.protest", {"level": "same", "against": "quyet_dinh"}),
            ("2025-08-28", "admin.deliver", {"document": "tam_dinh_chi"}),
        ]
        for on, do, fields in steps:
            engine.execute({"do": do, "on": on, "ref": "HC1", "with": fields})
            engine.catch_up()
            engine.projector.forget()
        with engine.sql.connect() as connection:
            assert connection.execute(sa.select(t.quarantine)).all() == []
        incremental = read_models(engine)
        engine.replay()
        assert read_models(engine) == incremental
        met = [d for d in engine.deadlines(date(2025, 8, 28), ref="HC1")]
        assert any(d.rule == "admin.protest_same_level" and d.status == "met" for d in met)
