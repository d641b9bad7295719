"""Nothing left behind: the one-shot scan, `case delete`, `cache clear` and `purge`, checked
by reading every file under the data folder for the person's photo."""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from faceaudit.cli import main
from faceaudit.paths import resolve_paths
from faceaudit.store import CaseStore, KdfParams, Person

pytestmark = pytest.mark.models

PASSPHRASE = "cleanup cli passphrase"


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def page(tmp_path: Path, person_photos: dict[str, list[Path]]) -> Iterator[tuple[str, bytes]]:
    """A loopback page showing the person; yields its URL and the photo's bytes."""
    root = tmp_path / "www"
    root.mkdir()
    photo = person_photos["obama"][1].read_bytes()
    (root / "me.jpg").write_bytes(photo)
    (root / "index.html").write_text('<img src="me.jpg">')
    server = ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(root))
    )
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02})
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/", photo
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def _holding(home: Path, photo: bytes) -> list[Path]:
    """The files under ``home`` that contain the photo (a slice of it, in plain)."""
    needle = photo[1000:1064]
    return [p for p in home.rglob("*") if p.is_file() and needle in p.read_bytes()]


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_one_shot_keeps_nothing_unless_asked_and_cache_clear_removes_it(
    page: tuple[str, bytes],
    capsys: pytest.CaptureFixture[str],
    sandbox_home: Path,
    person_photos: dict[str, list[Path]],
) -> None:
    url, photo = page
    reference = str(person_photos["obama"][0])
    status, out, _ = _run(capsys, "scan", "--reference", reference, url, "--quiet")
    assert status == 0 and "match" in out
    assert _holding(sandbox_home, photo) == []

    assert _run(capsys, "scan", "--reference", reference, url, "--quiet", "--cache")[0] == 0
    assert _holding(sandbox_home, photo)  # asked for: kept in the HTTP cache
    status, out, _ = _run(capsys, "cache", "clear")
    assert status == 0 and "Removed 2 cached responses" in out
    assert _holding(sandbox_home, photo) == []
    status, out, _ = _run(capsys, "cache", "clear")
    assert status == 0 and "Removed 0 cached responses" in out
    assert _run(capsys, "collect", "--clear-cache")[0] == 0  # needs no source any more


def test_case_delete_removes_its_cached_responses_and_purge_everything(
    page: tuple[str, bytes],
    capsys: pytest.CaptureFixture[str],
    sandbox_home: Path,
    monkeypatch: pytest.MonkeyPatch,
    person_photos: dict[str, list[Path]],
    face_engine,
) -> None:
    url, photo = page
    store = CaseStore(resolve_paths(sandbox_home), kdf=KdfParams(n=2**10, r=8, p=1))
    for name in ("kim", "lee"):
        with store.create(name, PASSPHRASE, person=Person(full_name=name)) as case:
            data = person_photos["obama"][0].read_bytes()
            case.add_reference("me.jpg", data, face_engine.enrol([("me.jpg", data)])[0])
            case.add_sources([url])
    monkeypatch.setenv("FACEAUDIT_PASSPHRASE", PASSPHRASE)
    assert _run(capsys, "scan", "--case", "kim", "--quiet")[0] == 0
    cached = _holding(sandbox_home, photo)
    assert cached and all("cache" in p.parts for p in cached)  # the case file is encrypted

    status, out, _ = _run(capsys, "case", "delete", "kim", "--yes")
    assert status == 0 and "2 cached responses" in out
    assert _holding(sandbox_home, photo) == []

    # purge: every case, the cache, the letters, the local directory; a typed confirmation.
    assert _run(capsys, "scan", "--case", "lee", "--quiet")[0] == 0
    add = ["operators", "add", "--name", "Tiny Ltd", "--email", "p@tiny.example"]
    assert _run(capsys, *add)[0] == 0
    status, _, err = _run(capsys, "purge")
    assert status == 2 and "--yes" in err  # no terminal to type the confirmation on
    assert store.exists("lee")
    status, out, _ = _run(capsys, "purge", "--yes")
    assert status == 0 and "1 case (lee)" in out and "cached response" in out
    assert not store.exists("lee") and _holding(sandbox_home, photo) == []
    assert not (sandbox_home / "operators").exists() and not (sandbox_home / "exports").exists()
