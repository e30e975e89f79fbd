"""The time limits of complaints and denunciations (BLTTHS 2015 Điều 471–483), judged over a
complaint's acts. The values are the rule files of `rules/`; docs/vocabulary-complaints.md
names every obligation.
"""

from __future__ import annotations

from datetime import date, timedelta

from qlahs.domain.complaint import FINAL_FIRST, REQUEST_NAMES, Complaint
from qlahs.kernel.subject import day_of
from qlahs.law.calendar import fmt
from qlahs.law.counting import count
from qlahs.law.fold import Fold

TIME_BAR = "complaint.time_bar"
RESOLVE = "complaint.resolve"
RESOLVE_CUSTODY = "complaint.resolve_custody"
FORWARD = "complaint.forward_custody"
FURTHER = "complaint.further"
RESOLVE_FURTHER = "complaint.resolve_further"
DENUNCIATION = "complaint.resolve_denunciation"
SUPERVISION = "complaint.supervision_answer"
RESOLUTIONS = (RESOLVE, RESOLVE_CUSTODY, DENUNCIATION, RESOLVE_FURTHER)
# kinds of supervision acts answered within the longer limit (kiến nghị, kháng nghị)
RECOMMENDATIONS = frozenset({"kien_nghi", "khang_nghi"})
# requests to check one's own handling or hand over the file: 15 days, not 7 (TTLT 02/2018 Điều 15)
REVIEWS = frozenset({"tu_kiem_tra", "cung_cap_ho_so"})


class ComplaintRules(Fold):
    """One complaint or denunciation: its window, its resolution, the procuracy's requests."""

    nature = object_ = against = ""
    resolution = ""  # the rule of the resolution now owed
    extended = False

    def on_Received(self, act: Complaint.Received) -> None:
        self.ref, self.unit = act.ref, act.unit
        self.nature, self.object_, self.against = act.nature, act.object, act.against_level
        complaint = self.nature == "khieu_nai"
        if complaint and act.known_on is not None and not self._in_time(act):
            return  # out of time: not accepted, no resolution owed (docs/law-readings.md)
        if complaint and self._custody() and act.received_by in ("CQDT", "CQ_KHAC"):
            value = self.rulebook.value(FORWARD, "hours", act.day)
            deadline = self.open_deadline(FORWARD, value, act.on, f"Nhận khiếu nại {fmt(act.on)}.")
            self.set_due(deadline, count("hours", act.on, value.value, self.calendar))
            return
        self._open_resolution(act.on)

    def on_Transferred(self, act: Complaint.Transferred) -> None:
        if self.close(FORWARD, act, "chuyển khiếu nại cho Viện kiểm sát") is not None:
            # the procuracy resolves from the moment it receives the complaint (Điều 474 k1)
            self._open_resolution(act.on)

    def on_Extended(self, act: Complaint.Extended) -> None:
        deadline = self.deadlines.get(self.resolution)
        if deadline is None or deadline.status != "open":
            return
        parameter = self._longer()
        if parameter is None or self.extended:
            value = self.rulebook.value(self.resolution, self._parameter(), act.day)
            self.violate(
                self.resolution,
                value,
                "exceeds_limit",
                act,
                deadline.due,
                f"{self.ref}: kéo dài thời hạn giải quyết ngày {fmt(act.on)} khi pháp luật không "
                f"cho kéo dài thêm ({value.article}).",
            )
            return
        self.late_if_expired(deadline, act, "kéo dài thời hạn giải quyết")
        self.extended = True
        value = self.rulebook.value(self.resolution, parameter, act.day)
        deadline.explain(f"Ngày {fmt(act.on)} kéo dài thời hạn giải quyết ({act.reason}).")
        deadline.explain(value.explain())
        for line in value.quote_lines():
            deadline.explain(line)
        self.set_due(deadline, count("days", deadline.start, value.value, self.calendar), value)

    def on_Resolved(self, act: Complaint.Resolved) -> None:
        first = self.resolution != RESOLVE_FURTHER
        self.close(self.resolution, act, "giải quyết")
        if not first or self.nature != "khieu_nai" or act.outcome == "tra_lai":
            return
        if self.against in FINAL_FIRST:
            return  # the first decision is final: no further complaint (Điều 474–477)
        value = self.rulebook.value(FURTHER, "limit", act.day)
        window = self.open_deadline(
            FURTHER, value, act.day, f"Quyết định giải quyết khiếu nại {fmt(act.on)}.", window=True
        )
        self.set_due(window, count("days", act.day, value.value, self.calendar))

    def on_ComplainedFurther(self, act: Complaint.ComplainedFurther) -> None:
        window = self.deadlines.get(FURTHER)
        received = act.decision_received_on
        if window is not None and window.status == "open" and received is not None:
            value = self.rulebook.value(FURTHER, "limit", received)
            window.start = received
            window.explain(f"Người khiếu nại nhận quyết định giải quyết ngày {fmt(received)}.")
            self.set_due(window, count("days", received, value.value, self.calendar))
        closed = self.close(FURTHER, act, "khiếu nại tiếp")
        if closed is None or closed.status != "met":
            return  # out of time: not accepted (docs/law-readings.md)
        self.resolution = RESOLVE_FURTHER
        parameter = "giu_nguoi" if self._custody() else self.against
        value = self.rulebook.value(RESOLVE_FURTHER, parameter, act.day)
        deadline = self.open_deadline(
            RESOLVE_FURTHER, value, act.on, f"Nhận khiếu nại tiếp {fmt(act.on)}."
        )
        self.set_due(deadline, count("days", act.on, value.value, self.calendar))

    def on_Withdrawn(self, act: Complaint.Withdrawn) -> None:
        for rule in (*RESOLUTIONS, FORWARD):
            self.cancel(rule, act, "người khiếu nại, tố cáo rút đơn")

    def on_SupervisionRequested(self, act: Complaint.SupervisionRequested) -> None:
        parameter = (
            "recommendation"
            if act.request_kind in RECOMMENDATIONS
            else "review"
            if act.request_kind in REVIEWS
            else "request"
        )
        value = self.rulebook.value(SUPERVISION, parameter, act.day)
        deadline = self.open_deadline(
            SUPERVISION,
            value,
            act.day,
            f"{REQUEST_NAMES[act.request_kind]} của Viện kiểm sát ngày {fmt(act.on)}.",
            person=act.request,
        )
        self.set_due(deadline, count("days", act.day, value.value, self.calendar))

    def on_Answered(self, act: Complaint.Answered) -> None:
        self.close(SUPERVISION, act, "trả lời Viện kiểm sát", person=act.request)

    # -- helpers ---------------------------------------------------------------------------

    def _custody(self) -> bool:
        return self.object_ == "giu_nguoi"

    def _in_time(self, act: Complaint.Received) -> bool:
        """The 15-day right to complain (Điều 471), hindered days not counted (k2)."""
        assert act.known_on is not None
        value = self.rulebook.value(TIME_BAR, "limit", act.known_on)
        window = self.open_deadline(
            TIME_BAR,
            value,
            act.known_on,
            f"Người khiếu nại nhận được hoặc biết quyết định, hành vi tố tụng ngày "
            f"{fmt(act.known_on)}.",
            window=True,
        )
        start = act.known_on + timedelta(days=act.hindered_days)
        period = count("days", start, value.value, self.calendar)
        if act.hindered_days:
            window.explain(
                f"{act.hindered_days} ngày bất khả kháng, trở ngại khách quan không tính vào "
                f"thời hiệu (Điều 471 khoản 2): tính từ ngày {fmt(start)}."
            )
        self.set_due(window, period)
        closed = self.close(TIME_BAR, act, "nộp đơn khiếu nại")
        return closed is not None and closed.status == "met"

    def _parameter(self) -> str:
        """The parameter of the resolution now owed, before any extension."""
        if self.nature == "to_cao":
            return "custody_hours" if self._custody() else "base"
        if self._custody():
            return self.against if self.against in ("vien_truong", "chanh_an") else "hours"
        return self.against

    def _longer(self) -> str | None:
        """The parameter an extension moves to, if the law has one (Điều 474 k1, 481 k3–4)."""
        return {
            (RESOLVE_CUSTODY, "hours"): "verification_days",
            (DENUNCIATION, "custody_hours"): "custody_verification_days",
            (DENUNCIATION, "base"): "complex",
        }.get((self.resolution, self._parameter()))

    def _open_resolution(self, start: date) -> None:
        if self.nature == "to_cao":
            self.resolution = DENUNCIATION
        else:
            self.resolution = RESOLVE_CUSTODY if self._custody() else RESOLVE
        parameter = self._parameter()
        value = self.rulebook.value(self.resolution, parameter, day_of(start))
        deadline = self.open_deadline(self.resolution, value, start, self._opening(start))
        self.set_due(deadline, count(value.unit or "days", start, value.value, self.calendar))

    def _opening(self, start: date) -> str:
        what = "tố cáo" if self.nature == "to_cao" else "khiếu nại"
        return f"Nhận {what} {fmt(start)}."
