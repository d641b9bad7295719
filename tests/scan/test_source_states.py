"""Each source's state after a real scan of a loopback site, and the per-source progress.

Real photos, the real model, a real HTTP server on 127.0.0.1: one source per state the
Sources screen shows (you appear, faces but not you, no face, no image, failed, skipped, not
scanned yet), then a retry of the failed one alone.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import cv2
import numpy as np
import pytest

from faceaudit.paths import resolve_paths
from faceaudit.scan.control import ScanProgress
from faceaudit.scan.pipeline import ScanSettings
from faceaudit.scan.runs import WebCollector, scan_case
from faceaudit.store import source_states as states

if TYPE_CHECKING:
    from .conftest import LoopbackSite

pytestmark = pytest.mark.models

SETTINGS = ScanSettings(workers=2)


def no_face_jpeg() -> bytes:
    """A smooth colour gradient: a real JPEG with nothing resembling a face."""
    y, x = np.mgrid[0:240, 0:320]
    image = np.dstack([x * 255 // 320, y * 255 // 240, np.full_like(x, 128)]).astype(np.uint8)
    return cv2.imencode(".jpg", image)[1].tobytes()


@pytest.fixture
def listed(site: LoopbackSite, person_photos: dict[str, list[Path]]) -> dict[str, str]:
    obama, biden = person_photos["obama"], person_photos["biden"]
    site.image("/img/obama.jpg", obama[1])
    site.image("/img/biden.jpg", biden[0])
    site.serve("/img/sky.jpg", no_face_jpeg(), "image/jpeg")
    return {
        "you": site.page("/you.html", '<img src="/img/obama.jpg"><img src="/img/biden.jpg">'),
        "stranger": site.page("/stranger.html", '<img src="/img/biden.jpg">'),
        "no_face": site.page("/sky.html", '<img src="/img/sky.jpg">'),
        "no_image": site.page("/text.html", "<p>Only words here.</p>"),
        "failed": site.url("/missing.html"),
        "skipped": site.serve("/notes.txt", b"plain words, not a page", "application/zip"),
    }


@pytest.fixture
def case(case_store, person_photos, scan_face_engine, listed) -> Iterator[object]:
    from faceaudit.store import Person

    opened = case_store.create("states", "correct horse battery staple", person=Person())
    photo = person_photos["obama"][0].read_bytes()
    (reference,) = scan_face_engine.enrol([("me.jpg", photo)])
    opened.add_reference("me.jpg", photo, reference)
    opened.add_sources(listed.values())
    yield opened
    opened.close()


def _by_url(case) -> dict[str, states.SourceState]:
    rows = {row.id: row.url_or_path for row in case.sources()}
    return {rows[state.source_id]: state for state in case.source_states()}


def test_each_source_says_what_the_last_scan_found(
    case, listed, site: LoopbackSite, scan_face_engine, sandbox_home: Path
) -> None:
    assert {s.state for s in case.source_states()} == {states.NOT_SCANNED}
    progress: list[ScanProgress] = []
    collector = WebCollector(resolve_paths(sandbox_home))
    scan_case(scan_face_engine, case, collector, SETTINGS, on_progress=progress.append)

    found = _by_url(case)
    you = found[listed["you"]]
    assert (you.state, you.images, you.findings, you.pages) == (states.YOU_APPEAR, 2, 1, 1)
    assert you.faces >= 2
    stranger = found[listed["stranger"]]
    assert (stranger.state, stranger.faces, stranger.findings) == (states.NOT_YOU, 1, 0)
    assert found[listed["no_face"]].state == states.NO_FACE
    assert found[listed["no_face"]].images == 1
    assert found[listed["no_image"]].state == states.FETCHED
    failed = found[listed["failed"]]
    assert failed.state == states.FAILED and "404" in (failed.reason or "")
    skipped = found[listed["skipped"]]
    assert skipped.state == states.SKIPPED and "neither a web page" in (skipped.reason or "")

    # The last progress report tells the same per source, in the order listed.
    final = progress[-1]
    assert [t.source for t in final.sources] == list(listed.values())
    tallies = {t.source: t for t in final.sources}
    assert tallies[listed["you"]].state == "done" and tallies[listed["you"]].findings == 1
    assert tallies[listed["failed"]].state == "failed"
    assert tallies[listed["skipped"]].state == "skipped"
    assert final.pages == 4

    # A source added since: not scanned yet, whatever the others say.
    late = site.page("/late.html", "<p>new</p>")
    case.add_sources([late])
    assert _by_url(case)[late].state == states.NOT_SCANNED


def test_retrying_one_source_changes_only_its_state(
    case, listed, site: LoopbackSite, scan_face_engine, sandbox_home: Path
) -> None:
    collector = WebCollector(resolve_paths(sandbox_home))
    first = scan_case(scan_face_engine, case, collector, SETTINGS)
    assert _by_url(case)[listed["failed"]].state == states.FAILED

    site.page("/missing.html", "<p>back online, without photos</p>")
    failed_id = next(r.id for r in case.sources() if r.url_or_path == listed["failed"])
    retry = scan_case(
        scan_face_engine,
        case,
        WebCollector(resolve_paths(sandbox_home)),
        SETTINGS,
        only_sources=[failed_id],
    )
    assert retry.stats["sources"] == 1
    found = _by_url(case)
    assert found[listed["failed"]].state == states.FETCHED
    assert found[listed["failed"]].scan_id == retry.scan_id
    # The others keep the state of the scan that read them; their findings are not "gone".
    assert found[listed["you"]].state == states.YOU_APPEAR
    assert found[listed["you"]].scan_id == first.scan_id
    assert retry.comparison is not None and retry.comparison["gone"] == 0
