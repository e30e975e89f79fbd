"""The VKS's approval of each charge (BLTTHS 2015 Điều 179 k3, 180 k3): `charge.approve` —
the VKS approves, cancels or asks for evidence within 3 days of receiving the decision."""

from __future__ import annotations

from qlahs.domain.criminal_case import CriminalCase
from qlahs.law.calendar import fmt
from qlahs.law.counting import count
from qlahs.stages.case.common import CaseFacts

APPROVE = "charge.approve"


class ChargeApprovalRules(CaseFacts):
    """The approval of each charge, one clock per accused person."""

    def on_PersonCharged__approval(self, act: CriminalCase.PersonCharged) -> None:
        value = self.rulebook.value(APPROVE, "limit", act.day)
        deadline = self.open_deadline(
            APPROVE,
            value,
            act.day,
            f"Quyết định khởi tố bị can {act.name} ngày {fmt(act.on)} gửi Viện kiểm sát.",
            person=act.person,
        )
        self.set_due(deadline, count("days", act.day, value.value, self.calendar))

    def on_ChargeChanged__approval(self, act: CriminalCase.ChargeChanged) -> None:
        if not act.person:
            return
        value = self.rulebook.value(APPROVE, "limit", act.day)
        earlier = self.deadlines.get(f"{APPROVE}/{act.person}")
        if earlier is not None and earlier.status == "open" and act.day > earlier.due:
            late = (act.day - earlier.due).days
            self.breach(
                earlier,
                "missing",
                act,
                late,
                f"Viện kiểm sát chưa phê chuẩn hoặc hủy bỏ quyết định khởi tố bị can, quá hạn "
                f"{late} ngày khi quyết định được thay đổi ngày {fmt(act.on)}",
            )
        deadline = self.open_deadline(
            APPROVE,
            value,
            act.day,
            f"Quyết định thay đổi quyết định khởi tố bị can ngày {fmt(act.on)} gửi Viện kiểm "
            "sát để phê chuẩn (Điều 180 k3).",
            person=act.person,
        )
        self.set_due(deadline, count("days", act.day, value.value, self.calendar))

    def on_ChargeApproved(self, act: CriminalCase.ChargeApproved) -> None:
        self.close(APPROVE, act, "phê chuẩn quyết định khởi tố bị can", person=act.person)

    def on_ChargeCancelled(self, act: CriminalCase.ChargeCancelled) -> None:
        self.close(APPROVE, act, "hủy bỏ quyết định khởi tố bị can", person=act.person)

    def on_EvidenceRequested(self, act: CriminalCase.EvidenceRequested) -> None:
        self.close(APPROVE, act, "yêu cầu bổ sung chứng cứ, tài liệu", person=act.person)
