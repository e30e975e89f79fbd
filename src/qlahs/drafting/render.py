"""A template filled in, checked and made reproducible.

docxtpl renders the placeholders with Jinja's strict undefined, so a placeholder the data does
not fill is an error naming it, not a blank. The DOCX (a zip) is then rewritten with fixed
timestamps: the same record and choices give the same bytes and the same checksum, so a
redraft can be compared with what was issued.
"""

from __future__ import annotations

import hashlib
import io
import zipfile
from pathlib import Path
from typing import Any

from docxtpl import DocxTemplate
from jinja2 import Environment, StrictUndefined, UndefinedError

from qlahs.kernel.errors import QlahsError

_EPOCH = (1980, 1, 1, 0, 0, 0)


def render(template: Path, context: dict[str, Any]) -> bytes:
    document = DocxTemplate(str(template))
    missing = sorted(document.get_undeclared_template_variables() - set(context))
    if missing:
        raise QlahsError(f"Mẫu {template.name} có chỗ điền không có dữ liệu: {', '.join(missing)}.")
    try:
        document.render(
            context, Environment(undefined=StrictUndefined, autoescape=True), autoescape=True
        )
    except UndefinedError as error:
        raise QlahsError(f"Mẫu {template.name}: chỗ điền không có dữ liệu ({error}).") from None
    out = io.BytesIO()
    document.save(out)
    return _reproducible(out.getvalue())


def _reproducible(docx: bytes) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(docx))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=_EPOCH)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(fixed, source.read(info.filename))
    return out.getvalue()


def checksum(docx: bytes) -> str:
    return hashlib.sha256(docx).hexdigest()
