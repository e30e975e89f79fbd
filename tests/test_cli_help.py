"""Every help page of `qlahs` names what an option takes in Vietnamese: no `<str>`, `<int>`,
`TEXT`, `INTEGER`, `PATH` nor `[OPTIONS] COMMAND [ARGS]` of typer and click."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from qlahs.cli.help_labels import vietnamese_label
from qlahs.cli.main import app

runner = CliRunner()
ENGLISH = re.compile(
    r"<(?:str|int|float|bool|path|file|dir|datetime|list)\b|\b(?:TEXT|INTEGER|FLOAT|BOOLEAN|PATH|"
    r"FILE|DIRECTORY|OPTIONS|COMMAND|ARGS|REF|LOGIN|FILES|NUMBER|USER)\b|\[OPTIONS\]"
)


def _paths(command: Any, path: list[str]) -> Iterator[list[str]]:
    yield path
    for name, sub in (getattr(command, "commands", None) or {}).items():
        yield from _paths(sub, [*path, name])


PATHS = list(_paths(typer.main.get_command(app), []))


@pytest.mark.parametrize("path", PATHS, ids=lambda path: " ".join(path) or "qlahs")
def test_every_help_page_names_what_an_option_takes_in_vietnamese(path: list[str]) -> None:
    result = runner.invoke(app, [*path, "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "Cách dùng: qlahs" in result.output
    assert not ENGLISH.findall(result.output), result.output


def test_the_labels_keep_choices_and_say_the_rest_in_vietnamese() -> None:
    assert vietnamese_label("<int range>") == "<số nguyên>"
    assert vietnamese_label("<str>") == "<chữ>"
    assert vietnamese_label("<list[Path]>") == "<đường dẫn…>"
    assert vietnamese_label("<QD-HS|LENH>") == "<QD-HS|LENH>"
    assert vietnamese_label("[1<=x<=1000]") == "[1<=x<=1000]"


def test_a_wrong_value_names_the_argument_as_the_help_shows_it() -> None:
    result = runner.invoke(app, ["case", "show"])
    assert "thiếu đối số SỐ_HIỆU." in result.output
