"""Fixtures for letters: a real case (cheap explicit KDF) holding real findings, and the directory.

The URLs in findings are only text cited in letters: nothing here opens a connection.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

import cv2
import numpy as np
import pytest

from faceaudit.collect.types import Provenance
from faceaudit.faces.types import Face, FaceMatch, Verdict
from faceaudit.paths import resolve_paths
from faceaudit.store import Case, CaseStore, KdfParams, Person

TEST_KDF = KdfParams(n=2**10, r=8, p=1)  # explicit, cheap: the default stays 2^17
PASSPHRASE = "letters test passphrase 42"
SHARED_DATENANFRAGEN = (
    Path(__file__).resolve().parents[2].parent / "shared" / "controllers" / "datenanfragen"
)

# (page URL, image URL) of the findings put in the case; the first two are on Meta's domains.
FINDING_URLS = (
    (
        "https://www.instagram.com/p/Cx1/",
        "https://scontent-cdg4-1.cdninstagram.com/v/t51/photo_1.jpg",
    ),
    ("https://www.facebook.com/photo/?fbid=77", "https://scontent.xx.fbcdn.net/v/t1/photo_2.jpg"),
    ("https://blog.example.org/team", "https://blog.example.org/img/team.jpg"),
)


def _photo() -> bytes:
    import insightface

    return (Path(insightface.__file__).parent / "data" / "images" / "t1.jpg").read_bytes()


def _thumbnail(photo: bytes) -> bytes:
    pixels = cv2.imdecode(np.frombuffer(photo, np.uint8), cv2.IMREAD_COLOR)
    ok, encoded = cv2.imencode(".jpg", cv2.resize(pixels[:160, :160], (80, 80)))
    assert ok
    return encoded.tobytes()


def _match(seed: int) -> FaceMatch:
    vector = np.random.default_rng(seed).standard_normal(512).astype(np.float32)
    x1, y1, x2, y2 = 10.0 + seed, 20.0, 110.0 + seed, 140.0
    landmarks = (
        (x1 + 30, y1 + 40),
        (x2 - 30, y1 + 40),
        ((x1 + x2) / 2, y1 + 70),
        (x1 + 35, y2 - 25),
        (x2 - 35, y2 - 25),
    )
    face = Face(
        bbox=(x1, y1, x2, y2),
        landmarks=landmarks,
        det_score=0.9,
        embedding=vector / np.linalg.norm(vector),
    )
    return FaceMatch(face=face, similarity=0.72, verdict=Verdict.MATCH, reference_index=0)


def add_findings(case: Case) -> list[int]:
    photo = _photo()
    thumbnail = _thumbnail(photo)
    scan = case.start_scan({"test": True})
    ids = []
    for seed, (page, image) in enumerate(FINDING_URLS):
        data = photo + bytes([seed])  # distinct image bytes, so distinct findings
        sha = hashlib.sha256(data).hexdigest()
        provenance = Provenance(
            source=page,
            page_url=page,
            image_url=image,
            found_by="img",
            http_status=200,
            fetched_at="2026-01-10T09:00:00Z",
            byte_size=len(data),
            sha256=sha,
            content_type="image/jpeg",
        )
        case.record_image(scan, provenance)
        ids.append(case.add_finding(scan, sha, provenance, _match(seed), thumbnail))
    case.finish_scan(scan, {}, "done")
    return ids


@pytest.fixture
def case_store(sandbox_home: Path) -> CaseStore:
    return CaseStore(resolve_paths(sandbox_home), kdf=TEST_KDF)


@pytest.fixture
def letters_case(case_store: CaseStore) -> Iterator[Case]:
    person = Person(
        full_name="Marie Dupont",
        email="marie.dupont@example.org",
        postal_address="12 rue des Lilas\n75011 Paris\nFrance",
        country="FR",
        language="fr",
    )
    case = case_store.create("marie", PASSPHRASE, person=person)
    add_findings(case)
    yield case
    case.close()


@pytest.fixture
def letters_passphrase() -> str:
    return PASSPHRASE


@pytest.fixture(scope="session")
def datenanfragen_dir() -> Path:
    if not (SHARED_DATENANFRAGEN / "companies").is_dir():
        pytest.skip(f"the shared datarequests.org copy is absent ({SHARED_DATENANFRAGEN})")
    return SHARED_DATENANFRAGEN
