"""Cases for the Letters screen: one scanned for real from a loopback site (real photos, the
real model), and one whose confirmed finding sits on a directory operator's domain."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest

PASSPHRASE = "letters screen passphrase 7"
PERSON = {
    "full_name": "Barack Obama",
    "email": "barack@example.org",
    "postal_address": "1 Example Street\n75001 Paris",
    "country": "fr",
    "language": "en",
}


@pytest.fixture
def scanned_case(gui_context, gui_scan_engine, person_photos, folder_site):
    """Obama's case scanned from a loopback site; the photo of him found there confirmed.

    Returns (case, site, confirmed finding).
    """
    from faceaudit.paths import resolve_paths
    from faceaudit.scan.pipeline import ScanSettings
    from faceaudit.scan.runs import WebCollector, scan_case
    from faceaudit.store import Person

    obama, biden = person_photos["obama"], person_photos["biden"]
    site = folder_site
    site.add("img/portrait.jpg", obama[1 % len(obama)].read_bytes())
    site.add("img/other.jpg", biden[0].read_bytes())
    site.add(
        "index.html",
        b'<html><body><img src="/img/portrait.jpg"><img src="/img/other.jpg"></body></html>',
    )
    case = gui_context.case_store.create("obama", PASSPHRASE, person=Person(**PERSON))
    reference = obama[0].read_bytes()
    (enrolled,) = gui_scan_engine.enrol([("reference.jpg", reference)])
    case.add_reference("reference.jpg", reference, enrolled)
    case.add_sources([site.url("index.html")])
    paths = resolve_paths(gui_context.app.paths.base)
    scan_case(gui_scan_engine, case, WebCollector(paths, depth=0), ScanSettings(workers=1))
    findings = [f for f in case.findings() if f.image_url == site.url("img/portrait.jpg")]
    assert findings, "the real model should find Obama's portrait"
    case.review(findings[0].id, "confirmed")
    yield case, site, findings[0]


def plant_finding(case: Any, photo: Path, page: str, image: str) -> int:
    """A finding of a real photo seen at ``page``/``image`` (a crop as its thumbnail)."""
    import cv2

    from faceaudit.collect.types import Provenance
    from faceaudit.faces.thresholds import DEFAULT_THRESHOLDS
    from faceaudit.faces.types import Face, FaceMatch

    pixels = cv2.imread(str(photo))
    side = min(pixels.shape[:2])
    crop = cv2.imencode(".jpg", cv2.resize(pixels[:side, :side], (160, 160)))[1].tobytes()
    sha = hashlib.sha256(image.encode() + crop).hexdigest()
    scan = case.start_scan({"sources": []})
    face = Face((40.0, 40.0, 140.0, 160.0), ((0.0, 0.0),) * 5, 0.9, np.zeros(512, np.float32))
    match = FaceMatch(face, 0.8, DEFAULT_THRESHOLDS.verdict(0.8), 0)
    seen = Provenance(
        source=page,
        page_url=page,
        image_url=image,
        found_by="img",
        fetched_at="2026-09-01T10:00:00Z",
        sha256=sha,
    )
    finding = case.add_finding(scan, sha, seen, match, crop)
    case.finish_scan(scan, {}, "done")
    return finding


@pytest.fixture
def meta_case(gui_context, person_photos) -> Iterator[Any]:
    """A case whose confirmed finding is on Instagram (Meta is in the built-in directory)."""
    from faceaudit.store import Person

    case = gui_context.case_store.create("camille", PASSPHRASE, person=Person(**PERSON))
    finding = plant_finding(
        case,
        person_photos["obama"][0],
        "https://www.instagram.com/p/Cx1/",
        "https://scontent.cdninstagram.com/v/t51/photo_1.jpg",
    )
    case.review(finding, "confirmed")
    yield case


def sent_letter(
    case: Any,
    folder: Path,
    days_ago: int,
    letter_type: str = "access",
    *,
    jurisdiction: str | None = None,
    send: bool = True,
) -> int:
    """A letter to Meta drafted (and, with ``send``, marked sent) ``days_ago`` days ago,
    through the core."""
    from faceaudit.letters import drafting, tracking
    from faceaudit.letters.directory import Directory, load_builtin

    directory = Directory(load_builtin())
    sent_on = dt.date.today() - dt.timedelta(days=days_ago)
    request = drafting.DraftRequest(
        letter_type,
        directory.resolve("instagram.com"),
        jurisdiction=jurisdiction,
        letter_date=sent_on,
    )
    draft = drafting.prepare(case, directory, request)
    saved = drafting.save(case, draft, ["txt"], folder / f"letter-{days_ago}-{jurisdiction}")
    if send:
        tracking.mark_sent(case, saved.letter_id, sent_on, "email", person_country="fr")
    return saved.letter_id
