"""Every `qlahs` command called with fuzzed arguments (random values, missing values, unknown
options, wrong types) answers as a person expects: exit 0, 1 or 2, no traceback, none of
click's, typer's or pydantic's English, and every line on stderr in Vietnamese."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import typer
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from qlahs.cli.main import app

runner = CliRunner()

ENGLISH = (
    "Traceback",
    "Error",
    "Usage",
    "Invalid value",
    "Missing",
    "is not",
    "Try ",
    "Input should",
    "No such",
    "Aborted",
    "Got unexpected",
    "requires an argument",
    "Could not",
    "No such file",
    "Permission denied",
)
# Letters of Vietnamese beyond ASCII: a Vietnamese sentence has some of them.
VIETNAMESE = re.compile(r"[À-ỹĐđ]")


def _commands(command: Any, path: list[str]) -> Iterator[tuple[list[str], Any]]:
    subcommands = getattr(command, "commands", None)
    if path and any(p.name != "help" for p in command.params):
        yield path, command
    if subcommands:
        for name, sub in subcommands.items():
            yield from _commands(sub, [*path, name])
    elif not path:
        yield path, command


COMMANDS = [(path, cmd) for path, cmd in _commands(typer.main.get_command(app), []) if path]

# Values people might type, right or wrong; texts of letters that spell no English word.
TEXT = st.text(alphabet="aăâbcdđêôơưáạ0123456789/-:. _", max_size=12)
VALUE = st.one_of(
    TEXT,
    st.integers(-100_000, 100_000).map(str),
    st.sampled_from(
        [
            "",
            "2025",
            "1900",
            "0",
            "05/03/2025",
            "31/02/2025",
            "2025-03-05",
            "08:30 05/03/2025",
            "2025-13-01",
            "VKSKV7",
            "CV",
            "03",
            "04",
            "2025-Q1",
            "x" * 300,
            "[red]đỏ[/]",
        ]
    ),
)


@pytest.fixture(scope="module")
def place(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A folder of its own, with a store holding one numbered document."""
    folder = tmp_path_factory.mktemp("fuzz")
    url = f"sqlite:///{folder / 'kho.db'}"
    result = runner.invoke(
        app,
        ["number", "issue", "--series", "CV", "--unit", "VKSKV7", "--on", "05/03/2025",
         "--title", "Công văn", "--db", url],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    (folder / "users.yaml").write_text("users:\n  - [1\n", encoding="utf-8")
    yield folder


@st.composite
def calls(draw: st.DrawFn, folder: Path) -> list[str]:
    path, command = draw(st.sampled_from(COMMANDS))
    dbs = [
        f"sqlite:///{folder / 'kho.db'}",
        f"sqlite:///{folder / 'khong_co.db'}",
        f"sqlite:///{folder / 'khong' / 'kho.db'}",
        "postgresql://postgres:bimat@127.0.0.1:1/test",
        "mysql://x",
        "không phải url",
    ]
    files = [str(folder / name) for name in ("users.yaml", "kho.db", "khong_co.txt", "ra.xlsx")]
    files += [str(folder / "khong" / "ra.xlsx"), str(folder)]
    args = list(path)
    for param in command.params:
        if param.name == "help" or not draw(st.booleans()):
            continue  # a required one left out is a wrong call too
        if param.param_type_name == "argument":
            args.append(draw(st.one_of(VALUE, st.sampled_from(files))))
            continue
        name = draw(st.sampled_from([*param.opts, *param.secondary_opts]))
        args.append(name)
        if getattr(param, "is_flag", False):
            continue
        if name == "--db":
            value = draw(st.sampled_from(dbs))
        elif name in ("--out", "--write", "--xlsx", "--html", "--load", "--key", "--checkpoint"):
            value = draw(st.sampled_from(files))
        else:
            value = draw(VALUE)
        args.append(value)
    if draw(st.integers(0, 5)) == 0:  # an unknown option, a missing value, an extra argument
        extra = draw(st.sampled_from([["--khong-co"], ["--limit"], ["--year"], ["thừa"]]))
        position = draw(st.integers(len(path), len(args)))
        args[position:position] = extra
    if path == ["demo"]:
        args += ["--reports", "0"]  # a real demo takes seconds: only its refusals are fuzzed
    if path == ["generate"]:
        args += ["--fraction", "0.001"]  # likewise: a unit's data, next to nothing of it
    # A service runs until it is stopped: only its refusals are fuzzed (a command before may
    # have made the default store, which a server would then serve).
    if path == ["project"]:
        args = [arg for arg in args if arg != "--follow"]
    if path == ["serve"]:  # a store in a folder no command is given, so none can make it
        args += ["--db", f"sqlite:///{folder / 'khong_phuc_vu' / 'kho.db'}"]
    return args


@settings(
    max_examples=int(os.environ.get("QLAHS_FUZZ_EXAMPLES", "250")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_every_command_answers_fuzzed_arguments_in_vietnamese(
    place: Path, data: st.DataObject, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(place)  # what a command writes by default lands here
    args = data.draw(calls(place))
    result = runner.invoke(app, args)
    shown = f"qlahs {' '.join(args)}\n{result.output}"
    assert result.exit_code in (0, 1, 2), shown
    assert not isinstance(result.exception, Exception) or isinstance(
        result.exception, SystemExit
    ), shown
    for english in ENGLISH:
        assert english not in result.stderr, shown
    for line in result.stderr.splitlines():
        assert line.strip(), shown
        assert VIETNAMESE.search(line) or line.startswith("Xem: qlahs "), shown
