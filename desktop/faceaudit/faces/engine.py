"""The FaceEngine: detects every face in an image and embeds it, on the CPU, on this machine.

It drives insightface's SCRFD detector and ArcFace recogniser (onnxruntime) directly rather
than through ``FaceAnalysis.get()`` for three reasons, each measured in
``benchmarks/bench_engine.py``:

* detection input sizes follow the image's aspect ratio instead of letterboxing into a
  square (fewer wasted pixels), and a second, larger pass runs only on large images, where
  faces small enough to vanish at 640 px live (group photos, event pages);
* all faces of an image are embedded in one batched recogniser call instead of one call per
  face;
* sessions get an explicit thread count, so the scan can share the cores with fetching;
* very large photos (event and press photos of 12-40 MP) are searched in overlapping tiles
  at a scale where a face 60 px wide is still about 32 px for the detector: one 1280 px pass
  over a 24 MP photo shrinks such a face below what SCRFD sees.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np

from faceaudit.errors import EnrolmentError, ImageError, ModelPackError, coded
from faceaudit.faces import runtime
from faceaudit.faces.thresholds import DEFAULT_THRESHOLDS, Thresholds
from faceaudit.faces.types import Face, FaceMatch, Reference
from faceaudit.imaging import decode

# Detection passes, as the long side of the detector input in pixels (multiples of 32).
BASE_SIDE = 640  # the size SCRFD was trained and published at
CLOSE_UP_SIDE = 160  # SCRFD misses faces filling most of the frame at 640; a small pass finds them
LARGE_SIDE = 1280  # the extra pass for images much larger than 640 px
LARGE_IMAGE_FROM = 1000  # long side above which the large pass may run
SMALL_AT_BASE = 32  # a face this small (px) in the 640 px pass hints at smaller ones missed
# Tiled detection of very large photos (measured in benchmarks/bench_large_photos.py).
TILED_FROM = 3000  # long side above which tiles replace the 1280 px pass (below, it is as fine)
SMALLEST_FACE = 60  # native width (px) of the smallest face tiles are meant to find
FACE_AT_DETECTOR = 32  # ... and its width at the detector's input
TILE_SIDE = 1280  # detector input of one tile, px (bounds the detector's memory per call)
TILE_OVERLAP = 512  # native px shared by neighbouring tiles: faces narrower lie whole in one;
# wider ones are at least 512 * 640 / 7,744 = 42 px in the 640 px pass of a 40 MP photo.
DETECTION_FLOOR = 0.5  # insightface's own default detector threshold

# Enrolment quality gates (see docs/FACE_ENGINE.md for where each number comes from).
ENROL_MIN_DET_SCORE = 0.6
ENROL_MIN_FACE_PIXELS = 48  # shorter side of the face box
ENROL_MIN_SHARPNESS = (
    60.0  # Laplacian variance of the aligned crop: sharp photos 700+, blurred < 30
)
DOMINANT_AREA_RATIO = 4.0  # the largest face must be this many times the next to be "the" face


def _merged(
    detector: object,
    first: tuple[np.ndarray, np.ndarray],
    second: tuple[np.ndarray, np.ndarray],
) -> tuple[np.ndarray, np.ndarray]:
    """Two passes' boxes and landmarks, overlapping detections merged by NMS."""
    if not len(second[0]):
        return first
    boxes = np.vstack([first[0], second[0]]).astype(np.float32)
    landmarks = np.vstack([first[1], second[1]]).astype(np.float32)
    keep = detector.nms(boxes)  # type: ignore[attr-defined]
    return boxes[keep], landmarks[keep]


def _fit_side(width: int, height: int, long_side: int) -> tuple[int, int]:
    """Detector input (w, h): the image's aspect ratio, long side at most ``long_side``, /32."""
    scale = long_side / max(width, height)
    w = max(32, round(width * scale / 32.0) * 32)
    h = max(32, round(height * scale / 32.0) * 32)
    return w, h


def base_sizes(width: int, height: int) -> list[tuple[int, int]]:
    """The detector passes every image gets: 640 px (or native if smaller) and a close-up pass."""
    long_side = max(width, height)
    sizes = [_fit_side(width, height, min(BASE_SIDE, max(long_side, 32)))]
    sizes.append(_fit_side(width, height, CLOSE_UP_SIDE))
    return list(dict.fromkeys(sizes))


def _tile_starts(total: int, region: int, step: int) -> list[int]:
    if total <= region:
        return [0]
    starts = list(range(0, total - region, step))
    return [*starts, total - region]


def tiles(width: int, height: int) -> list[tuple[int, int, int, int, tuple[int, int]]]:
    """(x, y, w, h, detector input size) of the overlapping tiles of a very large photo."""
    scale = FACE_AT_DETECTOR / SMALLEST_FACE
    region = int(TILE_SIDE / scale)
    step = region - TILE_OVERLAP
    found = []
    for y in _tile_starts(height, region, step):
        for x in _tile_starts(width, region, step):
            w, h = min(region, width - x), min(region, height - y)
            found.append((x, y, w, h, _fit_side(w, h, round(max(w, h) * scale))))
    return found


def needs_large_pass(width: int, height: int, boxes: np.ndarray) -> bool:
    """Whether a large image may hide faces too small for the 640 px pass.

    Measured (docs/FACE_ENGINE.md): in a 2400x1600 photo, faces 24-32 px across are missed
    at 640 px and found at 1280 px with similarities of 0.41-0.66 to the person. The pass
    costs about 3x the base passes, so it runs only where small faces are likely: when the
    base passes found no face at all, or found faces near the detector's lower limit (a
    crowd, a group seen from afar). Portraits and close group photos skip it.
    """
    long_side = max(width, height)
    if long_side <= LARGE_IMAGE_FROM:
        return False
    if len(boxes) == 0:
        return True
    base_scale = BASE_SIDE / long_side
    smallest = float(np.min(np.minimum(boxes[:, 2] - boxes[:, 0], boxes[:, 3] - boxes[:, 1])))
    return smallest * base_scale < SMALL_AT_BASE


@dataclass(frozen=True)
class _Models:
    detector: object
    recogniser: object


def _find_models(pack_dir: Path, threads: int) -> _Models:
    options = runtime.onnxruntime().SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    options.log_severity_level = 3
    found: dict[str, object] = {}
    onnx_files = sorted(pack_dir.glob("*.onnx"))
    for onnx_file in onnx_files:
        try:
            # static_shape_sessions=False: insightface 2.x otherwise builds (and keeps) one
            # detector session per input size; with aspect-ratio sizes that is ~100 sessions
            # and over 2 GB of RSS in a long scan (measured: benchmarks/bench_scan.py).
            model = runtime.get_model(
                str(onnx_file),
                providers=["CPUExecutionProvider"],
                sess_options=options,
                static_shape_sessions=False,
            )
        except Exception as error:  # onnxruntime raises its own types for a broken file
            raise ModelPackError(
                f"The model file {onnx_file.name} in {pack_dir} cannot be loaded ({error}).",
                "Run `faceaudit models verify` and, if it fails, `faceaudit models fetch`.",
            ) from error
        task = getattr(model, "taskname", None)
        if task in ("detection", "recognition") and task not in found:
            found[task] = model
    missing = {"detection", "recognition"} - found.keys()
    if missing:
        raise ModelPackError(
            f"The model pack in {pack_dir} has no {' or '.join(sorted(missing))} model.",
            "Run `faceaudit models fetch` to install a complete pack.",
        )
    detector = found["detection"]
    detector.prepare(-1, input_size=[(BASE_SIDE, BASE_SIDE)], det_thresh=DETECTION_FLOOR)  # type: ignore[attr-defined]
    recogniser = found["recognition"]
    recogniser.prepare(-1)  # type: ignore[attr-defined]
    return _Models(detector=detector, recogniser=recogniser)


# Where ArcFace models expect the eyes, nose tip and mouth corners in a 112x112 crop.
ARCFACE_TEMPLATE = np.array(
    [
        [38.2946, 51.6963],
        [73.5318, 51.5014],
        [56.0252, 71.7366],
        [41.5493, 92.3655],
        [70.7299, 92.2041],
    ],
    dtype=np.float64,
)


def similarity_transform(source: np.ndarray, target: np.ndarray) -> np.ndarray:
    """Least-squares rotation + uniform scale + translation mapping source onto target (Umeyama).

    The same estimate insightface's alignment gets from scikit-image, without the per-face
    object construction (and the deprecation warning it now prints).
    """
    source = np.asarray(source, dtype=np.float64)
    target = np.asarray(target, dtype=np.float64)
    source_mean, target_mean = source.mean(axis=0), target.mean(axis=0)
    source_centred, target_centred = source - source_mean, target - target_mean
    covariance = target_centred.T @ source_centred / len(source)
    u, singular, vt = np.linalg.svd(covariance)
    reflection = np.eye(2)
    if np.linalg.det(u) * np.linalg.det(vt) < 0:
        reflection[1, 1] = -1
    rotation = u @ reflection @ vt
    variance = source_centred.var(axis=0).sum()
    scale = float((singular * np.diag(reflection)).sum() / variance) if variance > 0 else 1.0
    matrix = np.zeros((2, 3))
    matrix[:, :2] = scale * rotation
    matrix[:, 2] = target_mean - scale * rotation @ source_mean
    return matrix


def align_face(image: np.ndarray, landmarks: np.ndarray, size: int = 112) -> np.ndarray:
    """The face warped onto the ArcFace template: the recogniser's expected input."""
    template = ARCFACE_TEMPLATE * (size / 112.0)
    matrix = similarity_transform(landmarks, template)
    return cv2.warpAffine(image, matrix, (size, size), borderValue=0.0)


def sharpness(aligned_crop: np.ndarray) -> float:
    grey = cv2.cvtColor(aligned_crop, cv2.COLOR_BGR2GRAY)
    return float(cv2.Laplacian(grey, cv2.CV_64F).var())


class FaceEngine:
    """Detects, aligns and embeds faces; enrols references; compares faces with them.

    Models load on first use, once; the engine is then safe to call from several threads
    (onnxruntime sessions allow concurrent ``run`` calls and release the GIL).
    """

    def __init__(
        self,
        pack_dir: Path,
        threads: int = 0,
        thresholds: Thresholds = DEFAULT_THRESHOLDS,
        *,
        tiled: bool = True,
    ) -> None:
        self.pack_dir = Path(pack_dir)
        self.threads = threads
        self.thresholds = thresholds
        self.tiled = tiled  # False: one 1280 px pass only (what the benchmark compares with)
        self._models: _Models | None = None
        self._load_lock = threading.Lock()

    def with_thresholds(self, thresholds: Thresholds) -> FaceEngine:
        """The same models (already loaded ones are shared, not reloaded) judged with other
        thresholds; this engine is left unchanged, so work already running keeps its own."""
        other = FaceEngine(self.pack_dir, self.threads, thresholds, tiled=self.tiled)
        with self._load_lock:
            other._models = self._models
        return other

    @property
    def models(self) -> _Models:
        if self._models is None:
            with self._load_lock:
                if self._models is None:
                    self._models = _find_models(self.pack_dir, self.threads)
        return self._models

    # -- detection and embedding -------------------------------------------------------

    def detect(self, image: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Boxes with scores (N, 5) and landmarks (N, 5, 2), all passes merged by NMS."""
        height, width = image.shape[:2]
        # Photos this large are event and press photos: small faces beside a large one are
        # the rule there, so the tiles always run (web photos rarely exceed 3000 px).
        if self.tiled and max(width, height) > TILED_FROM:
            return self._detect_very_large(image)
        detector = self.models.detector
        boxes, landmarks = self._detect_at(image, base_sizes(width, height))
        if needs_large_pass(width, height, boxes):
            large = _fit_side(width, height, min(LARGE_SIDE, max(width, height)))
            boxes, landmarks = _merged(
                detector, (boxes, landmarks), self._detect_at(image, [large])
            )
        return boxes, landmarks

    def _detect_at(
        self, image: np.ndarray, sizes: list[tuple[int, int]]
    ) -> tuple[np.ndarray, np.ndarray]:
        boxes, landmarks = self.models.detector.detect(  # type: ignore[attr-defined]
            image, input_size=sizes, det_thresh=DETECTION_FLOOR
        )
        if landmarks is None:
            landmarks = np.zeros((len(boxes), 5, 2), dtype=np.float32)
        return boxes, landmarks

    def _detect_very_large(self, image: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Every pass over one copy shrunk to the tiles' scale (a 60 px face is 32 px there).

        The photo is resized once, with area averaging, to about 28% of its pixels: the
        base passes shrink that copy instead of the full photo, and the tiles are cut from
        it at their detector size, so no pass makes a full-size copy (a 35 MP photo is 105
        MB) and none resizes the full photo again. Measured in
        benchmarks/bench_large_photos.py (recall) and bench_memory.py (peak memory).
        """
        height, width = image.shape[:2]
        scale = FACE_AT_DETECTOR / SMALLEST_FACE
        size = (max(32, round(width * scale)), max(32, round(height * scale)))
        small = cv2.resize(image, size, interpolation=cv2.INTER_AREA)
        sx, sy = size[0] / width, size[1] / height
        detector = self.models.detector
        found = self._detect_at(small, base_sizes(*size))
        found = _merged(detector, found, self._detect_tiles(small, width, height))
        boxes, landmarks = found
        boxes[:, [0, 2]] /= sx
        boxes[:, [1, 3]] /= sy
        landmarks[:, :, 0] /= sx
        landmarks[:, :, 1] /= sy
        return boxes, landmarks

    def _detect_tiles(
        self, small: np.ndarray, width: int, height: int
    ) -> tuple[np.ndarray, np.ndarray]:
        """Faces of every tile of a ``width`` x ``height`` photo, cut from its shrunk copy
        ``small``, in ``small``'s coordinates (merged by the caller's NMS)."""
        detector = self.models.detector
        sx, sy = small.shape[1] / width, small.shape[0] / height
        all_boxes, all_landmarks = [], []
        for tile_x, tile_y, tile_w, tile_h, size in tiles(width, height):
            x, y = round(tile_x * sx), round(tile_y * sy)
            w, h = round(tile_w * sx), round(tile_h * sy)
            boxes, landmarks = detector.detect(  # type: ignore[attr-defined]
                small[y : y + h, x : x + w], input_size=[size], det_thresh=DETECTION_FLOOR
            )
            if not len(boxes):
                continue
            if landmarks is None:
                landmarks = np.zeros((len(boxes), 5, 2), dtype=np.float32)
            boxes[:, [0, 2]] += x
            boxes[:, [1, 3]] += y
            landmarks[:, :, 0] += x
            landmarks[:, :, 1] += y
            all_boxes.append(boxes)
            all_landmarks.append(landmarks)
        if not all_boxes:
            return np.zeros((0, 5), dtype=np.float32), np.zeros((0, 5, 2), dtype=np.float32)
        return np.vstack(all_boxes), np.vstack(all_landmarks)

    def aligned_crops(self, image: np.ndarray, landmarks: np.ndarray) -> list[np.ndarray]:
        size = int(self.models.recogniser.input_size[0])  # type: ignore[attr-defined]
        return [align_face(image, points, size) for points in landmarks]

    def embed_crops(self, crops: Sequence[np.ndarray]) -> np.ndarray:
        """One batched recogniser call for all crops; rows are L2-normalised float32."""
        if not crops:
            return np.zeros((0, 512), dtype=np.float32)
        features = self.models.recogniser.get_feat(list(crops))  # type: ignore[attr-defined]
        features = np.asarray(features, dtype=np.float32)
        norms = np.linalg.norm(features, axis=1, keepdims=True)
        return features / np.maximum(norms, 1e-12)

    def analyze(self, image: np.ndarray) -> list[Face]:
        """Every face in a BGR image, detected and embedded, largest first."""
        if image.ndim != 3 or image.shape[2] != 3 or image.dtype != np.uint8:
            raise ImageError(
                "The image is not 8-bit colour pixels.", "This is a bug; please report it."
            )
        boxes, landmarks = self.detect(image)
        if len(boxes) == 0:
            return []
        embeddings = self.embed_crops(self.aligned_crops(image, landmarks))
        faces = [
            Face(
                bbox=(float(b[0]), float(b[1]), float(b[2]), float(b[3])),
                landmarks=tuple((float(x), float(y)) for x, y in points),
                det_score=float(b[4]),
                embedding=embedding,
            )
            for b, points, embedding in zip(boxes, landmarks, embeddings, strict=True)
        ]
        faces.sort(key=lambda face: face.width * face.height, reverse=True)
        return faces

    # -- references ----------------------------------------------------------------------

    def enrol_image(self, label: str, image: np.ndarray, photo_sha256: str) -> Reference:
        """The one usable face of a reference photo, or an EnrolmentError saying why not."""
        boxes, landmarks = self.detect(image)
        if len(boxes) == 0:
            raise coded(
                EnrolmentError(
                    f"No face was found in the reference photo {label}.",
                    "Use a photo where your face is clearly visible, looking roughly at the "
                    "camera.",
                ),
                "enrol-no-face",
                label=label,
            )
        areas = (boxes[:, 2] - boxes[:, 0]) * (boxes[:, 3] - boxes[:, 1])
        order = np.argsort(-areas)
        if len(boxes) > 1 and areas[order[0]] < DOMINANT_AREA_RATIO * areas[order[1]]:
            raise coded(
                EnrolmentError(
                    f"The reference photo {label} shows {len(boxes)} faces of similar size, so "
                    "it is not clear which one is you.",
                    "Crop the photo to your face, or choose a photo in which you are alone.",
                ),
                "enrol-several-faces",
                label=label,
                count=len(boxes),
            )
        best = int(order[0])
        box, points = boxes[best], landmarks[best]
        face_side = float(min(box[2] - box[0], box[3] - box[1]))
        if face_side < ENROL_MIN_FACE_PIXELS:
            raise coded(
                EnrolmentError(
                    f"Your face in {label} is only {face_side:.0f} pixels across "
                    f"(at least {ENROL_MIN_FACE_PIXELS} are needed for a reliable reference).",
                    "Use a larger or closer photo of your face.",
                ),
                "enrol-too-small",
                label=label,
                pixels=f"{face_side:.0f}",
                minimum=ENROL_MIN_FACE_PIXELS,
            )
        if float(box[4]) < ENROL_MIN_DET_SCORE:
            raise coded(
                EnrolmentError(
                    f"The face in {label} is hard to make out (detector confidence "
                    f"{float(box[4]):.2f}, at least {ENROL_MIN_DET_SCORE} needed): it may be "
                    "turned away, covered or badly lit.",
                    "Use a photo where your face is frontal, uncovered and well lit.",
                ),
                "enrol-unclear",
                label=label,
                score=f"{float(box[4]):.2f}",
                minimum=ENROL_MIN_DET_SCORE,
            )
        crop = self.aligned_crops(image, points[np.newaxis])[0]
        crop_sharpness = sharpness(crop)
        if crop_sharpness < ENROL_MIN_SHARPNESS:
            raise coded(
                EnrolmentError(
                    f"The face in {label} is too blurry (sharpness {crop_sharpness:.0f}, at least "
                    f"{ENROL_MIN_SHARPNESS:.0f} needed).",
                    "Use a sharper photo.",
                ),
                "enrol-blurred",
                label=label,
                sharpness=f"{crop_sharpness:.0f}",
                minimum=f"{ENROL_MIN_SHARPNESS:.0f}",
            )
        embedding = self.embed_crops([crop])[0]
        face = Face(
            bbox=(float(box[0]), float(box[1]), float(box[2]), float(box[3])),
            landmarks=tuple((float(x), float(y)) for x, y in points),
            det_score=float(box[4]),
            embedding=embedding,
        )
        return Reference(embedding=embedding, photo_sha256=photo_sha256, label=label, face=face)

    def enrol(self, photos: Sequence[tuple[str, bytes]]) -> list[Reference]:
        """Enrol reference photos given as (label, encoded bytes); all must be usable.

        A photo identical to one already given (same bytes) is enrolled once.
        """
        if not photos:
            raise coded(
                EnrolmentError(
                    "No reference photo was given.", "Add at least one photo of yourself."
                ),
                "enrol-none",
            )
        references: list[Reference] = []
        seen: set[str] = set()
        for label, data in photos:
            digest = hashlib.sha256(data).hexdigest()
            if digest in seen:
                continue
            seen.add(digest)
            try:
                image = decode(data)
            except ImageError as error:
                raise EnrolmentError(
                    f"The reference photo {label} cannot be read: {error.what}", error.todo
                ) from error
            references.append(self.enrol_image(label, image, digest))
        return references

    # -- matching --------------------------------------------------------------------------

    def match(self, faces: Sequence[Face], references: Sequence[Reference]) -> list[FaceMatch]:
        """Each face's similarity to the person, and the verdict it earns.

        The similarity is the higher of (a) the best single reference and (b) the normalised
        mean of all references. Leave-one-out on our labelled photos (benchmarks/
        calibrate_thresholds.py): the mean lifts the weakest genuine score (0.631 -> 0.668)
        when references agree, while the best single reference keeps a photo that resembles
        only one of several different references (another age, glasses).
        """
        if not references:
            raise EnrolmentError(
                "There is no reference photo to compare with.", "Enrol a photo of yourself first."
            )
        if not faces:
            return []
        face_matrix = np.stack([face.embedding for face in faces])
        reference_matrix = np.stack([reference.embedding for reference in references])
        per_reference = face_matrix @ reference_matrix.T
        best = per_reference.argmax(axis=1)
        centroid = reference_matrix.mean(axis=0)
        centroid /= max(float(np.linalg.norm(centroid)), 1e-12)
        to_centroid = face_matrix @ centroid
        matches = []
        for row, face in enumerate(faces):
            similarity = max(float(per_reference[row, best[row]]), float(to_centroid[row]))
            matches.append(
                FaceMatch(
                    face=face,
                    similarity=similarity,
                    verdict=self.thresholds.verdict(similarity),
                    reference_index=int(best[row]),
                )
            )
        return matches


def face_thumbnail(image: np.ndarray, face: Face, size: int = 160, margin: float = 0.25) -> bytes:
    """A square JPEG of the face with some context around it, for review and evidence."""
    x1, y1, x2, y2 = face.bbox
    side = max(x2 - x1, y2 - y1) * (1 + 2 * margin)
    cx, cy = (x1 + x2) / 2, (y1 + y2) / 2
    height, width = image.shape[:2]
    left = int(max(0, cx - side / 2))
    top = int(max(0, cy - side / 2))
    right = int(min(width, cx + side / 2))
    bottom = int(min(height, cy + side / 2))
    crop = image[top:bottom, left:right]
    if crop.size == 0:
        crop = image
    scale = size / max(crop.shape[:2])
    interpolation = cv2.INTER_AREA if scale < 1 else cv2.INTER_CUBIC
    resized = cv2.resize(crop, None, fx=scale, fy=scale, interpolation=interpolation)
    ok, encoded = cv2.imencode(".jpg", resized, [cv2.IMWRITE_JPEG_QUALITY, 88])
    if not ok:
        raise ImageError(
            "The face thumbnail could not be encoded.", "This is a bug; please report it."
        )
    return encoded.tobytes()
