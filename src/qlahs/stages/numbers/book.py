"""The outgoing-document register (sổ đăng ký văn bản đi, NĐ 30/2020 Điều 16, Phụ lục IV) as
a projection: one row per number — issued, reserved, inserted, voided or released — with the
Phụ lục IV columns, plus status, reason, approver and the linked case or report.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

import sqlalchemy as sa

from qlahs.domain.number_symbol import SUFFIXES, key, label, symbol
from qlahs.domain.register import DocumentAct, Register
from qlahs.kernel.schema import metadata
from qlahs.kernel.subject import Act
from qlahs.kernel.text_search import searchable
from qlahs.law.calendar import fmt

number_book = sa.Table(
    "qlahs_number_book",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("subject_id", sa.String(36), nullable=False, index=True),
    sa.Column("register", sa.String(200), nullable=False),
    sa.Column("unit", sa.String(64), nullable=False),
    sa.Column("series", sa.String(32), nullable=False),
    sa.Column("year", sa.Integer, nullable=False),
    sa.Column("position", sa.Integer, nullable=False),  # 15 < 15a < 15b < 16
    sa.Column("number", sa.Integer, nullable=False),
    sa.Column("suffix", sa.String(2), nullable=False),
    sa.Column("symbol", sa.String(100), nullable=False),
    sa.Column("on", sa.Date, nullable=False),
    sa.Column("title", sa.Text, nullable=False),
    sa.Column("signer", sa.Text, nullable=False),
    sa.Column("recipients", sa.Text, nullable=False),
    sa.Column("keeper", sa.Text, nullable=False),
    sa.Column("copies", sa.Integer),
    sa.Column("subject", sa.String(200), index=True),
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("inserted", sa.Boolean, nullable=False),
    sa.Column("reason", sa.Text, nullable=False),
    sa.Column("approved_by", sa.Text, nullable=False),
    sa.Column("closed_on", sa.Date),
    sa.Column("close_reason", sa.Text, nullable=False),
    sa.Column("recorded_by", sa.Text, nullable=False),
    sa.Column("remarks", sa.Text, nullable=False),
    # folded in Python, with and without diacritics (projections/text_search.py)
    sa.Column("search", sa.Text, nullable=False),
    sa.Column("signer_key", sa.Text, nullable=False),
    sa.Index("ix_number_book_register", "unit", "series", "year", "position"),
    sa.Index("ix_number_book_unit_on", "unit", "on"),
)

STATUS_NAMES = {
    "issued": "Đã cấp",
    "reserved": "Đang giữ số",
    "inserted": "Số chèn",
    "voided": "Đã hủy",
    "released": "Đã trả số giữ",
}


def number_rows(subject_id: str, register: Register, acts: Sequence[Act]) -> list[dict[str, Any]]:
    """Every number of the register, in number order."""
    rows: dict[str, dict[str, Any]] = {}
    for act in sorted(acts, key=lambda a: a.originator_version):
        _apply(rows, subject_id, register, act)
    return [_finished(row) for row in sorted(rows.values(), key=lambda r: r["position"])]


def changed_rows(subject_id: str, register: Register, acts: Sequence[Act]) -> list[dict[str, Any]]:
    """The rows the last of `acts` (in the order recorded) adds or changes, as `number_rows`
    would write them; the register's other rows stay as they are. A new number needs only
    its own act; an act on a number already in the register replays the acts on that number,
    back to the one that put it there, so its cost does not grow with the register."""
    act = acts[-1]
    rows: dict[str, dict[str, Any]] = {}
    if isinstance(act, _CREATES):
        _apply(rows, subject_id, register, act)
        return [_finished(row) for row in sorted(rows.values(), key=lambda r: r["position"])]
    number = _number_of(act)
    if number is None:  # the register's opening: no number in it
        return []
    history = [act]
    for earlier in reversed(acts[:-1]):
        if _touches(earlier, number):
            history.append(earlier)
            if isinstance(earlier, _CREATES):
                break
    for one in reversed(history):
        _apply(rows, subject_id, register, one)
    return [_finished(rows[number])]  # a range reserved at once: only this number changed


_CREATES = (Register.Issued, Register.Reserved, Register.Inserted)


def _touches(act: Act, number: str) -> bool:
    if isinstance(act, Register.Issued | Register.Reserved):  # numbers with no letter
        return number.isdigit() and act.first <= int(number) < act.first + act.count
    return _number_of(act) == number


def _number_of(act: Act) -> str | None:
    """The one number an act on a single number names."""
    if isinstance(act, Register.Inserted | Register.Used | Register.Voided | Register.Released):
        return key(act.number, act.suffix)
    return None


def _apply(rows: dict[str, dict[str, Any]], subject_id: str, register: Register, act: Act) -> None:
    touched: list[dict[str, Any]] = []
    match act:
        case Register.Issued() | Register.Reserved():
            status = "issued" if isinstance(act, Register.Issued) else "reserved"
            for number in range(act.first, act.first + act.count):
                row = rows[key(number)] = _row(subject_id, register, act, number, "", status)
                if isinstance(act, Register.Reserved):
                    row["reason"] = act.reason
                    row["remarks"].append(f"Giữ số ngày {fmt(act.on)}: {act.reason}")
                touched.append(row)
        case Register.Inserted():
            row = rows[key(act.number, act.suffix)] = _row(
                subject_id, register, act, act.number, act.suffix, "inserted"
            )
            row |= {"inserted": True, "reason": act.reason, "approved_by": act.approved_by}
            row["remarks"].append(
                f"Số chèn sau số {label(act.number)}: {act.reason}; người duyệt: {act.approved_by}"
            )
            touched.append(row)
        case Register.Used():
            row = rows[key(act.number, act.suffix)]
            row |= _document(act) | {"status": "issued", "on": act.day}
            row["symbol"] = symbol(register.unit, register.series, act.number, act.suffix, act.day)
            row["remarks"].append(f"Dùng số đã giữ ngày {fmt(act.on)}")
            touched.append(row)
        case Register.Voided() | Register.Released():
            row = rows[key(act.number, act.suffix)]
            voided = isinstance(act, Register.Voided)
            row |= {"status": "voided" if voided else "released", "closed_on": act.day}
            row["close_reason"] = act.reason
            how = "Hủy số" if voided else "Trả số giữ"
            row["remarks"].append(f"{how} ngày {fmt(act.on)}: {act.reason}")
            touched.append(row)
    for row in touched:
        if act.note:
            row["remarks"].append(act.note)


def _finished(row: dict[str, Any]) -> dict[str, Any]:
    """The row as written: its remarks in one text, its search columns folded."""
    row = dict(row)
    remarks = list(row["remarks"])
    if row["subject"]:
        remarks.append(f"Vụ án, nguồn tin: {row['subject']}")
    row["remarks"] = "; ".join(remarks)
    row["search"] = searchable(
        row["symbol"], row["title"], row["subject"], row["signer"], row["recipients"]
    )
    row["signer_key"] = searchable(row["signer"])
    return row


def _row(
    subject_id: str, register: Register, act: Act, number: int, suffix: str, status: str
) -> dict[str, Any]:
    letter = SUFFIXES.index(suffix) + 1 if suffix else 0
    return {
        "subject_id": subject_id,
        "register": register.ref,
        "unit": register.unit,
        "series": register.series,
        "year": register.year,
        "position": number * 32 + letter,
        "number": number,
        "suffix": suffix,
        "symbol": symbol(register.unit, register.series, number, suffix, act.day),
        "on": act.day,
        "status": status,
        "inserted": False,
        "reason": "",
        "approved_by": "",
        "closed_on": None,
        "close_reason": "",
        "recorded_by": act.actor,
        "remarks": [],
        **_document(act if isinstance(act, DocumentAct) else None),
    }


def _document(act: DocumentAct | None) -> dict[str, Any]:
    return {
        "title": act.title if act else "",
        "signer": act.signer if act else "",
        "recipients": act.recipients if act else "",
        "keeper": act.keeper if act else "",
        "copies": act.copies if act else None,
        "subject": act.subject if act else None,
    }


# -- the printed book (NĐ 30/2020 Điều 16 k1: a system register prints with all its fields) ----

TITLE = "Sổ đăng ký văn bản đi"
CITATION = "NĐ 30/2020/NĐ-CP Điều 16, Phụ lục IV"
# The 8 columns of Phụ lục IV first, then what the register adds.
COLUMNS = (
    ("symbol", "Số, ký hiệu văn bản"),
    ("on", "Ngày tháng văn bản"),
    ("title", "Tên loại và trích yếu nội dung văn bản"),
    ("signer", "Người ký"),
    ("recipients", "Nơi nhận văn bản"),
    ("keeper", "Đơn vị, người nhận bản lưu"),
    ("copies", "Số lượng bản"),
    ("remarks", "Ghi chú"),
    ("status", "Tình trạng"),
    ("subject", "Vụ án, nguồn tin"),
    ("reason", "Lý do giữ số, chèn số"),
    ("approved_by", "Người duyệt số chèn"),
    ("close_reason", "Lý do hủy, trả số"),
    ("recorded_by", "Người lấy số"),
)
HEADINGS = [heading for _key, heading in COLUMNS]


def cells(row: dict[str, Any]) -> list[str]:
    shown = []
    for column, _heading in COLUMNS:
        value = row.get(column)
        if column == "status":
            value = STATUS_NAMES.get(str(value), value)
        shown.append(fmt(value) if isinstance(value, date) else "" if value is None else str(value))
    return shown
