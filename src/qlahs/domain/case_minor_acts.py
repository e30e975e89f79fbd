"""The two acts that give a case with an accused minor back the time limits of the Criminal
Procedure Code (Luật Tư pháp người chưa thành niên 59/2024/QH15, khoản 1 of its article on
time limits, in force 01/01/2026): the case is found particularly complex ("vụ án có tính chất
đặc biệt phức tạp"), or, at the prosecution or first-instance trial stage, the procuracy or
the court issues a notice that the diversion procedure applies ("ra thông báo áp dụng thủ tục
xử lý chuyển hướng").

They move no stage. They are declared on `MinorActs`, a base class of `CriminalCase`, and
stored as `CriminalCase.<Act>`. From the first of them the halved limits give way; how a
running period is recomputed is judged by `stages/case/minors.py`, never here.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from qlahs.kernel.errors import CommandRejected
from qlahs.kernel.subject import Act, Subject, day_of
from qlahs.law.calendar import fmt

if TYPE_CHECKING:
    from qlahs.domain.case_persons import Accused

# Who finds a case particularly complex: the body conducting the proceedings at the time.
DECLARED_BY = {"CQDT": "Cơ quan điều tra", "VKS": "Viện kiểm sát", "TA": "Tòa án"}
# The stage of a diversion notice, the body that issues it, and the case's stages it fits.
DIVERSION_STAGES: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "truy_to": ("giai đoạn truy tố", "Viện kiểm sát", ("prosecution", "case_suspended")),
    "xet_xu_so_tham": (
        "giai đoạn xét xử sơ thẩm",
        "Tòa án",
        ("trial_preparation", "trial_suspended", "trial_scheduled"),
    ),
}
# A case in one of these stages has no period left that the halving touches.
CLOSED_STAGES = ("dismissed", "merged", "judged", "appeal_trial", "appeal_judged")


def age_on(birth: date, day: date) -> int:
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


class MinorAct(Act):
    """An act that restores the Code's limits for a case with an accused minor: it moves no
    stage; the case keeps the day of the first one."""

    document: str | None

    def apply(self, aggregate: Any) -> None:
        if getattr(aggregate, "full_limits_since", None) is None:
            aggregate.full_limits_since = day_of(self.on)


class MinorActs(Subject):
    """The acts of `case.declare_particularly_complex` and `case.notify_diversion`."""

    if TYPE_CHECKING:  # state set by the acts of `CriminalCase`
        persons: dict[str, Accused]
        opened_on: date

    class ParticularlyComplexDeclared(MinorAct):
        """Xác định vụ án có tính chất đặc biệt phức tạp."""

        step = "declare_particularly_complex"
        named = "Xác định vụ án có tính chất đặc biệt phức tạp"
        personal = ("reason",)
        by: str  # CQDT | VKS | TA
        reason: str | None

        def apply(self, aggregate: Any) -> None:
            super().apply(aggregate)
            aggregate.declared_complex_on = day_of(self.on)

    class DiversionNotified(MinorAct):
        """Viện kiểm sát (truy tố) hoặc Tòa án (xét xử sơ thẩm) ra thông báo áp dụng thủ tục
        xử lý chuyển hướng đối với một bị can, bị cáo là người chưa thành niên."""

        step = "notify_diversion"
        named = "Thông báo áp dụng thủ tục xử lý chuyển hướng"
        stage: str  # truy_to | xet_xu_so_tham  (of the case, not a step of it)
        person: str

    # -- commands: check, then record ---------------------------------------------------------

    def declare_particularly_complex(self, **fields: Any) -> None:
        self.require_not_before("declare_particularly_complex", fields["on"])
        self._require_open_stage("declare_particularly_complex")
        if not self._minors(day_of(fields["on"])):
            raise CommandRejected(
                f"Vụ án {self.ref} không có bị can dưới 18 tuổi (trường 'birth_date' của "
                "case.charge): việc xác định tính chất đặc biệt phức tạp chỉ thay đổi thời hạn "
                "của vụ án có người chưa thành niên là người bị buộc tội."
            )
        declared = getattr(self, "declared_complex_on", None)
        if declared is not None:
            raise CommandRejected(
                f"Vụ án {self.ref} đã được xác định có tính chất đặc biệt phức tạp ngày "
                f"{fmt(declared)}."
            )
        self.trigger_event(self.ParticularlyComplexDeclared, **fields)

    def notify_diversion(self, **fields: Any) -> None:
        self.require_not_before("notify_diversion", fields["on"])
        name, body, stages = DIVERSION_STAGES[fields["stage"]]
        if self.stage not in stages:
            raise CommandRejected(
                f"Vụ án {self.ref} đang ở bước '{self.stage_names.get(self.stage, self.stage)}',"
                f" không ở {name} (trường 'stage'): {body} chỉ ra thông báo áp dụng thủ tục xử "
                "lý chuyển hướng trong giai đoạn đó (Luật Tư pháp người chưa thành niên)."
            )
        person = fields["person"]
        if person not in self._minors(day_of(fields["on"])):
            raise CommandRejected(
                f"Vụ án {self.ref} không có bị can '{person}' dưới 18 tuổi (trường 'person'; "
                "ngày sinh ghi khi case.charge): thủ tục xử lý chuyển hướng chỉ áp dụng với "
                "người chưa thành niên."
            )
        self.trigger_event(self.DiversionNotified, **fields)

    # -- checks ---------------------------------------------------------------------------------

    def _require_open_stage(self, step: str) -> None:
        if self.stage in CLOSED_STAGES:
            raise CommandRejected(
                f"Vụ án {self.ref} đang ở bước '{self.stage_names.get(self.stage, self.stage)}':"
                " không còn thời hạn điều tra, truy tố hay chuẩn bị xét xử sơ thẩm nào để áp "
                f"dụng '{step}'."
            )

    def _minors(self, day: date) -> list[str]:
        """The charged persons under 18 on the day the case was opened or on `day`."""
        opened = day_of(self.opened_on)
        return [
            accused.person
            for accused in self.persons.values()
            if accused.charged_on is not None
            and accused.birth_date is not None
            and min(age_on(accused.birth_date, opened), age_on(accused.birth_date, day)) < 18
        ]
