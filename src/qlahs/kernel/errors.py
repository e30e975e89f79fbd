"""Errors that reach people: every message is Vietnamese and names the field or the stage."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import get_args

from pydantic import ValidationError
from pydantic_core.core_schema import ErrorType

from qlahs.kernel.bounds import shown


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
            lines.append(f"  - trường '{where}': {vietnamese(item)}")
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
            lines.append(f"  - {where}: {vietnamese(item)}")
        return cls("\n".join(lines))


class ScenarioFileError(QlahsError):
    """A scenario file that cannot be read: names the file, the line and the reason."""


_MESSAGES = {
    "missing": "bắt buộc nhưng bị thiếu",
    "extra_forbidden": "không được phép (trường không có trong lệnh này)",
    "date_from_datetime_parsing": "phải là ngày dạng dd/mm/yyyy",
    "date_parsing": "phải là ngày dạng dd/mm/yyyy",
    "date_type": "phải là ngày dạng dd/mm/yyyy",
    "datetime_parsing": "phải là ngày giờ dạng HH:MM dd/mm/yyyy",
    "string_type": "phải là chuỗi ký tự",
    "string_too_short": "không được để trống",
    "int_parsing": "phải là số nguyên",
    "int_type": "phải là số nguyên",
    "greater_than": "phải lớn hơn {gt}",
    "greater_than_equal": "phải lớn hơn hoặc bằng {ge}",
    "less_than_equal": "phải nhỏ hơn hoặc bằng {le}",
    "string_too_long": "dài quá {max_length} ký tự",
    "string_pattern_mismatch": "chỉ gồm chữ không dấu, chữ số và các dấu '-', '_', '.'",
    "too_long": "có quá {max_length} phần tử",
    "too_short": "phải có ít nhất {min_length} phần tử",
    "list_type": "phải là một danh sách",
    "dict_type": "phải là một bảng (tên trường → giá trị)",
    "model_type": "phải là một bảng (tên trường → giá trị)",
    "bool_type": "phải là true hoặc false",
    "bool_parsing": "phải là true hoặc false",
    "int_from_float": "phải là số nguyên",
    "float_type": "phải là một số",
    "float_parsing": "phải là một số",
    "finite_number": "phải là một số hữu hạn",
    "less_than": "phải nhỏ hơn {lt}",
    "date_from_datetime_inexact": "phải là ngày (không kèm giờ)",
    "datetime_type": "phải là ngày giờ dạng HH:MM dd/mm/yyyy",
    "datetime_from_date_parsing": "phải là ngày giờ dạng HH:MM dd/mm/yyyy",
    "string_unicode": "phải là chuỗi ký tự Unicode hợp lệ",
    "literal_error": "phải là một trong: {expected}",
    "enum": "phải là một trong: {expected}",
    # a validator of ours raised ValueError with a Vietnamese sentence: show it as it is
    "value_error": "{error}",
}


_PYDANTIC_TYPES = frozenset(get_args(ErrorType))


def vietnamese(item: object) -> str:
    """One pydantic error item as Vietnamese people read it (never pydantic's English)."""
    assert isinstance(item, dict)
    template = _MESSAGES.get(item["type"])
    if template is None and item["type"] not in _PYDANTIC_TYPES:
        return str(item["msg"])  # a PydanticCustomError of ours: its sentence is Vietnamese
    if template is None:
        if item["type"] in _PYDANTIC_TYPES:
            return "không hợp lệ"  # pydantic's own sentence is English: never shown to people
        return str(item["msg"])  # an error type of ours (PydanticCustomError): Vietnamese
    context = item.get("ctx") or {}
    try:
        message = template.format(**context)
    except (KeyError, IndexError):
        message = template
    message = message.replace("' or '", "' hoặc '")
    if "input" in item and item["type"] not in ("missing",):
        message += f" (nhận được: {_brief(item['input'])})"
    return message


def _brief(value: object) -> str:
    """What was received, short enough for one line of an error message; a date as people
    write it rather than Python's `datetime.date(…)`."""
    text = shown(value) if isinstance(value, date) else repr(value)
    return text if len(text) <= 80 else f"{text[:77]}…"
