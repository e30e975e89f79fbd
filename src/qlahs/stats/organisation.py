"""The unit tree on a given day, from the recorded `unit.*` acts (stages/unit).

A report or case belongs to the unit that recorded it (`unit` of its first act). When that
unit has merged into a successor by the day the organisation is read, its subjects count for
the successor (and on up the chain): a regional unit's year is then comparable with the
district units it replaced, and every subject still counts exactly once, so a unit's figures
with its subordinates are its own plus theirs on any day.

Until the first `unit.*` act is recorded, the tree is `law/units.yaml` (the number
registers' tree), undated; once the organisation is recorded, the acts alone are the tree. A
unit found nowhere stands alone under its own code.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date

from qlahs.domain.organisation_unit import OrganisationUnit as U
from qlahs.kernel.subject import Act
from qlahs.law.calendar import fmt
from qlahs.law.units import UnitTree, units


@dataclass(frozen=True)
class UnitState:
    """What is known of a unit on the day the organisation is read."""

    code: str
    name: str
    level: str | None
    parent: str | None
    established_on: date | None  # None: from units.yaml, undated
    merged_on: date | None = None
    successor: str | None = None


class Organisation:
    """The units as they stood at the end of `day`."""

    def __init__(self, day: date, states: dict[str, UnitState], later: dict[str, UnitState]):
        self.day = day
        self.states = states  # every unit established by `day` (or undated)
        self.later = later  # units recorded, but established only after `day`

    @classmethod
    def read(
        cls, day: date, unit_acts: Iterable[list[Act]], fallback: UnitTree | None = None
    ) -> Organisation:
        """The organisation at the end of `day` from each unit's acts (in recorded order);
        acts dated after `day` are not yet in force."""
        states: dict[str, UnitState] = {}
        later: dict[str, UnitState] = {}
        for acts in unit_acts:
            first = acts[0]
            assert isinstance(first, U.Established)
            state = UnitState(first.ref, first.name, first.level, first.parent, first.day)
            if first.day > day:
                later[first.ref] = state
                continue
            for act in acts[1:]:
                if act.day > day:
                    continue  # a subsequence of a valid life is valid: only `active` moves
                match act:
                    case U.Renamed():
                        state = replace(state, name=act.name)
                    case U.Reattached():
                        state = replace(state, parent=act.parent)
                    case U.MergedInto():
                        state = replace(state, merged_on=act.day, successor=act.into)
            states[state.code] = state
        # The listed units (units.yaml) stand as they are listed unless acts record them: a
        # store that records some units (a new unit, a merger) still has the listed ones.
        tree = fallback if fallback is not None else units()
        for code, unit in tree.units.items():
            if code in states or code in later:
                continue
            state = UnitState(code, unit.name, None, unit.parent, unit.since)
            if unit.since is not None and unit.since > day:
                later[code] = state
            else:
                states[code] = state
        return cls(day, states, later)

    # -- one unit --------------------------------------------------------------------------

    def name(self, code: str) -> str:
        state = self.states.get(code) or self.later.get(code)
        return state.name if state else code

    def is_active(self, code: str) -> bool:
        state = self.states.get(code)
        return state is not None and state.successor is None

    def resolve(self, code: str) -> str:
        """The unit whose figures a subject recorded by `code` counts in on `day`."""
        seen = {code}
        state = self.states.get(code)
        while state is not None and state.successor is not None:
            code = state.successor
            if code in seen:
                break  # a cycle of backdated mergers: stop where it closes
            seen.add(code)
            state = self.states.get(code)
        return code

    def parent(self, code: str) -> str | None:
        """The unit above `code` on `day`. A unit established later already has its recorded
        superior: subjects recorded for it early still count within that superior."""
        state = self.states.get(code) or self.later.get(code)
        if state is None or state.parent is None:
            return None
        parent = self.resolve(state.parent)
        return None if parent == code else parent

    def predecessors(self, code: str) -> list[str]:
        """Units merged (directly or in a chain) into `code` by `day`."""
        return sorted(
            other
            for other, state in self.states.items()
            if state.successor is not None and self.resolve(other) == code
        )

    # -- the tree --------------------------------------------------------------------------

    def within(self, code: str, top: str) -> bool:
        """Whether `code` is `top` or below it, following the superiors upward."""
        current: str | None = code
        seen: set[str] = set()
        while current is not None and current not in seen:  # a cycle stops where it closes
            if current == top:
                return True
            seen.add(current)
            current = self.parent(current)
        return False

    def active_codes(self, extra: Iterable[str] = ()) -> set[str]:
        """Every unit a subject can count in: the active ones, and the resolved `extra`
        codes found on subjects (units unknown to the organisation stand alone)."""
        codes = {code for code in self.states if self.is_active(code)}
        return codes | {self.resolve(code) for code in extra}

    def children(self, code: str, codes: set[str]) -> list[str]:
        return sorted(other for other in codes if self.parent(other) == code)

    def roots(self, codes: set[str]) -> list[str]:
        return sorted(code for code in codes if self.parent(code) not in codes)

    def subtree(self, code: str, codes: set[str]) -> set[str]:
        found = {code}
        pending = [code]
        while pending:
            for child in self.children(pending.pop(), codes):
                if child not in found:
                    found.add(child)
                    pending.append(child)
        return found

    def describe(self, code: str) -> str:
        """A line for a report's notes: the unit's name and what merged into it."""
        merged = self.predecessors(code)
        line = f"{code} — {self.name(code)}"
        if merged:
            line += f"; gồm số liệu của đơn vị đã sáp nhập: {', '.join(merged)}"
        founded = self.later[code].established_on if code in self.later else None
        if founded is not None:
            line += f" (thành lập ngày {fmt(founded)})"
        return line
