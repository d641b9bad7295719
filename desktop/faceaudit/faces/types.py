"""Faces, References and verdicts: what the face engine gives the rest of FaceAudit."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # annotations only: the window reads verdicts without loading numpy
    import numpy as np


class Verdict(StrEnum):
    MATCH = "match"
    POSSIBLE = "possible"
    NO = "no"


@dataclass(frozen=True)
class Face:
    """One detected face: box and five landmarks in image pixels, detector score, unit embedding."""

    bbox: tuple[float, float, float, float]  # x1, y1, x2, y2
    landmarks: tuple[tuple[float, float], ...]  # 5 points: eyes, nose, mouth corners
    det_score: float
    embedding: np.ndarray  # float32, shape (512,), L2-normalised

    @property
    def width(self) -> float:
        return self.bbox[2] - self.bbox[0]

    @property
    def height(self) -> float:
        return self.bbox[3] - self.bbox[1]


@dataclass(frozen=True)
class Reference:
    """A photo of the person, enrolled: its embedding and where it came from."""

    embedding: np.ndarray  # float32 (512,), L2-normalised
    photo_sha256: str
    label: str  # file name or description, for the person's eyes only
    face: Face


@dataclass(frozen=True)
class FaceMatch:
    """A face compared with the person's references."""

    face: Face
    similarity: float  # cosine similarity to the closest reference
    verdict: Verdict
    reference_index: int  # which reference was closest
