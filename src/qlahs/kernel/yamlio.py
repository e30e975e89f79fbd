"""YAML as people write it today (YAML 1.2 booleans).

PyYAML follows YAML 1.1, where `on`, `off`, `yes` and `no` are booleans: a scenario step's
`on:` would turn into `True:`. This loader reads only `true` and `false` as booleans.
"""

from __future__ import annotations

import re
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from qlahs.kernel.errors import RuleDataError

Model = TypeVar("Model", bound=BaseModel)


class Loader(yaml.SafeLoader):
    pass


# libyaml's parser where PyYAML was built with it: the law's data (a crime table of every clause,
# the rules) is read by every process that projects or runs a command, ten times faster.
class FastLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    pass


for _loader in (Loader, FastLoader):
    _loader.yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    _loader.add_implicit_resolver(
        "tag:yaml.org,2002:bool",
        re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
        list("tTfF"),
    )


def load(text: str) -> Any:
    return yaml.load(text, Loader=FastLoader)


def compose(text: str) -> yaml.Node | None:
    return yaml.compose(text, Loader=Loader)


def load_data(model: type[Model], name: str, text: str) -> Model:
    """A data file read into its model; a file that does not parse or does not fit (a value
    without its citation, say) is a `RuleDataError` naming the file in Vietnamese."""
    try:
        return model.model_validate(load(text) or {})
    except ValidationError as error:
        raise RuleDataError.from_validation(name, error) from None
    except yaml.YAMLError as error:
        raise RuleDataError(f"Tệp dữ liệu {name} không đọc được: {error}") from None
