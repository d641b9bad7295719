"""The face engine on real models and real photos."""

from __future__ import annotations

import csv
import hashlib
import io
import itertools
from pathlib import Path

import cv2
import numpy as np
import pytest
from PIL import Image

from faceaudit.errors import EnrolmentError
from faceaudit.faces.engine import (
    TILE_OVERLAP,
    TILE_SIDE,
    FaceEngine,
    base_sizes,
    face_thumbnail,
    needs_large_pass,
    tiles,
)
from faceaudit.faces.types import Verdict
from faceaudit.imaging import decode, load_image

from ..conftest import insightface_sample

pytestmark = pytest.mark.models


def encode_jpeg(image: np.ndarray) -> bytes:
    ok, data = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, 92])
    assert ok
    return data.tobytes()


def enrol_paths(engine: FaceEngine, paths: list[Path]):
    return engine.enrol([(path.name, path.read_bytes()) for path in paths])


def test_finds_the_six_faces_of_t1(face_engine: FaceEngine) -> None:
    faces = face_engine.analyze(load_image(insightface_sample("t1.jpg")))
    assert len(faces) == 6
    for face in faces:
        assert face.det_score > 0.5
        assert len(face.landmarks) == 5
        assert face.embedding.shape == (512,)
        assert abs(float(np.linalg.norm(face.embedding)) - 1.0) < 1e-4
    areas = [face.width * face.height for face in faces]
    assert areas == sorted(areas, reverse=True)


def test_same_person_matches_and_strangers_do_not(
    face_engine: FaceEngine, person_photos: dict[str, list[Path]]
) -> None:
    obama = person_photos["obama"]
    references = enrol_paths(face_engine, obama[:1])
    same = face_engine.match(face_engine.analyze(load_image(obama[1])), references)
    assert same[0].verdict is Verdict.MATCH
    stranger = face_engine.match(
        face_engine.analyze(load_image(person_photos["biden"][0])), references
    )
    assert stranger[0].verdict is Verdict.NO
    assert stranger[0].similarity < face_engine.thresholds.possible


def test_deepface_pairs_separate_at_the_match_threshold(
    face_engine: FaceEngine, deepface_dir: Path
) -> None:
    with (deepface_dir / "master.csv").open(newline="") as table:
        rows = list(csv.DictReader(table))
    names = sorted({row["file_x"] for row in rows} | {row["file_y"] for row in rows})
    largest = {name: face_engine.analyze(load_image(deepface_dir / name))[0] for name in names}
    threshold = face_engine.thresholds.match
    for row in rows:
        similarity = float(largest[row["file_x"]].embedding @ largest[row["file_y"]].embedding)
        if row["Decision"] == "Yes":
            assert similarity >= threshold, row
        else:
            assert similarity < threshold, row
    assert sum(row["Decision"] == "Yes" for row in rows) == 38


def test_group_photo_finds_the_person_among_others(
    face_engine: FaceEngine, examples_dir: Path
) -> None:
    references = enrol_paths(
        face_engine, sorted((examples_dir / "knn_examples" / "train" / "obama").iterdir())
    )
    image = load_image(examples_dir / "knn_examples" / "test" / "obama_and_biden.jpg")
    matches = face_engine.match(face_engine.analyze(image), references)
    verdicts = sorted(match.verdict for match in matches)
    assert verdicts.count(Verdict.MATCH) == 1
    assert len(matches) >= 2


def plant_small_face(
    probe: np.ndarray, face_bbox, canvas: np.ndarray, side: int
) -> tuple[int, int]:
    """Paste the probe's face, scaled to ``side`` px across, into the canvas; returns (x, y)."""
    x1, y1, x2, y2 = (int(v) for v in face_bbox)
    pad = (x2 - x1) // 2
    crop = probe[max(0, y1 - pad) : y2 + pad, max(0, x1 - pad) : x2 + pad]
    small = cv2.resize(
        crop, None, fx=side / (x2 - x1), fy=side / (x2 - x1), interpolation=cv2.INTER_AREA
    )
    x, y = canvas.shape[1] - small.shape[1] - 300, 100
    canvas[y : y + small.shape[0], x : x + small.shape[1]] = small
    return x, y


def test_small_face_in_a_large_empty_scene_is_found(face_engine: FaceEngine, person_photos) -> None:
    references = enrol_paths(face_engine, person_photos["obama"][:1])
    probe = load_image(person_photos["obama"][1])
    face = face_engine.analyze(probe)[0]
    # A real photo's face-free corner, blown up to a 2400x1600 scene.
    scene = cv2.resize(load_image(insightface_sample("t1.jpg"))[:120, :400], (2400, 1600))
    x, _ = plant_small_face(probe, face.bbox, scene, side=32)
    matches = face_engine.match(face_engine.analyze(scene), references)
    planted = [m for m in matches if x - 10 <= m.face.bbox[0] <= x + 60]
    assert planted, "the 32 px face was not detected"
    assert planted[0].verdict in (Verdict.MATCH, Verdict.POSSIBLE)


def test_small_face_in_a_crowd_is_found(face_engine: FaceEngine, person_photos) -> None:
    references = enrol_paths(face_engine, person_photos["obama"][:1])
    probe = load_image(person_photos["obama"][1])
    face = face_engine.analyze(probe)[0]
    # A crowd: t1.jpg's six strangers, small, tiled over a 2400x1600 picture.
    strangers = cv2.resize(load_image(insightface_sample("t1.jpg")), (800, 554))
    crowd = np.vstack([np.hstack([strangers] * 3)] * 3)[:1600, :2400].copy()
    x, _ = plant_small_face(probe, face.bbox, crowd, side=36)
    matches = face_engine.match(face_engine.analyze(crowd), references)
    planted = [m for m in matches if x - 10 <= m.face.bbox[0] <= x + 60 and m.face.bbox[1] < 200]
    assert planted, "the 36 px face in the crowd was not detected"
    assert planted[0].verdict in (Verdict.MATCH, Verdict.POSSIBLE)
    strangers_found = [m for m in matches if m not in planted]
    assert len(strangers_found) >= 40  # most of the 54 small strangers
    assert all(m.verdict is Verdict.NO for m in strangers_found)


def test_large_pass_is_skipped_for_portraits_and_close_groups() -> None:
    portrait = np.array([[500.0, 300.0, 1300.0, 1300.0, 0.9]])
    assert not needs_large_pass(1800, 2400, portrait)
    close_group = np.array([[100.0, 100.0, 400.0, 450.0, 0.9], [900.0, 120.0, 1180.0, 460.0, 0.9]])
    assert not needs_large_pass(2000, 1400, close_group)
    distant = np.array([[100.0, 100.0, 180.0, 190.0, 0.9]])  # 25 px at 640
    assert needs_large_pass(2000, 1400, distant)
    assert needs_large_pass(2000, 1400, np.zeros((0, 5)))  # nobody found: look closer
    assert not needs_large_pass(900, 600, np.zeros((0, 5)))  # small images never need it
    assert base_sizes(1280, 886)[0] == (640, 448)  # aspect kept, no square letterbox


def test_close_up_selfie_is_detected(face_engine: FaceEngine, person_photos) -> None:
    image = load_image(person_photos["obama"][0])
    face = face_engine.analyze(image)[0]
    x1, y1, x2, y2 = (int(v) for v in face.bbox)
    # The face fills almost the whole frame, which the 640 px pass alone tends to miss.
    close_up = image[max(0, y1 - 10) : y2 + 10, max(0, x1 - 10) : x2 + 10]
    assert len(face_engine.analyze(close_up)) == 1


class TestEnrolment:
    def test_one_clear_face_is_enrolled(self, face_engine: FaceEngine, person_photos) -> None:
        path = person_photos["obama"][0]
        [reference] = enrol_paths(face_engine, [path])
        assert reference.photo_sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
        assert reference.label == path.name

    def test_duplicate_photos_are_enrolled_once(
        self, face_engine: FaceEngine, person_photos
    ) -> None:
        path = person_photos["obama"][0]
        assert len(enrol_paths(face_engine, [path, path])) == 1

    def test_several_faces_of_similar_size_are_refused(self, face_engine: FaceEngine) -> None:
        with pytest.raises(EnrolmentError, match=r"shows 6 faces") as caught:
            enrol_paths(face_engine, [insightface_sample("t1.jpg")])
        assert "Crop the photo" in caught.value.todo

    def test_a_dominant_face_is_taken(self, face_engine: FaceEngine, person_photos) -> None:
        main = load_image(person_photos["obama"][0])
        other = load_image(person_photos["biden"][0])
        small_other = cv2.resize(other, (other.shape[1] // 6, other.shape[0] // 6))
        canvas = main.copy()
        canvas[: small_other.shape[0], : small_other.shape[1]] = small_other
        [reference] = face_engine.enrol([("with-bystander.jpg", encode_jpeg(canvas))])
        [alone] = enrol_paths(face_engine, person_photos["obama"][:1])
        assert float(reference.embedding @ alone.embedding) > 0.9

    def test_no_face(self, face_engine: FaceEngine) -> None:
        # A real photo's background: the top-left corner of t1.jpg holds no face.
        background = load_image(insightface_sample("t1.jpg"))[:120, :400]
        with pytest.raises(EnrolmentError, match="No face was found"):
            face_engine.enrol([("wall.jpg", encode_jpeg(background))])

    def test_too_small(self, face_engine: FaceEngine, person_photos) -> None:
        image = load_image(person_photos["obama"][0])
        tiny = cv2.resize(image, None, fx=0.08, fy=0.08, interpolation=cv2.INTER_AREA)
        with pytest.raises(EnrolmentError, match=r"only \d+ pixels across"):
            face_engine.enrol([("tiny.jpg", encode_jpeg(tiny))])

    def test_too_blurry(self, face_engine: FaceEngine, person_photos) -> None:
        image = load_image(person_photos["obama"][0])
        blurred = cv2.GaussianBlur(image, (0, 0), sigmaX=max(image.shape) / 90)
        with pytest.raises(EnrolmentError, match="too blurry"):
            face_engine.enrol([("blurred.jpg", encode_jpeg(blurred))])

    def test_corrupt_reference(self, face_engine: FaceEngine, person_photos) -> None:
        data = person_photos["obama"][0].read_bytes()
        with pytest.raises(EnrolmentError, match="cannot be read"):
            face_engine.enrol([("cut.jpg", data[: len(data) // 3])])

    def test_no_reference_at_all(self, face_engine: FaceEngine) -> None:
        with pytest.raises(EnrolmentError, match="No reference photo"):
            face_engine.enrol([])


def test_every_image_format_gives_the_same_faces(face_engine: FaceEngine, person_photos) -> None:
    source = Image.open(person_photos["obama"][0]).convert("RGB")
    source.thumbnail((800, 800))
    expected = face_engine.analyze(np.asarray(source)[:, :, ::-1].copy())[0]
    variants: dict[str, bytes] = {}
    for fmt in ("PNG", "WEBP", "BMP", "TIFF", "GIF"):
        buffer = io.BytesIO()
        source.save(buffer, format=fmt)
        variants[fmt] = buffer.getvalue()
    buffer = io.BytesIO()
    source.convert("CMYK").save(buffer, format="JPEG", quality=95)
    variants["CMYK JPEG"] = buffer.getvalue()
    buffer = io.BytesIO()
    source.convert("L").save(buffer, format="PNG")
    variants["greyscale PNG"] = buffer.getvalue()
    buffer = io.BytesIO()
    rgba = source.convert("RGBA")
    rgba.putalpha(255)
    rgba.save(buffer, format="PNG")
    variants["RGBA PNG"] = buffer.getvalue()
    buffer = io.BytesIO()
    grey16 = (np.asarray(source.convert("L"), dtype=np.uint16) * 257).astype(np.uint16)
    Image.fromarray(grey16).save(buffer, format="PNG")
    variants["16-bit PNG"] = buffer.getvalue()
    for name, data in variants.items():
        faces = face_engine.analyze(decode(data))
        assert faces, name
        similarity = float(faces[0].embedding @ expected.embedding)
        threshold = 0.6 if name in ("GIF", "greyscale PNG", "16-bit PNG") else 0.9
        assert similarity > threshold, (name, similarity)


def test_exif_orientation_is_applied(face_engine: FaceEngine, person_photos) -> None:
    source = Image.open(person_photos["obama"][0]).convert("RGB")
    source.thumbnail((800, 800))
    upright = face_engine.analyze(np.asarray(source)[:, :, ::-1].copy())
    # Store the pixels rotated, with the EXIF tag that tells viewers to rotate them back.
    rotated = source.transpose(Image.Transpose.ROTATE_90)
    exif = Image.Exif()
    exif[0x0112] = 6  # "rotate 90 CW to display"
    buffer = io.BytesIO()
    rotated.save(buffer, format="JPEG", exif=exif.tobytes(), quality=95)
    faces = face_engine.analyze(decode(buffer.getvalue()))
    assert len(faces) == len(upright) == 1
    assert float(faces[0].embedding @ upright[0].embedding) > 0.9


def test_thumbnail_is_a_small_jpeg_of_the_face(face_engine: FaceEngine, person_photos) -> None:
    image = load_image(person_photos["obama"][0])
    face = face_engine.analyze(image)[0]
    thumbnail = face_thumbnail(image, face, size=128)
    with Image.open(io.BytesIO(thumbnail)) as decoded:
        assert decoded.format == "JPEG"
        assert max(decoded.size) == 128
    assert len(face_engine.analyze(decode(thumbnail))) == 1


def test_tiles_cover_a_large_photo_with_overlap() -> None:
    width, height = 6000, 4000
    covered = np.zeros((height // 8, width // 8), dtype=np.uint8)
    found = tiles(width, height)
    for x, y, w, h, (input_w, input_h) in found:
        covered[y // 8 : (y + h) // 8, x // 8 : (x + w) // 8] += 1
        assert max(input_w, input_h) <= TILE_SIDE  # the detector's memory per call is bounded
    assert covered.min() >= 1
    starts = sorted({x for x, *_ in found})
    assert all(b - a <= 2400 - TILE_OVERLAP for a, b in itertools.pairwise(starts))


def test_small_faces_in_a_24_mp_photo_are_found(face_engine: FaceEngine) -> None:
    """A 90 px face in a 6000x4000 photo: ~19 px at one 1280 px pass; found in tiles."""
    sample = load_image(insightface_sample("t1.jpg"))
    x1, y1, x2, y2 = (int(value) for value in face_engine.analyze(sample)[0].bbox)
    pad = (x2 - x1) // 3
    face = sample[max(0, y1 - pad) : y2 + pad, max(0, x1 - pad) : x2 + pad]
    rng = np.random.default_rng(3)
    scene = cv2.GaussianBlur(rng.integers(60, 200, (500, 750, 3), dtype=np.uint8), (0, 0), 4)
    scene = cv2.resize(scene, (6000, 4000))
    small = cv2.resize(face, None, fx=90 * 1.66 / face.shape[1], fy=90 * 1.66 / face.shape[1])
    places = [(700, 600), (1850, 1850), (4100, 3200), (5400, 400)]  # one on a tile border
    for x, y in places:
        scene[y : y + small.shape[0], x : x + small.shape[1]] = small
    big = cv2.resize(face, (700, int(700 * face.shape[0] / face.shape[1])))
    scene[2500 : 2500 + big.shape[0], 300:1000] = big  # a large face: no hint of small ones

    def found(engine: FaceEngine) -> int:
        boxes = [face.bbox for face in engine.analyze(scene)]
        return sum(
            any(abs(bx - (x + 75)) < 60 and abs(by - (y + 75)) < 60 for bx, by, *_ in boxes)
            for x, y in places
        )

    assert found(face_engine) == len(places)
    one_pass = FaceEngine(face_engine.pack_dir, threads=face_engine.threads, tiled=False)
    assert found(one_pass) < len(places)  # what the engine missed before tiles
