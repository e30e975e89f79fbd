"""The court procedure's actions for one stage: `<prefix>.<verb>`, each with its command and
what it records on the stage's aggregate."""

from __future__ import annotations

from typing import Any

from qlahs.domain.court_matter import CourtMatter
from qlahs.kernel.subject import Subject
from qlahs.stages.commands import Command
from qlahs.stages.court import commands as c
from qlahs.stages.registry import Action, Record, calls, records


def _receive(matter: type[CourtMatter]) -> Record:
    def record(subject: Subject | None, command: Command, fields: dict[str, Any]) -> Subject:
        assert subject is None
        return matter.receive_claim(ref=command.ref, **fields)

    return record


def _opening(matter: type[CourtMatter], method: str, opener: str) -> Record:
    """An act that opens the subject when nothing was recorded before it."""

    def record(subject: Subject | None, command: Command, fields: dict[str, Any]) -> Subject:
        if subject is None:
            opened: CourtMatter = getattr(matter, opener)(ref=command.ref, **fields)
            return opened
        getattr(subject, method)(**fields)
        return subject

    return record


def _named(prefix: str, verb: str, base: type[Command]) -> type[Command]:
    """The command of `<prefix>.<verb>`: the shared fields under the stage's action name."""
    name = f"{prefix.capitalize()}{base.__name__.removeprefix('Admin')}"
    return type(name, (base,), {"action": f"{prefix}.{verb}", "__doc__": base.__doc__})


def court_actions(prefix: str, matter: type[CourtMatter], *, civil: bool) -> tuple[Action, ...]:
    m = matter
    rows: list[tuple[str, type[Command], Record, bool, bool]] = [
        (
            "receive_claim",
            c.ReceiveClaim if civil else c.AdminReceiveClaim,
            _receive(m),
            True,
            False,
        ),
        ("return_claim", c.ReturnClaim, records(m, m.ClaimReturned), False, False),
        (
            "accept",
            c.Accept if civil else c.AdminAccept,
            _opening(m, "accept", "open_on_acceptance"),
            False,
            True,
        ),
        ("deliver", c.Deliver, calls(CourtMatter.deliver), False, False),
        ("object_return", c.ObjectReturn, records(m, m.ReturnObjected), False, False),
        (
            "extend_preparation",
            c.ExtendPreparation,
            records(m, m.PreparationExtended),
            False,
            False,
        ),
        ("suspend", c.Suspend, records(m, m.Suspended), False, False),
        ("resume", c.Resume, records(m, m.Resumed), False, False),
        ("dismiss", c.Dismiss, records(m, m.Dismissed), False, False),
        ("bring_to_trial", c.BringToTrial, calls(CourtMatter.bring_to_trial), False, False),
        ("send_file", c.SendFile, records(m, m.FileSent), False, False),
        ("return_file", c.ReturnFile, calls(CourtMatter.return_file), False, False),
        ("open_session", c.OpenSession, records(m, m.SessionOpened), False, False),
        ("attend", c.Attend, records(m, m.Attended), False, False),
        ("judge", c.Judge, calls(CourtMatter.judge), False, False),
        ("appeal", c.Appeal, records(m, m.Appealed), False, False),
        ("protest", c.Protest, records(m, m.Protested), False, False),
        ("appeal_accept", c.AppealAccept, records(m, m.AppealAccepted), False, False),
        ("appeal_judge", c.AppealJudge, records(m, m.AppealJudged), False, False),
        (
            "take_effect",
            c.TakeEffect if civil else c.AdminTakeEffect,
            _opening(m, "take_effect", "open_in_effect"),
            False,
            True,
        ),
        ("learn_grounds", c.LearnGrounds, records(m, m.GroundsLearned), False, False),
        (
            "cassation_protest",
            c.CassationProtest if civil else c.AdminCassationProtest,
            calls(CourtMatter.cassation_protest),
            False,
            False,
        ),
    ]
    if civil:
        rows += [
            (
                "schedule_hearing",
                c.ScheduleHearing,
                calls(CourtMatter.schedule_hearing),
                False,
                False,
            ),
            ("decide_petition", c.DecidePetition, calls(CourtMatter.decide_petition), False, False),
        ]
    return tuple(
        Action(f"{prefix}.{verb}", _named(prefix, verb, base), record, creates=creates, opens=opens)
        for verb, base, record, creates, opens in rows
    )
