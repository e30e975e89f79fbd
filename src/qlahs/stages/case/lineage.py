"""Lineage: a case opened from a report, transfer, join and split (BLTTHS 2015 Điều 169–170).

A split moves persons into a new case that starts with their running deadlines and the
investigation period of the case they came from; a join moves the persons of the joined cases
into this one, and the investigation period is counted from the earliest of their openings so
that the caps of Điều 172 k4 hold. The moved deadlines are carried on the acts as data, so each
case's rules still need nothing but that case's own acts.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from qlahs.domain.crime_report import CrimeReport
from qlahs.domain.criminal_case import CriminalCase, carry
from qlahs.kernel.dates import from_iso
from qlahs.kernel.errors import CommandRejected, SubjectExists
from qlahs.kernel.subject import Subject, day_of
from qlahs.law.calendar import fmt
from qlahs.law.deadlines import Deadline, Judgement, iso, key
from qlahs.stages.case.common import CaseFacts
from qlahs.stages.case.investigation import INVESTIGATE
from qlahs.stages.case.investigation_commands import JoinCases, OpenCase, SplitCase
from qlahs.stages.commands import Command
from qlahs.stages.registry import Lookup


def link_report(
    case: Subject | None, command: Command, fields: dict[str, Any], engine: Lookup
) -> tuple[dict[str, Any], list[Any]]:
    """Opening a case from a report is the report's decision to prosecute (Điều 147 k1 a):
    the report records it if it has not yet, so the link is kept both ways."""
    assert isinstance(command, OpenCase)
    if not command.from_report:
        return {}, []
    report = engine.find_subject("report", command.from_report)
    if not isinstance(report, CrimeReport):
        raise CommandRejected(
            f"Không tìm thấy nguồn tin {command.from_report} (trường 'from_report')."
        )
    if report.outcome is None:
        report.decide(
            on=command.on,
            actor=fields["actor"],
            unit=fields["unit"],
            # No note: the outcome and the case say it, and a note is personal data that a
            # report whose personal data was erased no longer takes (docs/security.md §5).
            note=None,
            command_id=None,
            outcome="khoi_to",
            case=command.ref,
        )
        return {}, [report]
    if report.outcome != "khoi_to" or report.case not in (None, command.ref):
        raise CommandRejected(
            f"Nguồn tin {report.ref} đã được giải quyết "
            f"({report.outcome}, vụ án {report.case or '—'}): không thể khởi tố vụ án "
            f"{command.ref} từ nguồn tin này (trường 'from_report')."
        )
    return {}, []


def clocks(judgement: Judgement, ref: str) -> list[dict[str, Any]]:
    """The running deadlines of one reference (a case, or `case/person`), as data."""
    return [
        {
            "rule": d.rule,
            "article": d.article,
            "start": iso(d.start),
            "due": iso(d.due),
            "breach": d.breach,
            "breach_article": d.breach_article,
        }
        for d in judgement.deadlines
        # still running, or overdue but not yet done: the obligation moves with the person
        if d.ref == ref and d.closed_on is None and d.status in ("open", "suspended", "missed")
    ]


def split_off(
    case: Subject | None, command: Command, fields: dict[str, Any], engine: Lookup
) -> tuple[dict[str, Any], list[Any]]:
    assert isinstance(case, CriminalCase) and isinstance(command, SplitCase)
    if engine.find_subject("case", command.into) is not None:
        raise SubjectExists(f"Vụ án {command.into} đã có: không thể tách sang một vụ án đã có.")
    day = day_of(command.on)
    judgement = engine.judge("case", case.ref, day)
    moved = []
    for person in command.persons:
        accused = case.persons.get(person)
        if accused is None:
            raise CommandRejected(f"Vụ án {case.ref} không có người '{person}' (trường 'persons').")
        moved.append(carry(accused, {"clocks": clocks(judgement, f"{case.ref}/{person}")}))
    new = CriminalCase.open(
        ref=command.into,
        on=command.on,
        actor=fields["actor"],
        unit=fields["unit"],
        note=f"Tách từ vụ án {case.ref} (Điều 170)",
        command_id=None,
        crime=case.crime,
        category=case.category,
        summary=case.summary,
        from_report=case.from_report,
        investigating_agency=case.investigating_agency,
        procedure=case.procedure,
        from_case=case.ref,
        carried=[{"person": "", "case_clocks": clocks(judgement, case.ref)}, *moved],
    )
    return {}, [new]


def join_in(
    case: Subject | None, command: Command, fields: dict[str, Any], engine: Lookup
) -> tuple[dict[str, Any], list[Any]]:
    assert isinstance(case, CriminalCase) and isinstance(command, JoinCases)
    day = day_of(command.on)
    carried: list[dict[str, Any]] = []
    absorbed: list[Any] = []
    earliest = day_of(case.opened_on)
    for ref in command.cases:
        other = engine.find_subject("case", ref)
        if not isinstance(other, CriminalCase) or ref == case.ref:
            raise CommandRejected(f"Không có vụ án '{ref}' để nhập (trường 'cases').")
        judgement = engine.judge("case", ref, day)
        for person, accused in other.persons.items():
            if person in case.persons:
                raise CommandRejected(
                    f"Người '{person}' có trong cả {case.ref} và {ref}: "
                    "đổi mã người trước khi nhập."
                )
            carried.append(carry(accused, {"clocks": clocks(judgement, f"{ref}/{person}")}))
        earliest = min(earliest, day_of(other.opened_on))
        other.record(
            CriminalCase.JoinedInto,
            on=command.on,
            actor=fields["actor"],
            unit=fields["unit"],
            note=fields.get("note"),
            command_id=None,
            into=case.ref,
        )
        absorbed.append(other)
    return {"carried": carried, "earliest_opened_on": earliest}, absorbed


class LineageRules(CaseFacts):
    """Deadlines that move with persons between cases."""

    def on_Opened__lineage(self, act: CriminalCase.Opened) -> None:
        for person in act.carried:
            if not person["person"]:  # the case clocks of the case split from
                for clock in person["case_clocks"]:
                    self._adopt(clock, None, f"tách từ vụ án {act.from_case}", act.day)
                continue
            self._take_in(person, f"tách từ vụ án {act.from_case}", act.day)

    def on_Joined__lineage(self, act: CriminalCase.Joined) -> None:
        for person in act.carried:
            self._take_in(person, f"nhập vụ án ngày {fmt(act.on)}", act.day)
        deadline = self.deadlines.get(INVESTIGATE)
        if deadline is not None and act.earliest_opened_on < day_of(deadline.start):
            deadline.explain(
                f"Nhập vụ án {', '.join(act.cases)}: tổng thời hạn điều tra không vượt mức tối đa "
                f"tính từ ngày khởi tố sớm nhất {fmt(act.earliest_opened_on)} (Điều 172 k4)."
            )
            self.rebase_investigation(act.earliest_opened_on)

    def on_Split__lineage(self, act: CriminalCase.Split) -> None:
        for person in act.persons:
            for name in [k for k in self.deadlines if k.endswith(f"/{person}")]:
                self.cancel(name.split("/")[0], act, f"tách sang vụ án {act.into}", person=person)

    def on_JoinedInto(self, act: CriminalCase.JoinedInto) -> None:
        for name, deadline in self.deadlines.items():
            if deadline.status in ("open", "suspended"):
                rule, _, person = name.partition("/")
                self.cancel(rule, act, f"nhập vào vụ án {act.into}", person=person or None)

    def _take_in(self, person: dict[str, Any], how: str, day: date) -> None:
        self.person_categories[person["person"]] = person.get("category") or self.case_category
        if person.get("birth_date"):
            self.birth_dates[person["person"]] = date.fromisoformat(person["birth_date"])
        for clock in person.get("clocks", []):
            self._adopt(clock, person["person"], how, day)

    def _adopt(self, clock: dict[str, Any], person: str | None, how: str, day: date) -> None:
        deadline = Deadline(
            ref=f"{self.ref}/{person}" if person else self.ref,
            rule=clock["rule"],
            article=clock["article"],
            unit=self.unit,
            responsible=self.rulebook[clock["rule"]].responsible,
            start=from_iso(clock["start"]),
            due=from_iso(clock["due"]),
            breach=clock.get("breach"),
            breach_article=clock.get("breach_article"),
        )
        deadline.explain(
            f"Ngày {fmt(day)} {how} (Điều 170): thời hạn tiếp tục, hạn cuối {fmt(deadline.due)}."
        )
        self.deadlines[key(clock["rule"], person)] = deadline

    def rebase_investigation(self, start: date) -> None:
        """Overridden by the investigation rules, which own the period."""
