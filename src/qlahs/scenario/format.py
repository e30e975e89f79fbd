"""The timeline file format of SCENARIOS.md, read with the line of every part kept."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from qlahs.kernel import yamlio
from qlahs.kernel.bounds import CODE_LIMIT
from qlahs.kernel.dates import from_vietnamese
from qlahs.kernel.errors import ScenarioFileError
from qlahs.stages.commands import UNIT_CODE


class Step(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    on: date | datetime
    do: str = Field(min_length=1)
    ref: str | None = None
    with_: dict[str, Any] = Field(default_factory=dict, alias="with")
    unit: str | None = None
    actor: str | None = None
    note: str | None = None
    command_id: str | None = None
    rejected: bool = False

    _dates = field_validator("on", mode="before")(
        classmethod(lambda cls, value: from_vietnamese(value, date | datetime))
    )

    def as_command(self) -> dict[str, Any]:
        return {
            "on": self.on,
            "do": self.do,
            "ref": self.ref,
            "with": self.with_,
            "unit": self.unit,
            "actor": self.actor,
            "note": self.note,
            "command_id": self.command_id,
        }


class Check(BaseModel):
    model_config = ConfigDict(extra="forbid")

    at: date
    _dates = field_validator("at", mode="before")(
        classmethod(lambda cls, value: from_vietnamese(value, date))
    )
    deadlines: list[dict[str, Any]] | None = None
    violations: list[dict[str, Any]] | None = None


class Scenario(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1)
    unit: str | None = Field(default=None, min_length=1, max_length=CODE_LIMIT, pattern=UNIT_CODE)
    steps: list[Step] = Field(min_length=1)
    expect: list[Check] = Field(default_factory=list)
    file: str = ""


_FIELD_NAMES = {"with_": "with"}


def read(path: Path) -> Scenario:
    """Read a scenario file; a file that cannot be read raises `ScenarioFileError` naming the
    file, the line and the reason."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise ScenarioFileError(f"{path}: không đọc được tệp ({error.strerror}).") from None
    try:
        node = yamlio.compose(text)
        data = yamlio.load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f", dòng {mark.line + 1}" if mark is not None else ""
        reason = getattr(error, "problem", None) or str(error)
        raise ScenarioFileError(f"{path}{line}: YAML không hợp lệ ({reason}).") from None
    except (ValueError, OverflowError):
        # PyYAML reads 2025-13-45 as a date and fails building it, outside its own errors
        raise ScenarioFileError(
            f"{path}, dòng {_unbuildable_line(node)}: ngày không có thật "
            "(viết đúng dạng YYYY-MM-DD của một ngày có trong lịch)."
        ) from None
    if not isinstance(data, dict):
        raise ScenarioFileError(
            f"{path}, dòng 1: tệp kịch bản phải là một bảng có 'name' và 'steps'."
        )
    try:
        scenario = Scenario.model_validate(data)
    except ValidationError as error:
        problem = error.errors()[0]
        loc = [_FIELD_NAMES.get(str(p), p) for p in problem["loc"]]
        where = ".".join(str(p) for p in loc)
        line_number = _line_of(node, loc)
        from qlahs.kernel.errors import vietnamese

        raise ScenarioFileError(
            f"{path}, dòng {line_number}: trường '{where}' {vietnamese(problem)}."
        ) from None
    scenario.file = str(path)
    return scenario


def _unbuildable_line(node: Any) -> int:
    """The line of the first value PyYAML cannot build (an impossible date), 1 if none."""
    return next(_unbuildable(node), 1)


def _unbuildable(node: Any) -> Iterator[int]:
    if isinstance(node, yaml.ScalarNode):
        try:
            yamlio.Loader("").construct_object(node)
        except (ValueError, OverflowError):
            yield node.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for child in node.value:
            yield from _unbuildable(child)
    elif isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            yield from _unbuildable(key)
            yield from _unbuildable(value)


def _line_of(node: Any, loc: list[Any]) -> int:
    """The line of the deepest node the location reaches (1-based)."""
    line = node.start_mark.line + 1 if node is not None else 1
    for part in loc:
        if isinstance(node, yaml.MappingNode):
            found = next((v for k, v in node.value if k.value == part), None)
            if found is None:
                break
            node = found
        elif (
            isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value)
        ):
            node = node.value[part]
        else:
            break
        line = node.start_mark.line + 1
    return line
