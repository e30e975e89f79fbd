"""The demo's documents: every template drafted from a report and a case of the year, issued
under the registers' numbers and written as DOCX files beside the books."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from qlahs.drafting.bodies import Choices
from qlahs.drafting.desk import Drafted, Request, draft
from qlahs.drafting.recommend import draft_recommendation
from qlahs.engine import Engine
from qlahs.kernel.dates import from_iso
from qlahs.kernel.errors import QlahsError
from qlahs.stats.periods import parse_period

PROSECUTOR, DEPUTY, SIGNER = "Nguyễn Thị Hoa", "Trần Văn Minh", "Phạm Quốc Hùng"


def _last(steps: list[dict[str, Any]], action: str, before: date) -> dict[str, Any] | None:
    """The latest act of its kind a few weeks before the end of the year: its documents are
    dated after every number the year's registers already hold."""
    found = [s for s in steps if s["do"] == action and _day(s, 0) <= before]
    return max(found, key=lambda s: str(s["on"])) if found else None


def _day(step: dict[str, Any], after: int = 1) -> date:
    return from_iso(str(step["on"])[:10]) + timedelta(days=after)


def draft_documents(
    engine: Engine, steps: list[dict[str, Any]], unit: str, out: Path, until: date, console: Console
) -> dict[str, Any]:
    folder = out / "van-ban"
    folder.mkdir(exist_ok=True)
    wanted: list[tuple[str, Request]] = []
    before = until - timedelta(days=30)
    report, decided = _last(steps, "report.receive", before), _last(steps, "report.decide", before)
    charged = _last(steps, "case.charge", before)
    choices = Choices(prosecutor=PROSECUTOR, deputy=DEPUTY, signer=SIGNER)
    if report is not None:
        ref, on = report["ref"], _day(report)
        wanted += [
            ("phan_cong", Request("phan_cong", unit, on, "report", ref, choices)),
            ("yeu_cau_xac_minh", Request("yeu_cau_xac_minh", unit, on, "report", ref, choices)),
            ("gia_han", Request("gia_han", unit, _day(report, 15), "report", ref, choices)),
        ]
    if decided is not None:
        slip = Request("phieu_kiem_sat", unit, _day(decided), "report", decided["ref"], choices)
        wanted.append(("phieu_kiem_sat", slip))
    if charged is not None:
        person = str(charged.get("with", {}).get("person", ""))
        case_choices = Choices(prosecutor=PROSECUTOR, person=person, signer=SIGNER)
        ref, on = charged["ref"], _day(charged)
        wanted += [
            ("phan_cong", Request("phan_cong", unit, on, "case", ref, case_choices)),
            ("phe_chuan", Request("phe_chuan", unit, on, "case", ref, case_choices)),
        ]
    drafted: list[Drafted] = []
    for name, request in wanted:
        try:
            drafted.append(draft(engine, request, issue=True))
        except QlahsError as error:  # a story the demo did not tell: say so, go on
            console.print(f"[yellow]Không soạn được {name} cho {request.about_ref}: {error}[/]")
    choices = Choices(agency="Cơ quan điều tra", signer=SIGNER)
    recommendation = Request("kien_nghi", unit, until, "agency", "", choices, answer_within=30)
    try:
        drafted.append(
            draft_recommendation(engine, recommendation, parse_period(str(until.year)), issue=True)
        )
    except QlahsError as error:
        console.print(f"[yellow]Không soạn được kiến nghị: {error}[/]")
    table = Table(title=f"Văn bản đã soạn và ban hành ({len(drafted)})")
    for heading in ("Số, ký hiệu", "Văn bản", "Hồ sơ", "Tệp"):
        table.add_column(heading)
    for index, document in enumerate(drafted, start=1):
        path = folder / f"{index:02d}-{document.template.id}.docx"
        path.write_bytes(document.docx)
        symbol = document.symbol or "không đánh số"
        table.add_row(symbol, document.template.title, document.about_ref, str(path))
    console.print(table)
    return {"documents": len(drafted)}
