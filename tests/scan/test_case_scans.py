"""Scans kept in a Case: re-scans, cancel and resume, pause, failing sources."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from faceaudit.paths import resolve_paths
from faceaudit.scan.control import ScanControl, ScanProgress
from faceaudit.scan.pipeline import ScanSettings
from faceaudit.scan.runs import WebCollector, scan_case

if TYPE_CHECKING:
    from .conftest import LoopbackSite, PlantedSite

pytestmark = [pytest.mark.models, pytest.mark.shared]

SETTINGS = ScanSettings(workers=2)


def _collector(home: Path) -> WebCollector:
    return WebCollector(resolve_paths(home), depth=1)


def _places(outcome) -> set[tuple[str | None, str, str]]:
    return {(f.page_url, f.image_url, f.verdict) for f in outcome.findings}


def test_rescan_reuses_the_caches_and_reports_new_gone_unchanged(
    obama_case, obama_site: PlantedSite, site: LoopbackSite, scan_face_engine, sandbox_home: Path
) -> None:
    first = scan_case(scan_face_engine, obama_case, _collector(sandbox_home), SETTINGS)
    assert first.status == "done"
    assert {f.image_url for f in first.findings} == set(obama_site.planted)
    assert first.comparison == {"new": 5, "gone": 0, "unchanged": 0, "unchecked": 0}
    assert all(f.new for f in first.findings)

    second = scan_case(scan_face_engine, obama_case, _collector(sandbox_home), SETTINGS)
    assert second.comparison == {"new": 0, "gone": 0, "unchanged": 5, "unchecked": 0}
    assert _places(second) == _places(first)
    # Every image's faces came from the encrypted per-image cache, none from the models.
    assert second.stats["images_cached"] == second.stats["images"] == first.stats["images"]
    assert second.previous_scan_id == first.scan_id

    # The site changes: one appearance removed, a new one (a mirrored photo: new bytes) added.
    import cv2

    from faceaudit.imaging import load_image

    home = site.routes["/"][0].decode().replace('<img src="/img/obama1.jpg" alt="">', "")
    mirrored = cv2.flip(load_image(obama_site.reference.parent / "obama2.jpg"), 1)
    new_url = site.serve("/img/new.jpg", cv2.imencode(".jpg", mirrored)[1].tobytes(), "image/jpeg")
    site.page("/", home.replace("</body>", '<img src="/img/new.jpg"></body>'))
    third = scan_case(scan_face_engine, obama_case, _collector(sandbox_home), SETTINGS)
    assert third.comparison == {"new": 1, "gone": 1, "unchanged": 4, "unchecked": 0}
    gone = {f.image_url for f in first.findings} - {f.image_url for f in third.findings}
    assert gone == {site.url("/img/obama1.jpg")}
    assert [f.image_url for f in third.findings if f.new] == [new_url]
    assert len(obama_case.findings()) == 6


def test_a_site_down_at_rescan_does_not_make_its_findings_gone(
    obama_case, obama_site: PlantedSite, site: LoopbackSite, scan_face_engine, sandbox_home: Path
) -> None:
    first = scan_case(scan_face_engine, obama_case, _collector(sandbox_home), SETTINGS)
    assert first.comparison == {"new": 5, "gone": 0, "unchanged": 0, "unchecked": 0}

    site.close()  # the server is down during the re-scan: the photos may well still be online
    second = scan_case(scan_face_engine, obama_case, _collector(sandbox_home), SETTINGS)
    assert second.status == "done"
    assert [error.url for error in second.errors] == [obama_site.start_url]
    assert second.comparison == {"new": 0, "gone": 0, "unchanged": 0, "unchecked": 5}


def test_cancelled_scan_resumes_without_losing_or_duplicating_a_finding(
    obama_case, obama_site: PlantedSite, site: LoopbackSite, scan_face_engine, sandbox_home: Path
) -> None:
    control = ScanControl()
    site.hold_images_after(4)  # the scan stalls after four images, until released

    def cancel_when_stalled(progress: ScanProgress) -> None:
        if progress.images_done >= 4 and not control.cancelled:
            control.cancel()
            site.release()

    interrupted = scan_case(
        scan_face_engine,
        obama_case,
        _collector(sandbox_home),
        SETTINGS,
        control=control,
        on_progress=cancel_when_stalled,
    )
    assert interrupted.status == "cancelled"
    assert obama_case.resumable_scan() == interrupted.scan_id
    assert len(interrupted.findings) < len(obama_site.planted)

    resumed = scan_case(
        scan_face_engine, obama_case, _collector(sandbox_home), SETTINGS, resume=True
    )
    assert resumed.status == "done"
    assert resumed.resumed and resumed.scan_id == interrupted.scan_id
    assert {f.image_url for f in resumed.findings} == set(obama_site.planted)
    assert len(obama_case.findings()) == len(obama_site.planted) - 1  # the copy: same finding
    assert [row.status for row in obama_case.scans()] == ["done"]
    assert resumed.stats["images_cached"] >= 1  # what was analysed before the cancel


def test_pause_stops_new_work_until_resumed(
    obama_case, obama_site: PlantedSite, scan_face_engine, sandbox_home: Path
) -> None:
    # Paused before the first image: pausing mid-scan let every image of this small site be
    # in flight already, when (rightly) they all finish and the scan ends before the pause
    # is seen — so the test pauses first, and nothing may be analysed until it resumes.
    control = ScanControl()
    control.pause()
    seen = {"paused_updates": 0}

    def resume_after_a_while(progress: ScanProgress) -> None:
        if progress.paused:
            seen["paused_updates"] += 1
            assert progress.images_done == 0, "an image was analysed while paused"
            if seen["paused_updates"] >= 4:
                control.resume()

    outcome = scan_case(
        scan_face_engine,
        obama_case,
        _collector(sandbox_home),
        SETTINGS,
        control=control,
        on_progress=resume_after_a_while,
    )
    assert seen["paused_updates"] >= 4
    assert outcome.status == "done"
    assert {f.image_url for f in outcome.findings} == set(obama_site.planted)


def test_a_failing_source_never_aborts_the_scan(
    case_store, obama_site: PlantedSite, site: LoopbackSite, scan_face_engine, sandbox_home: Path
) -> None:
    from faceaudit.store import Person

    from .conftest import PASSPHRASE

    broken_jpeg = obama_site.reference.read_bytes()[:2000]
    corrupt_page = site.page("/corrupt.html", '<img src="/img/broken.jpg">')
    site.serve("/img/broken.jpg", broken_jpeg, "image/jpeg")
    missing = site.url("/gone.html")
    closed_port = "http://127.0.0.1:9/nothing-listens-here"
    case = case_store.create("mixed", PASSPHRASE, person=Person())
    (reference,) = scan_face_engine.enrol([("me", obama_site.reference.read_bytes())])
    case.add_reference("me", obama_site.reference.read_bytes(), reference)
    case.add_sources([missing, obama_site.start_url, closed_port, corrupt_page])

    outcome = scan_case(scan_face_engine, case, _collector(sandbox_home), SETTINGS)

    assert outcome.status == "done"
    assert {f.image_url for f in outcome.findings} == set(obama_site.planted)
    errors = {error.url: error.error for error in outcome.errors}
    assert set(errors) == {missing, closed_port, site.url("/img/broken.jpg")}
    assert "404" in errors[missing] or "not found" in errors[missing].lower()
    assert all(len(message) > 20 for message in errors.values())
    status = {row.source: (row.status, row.error) for row in case.scan_sources(outcome.scan_id)}
    assert status[obama_site.start_url] == ("ok", None)
    assert status[corrupt_page] == ("ok", None)
    assert status[missing][0] == status[closed_port][0] == "error"
    assert outcome.stats["sources_failed"] == 2
    case.close()


def test_a_video_placed_twice_on_a_page_is_one_finding_with_its_frame_times(
    case_store, site: LoopbackSite, examples_dir: Path, scan_face_engine, sandbox_home: Path
) -> None:
    """The collector delivers the second placement of a video (same URL, here <a href>) in the
    first frame's ``also_at``: the clip is one finding, reported once for that page and URL
    with every frame time where he was seen, never one row per frame nor a "still image"
    without a time."""
    from faceaudit.store import Person

    from .conftest import PASSPHRASE

    reference = (examples_dir / "lin-manuel-miranda.png").read_bytes()
    video = site.serve(
        "/clip.mp4", (examples_dir / "short_hamilton_clip.mp4").read_bytes(), "video/mp4"
    )
    page = site.page("/show.html", '<video src="/clip.mp4"></video><a href="/clip.mp4">clip</a>')
    case = case_store.create("lin", PASSPHRASE, person=Person())
    (enrolled,) = scan_face_engine.enrol([("lin", reference)])
    case.add_reference("lin", reference, enrolled)
    case.add_sources([page])

    outcome = scan_case(scan_face_engine, case, _collector(sandbox_home), SETTINGS)

    assert outcome.status == "done" and outcome.errors == []
    [row] = case.findings()
    times = case.finding_frames(row.id)
    assert len(times) >= 3 and times == sorted(times)  # on screen for several seconds
    assert row.frame_time is not None and row.image_url == video
    assert row.similarity == max(
        f.similarity for f in outcome.findings
    )  # the clip keeps its best frame's score
    assert len(outcome.findings) == 1  # <video> and <a href>: the same page, the same URL
    for report in outcome.findings:
        assert report.image_url == video and report.finding_id == row.id
        assert list(report.frame_times) == times and report.frame_time == times[0]
    case.close()


def test_a_damaged_face_cache_entry_is_skipped_rebuilt_and_reported(
    obama_case, obama_site: PlantedSite, scan_face_engine, sandbox_home: Path
) -> None:
    import sqlite3

    from faceaudit.store import DB_FILE

    first = scan_case(scan_face_engine, obama_case, _collector(sandbox_home), SETTINGS)
    assert first.status == "done" and first.errors == []
    raw = sqlite3.connect(obama_case.directory / DB_FILE, isolation_level=None)
    key, blob = raw.execute("SELECT cache_key, faces_blob FROM face_cache LIMIT 1").fetchone()
    damaged = bytearray(blob)
    damaged[len(damaged) // 2] ^= 0x80
    raw.execute("UPDATE face_cache SET faces_blob = ? WHERE cache_key = ?", (bytes(damaged), key))
    raw.close()

    second = scan_case(scan_face_engine, obama_case, _collector(sandbox_home), SETTINGS)
    assert second.status == "done"
    assert [e.url for e in second.errors] == ["face cache"]
    assert "rebuilt" in second.errors[0].error
    assert second.stats["images_cached"] == first.stats["images"] - 1
    assert _places(second) == _places(first)

    third = scan_case(scan_face_engine, obama_case, _collector(sandbox_home), SETTINGS)
    assert third.errors == []
    assert third.stats["images_cached"] == first.stats["images"]
