"""The people of a case as its books name them: "Name (code)", or the code alone."""

from __future__ import annotations

from collections.abc import Sequence

from qlahs.domain.criminal_case import CriminalCase
from qlahs.kernel.subject import Act
from qlahs.stages.case import wording as w


class CaseNames:
    """Names and charges of a case's persons, as the book cells print them."""

    def __init__(self, case: CriminalCase, acts: Sequence[Act]):
        self.case = case
        # persons split off to another case are no longer in `case.persons`; their charge
        # still names them
        known = {a.person: a.name for a in acts if isinstance(a, CriminalCase.PersonCharged)}
        known |= {code: a.name for code, a in case.persons.items() if a.name}
        self.full = {code: f"{name} ({code})" for code, name in known.items() if name}
        self.full |= {code: code for code in case.persons if code not in self.full}

    def name(self, person: str | None) -> str:
        return self.full.get(person, person) if person else ""

    def crime_of(self, person: str | None) -> str:
        accused = self.case.persons.get(person or "")
        return w.crime_label(accused.crime if accused and accused.crime else self.case.crime)

    def charged(self) -> list[str]:
        return [
            self.full[code]
            for code, accused in self.case.persons.items()
            if accused.charged_on is not None
        ]
