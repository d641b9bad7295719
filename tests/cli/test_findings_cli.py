"""`findings`, `scan --case` and `letter --case` with every sighting and an honest "gone".

One photo of the person on two pages of one site (127.0.0.1, reached with depth 1) and on
a second site (127.0.0.2): real loopback servers over one folder that the test edits.
"""

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

PASSPHRASE = "findings cli passphrase 9"


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def two_sites(tmp_path: Path, person_photos: dict[str, list[Path]]) -> Iterator[dict[str, object]]:
    root = tmp_path / "www"
    (root / "img").mkdir(parents=True)
    (root / "img" / "me.jpg").write_bytes(person_photos["obama"][1].read_bytes())
    (root / "index.html").write_text('<img src="img/me.jpg"><a href="about.html">About</a>')
    (root / "about.html").write_text('<p>About</p><img src="img/me.jpg">')
    servers = []
    for host in ("127.0.0.1", "127.0.0.2"):
        server = ThreadingHTTPServer(
            (host, 0), functools.partial(_QuietHandler, directory=str(root))
        )
        thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02})
        thread.start()
        servers.append((server, thread))
    first, second = (f"http://{s.server_address[0]}:{s.server_address[1]}" for s, _ in servers)
    try:
        yield {"root": root, "first": f"{first}/", "second": f"{second}/"}
    finally:
        for server, thread in servers:
            server.shutdown()
            server.server_close()
            thread.join()


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def _case(
    sandbox_home: Path, monkeypatch: pytest.MonkeyPatch, reference: Path, face_engine
) -> None:
    from faceaudit.paths import resolve_paths
    from faceaudit.store import CaseStore, KdfParams, Person

    store = CaseStore(resolve_paths(sandbox_home), kdf=KdfParams(n=2**10, r=8, p=1))
    person = Person(full_name="Sam Example", email="sam@example.org", postal_address="1 Road")
    with store.create("sam", PASSPHRASE, person=person) as case:
        photo = reference.read_bytes()
        case.add_reference("me.jpg", photo, face_engine.enrol([("me.jpg", photo)])[0])
    monkeypatch.setenv("FACEAUDIT_PASSPHRASE", PASSPHRASE)


def test_every_sighting_last_seen_gone_and_the_letter_citing_each_place(
    two_sites: dict[str, object],
    capsys: pytest.CaptureFixture[str],
    sandbox_home: Path,
    monkeypatch: pytest.MonkeyPatch,
    person_photos: dict[str, list[Path]],
    face_engine,
    tmp_path: Path,
) -> None:
    first, second = str(two_sites["first"]), str(two_sites["second"])
    _case(sandbox_home, monkeypatch, person_photos["obama"][0], face_engine)
    assert _run(capsys, "sources", "add", "--case", "sam", "--depth", "1", first)[0] == 0
    assert _run(capsys, "sources", "add", "--case", "sam", second)[0] == 0
    status, out, _ = _run(capsys, "sources", "list", "--case", "sam")
    assert f"{first}  (depth 1)" in out and f"{second}  (depth 0)" in out

    status, out, _ = _run(capsys, "scan", "--case", "sam", "--quiet", "--json")
    scanned = json.loads(out)
    assert status == 0 and (scanned["new"], scanned["gone"]) == (1, 0)
    assert len(scanned["findings"]) == 3  # one finding, seen in three places

    status, out, _ = _run(capsys, "findings", "--case", "sam", "--json")
    [finding] = json.loads(out)["findings"]
    assert (finding["pages"], finding["sites"], finding["presence"]) == (3, 2, "seen")
    assert {s["page_url"] for s in finding["sightings"]} == {first, f"{first}about.html", second}
    status, out, _ = _run(capsys, "findings", "--case", "sam")
    assert "LAST SEEN" in out and "online" in out
    assert "also on 2 pages, 1 other site" in out and f"{first}about.html" in out

    status, out, _ = _run(capsys, "findings", "--case", "sam", "--by-operator")
    assert out.count("needs a letter") == 2 and "127.0.0.2" in out

    # The letter to the first site's operator cites both of its pages, one annex entry.
    finding_id = str(finding["id"])
    assert _run(capsys, "review", "--case", "sam", finding_id, "confirm")[0] == 0
    letter = [
        "letter",
        "--case",
        "sam",
        "--type",
        "erasure",
        "--controller",
        "127.0.0.1",
        "--operator-name",
        "First Site Ltd",
        "--operator-email",
        "privacy@first.example",
        "--format",
        "txt",
        "-o",
        str(tmp_path / "letters"),
    ]
    status, out, err = _run(capsys, *letter)
    assert status == 0, err
    assert "It cites 1 image, seen in 2 places." in out
    [text_file] = (tmp_path / "letters").glob("*.txt")
    annex = text_file.read_text("utf-8").split(first.rstrip("/"), 1)[1]
    assert f"{first}about.html" in text_file.read_text("utf-8") and "127.0.0.2" not in annex
    status, out, _ = _run(capsys, "findings", "--case", "sam", "--by-operator", "--json")
    groups = {g["site"]: g for g in json.loads(out)["operators"]}
    assert groups["127.0.0.1"]["needs_letter"] is False
    assert groups["127.0.0.2"]["needs_letter"] is True

    # A re-scan without --depth still reads about.html (the depth is saved with the source).
    status, out, _ = _run(capsys, "scan", "--case", "sam", "--quiet", "--json")
    again = json.loads(out)
    assert (again["unchanged"], again["gone"], again["unchecked"]) == (1, 0, 0)

    # The takedown: the image is deleted; every page is read again without it.
    Path(str(two_sites["root"]), "img", "me.jpg").unlink()
    status, out, _ = _run(capsys, "scan", "--case", "sam", "--quiet")
    assert "1 gone (their page was read, the image is no longer there)" in out
    status, out, _ = _run(capsys, "findings", "--case", "sam", "--gone")
    assert finding_id in out and "gone" in out
    status, out, _ = _run(capsys, "findings", "--case", "sam", "--gone", "--json")
    [gone] = json.loads(out)["findings"]
    assert gone["presence"] == "gone" and all(s["gone"] for s in gone["sightings"])


def test_a_finding_only_in_a_local_folder_needs_no_letter_to_anyone(
    two_sites: dict[str, object],
    capsys: pytest.CaptureFixture[str],
    sandbox_home: Path,
    monkeypatch: pytest.MonkeyPatch,
    person_photos: dict[str, list[Path]],
    face_engine,
    tmp_path: Path,
) -> None:
    # A photo in the person's own folder has no operator: "--controller local" is no letter.
    folder = tmp_path / "my-photos"
    folder.mkdir()
    (folder / "holiday.jpg").write_bytes(person_photos["obama"][1].read_bytes())
    _case(sandbox_home, monkeypatch, person_photos["obama"][0], face_engine)
    assert _run(capsys, "sources", "add", "--case", "sam", str(folder))[0] == 0
    assert _run(capsys, "scan", "--case", "sam", "--quiet", "--json")[0] == 0

    status, out, _ = _run(capsys, "findings", "--case", "sam", "--by-operator")
    assert status == 0
    assert "needs a letter" not in out and "--controller" not in out
    assert "Only in files on this computer (no operator to write to): findings 1" in out
    status, out, _ = _run(capsys, "findings", "--case", "sam", "--by-operator", "--json")
    assert json.loads(out) == {"operators": [], "local_only": [1]}
