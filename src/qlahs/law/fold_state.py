"""A rules fold's state as JSON, so the projector can keep it per subject and resume the fold
with the next act instead of replaying the subject's history.

The state is the fold's own attributes (its rule book and calendar are given again on load).
Values are JSON as they are, or tagged objects for what JSON lacks: dates and times, tuples,
sets, identifiers, dictionaries whose keys are not text, and the data classes and pydantic models of
qlahs (a deadline, a custody clock, a rule value). Anything else is refused, so a fold that
starts keeping a new kind of value fails loudly in the tests instead of resuming wrongly.
"""

from __future__ import annotations

import dataclasses
import json
from datetime import date, datetime
from typing import TYPE_CHECKING, Any
from uuid import UUID

from eventsourcing.utils import get_topic, resolve_topic
from pydantic import BaseModel

if TYPE_CHECKING:
    from qlahs.law.fold import Fold

# Given again on load, never kept.
GIVEN = ("rulebook", "calendar")
OWN = "qlahs."


def dump(fold: Fold) -> str:
    state = {name: value for name, value in vars(fold).items() if name not in GIVEN}
    return json.dumps(_encode(state), ensure_ascii=False, separators=(",", ":"))


def load(fold: Fold, text: str) -> Fold:
    """`fold` (fresh from its class) with the state `dump` kept."""
    state = _decode(json.loads(text))
    assert isinstance(state, dict)
    vars(fold).update(state)
    return fold


PLAIN = frozenset({type(None), bool, int, float, str})


def _encode(value: Any) -> Any:
    kind = type(value)
    if kind in PLAIN:
        return value
    if kind is tuple:
        return {"$t": [v if type(v) in PLAIN else _encode(v) for v in value]}
    if kind is list:
        return [v if type(v) in PLAIN else _encode(v) for v in value]
    if kind is date:
        return {"$d": value.isoformat()}
    if kind is datetime:
        return {"$dt": value.isoformat()}
    if kind is UUID:  # an act a fold keeps for later (an early protest) names its subject
        return {"$u": str(value)}
    if kind is dict:
        if all(type(k) is str and not k.startswith("$") for k in value):
            return {k: _encode(v) for k, v in value.items()}
        return {"$m": [[_encode(k), _encode(v)] for k, v in value.items()]}
    if kind is set or kind is frozenset:
        return {"$s": [_encode(item) for item in sorted(value)]}
    topic = get_topic(kind)
    if topic.startswith(OWN) and isinstance(value, BaseModel):
        return {"$p": topic, "v": value.model_dump(mode="json")}
    if topic.startswith(OWN) and dataclasses.is_dataclass(value):
        fields = {f.name: _encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
        return {"$c": topic, "v": fields}
    raise TypeError(f"a fold keeps a value that cannot be kept as JSON: {kind!r}")


def _decode(value: Any) -> Any:
    if isinstance(value, list):
        return [_decode(item) for item in value]
    if not isinstance(value, dict):
        return value
    if "$d" in value:
        return date.fromisoformat(value["$d"])
    if "$dt" in value:
        return datetime.fromisoformat(value["$dt"])
    if "$u" in value:
        return UUID(value["$u"])
    if "$t" in value:
        return tuple(_decode(item) for item in value["$t"])
    if "$s" in value:
        return {_decode(item) for item in value["$s"]}
    if "$m" in value:
        return {_decode(k): _decode(v) for k, v in value["$m"]}
    if "$p" in value:
        return _own(value["$p"]).model_validate(value["v"])
    if "$c" in value:
        return _own(value["$c"])(**{k: _decode(v) for k, v in value["v"].items()})
    return {k: _decode(v) for k, v in value.items()}


def _own(topic: str) -> Any:
    """A class of qlahs named by a kept state; no other module is ever imported from it."""
    if not topic.startswith(OWN):
        raise ValueError(f"a kept fold state names a class outside qlahs: {topic}")
    return resolve_topic(topic)
