"""Modules 2–5 as a stage plug-in: the criminal case's actions, subject and rules."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Any

from qlahs.domain.criminal_case import CaseAct, CriminalCase
from qlahs.kernel.subject import Subject
from qlahs.stages.case import appeal, enforcement, indictment, trial
from qlahs.stages.case import custody_commands as custody
from qlahs.stages.case import enforcement_commands as enforce
from qlahs.stages.case import investigation_commands as investigation
from qlahs.stages.case.appeal import AppealRules
from qlahs.stages.case.books import CASE_TABLES, project_case
from qlahs.stages.case.charge_approval import ChargeApprovalRules
from qlahs.stages.case.custody import CustodyRules
from qlahs.stages.case.enforcement import EnforcementRules
from qlahs.stages.case.enforcement_book import enforcement_book, enforcement_rows
from qlahs.stages.case.indictment import IndictmentRules
from qlahs.stages.case.investigation import InvestigationRules
from qlahs.stages.case.lineage import LineageRules, join_in, link_report, split_off
from qlahs.stages.case.minors import MinorRules, minor_actions
from qlahs.stages.case.own_agency import OwnAgencyRules
from qlahs.stages.case.review import REVIEW_ACTIONS, ReviewRules
from qlahs.stages.case.review_book import review_book, with_review_book
from qlahs.stages.case.statistics import STATISTICS
from qlahs.stages.commands import Command
from qlahs.stages.registry import Action, Stage, calls, records
from qlahs.stages.supervision.actions import assign_prosecutor, supervision_actions
from qlahs.stages.supervision.book import supervision_book
from qlahs.stages.supervision.rules import SupervisionRules


class CaseRules(
    InvestigationRules,
    ChargeApprovalRules,
    CustodyRules,
    IndictmentRules,
    AppealRules,
    EnforcementRules,
    ReviewRules,
    LineageRules,
    SupervisionRules,
    OwnAgencyRules,
    MinorRules,
):
    """Every obligation of a criminal case: each stage's rules react to the acts they know,
    and those of the procuracy's own acts on it (Điều 167)."""


def _open(subject: Subject | None, command: Command, fields: dict[str, Any]) -> Subject:
    assert subject is None
    return CriminalCase.open(ref=command.ref, **fields)


_records = partial(records, CriminalCase)


C = CriminalCase
ACTIONS: tuple[tuple[str, type[Command], type[CaseAct]], ...] = (
    ("case.approve_charge", investigation.ApproveCharge, C.ChargeApproved),
    ("case.cancel_charge", investigation.CancelCharge, C.ChargeCancelled),
    ("case.request_evidence", investigation.RequestEvidence, C.EvidenceRequested),
    ("case.extend_investigation", investigation.ExtendInvestigation, C.InvestigationExtended),
    ("case.suspend_investigation", investigation.SuspendInvestigation, C.InvestigationSuspended),
    ("case.resume_investigation", investigation.ResumeInvestigation, C.InvestigationResumed),
    ("case.dismiss_investigation", investigation.DismissInvestigation, C.InvestigationDismissed),
    ("case.transfer", investigation.TransferCase, C.Transferred),
    ("case.conclude_investigation", investigation.ConcludeInvestigation, C.InvestigationConcluded),
    ("custody.arrest", custody.Arrest, C.Arrested),
    ("custody.hold", custody.Hold, C.Held),
    ("custody.extend_hold", custody.ExtendHold, C.HoldExtended),
    ("custody.approve_hold_extension", custody.ApproveHoldExtension, C.HoldExtensionApproved),
    ("custody.detain", custody.Detain, C.Detained),
    ("custody.extend_detention", custody.ExtendDetention, C.DetentionExtended),
    ("custody.release", custody.Release, C.Released),
    ("case.receive_file", indictment.ReceiveFile, C.FileReceived),
    ("case.extend_prosecution", indictment.ExtendProsecution, C.ProsecutionExtended),
    (
        "case.return_for_investigation",
        indictment.ReturnForInvestigation,
        C.ReturnedForInvestigation,
    ),
    ("case.send_to_court", indictment.SendToCourt, C.SentToCourt),
    ("case.suspend", indictment.SuspendCase, C.Suspended),
    ("case.resume", indictment.ResumeCase, C.Resumed),
    ("case.dismiss", indictment.DismissCase, C.Dismissed),
    ("case.court_accept", trial.CourtAccept, C.CourtAccepted),
    ("case.extend_trial_preparation", trial.ExtendTrialPreparation, C.TrialPreparationExtended),
    ("case.bring_to_trial", trial.BringToTrial, C.BroughtToTrial),
    ("case.judge", trial.Judge, C.Judged),
    ("case.appeal", appeal.AppealJudgment, C.Appealed),
    ("case.protest", appeal.Protest, C.Protested),
    ("case.appeal_accept", appeal.AppealAccept, C.AppealAccepted),
    ("case.appeal_judge", appeal.AppealJudge, C.AppealJudged),
    ("case.enforcement_decision", enforcement.DecideEnforcement, C.EnforcementDecided),
)
ENFORCEMENT: tuple[tuple[str, type[Command], Any], ...] = (
    ("case.delegate_enforcement", enforce.DelegateEnforcement, C.delegate_enforcement),
    (
        "case.deliver_enforcement_decision",
        enforce.DeliverEnforcementDecision,
        C.deliver_enforcement_decision,
    ),
    ("case.report_for_enforcement", enforce.ReportForEnforcement, C.report_for_enforcement),
    ("case.enforce_immediately", enforce.EnforceImmediately, C.enforce_immediately),
    ("case.deliver_judgment", enforce.DeliverJudgment, C.deliver_judgment),
)

STAGE = Stage(
    name="case",
    subject=CriminalCase,
    rules=CaseRules,
    project=with_review_book(
        lambda sid, case, acts: [
            *project_case(sid, case, acts),
            *((enforcement_book, row) for row in enforcement_rows(sid, case, acts)),
        ]
    ),
    tables=(*CASE_TABLES, supervision_book, enforcement_book, review_book),
    book_files=(
        Path(__file__).parent / "enforcement_books.yaml",
        Path(__file__).with_name("review_books.yaml"),
    ),
    statistics=STATISTICS,
    actions=(
        Action("case.open", investigation.OpenCase, _open, creates=True, involve=link_report),
        Action("case.change_charge", investigation.ChangeCharge, calls(C.change_charge)),
        Action("case.charge", investigation.ChargePerson, calls(C.charge)),
        Action("case.indict", indictment.Indict, calls(C.indict)),
        *(Action(name, command, calls(method)) for name, command, method in ENFORCEMENT),
        *(Action(name, command, _records(act)) for name, command, act in ACTIONS),
        *REVIEW_ACTIONS,
        Action("case.join", investigation.JoinCases, _records(C.Joined), involve=join_in),
        Action("case.split", investigation.SplitCase, calls(C.split), involve=split_off),
        assign_prosecutor("case"),
        *supervision_actions("case"),
        *minor_actions(),
    ),
)
