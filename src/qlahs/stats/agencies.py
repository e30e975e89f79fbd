"""Which body a violation is held against, so that violations can be compiled into a
recommendation (kiến nghị) to each supervised agency (ARCHITECTURE, system 2).

The rule says who is responsible (`responsible` in its data file); the subject says which
body that is: the body that received or was sent a report, the case's investigating agency,
the court once the case is with it. Violations of the procuracy's own obligations are kept
apart: they are for its own review, not for a recommendation.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from qlahs.domain.crime_report import BODY_NAMES
from qlahs.domain.criminal_case import CriminalCase
from qlahs.law.deadlines import Violation
from qlahs.stats.facts import SubjectFacts

AgencyKind = Literal["investigation", "court", "procuracy", "unknown"]

KIND_NAMES: dict[str, str] = {
    "investigation": "Cơ quan điều tra, cơ quan được giao nhiệm vụ tiến hành một số hoạt động "
    "điều tra",
    "court": "Tòa án",
    "procuracy": "Viện kiểm sát (tự kiểm tra, không kiến nghị)",
    "unknown": "Chưa xác định cơ quan",
}
COURT = "Tòa án nhân dân xét xử sơ thẩm"
PROCURACY = "Viện kiểm sát"
INVESTIGATING = "Cơ quan điều tra"

# The kind of body each rule holds responsible (the rules' `responsible`, law/rules/*.yaml).
RULE_AGENCY: dict[str, AgencyKind | Literal["report_body", "detention_holder"]] = {
    "report.resolve": "report_body",
    "report.notify_procuracy": "report_body",
    "report.extension_request": "investigation",
    "case.investigate": "investigation",
    "custody.hold": "investigation",
    "custody.detention": "detention_holder",
    "charge.approve": "procuracy",
    "custody.hold_extension_approve": "procuracy",
    "prosecution.decide": "procuracy",
    "prosecution.send_to_court": "procuracy",
    "protest.same_level": "procuracy",
    "protest.superior": "procuracy",
    "trial.prepare": "court",
    "trial.open": "court",
    "enforcement.decide": "court",
}
# Who holds a detained person, by the stage of the detention order (custody.detain `stage`).
DETENTION_HOLDER: dict[str, AgencyKind] = {
    "investigation": "investigation",
    "prosecution": "procuracy",
    "trial": "court",
    "judgment": "court",
    "appeal": "court",
}


@dataclass(frozen=True)
class Agency:
    kind: AgencyKind
    name: str

    @property
    def supervised(self) -> bool:
        """Whether a recommendation can go to it (the procuracy does not recommend to itself)."""
        return self.kind in ("investigation", "court")


def agency_of(violation: Violation, facts: SubjectFacts, day: date) -> Agency:
    """The body `violation` is held against; `day` is the end of the report's period."""
    rule = RULE_AGENCY.get(violation.rule, "unknown")
    subject = facts.subject
    if rule == "report_body":
        body = getattr(subject, "transferred_to", None) or subject.received_by
        if body == "VKS":
            return Agency("procuracy", PROCURACY)
        return Agency("investigation", BODY_NAMES.get(body, body))
    how: AgencyKind
    if rule == "detention_holder":
        person = violation.ref.partition("/")[2]
        stage = _detention_stage(facts, person, violation.happened_on or day)
        how = DETENTION_HOLDER.get(stage, "investigation")
    else:
        how = rule
    match how:
        case "investigation":
            return Agency("investigation", _investigating(subject))
        case "court":
            return Agency("court", COURT)
        case "procuracy":
            return Agency("procuracy", PROCURACY)
    return Agency("unknown", KIND_NAMES["unknown"])


def _investigating(subject: Any) -> str:
    return getattr(subject, "investigating_agency", None) or INVESTIGATING


def _detention_stage(facts: SubjectFacts, person: str, day: date) -> str:
    """The stage of the person's last detention order dated on or before `day`."""
    stage = "investigation"
    for act in facts.acts:
        if isinstance(act, CriminalCase.Detained) and act.person == person and act.day <= day:
            stage = act.stage
    return stage
