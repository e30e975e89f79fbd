"""Every act is recorded for a unit of the organisation as it stood on the act's legal date.

The organisation is `law/units.yaml` (undated: its units are known on every day) and the
`unit.*` acts of the log (stages/unit): a recorded unit is known from the day it was
established, and a unit merged into a successor takes no act dated on or after the merger,
while back-dated acts of its old matters stay its own. A typo in `unit` would otherwise
open a unit of its own that no list, book or statistic ever adds up.

The check costs one read of the unit's few events by their subject id (the events' primary
key), and nothing is cached: a merger another process records is seen by the next command.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from qlahs.domain.organisation_unit import OrganisationUnit
from qlahs.kernel.dates import day_of, fmt
from qlahs.kernel.errors import CommandRejected
from qlahs.kernel.subject import Act, subject_id
from qlahs.law.units import units
from qlahs.stages.commands import Command

if TYPE_CHECKING:
    from qlahs.engine.core import EngineCore

ESTABLISH = "unit.establish"


class UnitNotInForce(CommandRejected):
    """The unit a command names did not exist, or no longer took acts, on the act's date."""


def require_unit_in_force(engine: EngineCore, command: Command) -> None:
    """Refuse `command` when its unit is unknown, not yet established or merged on its date."""
    code = command.unit or engine.default_unit
    if command.action == ESTABLISH and command.ref == code:
        return  # a unit may record its own establishment
    acts = [a for a in engine.log.events.get(subject_id("unit", code)) if isinstance(a, Act)]
    refusal = unit_refusal(code, day_of(command.on), acts, listed=code in units().units)
    if refusal is not None:
        raise UnitNotInForce(refusal)


def unit_refusal(code: str, day: date, acts: list[Act], *, listed: bool) -> str | None:
    """Why an act dated `day` cannot be recorded for `code`, from the unit's recorded acts;
    None when it can. `listed`: the unit is in units.yaml."""
    if not acts:
        if listed:
            return None
        return (
            f"Không có đơn vị {code} (trường 'unit'): không có trong danh mục đơn vị và chưa "
            "được ghi nhận thành lập (unit.establish). Hãy kiểm tra lại mã đơn vị."
        )
    founded = acts[0].day
    if not listed and founded > day:
        return (
            f"Đơn vị {code} (trường 'unit') được thành lập từ ngày {fmt(founded)}: chưa có "
            f"vào ngày {fmt(day)} của hành vi."
        )
    for act in acts:
        if isinstance(act, OrganisationUnit.MergedInto) and act.day <= day:
            return (
                f"Đơn vị {code} đã sáp nhập vào {act.into} từ ngày {fmt(act.day)} (trường "
                "'unit'); hãy ghi nhận tại đơn vị đó."
            )
    return None
