"""Verdict thresholds on the cosine similarity of L2-normalised embeddings.

Calibrated with buffalo_sc on real labelled photos (``benchmarks/calibrate_thresholds.py``
prints the figures; docs/FACE_ENGINE.md records them): same-person pairs scored 0.426 to
0.829, different-person pairs at most 0.248. ``match`` sits in that gap near the one published
operating point for these recognisers (insightface: cosine 0.4078 for a false-accept rate of
1e-6), and ``possible`` gives the person a band to look at themselves instead of a silent
cut: small or blurred faces of the person land there (a 24 px face scored 0.42).
"""

from __future__ import annotations

from dataclasses import dataclass

from faceaudit.faces.types import Verdict


@dataclass(frozen=True)
class Thresholds:
    match: float
    possible: float

    def verdict(self, similarity: float) -> Verdict:
        if similarity >= self.match:
            return Verdict.MATCH
        if similarity >= self.possible:
            return Verdict.POSSIBLE
        return Verdict.NO


DEFAULT_THRESHOLDS = Thresholds(match=0.40, possible=0.30)
