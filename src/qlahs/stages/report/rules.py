"""The obligations a crime report creates, and how its acts are judged.

- `report.notify_procuracy` — Điều 146 k5: the investigating body notifies the VKS within
  3 days of receipt.
- `report.resolve` — Điều 147–149: 20 days; the body may extend to 2 months from receipt; the
  VKS may extend once by at most 2 months from the end of those 2 months (after which the
  body can no longer extend on its own); a suspension is allowed only once the limit has run
  out; after a resumption or a cancelled suspension a new 1-month period runs.
- `report.extension_request` — Điều 147 k2: the request reaches the VKS at least 5 days before
  the period ends.
"""

from __future__ import annotations

from datetime import date

from qlahs.domain.crime_report import BODY_NAMES, GROUND_NAMES, CrimeReport
from qlahs.kernel.subject import Act, day_of
from qlahs.law.calendar import fmt
from qlahs.law.counting import Period, count
from qlahs.law.fold import Fold

NOTIFY, RESOLVE, REQUEST = "report.notify_procuracy", "report.resolve", "report.extension_request"

# Bodies whose receipt starts the clocks; commune police only pass reports on (TTLT 01/2017 Đ8).
COMPETENT = {"CQDT", "CQ_KHAC", "VKS", "CQDT_VKSTC"}
MUST_NOTIFY = {"CQDT", "CQ_KHAC", "CQDT_VKSTC"}


class ReportRules(Fold):
    """Fold over one report's acts."""

    ref = ""
    unit = ""
    clock_start: date | None = None
    vks_extensions = 0
    new_period = False  # after a resumption or a cancelled suspension no extension is allowed

    # -- receipt and notice ---------------------------------------------------------------

    def on_Received(self, act: CrimeReport.Received) -> None:
        self.ref, self.unit = act.ref, act.unit
        if act.received_by in COMPETENT:
            self._start_clocks(act.day, act.received_by, f"{BODY_NAMES[act.received_by]} tiếp nhận")

    def on_Transferred(self, act: CrimeReport.Transferred) -> None:
        if self.clock_start is None and act.to in COMPETENT:
            self._start_clocks(
                act.day, act.to, f"{BODY_NAMES[act.to]} nhận nguồn tin được chuyển đến"
            )

    def _start_clocks(self, day: date, body: str, how: str) -> None:
        self.clock_start = day
        base = self.rulebook.value(RESOLVE, "base", day)
        resolve = self.open_deadline(RESOLVE, base, day, f"{how} ngày {fmt(day)}.")
        self.set_due(resolve, count("days", day, base.value, self.calendar))
        if body in MUST_NOTIFY:
            limit = self.rulebook.value(NOTIFY, "limit", day)
            notify = self.open_deadline(NOTIFY, limit, day, f"{how} ngày {fmt(day)}.")
            self.set_due(notify, count("days", day, limit.value, self.calendar))

    def on_ProcuracyNotified(self, act: Act) -> None:
        self.close(NOTIFY, act, "thông báo cho Viện kiểm sát")

    # -- extensions -------------------------------------------------------------------------

    def on_Extended(self, act: CrimeReport.Extended) -> None:
        resolve = self.deadlines.get(RESOLVE)
        if resolve is None or self.clock_start is None:
            return
        cap_rule = self.rulebook.value(RESOLVE, "body_extension_total", self.clock_start)
        if self.new_period:
            self.violate(
                RESOLVE,
                cap_rule,
                "exceeds_limit",
                act,
                resolve.due,
                f"{self.ref}: Cơ quan điều tra kéo dài thời hạn ngày {fmt(act.on)} sau khi đã "
                f"phục hồi hoặc bị hủy tạm đình chỉ; thời hạn mới không được kéo dài "
                f"({cap_rule.article}; Điều 148 k2, Điều 149).",
            )
            return
        if self.vks_extensions > 0:
            # Once the VKS has extended (Đ147 k2, second sentence) the body's own power to
            # extend within 2 months of receipt is spent: its act changes nothing, and must not
            # shorten the period the VKS granted.
            self.violate(
                RESOLVE,
                cap_rule,
                "exceeds_limit",
                act,
                resolve.due,
                f"{self.ref}: Cơ quan điều tra kéo dài thời hạn ngày {fmt(act.on)} sau khi Viện "
                f"kiểm sát đã gia hạn; Cơ quan điều tra chỉ được kéo dài không quá "
                f"{cap_rule.value} tháng kể từ ngày nhận nguồn tin ({cap_rule.article}).",
            )
            resolve.explain(
                f"Ngày {fmt(act.on)} Cơ quan điều tra kéo dài thời hạn sau khi Viện kiểm sát đã "
                f"gia hạn: không có hiệu lực, hạn vẫn là {fmt(resolve.due)}."
            )
            return
        self.late_if_expired(resolve, act, "kéo dài thời hạn giải quyết")
        cap = count("months", self.clock_start, cap_rule.value, self.calendar)
        resolve.explain(cap_rule.explain())
        if act.until is None:
            resolve.explain(
                f"Ngày {fmt(act.on)} Cơ quan điều tra kéo dài thời hạn đến mức tối đa "
                f"{cap_rule.value} tháng kể từ ngày nhận nguồn tin."
            )
            self.set_due(resolve, cap, cap_rule)
            return
        wanted = self.calendar.roll_forward(act.until)[0]
        if wanted > cap.end:
            self.violate(
                RESOLVE,
                cap_rule,
                "exceeds_limit",
                act,
                cap.end,
                f"{self.ref}: Cơ quan điều tra kéo dài thời hạn đến {fmt(act.until)}, quá "
                f"{cap_rule.value} tháng kể từ ngày nhận nguồn tin (tối đa {fmt(cap.end)}; "
                f"{cap_rule.article}).",
            )
            resolve.explain(
                f"Kéo dài đến {fmt(act.until)} vượt giới hạn: chỉ tính đến {fmt(cap.end)}."
            )
            self.set_due(resolve, cap, cap_rule)
            return
        resolve.explain(
            f"Ngày {fmt(act.on)} Cơ quan điều tra kéo dài thời hạn đến {fmt(act.until)}."
        )
        self.set_due(resolve, Period(wanted, self.calendar_note(act.until, wanted)), cap_rule)

    def on_ExtensionRequested(self, act: Act) -> None:
        resolve = self.deadlines.get(RESOLVE)
        if resolve is None:
            return
        rule = self.rulebook.value(REQUEST, "before_end", day_of(resolve.start))
        # The obligation is known from the start of the period it would extend.
        request = self.open_deadline(
            REQUEST,
            rule,
            resolve.start,
            f"Thời hạn giải quyết hiện tại hết ngày {fmt(resolve.due)}.",
        )
        self.set_due(request, count("days_before_end", resolve.due, rule.value, self.calendar))
        self.close(REQUEST, act, "gửi văn bản đề nghị gia hạn")

    def on_ExtensionGranted(self, act: CrimeReport.ExtensionGranted) -> None:
        resolve = self.deadlines.get(RESOLVE)
        if resolve is None or self.clock_start is None:
            return
        limit = self.rulebook.value(RESOLVE, "procuracy_extension", self.clock_start)
        times = self.rulebook.value(RESOLVE, "procuracy_extension_count", self.clock_start)
        self.vks_extensions += 1
        if self.new_period or self.vks_extensions > times.value:
            self.violate(
                RESOLVE,
                times,
                "exceeds_limit",
                act,
                resolve.due,
                f"{self.ref}: Viện kiểm sát gia hạn lần thứ {self.vks_extensions} ngày "
                f"{fmt(act.on)}; chỉ được gia hạn {times.value} lần và không gia hạn thời hạn "
                f"mới sau phục hồi ({times.article}).",
            )
            return
        self.late_if_expired(resolve, act, "gia hạn thời hạn giải quyết")
        # The extension runs from the last day of the period it extends, after any move to a
        # working day (ARCHITECTURE, "Counting time"); normally the body's 2-month period.
        base_end = resolve.due
        cap = count("months", base_end, limit.value, self.calendar)
        resolve.explain(limit.explain())
        months = act.months if act.months is not None else (None if act.until else limit.value)
        if months is not None:
            granted = count("months", base_end, months, self.calendar)
            how = f"gia hạn {months} tháng kể từ ngày hết thời hạn {fmt(base_end)}"
        else:
            assert act.until is not None
            end = self.calendar.roll_forward(act.until)[0]
            granted = Period(end, self.calendar_note(act.until, end))
            how = f"gia hạn đến {fmt(act.until)}"
        if granted.end > cap.end:
            self.violate(
                RESOLVE,
                limit,
                "exceeds_limit",
                act,
                cap.end,
                f"{self.ref}: Viện kiểm sát {how}, quá {limit.value} tháng kể từ ngày hết thời "
                f"hạn {fmt(base_end)} (tối đa {fmt(cap.end)}; {limit.article}).",
            )
            granted = cap
            how += f" — vượt giới hạn, chỉ tính đến {fmt(cap.end)}"
        resolve.explain(f"Ngày {fmt(act.on)} Viện kiểm sát {how}.")
        self.set_due(resolve, granted, limit)

    # -- suspension and resumption ----------------------------------------------------------

    def on_Suspended(self, act: CrimeReport.Suspended) -> None:
        resolve = self.deadlines.get(RESOLVE)
        if resolve is None or resolve.status != "open":
            return
        rule = self.rulebook.value(RESOLVE, "suspension_after_expiry", day_of(resolve.start))
        ground = GROUND_NAMES.get(act.ground, act.ground)
        if act.day < resolve.due and (resolve.due - act.day).days > rule.value:
            self.violate(
                RESOLVE,
                rule,
                "premature",
                act,
                resolve.due,
                f"{self.ref}: tạm đình chỉ việc giải quyết ngày {fmt(act.on)} ({ground}) khi "
                f"thời hạn giải quyết chưa hết (hết ngày {fmt(resolve.due)}); chỉ được tạm đình "
                f"chỉ khi đã hết thời hạn ({rule.article}).",
            )
        self.late_if_expired(resolve, act, "tạm đình chỉ việc giải quyết")
        resolve.status = "suspended"
        resolve.explain(
            f"Ngày {fmt(act.on)} tạm đình chỉ việc giải quyết ({ground}): thời hạn dừng lại."
        )

    def on_SuspensionCancelled(self, act: Act) -> None:
        self._new_period(
            act, "after_cancelled_suspension", "Viện kiểm sát hủy quyết định tạm đình chỉ"
        )

    def on_Resumed(self, act: Act) -> None:
        self._new_period(act, "after_resumption", "phục hồi giải quyết")

    def _new_period(self, act: Act, parameter: str, how: str) -> None:
        resolve = self.deadlines.get(RESOLVE)
        if resolve is None:
            return
        rule = self.rulebook.value(RESOLVE, parameter, act.day)
        self.new_period = True
        resolve.status = "open"
        resolve.start = act.day
        resolve.explain(
            f"Ngày {fmt(act.on)} {how}: thời hạn mới {rule.value} tháng, "
            "không phải phần còn lại của thời hạn cũ."
        )
        resolve.explain(rule.explain())
        self.set_due(resolve, count("months", act.day, rule.value, self.calendar), rule)

    # -- decision ---------------------------------------------------------------------------

    def on_Decided(self, act: Act) -> None:
        self.close(RESOLVE, act, "ra quyết định giải quyết nguồn tin")
