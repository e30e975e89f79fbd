"""Build the shipped DOCX templates (run once after changing a layout; the files are kept).

    python -m qlahs.drafting.tools.build_templates

The layout follows NĐ 30/2020/NĐ-CP Phụ lục I: A4, Times New Roman 13–14, the issuing body
and the number on the left, the national motto on the right, the place and date under it,
then the kind of document and its summary, the body, the recipients and the signature. A unit
replaces a file by putting its own DOCX with the same name in its templates folder.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt
from docx.table import _Cell
from docx.text.paragraph import Paragraph

HERE = Path(__file__).resolve().parent.parent / "templates"
CENTER, JUSTIFY, LEFT = (
    WD_ALIGN_PARAGRAPH.CENTER,
    WD_ALIGN_PARAGRAPH.JUSTIFY,
    WD_ALIGN_PARAGRAPH.LEFT,
)


def _line(
    cell_or_doc: _Cell | DocxDocument,
    text: str,
    *,
    bold: bool = False,
    italic: bool = False,
    size: float = 13,
    align: WD_ALIGN_PARAGRAPH = CENTER,
) -> Paragraph:
    first = cell_or_doc.paragraphs[0] if isinstance(cell_or_doc, _Cell) else None
    fresh = first is not None and not first.text and not first.runs
    paragraph: Paragraph = first if fresh and first is not None else cell_or_doc.add_paragraph()
    paragraph.alignment = align
    paragraph.paragraph_format.space_after = Pt(0)
    run = paragraph.add_run(text)
    run.bold, run.italic, run.font.size = bold, italic, Pt(size)
    return paragraph


def _two_columns(document: DocxDocument, left_mm: float, right_mm: float) -> tuple[_Cell, _Cell]:
    """A borderless table of one row whose widths Word and LibreOffice both keep."""
    table = document.add_table(rows=1, cols=2)
    table.autofit = False
    left, right = table.rows[0].cells
    for index, (cell, width) in enumerate(((left, Mm(left_mm)), (right, Mm(right_mm)))):
        table.columns[index].width = width
        cell.width = width
    return left, right


def _header(document: DocxDocument) -> None:
    left, right = _two_columns(document, 65, 100)
    _line(left, "{{ co_quan_cap_tren }}", size=12)
    _line(left, "{{ ten_don_vi }}", bold=True, size=12)
    _line(left, "{{ so_ky_hieu }}", size=13)
    _line(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True, size=12)
    _line(right, "Độc lập - Tự do - Hạnh phúc", bold=True, size=13)
    _line(right, "{{ dia_danh_ngay }}", italic=True, size=13)


def _body(document: DocxDocument, leader_line: bool) -> None:
    _line(document, "")
    _line(document, "{{ ten_loai }}", bold=True, size=14)
    _line(document, "{{ trich_yeu }}", bold=True, size=14)
    _line(document, "")
    if leader_line:
        _line(document, "{{ chuc_danh_ban_hanh }}", bold=True, size=14)
    _line(document, "{%p for dong in can_cu %}", align=JUSTIFY)
    _line(document, "{{ dong }}", italic=True, size=14, align=JUSTIFY)
    _line(document, "{%p endfor %}", align=JUSTIFY)
    _line(document, "{{ loi_mo }}", bold=True, size=14)
    _line(document, "{%p for dong in noi_dung %}", align=JUSTIFY)
    _line(document, "{{ dong }}", size=14, align=JUSTIFY)
    _line(document, "{%p endfor %}", align=JUSTIFY)


def _closing(document: DocxDocument) -> None:
    left, right = _two_columns(document, 80, 85)
    _line(left, "Nơi nhận:", bold=True, italic=True, size=12, align=LEFT)
    _line(left, "{%p for nhan in noi_nhan %}", align=LEFT)
    _line(left, "- {{ nhan }};", size=11, align=LEFT)
    _line(left, "{%p endfor %}", align=LEFT)
    _line(right, "{{ quyen_han_ky }}", bold=True, size=14)
    _line(right, "{{ chuc_vu_ky }}", bold=True, size=14)
    for _ in range(3):
        _line(right, "")
    _line(right, "{{ nguoi_ky }}", bold=True, size=14)


def build(name: str, leader_line: bool) -> Path:
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin = section.bottom_margin = Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    style = document.styles["Normal"]
    style.font.name, style.font.size = "Times New Roman", Pt(14)
    _header(document)
    _body(document, leader_line)
    _closing(document)
    path = HERE / f"{name}.docx"
    document.save(str(path))
    return path


# the documents with a heading line naming who issues them ("VIỆN TRƯỞNG …") before the bases
TEMPLATES = {
    "phan_cong": True,
    "phieu_kiem_sat": False,
    "yeu_cau_xac_minh": False,
    "gia_han": True,
    "phe_chuan": True,
    "kien_nghi": False,
}

if __name__ == "__main__":
    for name, leader_line in TEMPLATES.items():
        print(build(name, leader_line))
