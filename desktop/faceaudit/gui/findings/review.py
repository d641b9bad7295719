"""Review decisions with undo: each step is the reviews it replaced, so Ctrl+Z puts them back."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from faceaudit.store import Case

MAX_UNDO = 100


@dataclass(frozen=True)
class Step:
    review: str  # what was decided
    previous: tuple[tuple[int, str], ...]  # (finding id, review before)


class ReviewHistory:
    """Writes decisions to the Case (one transaction per step) and remembers how to undo them."""

    def __init__(self) -> None:
        self._steps: list[Step] = []

    def __len__(self) -> int:
        return len(self._steps)

    def clear(self) -> None:
        self._steps.clear()

    def decide(self, case: Case, before: dict[int, str], review: str) -> Step:
        """Set ``review`` on every finding in ``before`` (id -> its review now)."""
        step = Step(review, tuple(before.items()))
        with case.batch():
            for finding_id in before:
                case.review(finding_id, review)
        self._steps.append(step)
        del self._steps[:-MAX_UNDO]
        return step

    def undo(self, case: Case) -> Step | None:
        """Put back the reviews the last step replaced; None when there is nothing to undo."""
        if not self._steps:
            return None
        step = self._steps[-1]
        with case.batch():
            for finding_id, previous in step.previous:
                case.review(finding_id, previous)
        self._steps.pop()
        return step
