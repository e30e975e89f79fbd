"""`docs/rules.md`, generated from the rule data so that it can never drift from it."""

from __future__ import annotations

from qlahs.law.calendar import load_adjustments
from qlahs.law.citation import CONFIDENCE_NAMES
from qlahs.law.competence import competence
from qlahs.law.counting import UNIT_NAMES
from qlahs.law.crimes import crime_table
from qlahs.law.number_series import series_book
from qlahs.law.rulebook import Rule, RuleBook
from qlahs.law.statutes import sources

HEADER = (
    """# Danh mục quy tắc thời hạn (rule catalogue)

Tệp này được sinh từ dữ liệu quy tắc `src/qlahs/law/rules/*.yaml` bằng lệnh
`qlahs rules --write docs/rules.md`; đừng sửa tay (một phép thử báo lỗi khi tệp cũ).

Mỗi giá trị có trích dẫn điều luật, ngày hiệu lực và độ tin cậy:
"""
    + "\n".join(f"- **{mark}**: {name}" for mark, name in CONFIDENCE_NAMES.items())
    + """

Giá trị có độ tin cậy khác **T** phải được đối chiếu với văn bản hợp nhất trước khi dùng
chính thức; chúng được giữ nguyên dấu trong dữ liệu và liệt kê ở đây.
"""
)


def render(rulebook: RuleBook | None = None) -> str:
    rulebook = rulebook or RuleBook.load()
    lines = [HEADER, *_texts()]
    for name in sorted(rulebook.rules):
        rule = rulebook.rules[name]
        lines.append(f"## `{rule.rule}` — {rule.title}\n")
        lines.append(f"Chủ thể phải thực hiện: {rule.responsible}.\n")
        if rule.counting_note:
            lines.append(f"{rule.counting_note.strip()}\n")
        lines.append("| tham số | ý nghĩa | giá trị | cách tính | căn cứ | hiệu lực từ | tin cậy |")
        lines.append("|---|---|---|---|---|---|---|")
        for key, parameter in rule.parameters.items():
            for effective_from, value in parameter.values.items():
                shown = "hết hiệu lực" if value.value is None else str(value.value)
                unit = UNIT_NAMES.get(parameter.unit or "", "lần") if parameter.unit else "—"
                note = f" ({value.note.strip()})" if value.note else ""
                lines.append(
                    f"| `{key}` | {parameter.description.strip()}{note} | {shown} | {unit} | "
                    f"{value.citation} | {effective_from:%d/%m/%Y} | {value.confidence} |"
                )
        lines += _quotes(rule)
        lines.append("")
    table = crime_table()
    lines.append("## Loại tội phạm theo khoản bị khởi tố (`law/crimes.yaml`)\n")
    lines.append(
        f"{table.description} — {table.citation}. Bảng được sinh từ văn bản BLHS kèm theo "
        f"(`law/texts/blhs.md`: {table.text_version}); mỗi khoản có khung hình phạt trích nguyên "
        "văn trong `crimes.yaml`. Khoản chỉ áp dụng cho pháp nhân thương mại không có loại "
        "riêng (Điều 9 k2).\n"
    )
    lines.append("| điều | tội danh | khoản → loại | tin cậy | sửa đổi chưa có trong văn bản |")
    lines.append("|---|---|---|---|---|")
    for number, article in sorted(table.clauses.items(), key=lambda item: str(item[0]).zfill(4)):
        clauses = ", ".join(f"k{k}: {v.category}" for k, v in sorted(article.clauses.items()))
        if article.whole:
            clauses = f"cả điều: {article.whole.category}"
        later = ""
        if article.amended_2025:
            change = article.amended_2025
            later = f"{change.law} từ {change.effective_from:%d/%m/%Y} ({change.confidence})"
        lines.append(f"| {number} | {article.name} | {clauses} | {article.confidence} | {later} |")
    lines.append("")
    lines += _competence()
    lines += _series()
    lines.append("## Ngày nghỉ, ngày làm bù bổ sung cho lịch của gói `holidays`\n")
    lines.append("| ngày | loại | tên | căn cứ | tin cậy |")
    lines.append("|---|---|---|---|---|")
    for day in load_adjustments():
        kind = "nghỉ" if day.off else "làm việc"
        if day.uncertain:
            kind += f" (chưa chắc chắn: {' '.join(day.uncertain.split())})"
        lines.append(
            f"| {day.day:%d/%m/%Y} | {kind} | {day.name} | {day.citation} | {day.confidence} |"
        )
    return "\n".join(lines) + "\n"


def _texts() -> list[str]:
    """Which statute texts the quotes come from, and the amendments those texts lack."""
    lines = ["## Văn bản luật kèm theo (`law/texts/`)\n"]
    lines.append(
        "Mỗi giá trị có lời văn trích nguyên văn từ điều, khoản được dẫn; một phép thử tìm lại "
        "từng lời trích trong văn bản kèm theo. Văn bản là bản pháp điển, chưa gồm các luật sửa "
        "đổi ghi dưới đây.\n"
    )
    for law, info in sources().texts.items():
        lacks = "; ".join(f"{m.law} (hiệu lực {m.effective_from:%d/%m/%Y})" for m in info.lacks)
        missing = f"chưa gồm {lacks}" if lacks else "không thiếu văn bản sửa đổi nào đã biết"
        lines.append(f"- **{law}** ({info.title} số {info.number}): {missing}.")
    lines.append("")
    return lines


def _quotes(rule: Rule) -> list[str]:
    """The words of the law behind the rule's values, once per clause and quote."""
    seen: dict[tuple[str, str], None] = {}
    for parameter in rule.parameters.values():
        for value in parameter.values.values():
            if value.quote:
                seen[(str(value.citation), " ".join(value.quote.split()))] = None
            elif value.quote_source:
                seen[(str(value.citation), f"(không trích: {value.quote_source})")] = None
    if not seen:
        return []
    lines = ["", "Lời văn của luật:", ""]
    for citation, quote in seen:
        shown = quote if quote.startswith("(") else f"“{quote}”"
        lines.append(f"- {citation}: {shown}")
    return lines


def _competence() -> list[str]:
    """Who may grant each extension (`law/competence.yaml`), by date."""
    table = competence()
    lines = ["## Thẩm quyền gia hạn của Viện kiểm sát (`law/competence.yaml`)\n"]
    lines.append(
        "| quyền | từ ngày | cơ quan điều tra thụ lý | loại tội → cấp gia hạn lần 1, 2, 3 "
        "| căn cứ | tin cậy |"
    )
    lines.append("|---|---|---|---|---|---|")
    for power in table.powers.values():
        for effective_from, variant in power.values.items():
            bodies = (
                ("cấp huyện (từ 2025: trường hợp chung)", variant.by_level, variant.citation),
                ("cấp tỉnh", variant.provincial_body, variant.citation),
                (
                    "Bộ Công an, Bộ Quốc phòng, VKSND tối cao",
                    variant.central_body,
                    variant.central_citation,
                ),
            )
            for body, levels_of, citation in bodies:
                cells = "; ".join(
                    f"{category}: {', '.join(levels)}" for category, levels in levels_of.items()
                )
                lines.append(
                    f"| {power.description} | {effective_from:%d/%m/%Y} | {body} | {cells} | "
                    f"{citation} | {variant.confidence} |"
                )
    lines.append("")
    lines.append("Cấp: " + "; ".join(f"`{k}` {v}" for k, v in table.levels.items()) + ".\n")
    return lines


def _series() -> list[str]:
    """The numbering series of the document registers (`law/number_series.yaml`)."""
    book = series_book()
    lines = ["## Hệ thống số văn bản (`law/number_series.yaml`)\n"]
    lines.append(f"{book.order.title} — {book.order.citation} ({book.order.confidence}).\n")
    lines.append("| hệ thống số | tham số | giá trị | căn cứ | hiệu lực từ | tin cậy |")
    lines.append("|---|---|---|---|---|---|")
    names = {
        "symbol": "ký hiệu",
        "year_start": "năm đánh số bắt đầu (tháng-ngày)",
        "inserts": "cho số chèn",
    }
    for code, series in book.series.items():
        for parameter, values in (
            ("symbol", series.symbol),
            ("year_start", series.year_start),
            ("inserts", series.inserts),
        ):
            for effective_from, cited in values.items():
                shown = (
                    ("có" if cited.value else "không")
                    if isinstance(cited.value, bool)
                    else cited.value
                )
                cells = [f"`{code}` {series.title}", names[parameter], str(shown)]
                cells += [str(cited.citation), f"{effective_from:%d/%m/%Y}", cited.confidence]
                lines.append("| " + " | ".join(cells) + " |")
    lines.append("")
    return lines
