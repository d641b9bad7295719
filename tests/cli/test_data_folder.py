"""A data folder that cannot be used (read-only, under a file, empty), and passphrases as
people type them (NFC or NFD, a BOM in the file, bytes that are not UTF-8): one plain
message each, and nothing already saved is lost."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest

from faceaudit.cli import main
from faceaudit.paths import resolve_paths
from faceaudit.store import CaseStore, KdfParams, Person, crypto

PASSPHRASE = "data folder passphrase 8"
CHEAP = KdfParams(n=2**10, r=8, p=1)


def _run(capsys: pytest.CaptureFixture[str], argv: list[str]) -> tuple[int, str, str]:
    status = main(argv)
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def _make_case(home: Path, name: str = "marie", passphrase: str = PASSPHRASE) -> CaseStore:
    store = CaseStore(resolve_paths(home), kdf=CHEAP)
    person = Person(full_name="Marie Dupont", email="marie@example.org", postal_address="Paris")
    with store.create(name, passphrase, person=person):
        pass
    return store


def _digests(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def read_only_home(tmp_path: Path) -> Iterator[Path]:
    """A data folder holding a case, seen through a real read-only mount (EROFS): as root,
    file modes alone would not stop a write."""
    source = tmp_path / "home"
    _make_case(source)
    view = tmp_path / "read-only-home"
    view.mkdir()
    mount, umount = shutil.which("mount"), shutil.which("umount")
    if os.geteuid() != 0 or mount is None or umount is None:
        pytest.skip("a read-only bind mount needs root")
    bound = subprocess.run([mount, "--bind", str(source), str(view)], capture_output=True)
    if bound.returncode != 0:
        pytest.skip(f"cannot bind-mount here: {bound.stderr.decode(errors='replace')}")
    try:
        remount = subprocess.run(
            [mount, "-o", "remount,ro,bind", str(view)], capture_output=True, check=False
        )
        if remount.returncode != 0:
            pytest.skip("cannot remount read-only here")
        yield view
    finally:
        subprocess.run([umount, "-l", str(view)], check=False)


def test_a_read_only_data_folder_is_a_message(
    read_only_home: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FACEAUDIT_PASSPHRASE", PASSPHRASE)
    before = _digests(read_only_home)
    commands = [
        ["collect", "https://127.0.0.1:9/"],
        [
            "letter",
            "--case",
            "marie",
            "--type",
            "access",
            "--jurisdiction",
            "eu",
            "--operator-name",
            "Blog Ltd",
            "--operator-email",
            "privacy@blog.example",
            "--url",
            "https://blog.example/team",
        ],
        [
            "letter",
            "--type",
            "access",
            "--jurisdiction",
            "eu",
            "--operator-name",
            "Blog Ltd",
            "--operator-email",
            "privacy@blog.example",
            "--url",
            "https://blog.example/team",
            "--name",
            "J",
            "--address",
            "A",
            "--email",
            "j@example.org",
        ],
    ]
    for command in commands:
        status, _, err = _run(capsys, ["--data-dir", str(read_only_home), *command])
        assert status == 1, (command, err)
        assert "\nfaceaudit: " in "\n" + err and "Traceback" not in err
        assert "read-only" in err or "not writable" in err, err
    assert _digests(read_only_home) == before  # nothing saved was touched


@pytest.mark.parametrize("under", ["a-file/data", "a-file/deeper/data"])
def test_a_data_folder_under_a_file_is_a_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], under: str
) -> None:
    (tmp_path / "a-file").write_text("not a folder")
    status, _, err = _run(capsys, ["--data-dir", str(tmp_path / under), "case", "list"])
    assert status == 1
    assert "part of that path is a file" in err and "--data-dir" in err
    assert (tmp_path / "a-file").read_text() == "not a folder"


def test_an_empty_data_dir_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    status, _, err = _run(capsys, ["--data-dir", "", "case", "list"])
    assert status == 1 and "--data-dir is empty" in err
    assert list(tmp_path.iterdir()) == []  # nothing made in the current folder


def test_a_passphrase_variable_with_bytes_that_are_not_utf8(
    sandbox_home: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _make_case(sandbox_home)
    # os.environ holds the byte 0xff of a real environment as this surrogate.
    monkeypatch.setenv("FACEAUDIT_PASSPHRASE", "data folder \udcff")
    status, _, err = _run(capsys, ["requests", "--case", "marie"])
    assert status == 1
    assert "FACEAUDIT_PASSPHRASE contains bytes that are not UTF-8" in err


def test_a_real_non_utf8_environment_value_is_a_message(tmp_path: Path) -> None:
    home = tmp_path / "home"
    _make_case(home)
    env = {k.encode(): v.encode() for k, v in os.environ.items() if k != "FACEAUDIT_HOME"}
    env[b"FACEAUDIT_PASSPHRASE"] = b"caf\xe9 au lait 123"  # Latin-1, not UTF-8
    run = subprocess.run(
        [sys.executable, "-m", "faceaudit", "--data-dir", str(home), "requests", "--case", "marie"],
        env=env,
        capture_output=True,
        timeout=120,
    )
    assert run.returncode == 1
    assert b"not UTF-8" in run.stderr and b"Traceback" not in run.stderr


NFC = unicodedata.normalize("NFC", "Grüße aus Köln, café 42")
NFD = unicodedata.normalize("NFD", NFC)


def test_nfc_and_nfd_passphrases_open_the_same_case(sandbox_home: Path) -> None:
    assert NFC != NFD
    store = _make_case(sandbox_home, passphrase=NFD)
    for typed in (NFC, NFD):
        with store.open("marie", typed) as case:
            assert case.person.full_name == "Marie Dupont"


def test_a_case_made_before_normalisation_with_nfd_still_opens(
    sandbox_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with monkeypatch.context() as before:  # key files derived from the text as typed
        before.setattr(crypto.unicodedata, "normalize", lambda form, text: text)
        store = _make_case(sandbox_home, passphrase=NFD)
    for typed in (NFD, NFC):
        with store.open("marie", typed) as case:
            assert case.person.full_name == "Marie Dupont"


def test_a_bom_in_the_passphrase_file_is_not_part_of_it(
    sandbox_home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _make_case(sandbox_home)
    secret = tmp_path / "passphrase.txt"
    secret.write_bytes(b"\xef\xbb\xbf" + PASSPHRASE.encode() + b"\r\n")
    secret.chmod(0o600)
    status, out, err = _run(
        capsys, ["requests", "--case", "marie", "--passphrase-file", str(secret)]
    )
    assert status == 0, err
    assert "No letters yet" in out
