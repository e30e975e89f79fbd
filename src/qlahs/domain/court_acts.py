"""The acts of a matter before a civil or administrative court, as the VKS records them.

Each act only changes state; the checks are in `court_matter.py` and the judging of time
limits in the stages' rules. A civil matter and an administrative case share these acts: each
subclass of the aggregate gets its own copy of every event class (eventsourcing redefines the
nested classes), so their stored topics stay apart.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from eventsourcing.domain import Aggregate

from qlahs.domain.court_documents import issue as _issue
from qlahs.kernel.subject import Act, Subject


def _opened(aggregate: Any, act: Any, stage: str) -> None:
    aggregate.ref, aggregate.unit, aggregate.stage = act.ref, act.unit, stage
    aggregate.opened_on = act.on
    aggregate.court = aggregate.plaintiff = aggregate.summary = None
    aggregate.procedure, aggregate.case_kind = "vu_an", None
    aggregate.received_on = aggregate.returned_on = aggregate.accepted_on = None
    aggregate.suspended_on = aggregate.dismissed_on = aggregate.trial_decided_on = None
    aggregate.judged_on = aggregate.outcome = aggregate.prosecutor = None
    aggregate.appealed_on = aggregate.protested_on = aggregate.appeal_accepted_on = None
    aggregate.appeal_judged_on = aggregate.effective_on = aggregate.protest_level = None
    aggregate.in_appeal = aggregate.attended = aggregate.file_with_vks = False
    aggregate.issued, aggregate.delivered = [], {}


class CourtMatterActs(Subject):
    """The acts; `CourtMatter` adds the checks."""

    if TYPE_CHECKING:  # state set by the acts; not dataclass fields of the aggregate
        court: str | None
        plaintiff: str | None
        summary: str | None
        procedure: str
        case_kind: str | None
        received_on: date | None
        returned_on: date | None
        accepted_on: date | None
        suspended_on: date | None
        dismissed_on: date | None
        trial_decided_on: date | None
        judged_on: date | None
        outcome: str | None
        prosecutor: str | None
        appealed_on: date | None
        protested_on: date | None
        protest_level: str | None
        appeal_accepted_on: date | None
        appeal_judged_on: date | None
        effective_on: date | None
        in_appeal: bool
        attended: bool
        file_with_vks: bool
        issued: list[str]
        delivered: dict[str, date]

    class CourtAct(Act):
        """An act on a step of the court procedure: it may issue documents for the VKS."""

        def apply(self, aggregate: Any) -> None:
            super().apply(aggregate)
            _issue(aggregate, self.step)

    class ClaimReceived(Act, Aggregate.Created):
        personal = ("plaintiff", "summary")

        ref: str
        procedure: str | None
        kind: str | None
        court: str | None
        plaintiff: str | None
        summary: str | None

        def apply(self, aggregate: Any) -> None:
            _opened(aggregate, self, "claim_received")
            aggregate.received_on, aggregate.court = self.on, self.court
            aggregate.procedure = self.procedure or "vu_an"
            aggregate.case_kind = self.kind
            aggregate.plaintiff, aggregate.summary = self.plaintiff, self.summary

    class OpenedOnAcceptance(Act, Aggregate.Created):
        """Thụ lý of a matter whose claim the VKS did not record."""

        named = "Tòa án thụ lý"

        ref: str
        procedure: str | None
        kind: str | None
        court: str | None

        def apply(self, aggregate: Any) -> None:
            _opened(aggregate, self, "first_instance")
            aggregate.procedure = self.procedure or "vu_an"
            aggregate.case_kind, aggregate.court = self.kind, self.court
            aggregate.accepted_on = self.on
            _issue(aggregate, "accept")

    class OpenedInEffect(Act, Aggregate.Created):
        """A judgment or decision in effect that the VKS first meets on review."""

        named = "Bản án, quyết định có hiệu lực pháp luật"

        ref: str
        against: str
        kind: str | None
        court: str | None

        def apply(self, aggregate: Any) -> None:
            _opened(aggregate, self, "in_effect")
            aggregate.case_kind, aggregate.court = self.kind, self.court
            aggregate.effective_on = self.on
            _issue(aggregate, "take_effect")

    class ClaimReturned(CourtAct):
        step = "return_claim"
        ground: str | None

        def apply(self, aggregate: Any) -> None:
            super().apply(aggregate)
            aggregate.returned_on = self.on

    class ReturnObjected(CourtAct):
        step = "object_return"
        level: str

    class Accepted(CourtAct):
        step = "accept"
        procedure: str | None
        kind: str | None
        court: str | None

        def apply(self, aggregate: Any) -> None:
            super().apply(aggregate)
            aggregate.accepted_on = self.on
            aggregate.procedure = self.procedure or aggregate.procedure
            aggregate.case_kind = self.kind or aggregate.case_kind
            aggregate.court = self.court or aggregate.court

    class Delivered(Act):
        step = "deliver"
        document: str
        sent_on: date | None

        def apply(self, aggregate: Any) -> None:
            super().apply(aggregate)
            aggregate.delivered.setdefault(self.document, self.on)

    class PreparationExtended(Act):
        step = "extend_preparation"
        months: int

    class Suspended(CourtAct):
        step = "suspend"
        ground: str | None

        def apply(self, aggregate: Any) -> None:
            super().apply(aggregate)
            aggregate.suspended_on = self.on

    class Resumed(CourtAct):
        step = "resume"
        ground: str | None

        def apply(self, aggregate: Any) -> None:
            super().apply(aggregate)
            aggregate.suspended_on = None

    class Dismissed(CourtAct):
        step = "dismiss"
        ground: str | None

        def apply(self, aggregate: Any) -> None:
            super().apply(aggregate)
            aggregate.dismissed_on = self.on

    class BroughtToTrial(CourtAct):
        step = "bring_to_trial"

        def apply(self, aggregate: Any) -> None:
            super().apply(aggregate)
            aggregate.trial_decided_on = self.on

    class HearingScheduled(CourtAct):
        step = "schedule_hearing"

        def apply(self, aggregate: Any) -> None:
            super().apply(aggregate)
            aggregate.trial_decided_on = self.on

    class FileSent(Act):
        step = "send_file"

        def apply(self, aggregate: Any) -> None:
            super().apply(aggregate)
            aggregate.file_with_vks = True

    class FileReturned(Act):
        step = "return_file"

        def apply(self, aggregate: Any) -> None:
            super().apply(aggregate)
            aggregate.file_with_vks = False

    class SessionOpened(Act):
        step = "open_session"

    class Attended(Act):
        step = "attend"
        prosecutor: str | None

        def apply(self, aggregate: Any) -> None:
            super().apply(aggregate)
            aggregate.attended = True
            aggregate.prosecutor = self.prosecutor or aggregate.prosecutor

    class Judged(CourtAct):
        step = "judge"
        outcome: str | None
        prosecutor_present: bool

        def apply(self, aggregate: Any) -> None:
            super().apply(aggregate)
            aggregate.judged_on, aggregate.outcome = self.on, self.outcome

    class PetitionDecided(CourtAct):
        step = "decide_petition"
        outcome: str | None

        def apply(self, aggregate: Any) -> None:
            super().apply(aggregate)
            aggregate.judged_on, aggregate.outcome = self.on, self.outcome

    class Appealed(Act):
        step = "appeal"
        personal = ("party",)
        party: str | None
        against: str

        def apply(self, aggregate: Any) -> None:
            super().apply(aggregate)
            aggregate.appealed_on = aggregate.appealed_on or self.on

    class Protested(Act):
        step = "protest"
        level: str
        against: str

        def apply(self, aggregate: Any) -> None:
            super().apply(aggregate)
            aggregate.protested_on = aggregate.protested_on or self.on
            aggregate.protest_level = aggregate.protest_level or self.level

    class AppealAccepted(Act):
        step = "appeal_accept"

        def apply(self, aggregate: Any) -> None:
            super().apply(aggregate)
            aggregate.appeal_accepted_on, aggregate.in_appeal = self.on, True
            aggregate.attended = aggregate.file_with_vks = False
            aggregate.suspended_on = aggregate.trial_decided_on = None

    class AppealJudged(CourtAct):
        step = "appeal_judge"
        outcome: str | None

        def apply(self, aggregate: Any) -> None:
            super().apply(aggregate)
            aggregate.appeal_judged_on, aggregate.outcome = self.on, self.outcome

    class TookEffect(CourtAct):
        step = "take_effect"
        against: str
        kind: str | None
        court: str | None

        def apply(self, aggregate: Any) -> None:
            super().apply(aggregate)
            aggregate.effective_on = self.on
            aggregate.case_kind = aggregate.case_kind or self.kind
            aggregate.court = aggregate.court or self.court

    class GroundsLearned(Act):
        step = "learn_grounds"

    class CassationProtested(Act):
        step = "cassation_protest"
        procedure: str
        k2: bool
