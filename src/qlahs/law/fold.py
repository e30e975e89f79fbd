"""The base of every stage's rules: a fold over one subject's acts that keeps its deadlines
and the violations the acts reveal (law/deadlines.py says how they are judged as of a date).
"""

from __future__ import annotations

from datetime import date, datetime

from qlahs.kernel.subject import Act
from qlahs.law.calendar import Calendar, fmt
from qlahs.law.counting import Period, count
from qlahs.law.deadlines import Deadline, Kind, Violation, days_late, is_late, key
from qlahs.law.rulebook import InForce, RuleBook


class Fold:
    """Base of a subject's rules: feed it acts in order; it keeps deadlines and violations.

    Deadlines are keyed by obligation, or obligation and person (`custody.detention/BC1`).
    """

    ref = ""
    unit = ""

    def __init__(self, rulebook: RuleBook, calendar: Calendar):
        self.rulebook, self.calendar = rulebook, calendar
        self.deadlines: dict[str, Deadline] = {}
        self.violations: list[Violation] = []

    def apply(self, act: Act) -> None:
        """Call every handler of the act: `on_<Event>`, and `on_<Event>__<part>` of the rules
        of each stage a composite fold is made of."""
        for name in _handlers(type(self), type(act).__name__):
            getattr(self, name)(act)

    def snapshot(self) -> tuple[list[Deadline], list[Violation]]:
        return [d.copy() for d in self.deadlines.values()], list(self.violations)

    # -- building blocks of every rule -----------------------------------------------------

    def open_deadline(
        self,
        rule: str,
        value: InForce,
        start: date,
        opening: str,
        *,
        person: str | None = None,
        window: bool = False,
        stated: bool = True,
    ) -> Deadline:
        """A new deadline (replacing an earlier one of the same key), explained from the start;
        `stated=False` leaves out the value's line (a value that only says the law sets none)."""
        deadline = Deadline(
            ref=f"{self.ref}/{person}" if person else self.ref,
            rule=rule,
            article=value.article,
            unit=self.unit,
            responsible=self.rulebook[rule].responsible,
            start=start,
            due=start,
            window=window,
        )
        deadline.explain(opening)
        if stated:
            deadline.explain(value.explain())
        for line in value.quote_lines():
            deadline.explain(line)
        self.deadlines[key(rule, person)] = deadline
        return deadline

    def open_set_by_document(
        self,
        rule: str,
        value: InForce,
        start: date,
        opening: str,
        *,
        within: int | None,
        by: date | None = None,
        person: str | None = None,
    ) -> Deadline | None:
        """A deadline whose days the law does not set: the document sets them, as a number of
        days from its date (Điều 134) or as a last day (moved off a day off). A document that
        sets neither opens none: it is followed until answered (docs/law-readings.md)."""
        if within is None and by is None:
            return None
        deadline = self.open_deadline(rule, value, start, opening, person=person, stated=False)
        deadline.explain(
            f"Luật không quy định số ngày ({value.article}, độ tin cậy {value.confidence}): "
            "hạn trả lời là hạn ấn định trong văn bản."
        )
        if within is not None:
            deadline.explain(f"Văn bản ấn định trả lời trong {within} ngày.")
            self.set_due(deadline, count("days", start, within, self.calendar))
            return deadline
        assert by is not None
        end = self.calendar.roll_forward(by)[0]
        deadline.explain(f"Văn bản ấn định trả lời trước hết ngày {fmt(by)}.")
        self.set_due(deadline, Period(end, self.calendar_note(by, end)))
        return deadline

    def set_due(self, deadline: Deadline, period: Period, value: InForce | None = None) -> None:
        for line in period.lines:
            deadline.explain(line)
        deadline.due = period.end
        if value is not None:
            deadline.article = value.article
        when = "lúc" if isinstance(period.end, datetime) else "ngày"
        deadline.explain(f"Hạn cuối: hết {when} {fmt(period.end)}.")

    def close(
        self, rule: str, act: Act, what: str, *, person: str | None = None
    ) -> Deadline | None:
        """The act that meets the obligation: on time, or late (a `late` violation)."""
        deadline = self.deadlines.get(key(rule, person))
        if deadline is None or deadline.status not in ("open", "suspended"):
            return None
        deadline.closed_on = act.day
        if not is_late(act.on, deadline.due):
            deadline.status = "met"
            deadline.explain(f"Ngày {fmt(act.on)} {what}: đúng hạn.")
            return deadline
        deadline.status = "missed"
        late = days_late(act.on, deadline.due)
        deadline.explain(f"Ngày {fmt(act.on)} {what}: chậm {late} ngày.")
        self.breach(
            deadline,
            "late",
            act,
            late,
            f"{what} ngày {fmt(act.on)}, chậm {late} ngày so với hạn cuối {fmt(deadline.due)}",
        )
        return deadline

    def cancel(self, rule: str, act: Act, why: str, *, person: str | None = None) -> None:
        """The obligation fell away (the case left the stage some other way)."""
        deadline = self.deadlines.get(key(rule, person))
        if deadline is not None and deadline.status in ("open", "suspended"):
            deadline.status = "cancelled"
            deadline.closed_on = act.day
            deadline.explain(f"Ngày {fmt(act.on)} {why}: nghĩa vụ không còn.")

    def late_if_expired(self, deadline: Deadline, act: Act, what: str) -> None:
        """An extension or suspension that comes after the limit ran out leaves days during
        which the subject was overdue: that is a late act on the obligation."""
        if not is_late(act.on, deadline.due):
            return
        late = days_late(act.on, deadline.due)
        self.breach(
            deadline,
            "late",
            act,
            late,
            f"{what} ngày {fmt(act.on)} khi thời hạn đã hết {fmt(deadline.due)} (chậm {late} ngày)",
        )

    def breach(self, deadline: Deadline, kind: Kind, act: Act, days: int | None, what: str) -> None:
        """A violation of `deadline` revealed by `act`; the message ends with the article."""
        article = deadline.breach_article or deadline.article
        self.violations.append(
            Violation(
                ref=deadline.ref,
                rule=deadline.rule,
                article=article,
                kind=kind,
                unit=self.unit,
                due=deadline.due,
                happened_on=act.day,
                days_overdue=days,
                message=f"{deadline.ref}: {what} ({article}).",
            )
        )

    def violate(
        self,
        rule: str,
        value: InForce,
        kind: Kind,
        act: Act,
        due: date | None,
        message: str,
        *,
        person: str | None = None,
    ) -> None:
        self.violations.append(
            Violation(
                ref=f"{self.ref}/{person}" if person else self.ref,
                rule=rule,
                article=value.article,
                kind=kind,
                unit=self.unit,
                due=due,
                happened_on=act.day,
                days_overdue=None,
                message=message,
            )
        )

    def calendar_note(self, written: date, end: date) -> list[str]:
        if written == end:
            return []
        return [
            f"Ngày {fmt(written)} là ngày nghỉ ({self.calendar.describe(written)}): "
            f"lùi sang {fmt(end)} (Điều 134)."
        ]


_HANDLERS: dict[tuple[type, str], tuple[str, ...]] = {}


def _handlers(fold: type[Fold], event: str) -> tuple[str, ...]:
    found = _HANDLERS.get((fold, event))
    if found is None:
        prefix = f"on_{event}"
        found = tuple(n for n in dir(fold) if n == prefix or n.startswith(prefix + "__"))
        _HANDLERS[(fold, event)] = found
    return found
