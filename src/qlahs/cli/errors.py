"""Errors for people: click's and typer's own messages, and anything escaping a command, as
one or two Vietnamese lines on stderr with a stable exit code (2: the call was wrong; 1: the
command failed or was cancelled). A traceback only with `--debug` or QLAHS_DEBUG=1."""

from __future__ import annotations

import os
import re
import sys
import traceback
from collections.abc import Callable, Sequence
from typing import Any

import click
import typer
from pydantic import ValidationError
from rich.console import Console
from typer import rich_utils
from typer.core import TyperGroup

from qlahs.cli.help_labels import vietnamese_usage
from qlahs.cli.stores import cipher_warned
from qlahs.kernel.errors import QlahsError, vietnamese

try:  # typer ≥ 0.22 carries its own copy of click, with its own exception classes
    import typer._click.core as typer_core
    import typer._click.decorators as typer_decorators
    import typer._click.exceptions as typer_click
    import typer._click.formatting as typer_formatting
except ImportError:  # pragma: no cover - an older typer uses click itself
    import click.core as typer_core  # type: ignore[no-redef]
    import click.decorators as typer_decorators  # type: ignore[no-redef]
    import click.exceptions as typer_click  # type: ignore[no-redef]
    import click.formatting as typer_formatting  # type: ignore[no-redef]

_stderr = Console(stderr=True, soft_wrap=True, highlight=False)
HELP_OPTION = "In hướng dẫn này rồi thoát."
COMPLETION_HELP = {
    "install_completion": "Cài gợi ý lệnh (tab) cho trình shell đang dùng.",
    "show_completion": "In đoạn mã gợi ý lệnh (tab) để tự cài.",
}

# What typer prints around its help pages.
rich_utils.OPTIONS_PANEL_TITLE = "Tùy chọn"
rich_utils.ARGUMENTS_PANEL_TITLE = "Đối số"
rich_utils.COMMANDS_PANEL_TITLE = "Lệnh"
rich_utils.ERRORS_PANEL_TITLE = "Lỗi"
rich_utils.ABORTED_TEXT = "Đã hủy."
rich_utils.DEFAULT_STRING = "[mặc định: {}]"
rich_utils.ENVVAR_STRING = "[biến môi trường: {}]"
rich_utils.REQUIRED_LONG_STRING = "[bắt buộc]"
rich_utils.DEPRECATED_STRING = "(không còn dùng)"


class VietnameseHelpFormatter(typer_formatting.HelpFormatter):
    """The usage line of a help page and of an error: "Cách dùng:" rather than "Usage:", and
    "[TÙY CHỌN]" rather than "[OPTIONS]" (the type labels beside options: help_labels.py)."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        prefix = "Cách dùng: " if prefix is None else prefix
        super().write_usage(prog, vietnamese_usage(args), prefix)


typer_core.Context.formatter_class = VietnameseHelpFormatter
_english_help_option = typer_decorators.help_option


def _help_option(*args: Any, **kwargs: Any) -> Any:
    """click's `--help` option, with its help in Vietnamese (click builds it in English)."""
    decorate = _english_help_option(*args, **kwargs)

    def apply(command: Any) -> Any:
        result = decorate(command)
        option: Any = command.params[-1]
        option.help = HELP_OPTION
        return result

    return apply


typer_decorators.help_option = _help_option

CLICK_ERRORS = (click.exceptions.ClickException, typer_click.ClickException)
ABORTS = (click.exceptions.Abort, typer.Abort)
EXITS = (click.exceptions.Exit, typer.Exit)
INTERNAL = "Lỗi nội bộ của qlahs; chạy lại với --debug để xem chi tiết."

# click's and typer's sentences that are not carried by an exception's fields.
_TEMPLATES: tuple[tuple[str, str], ...] = (
    (r"Got unexpected extra argument(?:\(s\)|s)? \((?P<x>.*)\)", "thừa đối số: {x}."),
    (r"No such command '(?P<x>[^']*)'\.(?: Did you mean '(?P<y>[^']*)'\?)?", "no_command"),
    (r"Missing command\.?", "thiếu lệnh: chọn một lệnh trong danh sách."),
    (r"Option '(?P<x>[^']*)' requires an argument\.?", "tham số {x} cần một giá trị."),
    (r"Option '(?P<x>[^']*)' requires (?P<n>\d+) arguments\.?", "tham số {x} cần {n} giá trị."),
    (r"Option '(?P<x>[^']*)' does not take a value\.?", "tham số {x} không nhận giá trị."),
    (r"Argument '(?P<x>[^']*)' takes (?P<n>\d+) values\.?", "đối số {x} cần {n} giá trị."),
    (r".*is not one of (?P<x>.*)\.", "phải là một trong: {x}."),
    (r".*does not exist\.", "không tồn tại."),
    (r".*is a directory\.", "là một thư mục, không phải tệp."),
    (r".*is a file\.", "là một tệp, không phải thư mục."),
    (r".*is not (?:readable|writable)\.", "không có quyền đọc, ghi."),
    (r".*does not match the formats? .*", "phải là ngày dạng dd/mm/yyyy."),
    (r".*is not a valid (?:integer|int)\.?", "phải là số nguyên."),
    (r".*is not a valid (?:float|number)\.?", "phải là một số."),
    (r".*is not in the range (?P<x>.*)\.", "phải nằm trong khoảng {x}."),
)


class Refused(typer.BadParameter):
    """A value of ours refused with a Vietnamese reason, shown after the parameter's name."""


def _translated(message: str) -> str | None:
    for pattern, template in _TEMPLATES:
        found = re.fullmatch(pattern, message.strip())
        if found is None:
            continue
        if template == "no_command":
            guess = f" (có phải ý bạn là '{found['y']}'?)" if found["y"] else ""
            return f"không có lệnh '{found['x']}'{guess}."
        values = {key: value or "''" for key, value in found.groupdict().items()}
        return template.format(**values)
    return None


def _hint(error: Any) -> str:
    """The parameter an error is about, as a person typed it: --year, NUMBER."""
    param = getattr(error, "param", None)
    hint = getattr(error, "param_hint", None)
    if hint is None and param is not None:
        opts = [o for o in getattr(param, "opts", []) if o.startswith("-")]
        hint = opts[0] if opts else (param.metavar or param.name or "").upper()
    if isinstance(hint, list | tuple):
        hint = " / ".join(str(part) for part in hint)
    return str(hint or "").strip("'\"")


def message_of(error: Exception) -> str:
    """One Vietnamese sentence for a click or typer usage error."""
    hint = _hint(error)
    what = f"tham số {hint}" if hint.startswith("-") else f"đối số {hint}"
    if isinstance(error, click.exceptions.MissingParameter | typer_click.MissingParameter):
        return f"thiếu {what}."
    if isinstance(error, click.exceptions.NoSuchOption | typer_click.NoSuchOption):
        options = sorted(error.possibilities or [])
        guess = f" (có phải ý bạn là: {', '.join(options)}?)" if options else ""
        return f"không có tùy chọn {error.option_name}{guess}."
    if isinstance(error, click.exceptions.FileError | typer_click.FileError):
        return f"không mở được tệp {error.ui_filename}."
    cause = error.__cause__
    if isinstance(error, Refused):
        return f"{what}: {error.message}"
    if isinstance(error, click.exceptions.BadParameter | typer_click.BadParameter):
        if isinstance(cause, ValidationError) and cause.errors():
            return f"{what} {vietnamese(cause.errors()[0])}."
        known = _translated(str(error.message))
        return f"{what} {known or 'không hợp lệ.'}"
    known = _translated(str(getattr(error, "message", error)))
    if known is not None:
        return known
    return f"{what} không hợp lệ." if hint else "cách gọi lệnh không hợp lệ."


def _help_line(error: Exception) -> str | None:
    ctx = getattr(error, "ctx", None)
    if ctx is None:
        return None
    path = str(ctx.command_path).split(" ", 1)
    return f"Xem: {' '.join(['qlahs', *path[1:]])} --help"


def _debugging(args: Sequence[str] | None) -> bool:
    given = sys.argv[1:] if args is None else list(args)
    return "--debug" in given or os.environ.get("QLAHS_DEBUG", "") not in ("", "0")


class QlahsGroup(TyperGroup):
    """The `qlahs` group: runs a command and turns whatever escapes it into Vietnamese."""

    def get_params(self, ctx: Any) -> list[Any]:
        # typer appends its completion options, with English help, after making the group
        params: list[Any] = super().get_params(ctx)
        for param in params:
            if param.name in COMPLETION_HELP:
                param.help = COMPLETION_HELP[param.name]
        return params

    def main(  # type: ignore[override]
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        cipher_warned.set(False)
        code = self._run(args, prog_name, complete_var, **extra)
        if standalone_mode:
            sys.exit(code)
        return code

    def _run(
        self,
        args: Sequence[str] | None,
        prog_name: str | None,
        complete_var: str | None,
        **extra: Any,
    ) -> int:
        debug = _debugging(args)
        try:
            result = super().main(
                args, prog_name or "qlahs", complete_var, standalone_mode=False, **extra
            )
        except typer_click.NoArgsIsHelpError as error:
            typer.echo(error.format_message())
            return 2
        except CLICK_ERRORS as error:
            _stderr.print(f"Lỗi: {_safely(message_of, error)}", style="red", markup=False)
            help_line = _help_line(error)
            if help_line:
                _stderr.print(help_line, markup=False)
            return 2
        except ABORTS:
            _stderr.print("Đã hủy.")
            return 1
        except EXITS as done:
            return int(done.exit_code)
        except OSError as error:
            _trace(debug)
            _stderr.print(file_problem(error), style="red", markup=False)
            return 1
        except UnicodeDecodeError:
            _trace(debug)
            _stderr.print("Lỗi: tệp không phải văn bản UTF-8.", style="red", markup=False)
            return 1
        except QlahsError as error:
            _trace(debug)
            _stderr.print(str(error), style="red", markup=False)
            return 1
        except Exception:
            _trace(debug)
            _stderr.print(INTERNAL, style="red", markup=False)
            return 1
        return result if isinstance(result, int) else 0


def _trace(debug: bool) -> None:
    if debug:
        traceback.print_exc()


def _safely(translate: Callable[[Exception], str], error: Exception) -> str:
    """A translation that fails must not turn a wrong call into an internal error."""
    try:
        return translate(error)
    except Exception:  # any slip here still owes the person a sentence
        return "cách gọi lệnh không hợp lệ."


def file_problem(error: OSError) -> str:
    """A file a command could not read or write, named without the system's English."""
    where = f" {error.filename}" if error.filename else ""
    if isinstance(error, FileNotFoundError):
        return f"Lỗi: không có tệp hoặc thư mục{where}."
    if isinstance(error, IsADirectoryError):
        return f"Lỗi:{where} là một thư mục, không phải tệp."
    if isinstance(error, PermissionError):
        return f"Lỗi: không có quyền đọc, ghi{where}."
    return f"Lỗi: không đọc, ghi được{where}."
