"""A citation of the law and the confidence we have in it (law.md §0)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

# T: statute text read in full; P: secondary public source; C: seen only in public code;
# M: from memory or inferred, not confirmed.
Confidence = Literal["T", "P", "C", "M"]

CONFIDENCE_NAMES: dict[str, str] = {
    "T": "đã đối chiếu văn bản luật",
    "P": "theo nguồn thứ cấp, cần đối chiếu",
    "C": "theo phần mềm thực tiễn, chưa phải luật",
    "M": "chưa xác nhận, cần kiểm tra",
}


class Citation(BaseModel):
    """Law, article, clause (and point) — printed the Vietnamese way."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    law: str
    article: int | str | None = None
    clause: int | str | None = None
    point: str | None = None

    def __str__(self) -> str:
        parts = [self.law]
        if self.article is not None:
            parts.append(f"Điều {self.article}")
        if self.clause is not None:
            parts.append(f"khoản {self.clause}")
        if self.point is not None:
            parts.append(f"điểm {self.point}")
        return " ".join(parts)
