"""The criminal books that follow one decision to its end (law.md §14): a hold (Sổ 21), a
detention order (Sổ 22), a suspension (Sổ 08), a dismissal (Sổ 09), a return of the file for
supplementary investigation (Sổ 10). One row of `qlahs_case_entries` per decision."""

from __future__ import annotations

from collections import Counter

from qlahs.domain.criminal_case import CriminalCase
from qlahs.kernel.subject import Act
from qlahs.law.calendar import fmt
from qlahs.stages.case import wording as w
from qlahs.stages.case.book_names import CaseNames
from qlahs.stages.case.book_tables import Row
from qlahs.stages.case.custody_commands import STAGE_NAMES as DETENTION_STAGES
from qlahs.stages.case.investigation_commands import GROUND_NAMES

C = CriminalCase


class EntryBooks:
    """Sổ 08, 09, 10, 21, 22: each decision a book follows, kept open until its end."""

    def __init__(self, owner: Row, names: CaseNames):
        self.owner, self.names = owner, names
        self.entries: list[Row] = []
        self._holds: dict[str, Row] = {}
        self._detentions: dict[str, Row] = {}
        self._suspensions: dict[str, Row] = {}
        self._return: Row | None = None
        self._arrests: dict[str, Act] = {}
        self._returns: Counter[str] = Counter()

    def _entry(self, kind: str, act: Act, phase: str, person: str | None) -> Row:
        row = self.owner | {
            "kind": kind,
            "seq": act.originator_version,
            "on": act.day,
            "moment": w.moment(act),
            "at": fmt(act.on),
            "person": person or "",
            "name": self.names.name(person) if person else "Toàn bộ vụ án",
            "crime": self.names.crime_of(person),
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

    def follow(self, act: Act, phase: str) -> None:
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
                row["content"] = w.content(act, self.names.full)
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
                row["name"] = ", ".join(self.names.charged())
                row["authority"] = by
                row["content"] = f"Lần {self._returns[by]}"
            case C.InvestigationConcluded() if self._return is not None:
                self._return["end"].append(f"Kết luận điều tra bổ sung {fmt(act.on)}")
            case C.FileReceived() if self._return is not None:
                self._end(self._return, act, "Viện kiểm sát nhận lại hồ sơ")
                self._return = None

    def rows(self) -> list[Row]:
        return [
            row | {key: "; ".join(row[key]) for key in ("extensions", "approvals", "end", "notes")}
            for row in self.entries
        ]
