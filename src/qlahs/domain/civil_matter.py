"""A civil matter (vụ việc dân sự, BLTTDS 2015): a contentious case (vụ án, the default) or a
non-contentious matter (việc dân sự), of one kind (Điều 26–33)."""

from __future__ import annotations

from typing import ClassVar, Literal

from qlahs.domain.court_matter import CourtMatter
from qlahs.domain.machines.court import CourtProcedure
from qlahs.kernel.machines import transitions_of

Procedure = Literal["vu_an", "viec"]
CaseKind = Literal["dan_su", "hon_nhan_gia_dinh", "kinh_doanh_thuong_mai", "lao_dong"]

PROCEDURE_NAMES = {"vu_an": "Vụ án dân sự", "viec": "Việc dân sự"}
KIND_NAMES = {
    "dan_su": "Dân sự",
    "hon_nhan_gia_dinh": "Hôn nhân và gia đình",
    "kinh_doanh_thuong_mai": "Kinh doanh, thương mại",
    "lao_dong": "Lao động",
}


class CivilMatter(CourtMatter):
    """One civil matter from the claim to its review."""

    kind: ClassVar[str] = "civil"
    noun: ClassVar[str] = "vụ việc dân sự"
    code: ClassVar[str] = "Bộ luật Tố tụng dân sự"
    transitions = transitions_of(CourtProcedure)
    stage_names: ClassVar[dict[str, str]] = {
        str(s.value): str(s.name) for s in CourtProcedure.states
    }
