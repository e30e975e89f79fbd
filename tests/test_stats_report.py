"""A report's figures against independent counts of the read models (books, deadline and
violation lists), and its reproducibility: the same report as known at the same moment gives
the same figures whatever was recorded since, and after a replay."""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
import sqlalchemy as sa

from conftest import postgres_url
from qlahs.demo.cases import with_cases
from qlahs.demo.run import commands
from qlahs.engine import Engine
from qlahs.kernel.errors import CommandRejected
from qlahs.law.calendar import Calendar
from qlahs.stages.case.books import case_book, case_decisions, case_persons
from qlahs.stages.report.book import report_book
from qlahs.stats.compute import Report, compute
from qlahs.stats.indicators import catalogue
from qlahs.stats.periods import parse_period

UNIT = "VKSKV7"  # the demo's unit
UNTIL = date(2026, 3, 31)
PERIOD = parse_period("6m-2026")  # 01/12/2025 – 31/05/2026: the story stops on UNTIL
INDICATOR = {indicator.code: indicator for indicator in catalogue()}


@pytest.fixture(
    scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
)
def year(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Engine]:
    """Five months of the demo's reports and cases, recorded once per store."""
    schema = None
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('stats')}/year.db"
    else:
        base = postgres_url()
        schema = f"qlahs_t_{uuid.uuid4().hex[:12]}"
        url = f"{base}{'&' if '?' in base else '?'}schema={schema}"
    calendar = Calendar.default()
    steps = with_cases(commands(200, UNTIL, 11, calendar), UNTIL, 11, calendar)
    with Engine.open(url, default_unit=UNIT) as engine:
        for step in steps:
            with contextlib.suppress(CommandRejected):  # the demo's few refused acts
                engine.execute(step)
        engine.catch_up()
        yield engine
    if schema is not None:
        admin = sa.create_engine(postgres_url().replace("postgresql://", "postgresql+psycopg://"))
        with admin.begin() as connection:
            connection.execute(sa.text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        admin.dispose()


def made(engine: Engine) -> Report:
    return compute(engine, UNIT, PERIOD)


def value(report: Report, code: str) -> Any:
    return report.value(INDICATOR[code])


def count(engine: Engine, table: sa.Table, *where: Any) -> int:
    with engine.sql.connect() as connection:
        query = sa.select(sa.func.count()).select_from(table).where(table.c.unit == UNIT, *where)
        return int(connection.execute(query).scalar_one())


def test_reports_received_and_decided_match_the_report_book(year: Engine) -> None:
    report = made(year)
    start, end = PERIOD.start, report.end
    book = report_book.c
    assert value(report, "A.2.1") == count(year, report_book, book.received_on.between(start, end))
    decided = book.decided_on.between(start, end)
    assert value(report, "A.4.1") == count(
        year, report_book, decided, book.outcome.like("Khởi tố vụ án%")
    )
    assert value(report, "A.4.2") == count(
        year, report_book, decided, book.outcome.like("Không khởi tố%")
    )


def test_cases_persons_indictments_and_judgments_match_the_criminal_books(year: Engine) -> None:
    report = made(year)
    start, end = PERIOD.start, report.end
    assert value(report, "B.2.1") == count(
        year, case_book, case_book.c.opened_on.between(start, end)
    )
    assert value(report, "B.9.1") == count(
        year, case_persons, case_persons.c.charged_on.between(start, end)
    )
    assert value(report, "C.4.1") == count(
        year, case_book, case_book.c.indicted_on.between(start, end)
    )
    assert value(report, "D.4.1") == count(
        year, case_book, case_book.c.judged_on.between(start, end)
    )
    assert value(report, "Đ.15") == count(
        year,
        case_decisions,
        case_decisions.c.action == "custody.detain",
        case_decisions.c.on.between(start, end),
    )


@pytest.mark.parametrize(
    ("code", "rules"),
    [
        ("A.5.1", {"report.resolve"}),
        ("B.5.1", {"case.investigate"}),
        ("C.5.1", {"prosecution.decide"}),
        ("Đ.7", {"custody.hold"}),
        ("Đ.14", {"custody.detention"}),
        ("E.5.1", {"enforcement.decide"}),
    ],
)
def test_overdue_figures_are_the_overdue_list_at_the_end_of_the_period(
    year: Engine, code: str, rules: set[str]
) -> None:
    report = made(year)
    listed = [d for d in year.overdue(report.end, unit=UNIT) if d.rule in rules]
    assert value(report, code) == len(listed)


def test_violations_are_those_the_violation_list_shows_for_the_period(year: Engine) -> None:
    report = made(year)
    listed = [
        v
        for v in year.violations(report.end, unit=UNIT)
        if not v.rule.startswith("number.")
        and (v.happened_on is None or v.happened_on >= PERIOD.start)
    ]
    assert value(report, "V.1") == len(listed) == len(report.findings)
    assert sorted((v.ref, v.rule, v.kind) for v in listed) == sorted(
        (f.ref, f.rule, f.kind) for f in report.findings
    )
    assert value(report, "V.1") > 0


def test_the_figures_of_the_demo_months_are_not_empty(year: Engine) -> None:
    report = made(year)
    assert value(report, "A.3") > 50 and value(report, "B.2.1") > 5
    assert 0 < value(report, "A.6") <= 100


# -- reproducibility ---------------------------------------------------------------------------


def receive(engine: Engine, ref: str, on: str) -> None:
    engine.execute(
        {
            "on": on,
            "do": "report.receive",
            "ref": ref,
            "with": {"source": "to_giac", "received_by": "CQDT"},
        }
    )


def test_a_report_recomputed_as_known_at_its_moment_gives_the_same_figures(engine: Engine) -> None:
    receive(engine, "TB1", "2025-03-03")
    receive(engine, "TB2", "2025-03-05")
    period = parse_period("2025-03")
    first = compute(engine, "VKS-T", period)
    # later: a back-dated decision inside the period, a new report, the unit a new name
    engine.execute(
        {"on": "2025-03-20", "do": "report.decide", "ref": "TB1", "with": {"outcome": "khoi_to"}}
    )
    receive(engine, "TB3", "2025-03-28")
    engine.execute(
        {
            "on": "2025-01-01",
            "do": "unit.rename",
            "ref": "VKS-T",
            "with": {"name": "Đơn vị thử"},
        }
    )
    again = compute(engine, "VKS-T", period, known_at=first.known_at)
    assert again.total == first.total and again.unit_name == first.unit_name == "Đơn vị VKS-T"
    now = compute(engine, "VKS-T", period)
    assert now.total["report.in.Received"] == 3 and now.total["report.out.Decided.khoi_to"] == 1
    assert now.unit_name == "Đơn vị thử"
    engine.replay()
    assert compute(engine, "VKS-T", period, known_at=first.known_at).total == first.total


def test_a_report_says_when_its_data_was_taken_and_how_to_take_it_again(engine: Engine) -> None:
    receive(engine, "TB1", "2025-03-03")
    report = compute(engine, "VKS-T", parse_period("2025-03"))
    assert report.position >= 1
    assert report.taken.endswith("(giờ Việt Nam)")
    assert report.known_at_text.endswith("+07:00")
