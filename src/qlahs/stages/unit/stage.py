"""The organisation of the procuracy as a stage plug-in: `unit.*` acts on unit subjects.

The acts only record; `stats/organisation.py` reads them back as the unit tree on a given
day, which is what statistics roll up and what keeps history comparable across mergers.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from qlahs.domain.organisation_unit import OrganisationUnit
from qlahs.kernel.errors import CommandRejected
from qlahs.kernel.subject import Subject
from qlahs.stages.commands import Command
from qlahs.stages.registry import Action, Lookup, Stage, records
from qlahs.stages.unit import commands as c

U = OrganisationUnit


def _establish(subject: Subject | None, command: Command, fields: dict[str, Any]) -> Subject:
    assert subject is None
    return U.establish(ref=command.ref, **fields)


_records = partial(records, U)


def _active_unit(engine: Lookup, code: str, field: str) -> OrganisationUnit:
    found = engine.find_subject("unit", code)
    if not isinstance(found, U):
        raise CommandRejected(
            f"Không có đơn vị {code} (trường '{field}'): hãy ghi nhận đơn vị đó trước "
            "(unit.establish)."
        )
    if found.stage != "active":
        raise CommandRejected(
            f"Đơn vị {code} đã sáp nhập vào {found.successor} (trường '{field}'): hãy chọn đơn "
            "vị đang hoạt động."
        )
    return found


def _check_parent(
    subject: Subject | None, command: Command, fields: dict[str, Any], engine: Lookup
) -> tuple[dict[str, Any], list[Any]]:
    """A superior must be a recorded, active unit, and a unit cannot end up above itself."""
    parent = getattr(command, "parent", None)
    if parent is None:
        return {}, []
    if parent == command.ref:
        raise CommandRejected(f"Đơn vị {command.ref} không thể là cấp trên của chính nó.")
    above: OrganisationUnit | None = _active_unit(engine, parent, "parent")
    seen = {command.ref}
    while above is not None:
        if above.ref in seen:
            raise CommandRejected(
                f"Đơn vị {parent} đang ở dưới {command.ref}: không thể đặt làm cấp trên "
                "(trường 'parent')."
            )
        seen.add(above.ref)
        found = engine.find_subject("unit", above.parent) if above.parent else None
        above = found if isinstance(found, U) else None
    return {}, []


def _check_successor(
    subject: Subject | None, command: Command, fields: dict[str, Any], engine: Lookup
) -> tuple[dict[str, Any], list[Any]]:
    assert isinstance(command, c.MergeUnit)
    if command.into == command.ref:
        raise CommandRejected(f"Đơn vị {command.ref} không thể sáp nhập vào chính nó.")
    _active_unit(engine, command.into, "into")
    return {}, []


STAGE = Stage(
    name="unit",
    subject=OrganisationUnit,
    actions=(
        Action("unit.establish", c.EstablishUnit, _establish, creates=True, involve=_check_parent),
        Action("unit.rename", c.RenameUnit, _records(U.Renamed)),
        Action("unit.reattach", c.ReattachUnit, _records(U.Reattached), involve=_check_parent),
        Action("unit.merge_into", c.MergeUnit, _records(U.MergedInto), involve=_check_successor),
    ),
)
