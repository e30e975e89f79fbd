"""`qlahs demo`, review of judgments in effect: a few of the demo's judged cases are protested
under giám đốc thẩm (most in the convicted person's favour, some by the court's Chánh án, whose
file the procuracy studies and returns), and Sổ 16 is printed."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from rich.console import Console

from qlahs.engine import Engine
from qlahs.kernel.errors import CommandRejected
from qlahs.kernel.subject import day_of
from qlahs.projections.books import book


def review_commands(steps: list[dict[str, Any]], until: date) -> list[dict[str, Any]]:
    """For every third judged case not appealed, a protest 45–60 days after the judgment and
    what follows, up to `until`; one in two is the court's, so its file comes to the procuracy."""
    appealed = {s["ref"] for s in steps if s["do"] in ("case.appeal", "case.protest")}
    judged = [s for s in steps if s["do"] == "case.judge" and s["ref"] not in appealed][::3]
    planned: list[dict[str, Any]] = []
    for index, step in enumerate(judged):
        day, ref, by = day_of(step["on"]), step["ref"], "TA" if index % 2 else "VKS"
        direction = "against" if index % 5 == 4 else "for"
        story: list[tuple[int, str, dict[str, Any]]] = [
            (45 + index % 15, "case.cassation_protest", {"direction": direction, "by": by}),
            (70, "case.review_accept", {}),
            (150, "case.review_judge", {"outcome": "giu_nguyen" if index % 3 else "sua"}),
        ]
        if by == "TA":  # the court sends its protest and the file to the procuracy
            story += [(72, "case.receive_review_file", {}), (96, "case.return_file", {})]
        for after, action, fields in sorted(story, key=lambda s: s[0]):
            on = day + timedelta(days=after)
            if on <= until:
                planned.append({"on": on, "do": action, "ref": ref, "with": fields})
    return sorted(planned, key=lambda s: s["on"])


def show_reviews(
    engine: Engine, steps: list[dict[str, Any]], unit: str, until: date, console: Console
) -> dict[str, Any]:
    """Record the review commands, then print Sổ 16 of the year."""
    recorded = 0
    for step in review_commands(steps, until):
        try:
            engine.execute(step | {"unit": unit})
        except CommandRejected:
            continue  # a case the demo dismissed or still under appeal
        recorded += 1
    engine.catch_up()
    definition = book("16")
    with engine.sql.connect() as connection:
        rows = definition.rows(connection, unit, until.year)
    from qlahs.terminal.tables import book_table

    console.print(book_table(definition, rows, unit, until.year, limit=6))
    return {"review_acts": recorded, "review_protests": len(rows)}
