"""Errors that reach people: every message is Vietnamese and names the field or the stage."""

from __future__ import annotations

from collections.abc import Iterable

from pydantic import ValidationError


class QlahsError(Exception):
    """Base of every error qlahs raises on purpose."""


class CommandRejected(QlahsError):
    """A command that cannot be true or is malformed (ARCHITECTURE principle 1)."""


class InvalidCommand(CommandRejected):
    """A missing or invalid field."""

    @classmethod
    def from_validation(cls, action: str, error: ValidationError) -> InvalidCommand:
        lines = [f"Lệnh {action} không hợp lệ:"]
        for item in error.errors():
            where = ".".join(str(part) for part in item["loc"]) or "(toàn bộ)"
            lines.append(f"  - trường '{where}': {_vietnamese(item)}")
        return cls("\n".join(lines))


class UnknownAction(CommandRejected):
    pass


class SubjectNotFound(CommandRejected):
    pass


class SubjectExists(CommandRejected):
    pass


class StageError(CommandRejected):
    """A step the procedure does not allow from the subject's current stage."""

    def __init__(self, subject: str, ref: str, step: str, stage: str, allowed: Iterable[str]):
        allowed = sorted(allowed)
        steps = ", ".join(allowed) if allowed else "không còn bước nào (đã kết thúc)"
        super().__init__(
            f"Không thể thực hiện '{step}' đối với {subject} {ref} đang ở giai đoạn "
            f"'{stage}'. Các bước được phép: {steps}."
        )
        self.step, self.stage, self.allowed = step, stage, allowed


class ConcurrencyError(QlahsError):
    """A command lost its race too many times; nothing was recorded."""


class RuleDataError(QlahsError):
    """A rule or calendar data file that does not load (e.g. a value without a citation)."""

    @classmethod
    def from_validation(cls, name: str, error: ValidationError) -> RuleDataError:
        lines = [f"Tệp dữ liệu {name} không hợp lệ:"]
        for item in error.errors():
            where = ".".join(str(part) for part in item["loc"])
            lines.append(f"  - {where}: {_vietnamese(item)}")
        return cls("\n".join(lines))


class ScenarioFileError(QlahsError):
    """A scenario file that cannot be read: names the file, the line and the reason."""


_MESSAGES = {
    "missing": "bắt buộc nhưng bị thiếu",
    "extra_forbidden": "không được phép (trường không có trong lệnh này)",
    "date_from_datetime_parsing": "phải là ngày dạng YYYY-MM-DD",
    "date_parsing": "phải là ngày dạng YYYY-MM-DD",
    "date_type": "phải là ngày dạng YYYY-MM-DD",
    "datetime_parsing": "phải là ngày giờ dạng YYYY-MM-DDTHH:MM",
    "string_type": "phải là chuỗi ký tự",
    "string_too_short": "không được để trống",
    "int_parsing": "phải là số nguyên",
    "int_type": "phải là số nguyên",
    "greater_than": "phải lớn hơn {gt}",
    "greater_than_equal": "phải lớn hơn hoặc bằng {ge}",
    "less_than_equal": "phải nhỏ hơn hoặc bằng {le}",
    "literal_error": "phải là một trong: {expected}",
    "enum": "phải là một trong: {expected}",
    # a validator of ours raised ValueError with a Vietnamese sentence: show it as it is
    "value_error": "{error}",
}


def _vietnamese(item: object) -> str:
    assert isinstance(item, dict)
    template = _MESSAGES.get(item["type"])
    if template is None:
        return f"không hợp lệ ({item['msg']})"
    context = item.get("ctx") or {}
    try:
        message = template.format(**context)
    except (KeyError, IndexError):
        message = template
    message = message.replace("' or '", "' hoặc '")
    if "input" in item and item["type"] not in ("missing",):
        message += f" (nhận được: {item['input']!r})"
    return message
