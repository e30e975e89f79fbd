"""The two acts that give a case with an accused minor the Code's limits back: careless and
hostile input records nothing, and the acts are kept in the case's history under their names."""

from __future__ import annotations

from datetime import date
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from qlahs.engine import Engine
from qlahs.kernel.bounds import FIRST_ACT_DAY
from qlahs.kernel.errors import CommandRejected
from qlahs.scenario.units import establish_units

UNIT = "VKS-T"
STORY = [
    ("2026-03-02", "case.open", {"crime": "BLHS 173 k2"}),
    (
        "2026-03-02",
        "case.charge",
        {
            "person": "BC1",
            "name": "Lý Văn Phúc",
            "crime": "BLHS 173 k2",
            "birth_date": "2009-05-01",
        },
    ),
    ("2026-03-03", "case.approve_charge", {"person": "BC1"}),
    ("2026-04-01", "case.conclude_investigation", {}),
    ("2026-04-01", "case.receive_file", {}),
]

anything: st.SearchStrategy[Any] = st.one_of(
    st.text(max_size=12),
    st.sampled_from(["\x00", "\ud800", "", " ", "A" * 5000, "truy_to", "xet_xu_so_tham"]),
    st.sampled_from(["BC1", "BC2", "CQDT", "VKS", "TA", None, -1, 10**20, 1.5]),
    st.lists(st.text(max_size=3), max_size=2),
)
fields = st.dictionaries(
    st.sampled_from(["stage", "person", "by", "document", "reason", "extra"]), anything, max_size=5
)


def _engine(tmp: str) -> Engine:
    engine = Engine.open(f"sqlite:///{tmp}/minors.db", default_unit=UNIT)
    establish_units(engine, [UNIT], FIRST_ACT_DAY)
    for on, do, given_fields in STORY:
        engine.execute({"on": on, "do": do, "ref": "VA1", "with": given_fields})
    return engine


def _acts(engine: Engine) -> int:
    return len(engine.history("case", "VA1"))


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    action=st.sampled_from(["case.notify_diversion", "case.declare_particularly_complex"]),
    given_fields=fields,
    day=st.dates(min_value=date(2026, 1, 1), max_value=date(2026, 12, 31)),
)
def test_careless_or_hostile_input_is_refused_in_vietnamese_and_records_nothing(
    tmp_path_factory: Any, action: str, given_fields: dict[str, Any], day: date
) -> None:
    with _engine(str(tmp_path_factory.mktemp("m"))) as engine:
        before = _acts(engine)
        command = {"on": day.isoformat(), "do": action, "ref": "VA1", "with": given_fields}
        try:
            engine.execute(command)
        except CommandRejected as refused:
            assert _acts(engine) == before
            assert "Input should" not in str(refused) and "Traceback" not in str(refused)
        else:
            assert _acts(engine) == before + 1
            assert engine.deadlines(as_of=day, ref="VA1") is not None


def test_the_notice_is_named_in_the_case_history(tmp_path: Any) -> None:
    with _engine(str(tmp_path)) as engine:
        engine.execute(
            {
                "on": "2026-04-03",
                "do": "case.notify_diversion",
                "ref": "VA1",
                "with": {"stage": "truy_to", "person": "BC1", "document": "03/TB-VKS"},
            }
        )
        names = [type(act).named for act in engine.history("case", "VA1")]
        assert names[-1] == "Thông báo áp dụng thủ tục xử lý chuyển hướng"
        (decide,) = engine.deadlines(as_of=date(2026, 4, 3), ref="VA1", rule="prosecution.decide")
        # 20 days from 01/04/2026 (Điều 240), no longer half of them
        assert decide.due == date(2026, 4, 21)
