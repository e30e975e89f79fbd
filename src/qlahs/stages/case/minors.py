"""A case with an accused minor (Luật Tư pháp người chưa thành niên 59/2024/QH15, from
01/01/2026): the two acts after which its investigation, prosecution and trial-preparation
limits are the Code's again instead of half of them, their commands and their rules.

- `case.declare_particularly_complex` — the case has "tính chất đặc biệt phức tạp";
- `case.notify_diversion` — at the prosecution (Viện kiểm sát) or first-instance trial (Tòa
  án) stage, a notice that the diversion procedure applies to an accused minor.

From the day of the first of them, a period halved and still running gets back the days the
halving took away (its end is the Code's end, moved by any extension granted since), and a
period opened later is not halved (docs/law-readings.md). A period whose halved limit had run
out before the act stays late for the days it was overdue, as for an extension.
"""

from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import Field

from qlahs.domain.case_minor_acts import DECLARED_BY, DIVERSION_STAGES, MinorActs
from qlahs.kernel.bounds import NAME_LIMIT, TEXT_LIMIT
from qlahs.kernel.subject import day_of
from qlahs.law.calendar import fmt
from qlahs.law.counting import Period, count
from qlahs.stages.case.common import CaseFacts
from qlahs.stages.commands import Command
from qlahs.stages.registry import Action, calls

# the obligations the halving touches (their rule files hold `minor_exception_percent`)
HALVED = ("case.investigate", "prosecution.decide", "trial.prepare")


class DeclareParticularlyComplex(Command):
    """Xác định vụ án có người chưa thành niên là người bị buộc tội có tính chất đặc biệt
    phức tạp: từ ngày đó áp dụng thời hạn của Bộ luật Tố tụng hình sự (Luật Tư pháp người chưa
    thành niên, khoản 1 điều về thời hạn)."""

    action: ClassVar[str] = "case.declare_particularly_complex"
    by: Literal["CQDT", "VKS", "TA"] = Field(description="Cơ quan xác định: CQDT, VKS hoặc TA")
    document: str | None = Field(
        default=None, min_length=1, max_length=NAME_LIMIT, description="Số, ký hiệu văn bản"
    )
    reason: str | None = Field(default=None, min_length=1, max_length=TEXT_LIMIT)


class NotifyDiversion(Command):
    """Viện kiểm sát (giai đoạn truy tố) hoặc Tòa án (giai đoạn xét xử sơ thẩm) ra thông báo
    áp dụng thủ tục xử lý chuyển hướng đối với bị can, bị cáo là người chưa thành niên: từ ngày
    đó áp dụng thời hạn của Bộ luật Tố tụng hình sự."""

    action: ClassVar[str] = "case.notify_diversion"
    stage: Literal["truy_to", "xet_xu_so_tham"] = Field(
        description="Giai đoạn ra thông báo: truy_to (Viện kiểm sát), xet_xu_so_tham (Tòa án)"
    )
    person: str = Field(min_length=1, description="Bị can, bị cáo là người chưa thành niên")
    document: str | None = Field(
        default=None, min_length=1, max_length=NAME_LIMIT, description="Số, ký hiệu thông báo"
    )


def minor_actions() -> tuple[Action, ...]:
    return (
        Action(
            DeclareParticularlyComplex.action,
            DeclareParticularlyComplex,
            calls(MinorActs.declare_particularly_complex),
        ),
        Action(NotifyDiversion.action, NotifyDiversion, calls(MinorActs.notify_diversion)),
    )


class MinorRules(CaseFacts):
    """The halved limits give way from the first act that restores the Code's limits."""

    def on_ParticularlyComplexDeclared(self, act: MinorActs.ParticularlyComplexDeclared) -> None:
        self._restore(act, f"{DECLARED_BY[act.by]} xác định vụ án có tính chất đặc biệt phức tạp")

    def on_DiversionNotified(self, act: MinorActs.DiversionNotified) -> None:
        name, body, _ = DIVERSION_STAGES[act.stage]
        self._restore(
            act,
            f"{body} ra thông báo áp dụng thủ tục xử lý chuyển hướng đối với {act.person} ({name})",
        )

    def _restore(
        self, act: MinorActs.ParticularlyComplexDeclared | MinorActs.DiversionNotified, why: str
    ) -> None:
        if self.full_limits_since is not None:
            return
        self.full_limits_since, self.full_limits_why = act.day, why
        for rule in HALVED:
            deadline = self.deadlines.get(rule)
            halved = self.halved.pop(rule, None)
            if deadline is None or halved is None or deadline.status not in ("open", "suspended"):
                continue
            start, code_due, halved_due = halved
            if day_of(deadline.start) != start:
                continue
            value = self.rulebook.value(rule, "minor_exception_percent", act.day)
            self.late_if_expired(deadline, act, why)
            deadline.explain(f"Ngày {fmt(act.on)} {why}.")
            deadline.explain(value.explain())
            due = day_of(deadline.due)
            if due == halved_due:
                deadline.explain(
                    f"Thời hạn tính lại theo Bộ luật Tố tụng hình sự từ ngày {fmt(start)}."
                )
                self.set_due(deadline, Period(code_due, []), value)
            else:
                added = (code_due - halved_due).days
                deadline.explain(
                    f"Trả lại {added} ngày đã bị chia đôi, tính từ ngày {fmt(due)} (đã gồm phần "
                    "gia hạn)."
                )
                self.set_due(deadline, count("days", due, added, self.calendar), value)
