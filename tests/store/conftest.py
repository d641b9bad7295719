"""Fixtures for the case store: a sandboxed CaseStore with a cheap (explicit) KDF, and real data."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

import cv2
import numpy as np
import pytest

from faceaudit.collect.types import Provenance
from faceaudit.faces.types import Face, FaceMatch, Reference, Verdict
from faceaudit.paths import resolve_paths
from faceaudit.store import Case, CaseStore, KdfParams, Person

# The cheapest scrypt the store accepts: tests create many cases. The default stays 2^17.
TEST_KDF = KdfParams(n=2**10, r=8, p=1)
PASSPHRASE = "correct horse battery staple"


def insightface_photo(name: str = "t1.jpg") -> Path:
    import insightface

    return Path(insightface.__file__).parent / "data" / "images" / name


@pytest.fixture
def store(sandbox_home: Path) -> CaseStore:
    return CaseStore(resolve_paths(sandbox_home), kdf=TEST_KDF)


@pytest.fixture
def case(store: CaseStore) -> Iterator[Case]:
    opened = store.create("alice", PASSPHRASE, person=Person(full_name="Alice Example"))
    yield opened
    opened.close()


@pytest.fixture(scope="session")
def photo_bytes() -> bytes:
    """A real photograph (shipped inside the installed insightface package)."""
    return insightface_photo("t1.jpg").read_bytes()


def unit_vector(seed: int, dim: int = 512) -> np.ndarray:
    vector = np.random.default_rng(seed).standard_normal(dim).astype(np.float32)
    return vector / np.linalg.norm(vector)


def make_face(
    seed: int, bbox: tuple[float, float, float, float] = (10.4, 20.6, 110.2, 140.9)
) -> Face:
    x1, y1, x2, y2 = bbox
    landmarks = (
        (x1 + 30, y1 + 40),
        (x2 - 30, y1 + 40),
        ((x1 + x2) / 2, y1 + 70),
        (x1 + 35, y2 - 25),
        (x2 - 35, y2 - 25),
    )
    return Face(bbox=bbox, landmarks=landmarks, det_score=0.87, embedding=unit_vector(seed))


def make_reference(seed: int, photo: bytes, label: str = "me.jpg") -> Reference:
    face = make_face(seed)
    return Reference(
        embedding=face.embedding,
        photo_sha256=hashlib.sha256(photo).hexdigest(),
        label=label,
        face=face,
    )


def make_match(
    seed: int, bbox: tuple[float, float, float, float] = (10.4, 20.6, 110.2, 140.9)
) -> FaceMatch:
    return FaceMatch(
        face=make_face(seed, bbox), similarity=0.71, verdict=Verdict.MATCH, reference_index=0
    )


def jpeg_crop(photo: bytes, size: int = 64) -> bytes:
    """A real JPEG thumbnail cut from a real photo."""
    pixels = cv2.imdecode(np.frombuffer(photo, np.uint8), cv2.IMREAD_COLOR)
    ok, encoded = cv2.imencode(".jpg", cv2.resize(pixels[: size * 2, : size * 2], (size, size)))
    assert ok
    return encoded.tobytes()


def provenance(
    image: bytes,
    page: str | None = "http://127.0.0.1:8000/team.html",
    image_url: str = "http://127.0.0.1:8000/img/t1.jpg",
    frame_time: float | None = None,
) -> Provenance:
    return Provenance(
        source="http://127.0.0.1:8000/team.html",
        page_url=page,
        image_url=image_url,
        found_by="img",
        http_status=200,
        final_url=image_url,
        fetched_at="2026-03-01T10:00:00Z",
        byte_size=len(image),
        sha256=hashlib.sha256(image).hexdigest(),
        frame_time=frame_time,
        content_type="image/jpeg",
    )


class Samples:
    """The helpers above, handed to tests as a fixture (test modules cannot import conftest)."""

    passphrase = PASSPHRASE
    kdf = TEST_KDF
    unit_vector = staticmethod(unit_vector)
    make_face = staticmethod(make_face)
    make_reference = staticmethod(make_reference)
    make_match = staticmethod(make_match)
    jpeg_crop = staticmethod(jpeg_crop)
    provenance = staticmethod(provenance)
    insightface_photo = staticmethod(insightface_photo)


@pytest.fixture
def samples() -> type[Samples]:
    return Samples
