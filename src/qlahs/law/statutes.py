"""The statute texts shipped with qlahs (`law/texts/`), split into articles and clauses.

Code asks for the text of (law, article, clause) — `text_of("BLTTHS 2015", 147, 1)` — to show a
reader the words a rule value rests on, and the tests use it to check that every quoted sentence
in the data is really in the cited clause. `texts/sources.yaml` says which consolidation each
text is and which amending laws it lacks.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from functools import cache
from importlib import resources

from pydantic import BaseModel, ConfigDict

from qlahs.kernel import yamlio

_ARTICLE = re.compile(r"^## Điều (\d+[a-z]?)\. ?(.*)$")
# A clause is a paragraph opening with its number ("2. Trường hợp …"); points ("a) …") and
# unnumbered paragraphs that follow belong to the clause above them.
_CLAUSE = re.compile(r"^(\d+)\. ")
_ORIGIN = re.compile(r"^\(\*?Điều \d+[a-z]? (?:(?:Bộ )?[Ll]uật|Thông tư liên tịch) số ")
_SPACES = re.compile(r"\s+")


class Source(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    repository: str
    path: str
    commit: str
    commit_date: date
    page_lastedit: date


class Missing(BaseModel):
    """An amending law that the shipped text does not contain."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    law: str
    effective_from: date
    note: str


class TextInfo(BaseModel):
    """Where a shipped text comes from and what it does not contain."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    file: str
    title: str
    number: str
    version: str
    source: Source
    topic: str
    lacks: list[Missing]


class Sources(BaseModel):
    model_config = ConfigDict(extra="allow", frozen=True)
    texts: dict[str, TextInfo]


class StatuteArticle(BaseModel):
    """One article: its name, the codification's origin note, the words before the first
    clause, and the clauses by number."""

    model_config = ConfigDict(frozen=True)
    number: str
    name: str
    origin: str
    intro: str
    clauses: dict[int, str]

    @property
    def text(self) -> str:
        return "\n".join([self.intro, *self.clauses.values()]).strip()


class Statute(BaseModel):
    model_config = ConfigDict(frozen=True)
    law: str
    info: TextInfo
    articles: dict[str, StatuteArticle]


def normalise(text: str) -> str:
    """Whitespace collapsed and accents composed (NFC), so that a quote wrapped in YAML or typed
    with decomposed accents still matches the text."""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", text)).strip()


@cache
def sources() -> Sources:
    text = _texts().joinpath("sources.yaml").read_text("utf-8")
    return yamlio.load_data(Sources, "texts/sources.yaml", text)


def shipped_laws() -> frozenset[str]:
    """The laws (as data files cite them, e.g. 'BLTTHS 2015') whose text is shipped."""
    return frozenset(sources().texts)


@cache
def statute(law: str) -> Statute:
    info = sources().texts[law]
    return Statute(
        law=law, info=info, articles=parse(_texts().joinpath(info.file).read_text("utf-8"))
    )


def parse(text: str) -> dict[str, StatuteArticle]:
    """Articles of a shipped text (`## Điều N. Name` headings, one paragraph per line)."""
    articles: dict[str, StatuteArticle] = {}
    current: list[str] | None = None
    heading: tuple[str, str] = ("", "")
    for line in [*text.splitlines(), "## Điều 0. (end)"]:
        found = _ARTICLE.match(line)
        if found:
            if current is not None:
                articles[heading[0]] = _article(heading, current)
            heading, current = (found.group(1), found.group(2)), []
        elif current is not None and line.strip():
            current.append(line.strip())
    return articles


def _article(heading: tuple[str, str], lines: list[str]) -> StatuteArticle:
    origin = lines[0] if lines and _ORIGIN.match(lines[0]) else ""
    body = lines[1:] if origin else lines
    intro: list[str] = []
    clauses: dict[int, list[str]] = {}
    last = 0
    for line in body:
        numbered = _CLAUSE.match(line)
        # Only the next number opens a clause: "3. " inside a list of points does not.
        if numbered and int(numbered.group(1)) == last + 1:
            last += 1
            clauses[last] = [line]
        elif last:
            clauses[last].append(line)
        else:
            intro.append(line)
    return StatuteArticle(
        number=heading[0],
        name=heading[1],
        origin=origin,
        intro="\n".join(intro),
        clauses={k: "\n".join(v) for k, v in clauses.items()},
    )


def text_of(law: str, article: int | str, clause: int | str | None = None) -> str | None:
    """The text of an article or one of its clauses, or None when it is not shipped."""
    if law not in shipped_laws():
        return None
    found = statute(law).articles.get(str(article))
    if found is None:
        return None
    if clause is None:
        return found.text
    return found.clauses.get(int(clause))


def quoted_in(quote: str, law: str, article: int | str, clause: int | str | None = None) -> bool:
    """Whether `quote` is, whitespace aside, in the cited article (or clause) of `law`."""
    text = text_of(law, article, clause)
    return text is not None and normalise(quote) in normalise(text)


def missing_on(law: str, on: date) -> list[Missing]:
    """The amendments in force on `on` that the shipped text of `law` lacks."""
    if law not in shipped_laws():
        return []
    return [m for m in sources().texts[law].lacks if m.effective_from <= on]


def _texts() -> resources.abc.Traversable:
    return resources.files("qlahs.law").joinpath("texts")
