"""Cases with findings for the findings screen's tests: real crops of real photos."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pytest

TEST_KDF_N = 2**10
PASSPHRASE = "correct horse battery staple"


@dataclass(frozen=True)
class Planted:
    """One finding to add: where it was seen, its similarity, and which photo it crops."""

    page_url: str
    image_url: str
    similarity: float
    photo: Path
    box: tuple[float, float, float, float] = (40.0, 40.0, 140.0, 160.0)


def crop_jpeg(photo: Path, size: int = 160) -> bytes:
    """A square JPEG crop of the photo's centre, as the scan stores a face thumbnail."""
    import cv2

    image = cv2.imread(str(photo))
    height, width = image.shape[:2]
    side = min(height, width)
    top, left = (height - side) // 2, (width - side) // 2
    crop = cv2.resize(image[top : top + side, left : left + side], (size, size))
    return cv2.imencode(".jpg", crop)[1].tobytes()


def add_findings(case, planted: Sequence[Planted]) -> list[int]:
    """Record each planted finding in one scan of the case, through the store's own API."""
    from faceaudit.collect.types import Provenance
    from faceaudit.faces.thresholds import DEFAULT_THRESHOLDS
    from faceaudit.faces.types import Face, FaceMatch

    scan_id = case.start_scan({"sources": []})
    ids = []
    crops: dict[Path, bytes] = {}
    with case.batch():
        for item in planted:
            data = crops.setdefault(item.photo, crop_jpeg(item.photo))
            sha = hashlib.sha256(item.image_url.encode() + data).hexdigest()
            face = Face(item.box, ((0.0, 0.0),) * 5, 0.9, np.zeros(512, dtype=np.float32))
            match = FaceMatch(face, item.similarity, DEFAULT_THRESHOLDS.verdict(item.similarity), 0)
            provenance = Provenance(
                source=item.page_url,
                page_url=item.page_url,
                image_url=item.image_url,
                found_by="img",
                fetched_at="2026-11-30T10:00:00Z",
                sha256=sha,
            )
            ids.append(case.add_finding(scan_id, sha, provenance, match, data))
    case.finish_scan(scan_id, {}, "done")
    return ids


@pytest.fixture
def gallery_store(sandbox_home: Path):
    from faceaudit.paths import resolve_paths
    from faceaudit.store import CaseStore, KdfParams

    return CaseStore(resolve_paths(sandbox_home), kdf=KdfParams(n=TEST_KDF_N, r=8, p=1))


@pytest.fixture
def face_photos(person_photos: dict[str, list[Path]]) -> list[Path]:
    """Real photos of two people (../shared, or the test command's fallback)."""
    return [*person_photos["obama"], *person_photos["biden"]]


@pytest.fixture
def three_site_case(gallery_store, face_photos: list[Path]) -> Iterator[tuple[object, list[int]]]:
    """A case with 7 findings on three sites: strong and possible, one image on two pages."""
    from faceaudit.store import Person

    case = gallery_store.create("gallery", PASSPHRASE, person=Person(full_name="Ada Example"))
    p = face_photos
    planted = [
        Planted("https://news.example/a", "https://cdn.news.example/1.jpg", 0.81, p[0]),
        Planted("https://news.example/b", "https://cdn.news.example/2.jpg", 0.34, p[1 % len(p)]),
        Planted("https://blog.example/x", "https://blog.example/3.jpg", 0.62, p[2 % len(p)]),
        Planted("https://blog.example/y", "https://blog.example/4.jpg", 0.31, p[3 % len(p)]),
        Planted("https://blog.example/z", "https://blog.example/5.jpg", 0.55, p[4 % len(p)]),
        Planted("https://shop.example/", "https://shop.example/6.jpg", 0.47, p[5 % len(p)]),
        Planted("https://shop.example/", "https://shop.example/7.jpg", 0.38, p[0]),
    ]
    ids = add_findings(case, planted)
    yield case, ids
    case.close()


@pytest.fixture
def scanned_case(gui_context, gui_scan_engine, person_photos, folder_site):
    """Obama's case, scanned for real from a loopback site: his photos among Biden's.

    The same photo of Obama is on two pages (one finding seen twice); a photo of both men
    gives a viewer with two faces. Returns (case, site).
    """
    from faceaudit.paths import resolve_paths
    from faceaudit.scan.pipeline import ScanSettings
    from faceaudit.scan.runs import WebCollector, scan_case
    from faceaudit.store import Person

    obama, biden = person_photos["obama"], person_photos["biden"]
    site = folder_site
    shared = obama[1].read_bytes()
    images = {
        "img/portrait.jpg": obama[2 % len(obama)].read_bytes(),
        "img/shared.jpg": shared,
        "img/biden.jpg": biden[0].read_bytes(),
    }
    together = obama[0].parent / "knn_examples" / "test" / "obama_and_biden.jpg"
    if together.is_file():
        images["img/together.jpg"] = together.read_bytes()
    for path, data in images.items():
        site.add(path, data)
    home = "".join(f'<img src="/{p}">' for p in images)
    site.add(
        "index.html", f'<html><body>{home}<a href="/about.html">about</a></body></html>'.encode()
    )
    site.add("about.html", b'<html><body><img src="/img/shared.jpg"></body></html>')

    case = gui_context.case_store.create("obama", PASSPHRASE, person=Person(
        full_name="Barack Obama", email="barack@example.org",
        postal_address="1 Example Street\n75001 Paris", country="fr", language="en",
    ))  # fmt: skip
    reference = obama[0].read_bytes()
    (enrolled,) = gui_scan_engine.enrol([("reference.jpg", reference)])
    case.add_reference("reference.jpg", reference, enrolled)
    case.add_sources([site.url("index.html")])
    paths = resolve_paths(gui_context.app.paths.base)
    scan_case(gui_scan_engine, case, WebCollector(paths, depth=1), ScanSettings(workers=2))
    yield case, site
