"""A scenario file written carelessly (impossible dates, missing keys, wrong types) is refused
with a Vietnamese message naming its line or field, never with a raw exception."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from qlahs.kernel.errors import CommandRejected, ScenarioFileError
from qlahs.scenario.format import read
from qlahs.scenario.runner import run

ENGLISH = ("Input should", "Value error", "Field required", "validation error", "Error(", "<class")

scalar = st.one_of(
    st.sampled_from(
        [
            "2025-13-45",
            "2025-02-30",
            "0000-01-01",
            "9999-12-31",
            "31/12/2025",
            "'2025-02-10x'",
            "2025-03-03T25:61",
            "[]",
            "{}",
            "[a, b]",
            "~",
            "true",
            "-1",
            "1e400",
            "'\\0'",
            '"\\0"',
            '"\\ud800"',
            "!!binary AAAA",
            "&a x",
            "*a",
            "report.receive",
            "TB1",
            "2025-03-04",
        ]
    ),
    st.text(alphabet="abc:-[]{},'\"#&*!|> 0123456789\n", max_size=12),
)
keys = st.sampled_from(["on", "do", "ref", "with", "unit", "rejected", "at", "xyz", "expect"])


@st.composite
def scenario_text(draw: st.DrawFn) -> str:
    """A scenario file: the valid shape of `format_example`, with parts replaced or dropped."""
    step = {
        "on": "2025-01-20",
        "do": "report.receive",
        "ref": "TB1",
        "with": "{source: to_giac, received_by: CQDT}",
    }
    for key in draw(st.lists(keys, max_size=3)):
        step[key] = draw(scalar)
    for key in draw(st.lists(st.sampled_from(sorted(step)), max_size=2)):
        step.pop(key, None)
    check = {"at": draw(st.one_of(st.just("2025-02-10"), scalar))}
    entry = draw(st.sampled_from(["{ref: TB1, due: 2025-02-10}", "{ref: TB1, due: '2025-02-1x'}"]))
    check[draw(st.sampled_from(["deadlines", "violations", "xyz"]))] = f"[{entry}]"
    lines = [f"name: {draw(st.one_of(st.just('Thử'), scalar))}", "unit: VKS-HN-KV01", "steps:"]
    lines += _item(step, draw(st.integers(0, 2)))
    if draw(st.booleans()):
        lines += ["expect:", *_item(check, 0)]
    return "\n".join(lines[: draw(st.integers(1, len(lines)))] if draw(st.booleans()) else lines)


def _item(fields: dict[str, Any], copies: int) -> list[str]:
    body = [f"    {key}: {value}" for key, value in fields.items()] or ["    {}"]
    one = [f"  - {body[0].strip()}", *body[1:]]
    return list(itertools.chain.from_iterable([one] * (copies + 1)))


def _clean(message: str) -> None:
    assert message
    for english in ENGLISH:
        assert english not in message, f"{english!r} in: {message}"


def _counter() -> itertools.count[int]:
    return itertools.count()


@settings(
    max_examples=250,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(text=scenario_text())
def test_a_careless_scenario_file_is_refused_in_vietnamese_or_runs(
    text: str, tmp_path: Path
) -> None:
    path = tmp_path / "thu.scenario.yaml"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    try:
        scenario = read(path)
    except ScenarioFileError as refusal:
        message = str(refusal)
        _clean(message)
        assert "dòng" in message or "không đọc được" in message, message
        return
    try:
        result = run(scenario)
    except CommandRejected as refusal:
        _clean(str(refusal))
        return
    for step in result["steps"]:
        if step["error"]:
            _clean(step["error"])


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("name: x\nsteps:\n  - on: 2025-13-45\n    do: report.receive\n", "dòng 3"),
        ("name: x\nsteps:\n  - on: 2025-02-30\n    do: report.receive\n", "dòng 3"),
        ("name: x\nsteps:\n  - on: 2025-01-01\n    do: x\nexpect:\n  - at: 2025-02-31\n", "dòng 6"),
    ],
)
def test_an_impossible_date_names_its_line(tmp_path: Path, text: str, says: str) -> None:
    path = tmp_path / "ngay.scenario.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ScenarioFileError, match="ngày không có thật") as refused:
        read(path)
    assert says in str(refused.value)


def test_an_expected_date_that_is_not_a_date_fails_the_check_not_the_runner(
    tmp_path: Path,
) -> None:
    path = tmp_path / "han.scenario.yaml"
    path.write_text(
        "name: x\nunit: VKS-T\nsteps:\n"
        "  - {on: 2025-01-20, do: report.receive, ref: TB1,"
        " with: {source: to_giac, received_by: CQDT}}\n"
        "expect:\n  - at: 2025-02-10\n    deadlines: [{ref: TB1, due: '2025-02-1x'}]\n",
        encoding="utf-8",
    )
    result = run(read(path))
    assert result["passed"] is False


def test_a_scenario_unit_that_is_no_unit_code_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "don_vi.scenario.yaml"
    path.write_text(
        "name: x\nunit: VKS KV7\nsteps:\n  - {on: 2025-01-20, do: report.notify_procuracy}\n",
        encoding="utf-8",
    )
    with pytest.raises(ScenarioFileError, match="dòng 2: trường 'unit' chỉ gồm chữ không dấu"):
        read(path)
