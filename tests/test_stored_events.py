"""Events written by an earlier version of qlahs still load and give the same judgement.

`tests/data/report-events-v0.1.json` holds every kind of crime-report event as qlahs 0.1.0
stored it. Renaming or moving an event class without `register_topic` or an upcaster breaks
this test.
"""

from __future__ import annotations

from datetime import date

from qlahs.engine import Engine
from stored_v01 import insert_v01_events


def test_events_stored_by_version_0_1_load_and_are_judged(store_url: str) -> None:
    with Engine.open(store_url) as engine:
        count = insert_v01_events(engine)
        report = engine.subject("report", "TB-CU")
        assert (report.stage, report.outcome, report.case) == ("decided", "khoi_to", "VA-CU")
        assert report.suspects == ["Lê Văn Bình"]
        assert len(engine.history("report", "TB-CU")) == count == 13
        (resolve,) = engine.deadlines(date(2025, 7, 31), ref="TB-CU", rule="report.resolve")
        assert resolve.status == "met"
        assert engine.search("TB-CU")[0]["ref"] == "TB-CU"


def test_command_ids_stored_before_the_engine_package_still_resolve() -> None:
    from eventsourcing.utils import resolve_topic

    from qlahs.engine.command_log import CommandLog

    assert resolve_topic("qlahs.application:CommandLog") is CommandLog
    assert resolve_topic("qlahs.application:CommandLog.Handled") is CommandLog.Handled


CASE_ACTS = (
    "Opened",
    "ChargeChanged",
    "PersonCharged",
    "ChargeApproved",
    "ChargeCancelled",
    "EvidenceRequested",
    "InvestigationExtended",
    "InvestigationSuspended",
    "InvestigationResumed",
    "InvestigationDismissed",
    "Transferred",
    "Joined",
    "JoinedInto",
    "Split",
    "InvestigationConcluded",
    "Arrested",
    "Held",
    "HoldExtended",
    "HoldExtensionApproved",
    "Detained",
    "DetentionExtended",
    "Released",
    "FileReceived",
    "ProsecutionExtended",
    "ReturnedForInvestigation",
    "Indicted",
    "SentToCourt",
    "Suspended",
    "Resumed",
    "Dismissed",
    "CourtAccepted",
    "TrialPreparationExtended",
    "BroughtToTrial",
    "Judged",
    "Appealed",
    "Protested",
    "AppealAccepted",
    "AppealJudged",
    "EnforcementDecided",
)


def test_case_acts_keep_the_topics_they_were_stored_under() -> None:
    """The acts of a person's machines are declared on a base class of `CriminalCase`; they
    are still written and read as `CriminalCase.<Act>`."""
    from eventsourcing.utils import get_topic, resolve_topic

    from qlahs.domain.criminal_case import CriminalCase

    for name in CASE_ACTS:
        topic = f"qlahs.domain.criminal_case:CriminalCase.{name}"
        act = getattr(CriminalCase, name)
        assert get_topic(act) == topic
        assert resolve_topic(topic) is act
