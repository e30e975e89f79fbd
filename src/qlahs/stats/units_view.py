"""The unit tree on a day, as the organisation acts recorded it (`qlahs stats units`)."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from rich.tree import Tree

from qlahs.domain.organisation_unit import OrganisationUnit
from qlahs.law.calendar import fmt
from qlahs.stages.unit.commands import LEVEL_NAMES
from qlahs.stats import snapshot
from qlahs.stats.organisation import Organisation

if TYPE_CHECKING:
    from qlahs.engine import Engine


def organisation_at(engine: Engine, day: date, known_at: datetime | None = None) -> Organisation:
    return Organisation.read(day, snapshot.read(engine, known_at).of_kind(OrganisationUnit))


def tree_table(engine: Engine, day: date, known_at: datetime | None = None) -> Tree:
    organisation = organisation_at(engine, day, known_at)
    codes = organisation.active_codes()
    tree = Tree(f"[bold]Tổ chức đơn vị tại ngày {fmt(day)}[/] ({len(codes)} đơn vị)")
    for root in organisation.roots(codes):
        _branch(tree, organisation, root, codes)
    return tree


def _branch(parent: Tree, organisation: Organisation, code: str, codes: set[str]) -> None:
    state = organisation.states.get(code)
    level = LEVEL_NAMES.get(state.level or "", "") if state else ""
    merged = organisation.predecessors(code)
    label = f"[bold]{code}[/] {organisation.name(code)}"
    if level:
        label += f" [dim]({level})[/]"
    if merged:
        label += f" [yellow]← {', '.join(merged)}[/]"
    branch = parent.add(label)
    for child in organisation.children(code, codes):
        _branch(branch, organisation, child, codes)
