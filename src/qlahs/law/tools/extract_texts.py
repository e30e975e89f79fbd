"""Extract one code's own articles from a Bộ pháp điển topic file (Markdown mirror).

A topic of the codification (đề mục) interleaves the code's articles (`Điều 37.7.LQ.147.`) with
the decrees and circulars that guide them (`.NĐ.`, `.TT.`, `.TL.`, `.NQ.`) and ends with a table
of contents. The shipped text keeps only the code's articles, renumbered to the code's own number
(the codification numbers `37.7.LQ.147` as Điều 147, and its origin note under each heading says
so), with the text of each article verbatim. Cross-reference notes of the codification
("(Điều này có nội dung liên quan đến …)") are dropped: they are not part of the law. The text is
put in Unicode NFC form (the mirror mixes composed and decomposed accents).

A guiding text of the topic can be extracted the same way by naming its kind and its number in
the topic (`TL.4` is the fourth joint circular, `Điều 35.10.TL.4.9` its Điều 9).

    python -m qlahs.law.tools.extract_texts SOURCE.md 37.7 "Bộ luật Tố tụng hình sự" OUT.md
    python -m qlahs.law.tools.extract_texts SOURCE.md 35.10 "Thông tư liên tịch …" OUT.md TL.4
"""

from __future__ import annotations

import re
import sys
import unicodedata
from pathlib import Path

_HEADING = re.compile(r"^Điều (\d+\.\d+)\.([A-ZĐ]+)\.([0-9.]+[a-z]?)\.(?: (.*))?$")
_STRUCTURE = re.compile(r"^(Phần|Chương|Mục)\b")
_TABLE_OF_CONTENTS = re.compile(r"^### \d{10,}")
_CROSS_REFERENCE = "(Điều này có nội dung liên quan"
# The mirror lost some line breaks: a heading can follow the previous article's last sentence.
_GLUED = re.compile(r"(?<=\S)(Điều \d+\.\d+\.[A-ZĐ]+\.[0-9.]+[a-z]?\.(?= |$))")


def extract(source: str, topic: str, title: str, document: str = "LQ") -> str:
    """The articles of `topic` ('37.7') in order, as Markdown: the code's own ('LQ'), or those
    of one guiding text of the topic ('TL.4')."""
    kind, _, prefix = document.partition(".")
    out = [f"# {title}", ""]
    keep = False
    seen: set[str] = set()
    started = False
    # Some paragraphs of the mirror are in decomposed Unicode (NFD); NFC makes "bị" one string.
    source = unicodedata.normalize("NFC", source)
    for raw in _GLUED.sub(r"\n\1", source).splitlines():
        line = raw.strip()
        if line == "## VĂN BẢN":
            started = True
            continue
        if not started:
            continue
        if _TABLE_OF_CONTENTS.match(line):
            break
        heading = _HEADING.match(line)
        if heading:
            same_topic = heading.group(1) == topic and heading.group(2) == kind
            number = heading.group(3)
            if prefix:
                # The guiding text's own article number follows its number in the topic.
                same_topic = same_topic and number.startswith(prefix + ".")
                number = number.removeprefix(prefix + ".")
            # Only the first occurrence counts; the codification never repeats an article body.
            keep = same_topic and number not in seen
            if keep:
                seen.add(number)
                name = (heading.group(4) or "").strip()
                out += [f"## Điều {number}. {name}", ""]
            continue
        if _STRUCTURE.match(line) and len(line) < 40:
            keep = False
            continue
        # A cross-reference note can also be glued to the end of an article's last sentence.
        line = line.split(_CROSS_REFERENCE, 1)[0].rstrip()
        if keep and line:
            out += [line, ""]
    return "\n".join(out).rstrip() + "\n"


def main(argv: list[str]) -> None:
    source, topic, title, target, *document = argv
    text = extract(Path(source).read_text(encoding="utf-8"), topic, title, *document)
    Path(target).write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1:])
