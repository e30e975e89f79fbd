"""How the books and `case show` word the procuracy's acts (Vietnamese, for people)."""

from __future__ import annotations

from qlahs.domain.supervision import ANSWERED, FAMILY_NAMES, Item, SupervisionActs
from qlahs.kernel.subject import Act
from qlahs.law.calendar import fmt

ROLE_NAMES = {"kiem_sat_vien": "Kiểm sát viên", "lanh_dao": "lãnh đạo phụ trách"}
REQUEST_NAMES = {
    "kiem_tra_xac_minh": "Yêu cầu kiểm tra, xác minh",
    "khoi_to_vu_an": "Yêu cầu khởi tố, thay đổi, bổ sung QĐ khởi tố vụ án",
    "khoi_to_bi_can": "Yêu cầu khởi tố, thay đổi, bổ sung QĐ khởi tố bị can",
    "dieu_tra": "Yêu cầu điều tra",
    "bien_phap_ngan_chan": "Yêu cầu thay đổi, hủy bỏ biện pháp ngăn chặn",
}
CANCELLED_NAMES = {
    "khoi_to_vu_an": "QĐ khởi tố vụ án",
    "thay_doi_khoi_to": "QĐ thay đổi, bổ sung QĐ khởi tố",
    "khong_khoi_to": "QĐ không khởi tố vụ án",
    "tam_dinh_chi": "QĐ tạm đình chỉ",
    "tam_giu": "QĐ tạm giữ",
    "tach_nhap": "QĐ tách, nhập vụ án",
    "khac": "quyết định tố tụng khác",
}
FAMILY_TITLES = {
    "recommendation": "Kiến nghị",
    "protest": "Kháng nghị",
    "lessons": "Thông báo rút kinh nghiệm",
    "objection": "Kiến nghị của cơ quan điều tra lên VKS cấp trên",
}
RESULT_NAMES = {
    "da_thuc_hien": "đã thực hiện",
    "thuc_hien_mot_phan": "thực hiện một phần",
    "khong_thuc_hien": "không thực hiện",
    "chap_nhan": "chấp nhận",
    "chap_nhan_mot_phan": "chấp nhận một phần",
    "khong_chap_nhan": "không chấp nhận",
    "giu_nguyen": "VKS cấp trên giữ nguyên quyết định",
    "huy_bo": "VKS cấp trên hủy bỏ quyết định",
    "sua_doi": "VKS cấp trên sửa đổi quyết định",
}


def title(item: Item) -> str:
    """The name of the document, as the books write it."""
    if item.family == "request":
        return REQUEST_NAMES.get(item.what, "Yêu cầu")
    if item.family == "cancellation":
        return f"QĐ hủy bỏ {CANCELLED_NAMES.get(item.what, item.what)}"
    return FAMILY_TITLES.get(item.family, FAMILY_NAMES[item.family])


def describe(item: Item) -> str:
    """The document in a few words: its name, key, number, addressee and content."""
    number = f" số {item.decision}" if item.decision else ""
    to = f" gửi {item.to}" if item.to else ""
    return f"{title(item)} {item.key}{number}{to}: {item.content}".rstrip(": ")


def act_title(act: Act) -> str | None:
    """The title of a supervision act for a list of acts, or None for another act."""
    if isinstance(act, SupervisionActs.Assigned):
        return f"QĐ phân công {ROLE_NAMES.get(act.role, act.role)}"
    if isinstance(act, SupervisionActs.Issued):
        return title(Item(act.key, act.family, act.what, act.day, act.content, None, None))
    if isinstance(act, SupervisionActs.Objected):
        return FAMILY_TITLES["objection"]
    if isinstance(act, SupervisionActs.Answered):
        return f"Trả lời {act.key}"
    return None


REQUEST_VERBS = {
    "kiem_tra_xac_minh": "request_verification",
    "khoi_to_vu_an": "request_prosecution",
    "khoi_to_bi_can": "request_charge",
    "dieu_tra": "request_investigation",
    "bien_phap_ngan_chan": "request_measure_change",
}
FAMILY_VERBS = {
    "recommendation": "recommend",
    "protest": "protest_violation",
    "lessons": "notify_lessons",
    "cancellation": "cancel_decision",
}


def act_verb(act: Act, items: dict[str, Item]) -> str | None:
    """The verb of the action that recorded a supervision act (`request_investigation`), or
    None for another act; `items` are the subject's, to tell which kind an answer answers."""
    match act:
        case SupervisionActs.Assigned():
            return "assign_prosecutor" if act.role == "kiem_sat_vien" else "assign_leader"
        case SupervisionActs.Issued() if act.family == "request":
            return REQUEST_VERBS.get(act.what, "request")
        case SupervisionActs.Issued():
            return FAMILY_VERBS.get(act.family, act.family)
        case SupervisionActs.Objected():
            return "object_to_decision"
        case SupervisionActs.Answered() if act.key in items:
            return ANSWERED[items[act.key].family]
    return None


def act_content(act: Act) -> str | None:
    """What a supervision act says, in a few words, or None for another act."""
    match act:
        case SupervisionActs.Assigned():
            number = f" (QĐ số {act.decision})" if act.decision else ""
            return f"{act.prosecutor}{number}"
        case SupervisionActs.Issued():
            limit = ""
            if act.answer_by is not None:
                limit = f"; hạn trả lời {fmt(act.answer_by)}"
            elif act.answer_within is not None:
                limit = f"; trả lời trong {act.answer_within} ngày"
            to = f"gửi {act.to}: " if act.to else ""
            return f"{act.key}: {to}{act.content}{limit}"
        case SupervisionActs.Objected():
            against = f" đối với {act.against}" if act.against else ""
            return f"{act.key}{against}: {act.content}".rstrip(": ")
        case SupervisionActs.Answered():
            result = RESULT_NAMES.get(act.result, act.result)
            return f"{result}" + (f": {act.content}" if act.content else "")
    return None
