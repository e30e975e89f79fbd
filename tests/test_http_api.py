"""Every endpoint of the HTTP service driven as a client would: the lists with paging, a
record's state as of a date and as known at a moment, the books (JSON and Excel), search,
statistics, number registers, drafting templates, the preview, the typed commands and the
OpenAPI document and docs page built from the command models."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import pytest

from http_world import World, http_world, receive
from qlahs.stats.snapshot import VIETNAM


@pytest.fixture
def world(store_url: str) -> Iterator[World]:
    with http_world(store_url) as found:
        for ref in ("TB-A1", "TB-A2", "TB-A3"):
            assert found.post("/commands", receive(ref)).status_code == 200
        yield found


def test_the_deadline_lists_page_and_explain(world: World) -> None:
    first = world.get("/deadlines", as_of="05/03/2025", size=2, page=1).json()
    second = world.get("/deadlines", as_of="2025-03-05", size=2, page=2).json()
    assert first["total"] == second["total"] >= 3
    assert len(first["items"]) == 2 and first["page"] == 1
    rows = [(row["ref"], row["rule"]) for row in first["items"] + second["items"]]
    assert len(rows) == len(set(rows)) == 4
    row = first["items"][0]
    assert row["title"] and row["article"].startswith("BLTTHS") and row["explanation"]
    assert row["due_text"].count("/") == 2
    due = world.get("/deadlines/due", as_of="04/03/2025", within=3).json()
    assert {r["rule"] for r in due["items"]} == {"report.notify_procuracy"}
    late = world.get("/deadlines/overdue", as_of="10/03/2025").json()
    assert late["total"] == 3 and all(r["status"] == "missed" for r in late["items"])
    assert world.get("/deadlines/overdue", as_of="04/03/2025").json()["total"] == 0
    every = world.get("/deadlines", as_of="10/03/2025", ref="TB-A1").json()
    assert {r["ref"] for r in every["items"]} == {"TB-A1"}


def test_violations_name_their_article(world: World) -> None:
    found = world.get("/violations", as_of="30/04/2025").json()
    assert found["total"] >= 3
    assert all("Điều" in v["article"] and v["message"] for v in found["items"])
    assert all(v["responsible"] for v in found["items"])


def test_a_record_as_of_a_date_and_as_known_at_a_moment(world: World) -> None:
    before = datetime.now(VIETNAM).strftime("%H:%M %d/%m/%Y")
    state = world.get("/subjects/report/TB-A1", as_of="05/03/2025").json()
    assert state["unit"] == "VKSKV1" and state["noun"] == "nguồn tin"
    assert {d["rule"] for d in state["deadlines"]} >= {"report.notify_procuracy"}
    history = world.get("/subjects/report/TB-A1/history").json()
    assert history["total"] == 1
    assert history["items"][0]["title"] == "Tiếp nhận nguồn tin"
    assert history["items"][0]["day_text"] == "03/03/2025"
    earlier = world.get("/subjects/report/TB-A1/history", known_at="01/01/2020").json()
    assert earlier["total"] == 0
    assert world.get("/subjects/report/TB-A1", known_at=before).status_code in (200, 404)
    missing = world.get("/subjects/report/KHONG-CO")
    assert missing.status_code == 404 and missing.json()["field"] == "ref"
    unknown = world.get("/subjects/vu_la/TB-A1")
    assert unknown.status_code == 404 and "loại hồ sơ" in unknown.json()["detail"]


def test_books_as_json_pages_and_as_excel(world: World) -> None:
    page = world.get("/books/04", unit="VKSKV1", year=2025, size=2).json()
    assert page["total"] == 3 and len(page["rows"]) == 2
    assert page["headings"][0] == "STT" and "Điều" in page["citation"]
    excel = world.get("/books/04/xlsx", unit="VKSKV1", year=2025)
    assert excel.status_code == 200 and excel.content[:2] == b"PK"
    assert "so-04-VKSKV1-2025.xlsx" in excel.headers["content-disposition"]
    missing_unit = world.get("/books/04", year=2025)
    assert missing_unit.status_code == 422 and missing_unit.json()["field"] == "unit"
    unknown = world.get("/books/99", unit="VKSKV1", year=2025)
    assert unknown.status_code >= 400 and "99" in unknown.json()["detail"]


def test_search_statistics_registers_and_templates(world: World) -> None:
    found = world.get("/search", text="TB-A2").json()
    assert "TB-A2" in {row["ref"] for row in found["items"]}
    figures = world.get("/statistics", unit="VKSKV1", period="2025-03").json()
    assert "Tháng 03/2025" in figures["title"] and figures["indicators"]
    assert any(i["value"] for i in figures["indicators"] if isinstance(i["value"], int))
    bad_period = world.get("/statistics", unit="VKSKV1", period="mùa xuân")
    assert bad_period.status_code == 400 and "kỳ" in bad_period.json()["detail"].lower()
    assert world.get("/numbers/registers", unit="VKSKV1").json() == {"items": []}
    templates = world.get("/drafting/templates").json()["items"]
    assert templates and all(t["title"] for t in templates)
    about_reports = [t["id"] for t in templates if "report" in t["about"]]
    chosen = {"prosecutor": "Phạm Văn Sát", "deputy": "Lê Văn Phó", "signer": "Lê Văn Phó"}
    drafted = world.get(
        f"/drafting/{about_reports[0]}/preview", ref="TB-A1", as_of="05/03/2025", **chosen
    )
    assert drafted.status_code == 200, drafted.text
    assert drafted.content[:2] == b"PK" and ".docx" in drafted.headers["content-disposition"]
    before = world.get(f"/drafting/{about_reports[0]}/preview", ref="TB-A1", as_of="01/03/2025")
    assert before.status_code == 400 and "chưa có vào ngày" in before.json()["detail"]


def test_typed_commands_and_the_preview(world: World) -> None:
    body = {"ref": "TB-T1", "on": "03/03/2025", "source": "tin_bao", "received_by": "CQDT"}
    recorded = world.post("/commands/report.receive", body)
    assert recorded.status_code == 200 and recorded.json()["ref"] == "TB-T1"
    preview = world.post(
        "/commands/preview",
        {"do": "report.decide", "ref": "TB-T1", "on": "30/05/2025", "with": {"outcome": "khoi_to"}},
    )
    assert preview.status_code in (200, 422), preview.text
    if preview.status_code == 200:
        assert all("Điều" in v["article"] for v in preview.json()["violations"])
    assert world.get("/subjects/report/TB-T1/history").json()["total"] == 1  # nothing recorded


def test_the_openapi_document_comes_from_the_command_models(world: World) -> None:
    spec = world.client.get("/openapi.json").json()
    operation = spec["paths"]["/commands/report.receive"]["post"]
    assert operation["summary"] == "Tiếp nhận nguồn tin"
    schema_ref = operation["requestBody"]["content"]["application/json"]["schema"]["$ref"]
    schema = spec["components"]["schemas"][schema_ref.rsplit("/", 1)[1]]
    assert {"ref", "on", "source", "received_by"} <= set(schema["properties"])
    assert "/deadlines/overdue" in spec["paths"] and "/books/{number}/xlsx" in spec["paths"]
    listed = spec["paths"]["/deadlines/overdue"]["get"]["responses"]["200"]["content"]
    assert listed["application/json"]["schema"]["$ref"].endswith("/DeadlinePage")
    row = spec["components"]["schemas"]["DeadlineRow"]["properties"]
    assert {"article", "explanation", "due_text"} <= set(row)
    docs = world.client.get("/docs")
    assert docs.status_code == 200 and "Tiếp nhận nguồn tin" in docs.text
    assert "cdn" not in docs.text.lower() and "<script" not in docs.text
