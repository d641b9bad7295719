"""`letter`: confirmed findings by default, one annex entry per image, file names with the
letter's reference and no silent overwrite, and never a letter that names nothing."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

from faceaudit.cli import main
from faceaudit.collect.types import Provenance
from faceaudit.paths import resolve_paths
from faceaudit.store import CaseStore, KdfParams, Person

from .test_letters_cli import _match, _thumbnail, one_shot

PASSPHRASE = "letter citations passphrase"
GROUP = "https://scontent.cdninstagram.com/v/group.jpg"  # two faces of the person
ALONE = "https://scontent.cdninstagram.com/v/alone.jpg"  # one face, not reviewed


@pytest.fixture
def case_name(sandbox_home: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    store = CaseStore(resolve_paths(sandbox_home), kdf=KdfParams(n=2**10, r=8, p=1))
    person = Person(full_name="Noa Levi", email="noa@example.org", postal_address="2 Way")
    with store.create("noa", PASSPHRASE, person=person) as case:
        scan = case.start_scan({})
        thumbnail = _thumbnail()
        for image, faces, review in ((GROUP, (1, 60), "confirmed"), (ALONE, (2,), None)):
            sha = hashlib.sha256(image.encode()).hexdigest()
            seen = Provenance(
                source="https://www.instagram.com/p/A/",
                page_url="https://www.instagram.com/p/A/",
                image_url=image,
                found_by="img",
                fetched_at="2026-01-10T09:00:00Z",
                sha256=sha,
            )
            for seed in faces:
                finding = case.add_finding(scan, sha, seen, _match(seed), thumbnail)
                if review:
                    case.review(finding, review)
        case.finish_scan(scan, {}, "done")
    monkeypatch.setenv("FACEAUDIT_PASSPHRASE", PASSPHRASE)
    return "noa"


def _letter(*extra: str) -> list[str]:
    return [
        "letter",
        "--case",
        "noa",
        "--type",
        "erasure",
        "--jurisdiction",
        "eu",
        "--lang",
        "en",
        "--controller",
        "instagram.com",
        "--format",
        "txt",
        *extra,
    ]


def _run(capsys: pytest.CaptureFixture[str], argv: list[str]) -> tuple[int, str, str]:
    status = main(argv)
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_confirmed_images_once_each_and_unreviewed_on_request(
    case_name: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    status, out, err = _run(capsys, _letter("-o", str(tmp_path / "a")))
    assert status == 0, err
    assert "It cites 1 image." in out
    assert "1 unreviewed finding on its sites is not cited" in out
    [first] = (tmp_path / "a").glob("*.txt")
    text = first.read_text("utf-8")
    assert GROUP in text and ALONE not in text
    assert _annex_entries(text) == 1  # two faces in the group photo: one entry

    status, out, _ = _run(capsys, _letter("--include-unreviewed", "-o", str(tmp_path / "b")))
    assert status == 0 and "It cites 2 images; includes 1 unreviewed." in out
    [wider] = (tmp_path / "b").glob("*.txt")
    assert ALONE in wider.read_text("utf-8") and _annex_entries(wider.read_text("utf-8")) == 2


def _annex_entries(text: str) -> int:
    return len(re.findall(r"^\d+\. Page", text, flags=re.MULTILINE))


def test_file_names_carry_the_reference_and_nothing_is_overwritten(
    case_name: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = tmp_path / "letters"
    assert _run(capsys, _letter("-o", str(folder)))[0] == 0
    assert _run(capsys, _letter("-o", str(folder)))[0] == 0  # the same day, the same operator
    names = sorted(path.name for path in folder.glob("*.txt"))
    assert len(names) == 2 and "-FA-1-erasure-" in names[0] and "-FA-2-erasure-" in names[1]

    target = tmp_path / "mine.txt"
    assert _run(capsys, _letter("-o", str(target)))[0] == 0
    before = target.read_bytes()
    status, _, err = _run(capsys, _letter("-o", str(target)))
    assert status == 1 and "already exists" in err and "--force" in err
    assert target.read_bytes() == before
    status, out, _ = _run(capsys, ["requests", "--case", "noa"])
    assert out.count("erasure") == 3  # the refused letter was not recorded
    assert _run(capsys, _letter("-o", str(target), "--force"))[0] == 0
    assert b"FA-4" in target.read_bytes()


def test_a_letter_always_names_the_data(
    case_name: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # Case mode: nothing confirmed on LinkedIn's sites -> refused, unless --url names a page.
    linkedin = _letter("-o", str(tmp_path))
    linkedin[linkedin.index("instagram.com")] = "linkedin.com"
    status, _, err = _run(capsys, linkedin)
    assert status == 1 and "would name no page or image" in err and "--url" in err
    page = "https://www.linkedin.com/in/noa/"
    status, out, err = _run(capsys, [*linkedin, "--url", page])
    assert status == 0, err
    assert "1 address given with --url" in out
    [letter] = tmp_path.glob("*.txt")
    assert page in letter.read_text("utf-8")

    # One-shot: an erasure without --url is refused; an access request is allowed, with a note.
    erasure = [*one_shot("erasure", "eu", "en", "pimeyes"), "--format", "txt"]
    status, _, err = _run(capsys, [*erasure, "-o", str(tmp_path / "e.txt")])
    assert status == 1 and "--url" in err and not (tmp_path / "e.txt").exists()
    access = [*one_shot("access", "eu", "en", "pimeyes"), "--format", "txt"]
    status, _, err = _run(capsys, [*access, "-o", str(tmp_path / "a.txt")])
    assert status == 0 and "names no page or image" in err
    status, _, err = _run(capsys, [*access, "--url", "not a url", "-o", str(tmp_path / "b.txt")])
    assert status == 1 and "not a web address" in err
