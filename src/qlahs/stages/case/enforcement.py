"""Enforcement of criminal judgments (BLTTHS 2015 Điều 363–367): commands and rules.

- `enforcement.decide` — Điều 364 k2: the court decides on enforcement within 7 days of the
  judgment taking legal effect (or of receiving the appeal judgment), per sentenced person.
"""

from __future__ import annotations

from typing import ClassVar

from pydantic import Field

from qlahs.domain.criminal_case import CriminalCase
from qlahs.stages.case.common import CaseFacts
from qlahs.stages.case.trial import ENFORCE
from qlahs.stages.commands import Command


class DecideEnforcement(Command):
    """Quyết định thi hành án (Điều 364)."""

    action: ClassVar[str] = "case.enforcement_decision"
    person: str = Field(min_length=1)


class EnforcementRules(CaseFacts):
    def on_EnforcementDecided(self, act: CriminalCase.EnforcementDecided) -> None:
        self.close(ENFORCE, act, "ra quyết định thi hành án", person=act.person)
