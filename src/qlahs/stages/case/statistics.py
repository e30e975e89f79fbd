"""What criminal cases add to the statistics: the cases, accused and persons held at each
step, acts told apart by the variant a statistic needs, and the body a violation of a case's
rules is held against (the investigating agency, the court, or the procuracy itself)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any, Literal

from qlahs.domain.criminal_case import CriminalCase
from qlahs.kernel.subject import Act
from qlahs.law.deadlines import Violation
from qlahs.stages.case.own_statistics import OWN_STOCKS
from qlahs.stages.statistics import (
    COURT,
    INVESTIGATING,
    PROCURACY,
    UNKNOWN,
    Agency,
    AgencyKind,
    Members,
    Statistics,
    Stock,
)
from qlahs.stages.supervision.statistics import supervision_measures

C = CriminalCase


def _stage(*stages: str) -> Members:
    def members(case: Any) -> frozenset[str]:
        return frozenset((case.ref,)) if case.stage in stages else frozenset()

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


INVESTIGATION = ("investigating",)
TRIAL = ("trial_preparation", "trial_scheduled")

STOCKS = (
    Stock("inv_case", C, "Vụ án đang điều tra", "vụ", _stage(*INVESTIGATION)),
    Stock(
        "inv_case_suspended",
        C,
        "Vụ án đang tạm đình chỉ điều tra",
        "vụ",
        _stage("investigation_suspended"),
    ),
    Stock("inv_person", C, "Bị can đang điều tra", "bị can", _accused(*INVESTIGATION)),
    Stock(
        "pros_case",
        C,
        "Vụ án Viện kiểm sát đang giải quyết ở giai đoạn truy tố",
        "vụ",
        _stage("prosecution"),
    ),
    Stock("pros_person", C, "Bị can ở giai đoạn truy tố", "bị can", _accused("prosecution")),
    Stock("trial_case", C, "Vụ án Tòa án đang giải quyết sơ thẩm", "vụ", _stage(*TRIAL)),
    Stock("trial_person", C, "Bị cáo chờ xét xử sơ thẩm", "bị cáo", _accused(*TRIAL)),
    Stock("appeal_case", C, "Vụ án đang giải quyết phúc thẩm", "vụ", _stage("appeal_trial")),
    Stock("held", C, "Người đang bị tạm giữ", "người", _persons(lambda p: p.custody == "held")),
    Stock(
        "detained",
        C,
        "Người đang bị tạm giam",
        "người",
        _persons(lambda p: p.custody == "detained"),
    ),
    Stock(
        "enforce",
        C,
        "Người bị kết án chờ quyết định thi hành án",
        "người",
        _persons(lambda p: p.enforcement == "sentenced"),
    ),
    Stock(
        "convicted_detained",
        C,
        "Người bị kết án đang bị tạm giam",
        "người",
        _persons(lambda p: p.custody == "detained" and p.enforcement is not None),
    ),
)


def label(act: Act, case: Any, key: str = "") -> str:
    """The act's class name, and the variant a statistic tells apart (who sent a file back,
    a protest's level, a summary procedure, an accused left out of an indictment…)."""
    name = type(act).__name__
    variant: str | None = None
    match act:
        case C.ReturnedForInvestigation():
            variant = act.by
        case C.Opened() if act.from_case:
            variant = "split"
        case C.Protested():
            variant = act.level
        case C.CassationProtested() | C.ReopeningProtested():
            variant = act.direction
        case C.InvestigationConcluded():
            variant = act.recommendation
        case C.Indicted():
            person = key.partition("/")[2]
            if person and act.persons and person not in act.persons:
                variant = "not_listed"
            elif getattr(case, "procedure", None) == "rut_gon":
                variant = "rut_gon"
    return f"{name}.{variant}" if variant else name


# The kind of body each rule holds responsible (the rules' `responsible`, law/rules/*.yaml).
RULE_AGENCY: dict[str, AgencyKind | Literal["detention_holder"]] = {
    "case.investigate": "investigation",
    "custody.hold": "investigation",
    "custody.detention": "detention_holder",
    "charge.approve": "procuracy",
    "custody.hold_extension_approve": "procuracy",
    "cassation.protest_against": "procuracy",
    "cassation.return_file": "procuracy",
    "cassation.hearing": "court",
    "reopening.protest": "procuracy",
    "death_review.return_file": "procuracy",
    "death_review.decide": "procuracy",
    "prosecution.decide": "procuracy",
    "prosecution.send_to_court": "procuracy",
    "protest.same_level": "procuracy",
    "protest.superior": "procuracy",
    "trial.prepare": "court",
    "trial.open": "court",
    "enforcement.decide": "court",
    "supervision.answer_request": "investigation",
    "supervision.answer_recommendation": "investigation",
    "supervision.answer_protest": "investigation",
    "supervision.answer_objection": "procuracy",
    "own_investigation.competence": "investigation",
    "own_investigation.supervision": "procuracy",
}
# Who holds a detained person, by the stage of the detention order (custody.detain `stage`).
DETENTION_HOLDER: dict[str, AgencyKind] = {
    "investigation": "investigation",
    "prosecution": "procuracy",
    "trial": "court",
    "judgment": "court",
    "appeal": "court",
}


def agency(violation: Violation, case: Any, acts: Sequence[Act], day: date) -> Agency:
    """The body `violation` is held against; `day` is the end of the report's period."""
    how = RULE_AGENCY.get(violation.rule, "unknown")
    if how == "detention_holder":
        person = violation.ref.partition("/")[2]
        stage = _detention_stage(acts, person, violation.happened_on or day)
        how = DETENTION_HOLDER.get(stage, "investigation")
    match how:
        case "investigation":
            return Agency(
                "investigation", getattr(case, "investigating_agency", None) or INVESTIGATING
            )
        case "court":
            return Agency("court", COURT)
        case "procuracy":
            return Agency("procuracy", PROCURACY)
    return UNKNOWN


def _detention_stage(acts: Sequence[Act], person: str, day: date) -> str:
    """The stage of the person's last detention order dated on or before `day`."""
    stage = "investigation"
    for act in acts:
        if isinstance(act, C.Detained) and act.person == person and act.day <= day:
            stage = act.stage
    return stage


STATISTICS = Statistics(
    stocks=STOCKS + OWN_STOCKS, label=label, agency=agency, measures=supervision_measures
)
