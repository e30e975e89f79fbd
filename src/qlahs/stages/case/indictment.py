"""Indictment (BLTTHS 2015 Điều 236–249): commands and rules.

- `prosecution.decide` — Điều 240 k1: 20 days (INT, NT) or 30 days (RNT, DBNT) from receiving
  the file, extended once by 10/10/15/30 days; a new full period after a resumption (Điều 249).
- `prosecution.send_to_court` — Điều 244: 3 days after the indictment.
"""

from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import Field

from qlahs.domain.criminal_case import CriminalCase
from qlahs.kernel.subject import Act
from qlahs.law.calendar import fmt
from qlahs.law.counting import count
from qlahs.law.crimes import CATEGORY_NAMES
from qlahs.stages.case.common import CaseFacts
from qlahs.stages.case.investigation_commands import EARLY_GROUNDS, GROUND_NAMES, Ground
from qlahs.stages.commands import Command

DECIDE, SEND = "prosecution.decide", "prosecution.send_to_court"


class ReceiveFile(Command):
    """Viện kiểm sát nhận hồ sơ vụ án và bản kết luận điều tra."""

    action: ClassVar[str] = "case.receive_file"


class ExtendProsecution(Command):
    """Gia hạn thời hạn quyết định việc truy tố (Điều 240 k1)."""

    action: ClassVar[str] = "case.extend_prosecution"
    days: int = Field(ge=1, le=30)


class ReturnForInvestigation(Command):
    """Trả hồ sơ để điều tra bổ sung (Viện kiểm sát: Điều 245; Tòa án: Điều 280)."""

    action: ClassVar[str] = "case.return_for_investigation"
    by: Literal["VKS", "court"] = "VKS"
    panel: Literal["judge", "trial_panel"] | None = None


class Indict(Command):
    """Cáo trạng (Điều 243)."""

    action: ClassVar[str] = "case.indict"
    persons: list[str] = Field(default_factory=list)


class SendToCourt(Command):
    """Chuyển hồ sơ vụ án và bản cáo trạng đến Tòa án (Điều 244)."""

    action: ClassVar[str] = "case.send_to_court"


class SuspendCase(Command):
    """Tạm đình chỉ vụ án (Điều 247, 281), cả vụ án hoặc riêng một bị can."""

    action: ClassVar[str] = "case.suspend"
    ground: Ground
    person: str | None = None


class ResumeCase(Command):
    """Phục hồi vụ án (Điều 249, 283)."""

    action: ClassVar[str] = "case.resume"
    person: str | None = None


class DismissCase(Command):
    """Đình chỉ vụ án (Điều 248, 282), cả vụ án hoặc riêng một bị can."""

    action: ClassVar[str] = "case.dismiss"
    ground: str | None = None
    person: str | None = None


class IndictmentRules(CaseFacts):
    """The VKS's time to decide on prosecution, and to send the file to court."""

    def on_FileReceived(self, act: Act) -> None:
        self.phase = "prosecution"
        self._open_decide(act, f"Viện kiểm sát nhận hồ sơ vụ án ngày {fmt(act.on)}.")

    def _open_decide(self, act: Act, opening: str) -> None:
        value = (
            self.rulebook.value(DECIDE, "summary", act.day)
            if self.summary
            else self.by_category(DECIDE, "base", act.day)
        )
        deadline = self.open_deadline(DECIDE, value, act.day, opening)
        deadline.explain(self.category_line())
        self.set_due(deadline, count("days", act.day, value.value, self.calendar))
        self.halved_for_minors(DECIDE, deadline)
        self.prosecution_extended = 0

    def on_ProsecutionExtended(self, act: CriminalCase.ProsecutionExtended) -> None:
        deadline = self.deadlines.get(DECIDE)
        if deadline is None or deadline.status != "open":
            return
        most = self.by_category(DECIDE, "extension", deadline.start)
        times = self.rulebook.value(DECIDE, "extension_count", deadline.start)
        self.prosecution_extended += 1
        if self.prosecution_extended > times.value or self.summary:
            self.violate(
                DECIDE,
                times,
                "exceeds_limit",
                act,
                deadline.due,
                f"{self.ref}: gia hạn quyết định việc truy tố lần thứ {self.prosecution_extended} "
                f"ngày {fmt(act.on)}; chỉ được gia hạn {times.value} lần ({times.article}).",
            )
            return
        self.late_if_expired(deadline, act, "gia hạn quyết định việc truy tố")
        days = act.days
        if days > most.value:
            self.violate(
                DECIDE,
                most,
                "exceeds_limit",
                act,
                deadline.due,
                f"{self.ref}: gia hạn quyết định việc truy tố {days} ngày, quá {most.value} ngày "
                f"cho tội phạm {CATEGORY_NAMES[self.category]} ({most.article}).",
            )
            days = most.value
        deadline.explain(
            f"Ngày {fmt(act.on)} gia hạn {days} ngày, tính từ ngày {fmt(deadline.due)}."
        )
        self.set_due(deadline, count("days", deadline.due, days, self.calendar), most)

    def on_Indicted(self, act: Act) -> None:
        self.close(DECIDE, act, "ra bản cáo trạng")
        value = self.rulebook.value(SEND, "limit", act.day)
        deadline = self.open_deadline(SEND, value, act.day, f"Bản cáo trạng ngày {fmt(act.on)}.")
        self.set_due(deadline, count("days", act.day, value.value, self.calendar))

    def on_SentToCourt(self, act: Act) -> None:
        self.close(SEND, act, "chuyển hồ sơ và bản cáo trạng đến Tòa án")
        self.phase = "trial"

    def on_ReturnedForInvestigation__prosecution(
        self, act: CriminalCase.ReturnedForInvestigation
    ) -> None:
        if act.by == "VKS":
            self.close(DECIDE, act, "trả hồ sơ để điều tra bổ sung")
        self.phase = "investigation"

    def on_Suspended__prosecution(self, act: CriminalCase.Suspended) -> None:
        deadline = self.deadlines.get(DECIDE)
        if act.person or self.phase != "prosecution" or deadline is None:
            return
        if act.ground not in EARLY_GROUNDS and act.day < deadline.due:
            rule = self.rulebook.value(DECIDE, "suspension_after_expiry", act.day)
            self.violate(
                DECIDE,
                rule,
                "premature",
                act,
                deadline.due,
                f"{self.ref}: tạm đình chỉ vụ án ngày {fmt(act.on)} "
                f"({GROUND_NAMES.get(act.ground, act.ground)}) khi thời hạn quyết định việc "
                f"truy tố chưa hết (hết ngày {fmt(deadline.due)}); với căn cứ này chỉ được tạm "
                f"đình chỉ khi đã hết thời hạn ({rule.article}).",
            )
        self.close(DECIDE, act, "tạm đình chỉ vụ án")

    def on_Resumed__prosecution(self, act: CriminalCase.Resumed) -> None:
        if not act.person and self.phase == "prosecution":
            self._open_decide(
                act,
                f"Ngày {fmt(act.on)} phục hồi vụ án: thời hạn truy tố tính lại từ đầu (Điều 249).",
            )

    def on_Dismissed__prosecution(self, act: CriminalCase.Dismissed) -> None:
        if not act.person and self.phase == "prosecution":
            self.close(DECIDE, act, "đình chỉ vụ án")
