"""The obligations of a matter before a civil or administrative court (VOCABULARY, "Civil and
administrative supervision"; law.md §16), judged over its acts in legal order.

Names are `<prefix>.<duty>`; a duty without a rule file for the stage is not kept. Dates: the
trigger day is not counted, a day off at the end moves it to the next working day, an
extension counts from the last day of the period it extends (BLDS 2015 Điều 147–148). A
document's `on` is the VKS's receipt; the court's duty to send it is judged on `sent_on`.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from qlahs.kernel.subject import Act
from qlahs.law.calendar import fmt
from qlahs.stages.court.review import ReviewRules

# The document that meets a court's duty to send, and the duty.
SENDING = {
    "thong_bao_thu_ly": ("notify_procuracy", "Tòa án gửi thông báo thụ lý"),
    "tam_dinh_chi": ("deliver_suspension", "Tòa án gửi quyết định tạm đình chỉ"),
    "dinh_chi": ("deliver_dismissal", "Tòa án gửi quyết định đình chỉ"),
    "dua_ra_xet_xu": ("deliver_trial_decision", "Tòa án gửi quyết định đưa vụ án ra xét xử"),
    "ban_an": ("deliver_judgment", "Tòa án gửi bản án"),
}
PROTESTS = ("protest_same_level", "protest_superior")
PROTESTED = "Viện kiểm sát kháng nghị phúc thẩm"
PREPARE = ("trial_prepare", "petition_prepare", "appeal_prepare")
OPENING = ("trial_open", "hearing_open", "appeal_open")


class CourtRules(ReviewRules):
    """Fold over one matter's acts."""

    # the protest of a judgment runs from the VKS's receipt when no prosecutor attended
    # (BLTTDS Điều 280 k1); Luật TTHC Điều 213 k1 has no such sentence
    absent_receipt = True
    procedure = "vu_an"
    case_kind = "dan_su"
    in_appeal = False
    scheduled = False
    judgment_awaits_receipt = False
    decision_awaits_receipt = False

    def __init__(self, *args: Any):
        super().__init__(*args)
        self.extended: dict[str, list[int]] = {}
        self.early: dict[str, Act] = {}

    # -- opening, acceptance ---------------------------------------------------------------

    def _facts(self, act: Any) -> None:
        self.ref, self.unit = act.ref, act.unit
        self.procedure = getattr(act, "procedure", None) or self.procedure
        self.case_kind = getattr(act, "kind", None) or self.case_kind

    def on_ClaimReceived(self, act: Any) -> None:
        self._facts(act)

    def on_OpenedOnAcceptance(self, act: Any) -> None:
        self._facts(act)
        self._accepted(act)

    def on_OpenedInEffect(self, act: Any) -> None:
        self.ref, self.unit = act.ref, act.unit
        self.on_TookEffect(act)

    def on_Accepted(self, act: Any) -> None:
        self.procedure = act.procedure or self.procedure
        self.case_kind = act.kind or self.case_kind
        self._accepted(act)

    def _accepted(self, act: Act) -> None:
        viec = self.procedure == "viec"
        opening = f"Tòa án thụ lý ngày {fmt(act.on)}."
        self.open("notify_procuracy", "limit_viec" if viec else "limit", act.day, opening)
        self._prepare(act, opening)

    def _prepare(self, act: Act, opening: str) -> None:
        """A (fresh) preparation period of the stage the matter is in."""
        if self.in_appeal:
            name, parameter = "appeal_prepare", "limit"
        elif self.procedure == "viec":
            name, parameter = "petition_prepare", "limit"
        else:
            name, parameter = "trial_prepare", f"base_{self.case_kind}"
        self.extended[name] = []
        self.scheduled = False
        self.open(name, parameter, act.day, opening)

    # -- documents reaching the VKS --------------------------------------------------------

    def on_Delivered(self, act: Any) -> None:
        document, day = act.document, act.day
        if document in SENDING:
            name, what = SENDING[document]
            self.meet(name, act, what, day=act.sent_on or act.on)
        received = f"Viện kiểm sát nhận văn bản ngày {fmt(act.on)}."
        if document == "tra_lai_don" and self.get("return_objection", "first") is None:
            self.open("return_objection", "limit", day, received, slot="first", window=True)
        if document == "giai_quyet_kien_nghi" and self.get("return_objection", "second") is None:
            self.open("return_objection", "second_level", day, received, slot="second", window=True)
        if document == "ban_an" and self.judgment_awaits_receipt:
            self.judgment_awaits_receipt = False
            opening = f"Kiểm sát viên không tham gia phiên tòa; {received[0].lower()}{received[1:]}"
            self._protest_windows("judgment", day, opening, "ban_an")
        if document in ("tam_dinh_chi", "dinh_chi") and self.decision_awaits_receipt:
            self.decision_awaits_receipt = False
            self._protest_windows("decision", day, received, "quyet_dinh")

    def on_ReturnObjected(self, act: Any) -> None:
        slot = "second" if act.level == "second" else "first"
        self.use_right("return_objection", act, "Viện kiểm sát kiến nghị", slot=slot)

    # -- preparation, suspension, dismissal ------------------------------------------------

    def on_PreparationExtended(self, act: Any) -> None:
        if self.scheduled:
            name = (
                "appeal_open"
                if self.in_appeal
                else ("hearing_open" if self.procedure == "viec" else "trial_open")
            )
            deadline = self.get(name)
            if deadline is None or not self.has(name):
                return
            cause = self.rulebook.find(self.rule(name), "limit_with_cause", deadline.start)
            base = self.rulebook.value(self.rule(name), "limit", deadline.start)
            most = cause.value - base.value if cause is not None else 0
            self.extend(name, act, act.months, most, cause or base, None, self._done(name))
            return
        name = (
            "appeal_prepare"
            if self.in_appeal
            else ("petition_prepare" if self.procedure == "viec" else "trial_prepare")
        )
        deadline = self.get(name)
        if deadline is None:
            return
        parameter = "extension" if name != "trial_prepare" else f"extension_{self.case_kind}"
        cap = self.rulebook.value(self.rule(name), parameter, deadline.start)
        times = self.rulebook.find(self.rule(name), "extension_count", deadline.start)
        self.extend(name, act, act.months, cap.value, cap, times, self._done(name))

    def _done(self, name: str) -> list[int]:
        return self.extended.setdefault(name, [])

    def on_Suspended(self, act: Any) -> None:
        what = "tạm đình chỉ giải quyết"
        for name in PREPARE:
            self.halt(name, act, what)
        for name in OPENING:
            self.drop(name, act, what)
        self.scheduled = False
        if not self.in_appeal:
            self._decision(act, "deliver_suspension", "Tòa án ra quyết định tạm đình chỉ")

    def on_Resumed(self, act: Any) -> None:
        self._prepare(
            act,
            f"Quyết định tiếp tục giải quyết ngày {fmt(act.on)}: thời hạn chuẩn bị được tính lại "
            "từ đầu, không phải phần còn lại của thời hạn cũ.",
        )

    def on_Dismissed(self, act: Any) -> None:
        what = "đình chỉ giải quyết"
        for name in PREPARE:
            self.end(name, act, what)
        for name in OPENING:
            self.drop(name, act, what)
        self.scheduled = False
        if not self.in_appeal:
            self._decision(act, "deliver_dismissal", "Tòa án ra quyết định đình chỉ")

    def _decision(self, act: Act, sending: str, how: str) -> None:
        """A first-instance decision to suspend or dismiss: the court sends it; the parties may
        appeal it; the VKS's time to protest waits for its receipt."""
        opening = f"{how} ngày {fmt(act.on)}."
        self.open(sending, "limit", act.day, opening)
        self.open("appeal_party", "decision", act.day, opening, slot="quyet_dinh", window=True)
        self.decision_awaits_receipt = True

    # -- trial, hearing, file --------------------------------------------------------------

    def on_BroughtToTrial(self, act: Any) -> None:
        opening = f"Quyết định đưa vụ án ra xét xử ngày {fmt(act.on)}."
        self.meet(
            "appeal_prepare" if self.in_appeal else "trial_prepare",
            act,
            "ra quyết định đưa vụ án ra xét xử",
        )
        self.open("appeal_open" if self.in_appeal else "trial_open", "limit", act.day, opening)
        self.extended["appeal_open" if self.in_appeal else "trial_open"] = []
        parameter = "appeal" if self.in_appeal else "limit"
        self.open("deliver_trial_decision", parameter, act.day, opening)
        self.scheduled = True

    def on_HearingScheduled(self, act: Any) -> None:
        opening = f"Quyết định mở phiên họp ngày {fmt(act.on)}."
        self.meet("petition_prepare", act, "ra quyết định mở phiên họp")
        self.open("hearing_open", "limit", act.day, opening)
        self.scheduled = True

    def on_FileSent(self, act: Any) -> None:
        parameter = (
            "appeal" if self.in_appeal else ("viec" if self.procedure == "viec" else "limit")
        )
        opening = f"Viện kiểm sát nhận hồ sơ ngày {fmt(act.on)}."
        self.open("study_file", parameter, act.day, opening)

    def on_FileReturned(self, act: Any) -> None:
        self.meet("study_file", act, "Viện kiểm sát trả hồ sơ")

    def on_SessionOpened(self, act: Any) -> None:
        for name in OPENING:
            self.meet(name, act, "mở phiên tòa, phiên họp")

    # -- first-instance judgment and decision -----------------------------------------------

    def on_Judged(self, act: Any) -> None:
        self.meet("trial_prepare", act, "tuyên án (không ghi nhận quyết định đưa ra xét xử)")
        self.meet("trial_open", act, "mở phiên tòa, tuyên án")
        opening = f"Tuyên án sơ thẩm ngày {fmt(act.on)}."
        self.open("deliver_judgment", "limit", act.day, opening)
        self.open("appeal_party", "judgment", act.day, opening, slot="ban_an", window=True)
        if act.prosecutor_present or not self.absent_receipt:
            for name in PROTESTS:
                self.open(name, "judgment", act.day, opening, slot="ban_an", window=True)
        else:
            self.judgment_awaits_receipt = True

    def on_PetitionDecided(self, act: Any) -> None:
        self.meet("petition_prepare", act, "ra quyết định giải quyết việc dân sự")
        self.meet("hearing_open", act, "mở phiên họp, ra quyết định")
        opening = f"Quyết định giải quyết việc dân sự ngày {fmt(act.on)}."
        for name in ("appeal_party", *PROTESTS):
            self.open(name, "viec", act.day, opening, slot="quyet_dinh", window=True)

    # -- appeals and protests -----------------------------------------------------------------

    def _slot(self, name: str, against: str) -> str:
        """The window an appeal or protest uses: the one it names, or one about to open on the
        VKS's receipt; else the other one (a việc dân sự has only a decision's window)."""
        other = "quyet_dinh" if against == "ban_an" else "ban_an"
        waiting = (
            self.judgment_awaits_receipt if against == "ban_an" else self.decision_awaits_receipt
        )
        if self.get(name, against) is None and not waiting and self.get(name, other) is not None:
            return other
        return against

    def on_Appealed(self, act: Any) -> None:
        slot = self._slot("appeal_party", act.against)
        self.use_right("appeal_party", act, "đương sự kháng cáo", slot=slot)

    def on_Protested(self, act: Any) -> None:
        name = "protest_same_level" if act.level == "same" else "protest_superior"
        slot = self._slot(name, act.against)
        waiting = self.judgment_awaits_receipt if slot == "ban_an" else self.decision_awaits_receipt
        if self.get(name, slot) is None and waiting:
            # Protested before the VKS's receipt starts the time: in time whenever it starts.
            self.early[self.slot_key(name, slot)] = act
            return
        self.use_right(name, act, PROTESTED, slot=slot)

    def _protest_windows(self, parameter: str, day: date, opening: str, slot: str) -> None:
        for name in PROTESTS:
            self.open(name, parameter, day, opening, slot=slot, window=True)
            early = self.early.pop(self.slot_key(name, slot), None)
            if early is not None:
                self.use_right(name, early, PROTESTED, slot=slot)

    def on_AppealAccepted(self, act: Any) -> None:
        self.in_appeal = True
        self._prepare(act, f"Tòa án cấp phúc thẩm thụ lý ngày {fmt(act.on)}.")

    def on_AppealJudged(self, act: Any) -> None:
        self.meet(
            "appeal_prepare", act, "xét xử phúc thẩm (không ghi nhận quyết định đưa ra xét xử)"
        )
        self.meet("appeal_open", act, "mở phiên tòa, tuyên án phúc thẩm")
