"""The columns of a statistical report: the organisation it is cut by, and which units each
column (a unit and, with subordinates, everything under it) counts."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from qlahs.kernel.errors import QlahsError, SubjectNotFound
from qlahs.kernel.subject import Act
from qlahs.law.calendar import fmt
from qlahs.law.units import units
from qlahs.stats.measures import Measures
from qlahs.stats.organisation import Organisation
from qlahs.stats.periods import Period


@dataclass
class Part:
    """One column of a report: a unit and, with subordinates, everything under it."""

    code: str
    name: str
    units: set[str]
    measures: Measures = field(default_factory=Measures)


def may_hold(organisation: Organisation, unit: str | None, subunits: bool, code: str) -> bool:
    """Whether a column of the report could count `code`: the unit itself, or with its
    subordinates a unit below it (the columns, settled later, decide exactly)."""
    if unit is None or code == unit:
        return True
    return subunits and organisation.within(code, unit)


def require_known(unit: str, unit_acts: list[list[Act]], seen: set[str]) -> None:
    """A unit that neither units.yaml, nor the organisation's acts, nor any report or case
    knows is a typo: its all-zero report would read as "nothing happened there"."""
    if unit in units().units or any(getattr(acts[0], "ref", None) == unit for acts in unit_acts):
        return
    if unit in seen:
        return
    raise SubjectNotFound(
        f"Không có đơn vị {unit} (trường 'unit'): không có trong danh mục đơn vị, chưa được "
        "ghi nhận thành lập và chưa có nguồn tin, vụ án nào của đơn vị này."
    )


def organisation_of(
    unit: str | None,
    period: Period,
    end: date,
    units_as_of: date | None,
    unit_acts: Iterable[list[Act]],
) -> tuple[Organisation, list[str]]:
    """The organisation the report is cut by: as it stood on `units_as_of` when given, else
    at the end of the period, moved into the unit's lifetime when the unit did not exist on
    that day (a regional unit's year before its founding is its predecessors')."""
    acts = list(unit_acts)
    organisation = Organisation.read(units_as_of or end, acts)
    if unit is None:
        return organisation, []
    later = organisation.later.get(unit)
    state = organisation.states.get(unit)
    if units_as_of is not None:
        if later is not None:
            return organisation, [f"{unit} chưa được thành lập tại ngày {fmt(units_as_of)}."]
        if state is not None and state.successor is not None:
            successor = organisation.resolve(unit)
            return organisation, [
                f"{unit} đã sáp nhập vào {state.successor} tại ngày {fmt(units_as_of)}: số liệu "
                f"của đơn vị được tính cho {successor}."
            ]
        return organisation, []
    if later is not None and later.established_on is not None:
        day = later.established_on
        return Organisation.read(day, acts), [
            f"{unit} được thành lập ngày {fmt(day)}: số liệu trước ngày đó là của các đơn vị "
            "đã sáp nhập vào, theo tổ chức tại ngày thành lập."
        ]
    if state is not None and state.merged_on is not None:
        if period.start >= state.merged_on:
            raise QlahsError(
                f"Đơn vị {unit} đã sáp nhập vào {state.successor} từ ngày "
                f"{fmt(state.merged_on)}: hãy lập báo cáo cho {organisation.resolve(unit)}."
            )
        day = state.merged_on - timedelta(days=1)
        return Organisation.read(day, acts), [
            f"{unit} sáp nhập vào {state.successor} ngày {fmt(state.merged_on)}: báo cáo theo "
            f"tổ chức tại ngày {fmt(day)}."
        ]
    return organisation, []


def parts_of(
    organisation: Organisation, unit: str | None, with_subunits: bool, codes: set[str]
) -> list[Part]:
    if unit is None:
        return [
            Part(root, organisation.name(root), organisation.subtree(root, codes))
            for root in organisation.roots(codes)
        ]
    own = Part(unit, organisation.name(unit), {unit})
    if not with_subunits:
        return [own]
    codes = codes | {unit}
    return [own] + [
        Part(child, organisation.name(child), organisation.subtree(child, codes))
        for child in organisation.children(unit, codes)
    ]
