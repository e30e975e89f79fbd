"""Custody (BLTTHS 2015 Điều 109–125, 173, 241, 278, 329, 347): the rules.

The commands are in `custody_commands.py`; the limit of a detention order in `detention.py`.

- `custody.hold` — Điều 118: 3 days (72 hours) from receiving the person; at most two
  extensions of at most 3 days each.
- `custody.hold_extension_approve` — Điều 118 k2: the VKS decides within 12 hours.
- `custody.detention` — by stage and crime category; 1 month = 30 days, the start day is day 1,
  days of tạm giữ are deducted, the end never moves (Điều 134, TTLT 04/2018 Điều 17); a person
  held past the end must be released (Điều 173 k7).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from qlahs.domain.criminal_case import CriminalCase
from qlahs.kernel.subject import Act, day_of
from qlahs.law.calendar import fmt
from qlahs.law.counting import Period, add_hours, custody_days, hold_period
from qlahs.law.crimes import CATEGORY_NAMES
from qlahs.law.deadlines import Deadline
from qlahs.stages.case.custody_commands import STAGE_NAMES
from qlahs.stages.case.detention import DETENTION, DetentionLimits

HOLD, APPROVE_HOLD = "custody.hold", "custody.hold_extension_approve"


@dataclass
class PersonCustody:
    hold_start: datetime | None = None
    held_days: int = 0
    hold_extensions: int = 0
    deducted: bool = False
    stage: str | None = None
    stage_days: int = 0
    detention_extensions: int = 0


class CustodyRules(DetentionLimits):
    """Custody clocks, one set per person."""

    def __init__(self, *args: Any):
        super().__init__(*args)
        self.custody: dict[str, PersonCustody] = {}

    def _of(self, person: str) -> PersonCustody:
        return self.custody.setdefault(person, PersonCustody())

    # -- tạm giữ ----------------------------------------------------------------------------

    def on_Held(self, act: CriminalCase.Held) -> None:
        start = _moment(act.on)
        self._of(act.person).hold_start = start
        self._of(act.person).hold_extensions = 0
        value = self.rulebook.value(HOLD, "summary_limit" if self.summary else "limit", act.day)
        opening = f"Tạm giữ từ {fmt(start)}."
        if not isinstance(act.on, datetime):
            opening += " Lệnh không ghi giờ nhận người: tính từ 00:00."
        deadline = self.open_deadline(HOLD, value, act.on, opening, person=act.person)
        deadline.breach = (
            "người bị tạm giữ chưa được trả tự do hoặc chuyển tạm giam khi hết thời hạn tạm giữ"
        )
        deadline.breach_article = value.article
        self.set_due(deadline, hold_period(start, value.value))

    def on_HoldExtended(self, act: CriminalCase.HoldExtended) -> None:
        deadline = self.deadlines.get(f"{HOLD}/{act.person}")
        if deadline is None or deadline.status != "open":
            return
        state = self._of(act.person)
        state.hold_extensions += 1
        times = self.rulebook.value(HOLD, "extension_count", act.day)
        most = self.rulebook.value(HOLD, "extension_days", act.day)
        if state.hold_extensions > times.value:
            self.violate(
                HOLD,
                times,
                "exceeds_limit",
                act,
                deadline.due,
                f"{deadline.ref}: gia hạn tạm giữ lần thứ {state.hold_extensions} "
                f"ngày {fmt(act.on)}; "
                f"chỉ được gia hạn {times.value} lần ({times.article}).",
                person=act.person,
            )
            return
        self.late_if_expired(deadline, act, "gia hạn tạm giữ")
        days = act.days
        if days > most.value:
            self.violate(
                HOLD,
                most,
                "exceeds_limit",
                act,
                deadline.due,
                f"{deadline.ref}: gia hạn tạm giữ {days} ngày, mỗi lần không quá {most.value} ngày "
                f"({most.article}).",
                person=act.person,
            )
            days = most.value
        assert isinstance(deadline.due, datetime)
        end = deadline.due + timedelta(hours=24 * days)
        deadline.explain(most.explain())
        self.set_due(
            deadline,
            Period(
                end,
                [
                    f"Ngày {fmt(act.on)} gia hạn tạm giữ lần {state.hold_extensions}: "
                    f"thêm {days} ngày = {24 * days} giờ → {fmt(end)}."
                ],
            ),
        )
        approve = self.rulebook.value(APPROVE_HOLD, "limit", act.day)
        request = self.open_deadline(
            APPROVE_HOLD,
            approve,
            act.on,
            f"Đề nghị phê chuẩn gia hạn tạm giữ lần {state.hold_extensions} gửi Viện kiểm sát "
            f"{fmt(act.on)}.",
            person=act.person,
        )
        self.set_due(request, add_hours(_moment(act.on), approve.value))

    def on_HoldExtensionApproved(self, act: CriminalCase.HoldExtensionApproved) -> None:
        self.close(APPROVE_HOLD, act, "phê chuẩn gia hạn tạm giữ", person=act.person)

    # -- tạm giam ---------------------------------------------------------------------------

    def on_Detained(self, act: CriminalCase.Detained) -> None:
        state = self._of(act.person)
        self._end_hold(act, "chuyển sang tạm giam")
        previous = self.deadlines.get(f"{DETENTION}/{act.person}")
        if previous is not None and previous.status == "open":
            self._hand_over(previous, act)
        if state.stage != act.stage:
            state.stage, state.stage_days, state.detention_extensions = act.stage, 0, 0
        cap = self._cap(act.stage, act.person, act.day)
        # Days already spent in tạm giữ count against the first detention (Điều 118 k4); an
        # order with a written end date has already left them out.
        held = state.held_days if act.stage == "investigation" and not state.deducted else 0
        state.deducted = state.deducted or bool(held)
        if act.until is not None:
            ordered = (act.until - act.day).days + 1
            total = ordered + held
        else:
            total = act.days if act.days is not None else 30 * (act.months or 0)
            ordered = total - held
        deadline = self.open_deadline(
            DETENTION,
            cap,
            act.day,
            f"Lệnh tạm giam {STAGE_NAMES[act.stage]} từ ngày {fmt(act.on)}.",
            person=act.person,
        )
        own = act.stage == "investigation"
        deadline.explain(self.category_line(self.person_category(act.person) if own else None))
        deadline.breach = "người bị tạm giam chưa được trả tự do khi hết thời hạn tạm giam"
        deadline.breach_article = "BLTTHS 2015 Điều 173 khoản 7"
        if held:
            deadline.explain(
                f"Trừ {held} ngày đã tạm giữ (Điều 118 k4): {total} − {held} = {total - held} ngày."
            )
        if total + state.stage_days > cap.value:
            self.violate(
                DETENTION,
                cap,
                "exceeds_limit",
                act,
                None,
                f"{deadline.ref}: lệnh tạm giam {STAGE_NAMES[act.stage]} {total} ngày, tổng vượt "
                f"{cap.value} ngày cho phép ({cap.article}).",
                person=act.person,
            )
            total = max(held, cap.value - state.stage_days)
            ordered = total - held
            deadline.explain(f"Vượt giới hạn: chỉ tính {ordered} ngày.")
        elif act.until is not None:
            self.set_due(
                deadline,
                Period(act.until, [f"Hết 24 giờ ngày ghi trong lệnh {fmt(act.until)} (Điều 134)."]),
            )
            state.stage_days += total
            return
        state.stage_days += total
        self.set_due(deadline, custody_days(act.day, ordered))

    def on_DetentionExtended(self, act: CriminalCase.DetentionExtended) -> None:
        deadline = self.deadlines.get(f"{DETENTION}/{act.person}")
        state = self._of(act.person)
        if deadline is None or deadline.status != "open" or state.stage is None:
            return
        state.detention_extensions += 1
        days = act.days if act.days is not None else 30 * (act.months or 0)
        if state.stage == "investigation":
            category = self.person_category(act.person)
            times = self.by_category(
                DETENTION, "investigation_extension_count", deadline.start, category
            )
            most = self._for_minor(
                self.by_category(DETENTION, "investigation_extension", deadline.start, category),
                act.person,
                act.day,
            )
            if state.detention_extensions > times.value:
                self.violate(
                    DETENTION,
                    times,
                    "exceeds_limit",
                    act,
                    deadline.due,
                    f"{deadline.ref}: gia hạn tạm giam để điều tra lần thứ "
                    f"{state.detention_extensions}; tội phạm {CATEGORY_NAMES[category]} "
                    "chỉ được gia hạn "
                    f"{times.value} lần ({times.article}).",
                    person=act.person,
                )
                return
            if days > most.value:
                self.violate(
                    DETENTION,
                    most,
                    "exceeds_limit",
                    act,
                    deadline.due,
                    f"{deadline.ref}: gia hạn tạm giam {days} ngày, quá {most.value} ngày mỗi lần "
                    f"với tội phạm {CATEGORY_NAMES[category]} ({most.article}).",
                    person=act.person,
                )
                days = most.value
        else:
            cap = self._cap(state.stage, act.person, act.day)
            if state.stage_days + days > cap.value:
                self.violate(
                    DETENTION,
                    cap,
                    "exceeds_limit",
                    act,
                    deadline.due,
                    f"{deadline.ref}: gia hạn tạm giam {STAGE_NAMES[state.stage]} thêm {days} "
                    f"ngày, tổng vượt {cap.value} ngày ({cap.article}).",
                    person=act.person,
                )
                days = max(0, cap.value - state.stage_days)
        self.late_if_expired(deadline, act, "gia hạn tạm giam")
        state.stage_days += days
        end = day_of(deadline.due) + timedelta(days=days)
        self.set_due(
            deadline,
            Period(
                end,
                [
                    f"Ngày {fmt(act.on)} gia hạn tạm giam thêm {days} ngày, liên tục từ sau "
                    f"ngày {fmt(deadline.due)} → hết ngày {fmt(end)}."
                ],
            ),
        )

    def on_Released(self, act: CriminalCase.Released) -> None:
        self._end_hold(act, "trả tự do")
        self.close(DETENTION, act, "trả tự do", person=act.person)
        self._of(act.person).stage = None

    # -- helpers ----------------------------------------------------------------------------

    def _end_hold(self, act: Act, what: str) -> None:
        person = getattr(act, "person", "")
        state = self._of(person)
        deadline = self.deadlines.get(f"{HOLD}/{person}")
        if deadline is None or deadline.status != "open" or state.hold_start is None:
            return
        self.close(HOLD, act, what, person=person)
        state.held_days += (act.day - state.hold_start.date()).days
        state.hold_start = None

    def _hand_over(self, previous: Deadline, act: Act) -> None:
        """A new order for the next stage must take over no later than the day after the
        previous one ends; otherwise the person was held without an order."""
        if act.day <= day_of(previous.due) + timedelta(days=1):
            previous.status, previous.closed_on = "met", act.day
            previous.explain(f"Ngày {fmt(act.on)} lệnh tạm giam mới tiếp nối.")
        else:
            self.close(DETENTION, act, "lệnh tạm giam mới", person=getattr(act, "person", None))


def _moment(on: date) -> datetime:
    return on if isinstance(on, datetime) else datetime.combine(on, time())
