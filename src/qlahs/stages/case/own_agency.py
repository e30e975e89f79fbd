"""Module 6: a case investigated by the procuracy's own investigation agency (Cơ quan điều tra
Viện kiểm sát nhân dân tối cao, BLTTHS 2015 Điều 163 k3).

Every limit of module 2 applies to such a case unchanged (its deadlines are the other rules'
of `CaseRules`). These rules add what differs:

- `own_investigation.competence` — Điều 163 k3: the agency investigates only the crimes of
  Chương XXIII and XXIV of the BLHS (Điều 352–391); a case opened, a person charged or a
  charge changed to a crime outside them is investigated without competence;
- `own_investigation.supervision` — Điều 118 k2, 119 k5, 172 k6, 173 k4, 179 k3: during the
  investigation the procuracy that holds the case (the supreme procuracy, the unit the case is
  recorded for) approves the charges, the detention orders and the hold extensions, and grants
  every extension; such an act recorded for another procuracy is a decision of the wrong one.
  A case transferred to the agency is held from then on by the procuracy that recorded the
  transfer.

A case is the agency's when it was opened with it as investigating agency, or transferred to
it; a transfer to another agency ends that. Both are violations (`wrong_authority`), not
refusals: the act happened and the procuracy supervises it (ARCHITECTURE principle 1,
docs/law-readings.md).
"""

from __future__ import annotations

from typing import Any

from qlahs.domain.criminal_case import CriminalCase
from qlahs.domain.own_agency import NAME, is_own_agency
from qlahs.kernel.subject import Act
from qlahs.law.calendar import fmt
from qlahs.law.crimes import parse_charge
from qlahs.law.units import units
from qlahs.stages.case.common import CaseFacts

COMPETENCE = "own_investigation.competence"
SUPERVISION = "own_investigation.supervision"

C = CriminalCase


class OwnAgencyRules(CaseFacts):
    """What a case of the procuracy's own investigation agency adds to module 2."""

    own_agency = False
    # the procuracy that approves and extends: the case's unit, or the one that recorded the
    # transfer of the case to the agency
    supervisor = ""

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        # the crime of the case (key "") and of each accused person, as last charged
        self.charges: dict[str, str] = {}

    # -- whose case it is, and the crimes it may investigate -------------------------------

    def on_Opened__own_agency(self, act: CriminalCase.Opened) -> None:
        self.charges[""] = act.crime
        for person in act.carried:
            if person.get("crime"):
                self.charges[person["person"]] = person["crime"]
        self.own_agency = is_own_agency(act.investigating_agency)
        self.supervisor = act.unit
        if self.own_agency:
            self._within_competence(act, "")

    def on_Transferred__own_agency(self, act: CriminalCase.Transferred) -> None:
        was = self.own_agency
        self.own_agency = is_own_agency(act.to)
        if self.own_agency and not was:
            self.supervisor = act.unit
            for key in self.charges:
                self._within_competence(act, key)

    def on_PersonCharged__own_agency(self, act: CriminalCase.PersonCharged) -> None:
        self.charges[act.person] = act.crime
        if self.own_agency:
            self._within_competence(act, act.person)

    def on_ChargeChanged__own_agency(self, act: CriminalCase.ChargeChanged) -> None:
        key = act.person or ""
        self.charges[key] = act.crime
        if self.own_agency:
            self._within_competence(act, key)

    def _within_competence(self, act: Act, key: str) -> None:
        crime = self.charges.get(key, "")
        parsed = parse_charge(crime)
        if parsed is None:
            return  # a charge the BLHS data cannot read: nothing to judge it by
        article = int(str(parsed[0]).rstrip("abcdefghijklmnopqrstuvwxyz"))
        first = self.rulebook.value(COMPETENCE, "first_article", act.day)
        last = self.rulebook.value(COMPETENCE, "last_article", act.day)
        if first.value <= article <= last.value:
            return
        whose = f"bị can {key}" if key else "vụ án"
        self.violate(
            COMPETENCE,
            first,
            "wrong_authority",
            act,
            None,
            f"{self.ref}: {NAME} điều tra {whose} về tội theo {crime} (ngày {fmt(act.on)}), "
            f"không thuộc thẩm quyền điều tra của mình: chỉ các tội phạm quy định tại Chương "
            f"XXIII và Chương XXIV của Bộ luật Hình sự (Điều {first.value}–{last.value}) xảy "
            f"ra trong hoạt động tư pháp ({first.article}); vụ án phải được chuyển cho Cơ quan "
            "điều tra có thẩm quyền.",
            person=key or None,
        )

    # -- the procuracy that approves and extends --------------------------------------------

    def on_ChargeApproved__own_agency(self, act: CriminalCase.ChargeApproved) -> None:
        self._by_supervisor(act, "charge_approval", "phê chuẩn quyết định khởi tố bị can")

    def on_ChargeCancelled__own_agency(self, act: CriminalCase.ChargeCancelled) -> None:
        self._by_supervisor(act, "charge_approval", "hủy bỏ quyết định khởi tố bị can")

    def on_EvidenceRequested__own_agency(self, act: CriminalCase.EvidenceRequested) -> None:
        self._by_supervisor(act, "charge_approval", "yêu cầu bổ sung chứng cứ để xét phê chuẩn")

    def on_InvestigationExtended__own_agency(self, act: CriminalCase.InvestigationExtended) -> None:
        self._by_supervisor(act, "investigation_extension", "gia hạn điều tra")

    def on_HoldExtensionApproved__own_agency(self, act: CriminalCase.HoldExtensionApproved) -> None:
        self._by_supervisor(act, "hold_extension_approval", "phê chuẩn gia hạn tạm giữ")

    def on_Detained__own_agency(self, act: CriminalCase.Detained) -> None:
        if act.stage == "investigation":
            self._by_supervisor(act, "detention_approval", "phê chuẩn lệnh tạm giam")

    def on_DetentionExtended__own_agency(self, act: CriminalCase.DetentionExtended) -> None:
        self._by_supervisor(act, "detention_extension", "gia hạn tạm giam")

    def _by_supervisor(self, act: Act, parameter: str, what: str) -> None:
        if not self.own_agency or self.phase != "investigation" or act.unit == self.supervisor:
            return
        value = self.rulebook.value(SUPERVISION, parameter, act.day)
        person = getattr(act, "person", None)
        self.violate(
            SUPERVISION,
            value,
            "wrong_authority",
            act,
            None,
            f"{self.ref}: {what} ngày {fmt(act.on)} do {units().name(act.unit)} ghi nhận; vụ "
            f"án do {NAME} điều tra thì việc này thuộc thẩm quyền của Viện kiểm sát nhân dân tối "
            f"cao, Viện kiểm sát thụ lý vụ án ({units().name(self.supervisor)}) ({value.article}).",
            person=person,
        )
