"""Building blocks of the court procedure's rules: deadlines kept under a slot (a judgment's
window apart from a decision's), met on a given day (the court's dispatch day), rights used in
time or late, extensions capped by the data."""

from __future__ import annotations

from datetime import date

from qlahs.kernel.subject import Act
from qlahs.law.calendar import fmt
from qlahs.law.counting import Period, count
from qlahs.law.deadlines import Deadline, days_late, is_late
from qlahs.law.fold import Fold
from qlahs.law.rulebook import InForce

CRIMINAL, CIVIL = "(Điều 134)", "(Bộ luật Dân sự 2015 Điều 148)"


class CourtFold(Fold):
    """The helpers; `prefix` names the stage's obligations (`civil`, `admin`)."""

    prefix = ""

    def set_due(self, deadline: Deadline, period: Period, value: InForce | None = None) -> None:
        """As every rule does, but a day off at the end moves it under the Civil Code (BLDS
        Điều 148, applied by BLTTDS Điều 183 and Luật TTHC Điều 116 k5), not BLTTHS Điều 134."""
        period.lines = [line.replace(CRIMINAL, CIVIL) for line in period.lines]
        super().set_due(deadline, period, value)

    def rule(self, name: str) -> str:
        return f"{self.prefix}.{name}"

    def has(self, name: str) -> bool:
        return self.rule(name) in self.rulebook.rules

    def slot_key(self, name: str, slot: str = "") -> str:
        return f"{self.rule(name)}#{slot}" if slot else self.rule(name)

    def get(self, name: str, slot: str = "") -> Deadline | None:
        return self.deadlines.get(self.slot_key(name, slot))

    def open(
        self,
        name: str,
        parameter: str,
        start: date,
        opening: str,
        *,
        slot: str = "",
        window: bool = False,
    ) -> Deadline | None:
        """Open the obligation `name` from `start` with the value of `parameter`; none when
        the stage has no such rule or value."""
        if not self.has(name):
            return None
        value = self.rulebook.find(self.rule(name), parameter, start)
        if value is None:
            return None
        rule = self.rule(name)
        kept = self.deadlines.pop(rule, None)
        deadline = self.open_deadline(rule, value, start, opening, window=window)
        if slot:
            self.deadlines[self.slot_key(name, slot)] = self.deadlines.pop(rule)
            if kept is not None:
                self.deadlines[rule] = kept
        self.set_due(deadline, count(value.unit or "days", start, value.value, self.calendar))
        return deadline

    def meet(
        self, name: str, act: Act, what: str, *, slot: str = "", day: date | None = None
    ) -> Deadline | None:
        """The act that meets the obligation, judged on `day` (the act's own by default)."""
        deadline = self.get(name, slot)
        if deadline is None or deadline.status not in ("open", "suspended"):
            return None
        on = day if day is not None else act.on
        deadline.closed_on = act.day
        if not is_late(on, deadline.due):
            deadline.status = "met"
            deadline.explain(f"Ngày {fmt(on)} {what}: đúng hạn.")
            return deadline
        deadline.status = "missed"
        late = days_late(on, deadline.due)
        deadline.explain(f"Ngày {fmt(on)} {what}: chậm {late} ngày.")
        self.breach(
            deadline,
            "late",
            act,
            late,
            f"{what} ngày {fmt(on)}, chậm {late} ngày so với hạn cuối {fmt(deadline.due)}",
        )
        return deadline

    def use_right(self, name: str, act: Act, what: str, *, slot: str = "") -> None:
        """A right (an objection, an appeal, a protest) used: in time it is met, after its
        window a late violation; a second use in time changes nothing."""
        if self.meet(name, act, what, slot=slot) is not None:
            return
        window = self.get(name, slot)
        if window is None or not is_late(act.on, window.due):
            return
        late = days_late(act.on, window.due)
        self.breach(window, "late", act, late, f"{what} ngày {fmt(act.on)}, quá hạn {late} ngày")

    def drop(self, name: str, act: Act, why: str, *, slot: str = "") -> None:
        self.cancel(self.slot_key(name, slot), act, why)

    def halt(self, name: str, act: Act, what: str) -> None:
        """A suspension: the clock of `name` stops (late if it had already run out)."""
        deadline = self.get(name)
        if deadline is None or deadline.status != "open":
            return
        self.late_if_expired(deadline, act, what)
        deadline.status = "suspended"
        deadline.explain(f"Ngày {fmt(act.on)} {what}: thời hạn dừng lại.")

    def end(self, name: str, act: Act, what: str) -> None:
        """A dismissal: the obligation falls away (late if it had already run out)."""
        deadline = self.get(name)
        if deadline is None or deadline.status not in ("open", "suspended"):
            return
        if deadline.status == "open":
            self.late_if_expired(deadline, act, what)
        self.cancel(self.rule(name), act, what)

    def extend(
        self,
        name: str,
        act: Act,
        months: int,
        most: int,
        basis: InForce,
        times: InForce | None,
        done: list[int],
    ) -> None:
        """An extension by `months`, counted from the last day of the period it extends (after
        any move): at most `most` months in all and `times` extensions (`basis` is the value
        the cap comes from); `done` keeps the months granted so far."""
        deadline = self.get(name)
        if deadline is None or deadline.status != "open":
            return
        if times is not None and len(done) >= times.value:
            self.violate(
                self.rule(name),
                times,
                "exceeds_limit",
                act,
                deadline.due,
                f"{self.ref}: gia hạn lần thứ {len(done) + 1} ngày {fmt(act.on)}; chỉ được gia "
                f"hạn {times.value} lần ({times.article}).",
            )
            return
        self.late_if_expired(deadline, act, "gia hạn")
        if sum(done) + months > most:
            self.violate(
                self.rule(name),
                basis,
                "exceeds_limit",
                act,
                deadline.due,
                f"{self.ref}: gia hạn {months} tháng ngày {fmt(act.on)}, quá mức tối đa "
                f"{most} tháng ({basis.article}).",
            )
            months = max(0, most - sum(done))
        done.append(months)
        if months == 0:
            deadline.explain(f"Ngày {fmt(act.on)} gia hạn vượt giới hạn: hạn không đổi.")
            return
        deadline.explain(basis.explain())
        deadline.explain(
            f"Ngày {fmt(act.on)} gia hạn {months} tháng, tính từ ngày cuối của thời hạn "
            f"{fmt(deadline.due)}."
        )
        self.set_due(deadline, count("months", deadline.due, months, self.calendar), basis)
