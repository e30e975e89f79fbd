"""The documents qlahs drafts (`templates.yaml`) and where their DOCX files are found.

A unit replaces a template without code: a DOCX of the same file name in
`<templates folder>/<unit code>/` or in `<templates folder>/` is used instead of the shipped
one (the folder is given by `--templates` or `QLAHS_TEMPLATES`).
"""

from __future__ import annotations

import os
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, RootModel

from qlahs.kernel import yamlio
from qlahs.kernel.errors import QlahsError
from qlahs.law.citation import Citation, Confidence
from qlahs.law.statutes import sources

About = Literal["report", "case", "civil", "admin", "agency"]


class CitedSeries(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    value: str
    citation: Citation
    confidence: Confidence


class Basis(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    citation: Citation
    confidence: Confidence
    about: About | None = None

    def line(self) -> str:
        """'Căn cứ khoản 1 Điều 41 Bộ luật Tố tụng hình sự năm 2015;'"""
        c = self.citation
        parts = [f"điểm {c.point}"] if c.point else []
        parts += [f"khoản {c.clause}"] if c.clause is not None else []
        parts += [f"Điều {c.article}"] if c.article is not None else []
        return f"Căn cứ {' '.join(parts)} {law_name(c.law)};"


class Template(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str = ""
    title: str
    kind: str
    summary: str
    file: str
    version: int = Field(ge=1)
    series: CitedSeries | None
    about: tuple[About, ...]
    signer: str
    bases: tuple[Basis, ...]
    recipients: tuple[str, ...]

    def bases_for(self, about: str) -> list[Basis]:
        return [b for b in self.bases if b.about in (None, about)]


class Catalogue(RootModel[dict[str, Template]]):
    def get(self, template_id: str) -> Template:
        found = self.root.get(template_id)
        if found is None:
            known = ", ".join(self.root)
            raise QlahsError(f"Không có mẫu văn bản '{template_id}'. Các mẫu: {known}.")
        return found.model_copy(update={"id": template_id})

    def all(self) -> list[Template]:
        return [self.get(name) for name in self.root]


@cache
def catalogue() -> Catalogue:
    text = files("qlahs.drafting").joinpath("templates.yaml").read_text("utf-8")
    return yamlio.load_data(Catalogue, "drafting/templates.yaml", text)


def law_name(law: str) -> str:
    """'BLTTHS 2015' → 'Bộ luật Tố tụng hình sự năm 2015' for the laws whose text is shipped."""
    info = sources().texts.get(law)
    if info is None:
        return law
    year = info.number.split("/")[1] if info.number.count("/") >= 2 else ""
    return f"{info.title} năm {year}" if year else info.title


def template_file(template: Template, unit: str, folder: Path | None = None) -> Path:
    """The unit's own DOCX if its templates folder has one, else the shipped file."""
    chosen = folder or (
        Path(os.environ["QLAHS_TEMPLATES"]) if "QLAHS_TEMPLATES" in os.environ else None
    )
    if chosen is not None:
        for candidate in (chosen / unit / template.file, chosen / template.file):
            if candidate.is_file():
                return candidate
    return Path(str(files("qlahs.drafting").joinpath("templates", template.file)))
