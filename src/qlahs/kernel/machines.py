"""Turning a python-statemachine class into the transition table the aggregates check.

The machine class is the declaration of the legal path (and gets python-statemachine's
definition checks for free); aggregates look steps up in the table instead of building a
machine per command, which costs about 100 µs each time.
"""

from __future__ import annotations

from statemachine import StateMachine

from qlahs.kernel.subject import Transitions


def transitions_of(machine: type[StateMachine]) -> Transitions:
    table: dict[str, dict[str, str]] = {}
    for state in machine.states:
        steps = table.setdefault(str(state.value), {})
        for transition in state.transitions:
            for event in transition.events:
                steps[str(event.id)] = str(transition.target.value)
    return table


def mermaid(machine: type[StateMachine]) -> str:
    """The machine as a Mermaid diagram, for the docs."""
    return f"{machine:mermaid}"
