"""A stranger must not become a Reference.

Every finding is judged against the references, so one photo of someone else among them
makes that person's photos score as matches (1.000 for the photo itself). A new reference
must therefore look like the person of the references already enrolled: at or above the
match threshold against at least one of them. The person can still force one (a much
older photo, a big change of look) — explicitly.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from faceaudit.errors import EnrolmentError
from faceaudit.faces.types import Reference


class DifferentPersonError(EnrolmentError):
    """The new reference photo does not look like the person of the existing references."""

    def __init__(self, label: str, similarity: float, threshold: float) -> None:
        super().__init__(
            f"The face in {label} does not look like the person in this case's reference "
            f"photos (similarity {similarity:.2f}; the same person scores {threshold:.2f} or "
            "more). It may be someone else, and a stranger's photo as a reference would make "
            "their photos count as yours.",
            "Check that the photo shows you. If it does (a much older photo, say), it can be "
            "added anyway, on purpose.",
        )
        self.label = label
        self.similarity = similarity
        self.threshold = threshold


def similarity_to_references(new: Reference, existing: Sequence[Reference]) -> float:
    """The highest cosine similarity of ``new`` to any of ``existing`` (1.0 if there are none)."""
    if not existing:
        return 1.0
    matrix = np.stack([reference.embedding for reference in existing])
    return float((matrix @ new.embedding).max())


def check_same_person(new: Reference, existing: Sequence[Reference], threshold: float) -> float:
    """Raise :class:`DifferentPersonError` when ``new`` scores below ``threshold`` against every
    existing reference; return its best similarity otherwise."""
    similarity = similarity_to_references(new, existing)
    if similarity < threshold:
        raise DifferentPersonError(new.label, similarity, threshold)
    return similarity
