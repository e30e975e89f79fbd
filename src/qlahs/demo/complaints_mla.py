"""`qlahs demo`, complaints and mutual legal assistance: a handful of complaints and
denunciations at the demo's unit (one resolved after its 7 days, BLTTHS 2015 Điều 476 k1) and
of outgoing and incoming requests for criminal mutual legal assistance at the Viện kiểm sát
nhân dân tối cao, the central authority (BLTTHS 2015 Điều 493 k2); the KN book and the
register of requests (books 35, 36)."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from qlahs.engine import Engine
from qlahs.exports.books import write_book_xlsx
from qlahs.kernel.errors import CommandRejected
from qlahs.projections.books import book
from qlahs.terminal.tables import book_table

# The central authority: established by the own-investigation piece 150 days before the end.
SUPREME = "VKSTC"
COMPLAINANT = {"complainant": "Nguyễn Văn An", "received_by": "VKS"}
LAOS = {"country": "Lào", "requesting_body": "Cơ quan Cảnh sát điều tra Công an tỉnh Điện Biên"}
CHINA = {"country": "Trung Quốc", "requesting_body": "Viện kiểm sát nhân dân tỉnh Vân Nam"}
KOREA = {"country": "Hàn Quốc", "requesting_body": "Viện kiểm sát khu vực Seoul"}
Story = list[tuple[int, str, str, dict[str, Any]]]  # (days after the start, action, ref, fields)


def _complaints() -> Story:
    kn = {"nature": "khieu_nai", "against_level": "kiem_sat_vien", **COMPLAINANT}
    tc = {"nature": "to_cao", "against_level": "kiem_sat_vien", **COMPLAINANT}
    return [
        (0, "complaint.receive", "KN-1", kn | {"summary": "Khiếu nại quyết định phê chuẩn"}),
        (5, "complaint.resolve", "KN-1", {"outcome": "dung"}),
        # 7 days (Điều 476 k1) end on day 27: resolved two days late
        (20, "complaint.receive", "KN-2", kn | {"summary": "Khiếu nại việc trả hồ sơ"}),
        (29, "complaint.resolve", "KN-2", {"outcome": "sai"}),
        (40, "complaint.receive", "TC-1", tc | {"summary": "Tố cáo Kiểm sát viên nhận tiền"}),
        (62, "complaint.resolve", "TC-1", {"outcome": "dung_mot_phan"}),
        (70, "complaint.receive", "KN-3", kn | {"summary": "Khiếu nại lệnh tạm giam"}),
    ]


def _requests() -> Story:
    return [
        (0, "mla.receive_outgoing", "TTTP-1", LAOS | {"summary": "Lấy lời khai người làm chứng"}),
        (6, "mla.send_abroad", "TTTP-1", {"channel": "dieu_uoc", "to": None}),
        (60, "mla.receive_result", "TTTP-1", {"outcome": "thuc_hien"}),
        (63, "mla.forward_result", "TTTP-1", {}),
        (20, "mla.receive_outgoing", "TTTP-2", LAOS | {"summary": "Xác minh nhân thân"}),
        (25, "mla.return_request", "TTTP-2", {"reasons": "Hồ sơ thiếu bản dịch tiếng Lào"}),
        (10, "mla.receive_incoming", "NN-1", CHINA | {"summary": "Thu thập chứng cứ"}),
        (18, "mla.forward_to_executor", "NN-1", {"executor": "Công an tỉnh Lào Cai"}),
        (50, "mla.executor_result", "NN-1", {"outcome": "thuc_hien", "reasons": None}),
        (53, "mla.reply_abroad", "NN-1", {}),
        (30, "mla.receive_incoming", "NN-2", KOREA | {"summary": "Phong tỏa tài khoản"}),
        (
            40,
            "mla.refuse",
            "NN-2",
            {"ground": "khong_phai_toi_pham", "reasons": "Hành vi không là tội phạm"},
        ),
        (70, "mla.receive_incoming", "NN-3", KOREA | {"summary": "Khám xét nơi ở"}),
        (
            80,
            "mla.postpone",
            "NN-3",
            {"ground": "tro_ngai_to_tung", "reasons": "Đang điều tra vụ án", "until": None},
        ),
    ]


def _record(
    engine: Engine, story: Story, unit: str, start: date, until: date
) -> tuple[Counter[str], int]:
    """Record the acts of `story` dated by `until`; count them by action, and the refused."""
    done: Counter[str] = Counter()
    refused = 0
    for offset, action, ref, fields in sorted(story, key=lambda s: s[0]):
        on = start + timedelta(days=offset)
        if on > until:
            continue
        try:
            engine.execute({"on": on, "do": action, "ref": ref, "unit": unit, "with": fields})
            done[action] += 1
        except CommandRejected:
            refused += 1
    return done, refused


def show_complaints_and_assistance(
    engine: Engine, unit: str, until: date, out: Path, console: Console
) -> dict[str, Any]:
    """Record the complaints and requests of the last months, print the KN book and the
    register of requests, write them to Excel."""
    first = date(until.year, 1, 1)  # the books shown are the year's
    since = max(first, until - timedelta(days=75))  # KN-3 still within its 7 days
    complaints, refused = _record(engine, _complaints(), unit, since, until)
    since = max(first, until - timedelta(days=120))  # after the central authority is set up
    requests, more = _record(engine, _requests(), SUPREME, since, until)
    engine.catch_up()
    late = [v for v in engine.violations(until, unit=unit) if v.rule.startswith("complaint.")]
    table = Table(title=f"Khiếu nại, tố cáo và tương trợ tư pháp về hình sự, đến {until:%d/%m/%Y}")
    table.add_column("Chỉ tiêu")
    table.add_column("Số lượng", justify="right")
    for name, value in (
        (f"Đơn khiếu nại, tố cáo nhận tại {unit}", complaints["complaint.receive"]),
        ("Đơn đã giải quyết", complaints["complaint.resolve"]),
        ("Vi phạm thời hạn giải quyết", len(late)),
        ("Yêu cầu tương trợ tư pháp của Việt Nam", requests["mla.receive_outgoing"]),
        ("Yêu cầu tương trợ tư pháp của nước ngoài", requests["mla.receive_incoming"]),
        (
            "Yêu cầu bị từ chối hoặc hoãn thực hiện",
            requests["mla.refuse"] + requests["mla.postpone"],
        ),
    ):
        table.add_row(name, str(value))
    console.print(table)
    written: dict[str, int] = {}
    for number, holder in (("KN", unit), ("35", SUPREME), ("36", SUPREME)):
        definition = book(number)
        with engine.sql.connect() as connection:
            rows = definition.rows(connection, holder, until.year)
        console.print(book_table(definition, rows, holder, until.year, limit=5))
        path = write_book_xlsx(
            definition, rows, holder, until.year, out / f"so-{number.lower()}.xlsx"
        )
        console.print(f"Đã ghi Sổ {number} năm {until.year} ({len(rows)} dòng) vào {path}")
        written[f"book_{number.lower()}_rows"] = len(rows)
    return {
        "complaints": complaints["complaint.receive"],
        "complaint_violations": len(late),
        "mla_requests": requests["mla.receive_outgoing"] + requests["mla.receive_incoming"],
        "complaints_mla_refused": refused + more,
    } | written
