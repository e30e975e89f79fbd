"""What the procuracy's acts add to the statistics, as dated measure keys
(stats/indicators.yaml, group "Yêu cầu, kiến nghị, kháng nghị"):

- `supervision.<family>.issued` on the day a request, recommendation, protest, lessons notice
  or cancellation is issued;
- `supervision.<family>.answered` and `supervision.<family>.answered.<result>` on the day of
  its answer (`da_thuc_hien`, `chap_nhan`…);
- `supervision.objection.received` and `supervision.objection.answered` for the body's
  objections to the superior VKS.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from qlahs.domain.supervision import SupervisionActs, supervision_of
from qlahs.kernel.subject import Act, day_of


def supervision_measures(subject: Any, acts: Sequence[Act]) -> Iterable[tuple[date, str]]:
    items = supervision_of(subject).items
    for act in acts:
        match act:
            case SupervisionActs.Issued():
                yield day_of(act.on), f"supervision.{act.family}.issued"
            case SupervisionActs.Objected():
                yield day_of(act.on), "supervision.objection.received"
            case SupervisionActs.Answered():
                family = items[act.key].family
                yield day_of(act.on), f"supervision.{family}.answered"
                yield day_of(act.on), f"supervision.{family}.answered.{act.result}"
