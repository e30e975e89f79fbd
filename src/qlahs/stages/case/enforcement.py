"""Enforcement of criminal judgments (BLTTHS 2015 Điều 262, 363–364; Luật Thi hành án hình sự
2019 Điều 22): the enforcement decision and the acts after it, per sentenced person.

- `enforcement.decide` — Điều 364 k2: the court decides on enforcement within 7 days of the
  judgment taking legal effect (or of receiving the appeal judgment); a delegation to another
  court of the same level within that time meets it (Điều 364 k1);
- `enforcement.decide_delegated` — Điều 364 k2 ¶2: the delegated court decides within 7 days
  of receiving the delegation;
- `enforcement.deliver_decision` — Luật THAHS 2019 Điều 22 k2: the decision reaches the
  procuracy within 3 working days (sent on that day at the latest). Followed from the copy the
  procuracy records as received, like `send_judgment`: a case whose record does not follow
  the copies is not charged with a delivery it never tracked;
- `enforcement.report` — Điều 364 k3: a convicted person at liberty reports to the enforcement
  body within 7 days of receiving the decision;
- `enforcement.release` — Điều 363: a detained accused whose first-instance judgment is
  enforced at once (acquittal, suspended sentence…) is released on the day of the judgment;
- `enforcement.send_judgment` — Điều 262 k1: the judgment reaches the enforcement body within
  10 days of its pronouncement.
"""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace
from typing import Any, ClassVar, cast

from pydantic import Field

from qlahs.domain.case_enforcement_acts import GROUND_NAMES
from qlahs.domain.criminal_case import CriminalCase
from qlahs.kernel.subject import Act
from qlahs.law.calendar import fmt
from qlahs.law.counting import Period, count
from qlahs.law.deadlines import Deadline, key
from qlahs.stages.case.common import CaseFacts
from qlahs.stages.case.trial import ENFORCE
from qlahs.stages.commands import Command

DELEGATED = "enforcement.decide_delegated"
DELIVER = "enforcement.deliver_decision"
REPORT = "enforcement.report"
RELEASE = "enforcement.release"
SEND_JUDGMENT = "enforcement.send_judgment"
C = CriminalCase


class DecideEnforcement(Command):
    """Quyết định thi hành án (Điều 364)."""

    action: ClassVar[str] = "case.enforcement_decision"
    person: str = Field(min_length=1)


class EnforcementRules(CaseFacts):
    """The court's, the enforcement body's and the convicted person's steps after judgment."""

    judged_on: date | None = None

    def __init__(self, *args: Any):
        super().__init__(*args)
        self.in_custody: set[str] = set()
        self.released_on: dict[str, date] = {}
        self.decided_on: dict[str, date] = {}

    # -- the decision, its delegation and its delivery -------------------------------------

    def on_EnforcementDecided(self, act: CriminalCase.EnforcementDecided) -> None:
        self.close(ENFORCE, act, "ra quyết định thi hành án", person=act.person)
        self.close(DELEGATED, act, "ra quyết định thi hành án theo ủy thác", person=act.person)
        self.decided_on[act.person] = act.day

    def on_EnforcementDelegated(self, act: CriminalCase.EnforcementDelegated) -> None:
        sent = act.sent_on or act.day
        self._close_on(ENFORCE, act, sent, f"ủy thác cho {act.to}", act.person)
        value = self.rulebook.value(DELEGATED, "limit", act.day)
        deadline = self.open_deadline(
            DELEGATED,
            value,
            act.day,
            f"Ngày {fmt(act.on)} {act.to} nhận quyết định ủy thác thi hành án đối với "
            f"{act.person}.",
            person=act.person,
        )
        self.set_due(deadline, count("days", act.day, value.value, self.calendar))

    def on_EnforcementDecisionDelivered(
        self, act: CriminalCase.EnforcementDecisionDelivered
    ) -> None:
        sent = act.sent_on or act.day
        if act.recipient == "VKS":
            self._open_delivery(act.person)
            what = "gửi quyết định thi hành án cho Viện kiểm sát"
            self._close_on(DELIVER, act, sent, what, act.person)
        elif act.recipient == "nguoi_chap_hanh_an" and act.person not in self.in_custody:
            value = self.rulebook.value(REPORT, "limit", act.day)
            deadline = self.open_deadline(
                REPORT,
                value,
                act.day,
                f"Ngày {fmt(act.on)} người bị kết án {act.person} đang tại ngoại nhận quyết "
                "định thi hành án.",
                person=act.person,
            )
            self.set_due(deadline, count("days", act.day, value.value, self.calendar))

    def _open_delivery(self, person: str) -> None:
        """The delivery duty, counted from the decision, once the procuracy's copy is recorded
        (the first copy decides it)."""
        decided = self.decided_on.get(person)
        if decided is None or key(DELIVER, person) in self.deadlines:
            return
        value = self.rulebook.find(DELIVER, "limit", decided)
        if value is None or value.unit is None:
            return
        deadline = self.open_deadline(
            DELIVER,
            value,
            decided,
            f"Ngày {fmt(decided)} Tòa án ra quyết định thi hành án đối với {person}.",
            person=person,
        )
        self.set_due(deadline, count(value.unit, decided, value.value, self.calendar))

    def on_ReportedForEnforcement(self, act: CriminalCase.ReportedForEnforcement) -> None:
        self.close(REPORT, act, "có mặt tại cơ quan thi hành án hình sự", person=act.person)

    # -- the judgment: delivery to the enforcement body, immediate release ------------------

    def on_Judged__enforcement(self, act: CriminalCase.Judged) -> None:
        self.judged_on = act.day

    def on_JudgmentDelivered(self, act: CriminalCase.JudgmentDelivered) -> None:
        """Followed from the delivery the procuracy records: the deadline counts from the
        pronouncement and is judged at once on the day the judgment was sent."""
        if act.recipient != "CQTHA" or self.judged_on is None:
            return
        if SEND_JUDGMENT in self.deadlines:
            return  # a later copy: the first delivery decided the duty
        value = self.rulebook.value(SEND_JUDGMENT, "first_instance", self.judged_on)
        deadline = self.open_deadline(
            SEND_JUDGMENT, value, self.judged_on, f"Tuyên án sơ thẩm ngày {fmt(self.judged_on)}."
        )
        self.set_due(deadline, count("days", self.judged_on, value.value, self.calendar))
        sent = act.sent_on or act.day
        self._close_on(SEND_JUDGMENT, act, sent, "gửi bản án cho cơ quan thi hành án", None)

    def on_EnforcedImmediately(self, act: CriminalCase.EnforcedImmediately) -> None:
        if key(RELEASE, act.person) in self.deadlines:
            return  # the ground was recorded before: the release is judged once
        judged = self.judged_on or act.day
        released = self.released_on.get(act.person)
        if act.person not in self.in_custody and (released is None or released < judged):
            return  # not detained when judged: nobody to release
        value = self.rulebook.value(RELEASE, "limit", judged)
        deadline = self.open_deadline(
            RELEASE,
            value,
            judged,
            f"Bản án sơ thẩm tuyên ngày {fmt(judged)} đối với bị cáo {act.person} đang bị tạm "
            f"giam: {GROUND_NAMES[act.ground]}, được thi hành ngay.",
            person=act.person,
        )
        self.set_due(
            deadline,
            Period(judged, ["Trả tự do ngay tại phiên tòa, trong ngày tuyên án (Điều 328)."]),
        )
        if act.person not in self.in_custody and released is not None:
            self._close_on(RELEASE, act, released, "trả tự do", act.person)

    # -- custody, as the release needs it ---------------------------------------------------

    def on_Held__enforcement(self, act: CriminalCase.Held) -> None:
        self.in_custody.add(act.person)

    def on_Arrested__enforcement(self, act: CriminalCase.Arrested) -> None:
        self.in_custody.add(act.person)

    def on_Detained__enforcement(self, act: CriminalCase.Detained) -> None:
        self.in_custody.add(act.person)

    def on_Released__enforcement(self, act: CriminalCase.Released) -> None:
        self.in_custody.discard(act.person)
        self.released_on[act.person] = act.day
        self.close(RELEASE, act, "trả tự do", person=act.person)

    def _close_on(
        self, rule: str, act: Act, day: date, what: str, person: str | None
    ) -> Deadline | None:
        """Close `rule` as of `day` (the day a document was sent), not the act's own day."""
        sent = SimpleNamespace(on=day, day=day, note=act.note)
        return self.close(rule, cast(Act, sent), what, person=person)
