"""The procuracy's own investigation agency (module 6): Cơ quan điều tra Viện kiểm sát nhân
dân tối cao, BLTTHS 2015 Điều 163 k3.

Its crime reports are received by it (`received_by` = `CQDT_VKSTC`) and its cases name it as
the investigating agency; every limit of modules 1 and 2 applies to them unchanged. What
differs is judged by the case's rules (`stages/case/own_agency.py`): the crimes it may
investigate and the procuracy that approves and extends.
"""

from __future__ import annotations

CODE = "CQDT_VKSTC"
NAME = "Cơ quan điều tra Viện kiểm sát nhân dân tối cao"
SHORT = "CQĐT VKSNDTC"

# How people write it: the code, the full name, the usual abbreviations (compared without
# case, runs of spaces or the difference between '_' and ' ').
_WRITTEN = (CODE, NAME, SHORT, "CQĐT VKSTC", "CQDT VKSNDTC", "Cơ quan điều tra VKSNDTC")


def _plain(text: str) -> str:
    return " ".join(text.replace("_", " ").split()).casefold()


_KNOWN = frozenset(_plain(name) for name in _WRITTEN)


def is_own_agency(text: str | None) -> bool:
    """Whether `text` names the procuracy's own investigation agency."""
    return text is not None and len(text) <= 200 and _plain(text) in _KNOWN


def agency_name(text: str | None) -> str | None:
    """The agency as the books print it: the own agency by its full name, any other as
    written."""
    return NAME if is_own_agency(text) else text
