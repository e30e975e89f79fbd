"""The indicator catalogue as Markdown, kept inside docs/statistics.md between two markers so
that the page's prose stays hand-written and its catalogue never drifts from the code."""

from __future__ import annotations

from pathlib import Path

from qlahs.kernel.errors import QlahsError
from qlahs.stats.indicators import GROUPS, catalogue

BEGIN = "<!-- danh-muc-chi-tieu: sinh bằng `qlahs stats indicators --write` -->"
END = "<!-- /danh-muc-chi-tieu -->"


def render() -> str:
    lines: list[str] = []
    for group in GROUPS:
        lines += [
            f"### {group.code}. {group.title}",
            "",
            f"Căn cứ nhóm: {group.citation}.",
            "",
            "| Mã | Chỉ tiêu | Đơn vị tính | Ý nghĩa | Công thức | Tin cậy |",
            "|---|---|---|---|---|---|",
        ]
        for indicator in catalogue():
            if indicator.group != group.code:
                continue
            name = "— " * indicator.depth + indicator.name
            lines.append(
                f"| {indicator.code} | {name} | {indicator.counted} | {indicator.meaning} | "
                f"{indicator.formula.text} | {indicator.confidence} |"
            )
        lines.append("")
    return "\n".join(lines)


def write_into(path: Path, text: str) -> None:
    """Replace what lies between the markers of `path` with `text`."""
    page = path.read_text(encoding="utf-8")
    if BEGIN not in page or END not in page:
        raise QlahsError(f"{path} không có hai dấu mốc {BEGIN!r} và {END!r}.")
    head, rest = page.split(BEGIN, 1)
    tail = rest.split(END, 1)[1]
    path.write_text(f"{head}{BEGIN}\n\n{text}\n{END}{tail}", encoding="utf-8")


def block_of(path: Path) -> str:
    """What lies between the markers now (for the test that keeps the page current)."""
    page = path.read_text(encoding="utf-8")
    return page.split(BEGIN, 1)[1].split(END, 1)[0].strip()
