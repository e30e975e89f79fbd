"""The measures of one subject over one period: plain counts under string keys, so that the
figures of many subjects, units and months add up by summing counters.

Keys (docs/statistics.md, "Đại lượng"):

- `<stock>.carried`, `<stock>.in.<label>`, `<stock>.out.<label>`, `<stock>.end`;
- `act.<kind>.<label>`: acts dated in the period;
- the keys a stage's `measures` yields (stages/statistics.py), for days in the period;
- `overdue.<rule>`: deadlines missed and still not done at the end of the period;
- `late.<rule>`: deadlines met late, by an act dated in the period (each counted on the day
  of that act, even if a later act opened the obligation again);
- `violation.<rule>.<kind>`: violations revealed by acts dated in the period, and (`missing`)
  deadlines overdue at its end — the lists `qlahs violations` prints.
"""

from __future__ import annotations

from collections import Counter
from datetime import date

from qlahs.law.deadlines import Judgement, Violation
from qlahs.stats.facts import SubjectFacts

Measures = Counter[str]


def measure(facts: SubjectFacts, start: date, end: date, judged: Judgement) -> Measures:
    """Everything `facts` adds to the figures of [start, end]; `judged` is its judgement as
    of `end`."""
    found: Measures = Counter()
    measure_into(found, facts, start, end, judged)
    return found


def measure_into(
    found: Measures, facts: SubjectFacts, start: date, end: date, judged: Judgement
) -> None:
    """`measure`, added to the figures `found` already holds (a unit's, a month's): a report
    sums a subject's measures without making them apart first."""
    for stock in facts.statistics.stocks:
        # every stock of the subject's kind is present, even at 0
        found[f"{stock.name}.carried"] += 0
        found[f"{stock.name}.end"] += 0
    for transition in facts.transitions:
        if transition.day < start:
            found[f"{transition.stock}.carried"] += transition.sign
        elif transition.day <= end:
            way = "in" if transition.sign > 0 else "out"
            found[f"{transition.stock}.{way}.{transition.label}"] += 1
        else:
            continue
        found[f"{transition.stock}.end"] += transition.sign
    for day, key in facts.counts:
        if start <= day <= end:
            found[key] += 1
    for deadline in judged.deadlines:
        if deadline.status == "missed" and deadline.closed_on is None:
            found[f"overdue.{deadline.rule}"] += 1
    for day, rule in facts.late:
        if start <= day <= end:
            found[f"late.{rule}"] += 1
    for violation in in_period(judged, start, end):
        found[f"violation.{violation.rule}.{violation.kind}"] += 1


def in_period(judged: Judgement, start: date, end: date) -> list[Violation]:
    """The violations a period's report lists: revealed by acts dated in it, or deadlines
    still overdue at its end (those have no `happened_on`)."""
    return [v for v in judged.violations if v.happened_on is None or start <= v.happened_on <= end]


def add(total: Measures, more: Measures) -> None:
    """Add counts in place; unlike `+`, this keeps zeros (a stock that is empty)."""
    total.update(more)
