"""Statistics read from the facts the projector keeps give exactly the figures the replay of
the log gives: for the nation, a unit and its subordinates, a year and a month, as known now
or at an earlier moment, after an erasure, and with a subject set aside by the projector."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from qlahs.engine import Engine
from qlahs.generate.run import generate
from qlahs.oversight.erasure import erase
from qlahs.projections import tables as t
from qlahs.projections.stat_facts import FactsFold
from qlahs.stages.report.rules import ReportRules
from qlahs.stats import snapshot as log
from qlahs.stats.compute import Report, compute, report_of
from qlahs.stats.periods import parse_period

UNTIL = date(2026, 11, 27)


def replayed(
    engine: Engine, report: Report, unit: str | None, period: str, **options: Any
) -> Report:
    """The same report replayed from the log, as known at the same moment."""
    units, subjects = log.stream(engine, report.known_at)
    return report_of(
        units,
        unit,
        parse_period(period),
        rulebook=engine.rulebook,
        calendar=engine.calendar,
        subjects=subjects,
        **options,
    )


def same(a: Report, b: Report) -> None:
    assert a.total == b.total
    assert [(p.code, p.measures) for p in a.parts] == [(p.code, p.measures) for p in b.parts]
    assert a.months == b.months
    assert a.findings == b.findings
    assert a.notes == b.notes


def receive(engine: Engine, ref: str, on: str) -> None:
    engine.execute(
        {
            "on": on,
            "do": "report.receive",
            "ref": ref,
            "with": {"source": "to_giac", "received_by": "CQDT"},
        }
    )


def test_a_generated_store_gives_the_same_figures_read_or_replayed(store_url: str) -> None:
    with Engine.open(store_url) as engine:
        generate(engine, "unit", years=1, seed=11, until=UNTIL, fraction=0.3)
        engine.catch_up()
        with engine.sql.connect() as connection:
            kept = connection.execute(t.subject_facts.select()).all()
        assert len(kept) > 60  # one row per counted subject
        asked = [
            (None, False, "y-2026"),
            (None, False, "2026-06"),
            ("VKSQN", True, "y-2026"),
            ("VKSKV7", False, "6m-2026"),
        ]
        findings = 0
        for unit, subunits, period in asked:
            report = compute(engine, unit, parse_period(period), with_subunits=subunits)
            same(report, replayed(engine, report, unit, period, with_subunits=subunits))
            findings += len(report.findings)
        assert findings > 0  # the bodies violations are held against were read too


def test_as_known_at_an_earlier_moment_later_acts_are_replayed_not_read(engine: Engine) -> None:
    receive(engine, "TB1", "2025-03-03")
    receive(engine, "TB2", "2025-03-05")
    first = compute(engine, "VKS-T", parse_period("2025-03"))
    engine.execute(
        {"on": "2025-03-20", "do": "report.decide", "ref": "TB1", "with": {"outcome": "khoi_to"}}
    )
    receive(engine, "TB3", "2025-03-28")
    again = compute(engine, "VKS-T", parse_period("2025-03"), known_at=first.known_at)
    assert again.total == first.total
    assert again.total["report.in.Received"] == 2
    assert again.total["report.out.Decided.khoi_to"] == 0
    same(again, replayed(engine, again, "VKS-T", "2025-03"))
    now = compute(engine, "VKS-T", parse_period("2025-03"))
    assert now.total["report.in.Received"] == 3 and now.total["report.out.Decided.khoi_to"] == 1
    same(now, replayed(engine, now, "VKS-T", "2025-03"))


def test_acts_recorded_after_an_erasure_still_count(engine: Engine) -> None:
    receive(engine, "TB1", "2025-03-03")
    erase(engine, "TB1", reason="Quyết định xóa dữ liệu số 1")
    engine.execute(
        {"on": "2025-03-20", "do": "report.decide", "ref": "TB1", "with": {"outcome": "khoi_to"}}
    )
    report = compute(engine, "VKS-T", parse_period("2025-03"))
    assert report.total["report.out.Decided.khoi_to"] == 1
    same(report, replayed(engine, report, "VKS-T", "2025-03"))


def test_a_subject_set_aside_is_replayed_and_one_that_cannot_be_is_named(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    receive(engine, "TB1", "2025-03-03")
    receive(engine, "TB2", "2025-03-04")
    engine.catch_up()
    original = ReportRules.on_Extended

    def broken(self: ReportRules, act: Any) -> None:
        raise RuntimeError("a bug in a rule")

    monkeypatch.setattr(ReportRules, "on_Extended", broken)
    engine.execute({"do": "report.extend", "ref": "TB1", "on": "2025-03-20"})
    engine.catch_up()  # TB1 is set aside, with its rows from before the extension
    report = compute(engine, "VKS-T", parse_period("2025-03"))
    assert report.total["report.in.Received"] == 1  # TB2; TB1 could not be counted either
    assert any("TB1" in note and "chưa tính được" in note for note in report.notes)

    monkeypatch.setattr(ReportRules, "on_Extended", original)
    mended = compute(engine, "VKS-T", parse_period("2025-03"))
    # still set aside in the read models, but the replay now counts it, extension included
    assert mended.total["report.in.Received"] == 2
    assert not any("chưa tính được" in note for note in mended.notes)
    same(mended, replayed(engine, mended, "VKS-T", "2025-03"))


def test_a_record_its_statistics_cannot_read_keeps_its_lists_and_is_named(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = FactsFold._count

    def count(self: FactsFold, act: Any, subject: Any) -> None:
        if subject.ref == "TB2":
            raise RuntimeError("a bug in a stage's statistics")
        real(self, act, subject)

    monkeypatch.setattr(FactsFold, "_count", count)
    receive(engine, "TB1", "2025-03-03")
    receive(engine, "TB2", "2025-03-04")
    listed = {d.ref for d in engine.deadlines(date(2025, 3, 5))}
    assert listed == {"TB1", "TB2"}  # its deadlines are kept, nothing is set aside
    with engine.sql.connect() as connection:
        assert connection.execute(t.quarantine.select()).all() == []
    report = compute(engine, "VKS-T", parse_period("2025-03"))
    assert report.total["report.in.Received"] == 1
    assert any("TB2" in note and "chưa tính được" in note for note in report.notes)
