"""An administrative case (vụ án hành chính, Luật Tố tụng hành chính 2015): the court steps of
a civil matter without its kinds, its non-contentious procedure or its hearings."""

from __future__ import annotations

from typing import ClassVar

from qlahs.domain.court_matter import CourtMatter
from qlahs.domain.machines.court import CIVIL_ONLY, CourtProcedure
from qlahs.kernel.machines import transitions_of
from qlahs.kernel.subject import Transitions

_STEPS = transitions_of(CourtProcedure)


class AdministrativeCase(CourtMatter):
    """One administrative case from the claim to its review."""

    kind: ClassVar[str] = "admin"
    noun: ClassVar[str] = "vụ án hành chính"
    code: ClassVar[str] = "Luật Tố tụng hành chính"
    transitions: ClassVar[Transitions] = {
        state: {step: to for step, to in steps.items() if step not in CIVIL_ONLY}
        for state, steps in _STEPS.items()
    }
    stage_names: ClassVar[dict[str, str]] = {
        str(s.value): str(s.name) for s in CourtProcedure.states
    }
