"""Key files written before clinics keep working unchanged, and a passphrase costs at most one
key derivation per wrap the key file lists (one for a case with a single wrap)."""

from __future__ import annotations

import base64
import json
import os
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from faceaudit.paths import resolve_paths
from faceaudit.store import KEY_FILE, Argon2Params, CaseStore, KdfParams, WrongPassphraseError
from faceaudit.store.crypto import wrap_key

from .conftest import TEST_KDF

CHEAP_ARGON2 = Argon2Params(time_cost=1, memory_kib=64, parallelism=1)
CLINIC = "clinic wide passphrase for everyone"
OWN = "the client's own passphrase"
V1_FIELDS = {"format", "version", "case_id", "kdf", "salt", "nonce", "wrapped_key"}


@pytest.fixture
def clinic_store(sandbox_home: Path) -> CaseStore:
    return CaseStore(resolve_paths(sandbox_home), kdf=TEST_KDF, clinic_kdf=CHEAP_ARGON2)


def legacy_key_file(case_id: str, data_key: bytes, passphrase: str) -> bytes:
    """A key file as FaceAudit wrote it before clinics, written here independently of the
    store's code (scrypt + AES-GCM from ``cryptography``, the layout of version 1)."""
    salt, nonce = os.urandom(16), os.urandom(12)
    kek = Scrypt(salt=salt, length=32, n=2**10, r=8, p=1).derive(passphrase.encode())
    wrapped = AESGCM(kek).encrypt(nonce, data_key, f"faceaudit/v1\x00key\x00{case_id}".encode())
    document = {
        "format": "faceaudit-case-key",
        "version": 1,
        "case_id": case_id,
        "kdf": {"name": "scrypt", "n": 2**10, "r": 8, "p": 1},
        "salt": base64.b64encode(salt).decode(),
        "nonce": base64.b64encode(nonce).decode(),
        "wrapped_key": base64.b64encode(wrapped).decode(),
    }
    return (json.dumps(document, indent=1) + "\n").encode()


def with_legacy_key(store: CaseStore, name: str, passphrase: str) -> bytes:
    store.create(name, passphrase).close()
    case_id, data_key = store.unlock(name, passphrase)
    raw = legacy_key_file(case_id, data_key, passphrase)
    (store.case_dir(name) / KEY_FILE).write_bytes(raw)
    return raw


def test_a_key_file_from_before_clinics_opens_and_stays_as_it_was(
    clinic_store: CaseStore,
) -> None:
    raw = with_legacy_key(clinic_store, "old-case", OWN)
    clinic_store.clinic.init(CLINIC)
    with clinic_store.open("old-case", OWN) as case:
        assert case.unlocked_with == "case"
    with pytest.raises(WrongPassphraseError):
        clinic_store.open("old-case", CLINIC)
    assert (clinic_store.case_dir("old-case") / KEY_FILE).read_bytes() == raw  # not rewritten


def test_cases_without_a_clinic_still_get_a_version_1_key_file(clinic_store: CaseStore) -> None:
    clinic_store.clinic.init(CLINIC)  # a clinic key on the computer changes nothing for them
    clinic_store.create("own-case", OWN).close()
    document = json.loads((clinic_store.case_dir("own-case") / KEY_FILE).read_text())
    assert set(document) == V1_FIELDS and document["version"] == 1
    made = json.loads(wrap_key("0" * 32, b"k" * 32, OWN, TEST_KDF))
    assert set(made) == V1_FIELDS

    clinic_store.change_passphrase("own-case", OWN, "a new own passphrase")
    document = json.loads((clinic_store.case_dir("own-case") / KEY_FILE).read_text())
    assert set(document) == V1_FIELDS


def test_an_old_case_joins_the_clinic_and_leaves_it_as_a_version_1_file(
    clinic_store: CaseStore,
) -> None:
    with_legacy_key(clinic_store, "old-case", OWN)
    clinic_store.clinic.init(CLINIC)
    clinic_store.join_clinic("old-case", OWN, CLINIC)
    document = json.loads((clinic_store.case_dir("old-case") / KEY_FILE).read_text())
    assert document["version"] == 2 and {"own", "clinic"} <= set(document)
    clinic_store.open("old-case", CLINIC).close()
    clinic_store.leave_clinic("old-case", OWN)
    document = json.loads((clinic_store.case_dir("old-case") / KEY_FILE).read_text())
    assert set(document) == V1_FIELDS
    clinic_store.open("old-case", OWN).close()


@pytest.fixture
def derivations(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """Counts the real key derivations (the originals still run)."""
    counts: Counter[str] = Counter()

    def counting(kind: str, original: Callable[..., bytes]) -> Callable[..., bytes]:
        def derive(self: Any, passphrase: str, salt: bytes) -> bytes:
            counts[kind] += 1
            return original(self, passphrase, salt)

        return derive

    monkeypatch.setattr(KdfParams, "derive", counting("scrypt", KdfParams.derive))
    monkeypatch.setattr(Argon2Params, "derive", counting("argon2id", Argon2Params.derive))
    return counts


def _cost(counts: Counter[str], action: Callable[[], object]) -> dict[str, int]:
    counts.clear()
    try:
        result = action()
        close = getattr(result, "close", None)
        if close is not None:
            close()
    except WrongPassphraseError:
        pass
    return {"scrypt": counts["scrypt"], "argon2id": counts["argon2id"]}


def test_each_open_runs_one_key_derivation_per_listed_wrap_at_most(
    clinic_store: CaseStore, derivations: Counter[str]
) -> None:
    clinic_store.clinic.init(CLINIC)
    clinic_store.create("own-case", OWN).close()
    clinic_store.create("clinic-case", CLINIC, under_clinic=True).close()
    clinic_store.create("both", CLINIC, under_clinic=True).close()
    clinic_store.change_passphrase("both", CLINIC, OWN)
    store = clinic_store

    def cost(name: str, passphrase: str) -> dict[str, int]:
        return _cost(derivations, lambda: store.open(name, passphrase))

    assert cost("own-case", OWN) == {"scrypt": 1, "argon2id": 0}
    assert cost("own-case", "wrong passphrase") == {"scrypt": 1, "argon2id": 0}
    assert cost("clinic-case", CLINIC) == {"scrypt": 0, "argon2id": 1}
    assert cost("clinic-case", "wrong passphrase") == {"scrypt": 0, "argon2id": 1}
    assert cost("both", CLINIC) == {"scrypt": 0, "argon2id": 1}
    assert cost("both", OWN) == {"scrypt": 1, "argon2id": 1}
    assert cost("both", "wrong passphrase") == {"scrypt": 1, "argon2id": 1}
    assert _cost(derivations, lambda: store.create("c2", CLINIC, under_clinic=True)) == {
        "scrypt": 0,
        "argon2id": 1,
    }
    assert _cost(derivations, lambda: store.clinic.change_passphrase(CLINIC, OWN + "!")) == {
        "scrypt": 0,
        "argon2id": 2,  # unwrap under the old one, wrap under the new one; no case touched
    }
    store.clinic.key_path.unlink()  # a computer without the clinic key: nothing to try there
    assert cost("both", OWN) == {"scrypt": 1, "argon2id": 0}
