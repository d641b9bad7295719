"""TLS, the private cache, videos, cancellation and how callbacks are called."""

from __future__ import annotations

import datetime
import hashlib
import ipaddress
import json
import ssl
import stat
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pytest

from faceaudit.collect import Candidate, Collector, CollectProgress, clear_cache

from .conftest import Site, fast_settings, send

if TYPE_CHECKING:
    from .conftest import RunCollect


def _self_signed(tmp_path: Path) -> ssl.SSLContext:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "faceaudit-test")])
    now = datetime.datetime.now(datetime.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.IPv4Address("127.0.0.1"))]),
            critical=False,
        )
        .sign(key, hashes.SHA256())
    )
    cert_file, key_file = tmp_path / "cert.pem", tmp_path / "key.pem"
    cert_file.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert_file, key_file)
    return context


@pytest.fixture
def tls_site(tmp_path: Path) -> Iterator[Site]:
    server = Site("127.0.0.1", tls=_self_signed(tmp_path))
    yield server
    server.close()


def test_tls_failures_are_clear_and_the_opt_out_is_loud(
    tls_site: Site, run: RunCollect, make_image: Callable[..., bytes]
) -> None:
    url = tls_site.static("/me.jpg", make_image((10, 20, 30)), "image/jpeg")

    refused = run([url])
    assert "failed its certificate check" in refused.error_for(url)
    assert refused.candidates == []

    allowed = run([url], unverified_tls_hosts=frozenset({"127.0.0.1"}))
    assert url in allowed.by_url()
    assert "Certificate checks are OFF for this source" in allowed.error_for(url)


def test_a_secure_response_that_drips_until_the_server_hangs_up_meets_the_deadline(
    tls_site: Site, run: RunCollect
) -> None:
    stop = threading.Event()

    def drip_then_close(request: BaseHTTPRequestHandler) -> None:
        request.send_response(200)
        request.send_header("Content-Type", "image/jpeg")
        request.send_header("Connection", "close")  # no length: the body ends at hang-up
        request.end_headers()
        request.close_connection = True
        for _ in range(200):  # ~10 s, then gives up
            if stop.wait(0.05):
                return
            request.wfile.write(b"x")
            request.wfile.flush()

    url = tls_site.add("/drip.jpg", drip_then_close)
    try:
        result = run(
            [url], deadline=1.0, read_timeout=0.5, unverified_tls_hosts=frozenset({"127.0.0.1"})
        )
    finally:
        stop.set()
    assert "did not deliver the response within 1 s" in " ".join(e.error for e in result.errors)
    assert result.stats is not None and result.stats.seconds < 4


def _conditional(
    body: bytes, content_type: str, etag: str
) -> Callable[[BaseHTTPRequestHandler], None]:
    def handler(request: BaseHTTPRequestHandler) -> None:
        if request.headers.get("If-None-Match") == etag:
            request.send_response(304)
            request.send_header("ETag", etag)
            request.send_header("Content-Length", "0")
            request.end_headers()
            return
        send(request, body, content_type, headers={"ETag": etag})

    return handler


def test_rescan_of_unchanged_pages_uses_the_private_cache(
    site: Site, run: RunCollect, cache_dir: Path, make_image: Callable[..., bytes]
) -> None:
    photo = make_image((99, 1, 1), size=(300, 200))
    page = b'<img src="/me.jpg">'
    site.add("/page", _conditional(page, "text/html", '"p1"'))
    site.add("/me.jpg", _conditional(photo, "image/jpeg", '"m1"'))

    first = run([site.url("/page")])
    second = run([site.url("/page")])

    assert first.stats is not None and second.stats is not None
    assert first.stats.bytes_downloaded == len(page) + len(photo)
    assert second.stats.from_cache == 2 and second.stats.bytes_downloaded == 0
    assert second.by_url()[site.url("/me.jpg")].data == photo
    # Private, and named by the hash of the URL, never by anything the server chose.
    entries = cache_dir / "entries"
    files = [path for path in entries.rglob("*") if path.is_file()]
    assert files
    url_hash = hashlib.sha256(site.url("/me.jpg").encode()).hexdigest()
    assert {path.stem for path in files} == {
        url_hash,
        hashlib.sha256(site.url("/page").encode()).hexdigest(),
    }
    for path in files:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    for folder in [cache_dir, entries, *[p for p in entries.rglob("*") if p.is_dir()]]:
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700

    clear_cache(cache_dir)
    assert not any(path.is_file() for path in cache_dir.rglob("*"))
    third = run([site.url("/page")])
    assert third.stats is not None and third.stats.from_cache == 0


def test_fresh_cached_images_are_reused_without_asking_the_server(
    site: Site, run: RunCollect, cache_dir: Path, make_image: Callable[..., bytes]
) -> None:
    declared = make_image((1, 99, 1), size=(120, 80))
    old = make_image((1, 1, 99), size=(120, 80))
    page = b'<img src="/declared.jpg"><img src="/old.jpg">'
    site.add("/page", _conditional(page, "text/html", '"p1"'))
    site.static("/declared.jpg", declared, "image/jpeg", headers={"Cache-Control": "max-age=3600"})
    # No explicit lifetime, but unchanged for a year: reused for a while (heuristic freshness).
    site.static(
        "/old.jpg",
        old,
        "image/jpeg",
        headers={"Last-Modified": "Tue, 01 Oct 2024 10:00:00 GMT", "ETag": '"o1"'},
    )

    run([site.url("/page")])
    # Age every cache entry, as if the first scan had run long ago.
    for meta in (cache_dir / "entries").rglob("*.json"):
        entry = json.loads(meta.read_text())
        entry["fetched_at"] = "2020-01-01T00:00:00+00:00"
        meta.write_text(json.dumps(entry))
    site.hits.clear()
    again = run([site.url("/page")])
    # The page is asked again (it lists the images); the images are not, and their
    # provenance keeps the time the server last sent them.
    assert [hit.path for hit in site.hits] == ["/page"]
    for url in (site.url("/declared.jpg"), site.url("/old.jpg")):
        assert again.by_url()[url].provenance.fetched_at == "2020-01-01T00:00:00+00:00"
    assert again.by_url()[site.url("/declared.jpg")].data == declared
    assert again.by_url()[site.url("/old.jpg")].data == old

    site.hits.clear()
    run([site.url("/page")], honour_freshness=False)
    assert sorted(hit.path for hit in site.hits) == ["/declared.jpg", "/old.jpg", "/page"]


@pytest.mark.parametrize(
    ("headers", "kind", "expected"),
    [
        ({"Cache-Control": "max-age=60"}, "html", 60.0),
        ({"Cache-Control": "no-cache, max-age=60"}, "image", 0.0),
        ({"Cache-Control": "max-age=99999999"}, "image", 7 * 24 * 3600.0),
        ({"Cache-Control": "max-age=abc"}, "image", 0.0),
        (
            {"Date": "Sun, 01 Nov 2026 00:00:00 GMT", "Expires": "Sun, 01 Nov 2026 01:00:00 GMT"},
            "image",
            3600.0,
        ),
        ({"Expires": "0"}, "image", 0.0),
        (
            {
                "Date": "Sun, 01 Nov 2026 00:00:00 GMT",
                "Last-Modified": "Sat, 31 Oct 2026 14:00:00 GMT",
            },
            "image",
            3600.0,  # 10% of the 10 hours since the last change
        ),
        ({"Last-Modified": "Tue, 01 Oct 2024 10:00:00 GMT"}, "html", 0.0),  # pages: always ask
        ({"Last-Modified": "Tue, 01 Oct 2024 10:00:00 GMT"}, "image", 24 * 3600.0),
        ({}, "image", 0.0),
    ],
)
def test_freshness_rules(headers: dict[str, str], kind: str, expected: float) -> None:
    from faceaudit.collect.fetch import freshness

    now = 1_793_491_200.0  # 2026-11-01T00:00:00Z
    assert freshness(headers, kind, now) == pytest.approx(expected)


def test_video_is_downloaded_and_sampled_at_one_frame_per_second(
    site: Site, run: RunCollect, examples_dir: Path, cache_dir: Path
) -> None:
    clip = (examples_dir / "short_hamilton_clip.mp4").read_bytes()
    video_url = site.static("/clip.mp4", clip, "video/mp4")
    page = site.static("/watch", b'<video poster="/none.jpg"><source src="/clip.mp4"></video>')
    frames: list[Candidate] = []
    spool_modes: list[list[int]] = []

    def keep(candidate: Candidate) -> None:
        frames.append(candidate)
        spooled = (cache_dir / "spool").rglob("*.bin")
        spool_modes.append([stat.S_IMODE(path.stat().st_mode) for path in spooled])

    collector = Collector(fast_settings(video_scene_changes=False), cache_dir)
    stats = collector.collect([page], keep, lambda error: None)

    video_frames = [c for c in frames if c.frame is not None]
    assert stats.frames == len(video_frames) == 10
    times = [c.provenance.frame_time for c in video_frames]
    assert times == pytest.approx([i * 1001 / 1000 for i in range(10)], abs=0.01)
    digest = hashlib.sha256(clip).hexdigest()
    for candidate in video_frames:
        provenance = candidate.provenance
        assert provenance.found_by == "video-frame"
        assert provenance.image_url == video_url and provenance.page_url == page
        assert provenance.sha256 == digest and provenance.byte_size == len(clip)
        assert provenance.content_type == "video/mp4"
        assert isinstance(candidate.frame, np.ndarray)
        assert candidate.frame.shape == (360, 640, 3) and candidate.frame.dtype == np.uint8
    # The download was spooled to a private temp file, deleted once sampled.
    assert spool_modes[0] == [0o600]
    assert not list((cache_dir / "spool").rglob("*.bin"))


def test_cancel_stops_between_requests_and_callbacks_never_overlap(
    site: Site, cache_dir: Path, make_image: Callable[..., bytes]
) -> None:
    tags = []
    for index in range(40):
        site.static(f"/{index}.jpg", make_image((index, index, 255 - index)), "image/jpeg")
        tags.append(f'<img src="/{index}.jpg">')
    page = site.static("/", "".join(tags).encode())
    cancel = threading.Event()
    active = 0
    overlaps = 0
    delivered: list[Candidate] = []
    guard = threading.Lock()

    def on_candidate(candidate: Candidate) -> None:
        nonlocal active, overlaps
        with guard:
            active += 1
            overlaps += active > 1
        delivered.append(candidate)
        if len(delivered) == 5:
            cancel.set()
        with guard:
            active -= 1

    progress: list[CollectProgress] = []
    collector = Collector(fast_settings(concurrency=4, per_host=4), cache_dir)
    stats = collector.collect([page], on_candidate, lambda error: None, progress.append, cancel)

    assert progress and progress[-1].pages_done == 1
    assert page in {p.current for p in progress}
    assert max(p.candidates for p in progress) >= 5
    assert stats.cancelled
    assert 5 <= len(delivered) < 40
    assert overlaps == 0
    # At most the requests already in flight when cancel was set went out afterwards.
    assert len(site.hits) <= 1 + 5 + 4


def test_scene_changes_add_frames_between_samples(tmp_path: Path) -> None:
    import cv2

    from faceaudit.collect.video import sample_frames

    path = tmp_path / "cut.mp4"
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"mp4v"), 10.0, (64, 48))
    for index in range(30):  # 3 s at 10 fps: dark until 1.5 s, then bright
        writer.write(np.full((48, 64, 3), 20 if index < 15 else 230, dtype=np.uint8))
    writer.release()

    frames = list(sample_frames(path, every=1.0))

    assert [frame.time for frame in frames if not frame.scene_change] == [0.0, 1.0, 2.0]
    cuts = [frame for frame in frames if frame.scene_change]
    assert len(cuts) == 1 and 1.4 <= cuts[0].time <= 1.8
    assert cuts[0].image.mean() > 200
    assert (
        list(sample_frames(path, every=1.0, max_frames=2))
        and len(list(sample_frames(path, every=1.0, max_frames=2))) == 2
    )


def test_svg_images_are_skipped_quietly(site: Site, run: RunCollect) -> None:
    svg = b'<?xml version="1.0" encoding="UTF-8"?>\n<!-- logo -->\n<svg xmlns="http://www.w3.org/2000/svg"/>'
    site.static("/logo.svg", svg, "image/svg+xml")
    page = site.static("/", b'<img src="/logo.svg">')
    result = run([page])
    assert result.candidates == [] and result.errors == []


def test_cache_is_bounded_oldest_first(tmp_path: Path) -> None:
    import os

    from faceaudit.collect.cache import CacheEntry, HttpCache

    cache = HttpCache(tmp_path / "cache", max_bytes=40_000)
    for index in range(8):
        url = f"https://example.com/{index}.jpg"
        cache.store(
            CacheEntry(url, 200, url, "image/jpeg", f'"{index}"', None, 9_000), b"x" * 9_000
        )
        body = cache.body_path(url)
        os.utime(body, (1_000_000 + index, 1_000_000 + index))  # a strict age order
    assert cache.size() <= 40_000
    assert cache.lookup("https://example.com/7.jpg") is not None
    assert cache.lookup("https://example.com/0.jpg") is None
    assert cache.body("https://example.com/7.jpg", max_bytes=100) is None  # over the caller's cap
