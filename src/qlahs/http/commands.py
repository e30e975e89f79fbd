"""Commands over HTTP: `POST /commands` takes the scenario form (`do`, `ref`, `on`, `with`…),
`POST /commands/<action>` the action's own command model, so the OpenAPI document describes
each command from the very pydantic model the Engine validates.

The command id is the idempotency key (header `Idempotency-Key` or field `command_id`): the
Engine records a command once per id, and a repeat returns the first result."""

from __future__ import annotations

import inspect
from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, Header
from pydantic import BaseModel, ConfigDict, Field

from qlahs.engine import Engine, Recorded
from qlahs.http import shown
from qlahs.http.auth import ApiEngine, api_engine
from qlahs.http.models import Preview
from qlahs.http.problems import Problem
from qlahs.kernel.bounds import NAME_LIMIT, REF_LIMIT, TEXT_LIMIT
from qlahs.kernel.errors import UnknownAction
from qlahs.stages.commands import Command
from qlahs.stages.registry import registry

router = APIRouter(tags=["Lệnh"])

IdempotencyKey = Annotated[
    str | None,
    Header(
        alias="Idempotency-Key",
        max_length=NAME_LIMIT,
        description="Mã lệnh: gửi lại cùng mã thì nhận lại kết quả lần đầu",
    ),
]


class Step(BaseModel):
    """A command in the scenario form: the action's name and its fields."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    do: str = Field(
        max_length=NAME_LIMIT, description="Tên hành vi (VOCABULARY), vd report.receive"
    )
    ref: str | None = Field(default=None, max_length=REF_LIMIT, description="Số hiệu hồ sơ")
    on: str | None = Field(default=None, max_length=40, description="Ngày dd/mm/yyyy hoặc ISO")
    unit: str | None = Field(default=None, max_length=64, description="Mã đơn vị")
    actor: str | None = Field(default=None, max_length=NAME_LIMIT)
    note: str | None = Field(default=None, max_length=TEXT_LIMIT)
    command_id: str | None = Field(default=None, max_length=NAME_LIMIT, description="Mã lệnh")
    with_: dict[str, Any] = Field(
        default_factory=dict, alias="with", description="Các trường riêng của hành vi"
    )

    def as_mapping(self, key: str | None) -> dict[str, Any]:
        step = self.model_dump(by_alias=True, exclude_none=True)
        command_id = _one_id(self.command_id, key)
        if command_id is not None:
            step["command_id"] = command_id
        return step


def _one_id(field: str | None, header: str | None) -> str | None:
    if field is not None and header is not None and field != header:
        raise Problem(
            422,
            "Trường 'command_id' khác tiêu đề Idempotency-Key: mỗi lệnh chỉ có một mã lệnh.",
            "command_id",
        )
    return field if field is not None else header


@router.post("/commands", summary="Ghi nhận một hành vi (dạng do/with)")
def post_step(step: Step, engine: ApiEngine, key: IdempotencyKey = None) -> Recorded:
    return engine.execute(step.as_mapping(key))


@router.post(
    "/commands/preview",
    response_model=Preview,
    summary="Xem trước vi phạm một hành vi sẽ gây ra (không ghi)",
)
def preview(step: Step, engine: ApiEngine) -> dict[str, Any]:
    found = engine.preview(step.as_mapping(None))
    return {"violations": [shown.violation(engine, v) for v in found]}


def _typed(action: str, model: type[Command]) -> Any:
    def endpoint(command: Any, engine: Engine, key: str | None) -> Recorded:
        fields = command.model_dump(exclude_none=True)
        command_id = _one_id(fields.pop("command_id", None), key)
        if command_id is not None:
            fields["command_id"] = command_id
        fields.setdefault("unit", engine.default_unit)
        return engine.execute(engine.registry.command(action, fields))

    # FastAPI reads the body's model from the signature: the action's own command model.
    endpoint.__signature__ = inspect.Signature(  # type: ignore[attr-defined]
        [
            inspect.Parameter("command", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=model),
            inspect.Parameter(
                "engine",
                inspect.Parameter.POSITIONAL_OR_KEYWORD,
                annotation=Annotated[Engine, Depends(api_engine)],
            ),
            inspect.Parameter(
                "key",
                inspect.Parameter.POSITIONAL_OR_KEYWORD,
                annotation=IdempotencyKey,
                default=None,
            ),
        ],
        return_annotation=Recorded,
    )
    return endpoint


for _stage in registry().stages:
    for _action in _stage.actions:
        router.add_api_route(
            f"/commands/{_action.name}",
            _typed(_action.name, _action.command),
            methods=["POST"],
            summary=registry().title(_action.name),
            description=(_action.command.__doc__ or "").strip(),
            tags=[f"Lệnh: {_stage.subject.noun}"],
            response_model=Recorded,
        )


@router.post("/commands/{action}", include_in_schema=False)
def unknown_action(action: str, body: Annotated[Any, Body()] = None) -> None:
    registry().action(action[:NAME_LIMIT])  # names the known actions, in Vietnamese
    raise UnknownAction(f"Hành vi '{action[:NAME_LIMIT]}' không có trong VOCABULARY.")
