"""Module 6, the procuracy's own investigation agency: its books (Sổ 61, 62) list its reports
and cases and nobody else's, print in Excel, its statistics (group H) count them apart from
module 2, and the names people write for the agency cannot hurt the store (on both stores)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from conftest import TEST_UNIT
from qlahs.domain.own_agency import CODE, NAME, agency_name, is_own_agency
from qlahs.engine import Engine
from qlahs.exports.books import write_book_xlsx
from qlahs.kernel.errors import CommandRejected
from qlahs.projections.books import book
from qlahs.stats.compute import compute
from qlahs.stats.indicators import catalogue
from qlahs.stats.periods import parse_period

UNIT = "VKSTC"
POLICE = "Cơ quan Cảnh sát điều tra Công an tỉnh Quảng Ninh"
INDICATOR = {indicator.code: indicator for indicator in catalogue()}

STORY: list[dict[str, Any]] = [
    {"on": "2025-01-02", "do": "unit.establish", "ref": UNIT, "unit": UNIT}
    | {"with": {"name": "Viện kiểm sát nhân dân tối cao", "level": "toi_cao"}},
    # two reports of the agency, one of the police
    {"on": "2025-03-03", "do": "report.receive", "ref": "TB1"}
    | {"with": {"source": "to_giac", "received_by": CODE, "summary": "Bức cung"}},
    {"on": "2025-03-04", "do": "report.receive", "ref": "TB2"}
    | {"with": {"source": "tin_bao", "received_by": CODE}},
    {"on": "2025-03-05", "do": "report.receive", "ref": "TB3"}
    | {"with": {"source": "tin_bao", "received_by": "CQDT"}},
    {"on": "2025-03-20", "do": "report.decide", "ref": "TB1"}
    | {"with": {"outcome": "khoi_to", "case": "VA1"}},
    # the agency's case, from TB1, and a police case
    {"on": "2025-03-20", "do": "case.open", "ref": "VA1"}
    | {
        "with": {
            "crime": "BLHS 374 k1",
            "from_report": "TB1",
            "investigating_agency": "cqđt vksndtc",
        }
    },
    {"on": "2025-03-20", "do": "case.charge", "ref": "VA1"}
    | {"with": {"person": "BC1", "name": "Nguyễn Văn An", "crime": "BLHS 374 k1"}},
    {"on": "2025-03-21", "do": "case.approve_charge", "ref": "VA1", "with": {"person": "BC1"}},
    {"on": "2025-03-21", "do": "custody.detain", "ref": "VA1"}
    | {"with": {"person": "BC1", "months": 2, "stage": "investigation"}},
    {"on": "2025-04-02", "do": "case.open", "ref": "VA2"}
    | {"with": {"crime": "BLHS 173 k1", "investigating_agency": POLICE}},
    # out of competence, and extended by the wrong procuracy
    {"on": "2025-04-07", "do": "case.open", "ref": "VA3"}
    | {"with": {"crime": "BLHS 173 k1", "investigating_agency": CODE}},
    {"on": "2025-05-20", "do": "case.extend_investigation", "ref": "VA3", "unit": "VKSQN"}
    | {"with": {"months": 1}},
    {"on": "2025-05-26", "do": "case.conclude_investigation", "ref": "VA1"},
]


@pytest.fixture
def recorded(engine: Engine) -> Engine:
    for step in STORY:
        engine.execute({"unit": UNIT} | step)
    engine.catch_up()
    return engine


def rows_of(engine: Engine, number: str, unit: str = UNIT) -> list[dict[str, Any]]:
    with engine.sql.connect() as connection:
        return book(number).rows(connection, unit, 2025)


def test_the_agency_is_known_by_every_way_it_is_written() -> None:
    for written in (CODE, NAME, "CQĐT VKSNDTC", " cqdt_vkstc ", "Cơ quan  điều tra VKSNDTC"):
        assert is_own_agency(written) and agency_name(written) == NAME
    for other in (None, "", POLICE, "CQĐT", "VKSNDTC", "CQĐT VKSQSTW"):
        assert not is_own_agency(other)
    assert agency_name(POLICE) == POLICE


def test_book_61_lists_the_reports_the_agency_received(recorded: Engine, tmp_path: Path) -> None:
    rows = rows_of(recorded, "61")
    assert [row["ref"] for row in rows] == ["TB1", "TB2"]
    assert rows[0]["received_on"] == date(2025, 3, 3)
    assert rows[0]["outcome"] == "Khởi tố vụ án (20/03/2025), vụ án VA1"
    path = write_book_xlsx(book("61"), rows, UNIT, 2025, tmp_path / "so61.xlsx")
    sheet = load_workbook(path).active
    assert sheet is not None
    texts = [str(cell) for row in sheet.iter_rows(values_only=True) for cell in row if cell]
    assert any("Cơ quan điều tra Viện kiểm sát nhân dân tối cao" in text for text in texts)
    assert "TB1" in texts and "TB3" not in texts


def test_book_62_lists_the_agencys_cases_under_its_full_name(recorded: Engine) -> None:
    rows = rows_of(recorded, "62")
    assert [row["ref"] for row in rows] == ["VA1", "VA3"]
    assert rows[0]["from_report"] == "TB1"
    assert "Nguyễn Văn An (BC1)" in rows[0]["persons"]
    assert rows[0]["conclusion"], "the conclusion of the investigation is entered"
    assert [row["ref"] for row in rows_of(recorded, "07")] == ["VA1", "VA2", "VA3"]


def test_group_h_counts_the_agencys_reports_and_cases_apart(recorded: Engine) -> None:
    report = compute(recorded, UNIT, parse_period("q2-2025"))
    first = compute(recorded, UNIT, parse_period("q1-2025"))

    def value(code: str, of: Any = report) -> Any:
        return of.value(INDICATOR[code])

    assert value("H.2.1", first) == 2  # TB1, TB2; TB3 was received by the police
    assert value("H.4.1", first) == 1 and value("H.5", first) == 1
    assert value("H.8.1", first) == 1 and value("H.8.1") == 1  # VA1, then VA3
    assert value("H.7") == 1 and value("H.10.1") == 1 and value("H.11") == 1
    assert value("H.14", first) == 1 and value("H.14") == 1
    assert value("H.15") == 1  # VA3 opened out of competence
    assert value("H.16") == 1  # VA3 extended by the provincial procuracy
    assert value("B.2.1") == 2  # module 2 still counts every case


agency_text = st.one_of(
    st.text(max_size=40),
    st.sampled_from([CODE, NAME, "CQĐT VKSNDTC", "\x00", "\ud800", "\u202e" + CODE, "", " "]),
    st.integers(min_value=190, max_value=3000).map(lambda n: "A" * n),
    st.integers(min_value=0, max_value=3).map(lambda n: CODE + " " * n),
)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    agency=agency_text,
    field=st.sampled_from(["investigating_agency", "to", "received_by"]),
    seed=st.integers(min_value=0, max_value=10**6),
)
def test_careless_agency_names_are_recorded_or_refused_cleanly(
    engine: Engine, agency: str, field: str, seed: int
) -> None:
    ref = f"X{seed}"
    steps: list[dict[str, Any]] = []
    if field == "investigating_agency":
        steps.append({"do": "case.open", "with": {"crime": "BLHS 368 k1", field: agency}})
    elif field == "to":
        steps.append({"do": "case.open", "with": {"crime": "BLHS 368 k1"}})
        steps.append({"do": "case.transfer", "with": {"to": agency}})
    else:
        steps.append({"do": "report.receive", "with": {"source": "to_giac", field: agency}})
    accepted = True
    for step in steps:
        try:
            engine.execute({"on": "2025-03-03", "ref": ref} | step)
        except CommandRejected as refusal:
            message = str(refusal)
            assert message and "Input should" not in message
            message.encode("utf-8")
            accepted = False
    judged = engine.judge("report" if field == "received_by" else "case", ref, date(2025, 6, 1))
    if not accepted:
        return
    own = is_own_agency(agency) if field != "received_by" else agency == CODE
    competence = [v for v in judged.violations if v.rule.startswith("own_investigation")]
    assert competence == [], "a crime of Chương XXIV is within the agency's competence"
    engine.catch_up()
    cases = [row["ref"] for row in rows_of(engine, "62", TEST_UNIT)]
    if field == "investigating_agency":
        assert (ref in cases) == own
