"""The case commands end to end, in-process through ``faceaudit.cli.main``, on real files.

Cases made here use the real default key derivation (each command derives the key once).
"""

from __future__ import annotations

import hashlib
import io
import json
from pathlib import Path

import cv2
import numpy as np
import pytest

from faceaudit.cli import main
from faceaudit.collect.types import Provenance
from faceaudit.faces.types import FaceMatch, Verdict
from faceaudit.imaging import decode
from faceaudit.paths import resolve_paths
from faceaudit.store import DB_FILE, CaseStore

PASSPHRASE = "a long and private passphrase"


def insightface_photo(name: str) -> Path:
    import insightface

    return Path(insightface.__file__).parent / "data" / "images" / name


@pytest.fixture
def passphrase_env(monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("FACEAUDIT_PASSPHRASE", PASSPHRASE)
    return PASSPHRASE


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_create_list_show_delete(capsys, passphrase_env, sandbox_home: Path) -> None:
    status, out, _ = run(
        capsys,
        "case",
        "create",
        "alice",
        "--name",
        "Alice Example",
        "--email",
        "alice@example.org",
        "--country",
        "fr",
        "--language",
        "FR",
    )
    assert status == 0 and "Created case 'alice'" in out
    assert "postal_address" in out  # letters will ask for it
    status, _, err = run(capsys, "case", "create", "--case", "alice")
    assert status == 1 and "already exists" in err

    status, out, _ = run(capsys, "case", "list", "--json")
    [listed] = json.loads(out)["cases"]
    assert listed["name"] == "alice" and listed["findings"] == 0 and listed["problem"] is None

    status, out, _ = run(capsys, "case", "show", "alice", "--json")
    shown = json.loads(out)
    assert status == 0
    assert shown["person"] == {
        "full_name": "Alice Example",
        "email": "alice@example.org",
        "postal_address": None,
        "country": "FR",
        "language": "fr",
    }
    assert shown["missing_for_letters"] == ["postal_address"]
    status, out, _ = run(capsys, "case", "show", "--case", "alice")
    assert status == 0 and "Alice Example" in out

    status, _, err = run(capsys, "case", "delete", "alice")
    assert status == 2 and "--yes" in err  # stdin is not a terminal: no silent deletion
    status, out, _ = run(capsys, "case", "delete", "alice", "--yes")
    assert status == 0 and "key was destroyed" in out
    assert not (sandbox_home / "cases" / "alice").exists()
    status, out, _ = run(capsys, "case", "list")
    assert "No cases yet" in out


def test_delete_removes_the_letters_drafted_for_the_case(
    capsys, passphrase_env, sandbox_home: Path
) -> None:
    """A letter drafted with the real `letter` command names the person and the findings; it
    must not outlive the case (nor be inherited by a new case of the same name)."""
    for name in ("alice", "bob"):
        details = ["--name", f"{name} Example", "--email", f"{name}@example.org"]
        details += ["--address", "1 rue de la Paix, 75002 Paris", "--country", "FR"]
        assert run(capsys, "case", "create", name, *details)[0] == 0
        status, _, err = run(
            capsys,
            *("letter", "--case", name, "--type", "access", "--jurisdiction", "eu"),
            *("--lang", "en", "--controller", "clearview.ai", "--format", "txt"),
        )
        assert status == 0, err
    exports = sandbox_home / "exports"
    assert any((exports / "alice").iterdir()) and any((exports / "bob").iterdir())

    status, out, _ = run(capsys, "case", "delete", "alice", "--yes")
    assert status == 0 and "letters" in out
    assert not (exports / "alice").exists()
    assert not (sandbox_home / "cases" / "alice").exists()
    assert [p.name for p in exports.iterdir()] == ["bob"]  # another case's letters stay
    assert all(b"alice" not in p.read_bytes() for p in sandbox_home.rglob("*") if p.is_file())


def test_passphrase_sources(capsys, monkeypatch, tmp_path: Path) -> None:
    monkeypatch.delenv("FACEAUDIT_PASSPHRASE", raising=False)
    monkeypatch.setattr("sys.stdin", io.StringIO(""))  # no terminal to prompt on
    status, _, err = run(capsys, "case", "create", "alice")
    assert status == 1 and "--passphrase-file" in err
    secret = tmp_path / "passphrase.txt"
    secret.write_text(PASSPHRASE + "\n")
    assert run(capsys, "case", "create", "alice", "--passphrase-file", str(secret))[0] == 0
    assert run(capsys, "case", "show", "alice", "--passphrase-file", str(secret))[0] == 0
    secret.write_text("not the passphrase\n")
    status, _, err = run(capsys, "case", "show", "alice", "--passphrase-file", str(secret))
    assert status == 1 and "does not unlock" in err
    monkeypatch.setenv("FACEAUDIT_PASSPHRASE", "short")
    status, _, err = run(capsys, "case", "create", "bob")
    assert status == 1 and "shorter than" in err


def test_sources_add_list_remove(capsys, passphrase_env, tmp_path: Path) -> None:
    assert run(capsys, "case", "create", "alice")[0] == 0
    listing = tmp_path / "sources.txt"
    listing.write_text(
        "# my pages\n"
        "https://127.0.0.1:8443/team.html\n"
        "\n"
        "   # indented comment\n"
        "ftp://127.0.0.1/photo.jpg\n"
        "not a url at all\n"
        "http://127.0.0.2/blog/\n"
        f"{tmp_path}\n"
        "https://127.0.0.1:8443/team.html\n"
    )
    status, out, err = run(
        capsys,
        "sources",
        "add",
        "--case",
        "alice",
        "http://127.0.0.1:8000/a",
        "--file",
        str(listing),
    )
    assert status == 1  # some entries were refused...
    assert f"{listing}:5" in err and f"{listing}:6" in err and "Skipped" in err
    assert "Added 4 sources" in out  # ...and the valid ones were added
    status, out, _ = run(capsys, "sources", "list", "--case", "alice", "--json")
    urls = [s["url"] for s in json.loads(out)["sources"]]
    assert urls == [
        "http://127.0.0.1:8000/a",
        "https://127.0.0.1:8443/team.html",
        "http://127.0.0.2/blog/",
        str(tmp_path.resolve()),
    ]
    status, out, _ = run(capsys, "sources", "add", "--case", "alice", "http://127.0.0.1:8000/a")
    assert status == 0 and "already listed" in out
    status, out, _ = run(
        capsys, "sources", "remove", "--case", "alice", "1", "http://127.0.0.2/blog/"
    )
    assert status == 0
    status, _, err = run(capsys, "sources", "remove", "--case", "alice", "99")
    assert status == 1 and "no source" in err
    status, out, _ = run(capsys, "sources", "list", "--case", "alice")
    assert "127.0.0.1:8443" in out and "127.0.0.2" not in out and "8000/a" not in out


@pytest.mark.models
def test_enroll_findings_review_round_trip(
    capsys, passphrase_env, model_pack_dir, person_photos, tmp_path: Path
) -> None:
    photo = person_photos["obama"][0]
    crowd = insightface_photo("t1.jpg")  # six faces: refused as a reference
    blank = tmp_path / "wall.png"
    gradient = np.tile(np.linspace(0, 255, 320, dtype=np.uint8), (240, 1))
    cv2.imwrite(str(blank), cv2.merge([gradient, gradient, gradient]))
    assert run(capsys, "case", "create", "alice", "--name", "Alice Example")[0] == 0

    status, out, err = run(capsys, "enroll", "--case", "alice", str(photo), str(crowd), str(blank))
    assert status == 1
    assert f"{photo.name}: enrolled" in out
    assert "t1.jpg" in err and "6 faces" in err
    assert str(blank) in err and "face" in err
    assert "1 reference photo" in out
    status, out, _ = run(capsys, "enroll", "--case", "alice", str(photo))
    assert status == 0 and "already enrolled" in out

    # Plaintext photo bytes never reach the case's files.
    photo_bytes = photo.read_bytes()
    case_dir = resolve_paths().cases / "alice"
    for path in case_dir.iterdir():
        assert photo_bytes[2000:2064] not in path.read_bytes()

    status, out, _ = run(capsys, "findings", "--case", "alice", "--json")
    assert status == 0 and json.loads(out) == {"findings": []}
    status, out, _ = run(capsys, "findings", "--case", "alice")
    assert "No findings yet" in out

    finding_id = _add_finding_through_api(photo_bytes)
    status, out, _ = run(capsys, "findings", "--case", "alice", "--json", "--new")
    [finding] = json.loads(out)["findings"]
    assert set(finding) == {
        "id",
        "page_url",
        "image_url",
        "found_by",
        "similarity",
        "verdict",
        "bbox",
        "frame_time",
        "review",
        "first_seen",
        "last_seen",
        "new",
        "presence",
        "last_checked",
        "pages",
        "sites",
        "sightings",
    }
    assert (finding["presence"], finding["pages"], finding["sites"]) == ("seen", 1, 1)
    assert [s["page_url"] for s in finding["sightings"]] == ["http://127.0.0.1:8000/team.html"]
    assert finding["id"] == finding_id and finding["review"] == "unreviewed" and finding["new"]
    assert finding["page_url"] == "http://127.0.0.1:8000/team.html"
    assert finding["verdict"] == "match" and len(finding["bbox"]) == 4

    assert run(capsys, "review", "--case", "alice", str(finding_id), "confirm")[0] == 0
    status, out, _ = run(capsys, "findings", "--case", "alice", "--json")
    assert json.loads(out)["findings"][0]["review"] == "confirmed"
    assert run(capsys, "review", "--case", "alice", str(finding_id), "reject")[0] == 0
    status, out, _ = run(capsys, "findings", "--case", "alice")
    assert "rejected" in out
    status, _, err = run(capsys, "review", "--case", "alice", "4242", "confirm")
    assert status == 1 and "no finding with id 4242" in err

    assert run(capsys, "case", "delete", "alice", "--yes")[0] == 0
    assert not case_dir.exists()
    assert not any(p.name.startswith(DB_FILE) for p in resolve_paths().base.rglob("*"))


def _add_finding_through_api(photo_bytes: bytes) -> int:
    """What a scan would record: the enrolled face, seen on a loopback page."""
    from faceaudit.faces.engine import face_thumbnail

    with CaseStore(resolve_paths()).open("alice", PASSPHRASE) as case:
        [reference] = case.references()
        scan = case.start_scan({"test": True})
        sha = hashlib.sha256(photo_bytes).hexdigest()
        seen = Provenance(
            source="http://127.0.0.1:8000/team.html",
            page_url="http://127.0.0.1:8000/team.html",
            image_url="http://127.0.0.1:8000/img/me.jpg",
            found_by="img",
            http_status=200,
            fetched_at="2026-03-01T10:00:00Z",
            byte_size=len(photo_bytes),
            sha256=sha,
        )
        record = case.record_image(scan, seen)
        assert record > 0
        thumbnail = face_thumbnail(decode(photo_bytes), reference.face)
        match = FaceMatch(
            face=reference.face, similarity=0.93, verdict=Verdict.MATCH, reference_index=0
        )
        finding_id = case.add_finding(scan, sha, seen, match, thumbnail, photo_bytes)
        case.finish_scan(scan, {"images": 1}, "done")
        return finding_id


def test_usage_errors(capsys, passphrase_env) -> None:
    assert run(capsys, "case", "create")[0] == 2
    assert run(capsys, "sources", "add", "--case", "alice")[0] == 2
    with pytest.raises(SystemExit) as caught:
        main(["review", "--case", "alice", "1", "maybe"])
    assert caught.value.code == 2
    status, _, err = run(capsys, "findings", "--case", "nobody")
    assert status == 1 and "no case named 'nobody'" in err


def test_an_unknown_case_is_named_before_the_passphrase_is_asked(
    capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("FACEAUDIT_PASSPHRASE", raising=False)  # stdin is not a terminal either
    for argv in (
        ("findings", "--case", "nobody"),
        ("case", "show", "nobody"),
        ("scan", "--case", "nobody", "--quiet"),
    ):
        status, _, err = run(capsys, *argv)
        assert status == 1 and "no case named 'nobody'" in err, argv
        assert "passphrase" not in err, argv
