"""The procuracy's own acts on a crime report or a criminal case, and the supervised body's
answers (BLTTHS 2015 Điều 159–167; Luật Tổ chức Viện kiểm sát nhân dân 2014 Điều 5).

The VKS assigns its prosecutor and the leader in charge, requests (verification, prosecution,
investigation, a change of a restraining measure), cancels a decision of the investigating
body, recommends (kiến nghị), notifies lessons (thông báo rút kinh nghiệm) and protests
(kháng nghị); the body answers each request, recommendation and protest, and may object to a
VKS decision before the superior VKS (Điều 162 k2, Điều 167 k2), which must answer.

Each issued document is an *item* of its subject, named by a key (`YC1`, `KN1`…) that its
answer names. These acts move no stage: supervision goes on at every step. They are declared
on `SupervisionActs`, a base class of `CrimeReport` and `CriminalCase`; eventsourcing
redefines them on each, so they are stored as `CrimeReport.<Act>` and `CriminalCase.<Act>`.
Whether an answer came in time is judged by `stages/supervision/rules.py`, never here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from qlahs.kernel.errors import CommandRejected
from qlahs.kernel.subject import Act, Subject, day_of
from qlahs.law.calendar import fmt

# What a key names: the family of the document, and the prefix of its automatic key.
FAMILIES = {
    "request": "YC",
    "recommendation": "KN",
    "protest": "KNG",
    "lessons": "TB",
    "cancellation": "HB",
    "objection": "KNCT",
}
FAMILY_NAMES = {
    "request": "yêu cầu",
    "recommendation": "kiến nghị",
    "protest": "kháng nghị",
    "lessons": "thông báo rút kinh nghiệm",
    "cancellation": "quyết định hủy bỏ",
    "objection": "kiến nghị lên Viện kiểm sát cấp trên",
}
# The families the supervised body answers, and the action that records the answer.
ANSWERED = {
    "request": "answer_request",
    "recommendation": "answer_recommendation",
    "protest": "answer_protest",
    "objection": "answer_objection",
}


@dataclass
class Item:
    """One document of the VKS (or the body's objection) followed until it is answered."""

    key: str
    family: str
    what: str  # the kind of request, of cancelled decision…; "" where there is one kind
    on: date
    content: str
    to: str | None
    decision: str | None
    person: str | None = None
    answered_on: date | None = None
    result: str | None = None
    answer: str = ""


@dataclass
class Supervision:
    """The supervision state of one subject: who is assigned, and every item."""

    assignments: list[tuple[date, str, str]] = field(default_factory=list)  # day, role, name
    items: dict[str, Item] = field(default_factory=dict)

    def current(self, role: str) -> str | None:
        names = [name for _, r, name in self.assignments if r == role]
        return names[-1] if names else None


def supervision_of(subject: Any) -> Supervision:
    """The subject's supervision state; a subject recorded before these acts has none yet."""
    state = getattr(subject, "supervision", None)
    if state is None:
        state = Supervision()
        subject.supervision = state
    return state


class SupervisionAct(Act):
    """An act of supervision: it moves no stage (supervision goes on at every step)."""

    def apply(self, aggregate: Any) -> None:
        self.follow(supervision_of(aggregate), aggregate)

    def follow(self, state: Supervision, aggregate: Any) -> None:
        raise NotImplementedError


class SupervisionActs(Subject):
    """The procuracy's acts on a subject and the answers to them."""

    class Assigned(SupervisionAct):
        """Phân công (lại) Kiểm sát viên, hoặc lãnh đạo phụ trách (Điều 41 k1, Điều 42)."""

        step = "assign"
        named = "Phân công Kiểm sát viên hoặc lãnh đạo phụ trách"
        personal = ("reason",)
        role: str  # kiem_sat_vien | lanh_dao
        prosecutor: str
        decision: str | None
        reason: str | None

        def follow(self, state: Supervision, aggregate: Any) -> None:
            state.assignments.append((day_of(self.on), self.role, self.prosecutor))
            if self.role == "kiem_sat_vien":
                aggregate.prosecutor = self.prosecutor

    class Issued(SupervisionAct):
        """A request, recommendation, protest, lessons notice or cancellation of the VKS."""

        step = "issue"
        named = "Viện kiểm sát ban hành yêu cầu, kiến nghị, kháng nghị hoặc văn bản khác"
        personal = ("content",)
        key: str
        family: str
        what: str
        content: str
        to: str | None
        decision: str | None
        person: str | None
        answer_by: date | None
        answer_within: int | None

        def follow(self, state: Supervision, aggregate: Any) -> None:
            state.items[self.key] = Item(
                self.key,
                self.family,
                self.what,
                day_of(self.on),
                self.content,
                self.to,
                self.decision,
                self.person,
            )

    class Objected(SupervisionAct):
        """The body disagrees with a VKS decision and objects to the superior VKS (Điều 162
        k2, Điều 167 k2); it must still carry the decision out."""

        step = "object"
        named = "Cơ quan không đồng ý, báo cáo Viện kiểm sát cấp trên"
        personal = ("content",)
        key: str
        by: str  # CQDT | CQ_KHAC
        against: str | None
        content: str

        def follow(self, state: Supervision, aggregate: Any) -> None:
            state.items[self.key] = Item(
                self.key, "objection", self.by, day_of(self.on), self.content, None, self.against
            )

    class Answered(SupervisionAct):
        """The answer to an item: how the body carried out a request, whether it accepted a
        recommendation or protest, how the superior VKS settled an objection."""

        step = "answer"
        named = "Trả lời, kết quả thực hiện văn bản của Viện kiểm sát"
        personal = ("content",)
        key: str
        result: str
        content: str

        def follow(self, state: Supervision, aggregate: Any) -> None:
            item = state.items[self.key]
            item.answered_on, item.result, item.answer = day_of(self.on), self.result, self.content

    # -- commands: check, then record ---------------------------------------------------------

    def assign(self, **fields: Any) -> None:
        self.require_not_before("assign", fields["on"])
        self.trigger_event(self.Assigned, **fields)

    def issue(self, **fields: Any) -> None:
        """Record a document of the VKS under a key of its own (given, or the next free one)."""
        self.require_not_before(fields["family"], fields["on"])
        answer_by = fields.get("answer_by")
        if answer_by is not None and answer_by < day_of(fields["on"]):
            raise CommandRejected(
                f"Trường 'answer_by' ({fmt(answer_by)}) trước ngày ban hành ({fmt(fields['on'])})"
                ": hạn trả lời không thể có trước văn bản."
            )
        fields["key"] = self._new_key(fields.get("key"), fields["family"])
        self.trigger_event(self.Issued, **fields)

    def object(self, **fields: Any) -> None:
        self.require_not_before("object", fields["on"])
        against = fields.get("against")
        if against is not None:
            item = self._item(against, "against")
            self._not_before(item, fields["on"], "against")
        fields["key"] = self._new_key(fields.get("key"), "objection")
        self.trigger_event(self.Objected, **fields)

    def answer(self, family: str, **fields: Any) -> None:
        """Record the answer to one open item of `family`; the key may be left out when only
        one such item is open."""
        self.require_not_before(ANSWERED[family], fields["on"])
        key = fields.get("key") or self._only_open(family)
        item = self._item(key, "item")
        if item.family != family:
            raise CommandRejected(
                f"'{key}' của {self.noun} {self.ref} là {FAMILY_NAMES[item.family]}, không phải "
                f"{FAMILY_NAMES[family]} (trường 'item')."
            )
        if item.answered_on is not None:
            raise CommandRejected(
                f"{FAMILY_NAMES[family].capitalize()} {key} của {self.noun} {self.ref} đã được "
                f"trả lời ngày {fmt(item.answered_on)}; không thể trả lời lần thứ hai."
            )
        self._not_before(item, fields["on"], "item")
        self.trigger_event(self.Answered, **(fields | {"key": key}))

    # -- checks ---------------------------------------------------------------------------------

    def _items(self) -> dict[str, Item]:
        return supervision_of(self).items

    def _new_key(self, key: str | None, family: str) -> str:
        items = self._items()
        if key is None:
            prefix, number = FAMILIES[family], 1
            while f"{prefix}{number}" in items:
                number += 1
            return f"{prefix}{number}"
        if key in items:
            raise CommandRejected(
                f"{self.noun.capitalize()} {self.ref} đã có văn bản số hiệu '{key}' "
                f"({FAMILY_NAMES[items[key].family]} ngày {fmt(items[key].on)}; trường 'item')."
            )
        return key

    def _item(self, key: str, field_name: str) -> Item:
        item = self._items().get(key)
        if item is None:
            raise CommandRejected(
                f"{self.noun.capitalize()} {self.ref} không có văn bản số hiệu '{key}' "
                f"(trường '{field_name}')."
            )
        return item

    def _only_open(self, family: str) -> str:
        open_keys = [
            i.key for i in self._items().values() if i.family == family and i.answered_on is None
        ]
        if len(open_keys) == 1:
            return open_keys[0]
        if not open_keys:
            raise CommandRejected(
                f"{self.noun.capitalize()} {self.ref} không có {FAMILY_NAMES[family]} nào đang "
                "chờ trả lời."
            )
        raise CommandRejected(
            f"{self.noun.capitalize()} {self.ref} có {len(open_keys)} {FAMILY_NAMES[family]} "
            f"đang chờ trả lời ({', '.join(open_keys)}): ghi trường 'item'."
        )

    def _not_before(self, item: Item, on: date, field_name: str) -> None:
        if day_of(on) < item.on:
            raise CommandRejected(
                f"Ngày {fmt(on)} trước ngày {FAMILY_NAMES[item.family]} {item.key} "
                f"({fmt(item.on)}; trường '{field_name}'): không thể có thật."
            )
