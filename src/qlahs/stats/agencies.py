"""Which body a violation is held against, so that violations can be compiled into a
recommendation (kiến nghị) to each supervised agency (ARCHITECTURE, system 2).

The rule says who is responsible (`responsible` in its data file); the subject's stage says
which body that is (`Statistics.agency`, stages/statistics.py): the body that received or was
sent a report, the case's investigating agency, the court once the case is with it.
Violations of the procuracy's own obligations are kept apart: they are for its own review,
not for a recommendation.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from qlahs.law.deadlines import Judgement, Violation
from qlahs.stages.statistics import KIND_NAMES, UNKNOWN, Agency, AgencyKind
from qlahs.stats.facts import SubjectFacts
from qlahs.stats.measures import in_period

__all__ = ["KIND_NAMES", "Agency", "AgencyKind", "Finding", "agency_of", "findings_of"]


def agency_of(violation: Violation, facts: SubjectFacts, day: date) -> Agency:
    """The body `violation` is held against; `day` is the end of the report's period."""
    find = facts.statistics.agency
    return UNKNOWN if find is None else find(violation, facts.subject, facts.acts, day)


@dataclass(frozen=True)
class Finding:
    """One violation in a report, with the body it is held against."""

    ref: str  # the subject, or subject/person
    case: str  # the report or case it belongs to
    unit: str  # the unit it counts for
    rule: str
    article: str
    kind: str
    happened_on: date | None  # None: still overdue at the end of the period
    days_overdue: int | None
    message: str
    agency: Agency


def findings_of(
    facts: SubjectFacts, unit: str, judged: Judgement, start: date, end: date
) -> list[Finding]:
    """The violations a period lists for one subject, each with the body it is held against."""
    return [
        Finding(
            violation.ref,
            facts.ref,
            unit,
            violation.rule,
            violation.article,
            violation.kind,
            violation.happened_on,
            violation.days_overdue,
            violation.message,
            agency_of(violation, facts, end),
        )
        for violation in in_period(judged, start, end)
    ]
