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


@dataclass(frozen=True)
class Measured:
    """What one threshold did on the labelled deepface pairs (../shared/faces/deepface/
    master.csv) with buffalo_sc: how many same-person pairs scored at or above it (true
    accepts) and how many different-person pairs did (false accepts)."""

    threshold: float
    same_accepted: int
    same_pairs: int
    different_accepted: int
    different_pairs: int

    @property
    def true_accept_rate(self) -> float:
        return self.same_accepted / self.same_pairs

    @property
    def false_accept_rate(self) -> float:
        return self.different_accepted / self.different_pairs


# benchmarks/calibrate_thresholds.py prints these; tests/faces/test_thresholds.py measures
# them again with the real model. Zero of 262 is not zero in general: with that many pairs a
# false-accept rate under about 1 in 90 cannot be told apart from none (the rule of three).
CALIBRATION: dict[float, Measured] = {
    m.threshold: m
    for m in (
        Measured(0.25, 38, 38, 0, 262),
        Measured(0.30, 38, 38, 0, 262),
        Measured(0.35, 38, 38, 0, 262),
        Measured(0.40, 38, 38, 0, 262),
        Measured(0.45, 37, 38, 0, 262),
    )
}

# The choices the person has (Settings, config.toml's match_level): each moves both bands.
MATCH_LEVELS: dict[str, Thresholds] = {
    "strict": Thresholds(match=0.45, possible=0.35),
    "standard": DEFAULT_THRESHOLDS,
    "lenient": Thresholds(match=0.35, possible=0.25),
}
DEFAULT_MATCH_LEVEL = "standard"
