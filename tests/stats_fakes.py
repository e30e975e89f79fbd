"""Timelines for the statistics tests without a database: `FakeEngine` records acts on
aggregates in memory through the same registry actions the Engine uses, and the hypothesis
strategies below tell random but lawful stories of reports, cases and units."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any
from uuid import UUID

from hypothesis import strategies as st

from qlahs.kernel.errors import CommandRejected
from qlahs.kernel.subject import Act, Subject
from qlahs.law.calendar import Calendar
from qlahs.law.deadlines import Judgement, judge, versions
from qlahs.law.rulebook import RuleBook
from qlahs.stages.registry import registry
from qlahs.stats.snapshot import Snapshot, from_acts

FAR = datetime(2100, 1, 1, tzinfo=UTC)


class FakeEngine:
    """Executes scenario steps on aggregates held in memory; a refused step records nothing."""

    def __init__(self, unit: str = "VKS-T") -> None:
        self.unit = unit
        self.subjects: dict[tuple[str, str], Any] = {}
        self.acts: dict[UUID, list[Act]] = {}
        self.rulebook, self.calendar = RuleBook.default(), Calendar.default()

    def execute(self, step: dict[str, Any]) -> bool:
        stages = registry()
        fields = dict(step.get("with") or {})
        for key in ("ref", "on", "unit", "actor"):
            if key in step:
                fields[key] = step[key]
        try:
            command = stages.command(step["do"], fields)
            action = stages.action(command.action)
            kind = stages.subject_of(command.action).kind
            subject = self.subjects.get((kind, command.ref))
            if subject is None and not action.creates:
                return False
            if subject is not None and action.creates:
                return False
            act_fields = command.act_fields()
            act_fields["unit"] = act_fields["unit"] or self.unit
            act_fields["actor"] = act_fields["actor"] or "FakeEngine"
            others: list[Any] = []
            if action.involve is not None:
                extra, others = action.involve(subject, command, act_fields, self)
                act_fields |= extra
            recorded = action.record(subject, command, act_fields)
        except CommandRejected:
            return False
        for aggregate in (recorded, *others):
            self.subjects[(aggregate.kind, aggregate.ref)] = aggregate
            events = [e for e in aggregate.collect_events() if isinstance(e, Act)]
            self.acts.setdefault(aggregate.id, []).extend(events)
        return True

    # -- what an involve hook may ask (registry.Lookup) ------------------------------------

    def find_subject(self, kind: str, ref: str) -> Subject | None:
        return self.subjects.get((kind, ref))

    def judge(self, kind: str, ref: str, as_of: date) -> Judgement:
        subject = self.subjects[(kind, ref)]
        make = registry().rules[kind]
        history = versions(self.acts[subject.id], lambda: make(self.rulebook, self.calendar))
        return judge(history, as_of)

    def snapshot(self, known_at: datetime = FAR) -> Snapshot:
        return from_acts((act for acts in self.acts.values() for act in acts), known_at)


# -- random lawful stories ---------------------------------------------------------------------

START = date(2025, 1, 6)
REPORT_STEPS = (
    ("report.suspend", {"ground": "giam_dinh"}),
    ("report.resume", {}),
    ("report.cancel_suspension", {}),
    ("report.extend", {}),
    ("report.decide", {"outcome": "khong_khoi_to"}),
    ("report.decide", {"outcome": "khoi_to"}),
    ("report.notify_procuracy", {}),
)
PERSONS = ("BC1", "BC2")
CASE_STEPS: tuple[tuple[str, dict[str, Any]], ...] = (
    *(
        ("case.charge", {"person": p, "name": f"Bị can {p}", "crime": "BLHS 173 k1"})
        for p in PERSONS
    ),
    *(("case.approve_charge", {"person": p}) for p in PERSONS),
    ("case.cancel_charge", {"person": "BC2"}),
    *(("custody.hold", {"person": p}) for p in PERSONS),
    *(("custody.detain", {"person": p, "months": 2}) for p in PERSONS),
    *(("custody.release", {"person": p}) for p in PERSONS),
    ("case.extend_investigation", {"months": 1}),
    ("case.suspend_investigation", {"ground": "giam_dinh"}),
    ("case.suspend_investigation", {"ground": "bi_can_bo_tron", "person": "BC2"}),
    ("case.resume_investigation", {}),
    ("case.resume_investigation", {"person": "BC2"}),
    ("case.dismiss_investigation", {"ground": "Không có sự việc phạm tội"}),
    ("case.conclude_investigation", {}),
    ("case.receive_file", {}),
    ("case.return_for_investigation", {"by": "VKS"}),
    ("case.indict", {}),
    ("case.suspend", {"ground": "benh_hiem_ngheo"}),
    ("case.resume", {}),
    ("case.dismiss", {}),
    ("case.send_to_court", {}),
    ("case.court_accept", {}),
    ("case.return_for_investigation", {"by": "court"}),
    ("case.bring_to_trial", {}),
    ("case.judge", {"outcome": "Tuyên bố các bị cáo phạm tội"}),
    ("case.appeal", {}),
    ("case.appeal_accept", {}),
    ("case.appeal_judge", {"outcome": "Giữ nguyên bản án sơ thẩm"}),
    *(("case.enforcement_decision", {"person": p}) for p in PERSONS),
)


# The usual path of each kind; a story follows it as far as it goes, with detours.
REPORT_PATH = (("report.notify_procuracy", {}), ("report.extend", {}), REPORT_STEPS[4])
CASE_PATH: tuple[tuple[str, dict[str, Any]], ...] = (
    CASE_STEPS[0],
    CASE_STEPS[2],
    CASE_STEPS[5],
    CASE_STEPS[7],
    CASE_STEPS[1],
    ("case.conclude_investigation", {}),
    ("case.receive_file", {}),
    ("case.indict", {}),
    ("case.send_to_court", {}),
    ("case.court_accept", {}),
    ("case.bring_to_trial", {}),
    ("case.judge", {"outcome": "Tuyên bố các bị cáo phạm tội"}),
    ("case.appeal", {}),
    ("case.appeal_accept", {}),
    ("case.appeal_judge", {"outcome": "Giữ nguyên bản án sơ thẩm"}),
    ("case.enforcement_decision", {"person": "BC1"}),
)


@st.composite
def story(draw: st.DrawFn, ref: str, kind: str, unit: str) -> list[dict[str, Any]]:
    """One subject's steps in the order they take effect (dates never go back): its kind's
    usual path, cut short at random, with random detours, some of which the stage machines
    refuse (those are simply not recorded)."""
    day = START + timedelta(days=draw(st.integers(0, 300)))
    if kind == "report":
        first: dict[str, Any] = {
            "do": "report.receive",
            "with": {"source": "tin_bao", "received_by": "CQDT"},
        }
        path, detours = REPORT_PATH, REPORT_STEPS
    else:
        first = {"do": "case.open", "with": {"crime": "BLHS 173 k1"}}
        path, detours = CASE_PATH, CASE_STEPS
    steps = [first | {"on": day, "ref": ref, "unit": unit}]
    for planned in path[: draw(st.integers(0, len(path)))]:
        chosen = draw(st.lists(st.sampled_from(detours), max_size=2))
        if draw(st.integers(0, 9)) > 0:
            chosen.append(planned)
        for do, fields in chosen:
            day += timedelta(days=draw(st.sampled_from((0, 1, 3, 12, 40))))
            steps.append({"on": day, "do": do, "ref": ref, "with": fields, "unit": unit})
    return steps


@st.composite
def subjects(draw: st.DrawFn, units: tuple[str, ...] = ("VKS-T",)) -> list[list[dict[str, Any]]]:
    """A few reports and cases, each recorded by one of `units`."""
    found = []
    for index in range(draw(st.integers(1, 5))):
        kind = draw(st.sampled_from(("report", "case")))
        unit = draw(st.sampled_from(units))
        found.append(draw(story(f"{kind.upper()}{index}", kind, unit)))
    return found


def recorded(timelines: list[list[dict[str, Any]]], engine: FakeEngine | None = None) -> FakeEngine:
    """Record the timelines step by step, in the order their acts take effect."""
    engine = engine or FakeEngine()
    for step in sorted((s for t in timelines for s in t), key=lambda s: s["on"]):
        engine.execute(step)
    return engine
