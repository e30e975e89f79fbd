"""What requests for criminal mutual legal assistance add to the statistics: the requests the
Viện kiểm sát nhân dân tối cao still handles, a refusal, a postponement or a result told apart
by its ground or outcome, and each violation held against the body that owed the step."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from qlahs.domain.assistance_request import AssistanceRequest
from qlahs.kernel.subject import Act
from qlahs.law.deadlines import Violation
from qlahs.stages.mla.rules import SUMMONS
from qlahs.stages.statistics import PROCURACY, UNKNOWN, Agency, Statistics, Stock

A = AssistanceRequest
DONE = frozenset({"new", "returned", "refused", "completed"})


def _pending(request: Any) -> frozenset[str]:
    """Held from its receipt until its file is returned, it is refused or its result has gone
    on (a postponed request is still held, Điều 21)."""
    return frozenset() if request.stage in DONE else frozenset((request.ref,))


STOCKS = (
    Stock("mla", A, "Yêu cầu tương trợ tư pháp về hình sự đang giải quyết", "yêu cầu", _pending),
)


def label(act: Act, request: Any, key: str = "") -> str:
    """The act's class name; a refusal or postponement adds its ground, a result its outcome."""
    name = type(act).__name__
    if isinstance(act, (A.Refused, A.Postponed)):
        return f"{name}.{act.ground}"
    if isinstance(act, (A.ResultReceived, A.ExecutorReported)):
        return f"{name}.{act.outcome}"
    return name


def agency(violation: Violation, request: Any, acts: Sequence[Act], day: date) -> Agency:
    """Every step of Điều 22–23 is the central authority's own (BLTTHS 2015 Điều 493 k2); the
    lead time of a summons (Điều 24 k1) binds the requesting state, no body a recommendation
    can go to."""
    return UNKNOWN if violation.rule == SUMMONS else Agency("procuracy", PROCURACY)


STATISTICS = Statistics(stocks=STOCKS, label=label, agency=agency)
