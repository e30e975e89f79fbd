"""pytest collects every `*.scenario.yaml` under `tests/` as test items: one per file and per
store, named by the scenario's `name`. The PostgreSQL items run when
`QLAHS_TEST_POSTGRES_URL` is set and skip with the reason otherwise."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from qlahs.kernel.errors import ScenarioFileError
from qlahs.scenario import format as scenario_format
from qlahs.scenario.report import failure_text
from qlahs.scenario.runner import run

POSTGRES_ENV = "QLAHS_TEST_POSTGRES_URL"


def pytest_collect_file(parent: pytest.Collector, file_path: Path) -> pytest.Collector | None:
    if file_path.name.endswith(".scenario.yaml"):
        return ScenarioFile.from_parent(parent, path=file_path)
    return None


class ScenarioFile(pytest.File):
    def collect(self) -> Iterator[pytest.Item]:
        try:
            scenario = scenario_format.read(self.path)
        except ScenarioFileError as error:
            yield UnreadableScenario.from_parent(self, name=self.path.name, error=str(error))
            return
        for store in ("sqlite", "postgresql"):
            yield ScenarioItem.from_parent(
                self, name=f"{scenario.name} [{store}]", scenario=scenario, store=store
            )


class ScenarioItem(pytest.Item):
    def __init__(self, *, scenario: scenario_format.Scenario, store: str, **kwargs: Any):
        super().__init__(**kwargs)
        self.scenario, self.store = scenario, store
        if store == "postgresql":
            self.add_marker(pytest.mark.postgres)

    def runtest(self) -> None:
        url = "sqlite:///:memory:"
        if self.store == "postgresql":
            url = os.environ.get(POSTGRES_ENV, "")
            if not url:
                pytest.skip(f"{POSTGRES_ENV} chưa đặt: bỏ qua kịch bản trên PostgreSQL")
        result = run(self.scenario, url)
        if not result["passed"]:
            raise ScenarioFailed(failure_text(result))

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> str:
        if isinstance(excinfo.value, ScenarioFailed):
            return str(excinfo.value)
        return str(super().repr_failure(excinfo))

    def reportinfo(self) -> tuple[Path, int, str]:
        return self.path, 0, f"kịch bản: {self.name}"


class UnreadableScenario(pytest.Item):
    def __init__(self, *, error: str, **kwargs: Any):
        super().__init__(**kwargs)
        self.error = error

    def runtest(self) -> None:
        raise ScenarioFailed(self.error)

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> str:
        return str(excinfo.value)


class ScenarioFailed(Exception):
    pass
