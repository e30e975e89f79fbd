"""What typer writes beside an option in a help page (`<str>`, `<int range>`, `<path>`…) and
around the usage line (`[OPTIONS] COMMAND [ARGS]...`), in Vietnamese like the rest of it.

typer builds these labels from the Python types; the choices of an option (`QD-HS|LENH`) are
values people type and stay as they are. A flag (`--json`) takes no value and shows no label.
"""

from __future__ import annotations

import re
from typing import Any

import typer.core

# typer's label (the Python type's name, or its path kind) → what a person types there
WORDS: dict[str, str] = {
    "str": "chữ",
    "int": "số nguyên",
    "float": "số",
    "bool": "có|không",
    "path": "đường dẫn",
    "Path": "đường dẫn",
    "file": "tệp",
    "dir": "thư mục",
    "datetime": "ngày giờ",
    "date": "ngày",
}
USAGE_WORDS: tuple[tuple[str, str], ...] = (
    ("[OPTIONS]", "[TÙY CHỌN]"),
    ("COMMAND [ARGS]...", "LỆNH [ĐỐI SỐ]..."),
)


def vietnamese_label(label: str | None) -> str | None:
    """`<int range>` → `<số nguyên>`; `<list[Path]>` → `<đường dẫn…>`; choices unchanged."""
    if label is None or not (label.startswith("<") and label.endswith(">")):
        return label
    inner = label[1:-1]
    listed = re.fullmatch(r"list\[(.+)\]", inner)
    if listed is not None:
        return f"<{_word(listed[1])}…>"
    return f"<{_word(inner)}>"


def _word(inner: str) -> str:
    inner = inner.removesuffix(" range")  # the range itself is shown beside it: [1<=x<=1000]
    return "|".join(WORDS.get(part, part) for part in inner.split("|"))


def vietnamese_usage(args: str) -> str:
    for english, vietnamese in USAGE_WORDS:
        args = args.replace(english, vietnamese)
    return args


_display_type = typer.core._TyperParameter.display_type
_option_display_type_rich = typer.core.TyperOption.display_type_rich


def _translated_type(self: Any, ctx: Any) -> str:
    return vietnamese_label(_display_type(self, ctx)) or ""


def _option_type(self: Any, ctx: Any) -> str | None:
    if self.is_flag and not self.secondary_opts:
        return None  # `--json` takes no value: a type beside it would only puzzle
    return _option_display_type_rich(self, ctx)


typer.core._TyperParameter.display_type = _translated_type  # type: ignore[method-assign]
typer.core.TyperOption.display_type_rich = _option_type  # type: ignore[method-assign]
