"""A direct inspection (cuộc kiểm sát trực tiếp) by the procuracy of a body that holds or
enforces: a detention facility (trại tạm giam, nhà tạm giữ), a prison, a criminal enforcement
body of the police, a commune that supervises a suspended sentence (Luật Thi hành tạm giữ, tạm
giam 2015 Điều 42–43; Luật Thi hành án hình sự 2019 Điều 168–169).

The VKS decides the inspection, concludes it, and issues recommendations (kiến nghị), protests
(kháng nghị) and lessons notices; the inspected body answers. The documents and answers are the
procuracy's own acts of `supervision.py`, declared on its base class and stored as
`Inspection.<Act>`; whether an answer came in time is judged by `stages/enforcement/rules.py`.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any, ClassVar, Literal

from eventsourcing.domain import Aggregate

from qlahs.domain.machines.inspection import InspectionPath
from qlahs.domain.supervision import SupervisionActs
from qlahs.kernel.errors import CommandRejected
from qlahs.kernel.machines import transitions_of
from qlahs.kernel.subject import Act, day_of, subject_id
from qlahs.law.calendar import fmt

Facility = Literal[
    "trai_tam_giam",
    "nha_tam_giu",
    "trai_giam",
    "co_quan_thads_khu_vuc",
    "co_quan_thads_tinh",
    "ubnd_xa",
]
FACILITY_NAMES = {
    "trai_tam_giam": "Trại tạm giam",
    "nha_tam_giu": "Nhà tạm giữ",
    "trai_giam": "Trại giam",
    "co_quan_thads_khu_vuc": "Cơ quan thi hành án hình sự Công an cấp huyện, khu vực",
    "co_quan_thads_tinh": "Cơ quan thi hành án hình sự Công an cấp tỉnh",
    "ubnd_xa": "Ủy ban nhân dân cấp xã",
}
# The places where persons are held before judgment: the law on detention governs them.
DETENTION = frozenset({"trai_tam_giam", "nha_tam_giu"})
Scope = Literal["tam_giu_tam_giam", "thi_hanh_an", "ca_hai"]
SCOPE_NAMES = {
    "tam_giu_tam_giam": "quản lý, thi hành tạm giữ, tạm giam",
    "thi_hanh_an": "thi hành án hình sự",
    "ca_hai": "tạm giữ, tạm giam và thi hành án hình sự",
}


class Inspection(SupervisionActs):
    """One direct inspection of one facility or enforcement body."""

    kind: ClassVar[str] = "inspection"
    noun: ClassVar[str] = "cuộc kiểm sát"
    transitions = transitions_of(InspectionPath)
    stage_names: ClassVar[dict[str, str]] = {
        str(s.value): str(s.name) for s in InspectionPath.states
    }

    if TYPE_CHECKING:
        facility_kind: str
        facility: str
        scope: str
        decision: str | None
        prosecutor: str | None
        concluded_on: date | None
        violations_found: int | None

    class Opened(Act, Aggregate.Created):
        """Quyết định kiểm sát trực tiếp; `on` is the first day of the inspection."""

        step = ""
        named = "Quyết định kiểm sát trực tiếp"
        ref: str
        facility_kind: str
        facility: str
        scope: str
        decision: str | None
        prosecutor: str | None

        def apply(self, aggregate: Any) -> None:
            aggregate.ref, aggregate.unit, aggregate.stage = self.ref, self.unit, "inspecting"
            aggregate.opened_on = self.on
            aggregate.facility_kind, aggregate.facility = self.facility_kind, self.facility
            aggregate.scope, aggregate.decision = self.scope, self.decision
            aggregate.prosecutor = self.prosecutor
            aggregate.concluded_on = aggregate.violations_found = None

    class Concluded(Act):
        """Kết luận kiểm sát trực tiếp."""

        step = "conclude"
        personal = ("content",)
        content: str
        violations_found: int
        decision: str | None

        def apply(self, aggregate: Any) -> None:
            super().apply(aggregate)
            aggregate.concluded_on = day_of(self.on)
            aggregate.violations_found = self.violations_found

    @classmethod
    def open(cls, *, ref: str, **fields: Any) -> Inspection:
        return cls._create(cls.Opened, id=subject_id(cls.kind, ref), ref=ref, **fields)

    def conclude(self, **fields: Any) -> None:
        self.require_step("conclude", fields["on"])
        self.trigger_event(self.Concluded, **fields)

    def require_concluded(self, what: str, on: date) -> None:
        """A recommendation or protest rests on the conclusion's findings (Luật THAHS 2019
        Điều 168): it cannot come before the conclusion."""
        if self.concluded_on is None:
            raise CommandRejected(
                f"Cuộc kiểm sát {self.ref} chưa có kết luận: chưa thể ban hành {what} "
                "(cần inspection.conclude trước)."
            )
        if day_of(on) < self.concluded_on:
            raise CommandRejected(
                f"Ngày {fmt(on)} trước ngày kết luận kiểm sát ({fmt(self.concluded_on)}; "
                "trường 'on'): không thể có thật."
            )
