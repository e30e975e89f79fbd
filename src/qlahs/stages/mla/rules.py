"""The time limits of a request for criminal mutual legal assistance (law.md §18).

- `mla.send_abroad` — Luật TTTP 2007 Điều 22 k2: an outgoing request is sent abroad, or its
  file returned with reasons, within 10 working days of its receipt.
- `mla.forward_result` — Điều 22 k3: the foreign result goes to the Vietnamese body that asked
  within 5 working days.
- `mla.handle_incoming` — Điều 23 k1: a foreign request is forwarded to the body that executes
  it, or returned, within 15 days; a refusal or a postponement with its reasons (Điều 21) is
  also an answer within the limit.
- `mla.reply_abroad` — Điều 23 k2: the executing body's result goes to the requesting state
  within 5 working days.
- `mla.summons_lead` — Điều 24 k1: a summons of a witness or expert living in Việt Nam reaches
  the VKSNDTC at least 90 days before the day the person must appear.

Each limit is the one in force on the day the act that opens it took place. From 01/07/2026
Luật 103/2025/QH15 governs, and its limits were not read: its value 0 means "no limit known",
and no deadline is opened (docs/law-readings.md).
"""

from __future__ import annotations

from qlahs.domain.assistance_request import ROLE_NAMES, AssistanceRequest
from qlahs.kernel.subject import Act
from qlahs.law.calendar import fmt
from qlahs.law.counting import count
from qlahs.law.fold import Fold

SEND = "mla.send_abroad"
FORWARD = "mla.forward_result"
HANDLE = "mla.handle_incoming"
REPLY = "mla.reply_abroad"
SUMMONS = "mla.summons_lead"


class AssistanceRules(Fold):
    """Judges the central authority's steps on one request."""

    def _open(self, rule: str, act: Act, opening: str) -> None:
        """Open `rule` on the day of `act`, unless the law in force then sets no known limit."""
        value = self.rulebook.value(rule, "limit", act.day)
        if value.value == 0 or value.unit is None:
            return
        deadline = self.open_deadline(rule, value, act.day, opening)
        self.set_due(deadline, count(value.unit, act.day, value.value, self.calendar))

    def on_ReceivedOutgoing(self, act: AssistanceRequest.ReceivedOutgoing) -> None:
        self.ref, self.unit = act.ref, act.unit
        self._open(
            SEND,
            act,
            f"Ngày {fmt(act.on)} Viện kiểm sát nhân dân tối cao nhận hồ sơ yêu cầu tương trợ "
            f"tư pháp của {act.requesting_body} gửi {act.country}.",
        )

    def on_ReceivedIncoming(self, act: AssistanceRequest.ReceivedIncoming) -> None:
        self.ref, self.unit = act.ref, act.unit
        self._incoming(act)

    def on_ReceivedSummons(self, act: AssistanceRequest.ReceivedSummons) -> None:
        self.ref, self.unit = act.ref, act.unit
        self._incoming(act)
        value = self.rulebook.value(SUMMONS, "limit", act.day)
        if value.value == 0 or value.unit is None:
            return
        deadline = self.open_deadline(
            SUMMONS,
            value,
            act.day,
            f"{act.country} triệu tập {ROLE_NAMES.get(act.role, act.role)} có mặt ngày "
            f"{fmt(act.appearance_on)}.",
        )
        self.set_due(deadline, count(value.unit, act.appearance_on, value.value, self.calendar))
        self.close(SUMMONS, act, "Viện kiểm sát nhân dân tối cao nhận yêu cầu triệu tập")

    def _incoming(
        self, act: AssistanceRequest.ReceivedIncoming | AssistanceRequest.ReceivedSummons
    ) -> None:
        self._open(
            HANDLE,
            act,
            f"Ngày {fmt(act.on)} Viện kiểm sát nhân dân tối cao nhận yêu cầu tương trợ tư pháp "
            f"của {act.requesting_body} ({act.country}).",
        )

    def on_SentAbroad(self, act: AssistanceRequest.SentAbroad) -> None:
        self.close(SEND, act, "gửi yêu cầu cho nước được yêu cầu")

    def on_Returned(self, act: AssistanceRequest.Returned) -> None:
        self.close(SEND, act, "trả lại hồ sơ, nêu rõ lý do")
        self.close(HANDLE, act, "trả lại hồ sơ, nêu rõ lý do")

    def on_ResultReceived(self, act: AssistanceRequest.ResultReceived) -> None:
        self._open(FORWARD, act, f"Ngày {fmt(act.on)} nhận kết quả của nước được yêu cầu.")

    def on_ResultForwarded(self, act: AssistanceRequest.ResultForwarded) -> None:
        self.close(FORWARD, act, "chuyển kết quả cho cơ quan đã yêu cầu")

    def on_ForwardedToExecutor(self, act: AssistanceRequest.ForwardedToExecutor) -> None:
        self.close(HANDLE, act, f"chuyển yêu cầu cho {act.executor}")

    def on_Refused(self, act: AssistanceRequest.Refused) -> None:
        self.close(HANDLE, act, "từ chối thực hiện, thông báo lý do")

    def on_Postponed(self, act: AssistanceRequest.Postponed) -> None:
        self.close(HANDLE, act, "hoãn thực hiện, thông báo lý do")

    def on_ExecutorReported(self, act: AssistanceRequest.ExecutorReported) -> None:
        self._open(REPLY, act, f"Ngày {fmt(act.on)} nhận kết quả của cơ quan thực hiện.")

    def on_RepliedAbroad(self, act: AssistanceRequest.RepliedAbroad) -> None:
        self.close(REPLY, act, "chuyển kết quả cho nước yêu cầu")
