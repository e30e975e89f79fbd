"""How the criminal books word a case's acts: the name of each order or decision, what it
says, the procedural phase it belongs to. Every text here is printed to people (Vietnamese).
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any

from qlahs.domain.criminal_case import CriminalCase
from qlahs.kernel.subject import Act
from qlahs.law.calendar import fmt
from qlahs.law.crimes import CATEGORY_NAMES, crime_table, parse_charge
from qlahs.stages.case.custody_commands import STAGE_NAMES as DETENTION_STAGES
from qlahs.stages.case.investigation_commands import GROUND_NAMES
from qlahs.stages.case.review_commands import review_content
from qlahs.stages.supervision.wording import act_content, act_title

C = CriminalCase
# Vietnam keeps UTC+7 all year: the moment an act was entered, as people there read it.
VIETNAM = timezone(timedelta(hours=7))

# The name of each act as the books write it, by event class.
TITLES: dict[type[Act], str] = {
    C.Opened: "QĐ khởi tố vụ án",
    C.ChargeChanged: "QĐ thay đổi, bổ sung QĐ khởi tố vụ án",
    C.PersonCharged: "QĐ khởi tố bị can",
    C.ChargeApproved: "QĐ phê chuẩn QĐ khởi tố bị can",
    C.ChargeCancelled: "QĐ hủy bỏ QĐ khởi tố bị can",
    C.EvidenceRequested: "Yêu cầu bổ sung chứng cứ, tài liệu",
    C.InvestigationExtended: "QĐ gia hạn thời hạn điều tra",
    C.InvestigationSuspended: "QĐ tạm đình chỉ điều tra",
    C.InvestigationResumed: "QĐ phục hồi điều tra",
    C.InvestigationDismissed: "QĐ đình chỉ điều tra",
    C.Transferred: "QĐ chuyển vụ án",
    C.Joined: "QĐ nhập vụ án",
    C.Split: "QĐ tách vụ án",
    C.JoinedInto: "QĐ nhập vụ án (vụ án này được nhập vào vụ án khác)",
    C.InvestigationConcluded: "Bản kết luận điều tra",
    C.Arrested: "Lệnh bắt, giữ người trong trường hợp khẩn cấp",
    C.Held: "QĐ tạm giữ",
    C.HoldExtended: "QĐ gia hạn tạm giữ",
    C.HoldExtensionApproved: "QĐ phê chuẩn gia hạn tạm giữ",
    C.Detained: "Lệnh tạm giam",
    C.DetentionExtended: "QĐ gia hạn tạm giam",
    C.Released: "Trả tự do; hủy bỏ, thay thế biện pháp ngăn chặn",
    C.FileReceived: "Nhận hồ sơ vụ án và bản kết luận điều tra",
    C.ProsecutionExtended: "QĐ gia hạn thời hạn quyết định việc truy tố",
    C.ReturnedForInvestigation: "QĐ trả hồ sơ để điều tra bổ sung",
    C.Indicted: "Cáo trạng",
    C.SentToCourt: "Chuyển hồ sơ và cáo trạng đến Tòa án",
    C.Suspended: "QĐ tạm đình chỉ vụ án",
    C.Resumed: "QĐ phục hồi vụ án",
    C.Dismissed: "QĐ đình chỉ vụ án",
    C.CourtAccepted: "Tòa án thụ lý vụ án",
    C.TrialPreparationExtended: "QĐ gia hạn thời hạn chuẩn bị xét xử",
    C.BroughtToTrial: "QĐ đưa vụ án ra xét xử",
    C.Judged: "Bản án sơ thẩm",
    C.Appealed: "Kháng cáo",
    C.Protested: "Kháng nghị phúc thẩm",
    C.AppealAccepted: "Tòa án cấp phúc thẩm thụ lý",
    C.AppealJudged: "Bản án phúc thẩm",
    C.EnforcementDecided: "QĐ thi hành án",
}

# A restraining measure as Sổ 07 lists it after the person's name.
MEASURES: dict[type[Act], str] = {
    C.Arrested: "bắt, giữ khẩn cấp",
    C.Held: "tạm giữ",
    C.HoldExtended: "gia hạn tạm giữ",
    C.HoldExtensionApproved: "VKS phê chuẩn gia hạn tạm giữ",
    C.Detained: "tạm giam",
    C.DetentionExtended: "gia hạn tạm giam",
    C.Released: "trả tự do",
}

# The procedural phase an act belongs to, from the case's stage just before it.
PHASE_OF_STAGE = {
    "investigating": "investigation",
    "investigation_suspended": "investigation",
    "investigation_concluded": "prosecution",
    "prosecution": "prosecution",
    "case_suspended": "prosecution",
    "indicted": "prosecution",
    "sent_to_court": "trial",
    "trial_preparation": "trial",
    "trial_suspended": "trial",
    "trial_scheduled": "trial",
    "judged": "appeal",
    "appeal_trial": "appeal",
    "appeal_judged": "enforcement",
    "merged": "investigation",
}
PHASE_NAMES = {
    "investigation": "Khởi tố, điều tra",
    "prosecution": "Truy tố",
    "trial": "Xét xử sơ thẩm",
    "appeal": "Kháng cáo, kháng nghị, phúc thẩm",
    "enforcement": "Thi hành án",
}
# Who decides a suspension or a dismissal in each phase (Điều 229, 230, 247, 248, 281, 282).
AUTHORITIES = {
    "investigation": "Cơ quan điều tra",
    "prosecution": "Viện kiểm sát",
    "trial": "Tòa án",
    "appeal": "Tòa án",
    "enforcement": "Tòa án",
}
RETURNED_BY = {
    "VKS": "Viện kiểm sát",
    "judge": "Tòa án (Thẩm phán chủ tọa)",
    "trial_panel": "Tòa án (Hội đồng xét xử)",
}
RECOMMENDATIONS = {"truy_to": "đề nghị truy tố", "dinh_chi": "đề nghị đình chỉ"}
PROTEST_LEVELS = {"same": "Viện kiểm sát cùng cấp", "superior": "Viện kiểm sát cấp trên trực tiếp"}
PROCEDURES = {"thong_thuong": "thủ tục thông thường", "rut_gon": "thủ tục rút gọn"}


def crime_label(crime: str) -> str:
    """'BLHS 173 k1' → 'Trộm cắp tài sản (BLHS 173 k1)' when the data knows the article."""
    parsed = parse_charge(crime)
    article = crime_table().clauses.get(parsed[0]) if parsed else None
    return f"{article.name} ({crime})" if article else crime


def category_name(category: str | None) -> str:
    return CATEGORY_NAMES.get(category or "", category or "")


def returned_by(act: CriminalCase.ReturnedForInvestigation) -> str:
    if act.by == "VKS":
        return RETURNED_BY["VKS"]
    return RETURNED_BY[act.panel or "judge"]


def period(months: int | None, days: int | None, until: Any = None) -> str:
    if months:
        return f"{months:02d} tháng"
    if days:
        return f"{days:02d} ngày"
    if until is not None:
        return f"đến hết ngày {fmt(until)}"
    return ""


def content(act: Act, names: dict[str, str]) -> str:
    """What the order or decision says, in a few words; `names` labels the persons."""
    match act:
        case C.Opened():
            return "; ".join(x for x in (crime_label(act.crime), act.summary) if x)
        case C.ChargeChanged():
            return crime_label(act.crime)
        case C.PersonCharged():
            return crime_label(act.crime)
        case C.InvestigationExtended():
            return period(act.months, None)
        case C.InvestigationSuspended() | C.Suspended():
            return GROUND_NAMES.get(act.ground, act.ground)
        case C.InvestigationDismissed() | C.Dismissed():
            return act.ground or ""
        case C.Transferred():
            return f"đến {act.to}"
        case C.Joined():
            return "nhập các vụ án " + ", ".join(act.cases)
        case C.JoinedInto():
            return f"nhập vào vụ án {act.into}"
        case C.Split():
            persons = ", ".join(names.get(p, p) for p in act.persons)
            return f"tách {persons} sang vụ án {act.into}"
        case C.InvestigationConcluded():
            return RECOMMENDATIONS.get(act.recommendation, act.recommendation)
        case C.HoldExtended():
            return period(None, act.days)
        case C.Detained():
            return f"{DETENTION_STAGES[act.stage]}, {period(act.months, act.days, act.until)}"
        case C.DetentionExtended():
            return period(act.months, act.days)
        case C.ProsecutionExtended() | C.TrialPreparationExtended():
            return period(None, act.days)
        case C.ReturnedForInvestigation():
            return returned_by(act)
        case C.Indicted():
            return (
                "truy tố " + ", ".join(names.get(p, p) for p in act.persons) if act.persons else ""
            )
        case C.Judged():
            return judgment(act.outcome, act.sentences, names)
        case C.Protested():
            return PROTEST_LEVELS.get(act.level, act.level)
        case C.AppealJudged():
            return act.outcome
    return act_content(act) or review_content(act)


def title(act: Act) -> str:
    """The name of an act as the books and `case show` write it."""
    return TITLES.get(type(act)) or act_title(act) or act.named or act.step


def judgment(outcome: str, sentences: dict[str, str], names: dict[str, str]) -> str:
    parts = [outcome, *(f"{names.get(p, p)}: {s}" for p, s in sentences.items())]
    return "; ".join(x for x in parts if x)


def moment(act: Act) -> str:
    """A sortable text of the act's legal moment (a date sorts before its hours)."""
    on = act.on
    return on.isoformat(timespec="minutes") if isinstance(on, datetime) else on.isoformat()


def recorded(act: Act) -> str:
    """When the act was entered, in Vietnam's time: '14:05 12/03/2025'."""
    return fmt(act.recorded_at.astimezone(VIETNAM).replace(tzinfo=None))
