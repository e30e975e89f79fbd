"""A recommendation (kiến nghị) drafted from the violations of one supervised body in a period,
as `qlahs stats recommendation` compiles them."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from qlahs.drafting.bodies import Body
from qlahs.drafting.catalogue import catalogue
from qlahs.drafting.desk import Drafted, Request, finish
from qlahs.engine import Engine
from qlahs.kernel.errors import QlahsError
from qlahs.stats.compute import compute
from qlahs.stats.periods import Period
from qlahs.stats.recommendation import AgencyViolations, compile_violations


def draft_recommendation(
    engine: Engine, request: Request, period: Period, *, issue: bool = False
) -> Drafted:
    """The kiến nghị to the body named by `request.choices.agency`, from the violations found
    in `period` in the unit (and, as the report counts them, its subunits)."""
    agency = request.choices.agency
    if not agency:
        raise QlahsError("Thiếu --agency: cần tên cơ quan được kiến nghị.")
    report = compute(engine, request.unit, period)
    found = list(compile_violations(report, agency).agencies)
    if not found:
        raise QlahsError(
            f"Tham số --agency: không có vi phạm của cơ quan '{agency}' trong {report.title}."
        )
    found = [a for a in found if a.name.casefold() == agency.casefold()] or found
    if len(found) > 1:
        names = "; ".join(a.name for a in found)
        raise QlahsError(f"Tham số --agency: '{agency}' trùng với nhiều cơ quan: {names}.")
    body = _body(found[0], report.title)
    request = replace(request, about_kind="agency", about_ref=found[0].name)
    return finish(engine, catalogue().get("kien_nghi"), request, body, issue)


def _body(agency: AgencyViolations, period_title: str) -> Body:
    lines: list[Any] = [
        f"Qua công tác kiểm sát {period_title}, Viện kiểm sát nhận thấy {agency.name} "
        f"có {agency.count} vi phạm về thời hạn tố tụng, cụ thể:"
    ]
    for line in agency.lines:
        lines.append(
            f"- {line.title} ({line.article}): {line.count} lần, tại {', '.join(line.cases)}."
        )
    lines += [
        f"Viện kiểm sát kiến nghị {agency.name}:",
        "1. Tổ chức rút kinh nghiệm, khắc phục ngay các vi phạm nêu trên; có biện pháp phòng "
        "ngừa, không để tái diễn.",
        "2. Thông báo kết quả thực hiện kiến nghị cho Viện kiểm sát theo quy định của pháp luật.",
    ]
    return Body("KIẾN NGHỊ:", lines)
