"""The procuracy's acts as actions of a stage: `supervision_actions("case")` gives the
`case.*` ones, `supervision_actions("report")` the `report.*` ones (docs/vocabulary-supervision.md).
"""

from __future__ import annotations

from typing import Any

from qlahs.domain.supervision import SupervisionActs
from qlahs.kernel.subject import Subject
from qlahs.stages.commands import Command
from qlahs.stages.registry import Action, Record
from qlahs.stages.supervision import commands as c

# (verb, base command, the kind of request or "", Vietnamese docstring) per area
REQUESTS: dict[str, tuple[tuple[str, str, str], ...]] = {
    "report": (
        (
            "request_verification",
            "kiem_tra_xac_minh",
            "Viện kiểm sát yêu cầu kiểm tra, xác minh nguồn tin (Điều 159 k2, Điều 160 k3).",
        ),
        (
            "request_prosecution",
            "khoi_to_vu_an",
            "Viện kiểm sát yêu cầu khởi tố vụ án hình sự (Điều 159 k4, Điều 161 k1 a).",
        ),
    ),
    "case": (
        (
            "request_prosecution",
            "khoi_to_vu_an",
            "Viện kiểm sát yêu cầu khởi tố, thay đổi, bổ sung quyết định khởi tố vụ án "
            "(Điều 165 k1).",
        ),
        (
            "request_charge",
            "khoi_to_bi_can",
            "Viện kiểm sát yêu cầu khởi tố, thay đổi, bổ sung quyết định khởi tố bị can "
            "(Điều 165 k1).",
        ),
        (
            "request_investigation",
            "dieu_tra",
            "Viện kiểm sát đề ra yêu cầu điều tra (Điều 165 k6).",
        ),
        (
            "request_measure_change",
            "bien_phap_ngan_chan",
            "Viện kiểm sát yêu cầu thay đổi, hủy bỏ biện pháp ngăn chặn (Điều 165 k5).",
        ),
    ),
}


def _command(base: type[Command], action: str, doc: str, **extra: Any) -> type[Command]:
    name = "".join(part.capitalize() for part in action.replace(".", "_").split("_"))
    namespace = {"action": action, "__doc__": doc, "__module__": __name__, **extra}
    return type(name, (base,), namespace)


def _assign(subject: Subject | None, command: Command, fields: dict[str, Any]) -> Subject:
    assert isinstance(subject, SupervisionActs) and isinstance(command, c.Assign)
    subject.assign(role=command.role, **fields)
    return subject


def _issue(subject: Subject | None, command: Command, fields: dict[str, Any]) -> Subject:
    assert isinstance(subject, SupervisionActs)
    fields = dict(fields)
    key = fields.pop("item", None)
    if isinstance(command, c.CancelDecision):
        fields["what"], fields["content"] = fields.pop("target"), fields.pop("reason")
    else:
        assert isinstance(command, c.Issue)
        fields["what"] = command.what
    for name in ("to", "person", "answer_by", "answer_within"):
        fields.setdefault(name, None)
    subject.issue(key=key, family=command.family, **fields)
    return subject


def _object(subject: Subject | None, command: Command, fields: dict[str, Any]) -> Subject:
    assert isinstance(subject, SupervisionActs)
    fields = dict(fields)
    subject.object(key=fields.pop("item", None), **fields)
    return subject


def _answer(subject: Subject | None, command: Command, fields: dict[str, Any]) -> Subject:
    assert isinstance(subject, SupervisionActs)
    assert isinstance(command, c.Answer)
    fields = dict(fields)
    subject.answer(command.family, key=fields.pop("item", None), **fields)
    return subject


def supervision_actions(area: str) -> tuple[Action, ...]:
    """Every supervision action of `area` (`report` or `case`)."""
    plain: list[tuple[str, type[Command], Record]] = [
        ("assign_leader", c.Assign, _assign),
        ("cancel_decision", c.CancelDecision, _issue),
        ("recommend", c.Recommend, _issue),
        ("notify_lessons", c.NotifyLessons, _issue),
        ("protest_violation", c.Protest, _issue),
        ("object_to_decision", c.Object, _object),
        ("answer_request", c.AnswerRequest, _answer),
        ("answer_recommendation", c.AnswerRecommendation, _answer),
        ("answer_protest", c.AnswerProtest, _answer),
        ("answer_objection", c.AnswerObjection, _answer),
    ]
    actions = []
    for verb, base, record in plain:
        extra = {"role": "lanh_dao"} if verb == "assign_leader" else {}
        doc = "Phân công lãnh đạo Viện kiểm sát phụ trách." if extra else base.__doc__ or ""
        name = f"{area}.{verb}"
        actions.append(Action(name, _command(base, name, doc, **extra), record))
    for verb, what, doc in REQUESTS[area]:
        name = f"{area}.{verb}"
        actions.append(Action(name, _command(c.Request, name, doc, what=what), _issue))
    return tuple(actions)


def assign_prosecutor(area: str) -> Action:
    """`<area>.assign_prosecutor`: phân công, phân công lại Kiểm sát viên."""
    name = f"{area}.assign_prosecutor"
    doc = "Phân công, phân công lại Kiểm sát viên thụ lý, kiểm sát (Điều 42)."
    return Action(name, _command(c.Assign, name, doc), _assign)
