"""`faceaudit scan`: the one-shot and case-mode contracts, against a real loopback server."""

from __future__ import annotations

import functools
import json
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from faceaudit.cli import main

pytestmark = pytest.mark.models

PASSPHRASE = "correct horse battery staple"


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def photo_site(tmp_path: Path, person_photos: dict[str, list[Path]]) -> Iterator[dict[str, str]]:
    """A two-image page on 127.0.0.1: the person once, a stranger once."""
    root = tmp_path / "www"
    (root / "img").mkdir(parents=True)
    person, stranger = person_photos["obama"][1], person_photos["biden"][0]
    (root / "img" / "me.jpg").write_bytes(person.read_bytes())
    (root / "img" / "other.jpg").write_bytes(stranger.read_bytes())
    (root / "index.html").write_text(
        '<html><body><img src="img/me.jpg"><img src="img/other.jpg"></body></html>'
    )
    server = ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(root))
    )
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02})
    thread.start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        yield {
            "page": f"{base}/",
            "me": f"{base}/img/me.jpg",
            "other": f"{base}/img/other.jpg",
            "missing": f"{base}/no-such-page.html",
            "reference": str(person_photos["obama"][0]),
        }
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def _run_json(capsys: pytest.CaptureFixture[str], *args: str) -> dict:
    assert main(["scan", *args, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_one_shot_prints_the_json_contract_and_writes_no_file(
    photo_site: dict[str, str], capsys: pytest.CaptureFixture[str], sandbox_home: Path
) -> None:
    result = _run_json(
        capsys, "--reference", photo_site["reference"], photo_site["page"], photo_site["missing"]
    )

    assert [f["image_url"] for f in result["findings"]] == [photo_site["me"]]
    finding = result["findings"][0]
    assert {"page_url", "image_url", "found_by", "similarity", "verdict", "bbox"} <= set(finding)
    assert "frame_time" in finding and finding["frame_time"] is None
    assert finding["page_url"] == photo_site["page"] and finding["found_by"] == "img"
    assert finding["verdict"] in ("match", "possible") and 0.3 < finding["similarity"] <= 1
    assert len(finding["bbox"]) == 4
    assert [(e["url"], bool(e["error"])) for e in result["errors"]] == [
        (photo_site["missing"], True)
    ]
    stats = result["stats"]
    assert stats["pages"] == 1 and stats["images"] == 2 and stats["faces"] >= 2
    assert stats["seconds"] > 0
    written = [p.relative_to(sandbox_home) for p in sandbox_home.rglob("*") if p.is_file()]
    assert written == []  # memory only; `--cache` keeps the HTTP cache (test_cleanup_cli)


def test_one_shot_without_json_prints_a_table_and_progress(
    photo_site: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["scan", "--reference", photo_site["reference"], photo_site["page"]]) == 0
    captured = capsys.readouterr()
    assert photo_site["me"] in captured.out and photo_site["other"] not in captured.out
    assert "1 finding " in captured.out
    assert "progress: sources 1/1" in captured.err


def test_urls_file_with_comments_and_a_bad_line(
    photo_site: dict[str, str], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    listing = tmp_path / "urls.txt"
    listing.write_text(f"# my pages\n\n{photo_site['page']}\nnot a url at all\n")
    result = _run_json(capsys, "--reference", photo_site["reference"], "--urls-file", str(listing))
    assert [f["image_url"] for f in result["findings"]] == [photo_site["me"]]


@pytest.mark.parametrize(
    "arguments",
    [
        ["scan", "http://127.0.0.1:9/"],  # neither --reference nor --case
        ["scan", "--reference", "me.jpg", "--resume", "http://127.0.0.1:9/"],
        ["scan", "--case", "alice", "http://127.0.0.1:9/"],
        ["scan", "--reference", "me.jpg", "--depth", "-1", "http://127.0.0.1:9/"],
        ["scan", "--reference", "me.jpg"],  # nothing to scan
    ],
)
def test_unusable_arguments_exit_2(
    arguments: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    try:
        status = main(arguments)
    except SystemExit as stop:  # argparse's own check of a number's range
        status = stop.code
    assert status == 2
    assert "faceaudit scan:" in capsys.readouterr().err


def test_a_reference_without_a_face_is_a_clear_failure(
    photo_site: dict[str, str], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    import cv2
    import numpy as np

    blank = tmp_path / "blank.png"
    cv2.imwrite(str(blank), np.full((200, 200, 3), 200, np.uint8))
    assert main(["scan", "--reference", str(blank), photo_site["page"]]) == 1
    assert "No face" in capsys.readouterr().err


def _case_of_the_site(
    sandbox_home: Path,
    monkeypatch: pytest.MonkeyPatch,
    photo_site: dict[str, str],
    face_engine,
    *,
    reference=None,
    pack: str | None = None,
):
    """A case "me" listing the photo site, enrolled with its reference photo; passphrase set."""
    from faceaudit.paths import resolve_paths
    from faceaudit.store import CaseStore, KdfParams, Person

    store = CaseStore(resolve_paths(sandbox_home), kdf=KdfParams(n=2**10, r=8, p=1))
    photo = Path(photo_site["reference"]).read_bytes()
    with store.create("me", PASSPHRASE, person=Person()) as case:
        case.add_reference("me.jpg", photo, reference or face_engine.enrol([("me.jpg", photo)])[0])
        if pack is not None:
            case.set_model_pack(pack)
        case.add_sources([photo_site["page"]])
    monkeypatch.setenv("FACEAUDIT_PASSPHRASE", PASSPHRASE)
    return store


def test_case_mode_reports_new_gone_unchanged(
    photo_site: dict[str, str],
    capsys: pytest.CaptureFixture[str],
    sandbox_home: Path,
    monkeypatch: pytest.MonkeyPatch,
    face_engine,
) -> None:
    _case_of_the_site(sandbox_home, monkeypatch, photo_site, face_engine)

    first = _run_json(capsys, "--case", "me", "--quiet")
    assert (first["new"], first["gone"], first["unchanged"]) == (1, 0, 0)
    assert [(f["image_url"], f["new"]) for f in first["findings"]] == [(photo_site["me"], True)]
    assert isinstance(first["findings"][0]["id"], int)
    assert first["errors"] == [] and first["status"] == "done" and first["resumed"] is False

    second = _run_json(capsys, "--case", "me", "--quiet")
    assert (second["new"], second["gone"], second["unchanged"]) == (0, 0, 1)
    assert second["findings"][0]["id"] == first["findings"][0]["id"]
    assert second["stats"]["images_cached"] == second["stats"]["images"] == 2


def test_case_mode_without_references_fails_clearly(
    capsys: pytest.CaptureFixture[str], sandbox_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from faceaudit.paths import resolve_paths
    from faceaudit.store import CaseStore, KdfParams, Person

    store = CaseStore(resolve_paths(sandbox_home), kdf=KdfParams(n=2**10, r=8, p=1))
    store.create("empty", PASSPHRASE, person=Person()).close()
    monkeypatch.setenv("FACEAUDIT_PASSPHRASE", PASSPHRASE)
    assert main(["scan", "--case", "empty"]) == 1
    assert "no reference photo" in capsys.readouterr().err


def test_references_of_another_model_pack_are_re_embedded_from_the_stored_photos(
    photo_site: dict[str, str],
    capsys: pytest.CaptureFixture[str],
    sandbox_home: Path,
    monkeypatch: pytest.MonkeyPatch,
    face_engine,
) -> None:
    import dataclasses

    import numpy as np

    photo = Path(photo_site["reference"]).read_bytes()
    [enrolled] = face_engine.enrol([("me.jpg", photo)])
    # An embedding from another model lives in another space: to this pack it is noise.
    noise = np.random.default_rng(7).standard_normal(512).astype(np.float32)
    foreign = dataclasses.replace(enrolled, embedding=noise / np.linalg.norm(noise))
    store = _case_of_the_site(
        sandbox_home, monkeypatch, photo_site, face_engine, reference=foreign, pack="buffalo_l"
    )

    assert main(["scan", "--case", "me", "--json", "--quiet"]) == 0
    captured = capsys.readouterr()
    assert "re-embedding the stored photos with buffalo_sc" in captured.err
    found = json.loads(captured.out)["findings"]
    assert [finding["image_url"] for finding in found] == [photo_site["me"]]

    # Enrolling more photos with another pack than the case's is refused, nothing stored.
    assert main(["enroll", "--case", "me", photo_site["reference"]]) == 1
    assert "embedded with the buffalo_l model pack" in capsys.readouterr().err
    with store.open("me", PASSPHRASE) as case:
        assert len(case.reference_rows()) == 1


def test_a_second_scan_of_the_same_case_is_refused_while_one_runs(
    photo_site: dict[str, str],
    capsys: pytest.CaptureFixture[str],
    sandbox_home: Path,
    monkeypatch: pytest.MonkeyPatch,
    face_engine,
) -> None:
    store = _case_of_the_site(sandbox_home, monkeypatch, photo_site, face_engine)

    # The lock is on the file, as another process's running scan would hold it.
    with store.open("me", PASSPHRASE) as running, running.exclusive_scan():
        assert main(["scan", "--case", "me", "--quiet"]) == 1
        assert "already running" in capsys.readouterr().err
    with store.open("me", PASSPHRASE) as case:
        assert case.scans() == []  # the refused scan recorded nothing
    assert main(["scan", "--case", "me", "--quiet", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["status"] == "done"


def test_the_counts_agree_with_the_findings_listed_when_a_page_names_an_image_twice(
    photo_site: dict[str, str], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # An img and its srcset naming the same URL are one place, listed once: the progress
    # line and the JSON's stats must not count it twice.
    (tmp_path / "www" / "index.html").write_text(
        '<html><body><img src="img/me.jpg" srcset="img/me.jpg 1x, img/me.jpg 2x"></body></html>'
    )
    result = _run_json(capsys, "--reference", photo_site["reference"], photo_site["page"])
    assert len(result["findings"]) == 1
    assert result["stats"]["findings"] == 1


def test_render_finds_a_face_only_a_script_shows_and_writes_no_file(
    photo_site: dict[str, str],
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    sandbox_home: Path,
) -> None:
    pytest.importorskip("PySide6.QtWebEngineCore", reason="--render needs the PySide6 add-ons")
    (tmp_path / "www" / "scripted.html").write_text(
        "<html><body><script>setTimeout(() => { const img = new Image();"
        " img.src = 'img/me.jpg'; document.body.appendChild(img); }, 100);</script></body></html>"
    )
    page = photo_site["page"] + "scripted.html"

    plain = _run_json(capsys, "--reference", photo_site["reference"], page)
    rendered = _run_json(capsys, "--reference", photo_site["reference"], "--render", page)

    assert plain["findings"] == []
    assert [(f["image_url"], f["found_by"]) for f in rendered["findings"]] == [
        (photo_site["me"], "rendered:img")
    ]
    written = [p.relative_to(sandbox_home) for p in sandbox_home.rglob("*") if p.is_file()]
    assert written == []  # the renderer's profile is off the record: nothing on disk
