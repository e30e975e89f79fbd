"""What the cases of the procuracy's own investigation agency (module 6) add to the
statistics: the cases it investigates, the persons it charged and those it holds in detention,
counted apart from module 2 by the investigating agency the case was opened with."""

from __future__ import annotations

from typing import Any

from qlahs.domain.criminal_case import CriminalCase
from qlahs.domain.own_agency import SHORT, is_own_agency
from qlahs.stages.statistics import Members, Stock


def _own(stages: tuple[str, ...]) -> Members:
    def members(case: Any) -> frozenset[str]:
        own = is_own_agency(getattr(case, "investigating_agency", None))
        return frozenset((case.ref,)) if own and case.stage in stages else frozenset()

    return members


def _own_detained(case: Any) -> frozenset[str]:
    if not is_own_agency(getattr(case, "investigating_agency", None)):
        return frozenset()
    return frozenset(
        f"{case.ref}/{code}"
        for code, person in case.persons.items()
        if person.custody == "detained"
    )


OWN_STOCKS = (
    Stock(
        "own_case",
        CriminalCase,
        f"Vụ án {SHORT} đang điều tra",
        "vụ",
        _own(("investigating",)),
    ),
    Stock(
        "own_case_suspended",
        CriminalCase,
        f"Vụ án {SHORT} đang tạm đình chỉ điều tra",
        "vụ",
        _own(("investigation_suspended",)),
    ),
    Stock(
        "own_detained",
        CriminalCase,
        f"Người đang bị tạm giam trong vụ án {SHORT} thụ lý",
        "người",
        _own_detained,
    ),
)
