"""The outgoing-document register as a projection: one row per number with the Phụ lục IV
columns, search within the units one may see, and Excel that office software opens."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from office import libreoffice_table, needs_libreoffice
from qlahs.engine import Engine
from qlahs.exports.books import write_registers_xlsx
from qlahs.law.units import units
from qlahs.projections import number_queries as q
from qlahs.stages.numbers.book import HEADINGS
from qlahs.stages.numbers.outcome import take


def step(action: str, on: str, unit: str = "VKSKV7", **fields: Any) -> dict[str, Any]:
    return {"do": action, "on": on, "unit": unit, "actor": "Văn thư Lê Hoa", "with": fields}


def a_register(engine: Engine) -> None:
    """Five numbers of every kind in QD-HS 2026 of VKSKV7, two linked to a crime report."""
    engine.execute(
        {
            "do": "report.receive",
            "ref": "TB7",
            "on": "2026-02-27",
            "unit": "VKSKV7",
            "with": {"source": "tin_bao", "received_by": "CQDT", "summary": "Trộm cắp xe máy"},
        }
    )
    decision = {"title": "Quyết định phân công KSV", "signer": "Nguyễn Văn Hùng", "subject": "TB7"}
    take(engine, step("number.issue", "2026-03-02", series="QD-HS", copies=4, **decision))
    take(
        engine, step("number.issue", "2026-03-02", series="QD-HS", title="Lệnh", signer="Trần Lan")
    )
    take(engine, step("number.reserve", "2026-03-03", series="QD-HS", reason="Chờ ký"))
    insert = {"after": 1, "reason": "Bị sót", "approved_by": "Viện trưởng", **decision}
    take(engine, step("number.insert", "2026-03-02", series="QD-HS", **insert))
    take(engine, step("number.void", "2026-03-04", series="QD-HS", number=2, reason="Sai thể thức"))
    take(engine, step("number.issue", "2026-03-05", unit="VKSKV1", series="QD-HS"))
    engine.catch_up()


def test_every_number_is_a_row_in_number_order_with_its_status(engine: Engine) -> None:
    a_register(engine)
    with engine.sql.connect() as connection:
        rows = q.register_rows(connection, "VKSKV7", "QD-HS", 2026)
    assert [(r["symbol"], r["status"]) for r in rows] == [
        ("01/QĐ-VKSKV7", "issued"),
        ("01a/QĐ-VKSKV7", "inserted"),
        ("02/QĐ-VKSKV7", "voided"),
        ("03/QĐ-VKSKV7", "reserved"),
    ]
    first, inserted, voided, _held = rows
    assert (first["copies"], first["subject"], first["recorded_by"]) == (4, "TB7", "Văn thư Lê Hoa")
    assert (inserted["reason"], inserted["approved_by"]) == ("Bị sót", "Viện trưởng")
    assert (voided["close_reason"], voided["closed_on"]) == ("Sai thể thức", date(2026, 3, 4))
    assert "Hủy số ngày 04/03/2026: Sai thể thức" in voided["remarks"]


def test_typing_a_report_summary_lists_every_document_numbered_for_it(engine: Engine) -> None:
    a_register(engine)
    with engine.sql.connect() as connection:
        found = q.search(connection, {"VKSKV7"}, text="trộm cắp")
        plain = q.search(connection, {"VKSKV7"}, text="phan cong")  # without diacritics
    assert [r["symbol"] for r in found] == ["01/QĐ-VKSKV7", "01a/QĐ-VKSKV7"]
    assert [r["symbol"] for r in plain] == ["01/QĐ-VKSKV7", "01a/QĐ-VKSKV7"]


def test_search_by_number_series_dates_and_signer(engine: Engine) -> None:
    a_register(engine)
    mine = {"VKSKV7"}
    with engine.sql.connect() as connection:
        by_number = q.search(connection, mine, number="01")
        by_letter = q.search(connection, mine, number="1a")
        by_dates = q.search(connection, mine, date_from=date(2026, 3, 3), date_to=date(2026, 3, 4))
        by_signer = q.search(connection, mine, signer="trần lan")
        other_series = q.search(connection, mine, series_code="CV")
    assert [r["symbol"] for r in by_number] == ["01/QĐ-VKSKV7", "01a/QĐ-VKSKV7"]
    assert [r["symbol"] for r in by_letter] == ["01a/QĐ-VKSKV7"]
    assert [r["symbol"] for r in by_dates] == ["03/QĐ-VKSKV7"]
    assert [r["symbol"] for r in by_signer] == ["02/QĐ-VKSKV7"]
    assert other_series == []


def test_a_region_sees_only_its_registers_and_the_province_sees_all_of_them(
    engine: Engine,
) -> None:
    a_register(engine)
    with engine.sql.connect() as connection:
        region = q.registers(connection, units().visible("VKSKV1"))
        province = q.registers(connection, units().visible("VKSQN"))
        found = q.search(connection, units().visible("VKSKV1"), text="trộm cắp")
    assert [(r["unit"], r["last"]) for r in region] == [("VKSKV1", 1)]
    assert [(r["unit"], r["numbers"]) for r in province] == [("VKSKV1", 1), ("VKSKV7", 4)]
    assert found == []


def test_the_register_summary_counts_each_kind_of_number(engine: Engine) -> None:
    a_register(engine)
    with engine.sql.connect() as connection:
        (summary,) = q.registers(connection, {"VKSKV7"})
    counted = {k: summary[k] for k in ("last", "issued", "reserved", "inserts", "voided")}
    assert counted == {"last": 3, "issued": 1, "reserved": 1, "inserts": 1, "voided": 1}


def test_the_register_is_rebuilt_the_same_from_the_event_log(engine: Engine) -> None:
    a_register(engine)
    with engine.sql.connect() as connection:
        before = q.register_rows(connection, "VKSKV7", "QD-HS", 2026)
    engine.replay()
    with engine.sql.connect() as connection:
        after = q.register_rows(connection, "VKSKV7", "QD-HS", 2026)
    assert [r | {"id": 0} for r in before] == [r | {"id": 0} for r in after]


def excel(engine: Engine, path: Path) -> Path:
    a_register(engine)
    with engine.sql.connect() as connection:
        rows = q.register_rows(connection, "VKSKV7", "QD-HS", 2026)
    return write_registers_xlsx([("QD-HS 2026", q.title("VKSKV7", "QD-HS", 2026), rows)], path)


def test_the_excel_register_has_the_phu_luc_iv_columns_and_one_row_per_number(
    engine: Engine, tmp_path: Path
) -> None:
    sheet = load_workbook(excel(engine, tmp_path / "so.xlsx"))["QD-HS 2026"]
    table = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert "01/12/2025–30/11/2026" in str(table[0][0])
    assert table[2][:8] == [
        "Số, ký hiệu văn bản",
        "Ngày tháng văn bản",
        "Tên loại và trích yếu nội dung văn bản",
        "Người ký",
        "Nơi nhận văn bản",
        "Đơn vị, người nhận bản lưu",
        "Số lượng bản",
        "Ghi chú",
    ]
    assert [row[0] for row in table[3:]] == [
        "01/QĐ-VKSKV7",
        "01a/QĐ-VKSKV7",
        "02/QĐ-VKSKV7",
        "03/QĐ-VKSKV7",
    ]
    assert table[3][1] == "02/03/2026" and table[5][8] == "Đã hủy"


@needs_libreoffice
def test_libreoffice_opens_the_excel_register(tmp_path: Path) -> None:
    with Engine.open(f"sqlite:///{tmp_path}/q.db") as engine:
        path = excel(engine, tmp_path / "so-van-ban-di.xlsx")
    table = libreoffice_table(path, tmp_path)
    assert table[2] == HEADINGS
    assert table[4][0] == "01a/QĐ-VKSKV7" and "Viện trưởng" in table[4][11]
