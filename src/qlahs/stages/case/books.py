"""The criminal books (law.md §14) as projections of a case's acts.

Four tables, each at the grain of the books that read it, so that every book is one table
filtered by unit, year and at most one value, in one order (`law/books.yaml`):

- `qlahs_case_book`      one row per case: Sổ 07 (khởi tố, điều tra), Sổ 14 (sơ thẩm),
                         Sổ 15 (phúc thẩm), and the text a case search looks in;
- `qlahs_case_persons`   one row per person of a case: Sổ 23 (quyết định thi hành án), search;
- `qlahs_case_decisions` one row per recorded order or decision: Sổ 06 (biện pháp ngăn chặn,
                         `measure`), Sổ 12 (giai đoạn truy tố, `phase`);
- `qlahs_case_entries`   one row per decision a book follows to its end (`kind`): a hold
                         (Sổ 21), a detention order (Sổ 22), a suspension (Sổ 08), a
                         dismissal (Sổ 09), a return of the file (Sổ 10).

The rows are written from the acts in the order they took legal effect. Nothing here judges
time limits: deadlines and violations have their own tables.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from datetime import date
from typing import Any

import sqlalchemy as sa

from qlahs.domain.criminal_case import PERSON_STATE_NAMES, STAGE_NAMES, CriminalCase
from qlahs.kernel.schema import metadata
from qlahs.kernel.subject import Act, day_of
from qlahs.kernel.text_search import searchable
from qlahs.law.calendar import fmt
from qlahs.stages.case import wording as w
from qlahs.stages.case.custody import STAGE_NAMES as DETENTION_STAGES
from qlahs.stages.case.investigation import GROUND_NAMES

C = CriminalCase
Row = dict[str, Any]


def _text(name: str) -> sa.Column[Any]:
    return sa.Column(name, sa.Text, nullable=False)


def _day(name: str, nullable: bool = True) -> sa.Column[Any]:
    return sa.Column(name, sa.Date, nullable=nullable)


def _owner() -> list[sa.Column[Any]]:
    return [
        sa.Column("subject_id", sa.String(36), nullable=False, index=True),
        sa.Column("ref", sa.String(200), nullable=False),
        sa.Column("unit", sa.String(64), nullable=False),
    ]


# -- the tables ------------------------------------------------------------------------------

CASE_COLUMNS = (
    "crime_name",
    "category",
    "summary",
    "from_report",
    "investigating_agency",
    "stage",
    "persons",
    "defendants",
    "charges",
    "charge_decisions",
    "investigation_requests",
    "measures",
    "split_join",
    "transfers",
    "extensions",
    "suspensions",
    "conclusion",
    "indictment",
    "trial_extensions",
    "trial_returns",
    "trial_suspensions",
    "judgment",
    "appeals",
    "protests",
    "appeal_judgment",
    "notes",
    "search",
)
CASE_DAYS = (
    "received_file_on",
    "indicted_on",
    "sent_to_court_on",
    "court_accepted_on",
    "brought_to_trial_on",
    "judged_on",
    "appeal_on",
    "appeal_accepted_on",
    "appeal_judged_on",
)

case_book = sa.Table(
    "qlahs_case_book",
    metadata,
    *_owner(),
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    _day("opened_on", nullable=False),
    sa.Column("crime", sa.String(64), nullable=False),
    *(_text(name) for name in CASE_COLUMNS),
    *(_day(name) for name in CASE_DAYS),
    sa.Index("ix_case_book_unit_opened", "unit", "opened_on"),
)

PERSON_COLUMNS = (
    "name",
    "crime",
    "crime_name",
    "category",
    "custody",
    "approval",
    "procedure",
    "enforcement",
    "sentence",
    "appeals",
    "appeal_judgment",
    "notes",
    "search",
)

case_persons = sa.Table(
    "qlahs_case_persons",
    metadata,
    *_owner(),
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("person", sa.String(64), nullable=False),
    *(_text(name) for name in PERSON_COLUMNS),
    _day("birth_date"),
    _day("charged_on"),
    _day("judged_on"),
    _day("enforcement_decided_on"),
    sa.Index("ix_case_persons_unit_judged", "unit", "judged_on"),
)

case_decisions = sa.Table(
    "qlahs_case_decisions",
    metadata,
    *_owner(),
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("seq", sa.Integer, nullable=False),  # the act's version within its case
    _day("on", nullable=False),
    sa.Column("moment", sa.String(20), nullable=False),  # ISO date or date-time, sortable
    *(_text(name) for name in ("at", "action", "title", "person", "name", "content")),
    sa.Column("phase", sa.String(16), nullable=False),
    *(_text(name) for name in ("phase_name", "actor", "recorded_at", "note")),
    sa.Column("measure", sa.Boolean, nullable=False),  # a restraining measure (Sổ 06)
    sa.Index("ix_case_decisions_unit_on", "unit", "on"),
)

ENTRY_COLUMNS = (
    "at",
    "person",
    "name",
    "crime",
    "phase",
    "authority",
    "content",
    "extensions",
    "approvals",
    "end",
    "actor",
    "notes",
)

case_entries = sa.Table(
    "qlahs_case_entries",
    metadata,
    *_owner(),
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("kind", sa.String(16), nullable=False),  # hold, detention, suspension, …
    sa.Column("seq", sa.Integer, nullable=False),
    _day("on", nullable=False),
    sa.Column("moment", sa.String(20), nullable=False),
    *(_text(name) for name in ENTRY_COLUMNS),
    _day("ended_on"),
    sa.Index("ix_case_entries_unit_kind_on", "unit", "kind", "on"),
)

CASE_TABLES = (case_book, case_persons, case_decisions, case_entries)


def project_case(
    subject_id: str, case: CriminalCase, acts: Sequence[Act]
) -> list[tuple[sa.Table, Row]]:
    """Every book row of one case (the `project=` hook of the case stage)."""
    books = CaseBooks(subject_id, case, acts)
    return [
        (case_book, books.case_row()),
        *((case_persons, row) for row in books.person_rows()),
        *((case_decisions, row) for row in books.decisions),
        *((case_entries, row) for row in books.entry_rows()),
    ]


def phases(acts: Sequence[Act]) -> dict[int, str]:
    """The procedural phase of each act (by version), from the case's stage just before it:
    the aggregate is replayed, so the stage machines stay the only source of the path."""
    result: dict[int, str] = {}
    subject: Any = None
    phase = "investigation"
    for act in acts:
        if subject is not None:
            phase = w.PHASE_OF_STAGE.get(subject.stage, phase)
        result[act.originator_version] = (
            "enforcement" if isinstance(act, C.EnforcementDecided) else phase
        )
        subject = act.mutate(subject)
    return result


class CaseBooks:
    """Walks a case's acts in legal order once and keeps the cells of every book."""

    def __init__(self, subject_id: str, case: CriminalCase, acts: Sequence[Act]):
        self.case = case
        self.owner: Row = {"subject_id": subject_id, "ref": case.ref, "unit": case.unit}
        # persons split off to another case are no longer in `case.persons`; their charge
        # still names them
        known = {a.person: a.name for a in acts if isinstance(a, C.PersonCharged)}
        known |= {code: a.name for code, a in case.persons.items() if a.name}
        self.names = {code: f"{name} ({code})" for code, name in known.items() if name}
        self.names |= {code: code for code in case.persons if code not in self.names}
        self.lines: defaultdict[str, list[str]] = defaultdict(list)
        self.days: dict[str, date] = {}
        self.person_lines: defaultdict[str, defaultdict[str, list[str]]] = defaultdict(
            lambda: defaultdict(list)
        )
        self.person_days: defaultdict[str, dict[str, date]] = defaultdict(dict)
        self.measures: defaultdict[str, list[str]] = defaultdict(list)
        self.decisions: list[Row] = []
        self.entries: list[Row] = []
        self._holds: dict[str, Row] = {}
        self._detentions: dict[str, Row] = {}
        self._suspensions: dict[str, Row] = {}
        self._return: Row | None = None
        self._arrests: dict[str, Act] = {}
        self._returns: Counter[str] = Counter()
        phase_of = phases(acts)
        for act in sorted(acts, key=lambda a: (day_of(a.on), a.originator_version)):
            phase = phase_of[act.originator_version]
            self._decision(act, phase)
            self._follow(act, phase)
            self._case_cells(act, phase)
            if act.note:
                self.lines["notes"].append(f"{fmt(act.on)}: {act.note}")
                person = getattr(act, "person", None)
                if person:
                    self.person_lines[person]["notes"].append(f"{fmt(act.on)}: {act.note}")

    # -- names ---------------------------------------------------------------------------

    def name(self, person: str | None) -> str:
        return self.names.get(person, person) if person else ""

    def crime_of(self, person: str | None) -> str:
        accused = self.case.persons.get(person or "")
        return w.crime_label(accused.crime if accused and accused.crime else self.case.crime)

    def _charged(self) -> list[str]:
        return [
            self.names[code]
            for code, accused in self.case.persons.items()
            if accused.charged_on is not None
        ]

    # -- Sổ 06, Sổ 12: one row per order or decision ---------------------------------------

    def _decision(self, act: Act, phase: str) -> None:
        person = getattr(act, "person", None)
        machine = getattr(act, "machine", "case")
        action = "case.open" if isinstance(act, C.Opened) else f"{_family(machine)}.{act.step}"
        self.decisions.append(
            self.owner
            | {
                "seq": act.originator_version,
                "on": act.day,
                "moment": w.moment(act),
                "at": fmt(act.on),
                "action": action,
                "title": w.TITLES.get(type(act), act.step),
                "person": person or "",
                "name": self.name(person),
                "content": w.content(act, self.names),
                "phase": phase,
                "phase_name": w.PHASE_NAMES[phase],
                "actor": act.actor,
                "recorded_at": w.recorded(act),
                "note": act.note or "",
                "measure": machine == "custody",
            }
        )

    # -- Sổ 08, 09, 10, 21, 22: decisions followed to their end ----------------------------

    def _entry(self, kind: str, act: Act, phase: str, person: str | None) -> Row:
        row = self.owner | {
            "kind": kind,
            "seq": act.originator_version,
            "on": act.day,
            "moment": w.moment(act),
            "at": fmt(act.on),
            "person": person or "",
            "name": self.name(person) if person else "Toàn bộ vụ án",
            "crime": self.crime_of(person),
            "phase": w.PHASE_NAMES[phase],
            "authority": "",
            "content": "",
            "extensions": [],
            "approvals": [],
            "end": [],
            "actor": act.actor,
            "notes": [act.note] if act.note else [],
            "ended_on": None,
        }
        self.entries.append(row)
        return row

    @staticmethod
    def _end(row: Row | None, act: Act, what: str) -> None:
        if row is not None:
            row["end"].append(f"{what} {fmt(act.on)}")
            row["ended_on"] = act.day

    def _follow(self, act: Act, phase: str) -> None:
        person = getattr(act, "person", None) or ""
        match act:
            case C.Arrested():
                self._arrests[person] = act
            case C.Held():
                row = self._holds[person] = self._entry("hold", act, phase, person)
                arrest = self._arrests.pop(person, None)
                if arrest is not None:
                    row["content"] = f"Bắt, giữ khẩn cấp {fmt(arrest.on)}"
            case C.HoldExtended() if person in self._holds:
                row = self._holds[person]
                row["extensions"].append(
                    f"Lần {len(row['extensions']) + 1}: {fmt(act.on)}, {w.period(None, act.days)}"
                )
            case C.HoldExtensionApproved() if person in self._holds:
                self._holds[person]["approvals"].append(f"Phê chuẩn {fmt(act.on)}")
            case C.Detained():
                self._end(self._holds.pop(person, None), act, "Chuyển tạm giam")
                self._end(
                    self._detentions.pop(person, None),
                    act,
                    f"Lệnh tạm giam mới {DETENTION_STAGES[act.stage]}",
                )
                row = self._detentions[person] = self._entry("detention", act, phase, person)
                row["content"] = w.content(act, self.names)
            case C.DetentionExtended() if person in self._detentions:
                row = self._detentions[person]
                row["extensions"].append(
                    f"Lần {len(row['extensions']) + 1}: {fmt(act.on)}, "
                    f"{w.period(act.months, act.days)}"
                )
            case C.Released():
                self._end(self._holds.pop(person, None), act, "Trả tự do")
                self._end(self._detentions.pop(person, None), act, "Trả tự do")
            case C.InvestigationSuspended() | C.Suspended():
                row = self._suspensions[person] = self._entry("suspension", act, phase, person)
                row["authority"] = w.AUTHORITIES[phase]
                row["content"] = GROUND_NAMES.get(act.ground, act.ground)
            case C.InvestigationResumed() | C.Resumed():
                self._end(self._suspensions.pop(person, None), act, "Phục hồi")
            case C.InvestigationDismissed() | C.Dismissed():
                row = self._entry("dismissal", act, phase, person)
                row["authority"] = w.AUTHORITIES[phase]
                row["content"] = act.ground or ""
                for key in [k for k in self._suspensions if k == person or not person]:
                    self._end(self._suspensions.pop(key), act, "Đình chỉ")
            case C.ReturnedForInvestigation():
                by = w.returned_by(act)
                self._returns[by] += 1
                row = self._return = self._entry("return", act, phase, None)
                row["name"] = ", ".join(self._charged())
                row["authority"] = by
                row["content"] = f"Lần {self._returns[by]}"
            case C.InvestigationConcluded() if self._return is not None:
                self._return["end"].append(f"Kết luận điều tra bổ sung {fmt(act.on)}")
            case C.FileReceived() if self._return is not None:
                self._end(self._return, act, "Viện kiểm sát nhận lại hồ sơ")
                self._return = None

    def entry_rows(self) -> list[Row]:
        return [
            row | {key: "; ".join(row[key]) for key in ("extensions", "approvals", "end", "notes")}
            for row in self.entries
        ]

    # -- Sổ 07, 14, 15: the case's cells ---------------------------------------------------

    def _first(self, key: str, act: Act) -> None:
        self.days.setdefault(key, act.day)

    def _case_cells(self, act: Act, phase: str) -> None:
        on, lines = fmt(act.on), self.lines
        person = getattr(act, "person", None)
        whom = f" {self.name(person)}" if person else ""
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
                lines["conclusion"].append(f"{on} {w.content(act, self.names)}")
            case C.Joined() | C.JoinedInto() | C.Split():
                lines["split_join"].append(f"{on} {w.content(act, self.names)}")
            case C.Transferred():
                lines["transfers"].append(f"{on} chuyển {act.to}")
            case C.FileReceived():
                self._first("received_file_on", act)
            case C.Indicted():
                self._first("indicted_on", act)
                persons = act.persons or [p for p, a in self.case.persons.items() if a.charged_on]
                lines["indictment"].append(
                    f"{on} cáo trạng truy tố " + ", ".join(self.name(p) for p in persons)
                )
                lines["defendants"] = [self.name(p) for p in persons]
            case C.SentToCourt():
                self._first("sent_to_court_on", act)
            case C.CourtAccepted():
                self._first("court_accepted_on", act)
            case C.TrialPreparationExtended():
                lines["trial_extensions"].append(f"{on} gia hạn {w.period(None, act.days)}")
            case C.ReturnedForInvestigation() if phase == "trial":
                lines["trial_returns"].append(f"{on} {w.returned_by(act)}")
            case C.Suspended() | C.Resumed() | C.Dismissed() if phase == "trial":
                text = w.content(act, self.names)
                lines["trial_suspensions"].append(
                    f"{on} {w.TITLES[type(act)]}{whom}" + (f" ({text})" if text else "")
                )
            case C.BroughtToTrial():
                self._first("brought_to_trial_on", act)
            case C.Judged():
                self._first("judged_on", act)
                lines["judgment"].append(f"{on} {w.content(act, self.names)}")
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
                lines["protests"].append(f"{on} {w.content(act, self.names)} kháng nghị")
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
            text = w.content(act, self.names)
            self.measures[person].append(
                f"{w.MEASURES[type(act)]} {on}" + (f" ({text})" if text else "")
            )

    def case_row(self) -> Row:
        case = self.case
        persons = [self.names[code] for code in case.persons]
        for code, accused in case.persons.items():  # a person charged otherwise than the case
            if accused.crime and accused.crime != case.crime:
                self.lines["charges"].append(f"{self.names[code]}: {w.crime_label(accused.crime)}")
        if "defendants" not in self.lines:
            self.lines["defendants"] = self._charged()
        self.lines["measures"] = [
            f"{self.name(person)}: {', '.join(items)}" for person, items in self.measures.items()
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


def _family(machine: str) -> str:
    """The vocabulary prefix of an act: custody acts are `custody.*`, the rest `case.*`."""
    return "custody" if machine == "custody" else "case"
