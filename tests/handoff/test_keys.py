"""Clinic key files: private, never overwritten, standard age identities, one signing key each."""

from __future__ import annotations

import stat
from pathlib import Path

import pyrage
import pytest

from faceaudit.handoff import ClinicKey, ClinicKeyError, own_key
from faceaudit.handoff.keys import (
    check_trust_text,
    parse_recipient,
    public_key_text,
    signer_matches,
    verify_signature,
)
from faceaudit.paths import resolve_paths


def test_a_key_file_round_trips_and_is_private(tmp_path: Path) -> None:
    key = ClinicKey.generate("Clinique\nFAKE-LINE du Droit")  # a name cannot add a line
    path = tmp_path / "clinic.key"
    key.save(path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    text = path.read_text()
    assert "\nFAKE-LINE" not in text and key.recipient in text and key.fingerprint in text
    loaded = ClinicKey.load(path)
    assert loaded.recipient == key.recipient and loaded.clinic == "Clinique FAKE-LINE du Droit"
    assert loaded.signing_public_key == key.signing_public_key
    with pytest.raises(ClinicKeyError, match="does not overwrite"):
        ClinicKey.generate().save(path)
    assert ClinicKey.load(path).recipient == key.recipient


def test_the_file_is_an_age_identity_file(tmp_path: Path) -> None:
    """Another age implementation can decrypt with it: the one secret line is all it holds."""
    key = ClinicKey.generate()
    path = tmp_path / "k.txt"
    key.save(path)
    [secret] = [line for line in path.read_text().splitlines() if not line.startswith("#")]
    identity = pyrage.x25519.Identity.from_str(secret)
    sealed = pyrage.encrypt(b"hello", [parse_recipient(key.recipient)])
    assert pyrage.decrypt(sealed, [identity]) == b"hello"


def test_signing_keys_differ_per_clinic_and_verify_only_their_own() -> None:
    one, two = ClinicKey.generate(), ClinicKey.generate()
    assert one.signing_public_key != two.signing_public_key
    signature = one.sign(b"manifest")
    assert verify_signature(one.signing_public_key, b"manifest", signature)
    assert not verify_signature(two.signing_public_key, b"manifest", signature)
    assert not verify_signature(one.signing_public_key, b"manifest!", signature)
    assert signer_matches(one.fingerprint.replace(" ", "-"), one.signing_public_key)
    assert signer_matches(public_key_text(one.signing_public_key), one.signing_public_key)
    assert not signer_matches(two.fingerprint, one.signing_public_key)


@pytest.mark.parametrize(
    "content",
    [b"", b"# only comments\n", b"AGE-SECRET-KEY-1NOTREAL\n", b"\xff\xfe garbage", b"one\ntwo\n"],
)
def test_bad_key_files_are_named(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "bad.key"
    path.write_bytes(content)
    with pytest.raises(ClinicKeyError) as caught:
        ClinicKey.load(path)
    assert str(path) in caught.value.what and caught.value.todo


def test_bad_public_keys_and_trust_values() -> None:
    with pytest.raises(ClinicKeyError, match="not an age public key"):
        parse_recipient("age1notakey")
    with pytest.raises(ClinicKeyError, match="neither"):
        check_trust_text("ab12")
    with pytest.raises(ClinicKeyError, match="not a clinic signing key"):
        check_trust_text("ed25519:AAAA")


def test_the_installations_own_key_is_made_once(sandbox_home: Path) -> None:
    paths = resolve_paths(sandbox_home)
    assert own_key(paths, create=False) == (None, False)
    made, created = own_key(paths, create=True)
    again, created_again = own_key(paths, create=True)
    assert created and not created_again
    assert made is not None and again is not None and made.recipient == again.recipient
    assert stat.S_IMODE((sandbox_home / "clinic").stat().st_mode) == 0o700
