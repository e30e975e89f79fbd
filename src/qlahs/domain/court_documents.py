"""The court documents that reach the VKS (`deliver`): their names, and which act issues each
one, so that a document cannot be received before the act that makes it."""

from __future__ import annotations

from typing import Any

DOCUMENT_NAMES = {
    "thong_bao_thu_ly": "thông báo thụ lý",
    "tra_lai_don": "văn bản trả lại đơn",
    "giai_quyet_kien_nghi": "quyết định giải quyết kiến nghị về việc trả lại đơn",
    "tam_dinh_chi": "quyết định tạm đình chỉ",
    "dinh_chi": "quyết định đình chỉ",
    "dua_ra_xet_xu": "quyết định đưa vụ án ra xét xử",
    "mo_phien_hop": "quyết định mở phiên họp",
    "ban_an": "bản án",
    "quyet_dinh": "quyết định",
}

# Documents the VKS may receive whatever was recorded before: they open no clock.
ANY_TIME = frozenset({"quyet_dinh", "mo_phien_hop"})


# What each act makes a court document the VKS can receive (`deliver`).
ISSUES: dict[str, tuple[str, ...]] = {
    "return_claim": ("tra_lai_don",),
    "object_return": ("giai_quyet_kien_nghi",),
    "accept": ("thong_bao_thu_ly", "quyet_dinh"),
    "suspend": ("tam_dinh_chi",),
    "resume": ("quyet_dinh",),
    "dismiss": ("dinh_chi",),
    "bring_to_trial": ("dua_ra_xet_xu",),
    "schedule_hearing": ("mo_phien_hop", "dua_ra_xet_xu"),
    "judge": ("ban_an",),
    "appeal_judge": ("ban_an",),
    "decide_petition": ("quyet_dinh",),
    "take_effect": ("ban_an", "quyet_dinh"),
}


def issue(aggregate: Any, step: str) -> None:
    for document in ISSUES.get(step, ()):
        if document not in aggregate.issued:
            aggregate.issued.append(document)
