"""Scans, images seen, the face cache, findings, evidence and reviews, on a real case file."""

from __future__ import annotations

import hashlib

import cv2
import numpy as np
import pytest

from faceaudit.faces.types import FaceMatch, Verdict
from faceaudit.imaging import probe
from faceaudit.store import Case, CaseStore, UnknownRowError


def test_scan_lifecycle_and_resume(case: Case) -> None:
    assert case.resumable_scan() is None
    scan_id = case.start_scan({"depth": 1, "threshold": 0.4})
    assert case.resumable_scan() == scan_id  # running (e.g. killed) scans can resume
    case.source_done(scan_id, "https://a.test/", "ok", stats={"images": 3})
    case.source_done(scan_id, "https://b.test/", "error", error="Timed out.")
    case.source_done(scan_id, "https://b.test/", "ok")  # a retry replaces, never duplicates
    assert case.sources_done(scan_id) == {"https://a.test/", "https://b.test/"}
    case.update_scan_stats(scan_id, {"images": 3})
    case.finish_scan(scan_id, {"images": 5}, "cancelled")
    assert case.resumable_scan() == scan_id
    case.resume_scan(scan_id)
    case.finish_scan(scan_id, {"images": 7}, "done")
    assert case.resumable_scan() is None
    row = case.scan(scan_id)
    assert (row.status, row.settings, row.stats) == (
        "done",
        {"depth": 1, "threshold": 0.4},
        {"images": 7},
    )
    with pytest.raises(ValueError):
        case.finish_scan(scan_id, {}, "exploded")
    with pytest.raises(UnknownRowError):
        case.finish_scan(999, {}, "done")


def test_record_image_is_idempotent_per_place(case: Case, samples, photo_bytes) -> None:
    scan_id = case.start_scan({})
    seen = samples.provenance(photo_bytes)
    first = case.record_image(scan_id, seen)
    assert case.record_image(scan_id, seen) == first
    elsewhere = samples.provenance(photo_bytes, page="http://127.0.0.2:8000/other.html")
    direct = samples.provenance(photo_bytes, page=None)
    frame = samples.provenance(photo_bytes, page=None, frame_time=2.5)
    ids = {case.record_image(scan_id, p) for p in (elsewhere, direct, frame, direct)}
    assert len(ids | {first}) == 4
    images = case.images(scan_id)
    assert [p.page_url for p in images] == [seen.page_url, elsewhere.page_url, None, None]
    assert images[3].frame_time == 2.5 and images[2].frame_time is None
    assert images[0] == seen


def test_processed_images_are_remembered(case: Case) -> None:
    scan_id = case.start_scan({})
    assert not case.image_processed(scan_id, "ab" * 32)
    case.mark_image_processed(scan_id, "ab" * 32, 3)
    case.mark_image_processed(scan_id, "ab" * 32, 3)
    assert case.image_processed(scan_id, "ab" * 32)
    assert case.processed_count(scan_id) == 1
    assert not case.image_processed(case.start_scan({}), "ab" * 32)


def test_face_cache_round_trip(case: Case, samples) -> None:
    faces = [samples.make_face(1), samples.make_face(2, (200.0, 10.0, 260.5, 90.25))]
    assert case.cached_faces("cd" * 32) is None
    case.store_faces("cd" * 32, faces)
    back = case.cached_faces("cd" * 32)
    assert back is not None and len(back) == 2
    for original, restored in zip(faces, back, strict=True):
        assert restored.bbox == original.bbox
        assert restored.landmarks == original.landmarks
        assert restored.det_score == pytest.approx(original.det_score)
        assert np.array_equal(restored.embedding, original.embedding)
    case.store_faces("ee" * 32, [])  # an image without faces is cached too
    assert case.cached_faces("ee" * 32) == []


def test_finding_is_idempotent_and_tracks_sightings(case: Case, samples, photo_bytes) -> None:
    sha = hashlib.sha256(photo_bytes).hexdigest()
    thumb = samples.jpeg_crop(photo_bytes)
    scan1 = case.start_scan({})
    here = samples.provenance(photo_bytes)
    there = samples.provenance(photo_bytes, page="http://127.0.0.2:8000/blog.html")
    match = samples.make_match(5)
    first = case.add_finding(scan1, sha, here, match, thumb, photo_bytes)
    # Same bytes, same box (up to float noise), another page: the same finding.
    nudged = samples.make_match(5, (10.45, 20.61, 110.18, 140.93))
    assert case.add_finding(scan1, sha, there, nudged, thumb, photo_bytes) == first
    assert case.add_finding(scan1, sha, there, nudged, thumb, photo_bytes) == first
    other_face = case.add_finding(
        scan1, sha, here, samples.make_match(6, (300.0, 20.0, 380.0, 120.0)), thumb
    )
    assert other_face != first
    [row, _] = case.findings()
    assert row.id == first and row.review == "unreviewed" and row.is_new
    assert row.page_url == here.page_url and row.image_url == here.image_url
    assert row.bbox == pytest.approx((10.4, 20.6, 110.2, 140.9))
    assert row.verdict == "match" and row.similarity == pytest.approx(0.71)
    assert [s.page_url for s in case.finding_sightings(first)] == [here.page_url, there.page_url]
    assert case.finding_thumbnail(first) == thumb
    assert case.finding_evidence(first) == photo_bytes
    info = case.evidence_info(first)
    assert info is not None and info.stored_sha256 == sha == info.image_sha256 and not info.reduced


def test_findings_across_scans_new_gone_unchanged(case: Case, samples, photo_bytes) -> None:
    sha = hashlib.sha256(photo_bytes).hexdigest()
    thumb = samples.jpeg_crop(photo_bytes)
    scan1 = case.start_scan({})
    kept = case.add_finding(
        scan1, sha, samples.provenance(photo_bytes), samples.make_match(1), thumb
    )
    gone = case.add_finding(
        scan1,
        "f" * 64,
        samples.provenance(b"x", image_url="http://127.0.0.1:8000/old.jpg"),
        samples.make_match(2),
        thumb,
    )
    case.record_image(scan1, samples.provenance(photo_bytes))
    case.record_image(scan1, samples.provenance(b"x", image_url="http://127.0.0.1:8000/old.jpg"))
    case.finish_scan(scan1, {}, "done")
    scan2 = case.start_scan({})
    assert (
        case.add_finding(scan2, sha, samples.provenance(photo_bytes), samples.make_match(1), thumb)
        == kept
    )
    new = case.add_finding(
        scan2,
        "e" * 64,
        samples.provenance(b"y", image_url="http://127.0.0.1:8000/new.jpg"),
        samples.make_match(3),
        thumb,
    )
    case.record_image(scan2, samples.provenance(photo_bytes))
    case.record_image(scan2, samples.provenance(b"y", image_url="http://127.0.0.1:8000/new.jpg"))
    case.source_done(scan2, samples.provenance(b"y").source, "ok")
    case.record_checked(scan2, ["http://127.0.0.1:8000/team.html"])  # the page was read
    case.finish_scan(scan2, {}, "done")
    assert case.compare_scans(scan1, scan2) == {
        "new": [new],
        "gone": [gone],
        "unchanged": [kept],
        "unchecked": [],
    }
    assert [f.id for f in case.findings(new_only=True)] == [new]
    assert [f.id for f in case.findings(scan_id=scan1)] == [kept, gone]
    assert [f.id for f in case.findings(new_only=True, scan_id=scan1)] == [kept, gone]
    row = case.finding(kept)
    assert (row.first_scan_id, row.last_scan_id, row.is_new) == (scan1, scan2, False)

    # The source is down at the next scan: what it showed before is not "gone", only unchecked.
    scan3 = case.start_scan({})
    case.source_done(scan3, samples.provenance(b"y").source, "error", "connection refused")
    case.finish_scan(scan3, {}, "done")
    assert case.compare_scans(scan2, scan3) == {
        "new": [],
        "gone": [],
        "unchanged": [],
        "unchecked": [kept, new],
    }


def test_review_and_filters(case: Case, samples, photo_bytes) -> None:
    sha = hashlib.sha256(photo_bytes).hexdigest()
    scan = case.start_scan({})
    thumb = samples.jpeg_crop(photo_bytes)
    possible = FaceMatch(samples.make_face(9, (1.0, 1.0, 50.0, 50.0)), 0.33, Verdict.POSSIBLE, 0)
    a = case.add_finding(
        scan, sha, samples.provenance(photo_bytes), samples.make_match(1), thumb, photo_bytes
    )
    b = case.add_finding(scan, sha, samples.provenance(photo_bytes), possible, thumb, photo_bytes)
    case.review(a, "confirmed")
    assert case.finding(a).review == "confirmed" and case.finding(a).reviewed_at
    assert [f.id for f in case.findings(verdicts=["possible"])] == [b]
    assert [f.id for f in case.findings(reviews=["confirmed"])] == [a]
    assert case.findings(verdicts=[]) == []
    case.review(a, "unreviewed")
    assert case.finding(a).reviewed_at is None
    with pytest.raises(ValueError):
        case.review(a, "maybe")
    with pytest.raises(UnknownRowError):
        case.review(12345, "confirmed")
    # "Not me" on every finding of an image drops its evidence copy: it shows someone else.
    case.review(a, "rejected")
    assert case.finding_evidence(a) == photo_bytes  # b still needs it
    case.review(b, "rejected")
    assert case.finding_evidence(a) is None
    assert not case.finding(b).has_evidence
    # A later scan that sees the same faces again (its face cache cleared, say) does not bring
    # the stranger's image back: both findings are still "not me".
    scan2 = case.start_scan({})
    for match in (samples.make_match(1), possible):
        case.add_finding(scan2, sha, samples.provenance(photo_bytes), match, thumb, photo_bytes)
    assert case.finding_evidence(a) is None and not case.finding(b).has_evidence
    # A new face of the person in that image needs the evidence again.
    other = FaceMatch(samples.make_face(8, (200.0, 20.0, 300.0, 140.0)), 0.8, Verdict.MATCH, 0)
    c = case.add_finding(scan2, sha, samples.provenance(photo_bytes), other, thumb, photo_bytes)
    assert case.finding_evidence(c) == photo_bytes


def test_evidence_policies(store: CaseStore, samples, photo_bytes) -> None:
    thumb = samples.jpeg_crop(photo_bytes)
    # A large PNG (the real photo enlarged) is worth reducing; the small JPEG is kept as is.
    pixels = cv2.imdecode(np.frombuffer(photo_bytes, np.uint8), cv2.IMREAD_COLOR)
    big = cv2.imencode(".png", cv2.resize(pixels, None, fx=3, fy=3))[1].tobytes()
    big_sha = hashlib.sha256(big).hexdigest()
    sha = hashlib.sha256(photo_bytes).hexdigest()
    with store.create("reduced", samples.passphrase, evidence_policy="reduced") as case:
        scan = case.start_scan({})
        finding = case.add_finding(
            scan, big_sha, samples.provenance(big), samples.make_match(1), thumb, big
        )
        kept = case.finding_evidence(finding)
        info = case.evidence_info(finding)
        assert kept is not None and info is not None
        assert info.reduced and info.image_sha256 == big_sha and info.original_size == len(big)
        assert info.stored_sha256 == hashlib.sha256(kept).hexdigest()
        assert probe(kept).format == "JPEG" and max(probe(kept).width, probe(kept).height) <= 1600
        small = case.add_finding(
            scan, sha, samples.provenance(photo_bytes), samples.make_match(2), thumb, photo_bytes
        )
        assert case.finding_evidence(small) == photo_bytes
    with store.create("none", samples.passphrase, evidence_policy="none") as case:
        scan = case.start_scan({})
        finding = case.add_finding(
            scan, sha, samples.provenance(photo_bytes), samples.make_match(1), thumb, photo_bytes
        )
        assert case.finding_evidence(finding) is None
        case.set_evidence_policy("full")
        assert case.evidence_policy == "full"


def test_letters_tables_take_rows_through_connection(case: Case) -> None:
    with case.connection() as conn:
        letter = conn.execute(
            "INSERT INTO letters (created_at, type, jurisdiction, language, operator_json)"
            " VALUES ('2026-03-01', 'access', 'FR', 'fr', '{}')"
        ).lastrowid
        conn.execute(
            "INSERT INTO requests (letter_id, sent_at, channel, due_at, status)"
            " VALUES (?, '2026-03-02', 'email', '2026-04-02', 'sent')",
            (letter,),
        )
    assert case.counts()["requests"] == 1
    # A failed transaction leaves nothing behind.
    with pytest.raises(RuntimeError), case.connection() as conn:
        conn.execute(
            "INSERT INTO letters (created_at, type, jurisdiction, language, operator_json)"
            " VALUES ('2026-03-03', 'erasure', 'FR', 'fr', '{}')"
        )
        raise RuntimeError("letter rendering failed")
    assert case.counts()["letters"] == 1


def test_batch_commits_together_or_not_at_all(case: Case, samples, photo_bytes) -> None:
    sha = hashlib.sha256(photo_bytes).hexdigest()
    thumb = samples.jpeg_crop(photo_bytes)
    scan = case.start_scan({})
    with case.batch():
        case.record_image(scan, samples.provenance(photo_bytes))
        case.store_faces(sha, [samples.make_face(1)])
        case.add_finding(scan, sha, samples.provenance(photo_bytes), samples.make_match(1), thumb)
        case.mark_image_processed(scan, sha, 1)
    assert case.image_processed(scan, sha) and len(case.findings()) == 1

    other = "0" * 64
    with pytest.raises(RuntimeError), case.batch():
        case.store_faces(other, [samples.make_face(2)])
        case.add_finding(scan, other, samples.provenance(b"z"), samples.make_match(2), thumb)
        raise RuntimeError("the worker died before marking the image processed")
    assert case.cached_faces(other) is None and len(case.findings()) == 1
    assert not case.image_processed(scan, other)

    # A failed call caught inside the batch is undone alone; the rest commits.
    with case.batch():
        case.mark_image_processed(scan, other, 0)
        with pytest.raises(UnknownRowError):
            case.review(999, "confirmed")
        with pytest.raises(ValueError):
            case.source_done(scan, "https://a.test/", "maybe")
    assert case.image_processed(scan, other)
