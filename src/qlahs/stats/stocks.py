"""Stocks: what a unit holds on a given day (reports to resolve, cases under investigation,
persons detained…), and the acts that bring things in and take them out.

A stock is a question asked of a subject's state: which of its keys (the subject, or one of
its persons) are in it. Each act is applied to the subject in the order it was recorded, and
whatever enters or leaves the stock because of it is a *transition* dated on the act's legal
day and labelled by the act (`Decided.khoi_to`, `ReturnedForInvestigation.VKS`). Then, for a
period [s, e]:

    carried (cũ) = entries − exits dated before s
    new (mới)    = entries dated in [s, e]        resolved = exits dated in [s, e]
    end (còn)    = carried + new − resolved

so carried + new = resolved + end holds for every stock, unit and period by construction, and
`end` of one month is `carried` of the next. The stage machines stay the one description of
the path: a stock names states, never steps.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from qlahs.domain.crime_report import CrimeReport
from qlahs.domain.criminal_case import CriminalCase
from qlahs.kernel.subject import Act, Subject

C = CriminalCase
Members = Callable[[Any], frozenset[str]]


@dataclass(frozen=True)
class Stock:
    name: str
    subject: type[Subject]
    title: str
    counted: str  # what one key is: nguồn tin, vụ, bị can, người
    members: Members


def _stage(*stages: str) -> Members:
    def members(subject: Any) -> frozenset[str]:
        return frozenset((subject.ref,)) if subject.stage in stages else frozenset()

    return members


def _accused(*stages: str) -> Members:
    """The charged persons whose own procedure goes on, while the case is in `stages`."""

    def members(case: Any) -> frozenset[str]:
        if case.stage not in stages:
            return frozenset()
        return frozenset(
            f"{case.ref}/{code}"
            for code, person in case.persons.items()
            if person.charged_on is not None
            and person.approval != "cancelled"
            and person.procedure == "active"
        )

    return members


def _persons(test: Callable[[Any], bool]) -> Members:
    def members(case: Any) -> frozenset[str]:
        return frozenset(
            f"{case.ref}/{code}" for code, person in case.persons.items() if code and test(person)
        )

    return members


INVESTIGATING = ("investigating",)
TRIAL = ("trial_preparation", "trial_scheduled")

STOCKS: tuple[Stock, ...] = (
    Stock("report", CrimeReport, "Nguồn tin đang giải quyết", "nguồn tin", _stage("received")),
    Stock(
        "report_suspended",
        CrimeReport,
        "Nguồn tin đang tạm đình chỉ giải quyết",
        "nguồn tin",
        _stage("suspended"),
    ),
    Stock("inv_case", CriminalCase, "Vụ án đang điều tra", "vụ", _stage(*INVESTIGATING)),
    Stock(
        "inv_case_suspended",
        CriminalCase,
        "Vụ án đang tạm đình chỉ điều tra",
        "vụ",
        _stage("investigation_suspended"),
    ),
    Stock("inv_person", CriminalCase, "Bị can đang điều tra", "bị can", _accused(*INVESTIGATING)),
    Stock(
        "pros_case",
        CriminalCase,
        "Vụ án Viện kiểm sát đang giải quyết ở giai đoạn truy tố",
        "vụ",
        _stage("prosecution"),
    ),
    Stock(
        "pros_person",
        CriminalCase,
        "Bị can ở giai đoạn truy tố",
        "bị can",
        _accused("prosecution"),
    ),
    Stock("trial_case", CriminalCase, "Vụ án Tòa án đang giải quyết sơ thẩm", "vụ", _stage(*TRIAL)),
    Stock("trial_person", CriminalCase, "Bị cáo chờ xét xử sơ thẩm", "bị cáo", _accused(*TRIAL)),
    Stock(
        "appeal_case", CriminalCase, "Vụ án đang giải quyết phúc thẩm", "vụ", _stage("appeal_trial")
    ),
    Stock(
        "held",
        CriminalCase,
        "Người đang bị tạm giữ",
        "người",
        _persons(lambda p: p.custody == "held"),
    ),
    Stock(
        "detained",
        CriminalCase,
        "Người đang bị tạm giam",
        "người",
        _persons(lambda p: p.custody == "detained"),
    ),
    Stock(
        "enforce",
        CriminalCase,
        "Người bị kết án chờ quyết định thi hành án",
        "người",
        _persons(lambda p: p.enforcement == "sentenced"),
    ),
    Stock(
        "convicted_detained",
        CriminalCase,
        "Người bị kết án đang bị tạm giam",
        "người",
        _persons(lambda p: p.custody == "detained" and p.enforcement is not None),
    ),
)


def label(act: Act, subject: Any, key: str = "") -> str:
    """The act's class name, and the variant a statistic tells apart (an outcome, who sent a
    file back, a protest's level, a summary procedure, an accused left out of an indictment)."""
    name = type(act).__name__
    variant: str | None = None
    match act:
        case CrimeReport.Decided():
            variant = act.outcome
        case C.ReturnedForInvestigation():
            variant = act.by
        case C.Opened() if act.from_case:
            variant = "split"
        case C.Protested():
            variant = act.level
        case C.InvestigationConcluded():
            variant = act.recommendation
        case C.Indicted():
            person = key.partition("/")[2]
            if person and act.persons and person not in act.persons:
                variant = "not_listed"
            elif getattr(subject, "procedure", None) == "rut_gon":
                variant = "rut_gon"
    return f"{name}.{variant}" if variant else name
