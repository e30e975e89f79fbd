"""The criminal books kept one row per case or per person (law.md §14): Sổ 07 (khởi tố, điều
tra), Sổ 14 (sơ thẩm), Sổ 15 (phúc thẩm) and Sổ 23 (quyết định thi hành án), with the text a case
search looks in."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from qlahs.domain.criminal_case import PERSON_STATE_NAMES, STAGE_NAMES, CriminalCase
from qlahs.kernel.subject import Act, day_of
from qlahs.kernel.text_search import searchable
from qlahs.law.calendar import fmt
from qlahs.stages.case import wording as w
from qlahs.stages.case.book_names import CaseNames
from qlahs.stages.case.book_tables import CASE_COLUMNS, CASE_DAYS, Row
from qlahs.stages.case.investigation_commands import GROUND_NAMES

C = CriminalCase


class CaseCells:
    """The cells of a case's row and of its persons' rows, filled act by act."""

    def __init__(self, case: CriminalCase, owner: Row, names: CaseNames):
        self.case, self.owner, self.names = case, owner, names
        self.lines: defaultdict[str, list[str]] = defaultdict(list)
        self.days: dict[str, date] = {}
        self.person_lines: defaultdict[str, defaultdict[str, list[str]]] = defaultdict(
            lambda: defaultdict(list)
        )
        self.person_days: defaultdict[str, dict[str, date]] = defaultdict(dict)
        self.measures: defaultdict[str, list[str]] = defaultdict(list)

    def _first(self, key: str, act: Act) -> None:
        self.days.setdefault(key, act.day)

    def add(self, act: Act, phase: str) -> None:
        on, lines = fmt(act.on), self.lines
        person = getattr(act, "person", None)
        whom = f" {self.names.name(person)}" if person else ""
        match act:
            case C.Opened():
                lines["charges"].append(w.crime_label(act.crime))
                lines["charge_decisions"].append(f"{on} khởi tố vụ án")
            case C.ChargeChanged():
                lines["charges"].append(f"{on} thay đổi: {w.crime_label(act.crime)}")
                lines["charge_decisions"].append(f"{on} thay đổi, bổ sung QĐ khởi tố vụ án")
            case C.PersonCharged():
                lines["charge_decisions"].append(f"{on} khởi tố bị can{whom}")
            case C.ChargeApproved():
                lines["charge_decisions"].append(f"{on} VKS phê chuẩn khởi tố bị can{whom}")
            case C.ChargeCancelled():
                lines["charge_decisions"].append(f"{on} VKS hủy bỏ QĐ khởi tố bị can{whom}")
            case C.EvidenceRequested():
                lines["investigation_requests"].append(
                    f"{on} yêu cầu bổ sung chứng cứ, tài liệu (bị can{whom})"
                )
            case C.InvestigationExtended():
                count = len(lines["extensions"]) + 1
                lines["extensions"].append(f"{on} lần {count}: {w.period(act.months, None)}")
            case C.InvestigationSuspended():
                ground = GROUND_NAMES.get(act.ground, act.ground)
                lines["suspensions"].append(f"{on} tạm đình chỉ điều tra{whom} ({ground})")
            case C.InvestigationResumed():
                lines["suspensions"].append(f"{on} phục hồi điều tra{whom}")
            case C.InvestigationDismissed():
                lines["conclusion"].append(f"{on} đình chỉ điều tra{whom or ' vụ án'}")
            case C.InvestigationConcluded():
                lines["conclusion"].append(f"{on} {w.content(act, self.names.full)}")
            case C.Joined() | C.JoinedInto() | C.Split():
                lines["split_join"].append(f"{on} {w.content(act, self.names.full)}")
            case C.Transferred():
                lines["transfers"].append(f"{on} chuyển {act.to}")
            case C.FileReceived():
                self._first("received_file_on", act)
            case C.Indicted():
                self._first("indicted_on", act)
                persons = act.persons or [p for p, a in self.case.persons.items() if a.charged_on]
                lines["indictment"].append(
                    f"{on} cáo trạng truy tố " + ", ".join(self.names.name(p) for p in persons)
                )
                lines["defendants"] = [self.names.name(p) for p in persons]
            case C.SentToCourt():
                self._first("sent_to_court_on", act)
            case C.CourtAccepted():
                self._first("court_accepted_on", act)
            case C.TrialPreparationExtended():
                lines["trial_extensions"].append(f"{on} gia hạn {w.period(None, act.days)}")
            case C.ReturnedForInvestigation() if phase == "trial":
                lines["trial_returns"].append(f"{on} {w.returned_by(act)}")
            case C.Suspended() | C.Resumed() | C.Dismissed() if phase == "trial":
                text = w.content(act, self.names.full)
                lines["trial_suspensions"].append(
                    f"{on} {w.TITLES[type(act)]}{whom}" + (f" ({text})" if text else "")
                )
            case C.BroughtToTrial():
                self._first("brought_to_trial_on", act)
            case C.Judged():
                self._first("judged_on", act)
                lines["judgment"].append(f"{on} {w.content(act, self.names.full)}")
                for code, accused in self.case.persons.items():
                    if accused.enforcement is not None:
                        self.person_days[code]["judged_on"] = act.day
                        sentence = act.sentences.get(code, act.outcome)
                        self.person_lines[code]["sentence"].append(sentence)
            case C.Appealed():
                self._first("appeal_on", act)
                lines["appeals"].append(f"{on} kháng cáo{whom}")
                for code in [person] if person else list(self.case.persons):
                    self.person_lines[code]["appeals"].append(f"{on} kháng cáo")
            case C.Protested():
                self._first("appeal_on", act)
                lines["protests"].append(f"{on} {w.content(act, self.names.full)} kháng nghị")
                for code in self.case.persons:
                    self.person_lines[code]["appeals"].append(f"{on} kháng nghị")
            case C.AppealAccepted():
                self._first("appeal_accepted_on", act)
            case C.AppealJudged():
                self._first("appeal_judged_on", act)
                lines["appeal_judgment"].append(f"{on} {act.outcome}")
                for code in self.case.persons:
                    self.person_lines[code]["appeal_judgment"].append(f"{on} {act.outcome}")
            case C.EnforcementDecided() if person:
                self.person_days[person]["enforcement_decided_on"] = act.day
        if getattr(act, "machine", "case") == "custody" and person:
            text = w.content(act, self.names.full)
            self.measures[person].append(
                f"{w.MEASURES[type(act)]} {on}" + (f" ({text})" if text else "")
            )
        if act.note:
            lines["notes"].append(f"{on}: {act.note}")
            if person:
                self.person_lines[person]["notes"].append(f"{on}: {act.note}")

    def case_row(self) -> Row:
        case = self.case
        persons = [self.names.full[code] for code in case.persons]
        for code, accused in case.persons.items():  # a person charged otherwise than the case
            if accused.crime and accused.crime != case.crime:
                self.lines["charges"].append(
                    f"{self.names.full[code]}: {w.crime_label(accused.crime)}"
                )
        if "defendants" not in self.lines:
            self.lines["defendants"] = self.names.charged()
        self.lines["measures"] = [
            f"{self.names.name(person)}: {', '.join(items)}"
            for person, items in self.measures.items()
        ]
        cells = {key: "; ".join(self.lines.get(key, [])) for key in CASE_COLUMNS}
        return (
            self.owner
            | cells
            | {
                "opened_on": day_of(case.opened_on),
                "crime": case.crime,
                "crime_name": w.crime_label(case.crime),
                "category": w.category_name(case.category),
                "summary": case.summary,
                "from_report": case.from_report or "",
                "investigating_agency": case.investigating_agency or "",
                "stage": STAGE_NAMES.get(case.stage, case.stage),
                "persons": "; ".join(persons),
                "search": searchable(
                    case.ref,
                    case.from_report,
                    case.summary,
                    w.crime_label(case.crime),
                    *(f"{code} {a.name or ''}" for code, a in case.persons.items()),
                ),
            }
            | {key: self.days.get(key) for key in CASE_DAYS}
        )

    def person_rows(self) -> list[Row]:
        rows = []
        for code, accused in self.case.persons.items():
            lines, days = self.person_lines[code], self.person_days[code]
            crime = accused.crime or ""
            rows.append(
                self.owner
                | {
                    "person": code,
                    "name": accused.name or "",
                    "crime": crime,
                    "crime_name": w.crime_label(crime) if crime else "",
                    "category": w.category_name(accused.category),
                    "custody": _state(accused.custody),
                    "approval": _state(accused.approval),
                    "procedure": _state(accused.procedure),
                    "enforcement": _state(accused.enforcement),
                    "birth_date": accused.birth_date,
                    "charged_on": accused.charged_on,
                    "judged_on": days.get("judged_on"),
                    "enforcement_decided_on": days.get("enforcement_decided_on"),
                    "search": searchable(code, accused.name, self.case.ref),
                }
                | {
                    key: "; ".join(lines.get(key, []))
                    for key in ("sentence", "appeals", "appeal_judgment", "notes")
                }
            )
        return rows


def _state(value: str | None) -> str:
    return PERSON_STATE_NAMES.get(value, value) if value else ""
