"""What every stage's rules need to know about a case: its category and its people."""

from __future__ import annotations

from datetime import date
from typing import Any

from qlahs.domain.criminal_case import CriminalCase
from qlahs.kernel.dates import fmt
from qlahs.kernel.subject import day_of
from qlahs.law.counting import count
from qlahs.law.crimes import CATEGORY_NAMES, gravest
from qlahs.law.deadlines import Deadline
from qlahs.law.fold import Fold
from qlahs.law.rulebook import InForce


class CaseFacts(Fold):
    """Keeps the case's category (the gravest of its charges, BLHS Điều 9), its procedure and
    its persons' birth dates; the stage rules build on it."""

    case_category = "NT"
    procedure = "thong_thuong"
    # moved by the indictment rules: investigation | prosecution | trial
    phase = "investigation"
    # moved by the investigation rules: initial | resumed | supplementary
    investigation_mode = "initial"
    opened_on: date | None = None
    # the day from which the Code's limits apply again to a case with a minor, and why
    # (stages/case/minors.py)
    full_limits_since: date | None = None
    full_limits_why = ""

    def __init__(self, *args: Any):
        super().__init__(*args)
        self.person_categories: dict[str, str] = {}
        self.birth_dates: dict[str, date] = {}
        # obligation -> (start, due of the Code, halved due) of the period last halved
        self.halved: dict[str, tuple[date, date, date]] = {}

    @property
    def category(self) -> str:
        return gravest([self.case_category, *self.person_categories.values()])

    @property
    def summary(self) -> bool:
        """Thủ tục rút gọn (Điều 455–465)."""
        return self.procedure == "rut_gon"

    def on_Opened(self, act: CriminalCase.Opened) -> None:
        self.ref, self.unit = act.ref, act.unit
        self.case_category, self.procedure = act.category, act.procedure
        self.opened_on = act.on

    def on_ChargeChanged(self, act: CriminalCase.ChargeChanged) -> None:
        if act.person:
            self.person_categories[act.person] = act.category
        else:
            self.case_category = act.category

    def on_PersonCharged(self, act: CriminalCase.PersonCharged) -> None:
        self.person_categories[act.person] = act.category
        if act.birth_date:
            self.birth_dates[act.person] = act.birth_date

    def person_category(self, person: str) -> str:
        """The category of the crime one accused person is charged with; the case's own
        category for a person not charged yet (held before the charge)."""
        return self.person_categories.get(person) or self.category

    def by_category(self, rule: str, name: str, day: date, category: str | None = None) -> InForce:
        """A parameter that depends on the crime category, e.g. `base_NT`."""
        return self.rulebook.value(rule, f"{name}_{category or self.category}", day)

    def category_line(self, category: str | None = None) -> str:
        category = category or self.category
        return f"Loại tội phạm: {CATEGORY_NAMES[category]} (BLHS 2015 Điều 9)."

    def halved_for_minors(self, rule: str, deadline: Deadline) -> None:
        """From 01/01/2026 a case whose accused include a minor has at most half of the
        investigation, prosecution and trial-preparation limits (Luật 59/2024/QH15); a case
        already pending on that day keeps the Code's limits (its Điều 179 k1 a)."""
        day = day_of(deadline.start)
        if not any(self.is_minor(person, day) for person in self.birth_dates):
            return
        share = self.rulebook.find(rule, "minor_percent", day)
        if share is None:
            return
        pending = self.rulebook.find(rule, "minor_pending_percent", day)
        opened = day_of(self.opened_on) if self.opened_on else day
        if pending is not None and opened < pending.effective_from:
            deadline.explain(pending.explain())
            deadline.explain(
                f"Vụ án khởi tố ngày {fmt(opened)}, chưa kết thúc vào ngày "
                f"{fmt(pending.effective_from)}: thời hạn theo Bộ luật Tố tụng hình sự."
            )
            return
        if self.full_limits_since is not None:  # acts come in order: it was before this one
            restored = self.rulebook.value(rule, "minor_exception_percent", day)
            deadline.explain(restored.explain())
            deadline.explain(
                f"Ngày {fmt(self.full_limits_since)} {self.full_limits_why}: thời hạn theo Bộ "
                "luật Tố tụng hình sự, không chia đôi."
            )
            return
        full = (day_of(deadline.due) - day).days
        days = full * share.value // 100
        deadline.explain(share.explain())
        deadline.explain(
            f"Vụ án có bị can dưới 18 tuổi: {share.value}% của {full} ngày = {days} ngày."
        )
        code_due = day_of(deadline.due)
        self.set_due(deadline, count("days", day, days, self.calendar), share)
        self.halved[rule] = (day, code_due, day_of(deadline.due))

    def is_minor(self, person: str, day: date) -> bool:
        birth = self.birth_dates.get(person)
        if birth is None:
            return False
        day = day_of(day)
        age = day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))
        return age < 18
