"""A subject's rules kept between events: the fold resumes with each new act instead of
replaying the subject's history (law/deadlines.py `versions` is the same fold run at once).

Acts must come in legal order: an act dated before the last one folded (a back-dated entry)
is refused by `accepts`, and the caller runs the whole history again.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from qlahs.kernel.subject import Act
from qlahs.law import fold_state
from qlahs.law.deadlines import Version, Violation
from qlahs.law.fold import Fold


@dataclass
class Changes:
    """What the acts folded since the last `take` change: every version from `since` on is
    replaced by `versions` (the earlier ones stay, the last of them now ends at `since`), and
    `violations` are new."""

    since: date
    versions: list[Version]
    violations: list[Violation]


# Keeping the state costs its size; it is kept after at least one act per this many bytes,
# so that a busy subject (a register of thousands of numbers) is not written whole for each
# act, and a process that finds it a few acts behind folds those again (`catch_up`).
KEEP_BYTES = 4096


@dataclass
class Running:
    fold: Fold
    version: int = 0  # the subject's version of the last act folded
    last_day: date | None = None  # the legal day of that act
    taken: int = 0  # violations already handed out by `take`
    finished: list[Version] = field(default_factory=list)
    since: date | None = None  # the first day changed since the last `take`
    unkept: int = 0  # acts folded since the state was last kept
    kept_size: int = 0  # the size of the state as last kept

    def accepts(self, act: Act) -> bool:
        return self.version == act.originator_version - 1 and (
            self.last_day is None or act.day >= self.last_day
        )

    def feed(self, act: Act) -> None:
        """Fold `act`; the day before it, if it is done, becomes a version."""
        if self.since is not None and self.last_day is not None and act.day != self.last_day:
            self.finished.append(self._version(self.last_day))
        if self.since is None:
            self.since = act.day
        self.fold.apply(act)
        self.version, self.last_day = act.originator_version, act.day
        self.unkept += 1

    def catch_up(self, acts: list[Act]) -> bool:
        """Fold the acts the kept state is behind by, whose rows are written already; False
        when one of them cannot be folded in order."""
        for act in acts:
            if not self.accepts(act):
                return False
            self.fold.apply(act)
            self.version, self.last_day = act.originator_version, act.day
        self.taken, self.unkept = len(self.fold.violations), len(acts)
        return True

    def take(self) -> Changes | None:
        """The changes since the last call (None when nothing was folded)."""
        if self.since is None or self.last_day is None:
            return None
        versions = [*self.finished, self._version(self.last_day)]
        violations = self.fold.violations[self.taken :]
        changes = Changes(self.since, versions, violations)
        self.finished, self.since, self.taken = [], None, len(self.fold.violations)
        return changes

    def _version(self, day: date) -> Version:
        deadlines, violations = self.fold.snapshot()
        return Version(day, deadlines, violations)

    # -- kept between processes -------------------------------------------------------------

    def due(self) -> bool:
        """Whether the state should be kept now."""
        return self.unkept >= max(1, self.kept_size // KEEP_BYTES)

    def dump(self) -> str:
        """The fold's state; `version` and `last_day` are kept beside it."""
        assert self.since is None, "take the changes before keeping the state"
        text = fold_state.dump(self.fold)
        self.unkept, self.kept_size = 0, len(text)
        return text

    @classmethod
    def load(cls, fold: Fold, state: str, version: int, last_day: date | None) -> Running:
        running = cls(fold_state.load(fold, state), version, last_day)
        running.taken, running.kept_size = len(running.fold.violations), len(state)
        return running
