"""Violations compiled per supervised agency, for a recommendation (kiến nghị): for each body,
which rules it broke, how many times, in which reports and cases (ARCHITECTURE, system 2;
law.md §14, Sổ 66)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from qlahs.kernel.text_search import plain
from qlahs.stats.agencies import Finding
from qlahs.stats.compute import Report


@dataclass(frozen=True)
class Line:
    rule: str
    title: str
    article: str
    count: int
    cases: tuple[str, ...]  # the reports and cases, each once


@dataclass(frozen=True)
class AgencyViolations:
    name: str
    kind: str
    lines: tuple[Line, ...]

    @property
    def count(self) -> int:
        return sum(line.count for line in self.lines)


@dataclass(frozen=True)
class Recommendation:
    report: Report
    agencies: tuple[AgencyViolations, ...]  # bodies a recommendation can go to
    own: tuple[AgencyViolations, ...]  # the procuracy's own, and bodies not identified


def compile_violations(report: Report, agency: str | None = None) -> Recommendation:
    """Group the report's violations by the body they are held against; `agency` keeps the
    bodies whose name contains it (with or without diacritics)."""
    by_agency: dict[tuple[str, str], list[Finding]] = defaultdict(list)
    for finding in report.findings:
        if agency and plain(agency) not in plain(finding.agency.name):
            continue
        by_agency[(finding.agency.kind, finding.agency.name)].append(finding)
    supervised: list[AgencyViolations] = []
    own: list[AgencyViolations] = []
    for (kind, name), findings in sorted(by_agency.items(), key=lambda i: (-len(i[1]), i[0])):
        compiled = AgencyViolations(name, kind, _lines(report, findings))
        (supervised if kind in ("investigation", "court") else own).append(compiled)
    return Recommendation(report, tuple(supervised), tuple(own))


def _lines(report: Report, findings: list[Finding]) -> tuple[Line, ...]:
    by_rule: dict[str, list[Finding]] = defaultdict(list)
    for finding in findings:
        by_rule[finding.rule].append(finding)
    lines = [
        Line(
            rule,
            report.rule_titles.get(rule, rule),
            "; ".join(sorted({f.article for f in found})),
            len(found),
            tuple(sorted({f.case for f in found})),
        )
        for rule, found in by_rule.items()
    ]
    return tuple(sorted(lines, key=lambda line: (-line.count, line.rule)))
