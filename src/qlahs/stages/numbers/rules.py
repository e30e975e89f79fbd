"""How a register's numbers are judged: NĐ 30/2020 Điều 15 k1 — numbers are taken in the
order and the time sequence of issue, so a number dated before a number ahead of it (15
dated 12/03, then 16 dated 10/03) is recorded and becomes a `premature` violation citing the
article (ARCHITECTURE principle 1: record, then judge).

The fold sees acts in legal-date order, not number order, and a number gets its date only
when the fold reaches it, as the latest date seen so far. Two checks then find every
out-of-order number once:
- a number whose predecessor has no date yet will get a later one: it is out of order from
  its own date on (so `preview` tells it before it is taken);
- a number's new date can only put out of order the number right after it.
"""

from __future__ import annotations

from bisect import bisect_right, insort
from datetime import date

from qlahs.domain.number_symbol import SUFFIXES, symbol
from qlahs.domain.register import Register
from qlahs.law.calendar import Calendar, fmt
from qlahs.law.deadlines import Violation
from qlahs.law.fold import Fold
from qlahs.law.number_series import series_book
from qlahs.law.rulebook import RuleBook

ORDER = "number.order"
Position = tuple[int, int]  # (number, 0) or (number, 1 + index of its letter): 15 < 15a < 16


class RegisterRules(Fold):
    def __init__(self, rulebook: RuleBook, calendar: Calendar):
        super().__init__(rulebook, calendar)
        self.ref = self.unit = self.series = ""
        self.positions: list[Position] = []
        self.days: dict[Position, date] = {}
        self.flagged: set[Position] = set()

    def on_Opened(self, act: Register.Opened) -> None:
        self.ref, self.unit, self.series = act.ref, act.unit, act.series

    def on_Issued(self, act: Register.Issued) -> None:
        self._place([(n, 0) for n in range(act.first, act.first + act.count)], act.day)

    def on_Reserved(self, act: Register.Reserved) -> None:
        self._place([(n, 0) for n in range(act.first, act.first + act.count)], act.day)

    def on_Inserted(self, act: Register.Inserted) -> None:
        self._place([_position(act.number, act.suffix)], act.day)

    def on_Used(self, act: Register.Used) -> None:
        self._place([_position(act.number, act.suffix)], act.day)  # the document's date now

    def _place(self, batch: list[Position], day: date) -> None:
        for position in batch:
            if position not in self.days:
                insort(self.positions, position)
            self.days[position] = day
        for number, letter in batch:
            ahead = (number - 1, 0)
            if not letter and number > 1 and ahead not in self.days and ahead not in batch:
                self._violate((number, letter), ahead, None, day)
        for position in batch:
            index = bisect_right(self.positions, position)
            if index < len(self.positions) and self.positions[index] not in batch:
                following = self.positions[index]
                if self.days[following] < day:
                    self._violate(following, position, day, day)

    def _violate(self, number: Position, ahead: Position, ahead_on: date | None, day: date) -> None:
        if number in self.flagged:
            return
        self.flagged.add(number)
        dated = self.days[number]
        order = series_book().order
        article = str(order.citation)
        ahead_text = f"số {self._symbol(ahead, day)}"
        if ahead_on is None:  # its date is still to come, and later
            what = f"được lấy trước {ahead_text} đứng trước nó"
        else:
            what = f"đứng sau {ahead_text} ngày {fmt(ahead_on)} nhưng có ngày sớm hơn"
        self.violations.append(
            Violation(
                ref=self.ref,
                rule=ORDER,
                article=article,
                kind="premature",
                unit=self.unit,
                due=ahead_on,
                happened_on=day,
                days_overdue=None,
                message=(
                    f"{self.ref}: số {self._symbol(number, dated)} ngày {fmt(dated)} {what}; số "
                    f"văn bản phải được lấy theo thứ tự và trình tự thời gian ban hành "
                    f"({article})."
                ),
            )
        )

    def _symbol(self, position: Position, on: date) -> str:
        number, letter = position
        return symbol(self.unit, self.series, number, SUFFIXES[letter - 1] if letter else "", on)


def _position(number: int, suffix: str) -> Position:
    return (number, SUFFIXES.index(suffix) + 1 if suffix else 0)
