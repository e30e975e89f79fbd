"""Charts as inline SVG, drawn here so the HTML report needs no script, font or network."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

PALETTE = ("#1f5fa8", "#e07b24", "#3c9a5f", "#b23b3b", "#7a52a8")
FONT = "font-family=\"'Segoe UI', Roboto, 'Noto Sans', Arial, sans-serif\""


@dataclass(frozen=True)
class Series:
    name: str
    values: tuple[int, ...]


def _ticks(top: int) -> list[int]:
    """About five round steps from 0 to at least `top`."""
    if top <= 0:
        return [0, 1]
    step = 1
    while top / step > 5:
        for factor in (2, 5, 10):
            if top / (step * factor) <= 5:
                step *= factor
                break
        else:
            step *= 10
    return list(range(0, top + step, step))


def _label(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def grouped_bars(title: str, categories: Sequence[str], series: Sequence[Series]) -> str:
    """Vertical bars, one group per category (a month), one colour per series."""
    width, height, left, bottom, top_pad = 760, 300, 48, 46, 40
    plot_w, plot_h = width - left - 12, height - bottom - top_pad
    ticks = _ticks(max((v for s in series for v in s.values), default=0))
    scale = plot_h / ticks[-1]
    slot = plot_w / max(1, len(categories))
    bar = max(2.0, min(22.0, (slot - 8) / max(1, len(series))))
    parts = [_frame(width, height, title)]
    for tick in ticks:
        y = top_pad + plot_h - tick * scale
        parts.append(
            f'<line x1="{left}" x2="{width - 12}" y1="{y:.1f}" y2="{y:.1f}" stroke="#e3e6ea"/>'
            f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" font-size="11" '
            f'fill="#555">{tick}</text>'
        )
    for index, category in enumerate(categories):
        x0 = left + index * slot + (slot - bar * len(series)) / 2
        for number, one in enumerate(series):
            value = one.values[index]
            h = value * scale
            x = x0 + number * bar
            parts.append(
                f'<rect x="{x:.1f}" y="{top_pad + plot_h - h:.1f}" width="{bar - 1:.1f}" '
                f'height="{h:.1f}" fill="{PALETTE[number % len(PALETTE)]}">'
                f"<title>{escape(one.name)} — {escape(category)}: {value}</title></rect>"
            )
        parts.append(
            f'<text x="{left + index * slot + slot / 2:.1f}" y="{height - bottom + 16}" '
            f'text-anchor="middle" font-size="11" fill="#333">{escape(category)}</text>'
        )
    parts.append(_legend([s.name for s in series], left, height - 12))
    return _close(parts)


def horizontal_bars(title: str, labels: Sequence[str], values: Sequence[int]) -> str:
    """One bar per label, longest first as given; empty data says so instead of drawing."""
    width, left, row, top_pad = 760, 330, 24, 40
    height = top_pad + max(1, len(labels)) * row + 28
    parts = [_frame(width, height, title)]
    if not labels:
        parts.append(
            f'<text x="{width / 2}" y="{top_pad + 20}" text-anchor="middle" font-size="13" '
            'fill="#555">Không có số liệu trong kỳ</text>'
        )
        return _close(parts)
    ticks = _ticks(max(values))
    scale = (width - left - 60) / ticks[-1]
    for index, (label, value) in enumerate(zip(labels, values, strict=True)):
        y = top_pad + index * row
        parts.append(
            f'<text x="{left - 8}" y="{y + 15}" text-anchor="end" font-size="12" fill="#333">'
            f"<title>{escape(label)}</title>{escape(_label(label, 48))}</text>"
            f'<rect x="{left}" y="{y + 4}" width="{max(1.0, value * scale):.1f}" '
            f'height="{row - 8}" fill="{PALETTE[0]}"><title>{escape(label)}: {value}</title></rect>'
            f'<text x="{left + value * scale + 6:.1f}" y="{y + 15}" font-size="12" '
            f'fill="#222">{value}</text>'
        )
    return _close(parts)


def _frame(width: int, height: int, title: str) -> str:
    return (
        f'<svg viewBox="0 0 {width} {height}" width="100%" role="img" '
        f'aria-label="{escape(title)}" {FONT}>'
        f'<text x="8" y="22" font-size="15" font-weight="600" fill="#1b2a3a">{escape(title)}</text>'
    )


def _legend(names: Sequence[str], x: float, y: float) -> str:
    items = []
    for index, name in enumerate(names):
        items.append(
            f'<rect x="{x:.1f}" y="{y - 10}" width="12" height="12" '
            f'fill="{PALETTE[index % len(PALETTE)]}"/>'
            f'<text x="{x + 16:.1f}" y="{y}" font-size="12" fill="#333">{escape(name)}</text>'
        )
        x += 28 + 7 * len(name)
    return "".join(items)


def _close(parts: list[str]) -> str:
    return "".join(parts) + "</svg>"
