"""Enrolment for the window: the core's checks, plus "which of these faces is you?".

Runs on the worker (decoding and the models take time). Qt-free except for turning face
thumbnails into ``QImage`` (allowed off the GUI thread, unlike ``QPixmap``).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QImage

from faceaudit.errors import EnrolmentError, FaceAuditError, ImageError
from faceaudit.gui.messages.errors import error_words

if TYPE_CHECKING:
    import numpy as np

    from faceaudit.app import App
    from faceaudit.faces.types import Face
    from faceaudit.store import Case

CROP_MARGIN = 0.6  # of the face's size, kept around a face the person picked


@dataclass(frozen=True)
class Quality:
    face_pixels: int
    sharpness: float
    det_score: float
    min_face_pixels: int
    min_sharpness: float
    min_det_score: float

    @property
    def face_ok(self) -> bool:
        return self.face_pixels >= self.min_face_pixels

    @property
    def sharp_ok(self) -> bool:
        return self.sharpness >= self.min_sharpness

    @property
    def clear_ok(self) -> bool:
        return self.det_score >= self.min_det_score


@dataclass(frozen=True)
class ReferenceItem:
    id: int
    label: str
    added_at: str
    thumbnail: QImage
    quality: Quality


@dataclass(frozen=True)
class Enrolled:
    label: str
    reference_id: int
    already: bool = False


@dataclass(frozen=True)
class Refused:
    """Why a photo was not added: ``reason`` is one of REASONS (the window words it in the
    person's language), or "other" with the core's own ``what``/``todo``."""

    label: str
    reason: str
    what: str = ""
    todo: str = ""
    # "different_person" only: how alike the face was, and what the person may force.
    similarity: float = 0.0
    threshold: float = 0.0
    path: str = ""
    face_index: int | None = None

    @property
    def can_force(self) -> bool:
        """The person may add it anyway, on purpose (an older photo, a new look)."""
        return self.reason == "different_person"


REASONS = ("no_face", "too_small", "unclear", "blurred", "unreadable", "different_person", "other")


@dataclass(frozen=True)
class ChooseFace:
    """Several faces of similar size: the person picks theirs (``faces`` largest first)."""

    label: str
    path: str
    faces: tuple[Face, ...]
    thumbnails: tuple[QImage, ...]


Outcome = Enrolled | Refused | ChooseFace


def _thumbnail(image: np.ndarray, face: Face) -> QImage:
    from faceaudit.faces.engine import face_thumbnail

    return QImage.fromData(face_thumbnail(image, face, size=160))


def quality_of(image: np.ndarray, face: Face) -> Quality:
    import numpy as np

    from faceaudit.faces import engine

    crop = engine.align_face(image, np.asarray(face.landmarks, dtype=np.float32))
    return Quality(
        face_pixels=round(min(face.width, face.height)),
        sharpness=float(engine.sharpness(crop)),
        det_score=face.det_score,
        min_face_pixels=engine.ENROL_MIN_FACE_PIXELS,
        min_sharpness=float(engine.ENROL_MIN_SHARPNESS),
        min_det_score=engine.ENROL_MIN_DET_SCORE,
    )


def load_references(case: Case) -> list[ReferenceItem]:
    """Every reference with its face crop and quality badges (decrypted here, off-thread)."""
    from faceaudit.imaging import decode

    items = []
    for row, reference in zip(case.reference_rows(), case.references(), strict=True):
        image = decode(case.reference_photo(row.id))
        items.append(
            ReferenceItem(
                id=row.id,
                label=row.label,
                added_at=row.added_at,
                thumbnail=_thumbnail(image, reference.face),
                quality=quality_of(image, reference.face),
            )
        )
    return items


def check_model_pack(case: Case, app: App) -> None:
    recorded = case.model_pack
    if recorded is not None and recorded != app.model_pack:
        raise FaceAuditError(
            f"This case's reference photos were made with the {recorded} model pack, not "
            f"{app.model_pack}; the two cannot be compared.",
            f"Choose the {recorded} model pack in Settings to add photos to this case.",
        )
    if recorded is None:
        case.set_model_pack(app.model_pack)


def enrol_file(
    case: Case, app: App, path: str, face_index: int | None = None, force: bool = False
) -> Outcome:
    """Enrol one photo file; ``face_index`` is the face the person picked among several.
    ``force`` adds a face unlike the references already there (the person confirmed it)."""
    from faceaudit.faces.consistency import DifferentPersonError
    from faceaudit.faces.engine import DOMINANT_AREA_RATIO
    from faceaudit.imaging import decode, read_image_file

    label = Path(path).name
    try:
        data = read_image_file(path)
        known = case.reference_id_for(hashlib.sha256(data).hexdigest())
        if face_index is None and known is not None:
            return Enrolled(label, known, already=True)
    except ImageError as error:
        return Refused(label, "unreadable", *error_words(error))
    try:
        image = decode(data)
        faces = app.engine.analyze(image)
        if face_index is not None:
            data, image = _crop_to_face(image, faces[face_index])
            faces = app.engine.analyze(image)
        areas = [face.width * face.height for face in faces]
        if len(faces) > 1 and areas[0] < DOMINANT_AREA_RATIO * areas[1]:
            return ChooseFace(label, path, tuple(faces), tuple(_thumbnail(image, f) for f in faces))
        if not faces:
            return Refused(label, "no_face")
        reason = _quality_problem(quality_of(image, faces[0]))
        if reason is not None:
            return Refused(label, reason)
        check_model_pack(case, app)
        reference = app.engine.enrol_image(label, image, hashlib.sha256(data).hexdigest())
        # The store refuses a face unlike the references already enrolled (a stranger).
        reference_id = case.add_reference(
            label, data, reference, force=force, match_threshold=app.engine.thresholds.match
        )
    except DifferentPersonError as error:
        return Refused(
            label,
            "different_person",
            *error_words(error),
            similarity=error.similarity,
            threshold=error.threshold,
            path=path,
            face_index=face_index,
        )
    except ImageError as error:
        return Refused(label, "unreadable", *error_words(error))
    except EnrolmentError as error:
        return Refused(label, "other", *error_words(error))
    return Enrolled(label, reference_id)


def _quality_problem(quality: Quality) -> str | None:
    """The engine's own refusal checks, in its order, as a reason the window can word."""
    if not quality.face_ok:
        return "too_small"
    if not quality.clear_ok:
        return "unclear"
    if not quality.sharp_ok:
        return "blurred"
    return None


def _crop_to_face(image: np.ndarray, face: Face) -> tuple[bytes, np.ndarray]:
    """The picked face with a margin, as the stored reference photo: the other people in
    the photo are not kept in the case at all."""
    import cv2

    x1, y1, x2, y2 = face.bbox
    margin = CROP_MARGIN * max(x2 - x1, y2 - y1)
    height, width = image.shape[:2]
    left, top = max(0, int(x1 - margin)), max(0, int(y1 - margin))
    right, bottom = min(width, int(x2 + margin)), min(height, int(y2 + margin))
    crop = image[top:bottom, left:right].copy()
    ok, encoded = cv2.imencode(".png", crop)
    if not ok:
        raise ImageError("The chosen face could not be cut out.", "Try another photo.")
    return encoded.tobytes(), crop
