"""The register of enforcement (sổ theo dõi thi hành án, book 25): one row per sentenced
person, with the enforcement decision or its delegation, its deliveries, the person's report
to the enforcement body and the release of a judgment enforced at once, each late act marked
with the days the rules of `enforcement.py` count."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa

from qlahs.domain.case_enforcement_acts import GROUND_NAMES, RECIPIENT_NAMES
from qlahs.domain.criminal_case import PERSON_STATE_NAMES, CriminalCase
from qlahs.kernel.schema import metadata
from qlahs.kernel.subject import Act
from qlahs.law.calendar import Calendar, fmt
from qlahs.law.deadlines import days_late, is_late, key
from qlahs.stages.case.enforcement import (
    DELEGATED,
    DELIVER,
    RELEASE,
    REPORT,
    EnforcementRules,
)
from qlahs.stages.registry import registry

C = CriminalCase
COLUMNS = ("name", "sentence", "decision", "delivered", "reported", "immediate", "state", "notes")

enforcement_book = sa.Table(
    "qlahs_enforcement_book",
    metadata,
    sa.Column("subject_id", sa.String(36), nullable=False, index=True),
    sa.Column("ref", sa.String(200), nullable=False),
    sa.Column("unit", sa.String(64), nullable=False),
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("person", sa.String(200), nullable=False),
    *(sa.Column(name, sa.Text, nullable=False) for name in COLUMNS),
    sa.Column("judged_on", sa.Date),
    sa.Column("decided_on", sa.Date),
    sa.Column("reported_on", sa.Date),
    sa.Index("ix_enforcement_book_unit_judged", "unit", "judged_on"),
)


def _late(rules: EnforcementRules, rule: str, person: str, day: Any) -> str:
    deadline = rules.deadlines.get(key(rule, person))
    if deadline is None or not is_late(day, deadline.due):
        return ""
    return f" (chậm {days_late(day, deadline.due)} ngày, {deadline.article})"


def enforcement_rows(subject_id: str, case: Any, acts: Sequence[Act]) -> list[dict[str, Any]]:
    rules = EnforcementRules(registry().rulebook, Calendar.default())
    for act in acts:
        rules.apply(act)
    lines: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    days: dict[str, dict[str, Any]] = defaultdict(dict)
    judged_on, sentences = None, {}
    for act in acts:
        on, person = fmt(act.on), getattr(act, "person", None)
        match act:
            case C.Judged():
                judged_on, sentences = act.day, act.sentences
            case C.EnforcementDelegated():
                sent = act.sent_on or act.day
                lines[act.person]["decision"].append(f"{fmt(sent)} ủy thác cho {act.to}")
            case C.EnforcementDecided():
                days[act.person]["decided_on"] = act.day
                late = _late(rules, DELEGATED, act.person, act.day)
                lines[act.person]["decision"].append(f"{on} ra quyết định thi hành án{late}")
            case C.EnforcementDecisionDelivered():
                sent = act.sent_on or act.day
                late = _late(rules, DELIVER, act.person, sent) if act.recipient == "VKS" else ""
                who = RECIPIENT_NAMES.get(act.recipient, act.recipient)
                lines[act.person]["delivered"].append(f"{on} {who} nhận{late}")
            case C.ReportedForEnforcement():
                days[act.person]["reported_on"] = act.day
                body = f" tại {act.body}" if act.body else ""
                late = _late(rules, REPORT, act.person, act.day)
                lines[act.person]["reported"].append(f"{on} có mặt{body}{late}")
            case C.EnforcedImmediately():
                ground = GROUND_NAMES.get(act.ground, act.ground)
                lines[act.person]["immediate"].append(f"thi hành ngay: {ground}")
            case C.Released() if key(RELEASE, act.person) in rules.deadlines:
                late = _late(rules, RELEASE, act.person, act.day)
                lines[act.person]["immediate"].append(f"{on} trả tự do{late}")
        if act.note and person:
            lines[person]["notes"].append(f"{on}: {act.note}")
    rows = []
    for code, accused in case.persons.items():
        if accused.enforcement is None:
            continue
        cells = lines[code]
        rows.append(
            {
                "subject_id": subject_id,
                "ref": case.ref,
                "unit": case.unit,
                "person": code,
                "name": accused.name or code,
                "sentence": sentences.get(code, ""),
                "state": PERSON_STATE_NAMES.get(accused.enforcement, accused.enforcement),
                "judged_on": judged_on,
                "decided_on": days[code].get("decided_on"),
                "reported_on": days[code].get("reported_on"),
                **{name: "; ".join(cells.get(name, [])) for name in COLUMNS[2:] if name != "state"},
            }
        )
    return rows
