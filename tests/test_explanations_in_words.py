"""A person reads every deadline's explanation and every violation in Vietnamese words: no rule
code (`custody.detention`), parameter code (`prosecution_INT`) or category code (`NT`)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from qlahs.kernel.errors import RuleDataError
from qlahs.law.rulebook import RuleBook
from qlahs.scenario import format as scenario_format
from qlahs.scenario.runner import run

SCENARIOS = sorted(Path(__file__).parent.joinpath("scenarios").rglob("*.scenario.yaml"))
RULE_CODE = re.compile(r"\b[a-z_]+\.[a-z_]+\b")
WEB_ADDRESS = re.compile(r"\b[a-z_]+\.(?:com|vn|net|org)\b")
CATEGORY_CODES = {"INT", "NT", "RNT", "DBNT"}


def _codes_in(line: str, parameters: set[str]) -> list[str]:
    found = list(RULE_CODE.findall(WEB_ADDRESS.sub("", line)))
    found += [w for w in re.findall(r"\w+", line) if w in parameters or w in CATEGORY_CODES]
    return found


def _parameters() -> set[str]:
    return {name for rule in RuleBook.default().rules.values() for name in rule.parameters}


def test_the_value_line_names_the_obligation_and_the_parameter_in_words() -> None:
    value = RuleBook.default().value("custody.detention", "prosecution_INT", date(2025, 3, 1))
    line = value.explain()
    assert line.startswith(
        "Thời hạn tạm giam — Tạm giam trong giai đoạn truy tố, tội phạm ít nghiêm trọng"
    )
    assert ": 30 ngày (tạm giam) — BLTTHS 2015 Điều 241," in line
    assert "hiệu lực từ 01/01/2018" in line
    assert not _codes_in(line, _parameters())


def test_a_value_not_in_force_is_refused_in_words() -> None:
    with pytest.raises(RuleDataError) as refused:
        RuleBook.default().value("case.investigate", "minor_percent", date(2025, 12, 31))
    message = str(refused.value)
    assert message.startswith("Thời hạn điều tra vụ án hình sự — Vụ án có người chưa thành")
    assert "31/12/2025" in message
    assert not _codes_in(message, _parameters())


def test_no_explanation_or_violation_of_the_scenario_suite_shows_a_code() -> None:
    parameters = _parameters()
    leaks: dict[str, str] = {}
    lines = 0
    for path in SCENARIOS:
        result = run(scenario_format.read(path))
        for check in result["checks"]:
            said = [line for d in check["deadlines"] for line in d["explanation"]]
            said += [v["message"] for v in check["violations"]]
            lines += len(said)
            for line in said:
                if _codes_in(line, parameters):
                    leaks.setdefault(line, path.name)
    assert len(SCENARIOS) > 200 and lines > 5000
    assert not leaks, "\n".join(f"{name}: {line}" for line, name in leaks.items())
