"""The acts that enforce a judgment for one sentenced person, after the court's decision on
enforcement (BLTTHS 2015 Điều 262, 363, 364; Luật Thi hành án hình sự 2019 Điều 22–23).

- delegation of the decision to another court of the same level (Điều 364 k1, k2 ¶2);
- delivery of the enforcement decision to the procuracy, the enforcement body and the convicted
  person (Luật THAHS Điều 22 k2), and of the judgment to the enforcement body (Điều 262);
- the convicted person at liberty reporting to the enforcement body (Điều 364 k3);
- the part of a first-instance judgment enforced at once despite an appeal (Điều 363).

They are declared on `EnforcementActs`, a base class of `CriminalCase`, and stored as
`CriminalCase.<Act>` like the case's own acts. As everywhere, the acts only record after the
checks below; whether they came in time is judged by `stages/case/enforcement.py`.
"""

from __future__ import annotations

from datetime import date
from typing import Any, ClassVar, Literal

from qlahs.domain.case_act import CaseAct, CaseChecks
from qlahs.domain.case_person_acts import PersonAct, decided_days
from qlahs.kernel.errors import CommandRejected, StageError
from qlahs.kernel.subject import day_of
from qlahs.law.calendar import fmt

Recipient = Literal["VKS", "CQTHA", "nguoi_chap_hanh_an", "trai_tam_giam"]
RECIPIENT_NAMES = {
    "VKS": "Viện kiểm sát cùng cấp",
    "CQTHA": "cơ quan thi hành án hình sự",
    "nguoi_chap_hanh_an": "người chấp hành án",
    "trai_tam_giam": "trại tạm giam, nhà tạm giữ nơi giam giữ người bị kết án",
}
# The grounds on which a first-instance judgment is enforced at once (Điều 363).
ImmediateGround = Literal[
    "khong_co_toi",
    "dinh_chi",
    "mien_trach_nhiem",
    "mien_hinh_phat",
    "khong_phai_tu",
    "an_treo",
    "tu_khong_qua_tam_giam",
    "canh_cao",
]
GROUND_NAMES = {
    "khong_co_toi": "tuyên bị cáo không có tội",
    "dinh_chi": "đình chỉ vụ án",
    "mien_trach_nhiem": "miễn trách nhiệm hình sự",
    "mien_hinh_phat": "miễn hình phạt",
    "khong_phai_tu": "hình phạt không phải là hình phạt tù",
    "an_treo": "phạt tù nhưng cho hưởng án treo",
    "tu_khong_qua_tam_giam": "thời hạn phạt tù bằng hoặc ngắn hơn thời hạn đã tạm giam",
    "canh_cao": "hình phạt cảnh cáo",
}
JUDGED = ("judged", "appeal_trial", "appeal_judged")


class EnforcementAct(PersonAct):
    """An act of one person's enforcement machine."""

    machine: ClassVar[str] = "enforcement"


class RecordedOnly(CaseAct):
    """A fact about the judgment the procuracy records; it moves no machine."""

    def apply(self, aggregate: Any) -> None:
        pass


class EnforcementActs(CaseChecks):
    """The enforcement acts, named as `CriminalCase.<Act>`."""

    class EnforcementDelegated(EnforcementAct):
        """Ủy thác ra quyết định thi hành án; `on` is the day the delegated court received it."""

        named = "Ủy thác ra quyết định thi hành án"

        step = "delegate_enforcement"
        to: str
        sent_on: date | None

    class EnforcementDecisionDelivered(EnforcementAct):
        named = "Giao nhận quyết định thi hành án"
        step = "deliver_enforcement_decision"
        recipient: str
        sent_on: date | None

    class ReportedForEnforcement(EnforcementAct):
        named = "Người bị kết án có mặt chấp hành án"
        step = "report_for_enforcement"
        body: str | None

    class EnforcedImmediately(RecordedOnly):
        named = "Bản án sơ thẩm được thi hành ngay (Điều 363)"
        person: str
        ground: str

    class JudgmentDelivered(RecordedOnly):
        named = "Giao nhận bản án sơ thẩm"
        recipient: str
        sent_on: date | None

    # -- commands: check, then record ---------------------------------------------------------

    def delegate_enforcement(self, **fields: Any) -> None:
        self.require_act(self.EnforcementDelegated, fields["on"], fields["person"])
        self._sent_not_after(fields)
        self.trigger_event(self.EnforcementDelegated, **fields)

    def deliver_enforcement_decision(self, **fields: Any) -> None:
        self.require_act(self.EnforcementDecisionDelivered, fields["on"], fields["person"])
        self._not_before_decision(fields["person"], fields.get("sent_on") or fields["on"])
        self._sent_not_after(fields)
        self.trigger_event(self.EnforcementDecisionDelivered, **fields)

    def report_for_enforcement(self, **fields: Any) -> None:
        person = fields["person"]
        self.require_act(self.ReportedForEnforcement, fields["on"], person)
        self._not_before_decision(person, fields["on"])
        custody = self.persons[person].custody
        if custody != "free":
            raise CommandRejected(
                f"Người bị kết án {person} của vụ án {self.ref} đang bị tạm giữ, tạm giam: "
                "không phải tự đến cơ quan thi hành án hình sự (Điều 364 khoản 3 chỉ áp dụng "
                "với người đang tại ngoại; trường 'person')."
            )
        self.trigger_event(self.ReportedForEnforcement, **fields)

    def enforce_immediately(self, **fields: Any) -> None:
        person = fields["person"]
        self.require_not_before("enforce_immediately", fields["on"])
        self._require_judged("enforce_immediately")
        self.require_charged(person)
        if self.persons[person].enforcement is None:
            raise CommandRejected(
                f"Bị cáo {person} của vụ án {self.ref} không có trong bản án sơ thẩm "
                "(trường 'person')."
            )
        self.trigger_event(self.EnforcedImmediately, **fields)

    def deliver_judgment(self, **fields: Any) -> None:
        self.require_not_before("deliver_judgment", fields["on"])
        self._require_judged("deliver_judgment")
        self._sent_not_after(fields)
        self.trigger_event(self.JudgmentDelivered, **fields)

    # -- checks ---------------------------------------------------------------------------------

    def _require_judged(self, step: str) -> None:
        if self.stage not in JUDGED:
            raise StageError(
                self.noun,
                self.ref,
                step,
                self.stage_names[self.stage],
                self.transitions[self.stage],
            )

    def _not_before_decision(self, person: str, on: date) -> None:
        decided = decided_days(self).get(person)
        if decided is not None and day_of(on) < decided:
            raise CommandRejected(
                f"Ngày {fmt(on)} trước ngày ra quyết định thi hành án đối với {person} "
                f"({fmt(decided)}; trường 'on'): không thể có thật."
            )

    def _sent_not_after(self, fields: dict[str, Any]) -> None:
        sent = fields.get("sent_on")
        if sent is not None and sent > day_of(fields["on"]):
            raise CommandRejected(
                f"Trường 'sent_on' ({fmt(sent)}) sau ngày nhận ({fmt(fields['on'])}): văn bản "
                "không thể đến trước khi được gửi."
            )
