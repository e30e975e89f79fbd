"""Documents drafted from the records: the right data, a number only when issued, recorded
and linked, reproducible, replaceable per unit, and printable like the paper forms."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import docx
import pytest
from typer.testing import CliRunner

from office import first_page_png, libreoffice_pdf, needs_pdf_tools, pdf_pages
from qlahs.cli import app
from qlahs.drafting.bodies import Choices
from qlahs.drafting.catalogue import catalogue
from qlahs.drafting.desk import Drafted, Request, draft
from qlahs.drafting.recommend import draft_recommendation
from qlahs.engine import Engine
from qlahs.kernel.errors import QlahsError
from qlahs.law.statutes import text_of
from qlahs.oversight.trail import history
from qlahs.projections.number_queries import register_rows
from qlahs.stats.periods import parse_period

UNIT = "VKSKV7"


def _story(engine: Engine) -> None:
    steps = [
        (
            "report.receive",
            "TB1",
            "2025-03-03",
            {
                "source": "to_giac",
                "received_by": "CQDT",
                "summary": "Trộm cắp xe máy",
                "reporter": "Nguyễn Văn An",
            },
        ),
        ("report.notify_procuracy", "TB1", "2025-03-04", {}),
        ("report.decide", "TB1", "2025-03-20", {"outcome": "khoi_to", "case": "VA1"}),
        ("case.open", "VA1", "2025-03-20", {"crime": "BLHS 173 k2", "from_report": "TB1"}),
        (
            "case.charge",
            "VA1",
            "2025-03-25",
            {"person": "BC1", "name": "Lê Văn Bình", "crime": "BLHS 173 k2"},
        ),
        (
            "report.receive",
            "TB2",
            "2025-04-01",
            {"source": "tin_bao", "received_by": "CQDT", "summary": "Cố ý gây thương tích"},
        ),
    ]
    for action, ref, on, fields in steps:
        engine.execute({"do": action, "ref": ref, "on": on, "unit": UNIT, "with": fields})


def _text(drafted: Drafted, tmp_path: Path) -> str:
    path = tmp_path / f"{drafted.template.id}.docx"
    path.write_bytes(drafted.docx)
    document = docx.Document(str(path))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([*cells, *(p.text for p in document.paragraphs)])


def _request(template: str, kind: str, ref: str, on: date, **choices: str) -> Request:
    return Request(template, UNIT, on, kind, ref, Choices(**choices))


def test_every_template_is_drafted_with_the_record_in_it(engine: Engine, tmp_path: Path) -> None:
    _story(engine)
    cases = {
        "phan_cong": _request(
            "phan_cong", "case", "VA1", date(2025, 3, 21), prosecutor="Trần Thị Mai"
        ),
        "phieu_kiem_sat": _request("phieu_kiem_sat", "report", "TB1", date(2025, 3, 21)),
        "yeu_cau_xac_minh": _request("yeu_cau_xac_minh", "report", "TB2", date(2025, 4, 2)),
        "gia_han": _request("gia_han", "report", "TB2", date(2025, 4, 15)),
        "phe_chuan": _request("phe_chuan", "case", "VA1", date(2025, 3, 26), person="BC1"),
    }
    expected = {
        "phan_cong": [
            "Trần Thị Mai",
            "Vụ án hình sự số VA1",
            "Điều 165 Bộ luật Tố tụng hình sự năm 2015",
        ],
        "phieu_kiem_sat": ["Quyết định khởi tố vụ án ngày 20/03/2025", "Nguyễn Văn An"],
        "yeu_cau_xac_minh": ["Cố ý gây thương tích", "trước ngày 21/04/2025"],
        "gia_han": ["TB2", "khoản 2 Điều 147"],
        "phe_chuan": ["Lê Văn Bình", "25/03/2025", "khoản 3 Điều 179"],
    }
    for name, request in cases.items():
        text = _text(draft(engine, request), tmp_path)
        assert (
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text and "Độc lập - Tự do - Hạnh phúc" in text
        )
        assert "VIỆN KIỂM SÁT NHÂN DÂN KHU VỰC 7 – QUẢNG NINH" in text
        assert f"Quảng Ninh, ngày {request.on.day:02d} tháng {request.on.month}" in text
        for words in expected[name]:
            assert words in text, (name, words)


def test_a_number_is_taken_only_when_issued_and_the_document_is_recorded(
    engine: Engine, tmp_path: Path
) -> None:
    _story(engine)
    request = _request("phan_cong", "report", "TB1", date(2025, 3, 5), prosecutor="Trần Thị Mai")
    preview = draft(engine, request)
    assert preview.symbol == "" and preview.document_ref is None
    assert "Số:       /QĐ-VKSKV7" in _text(preview, tmp_path)
    issued = draft(engine, request, issue=True)
    assert issued.symbol == "01/QĐ-VKSKV7"
    assert "Số: 01/QĐ-VKSKV7" in _text(issued, tmp_path)
    assert issued.document_ref is not None
    document = engine.subject("document", issued.document_ref)
    assert (document.about_ref, document.checksum, document.template) == (
        "TB1",
        issued.checksum,
        "phan_cong",
    )
    assert any(
        e.event == "Ban hành văn bản 01/QĐ-VKSKV7" and e.about == "văn bản"
        for e in history(engine, "TB1", kind="report")
    )
    with engine.sql.connect() as connection:
        (row,) = register_rows(connection, UNIT, "QD-HS", 2025)
    assert (row["subject"], row["title"]) == ("TB1", f"{issued.template.title} — TB1")
    again = draft(engine, request)  # a redraft later: the same number, the same bytes
    assert (again.symbol, again.checksum) == (issued.symbol, issued.checksum)
    later = draft(engine, _request("gia_han", "report", "TB2", date(2025, 4, 15)), issue=True)
    assert later.symbol == "02/QĐ-VKSKV7"


def test_a_retried_issue_takes_no_second_number(engine: Engine) -> None:
    _story(engine)
    request = Request(
        "phan_cong",
        UNIT,
        date(2025, 3, 5),
        "report",
        "TB1",
        Choices(prosecutor="Trần Thị Mai"),
        command_id="pc-tb1",
    )
    first = draft(engine, request, issue=True)
    engine.execute(
        {
            "do": "document.withdraw",
            "ref": first.document_ref,
            "on": "2025-03-06",
            "unit": UNIT,
            "with": {"reason": "Soạn lại"},
        }
    )
    second = draft(engine, request, issue=True)
    assert second.symbol == first.symbol


def test_a_unit_replaces_a_template_and_a_missing_placeholder_is_refused(
    engine: Engine, tmp_path: Path
) -> None:
    _story(engine)
    shipped = Path(str(catalogue().get("phan_cong").file))
    own = tmp_path / "mau" / UNIT
    own.mkdir(parents=True)
    template = docx.Document()
    template.add_paragraph("Mẫu riêng {{ ten_don_vi }} {{ chua_co_du_lieu }}")
    template.save(str(own / shipped.name))
    request = Request(
        "phan_cong",
        UNIT,
        date(2025, 3, 5),
        "report",
        "TB1",
        Choices(prosecutor="Trần Thị Mai"),
        folder=tmp_path / "mau",
    )
    with pytest.raises(QlahsError, match="chua_co_du_lieu"):
        draft(engine, request, issue=True)
    assert engine.deadlines(date(2025, 3, 5), unit=UNIT)  # the store still answers
    template = docx.Document()
    template.add_paragraph("Mẫu riêng của {{ ten_don_vi }}")
    template.save(str(own / shipped.name))
    assert "Mẫu riêng của VIỆN KIỂM SÁT" in _text(draft(engine, request), tmp_path)


def test_refusals_name_what_is_missing(engine: Engine) -> None:
    _story(engine)
    with pytest.raises(QlahsError, match="--prosecutor"):
        draft(engine, _request("phan_cong", "report", "TB1", date(2025, 3, 5)))
    with pytest.raises(QlahsError, match="--person"):
        draft(engine, _request("phe_chuan", "case", "VA1", date(2025, 3, 26), person="BC9"))
    with pytest.raises(QlahsError, match="chưa có vào ngày"):
        draft(engine, _request("phieu_kiem_sat", "report", "TB1", date(2025, 3, 1)))
    with pytest.raises(QlahsError, match="không dùng cho"):
        draft(engine, _request("phe_chuan", "report", "TB1", date(2025, 3, 26)))


def test_a_recommendation_is_drafted_from_the_violations_of_one_body(
    engine: Engine, tmp_path: Path
) -> None:
    _story(engine)  # TB2 is never decided: the investigating body misses its 20 days
    request = Request("kien_nghi", UNIT, date(2025, 7, 1), "agency", "", Choices(agency="điều tra"))
    drafted = draft_recommendation(engine, request, parse_period("2025"), issue=True)
    text = _text(drafted, tmp_path)
    assert "KIẾN NGHỊ" in text and "TB2" in text and "Điều 147" in text
    assert drafted.symbol.endswith("/CV-VKSKV7")


def test_every_cited_basis_is_an_article_of_the_shipped_text() -> None:
    for template in catalogue().all():
        for basis in template.bases:
            c = basis.citation
            assert c.article is not None
            assert text_of(c.law, c.article, c.clause) is not None, (template.id, str(c))


def test_the_cli_lists_and_drafts(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/q.db"
    with Engine.open(url) as engine:
        _story(engine)
    runner = CliRunner()
    listed = runner.invoke(app, ["draft", "list"])
    assert listed.exit_code == 0 and "phe_chuan" in listed.stdout
    out = tmp_path / "pc.docx"
    done = runner.invoke(
        app,
        [
            "draft",
            "phan_cong",
            "--ref",
            "TB1",
            "--as-of",
            "05/03/2025",
            "--prosecutor",
            "Trần Thị Mai",
            "--issue",
            "--out",
            str(out),
            "--db",
            url,
        ],
    )
    assert done.exit_code == 0, done.output
    assert "01/QĐ-VKSKV7" in done.output and out.stat().st_size > 5000
    missing = runner.invoke(
        app, ["draft", "phan_cong", "--ref", "TB9", "--out", str(out), "--db", url]
    )
    assert missing.exit_code == 1 and "Không tìm thấy" in missing.output


@needs_pdf_tools
def test_drafted_documents_print_like_the_forms(tmp_path: Path) -> None:
    with Engine.open(f"sqlite:///{tmp_path}/q.db") as engine:
        _story(engine)
        drafted = draft(
            engine,
            _request("phe_chuan", "case", "VA1", date(2025, 3, 26), person="BC1"),
            issue=True,
        )
    path = tmp_path / "phe_chuan.docx"
    path.write_bytes(drafted.docx)
    pdf = libreoffice_pdf(path, tmp_path)
    pages = pdf_pages(pdf)
    assert len(pages) <= 2
    top = pages[0].strip().splitlines()[:4]
    assert any("CỘNG HÒA XÃ HỘI CHỦ NGHĨA" in line for line in top)  # the motto on top
    words = " ".join(pages[0].split())  # the page's lines, joined where the layout wrapped them
    assert "Lê Văn Bình" in words and "Số: 01/QĐ-VKSKV7" in words
    width, height = first_page_png(pdf, tmp_path)
    assert 1.35 < height / width < 1.48  # A4 portrait


def test_civil_and_administrative_matters_get_their_assignment_and_slip(
    engine: Engine, tmp_path: Path
) -> None:
    steps = [
        (
            "civil.receive_claim",
            "DS1",
            "2025-03-03",
            {
                "procedure": "vu_an",
                "kind": "lao_dong",
                "court": "Tòa án nhân dân khu vực 7 – Quảng Ninh",
                "plaintiff": "Trần Văn Hải",
                "summary": "Tranh chấp tiền lương",
            },
        ),
        ("civil.accept", "DS1", "2025-03-10", {}),
        ("civil.deliver", "DS1", "2025-03-12", {"document": "thong_bao_thu_ly"}),
        (
            "admin.receive_claim",
            "HC1",
            "2025-04-01",
            {
                "court": "Tòa án nhân dân tỉnh Quảng Ninh",
                "plaintiff": "Công ty TNHH Hải Long",
                "summary": "Khiếu kiện quyết định thu hồi đất",
            },
        ),
        ("admin.return_claim", "HC1", "2025-04-08", {"ground": "Hết thời hiệu khởi kiện"}),
    ]
    for action, ref, on, fields in steps:
        engine.execute({"do": action, "ref": ref, "on": on, "unit": UNIT, "with": fields})
    slip = _text(
        draft(engine, _request("phieu_kiem_sat", "civil", "DS1", date(2025, 3, 13))), tmp_path
    )
    assert "Thông báo thụ lý (Viện kiểm sát nhận ngày 12/03/2025)" in slip
    assert "Vụ án dân sự (lao động) số DS1" in slip and "Trần Văn Hải" in slip
    assert "Điều 21 Bộ luật Tố tụng dân sự năm 2015" in slip
    returned = draft(engine, _request("phieu_kiem_sat", "admin", "HC1", date(2025, 4, 9)))
    text = _text(returned, tmp_path)
    assert "Văn bản trả lại đơn khởi kiện, đơn yêu cầu ngày 08/04/2025" in text
    assert "Điều 25 Luật Tố tụng hành chính năm 2015" in text
    assigned = draft(
        engine,
        _request("phan_cong", "civil", "DS1", date(2025, 3, 13), prosecutor="Lê Thu Hà"),
        issue=True,
    )
    assert "kiểm sát việc giải quyết vụ việc dân sự" in _text(assigned, tmp_path)
    assert assigned.symbol == "01/QĐ-VKSKV7"


def test_the_answer_to_an_issued_recommendation_is_followed(engine: Engine) -> None:
    _story(engine)
    request = Request(
        "kien_nghi",
        UNIT,
        date(2025, 7, 1),
        "agency",
        "",
        Choices(agency="điều tra"),
        answer_within=15,
    )
    issued = draft_recommendation(engine, request, parse_period("2025"), issue=True)
    assert issued.document_ref is not None
    (owed,) = [
        d for d in engine.deadlines(date(2025, 7, 2), unit=UNIT) if d.ref == issued.document_ref
    ]
    assert (owed.rule, owed.due, owed.status) == (
        "supervision.answer_recommendation",
        date(2025, 7, 16),
        "open",
    )
    assert "Luật Tổ chức VKSND 2014 Điều 5 khoản 2" in owed.article
    late = [
        v for v in engine.violations(date(2025, 7, 20), unit=UNIT) if v.ref == issued.document_ref
    ]
    assert [v.kind for v in late] == ["missing"]
    engine.execute(
        {
            "do": "document.answer",
            "ref": issued.document_ref,
            "on": "2025-07-14",
            "unit": UNIT,
            "with": {"result": "chap_nhan", "content": "Đã rút kinh nghiệm"},
        }
    )
    (met,) = [
        d for d in engine.deadlines(date(2025, 7, 20), unit=UNIT) if d.ref == issued.document_ref
    ]
    assert met.status == "met"
    assert not [
        v for v in engine.violations(date(2025, 7, 20), unit=UNIT) if v.ref == issued.document_ref
    ]
