"""The indicators, each defined once: its code, Vietnamese name, meaning, what one unit of it
is, its confidence mark, and its formula over the measures (measures.py, formulas.py).

Groups follow TTLT 05/2018/TTLT-VKSNDTC-TANDTC-BCA-BQP Điều 4 [T]. The individual
indicators follow practice (law.md §13.4) and are marked **M**: the official list, the
appendix "Danh mục chỉ tiêu thống kê hình sự liên ngành", was not retrieved. The violations
group follows the VKS software that compiles violations into recommendations (law.md §14)
and is marked **C**.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from qlahs.law.rulebook import RuleBook
from qlahs.stats.formulas import Formula, Rate, stock_total, total


@dataclass(frozen=True)
class Group:
    code: str
    title: str
    citation: str
    sheet: str  # the Excel sheet's name (at most 31 characters)


@dataclass(frozen=True)
class Indicator:
    code: str
    group: str
    name: str
    meaning: str
    counted: str  # nguồn tin, vụ, bị can, người, lượt, vi phạm, %
    formula: Formula
    confidence: str = "M"
    depth: int = 0  # 1 for "trong đó" lines
    headline: bool = False  # shown on the charts and summary cards

    @property
    def is_rate(self) -> bool:
        return isinstance(self.formula, Rate)


TTLT = "TTLT 05/2018/TTLT-VKSNDTC-TANDTC-BCA-BQP Điều 4"
GROUPS: tuple[Group, ...] = (
    Group(
        "A",
        "Tiếp nhận, giải quyết tố giác, tin báo về tội phạm và kiến nghị khởi tố",
        f"{TTLT} điểm a",
        "A. Nguồn tin",
    ),
    Group("B", "Khởi tố, điều tra", f"{TTLT} điểm b", "B. Khởi tố, điều tra"),
    Group("C", "Truy tố", f"{TTLT} điểm c", "C. Truy tố"),
    Group("D", "Xét xử", f"{TTLT} điểm d", "D. Xét xử"),
    Group("Đ", "Thi hành tạm giữ, tạm giam", f"{TTLT} điểm đ", "Đ. Tạm giữ, tạm giam"),
    Group("E", "Thi hành án hình sự", f"{TTLT} điểm e", "E. Thi hành án"),
    Group(
        "V",
        "Vi phạm pháp luật về thời hạn tố tụng phát hiện qua kiểm sát",
        "Thực tiễn ngành (Sổ 66; phần mềm sổ thụ lý điện tử) — law.md §14",
        "V. Vi phạm",
    ),
)

CARRIED = "Đang {what} tại hết ngày trước ngày đầu kỳ"
NEW = "Số lượt vào {what} trong kỳ: {how}"
DONE = "Số lượt ra khỏi {what} trong kỳ: {how}"
LEFT = "Đang {what} tại hết ngày cuối kỳ (= cũ + mới − đã giải quyết)"
RATE = "Đã giải quyết ÷ tổng số phải giải quyết × 100"


@dataclass(frozen=True)
class StockLines:
    """The five lines of one stock: carried, new, total to resolve, resolved, left."""

    carried: Indicator
    new: Indicator
    total: Indicator
    done: Indicator
    left: Indicator

    def lines(
        self,
        new: list[Indicator] = [],  # noqa: B006 - never mutated
        done: list[Indicator] = [],  # noqa: B006
        left: list[Indicator] = [],  # noqa: B006
    ) -> list[Indicator]:
        """The lines in report order, each followed by its "trong đó" lines."""
        return [self.carried, self.new, *new, self.total, self.done, *done, self.left, *left]


def _stock_lines(
    group: str,
    stock: str,
    counted: str,
    what: str,
    entries: str,
    exits: str,
    first: int,
    *,
    headline: bool = False,
) -> StockLines:
    """Carried, new, total, resolved and left of one stock, numbered from `first`."""
    n = first
    return StockLines(
        Indicator(
            f"{group}.{n}",
            group,
            f"{counted.capitalize()} cũ còn lại",
            CARRIED.format(what=what),
            counted,
            total(f"{stock}.carried"),
        ),
        Indicator(
            f"{group}.{n + 1}",
            group,
            f"{counted.capitalize()} mới",
            NEW.format(what=what, how=entries),
            counted,
            total(f"{stock}.in.*"),
            headline=headline,
        ),
        Indicator(
            f"{group}.{n + 2}",
            group,
            f"Tổng số {counted} phải giải quyết",
            "Cũ còn lại + mới",
            counted,
            stock_total(stock),
        ),
        Indicator(
            f"{group}.{n + 3}",
            group,
            f"{counted.capitalize()} đã giải quyết",
            DONE.format(what=what, how=exits),
            counted,
            total(f"{stock}.out.*"),
            headline=headline,
        ),
        Indicator(
            f"{group}.{n + 4}",
            group,
            f"{counted.capitalize()} còn lại chưa giải quyết",
            LEFT.format(what=what),
            counted,
            total(f"{stock}.end"),
        ),
    )


def _line(
    code: str,
    name: str,
    meaning: str,
    counted: str,
    *keys: str,
    depth: int = 1,
    headline: bool = False,
    confidence: str = "M",
) -> Indicator:
    return Indicator(
        code,
        code.split(".")[0],
        name,
        meaning,
        counted,
        total(*keys),
        confidence=confidence,
        depth=depth,
        headline=headline,
    )


def _rate(code: str, stock: str, name: str = "Tỷ lệ giải quyết") -> Indicator:
    return Indicator(
        code,
        code.split(".")[0],
        name,
        RATE,
        "%",
        Rate(total(f"{stock}.out.*"), stock_total(stock)),
    )


def _reports() -> list[Indicator]:
    stock = _stock_lines(
        "A",
        "report",
        "nguồn tin",
        "giải quyết (giai đoạn 'Đang giải quyết')",
        "tiếp nhận, phục hồi giải quyết, hủy quyết định tạm đình chỉ",
        "quyết định khởi tố, không khởi tố vụ án, tạm đình chỉ giải quyết",
        1,
        headline=True,
    )
    new = [
        _line("A.2.1", "Tiếp nhận mới", "report.receive", "nguồn tin", "report.in.Received"),
        _line("A.2.2", "Phục hồi giải quyết", "report.resume", "nguồn tin", "report.in.Resumed"),
        _line(
            "A.2.3",
            "Hủy quyết định tạm đình chỉ",
            "report.cancel_suspension",
            "nguồn tin",
            "report.in.SuspensionCancelled",
        ),
    ]
    done = [
        _line(
            "A.4.1",
            "Quyết định khởi tố vụ án",
            "report.decide với outcome khoi_to (kể cả quyết định case.open ghi thay)",
            "nguồn tin",
            "report.out.Decided.khoi_to",
        ),
        _line(
            "A.4.2",
            "Quyết định không khởi tố vụ án",
            "report.decide với outcome khong_khoi_to",
            "nguồn tin",
            "report.out.Decided.khong_khoi_to",
        ),
        _line(
            "A.4.3",
            "Tạm đình chỉ giải quyết",
            "report.suspend",
            "nguồn tin",
            "report.out.Suspended",
        ),
    ]
    left = [
        _line(
            "A.5.1",
            "Trong đó quá hạn giải quyết",
            "Nguồn tin có thời hạn report.resolve đã hết mà chưa có quyết định, tại hết ngày "
            "cuối kỳ (như danh sách quá hạn)",
            "nguồn tin",
            "overdue.report.resolve",
            headline=True,
        ),
    ]
    return [
        *stock.lines(new, done, left),
        _rate("A.6", "report"),
        _line(
            "A.7",
            "Giải quyết quá hạn trong kỳ",
            "Quyết định giải quyết có ngày trong kỳ, sau khi thời hạn report.resolve đã hết",
            "nguồn tin",
            "late.report.resolve",
            depth=0,
        ),
        _line(
            "A.8",
            "Nguồn tin đang tạm đình chỉ cuối kỳ",
            "Ở giai đoạn 'Tạm đình chỉ' tại hết ngày cuối kỳ",
            "nguồn tin",
            "report_suspended.end",
            depth=0,
        ),
        _line(
            "A.9",
            "Cơ quan điều tra kéo dài thời hạn giải quyết",
            "Số hành vi report.extend trong kỳ (Điều 147 khoản 2)",
            "lượt",
            "act.report.Extended",
            depth=0,
        ),
        _line(
            "A.10",
            "Viện kiểm sát gia hạn thời hạn giải quyết",
            "Số hành vi report.grant_extension trong kỳ",
            "lượt",
            "act.report.ExtensionGranted",
            depth=0,
        ),
    ]


def _investigation() -> list[Indicator]:
    cases = _stock_lines(
        "B",
        "inv_case",
        "vụ án",
        "điều tra (giai đoạn 'Đang điều tra')",
        "khởi tố, tách vụ án, phục hồi điều tra, trả hồ sơ để điều tra bổ sung",
        "kết thúc điều tra, đình chỉ, tạm đình chỉ điều tra, nhập vào vụ án khác",
        1,
        headline=True,
    )
    new_cases = [
        _line(
            "B.2.1",
            "Khởi tố mới",
            "case.open (không kể vụ án tách)",
            "vụ",
            "inv_case.in.Opened",
            headline=True,
        ),
        _line("B.2.2", "Tách từ vụ án khác", "case.split", "vụ", "inv_case.in.Opened.split"),
        _line(
            "B.2.3",
            "Phục hồi điều tra",
            "case.resume_investigation (cả vụ án)",
            "vụ",
            "inv_case.in.InvestigationResumed",
        ),
        _line(
            "B.2.4",
            "Viện kiểm sát trả hồ sơ điều tra bổ sung",
            "case.return_for_investigation với by VKS",
            "vụ",
            "inv_case.in.ReturnedForInvestigation.VKS",
        ),
        _line(
            "B.2.5",
            "Tòa án trả hồ sơ điều tra bổ sung",
            "case.return_for_investigation với by court",
            "vụ",
            "inv_case.in.ReturnedForInvestigation.court",
        ),
    ]
    done_cases = [
        _line(
            "B.4.1",
            "Kết thúc điều tra, đề nghị truy tố",
            "case.conclude_investigation với recommendation truy_to",
            "vụ",
            "inv_case.out.InvestigationConcluded.truy_to",
        ),
        _line(
            "B.4.2",
            "Kết thúc điều tra, đề nghị đình chỉ",
            "case.conclude_investigation với recommendation dinh_chi",
            "vụ",
            "inv_case.out.InvestigationConcluded.dinh_chi",
        ),
        _line(
            "B.4.3",
            "Đình chỉ điều tra",
            "case.dismiss_investigation (cả vụ án)",
            "vụ",
            "inv_case.out.InvestigationDismissed",
        ),
        _line(
            "B.4.4",
            "Tạm đình chỉ điều tra",
            "case.suspend_investigation (cả vụ án)",
            "vụ",
            "inv_case.out.InvestigationSuspended",
        ),
        _line(
            "B.4.5",
            "Nhập vào vụ án khác",
            "case.join của vụ án nhận",
            "vụ",
            "inv_case.out.JoinedInto",
        ),
    ]
    left_cases = [
        _line(
            "B.5.1",
            "Trong đó quá hạn điều tra",
            "Vụ án có thời hạn case.investigate đã hết mà chưa kết thúc điều tra, tại hết "
            "ngày cuối kỳ",
            "vụ",
            "overdue.case.investigate",
            headline=True,
        ),
    ]
    persons = _stock_lines(
        "B",
        "inv_person",
        "bị can",
        "điều tra (đã bị khởi tố, quyết định chưa bị hủy, không bị tạm đình chỉ hay đình chỉ "
        "riêng, khi vụ án 'Đang điều tra')",
        "khởi tố bị can, phục hồi, trả hồ sơ, nhập hoặc tách vụ án",
        "kết thúc điều tra, đình chỉ, tạm đình chỉ, Viện kiểm sát hủy quyết định khởi tố bị "
        "can, nhập hoặc tách vụ án",
        8,
    )
    new_persons = [
        _line(
            "B.9.1",
            "Khởi tố bị can mới",
            "case.charge",
            "bị can",
            "inv_person.in.PersonCharged",
            headline=True,
        ),
        _line(
            "B.9.2",
            "Phục hồi điều tra",
            "case.resume_investigation",
            "bị can",
            "inv_person.in.InvestigationResumed",
        ),
        _line(
            "B.9.3",
            "Trả hồ sơ điều tra bổ sung",
            "case.return_for_investigation",
            "bị can",
            "inv_person.in.ReturnedForInvestigation.*",
        ),
    ]
    done_persons = [
        _line(
            "B.11.1",
            "Kết thúc điều tra",
            "case.conclude_investigation",
            "bị can",
            "inv_person.out.InvestigationConcluded.*",
        ),
        _line(
            "B.11.2",
            "Đình chỉ điều tra",
            "case.dismiss_investigation (vụ án hoặc riêng bị can)",
            "bị can",
            "inv_person.out.InvestigationDismissed",
        ),
        _line(
            "B.11.3",
            "Tạm đình chỉ điều tra",
            "case.suspend_investigation (vụ án hoặc riêng bị can)",
            "bị can",
            "inv_person.out.InvestigationSuspended",
        ),
        _line(
            "B.11.4",
            "Viện kiểm sát hủy bỏ quyết định khởi tố bị can",
            "case.cancel_charge",
            "bị can",
            "inv_person.out.ChargeCancelled",
        ),
    ]
    return [
        *cases.lines(new_cases, done_cases, left_cases),
        _rate("B.6", "inv_case"),
        _line(
            "B.7",
            "Vụ án đang tạm đình chỉ điều tra cuối kỳ",
            "Ở giai đoạn 'Tạm đình chỉ điều tra' tại hết ngày cuối kỳ",
            "vụ",
            "inv_case_suspended.end",
            depth=0,
        ),
        *persons.lines(new_persons, done_persons),
        _line(
            "B.13",
            "Viện kiểm sát phê chuẩn quyết định khởi tố bị can",
            "Số hành vi case.approve_charge trong kỳ",
            "lượt",
            "act.case.ChargeApproved",
            depth=0,
        ),
        _line(
            "B.14",
            "Viện kiểm sát yêu cầu bổ sung chứng cứ (Điều 179 khoản 3)",
            "Số hành vi case.request_evidence trong kỳ",
            "lượt",
            "act.case.EvidenceRequested",
            depth=0,
        ),
        _line(
            "B.15",
            "Gia hạn điều tra",
            "Số hành vi case.extend_investigation trong kỳ",
            "lượt",
            "act.case.InvestigationExtended",
            depth=0,
        ),
    ]


def _prosecution() -> list[Indicator]:
    cases = _stock_lines(
        "C",
        "pros_case",
        "vụ án",
        "giải quyết ở giai đoạn truy tố (Viện kiểm sát đã nhận hồ sơ)",
        "nhận hồ sơ kết thúc điều tra, phục hồi vụ án",
        "truy tố, trả hồ sơ điều tra bổ sung, đình chỉ, tạm đình chỉ vụ án",
        1,
        headline=True,
    )
    done_cases = [
        _line(
            "C.4.1",
            "Truy tố",
            "case.indict",
            "vụ",
            "pros_case.out.Indicted",
            "pros_case.out.Indicted.*",
        ),
        _line(
            "C.4.1.1",
            "Trong đó theo thủ tục rút gọn",
            "case.indict của vụ án có procedure rut_gon",
            "vụ",
            "pros_case.out.Indicted.rut_gon",
            depth=2,
        ),
        _line(
            "C.4.2",
            "Trả hồ sơ điều tra bổ sung",
            "case.return_for_investigation",
            "vụ",
            "pros_case.out.ReturnedForInvestigation.*",
        ),
        _line("C.4.3", "Đình chỉ vụ án", "case.dismiss", "vụ", "pros_case.out.Dismissed"),
        _line("C.4.4", "Tạm đình chỉ vụ án", "case.suspend", "vụ", "pros_case.out.Suspended"),
    ]
    left_cases = [
        _line(
            "C.5.1",
            "Trong đó quá hạn quyết định việc truy tố",
            "Vụ án có thời hạn prosecution.decide đã hết mà chưa có quyết định, tại hết ngày "
            "cuối kỳ",
            "vụ",
            "overdue.prosecution.decide",
            headline=True,
        ),
    ]
    persons = _stock_lines(
        "C",
        "pros_person",
        "bị can",
        "giải quyết ở giai đoạn truy tố",
        "nhận hồ sơ, phục hồi",
        "truy tố, không có tên trong cáo trạng, trả hồ sơ, đình chỉ, tạm đình chỉ",
        8,
    )
    done_persons = [
        _line(
            "C.11.1",
            "Truy tố",
            "Bị can có tên trong cáo trạng (case.indict)",
            "bị can",
            "pros_person.out.Indicted",
            "pros_person.out.Indicted.rut_gon",
            headline=True,
        ),
    ]
    return [
        *cases.lines(done=done_cases, left=left_cases),
        _rate("C.6", "pros_case"),
        _line(
            "C.7",
            "Quyết định việc truy tố quá hạn trong kỳ",
            "Quyết định có ngày trong kỳ, sau khi thời hạn prosecution.decide đã hết",
            "vụ",
            "late.prosecution.decide",
            depth=0,
        ),
        *persons.lines(done=done_persons),
        _line(
            "C.13",
            "Gia hạn thời hạn quyết định việc truy tố",
            "Số hành vi case.extend_prosecution trong kỳ",
            "lượt",
            "act.case.ProsecutionExtended",
            depth=0,
        ),
    ]


def _trial() -> list[Indicator]:
    cases = _stock_lines(
        "D",
        "trial_case",
        "vụ án",
        "giải quyết sơ thẩm (Tòa án đã thụ lý, chưa xét xử)",
        "Tòa án thụ lý, phục hồi vụ án",
        "xét xử, trả hồ sơ điều tra bổ sung, đình chỉ, tạm đình chỉ vụ án",
        1,
        headline=True,
    )
    done_cases = [
        _line("D.4.1", "Đã xét xử sơ thẩm", "case.judge", "vụ", "trial_case.out.Judged"),
        _line(
            "D.4.2",
            "Trả hồ sơ điều tra bổ sung",
            "case.return_for_investigation",
            "vụ",
            "trial_case.out.ReturnedForInvestigation.*",
        ),
        _line("D.4.3", "Đình chỉ vụ án", "case.dismiss", "vụ", "trial_case.out.Dismissed"),
        _line("D.4.4", "Tạm đình chỉ vụ án", "case.suspend", "vụ", "trial_case.out.Suspended"),
    ]
    left_cases = [
        _line(
            "D.5.1",
            "Trong đó quá hạn",
            "Vụ án có thời hạn trial.prepare hoặc trial.open đã hết mà chưa thực hiện, tại hết "
            "ngày cuối kỳ",
            "vụ",
            "overdue.trial.prepare",
            "overdue.trial.open",
            headline=True,
        ),
    ]
    persons = _stock_lines(
        "D",
        "trial_person",
        "bị cáo",
        "chờ xét xử sơ thẩm",
        "Tòa án thụ lý, phục hồi",
        "xét xử, trả hồ sơ, đình chỉ, tạm đình chỉ",
        7,
    )
    appeal = _stock_lines(
        "D",
        "appeal_case",
        "vụ án phúc thẩm",
        "giải quyết phúc thẩm (Tòa án cấp phúc thẩm đã thụ lý)",
        "case.appeal_accept",
        "case.appeal_judge",
        14,
    )
    return [
        *cases.lines(done=done_cases, left=left_cases),
        _rate("D.6", "trial_case"),
        *persons.lines(),
        _line(
            "D.12",
            "Kháng cáo",
            "Số hành vi case.appeal trong kỳ",
            "lượt",
            "act.case.Appealed",
            depth=0,
        ),
        _line(
            "D.13",
            "Viện kiểm sát kháng nghị phúc thẩm",
            "Số hành vi case.protest trong kỳ",
            "lượt",
            "act.case.Protested.*",
            depth=0,
        ),
        _line(
            "D.13.1",
            "Trong đó Viện kiểm sát cấp trên kháng nghị",
            "case.protest với level superior",
            "lượt",
            "act.case.Protested.superior",
        ),
        *appeal.lines(),
    ]


def _custody() -> list[Indicator]:
    held = _stock_lines(
        "Đ",
        "held",
        "người bị tạm giữ",
        "bị tạm giữ",
        "custody.hold",
        "chuyển tạm giam, trả tự do, chuyển vụ án",
        2,
    )
    held_done = [
        _line(
            "Đ.5.1",
            "Trong đó chuyển tạm giam",
            "custody.detain khi đang tạm giữ",
            "người",
            "held.out.Detained",
        ),
        _line("Đ.5.2", "Trong đó trả tự do", "custody.release", "người", "held.out.Released"),
    ]
    detained = _stock_lines(
        "Đ",
        "detained",
        "người bị tạm giam",
        "bị tạm giam",
        "custody.detain khi chưa bị tạm giam",
        "trả tự do, chuyển vụ án",
        9,
    )
    detained_done = [
        _line(
            "Đ.12.1",
            "Trong đó trả tự do",
            "custody.release",
            "người",
            "detained.out.Released",
        ),
    ]
    return [
        _line(
            "Đ.1",
            "Bắt, giữ người trong trường hợp khẩn cấp",
            "Số hành vi custody.arrest trong kỳ",
            "người",
            "act.case.Arrested",
            depth=0,
        ),
        *held.lines(done=held_done),
        _line(
            "Đ.7",
            "Tạm giữ quá hạn",
            "Người có thời hạn custody.hold đã hết mà chưa được giải quyết, tại hết ngày cuối kỳ",
            "người",
            "overdue.custody.hold",
            depth=0,
            headline=True,
        ),
        _line(
            "Đ.8",
            "Gia hạn tạm giữ",
            "Số hành vi custody.extend_hold trong kỳ",
            "lượt",
            "act.case.HoldExtended",
            depth=0,
        ),
        *detained.lines(done=detained_done),
        _line(
            "Đ.14",
            "Tạm giam quá hạn",
            "Người có thời hạn custody.detention đã hết mà chưa được giải quyết, tại hết ngày "
            "cuối kỳ",
            "người",
            "overdue.custody.detention",
            depth=0,
            headline=True,
        ),
        _line(
            "Đ.15",
            "Lệnh tạm giam",
            "Số hành vi custody.detain trong kỳ (kể cả lệnh mới ở giai đoạn sau)",
            "lượt",
            "act.case.Detained",
            depth=0,
        ),
        _line(
            "Đ.16",
            "Gia hạn tạm giam",
            "Số hành vi custody.extend_detention trong kỳ",
            "lượt",
            "act.case.DetentionExtended",
            depth=0,
        ),
    ]


def _enforcement() -> list[Indicator]:
    stock = _stock_lines(
        "E",
        "enforce",
        "người bị kết án",
        "chờ quyết định thi hành án",
        "bản án sơ thẩm tuyên phạt",
        "quyết định thi hành án",
        1,
        headline=True,
    )
    left = [
        _line(
            "E.5.1",
            "Trong đó quá hạn ra quyết định thi hành án",
            "Người có thời hạn enforcement.decide đã hết mà chưa có quyết định, tại hết ngày "
            "cuối kỳ",
            "người",
            "overdue.enforcement.decide",
            headline=True,
        ),
    ]
    return [
        *stock.lines(left=left),
        _line(
            "E.6",
            "Người bị kết án đang bị tạm giam cuối kỳ",
            "Người đã bị xét xử sơ thẩm và đang bị tạm giam tại hết ngày cuối kỳ",
            "người",
            "convicted_detained.end",
            depth=0,
        ),
    ]


KINDS: dict[str, str] = {
    "late": "Chậm (thực hiện sau khi hết thời hạn)",
    "missing": "Chưa thực hiện khi đã hết thời hạn (quá hạn tại cuối kỳ)",
    "premature": "Trước thời điểm pháp luật cho phép",
    "exceeds_limit": "Vượt giới hạn (số lần, độ dài gia hạn)",
    "wrong_authority": "Sai thẩm quyền",
}


def _violations(rulebook: RuleBook) -> list[Indicator]:
    rows = [
        _line(
            "V.1",
            "Tổng số vi phạm phát hiện",
            "Vi phạm do hành vi có ngày hiệu lực trong kỳ làm lộ ra, cộng thời hạn quá hạn "
            "chưa thực hiện tại hết ngày cuối kỳ (như `qlahs violations`)",
            "vi phạm",
            "violation.*",
            depth=0,
            headline=True,
            confidence="C",
        )
    ]
    rows += [
        _line(
            f"V.1.{index}",
            f"Trong đó: {name.lower()}",
            f"Vi phạm loại {kind}",
            "vi phạm",
            f"violation.*.{kind}",
            confidence="C",
        )
        for index, (kind, name) in enumerate(KINDS.items(), start=1)
    ]
    # one line per rule, coded by the rule's name so that a new rule shifts no other code
    rows += [
        _line(
            f"V.{rule}",
            rulebook[rule].title,
            f"Vi phạm quy tắc {rule} (mọi loại)",
            "vi phạm",
            f"violation.{rule}.*",
            confidence="C",
        )
        for rule in sorted(rulebook.rules)
    ]
    return rows


@cache
def catalogue(rulebook: RuleBook | None = None) -> tuple[Indicator, ...]:
    """Every indicator, in the order of the report."""
    book = rulebook or RuleBook.default()
    return (
        *_reports(),
        *_investigation(),
        *_prosecution(),
        *_trial(),
        *_custody(),
        *_enforcement(),
        *_violations(book),
    )


def group(code: str) -> Group:
    return next(g for g in GROUPS if g.code == code)
