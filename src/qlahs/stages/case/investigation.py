"""Prosecution and investigation (BLTTHS 2015 Điều 153–180, 229–235): the investigation period.

- `case.investigate` — Điều 172: 2/3/4/4 months by category from the opening of the case,
  extensions by category, the caps of k4 holding when the charge changes; Điều 174: a new
  period after a resumption or when the file is returned for supplementary investigation.

The commands are in `investigation_commands.py`; the approval of each charge (Điều 179 k3) in
`charge_approval.py`.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from qlahs.domain.criminal_case import CriminalCase
from qlahs.kernel.subject import Act
from qlahs.law.calendar import fmt
from qlahs.law.counting import count
from qlahs.law.crimes import CATEGORY_NAMES
from qlahs.law.deadlines import Deadline
from qlahs.law.rulebook import InForce
from qlahs.stages.case.common import CaseFacts
from qlahs.stages.case.investigation_commands import EARLY_GROUNDS, GROUND_NAMES

INVESTIGATE = "case.investigate"


class InvestigationRules(CaseFacts):
    """The investigation clock of a case."""

    counted_category = ""
    counted_minor = False
    returns_by: dict[str, int]

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.extensions: list[tuple[int, InForce]] = []
        self.returns_by = {}

    # -- the investigation period ----------------------------------------------------------

    def on_Opened__investigation(self, act: CriminalCase.Opened) -> None:
        deadline = self.open_deadline(
            INVESTIGATE, self._base(act.day), act.day, f"Khởi tố vụ án ngày {fmt(act.on)}."
        )
        self._recompute(deadline)

    def rebase_investigation(self, start: date) -> None:
        """Count the period from an earlier opening (cases joined, Điều 172 k4)."""
        deadline = self.deadlines.get(INVESTIGATE)
        if deadline is not None and self.investigation_mode == "initial":
            deadline.start = start
            self._recompute(deadline)

    def on_ChargeChanged__investigation(self, act: Act) -> None:
        self._category_changed(act)

    def on_PersonCharged__investigation(self, act: Act) -> None:
        self._category_changed(act)

    def _category_changed(self, act: Act) -> None:
        """Runs after CaseFacts took in the new charge (its handler sorts first)."""
        deadline = self.deadlines.get(INVESTIGATE)
        if deadline is None or deadline.status not in ("open", "suspended"):
            return
        changed = self.category != self.counted_category
        if self.investigation_mode == "initial" and (
            changed or self._has_minor(deadline.start) != self.counted_minor
        ):
            deadline.explain(
                f"Ngày {fmt(act.on)} tội danh thay đổi: thời hạn điều tra tính lại; tổng thời "
                "hạn không vượt mức tối đa (Điều 172 k4)."
            )
            self._recompute(deadline)

    def on_InvestigationExtended(self, act: CriminalCase.InvestigationExtended) -> None:
        deadline = self.deadlines.get(INVESTIGATE)
        if deadline is None or deadline.status != "open":
            return
        if self.investigation_mode == "supplementary" or self.summary:
            # Neither the summary period (Điều 460) nor a supplementary one (Điều 174 k2) can
            # be extended: cite the article that set the period running.
            period = "summary" if self.summary else "supplementary_by_procuracy"
            value = self.rulebook.value(INVESTIGATE, period, act.day)
            self.violate(
                INVESTIGATE,
                value,
                "exceeds_limit",
                act,
                deadline.due,
                f"{self.ref}: gia hạn điều tra ngày {fmt(act.on)} trong thời hạn điều tra bổ sung "
                f"hoặc rút gọn, luật không cho gia hạn ({value.article}).",
            )
            return
        index = len(self.extensions) + 1
        if self.investigation_mode == "resumed":
            allowed, limit = 1, self.by_category(INVESTIGATE, "resumed_extension", deadline.start)
        else:
            allowed = self.by_category(INVESTIGATE, "extension_count", deadline.start).value
            name = f"extension_{min(index, allowed)}"
            limit = self.by_category(INVESTIGATE, name, deadline.start)
        if index > allowed:
            self.violate(
                INVESTIGATE,
                limit,
                "exceeds_limit",
                act,
                deadline.due,
                f"{self.ref}: gia hạn điều tra lần thứ {index} ngày {fmt(act.on)}; tội phạm "
                f"{CATEGORY_NAMES[self.category]} chỉ được gia hạn {allowed} lần "
                f"({limit.article}).",
            )
            return
        self.late_if_expired(deadline, act, "gia hạn điều tra")
        months = act.months
        if months > limit.value:
            self.violate(
                INVESTIGATE,
                limit,
                "exceeds_limit",
                act,
                deadline.due,
                f"{self.ref}: gia hạn điều tra {months} tháng, quá {limit.value} tháng cho phép "
                f"với lần gia hạn thứ {index} ({limit.article}).",
            )
            months = limit.value
        self.extensions.append((months, limit))
        deadline.explain(f"Ngày {fmt(act.on)} gia hạn điều tra lần {index}: {months} tháng.")
        if self.investigation_mode == "resumed":
            # The one extension after a resumption runs from the end of the new period
            # (Điều 174 k1); the caps of Điều 172 k4 concern the initial period only.
            self.set_due(deadline, count("months", deadline.due, months, self.calendar), limit)
        else:
            self._recompute(deadline)

    def on_InvestigationSuspended__investigation(
        self, act: CriminalCase.InvestigationSuspended
    ) -> None:
        deadline = self.deadlines.get(INVESTIGATE)
        if act.person or deadline is None or deadline.status != "open":
            return
        ground = GROUND_NAMES.get(act.ground, act.ground)
        if act.ground not in EARLY_GROUNDS and act.day < deadline.due:
            rule = self.rulebook.value(INVESTIGATE, "suspension_after_expiry", act.day)
            self.violate(
                INVESTIGATE,
                rule,
                "premature",
                act,
                deadline.due,
                f"{self.ref}: tạm đình chỉ điều tra ngày {fmt(act.on)} ({ground}) khi thời hạn "
                f"điều tra chưa hết (hết ngày {fmt(deadline.due)}); với căn cứ này chỉ được tạm "
                f"đình chỉ khi đã hết thời hạn điều tra ({rule.article}).",
            )
        # A suspension dated after the limit ran out leaves days the case was overdue.
        self.late_if_expired(deadline, act, "tạm đình chỉ điều tra")
        deadline.status = "suspended"
        deadline.explain(f"Ngày {fmt(act.on)} tạm đình chỉ điều tra ({ground}): thời hạn dừng lại.")

    def on_InvestigationResumed__investigation(
        self, act: CriminalCase.InvestigationResumed
    ) -> None:
        if act.person:
            return
        value = self.by_category(INVESTIGATE, "resumed", act.day)
        self._new_period(act, value, "resumed", f"Ngày {fmt(act.on)} phục hồi điều tra (Điều 235).")

    def on_ReturnedForInvestigation__investigation(
        self, act: CriminalCase.ReturnedForInvestigation
    ) -> None:
        by = "procuracy" if act.by == "VKS" else (act.panel or "judge")
        self.returns_by[by] = self.returns_by.get(by, 0) + 1
        limit_name = {"procuracy": "returns_by_procuracy", "trial_panel": "returns_by_trial_panel"}
        allowed = self.rulebook.value(INVESTIGATE, limit_name.get(by, "returns_by_judge"), act.day)
        if self.returns_by[by] > allowed.value:
            who = {"procuracy": "Viện kiểm sát", "trial_panel": "Hội đồng xét xử"}.get(
                by, "Thẩm phán chủ tọa"
            )
            self.violate(
                INVESTIGATE,
                allowed,
                "exceeds_limit",
                act,
                None,
                f"{self.ref}: {who} trả hồ sơ để điều tra bổ sung lần thứ {self.returns_by[by]} "
                f"ngày {fmt(act.on)}; chỉ được trả {allowed.value} lần ({allowed.article}).",
            )
        period = "supplementary_by_procuracy" if by == "procuracy" else "supplementary_by_court"
        value = self.rulebook.value(INVESTIGATE, period, act.day)
        self._new_period(
            act,
            value,
            "supplementary",
            f"Ngày {fmt(act.on)} hồ sơ được trả để điều tra bổ sung; thời hạn điều tra bổ sung "
            "tính từ ngày Cơ quan điều tra nhận lại hồ sơ.",
        )

    def on_InvestigationConcluded(self, act: Act) -> None:
        self.close(INVESTIGATE, act, "kết thúc điều tra (bản kết luận điều tra)")

    def on_InvestigationDismissed__investigation(
        self, act: CriminalCase.InvestigationDismissed
    ) -> None:
        if not act.person:
            self.close(INVESTIGATE, act, "đình chỉ điều tra")

    def on_Transferred__investigation(self, act: CriminalCase.Transferred) -> None:
        deadline = self.deadlines.get(INVESTIGATE)
        if deadline is not None:
            deadline.explain(
                f"Ngày {fmt(act.on)} chuyển vụ án đến {act.to}: thời hạn điều tra tiếp tục "
                "(Điều 169 k5)."
            )

    def _new_period(self, act: Act, value: InForce, mode: str, opening: str) -> None:
        self.investigation_mode = mode
        self.extensions = []
        deadline = self.open_deadline(INVESTIGATE, value, act.day, opening)
        deadline.explain(self.category_line())
        self.set_due(
            deadline, count(value.unit or "months", act.day, value.value, self.calendar), value
        )

    def _base(self, day: date) -> InForce:
        if self.summary:
            return self.rulebook.value(INVESTIGATE, "summary", day)
        return self.by_category(INVESTIGATE, "base", day)

    def _recompute(self, deadline: Deadline) -> None:
        """The due date from the start: base period, then each extension from the end of the
        period it extends (Điều 134), capped by the category's total (Điều 172 k4)."""
        if self.investigation_mode != "initial":
            return
        base = self._base(deadline.start)
        self.counted_category = self.category
        deadline.explain(self.category_line())
        period = count(base.unit or "months", deadline.start, base.value, self.calendar)
        self.set_due(deadline, period, base)
        total = base.value
        allowed = self.by_category(INVESTIGATE, "extension_count", deadline.start).value
        caps = [
            self.by_category(INVESTIGATE, f"extension_{i}", deadline.start).value
            for i in range(1, allowed + 1)
        ]
        for index, (months, value) in enumerate(self.extensions):
            cap = caps[index] if index < len(caps) else 0
            if months > cap:
                deadline.explain(
                    f"Gia hạn lần {index + 1} ({months} tháng) vượt mức {cap} tháng của tội phạm "
                    f"{CATEGORY_NAMES[self.category]} sau khi thay đổi tội danh: "
                    f"chỉ tính {cap} tháng "
                    "(Điều 172 k4)."
                )
                months = cap
            if months <= 0:
                continue
            total += months
            period = count("months", deadline.due, months, self.calendar)
            self.set_due(deadline, period, value)
        deadline.explain(f"Tổng thời hạn điều tra: {total} tháng.")
        self.counted_minor = self._has_minor(deadline.start)
        self.halved_for_minors(INVESTIGATE, deadline)

    def _has_minor(self, day: date) -> bool:
        return any(self.is_minor(person, day) for person in self.birth_dates)
