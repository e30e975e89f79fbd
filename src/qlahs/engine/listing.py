"""A reader's grant turned into the conditions of a list query, and the last check of the
rows a page brings back."""

from __future__ import annotations

from typing import TypeVar

from qlahs.access.policy import Grant
from qlahs.law.deadlines import Deadline, Violation
from qlahs.projections.lists import Page, Scope

Row = TypeVar("Row", Deadline, Violation)


def scope_of(
    grant: Grant, *, unit: str | None = None, ref: str | None = None, rule: str | None = None
) -> Scope:
    """The grant's units and hidden records become conditions of the query itself, so that
    a page holds `limit` readable rows and the total counts only those."""
    return Scope(unit=unit, units=grant.units, ref=ref, rule=rule, hidden=grant.hidden)


def shown(page: Page[Row], grant: Grant) -> Page[Row]:
    # The query already left out what the grant hides; each row is still checked here, the
    # one place that decides what a reader sees.
    shown = [row for row in page.items if grant.shows(row.unit, row.ref)]
    return Page(shown, page.total - (len(page.items) - len(shown)))
