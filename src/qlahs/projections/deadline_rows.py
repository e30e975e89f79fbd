"""The rows a subject's judged history leaves in the deadline and violation tables, written
as changes: a subject's kept rules (law/running.py) hand over only the versions from the
first day its new acts changed, and the new violations. A subject judged again from its
whole history (new, back-dated act, erasure) has all its rows replaced.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa

from qlahs.kernel.dates import day_of
from qlahs.law.deadlines import Deadline, Version, Violation, iso
from qlahs.law.running import Changes, Running
from qlahs.projections import bulk
from qlahs.projections import tables as t


@dataclass
class DeadlineWrites:
    """The deadline and violation changes of one page of events, written together."""

    whole: list[str] = field(default_factory=list)  # subjects whose rows are all replaced
    since: list[dict[str, Any]] = field(default_factory=list)  # subject, first changed day
    versions: list[dict[str, Any]] = field(default_factory=list)
    violations: list[dict[str, Any]] = field(default_factory=list)
    states: list[dict[str, Any]] = field(default_factory=list)

    def add(self, subject_id: str, running: Running, whole: bool) -> None:
        """Take `running`'s changes (all of them when `whole`) and its state, when due."""
        changes = running.take()
        if whole or running.due():
            state = {"subject_id": subject_id, "version": running.version}
            state |= {"last_day": running.last_day, "state": running.dump()}
            self.states.append(state)
        if whole:
            self.whole.append(subject_id)
        elif changes is not None:
            self.since.append({"s": subject_id, "d": changes.since})
        if changes is not None:
            self.versions += version_rows(subject_id, changes)
            self.violations += [violation_row(subject_id, v) for v in changes.violations]

    def write(self, connection: sa.Connection) -> None:
        versions, violations, states = t.deadline_versions, t.violations, t.fold_states
        if self.whole:
            for table in (versions, violations):
                connection.execute(table.delete().where(table.c.subject_id.in_(self.whole)))
        if self.since:
            subject, day = sa.bindparam("s", type_=sa.String), sa.bindparam("d", type_=sa.Date)
            connection.execute(
                versions.delete().where(
                    versions.c.subject_id == subject, versions.c.valid_from >= day
                ),
                self.since,
            )
            connection.execute(
                versions.update()
                .where(versions.c.subject_id == subject, versions.c.valid_to.is_(None))
                .values(valid_to=day),
                self.since,
            )
        bulk.insert(connection, versions, self.versions)
        bulk.insert(connection, violations, self.violations)
        if self.states:
            kept = [state["subject_id"] for state in self.states]
            connection.execute(states.delete().where(states.c.subject_id.in_(kept)))
            bulk.insert(connection, states, self.states)


def version_rows(subject_id: str, changes: Changes) -> list[dict[str, Any]]:
    history = changes.versions
    rows: list[dict[str, Any]] = []
    for index, version in enumerate(history):
        valid_to = history[index + 1].valid_from if index + 1 < len(history) else None
        rows += [deadline_row(subject_id, d, version, valid_to) for d in version.deadlines]
    return rows


def deadline_row(
    subject_id: str, deadline: Deadline, version: Version, valid_to: Any
) -> dict[str, Any]:
    return {
        "subject_id": subject_id,
        "ref": deadline.ref,
        "unit": deadline.unit,
        "rule": deadline.rule,
        "article": deadline.article,
        "responsible": deadline.responsible,
        "start": iso(deadline.start),
        "due": iso(deadline.due),
        "due_day": day_of(deadline.due),
        "due_has_time": iso(deadline.due) != iso(day_of(deadline.due)),
        "status": deadline.status,
        "closed_on": deadline.closed_on,
        "valid_from": version.valid_from,
        "valid_to": valid_to,
        "explanation": deadline.explanation,
        "start_day": day_of(deadline.start),
        "window": deadline.window,
        "breach": deadline.breach,
        "breach_article": deadline.breach_article,
    }


def violation_row(subject_id: str, violation: Violation) -> dict[str, Any]:
    assert violation.happened_on is not None
    return {
        "subject_id": subject_id,
        "ref": violation.ref,
        "unit": violation.unit,
        "rule": violation.rule,
        "article": violation.article,
        "kind": violation.kind,
        "due": iso(violation.due),
        "happened_on": violation.happened_on,
        "days_overdue": violation.days_overdue,
        "message": violation.message,
    }
