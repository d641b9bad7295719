"""What the findings screen reads from the Case, gathered on a worker thread (no Qt here)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from faceaudit.errors import ImageError
from faceaudit.gui.messages.errors import error_words
from faceaudit.store import Case, EvidenceInfo, FindingRow, Sighting

VIEW_MAX_SIDE = 2000  # the viewer shows at most this many pixels a side


@dataclass(frozen=True)
class ViewerData:
    """One finding with everything the viewer shows: its image, every face in it, where seen."""

    finding: FindingRow
    sightings: list[Sighting]
    pixels: np.ndarray | None  # RGB, or None when no copy of the image is kept
    scale: float  # pixels shown per pixel of the original (boxes are in original pixels)
    face_boxes: list[tuple[float, float, float, float]]  # every face detected in the image
    finding_boxes: dict[int, tuple[float, float, float, float]]  # findings in the same image
    evidence: EvidenceInfo | None
    problem: str | None = None  # why the image cannot be shown, in words (from the core)

    @property
    def boxes_to_scale(self) -> bool:
        """A reduced copy is smaller than the original the boxes were measured on."""
        return self.pixels is not None and not (self.evidence and self.evidence.reduced)


def load_viewer(case: Case, finding_id: int, model_pack: str) -> ViewerData:
    """Read and decode one finding's image; the bytes came from a web server, so they are
    decoded in a contained process like every other untrusted image."""
    from faceaudit.collect.sandbox import ContainedDecoder

    finding = case.finding(finding_id)
    same_image = [
        row
        for row in case.findings()
        if row.image_sha256 == finding.image_sha256 and row.frame_time == finding.frame_time
    ]
    key = finding.image_sha256
    if finding.frame_time is not None:
        key = f"{key}@{finding.frame_time:.3f}"
    faces = case.cached_faces(f"{model_pack}:{key}") or []
    pixels, scale, problem = None, 1.0, None
    data = case.finding_evidence(finding_id)
    if data is not None and finding.frame_time is None:
        try:
            with ContainedDecoder(workers=1) as contained:
                bgr = contained.decode(data)
            pixels, scale = _fit(bgr[:, :, ::-1])
        except ImageError as error:
            problem = error_words(error)[0]
    evidence = case.evidence_info(finding_id)
    return ViewerData(
        finding=finding,
        sightings=case.finding_sightings(finding_id),
        pixels=pixels,
        scale=scale,
        face_boxes=[face.bbox for face in faces],
        finding_boxes={row.id: row.bbox for row in same_image},
        evidence=evidence,
        problem=problem,
    )


def _fit(rgb: np.ndarray) -> tuple[np.ndarray, float]:
    import cv2

    side = max(rgb.shape[:2])
    if side <= VIEW_MAX_SIDE:
        return np.ascontiguousarray(rgb), 1.0
    scale = VIEW_MAX_SIDE / side
    resized = cv2.resize(np.ascontiguousarray(rgb), None, fx=scale, fy=scale)
    return resized, scale
