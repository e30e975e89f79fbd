"""Stocks: what a unit holds on a given day (reports to resolve, cases under investigation,
persons detained…), and the acts that bring things in and take them out. Each stage declares
its own (`Stage.statistics`, stages/statistics.py); the statistics read them from the
registry, so a stage plugged in from another package is counted like the built-in ones.

A stock is a question asked of a subject's state: which of its keys (the subject, or one of
its persons) are in it. Each act is applied to the subject in the order it was recorded, and
whatever enters or leaves the stock because of it is a *transition* dated on the act's legal
day and labelled by the act (`Decided.khoi_to`, `ReturnedForInvestigation.VKS`). Then, for a
period [s, e]:

    carried (cũ) = entries − exits dated before s
    new (mới)    = entries dated in [s, e]        resolved = exits dated in [s, e]
    end (còn)    = carried + new − resolved

so carried + new = resolved + end holds for every stock, unit and period by construction, and
`end` of one month is `carried` of the next. The stage machines stay the one description of
the path: a stock names states, never steps.
"""

from __future__ import annotations

from qlahs.kernel.subject import Subject
from qlahs.stages.registry import registry
from qlahs.stages.statistics import Statistics, Stock


def contributions() -> dict[str, Statistics]:
    """Each counted kind of subject (`report`, `case`…) and what its stage contributes."""
    return {
        stage.subject.kind: stage.statistics
        for stage in registry().stages
        if stage.statistics is not None
    }


def counted_subjects() -> tuple[type[Subject], ...]:
    """The kinds of subject the statistics count, in the registry's order."""
    return tuple(stage.subject for stage in registry().stages if stage.statistics is not None)


def stocks() -> tuple[Stock, ...]:
    """Every stock of every registered stage."""
    return tuple(stock for found in contributions().values() for stock in found.stocks)


def __getattr__(name: str) -> tuple[Stock, ...]:
    # `STOCKS` is read when asked, so that it holds the stages registered by then
    if name == "STOCKS":
        return stocks()
    raise AttributeError(name)
