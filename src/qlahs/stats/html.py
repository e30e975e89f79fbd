"""The report as one self-contained HTML file: inline CSS and SVG, no script, no font or
image from anywhere, so it opens the same offline, in a mail client or years later."""

from __future__ import annotations

from html import escape
from pathlib import Path

from qlahs.law.calendar import fmt
from qlahs.stats import svg, views
from qlahs.stats.compute import Report
from qlahs.stats.indicators import GROUPS, catalogue
from qlahs.stats.recommendation import compile_violations
from qlahs.stats.text import number, provenance

STYLE = """
body{font-family:'Segoe UI',Roboto,'Noto Sans',Arial,sans-serif;margin:0;color:#1b2a3a;
background:#f4f6f8}
header{background:#7b1f1f;color:#fff;padding:18px 28px}
header h1{margin:0 0 6px;font-size:22px}
header p{margin:2px 0;opacity:.92}
main{padding:18px 28px;max-width:1200px}
.notes{background:#fff7e0;border-left:4px solid #e0a800;padding:8px 14px;margin:12px 0}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(170px,1fr));gap:12px;
margin:16px 0}
.card{background:#fff;border-radius:6px;padding:12px 14px;box-shadow:0 1px 3px #0002}
.card b{display:block;font-size:26px;color:#7b1f1f}
.card span{font-size:13px;color:#444}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(480px,1fr));gap:14px}
.chart.wide{grid-column:1/-1}
.chart{background:#fff;border-radius:6px;padding:8px;box-shadow:0 1px 3px #0002}
section{margin:22px 0}
h2{font-size:18px;border-bottom:2px solid #7b1f1f;padding-bottom:4px}
h2 small{font-weight:normal;color:#666;font-size:12px}
table{border-collapse:collapse;background:#fff;width:100%;font-size:13px}
th,td{border:1px solid #d5dae0;padding:4px 8px;vertical-align:top}
th{background:#eef1f4;text-align:left}
td.n{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
tr.d1 td:nth-child(2){padding-left:22px}
tr.d2 td:nth-child(2){padding-left:40px}
tr.d0 td{font-weight:600}
footer{font-size:12px;color:#555;padding:12px 28px 28px}
"""


def render(report: Report) -> str:
    body = [
        _header(report),
        _cards(report),
        _charts(report),
        *(_group(report, group.code, group.title, group.citation) for group in GROUPS),
        _recommendation(report),
    ]
    return (
        '<!doctype html><html lang="vi"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(report.title)}</title><style>{STYLE}</style></head><body>"
        + "".join(body)
        + f"<footer>{escape(provenance(report))}. Định nghĩa từng chỉ tiêu: docs/statistics.md "
        "(qlahs stats indicators).</footer></body></html>"
    )


def write_html(report: Report, path: Path) -> Path:
    path.write_text(render(report), encoding="utf-8")
    return path


def _header(report: Report) -> str:
    notes = "".join(f"<div>{escape(note)}</div>" for note in report.notes)
    return (
        f"<header><h1>{escape(report.title)}</h1>"
        f"<p>Từ ngày {fmt(report.period.start)} đến hết ngày {fmt(report.end)} — "
        f"số liệu lấy lúc {escape(report.taken)}</p>"
        f'<p class="kind">{escape(report.figures_kind)}</p></header><main>'
        + (f'<div class="notes">{notes}</div>' if notes else "")
    )


def _cards(report: Report) -> str:
    cards = "".join(
        f'<div class="card"><b>{number(value)}</b><span>{escape(found.code)} · '
        f"{escape(found.name)}</span></div>"
        for found, value in views.cards(report)
    )
    return f'<div class="cards">{cards}</div>'


def _charts(report: Report) -> str:
    trend = views.trend(report)
    rules = views.violations_by_rule(report)
    units = views.overdue_by_unit(report)
    charts = [
        svg.grouped_bars(
            "Diễn biến theo tháng",
            trend.months,
            [svg.Series(f"{i.code} {i.name}", values) for i, values in trend.series],
        ),
        svg.horizontal_bars(
            "Vi phạm theo quy tắc", [title for _, title, _ in rules], [n for _, _, n in rules]
        ),
        svg.horizontal_bars(
            "Quá hạn tại cuối kỳ theo đơn vị",
            [f"{code} — {name}" for code, name, _ in units],
            [n for _, _, n in units],
        ),
    ]
    wide, *rest = charts  # the trend reads best across the page
    return (
        f'<div class="charts"><div class="chart wide">{wide}</div>'
        + "".join(f'<div class="chart">{chart}</div>' for chart in rest)
        + "</div>"
    )


def _group(report: Report, code: str, title: str, citation: str) -> str:
    parts = report.parts if len(report.parts) > 1 else []
    head = "".join(f"<th>{escape(p.code)}</th>" for p in parts)
    rows = []
    for indicator in catalogue():
        if indicator.group != code:
            continue
        cells = "".join(
            f'<td class="n">{number(report.value(indicator, part))}</td>' for part in parts
        )
        rows.append(
            f'<tr class="d{indicator.depth}"><td>{escape(indicator.code)}</td>'
            f'<td title="{escape(indicator.meaning)}">{escape(indicator.name)}</td>'
            f"<td>{escape(indicator.counted)}</td>{cells}"
            f'<td class="n">{number(report.value(indicator))}</td></tr>'
        )
    return (
        f"<section><h2>{escape(code)}. {escape(title)} <small>{escape(citation)}</small></h2>"
        f"<table><tr><th>Mã</th><th>Chỉ tiêu</th><th>Đơn vị tính</th>{head}<th>Tổng</th></tr>"
        + "".join(rows)
        + "</table></section>"
    )


def _recommendation(report: Report) -> str:
    compiled = compile_violations(report)
    blocks = []
    for agency in (*compiled.agencies, *compiled.own):
        rows = "".join(
            f"<tr><td>{escape(line.rule)}</td><td>{escape(line.title)}</td>"
            f"<td>{escape(line.article)}</td><td class='n'>{number(line.count)}</td>"
            f"<td>{escape(', '.join(line.cases))}</td></tr>"
            for line in agency.lines
        )
        blocks.append(
            f"<h3>{escape(agency.name)} — {number(agency.count)} vi phạm</h3>"
            "<table><tr><th>Quy tắc</th><th>Nội dung</th><th>Căn cứ</th><th>Số vi phạm</th>"
            f"<th>Nguồn tin, vụ án</th></tr>{rows}</table>"
        )
    if not blocks:
        blocks.append("<p>Không có vi phạm trong kỳ.</p>")
    return (
        "<section><h2>Tổng hợp vi phạm theo cơ quan được kiểm sát "
        "<small>căn cứ để kiến nghị</small></h2>" + "".join(blocks) + "</section></main>"
    )
