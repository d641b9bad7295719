"""Hand-off fixtures: a real case with a reference, a scan, findings with evidence, a letter
and a request, on a sandboxed data folder with a cheap (explicit) KDF; two clinics' keys."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterator
from pathlib import Path

import cv2
import numpy as np
import pytest

from faceaudit.collect.types import Provenance
from faceaudit.faces.types import Face, FaceMatch, Reference, Verdict
from faceaudit.handoff import ClinicKey
from faceaudit.letters import tracking
from faceaudit.letters.directory import Directory, load_builtin
from faceaudit.paths import resolve_paths
from faceaudit.store import Case, CaseStore, KdfParams, Person

TEST_KDF = KdfParams(n=2**10, r=8, p=1)
CASE_PASSPHRASE = "the client's own passphrase"


def _photo(name: str) -> bytes:
    import insightface

    return (Path(insightface.__file__).parent / "data" / "images" / name).read_bytes()


def _face(seed: int, bbox: tuple[float, float, float, float] = (10.0, 20.0, 110.0, 140.0)) -> Face:
    vector = np.random.default_rng(seed).standard_normal(512).astype(np.float32)
    x1, y1, x2, y2 = bbox
    landmarks = (
        (x1 + 30, y1 + 40),
        (x2 - 30, y1 + 40),
        ((x1 + x2) / 2, y1 + 70),
        (x1 + 35, y2 - 25),
        (x2 - 35, y2 - 25),
    )
    return Face(
        bbox=bbox, landmarks=landmarks, det_score=0.9, embedding=vector / np.linalg.norm(vector)
    )


def _thumbnail(photo: bytes) -> bytes:
    pixels = cv2.imdecode(np.frombuffer(photo, np.uint8), cv2.IMREAD_COLOR)
    ok, encoded = cv2.imencode(".jpg", cv2.resize(pixels[:128, :128], (64, 64)))
    assert ok
    return encoded.tobytes()


def fill_case(case: Case) -> None:
    """Real rows of every kind a hand-off must carry (sealed and plain)."""
    photo = _photo("t1.jpg")
    face = _face(1)
    reference = Reference(
        embedding=face.embedding,
        photo_sha256=hashlib.sha256(photo).hexdigest(),
        label="me.jpg",
        face=face,
    )
    case.add_reference("me.jpg", photo, reference)
    case.add_sources(["http://127.0.0.1:8000/team.html"])
    scan_id = case.start_scan({"workers": 1})
    image = _photo("mask_white.jpg")
    provenance = Provenance(
        source="http://127.0.0.1:8000/team.html",
        page_url="http://127.0.0.1:8000/team.html",
        image_url="http://127.0.0.1:8000/img/t2.jpg",
        found_by="img",
        http_status=200,
        final_url="http://127.0.0.1:8000/img/t2.jpg",
        fetched_at="2026-03-01T10:00:00Z",
        byte_size=len(image),
        sha256=hashlib.sha256(image).hexdigest(),
        frame_time=None,
        content_type="image/jpeg",
    )
    case.record_image(scan_id, provenance)
    match = FaceMatch(face=_face(2), similarity=0.71, verdict=Verdict.MATCH, reference_index=0)
    finding = case.add_finding(
        scan_id, provenance.sha256, provenance, match, _thumbnail(image), evidence_bytes=image
    )
    case.review(finding, "confirmed")
    case.finish_scan(scan_id, {"images": 1})
    operator = Directory(load_builtin()).get("pimeyes")
    assert operator is not None
    letter = tracking.record_letter(
        case,
        letter_type="erasure",
        jurisdiction="eu",
        language="en",
        operator=operator,
        finding_ids=(finding,),
    )
    tracking.mark_sent(case, letter, dt.date(2026, 3, 2), "email", today=dt.date(2026, 3, 3))


def case_contents(case: Case) -> dict[str, object]:
    """What the client's case says, decrypted: compared before export and after import."""
    findings = case.findings()
    return {
        "person": case.person,
        "references": [(r.label, r.photo_sha256) for r in case.reference_rows()],
        "photos": [case.reference_photo(r.id) for r in case.reference_rows()],
        "embeddings": [r.embedding.tobytes() for r in case.references()],
        "sources": [s.url_or_path for s in case.sources()],
        "findings": [(f.image_url, f.similarity, f.review) for f in findings],
        "thumbnails": [case.finding_thumbnail(f.id) for f in findings],
        "evidence": [case.finding_evidence(f.id) for f in findings],
        "letters": [
            (t.letter.letter_type, t.request and t.request.due_at)
            for t in tracking.list_tracked(case, dt.date(2026, 3, 3))
        ],
    }


@pytest.fixture
def store(sandbox_home: Path) -> CaseStore:
    return CaseStore(resolve_paths(sandbox_home), kdf=TEST_KDF)


@pytest.fixture
def filled_case(store: CaseStore) -> Iterator[Case]:
    case = store.create("client-07", CASE_PASSPHRASE, person=Person(full_name="Camille Example"))
    fill_case(case)
    yield case
    case.close()


@pytest.fixture(scope="session")
def sender_key() -> ClinicKey:
    return ClinicKey.generate("Clinique du Droit")


@pytest.fixture(scope="session")
def receiver_key() -> ClinicKey:
    return ClinicKey.generate("Privacy Helpline")


def tree(root: Path) -> dict[str, bytes | None]:
    """Every path under ``root`` with its bytes (None for folders): 'nothing written' checks."""
    return {
        str(path.relative_to(root)): None if path.is_dir() else path.read_bytes()
        for path in sorted(root.rglob("*"))
    }


class Kit:
    """The helpers above, handed to tests as a fixture (test modules cannot import conftest)."""

    passphrase = CASE_PASSPHRASE
    kdf = TEST_KDF
    fill_case = staticmethod(fill_case)
    case_contents = staticmethod(case_contents)
    tree = staticmethod(tree)


@pytest.fixture
def kit() -> type[Kit]:
    return Kit
