"""Criminal mutual legal assistance: its rule data is cited and dated like the shipped rules,
the 2026 law is a limit not yet known, and the register (books 33–36) lists each request once
in its direction with what became of it."""

from __future__ import annotations

from datetime import date
from typing import Any

from qlahs.engine import Engine
from qlahs.kernel.bounds import FIRST_ACT_DAY
from qlahs.law.quotes import quote_problems
from qlahs.projections.books import book
from qlahs.scenario.units import establish_units
from qlahs.stages.registry import registry

UNIT = "VKSTC"
RULES = ("mla.send_abroad", "mla.forward_result", "mla.handle_incoming", "mla.reply_abroad")


def test_every_mla_value_is_cited_dated_marked_and_quoted_where_its_law_is_shipped() -> None:
    rulebook = registry().rulebook
    assert [p for p in quote_problems(rulebook) if p.startswith("mla.")] == []
    for name in (*RULES, "mla.summons_lead"):
        values = rulebook.rules[name].parameters["limit"].values
        assert sorted(values) == [date(2018, 1, 1), date(2026, 7, 1)]
        old, new = values[date(2018, 1, 1)], values[date(2026, 7, 1)]
        assert old.citation.law == "Luật TTTP 2007" and old.confidence == "T"
        # the 2007 law is shipped: its words are quoted (and found by quote_problems above)
        assert old.quote and old.quote_source is None
        # Luật 103/2025/QH15: no step limit was read, so none is claimed
        assert (new.value, new.confidence, new.citation.article) == (0, "M", None)
        assert new.note and new.quote_source


def test_the_limits_of_2007_are_the_ones_law_md_cites() -> None:
    rulebook = registry().rulebook
    found = {
        name: (v.value, v.unit, v.article)
        for name in (*RULES, "mla.summons_lead")
        for v in [rulebook.value(name, "limit", date(2026, 6, 30))]
    }
    assert found == {
        "mla.send_abroad": (10, "working_days", "Luật TTTP 2007 Điều 22 khoản 2"),
        "mla.forward_result": (5, "working_days", "Luật TTTP 2007 Điều 22 khoản 3"),
        "mla.handle_incoming": (15, "days", "Luật TTTP 2007 Điều 23 khoản 1"),
        "mla.reply_abroad": (5, "working_days", "Luật TTTP 2007 Điều 23 khoản 2"),
        "mla.summons_lead": (90, "days_before_end", "Luật TTTP 2007 Điều 24 khoản 1"),
    }


def _do(engine: Engine, on: str, action: str, ref: str, **fields: Any) -> None:
    engine.execute({"on": on, "do": action, "ref": ref, "unit": UNIT, "with": fields})


def test_the_register_lists_each_request_in_its_direction_with_its_outcome(
    engine: Engine,
) -> None:
    establish_units(engine, [UNIT], FIRST_ACT_DAY)  # the supreme procuracy: not in units.yaml
    asked = {"country": "Lào", "requesting_body": "Viện kiểm sát nhân dân tỉnh Sơn La"}
    _do(engine, "2025-03-03", "mla.receive_outgoing", "TTTP-1", related_ref="VA1", **asked)
    _do(engine, "2025-03-10", "mla.send_abroad", "TTTP-1", channel="dieu_uoc")
    _do(engine, "2025-04-01", "mla.receive_result", "TTTP-1", outcome="thuc_hien")
    _do(engine, "2025-03-04", "mla.receive_incoming", "NN-1", **asked)
    _do(engine, "2025-03-05", "mla.refuse", "NN-1", ground="het_thoi_hieu", reasons="Hết hạn")
    engine.catch_up()
    with engine.sql.connect() as connection:
        taken = book("33").rows(connection, UNIT, 2025)
        handled = book("35").rows(connection, UNIT, 2025)
        foreign = book("36").rows(connection, UNIT, 2025)
        assert book("34").rows(connection, UNIT, 2026) == []
    assert [(r["ref"], r["related_ref"]) for r in taken] == [("TTTP-1", "VA1")]
    assert handled[0]["handling"] == "10/03/2025 gửi theo điều ước quốc tế"
    assert handled[0]["result"] == "01/04/2025 nhận kết quả của nước ngoài: đã thực hiện"
    assert handled[0]["stage"] == "Đã nhận kết quả của nước được yêu cầu"
    assert [r["ref"] for r in foreign] == ["NN-1"]
    assert foreign[0]["refusals"] == (
        "05/03/2025 từ chối (đã hết thời hiệu truy cứu trách nhiệm hình sự): Hết hạn"
    )
    assert foreign[0]["stage"] == "Từ chối thực hiện"
