"""The `document.*` actions: recording an issued document and withdrawing it.

Drafting (`qlahs.drafting`) takes the number from the right register, renders the template and
then records the document here, so the document shows in the record's history and in the
book of issued documents.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any, ClassVar, Literal

import sqlalchemy as sa
from pydantic import Field

from qlahs.domain.issued_document import IssuedDocument
from qlahs.kernel.bounds import CODE_LIMIT, NAME_LIMIT, REF_LIMIT, TEXT_LIMIT
from qlahs.kernel.schema import metadata
from qlahs.kernel.subject import Act, Subject
from qlahs.stages.commands import Command
from qlahs.stages.document.rules import DocumentRules
from qlahs.stages.registry import Action, Stage, calls

CHECKSUM = r"^[0-9a-f]{64}$"
TEMPLATE_ID = r"^[a-z][a-z0-9_]*$"


class RecordDocument(Command):
    """Ghi nhận văn bản đã ban hành: số, ký hiệu, mẫu và mã kiểm tra của tệp."""

    action: ClassVar[str] = "document.record"
    template: str = Field(min_length=1, max_length=CODE_LIMIT, pattern=TEMPLATE_ID)
    version: int = Field(ge=1, le=10_000, description="Phiên bản của mẫu")
    title: str = Field(min_length=1, max_length=TEXT_LIMIT, description="Tên văn bản")
    symbol: str = Field(
        default="", max_length=NAME_LIMIT, description="Số và ký hiệu (trống: không đánh số)"
    )
    checksum: str = Field(pattern=CHECKSUM, description="Mã SHA-256 của tệp văn bản")
    about_kind: str | None = Field(default=None, max_length=CODE_LIMIT)
    about_ref: str | None = Field(default=None, max_length=REF_LIMIT)
    as_of: date = Field(description="Ngày của hồ sơ mà văn bản được soạn theo")
    answer_within: int | None = Field(
        default=None, ge=1, le=365, description="Số ngày văn bản ấn định để cơ quan trả lời"
    )


class AnswerDocument(Command):
    """Cơ quan được kiến nghị trả lời kiến nghị của Viện kiểm sát."""

    action: ClassVar[str] = "document.answer"
    result: Literal["chap_nhan", "chap_nhan_mot_phan", "khong_chap_nhan"]
    content: str = Field(default="", max_length=TEXT_LIMIT, description="Nội dung trả lời")


class WithdrawDocument(Command):
    """Thu hồi văn bản đã ban hành, có lý do."""

    action: ClassVar[str] = "document.withdraw"
    reason: str = Field(min_length=1, max_length=TEXT_LIMIT)


RESULTS = {
    "chap_nhan": "Chấp nhận",
    "chap_nhan_mot_phan": "Chấp nhận một phần",
    "khong_chap_nhan": "Không chấp nhận",
}


def _record(subject: Subject | None, command: Command, fields: dict[str, Any]) -> Subject:
    assert subject is None
    return IssuedDocument.issue(ref=command.ref, **fields)


document_book = sa.Table(
    "qlahs_document_book",
    metadata,
    sa.Column("subject_id", sa.String(36), primary_key=True),
    sa.Column("ref", sa.String(200), nullable=False),
    sa.Column("unit", sa.String(64), nullable=False, index=True),
    sa.Column("issued_on", sa.Date, nullable=False),
    sa.Column("symbol", sa.Text, nullable=False),
    sa.Column("title", sa.Text, nullable=False),
    sa.Column("template", sa.String(64), nullable=False),
    sa.Column("version", sa.Integer, nullable=False),
    sa.Column("checksum", sa.String(64), nullable=False),
    sa.Column("about_kind", sa.String(64)),
    sa.Column("about_ref", sa.String(200), index=True),
    sa.Column("as_of", sa.Date, nullable=False),
    sa.Column("withdrawn_on", sa.Date),
    sa.Column("answer_within", sa.Integer),
    sa.Column("answered_on", sa.Date),
    sa.Column("answer", sa.Text),
)


def _project(sid: str, doc: Any, acts: Sequence[Act]) -> list[tuple[sa.Table, dict[str, Any]]]:
    withdrawn = [act.on for act in acts if isinstance(act, IssuedDocument.Withdrawn)]
    answers = [act for act in acts if isinstance(act, IssuedDocument.Answered)]
    row = {
        "subject_id": sid,
        "ref": doc.ref,
        "unit": doc.unit,
        "issued_on": doc.opened_on,
        "symbol": doc.symbol,
        "title": doc.title,
        "template": doc.template,
        "version": doc.version,
        "checksum": doc.checksum,
        "about_kind": doc.about_kind,
        "about_ref": doc.about_ref,
        "as_of": doc.as_of,
        "withdrawn_on": withdrawn[-1] if withdrawn else None,
        "answer_within": doc.answer_within,
        "answered_on": answers[-1].on if answers else None,
        "answer": RESULTS[answers[-1].result] if answers else None,
    }
    return [(document_book, row)]


STAGE = Stage(
    name="document",
    subject=IssuedDocument,
    rules=DocumentRules,
    project=_project,
    tables=(document_book,),
    actions=(
        Action("document.record", RecordDocument, _record, creates=True),
        Action("document.answer", AnswerDocument, calls(IssuedDocument.answer)),
        Action("document.withdraw", WithdrawDocument, calls(IssuedDocument.withdraw)),
    ),
)
