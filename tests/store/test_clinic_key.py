"""The clinic passphrase: one clinic key that opens the cases created under it, beside cases
with a passphrase of their own; changing it rewraps only the clinic key."""

from __future__ import annotations

import json
import shutil
import stat
from pathlib import Path
from typing import Any

import pytest

from faceaudit.paths import resolve_paths
from faceaudit.store import (
    KEY_FILE,
    Argon2Params,
    CaseStore,
    ClinicKeyError,
    CorruptCaseError,
    Person,
    WeakPassphraseError,
    WrongPassphraseError,
)
from faceaudit.store.clinic import CLINIC_FOLDER, CLINIC_KEY_FILE

from .conftest import TEST_KDF

CHEAP_ARGON2 = Argon2Params(time_cost=1, memory_kib=64, parallelism=1)  # app: t=3, 64 MiB, p=4
CLINIC = "clinic wide passphrase for everyone"
OWN = "the client's own passphrase"


@pytest.fixture
def clinic_store(sandbox_home: Path) -> CaseStore:
    return CaseStore(resolve_paths(sandbox_home), kdf=TEST_KDF, clinic_kdf=CHEAP_ARGON2)


def key_document(store: CaseStore, name: str) -> dict[str, object]:
    return json.loads((store.case_dir(name) / KEY_FILE).read_text())


def test_init_writes_a_private_argon2id_clinic_key_once(clinic_store: CaseStore) -> None:
    assert not clinic_store.clinic.exists()
    with pytest.raises(WeakPassphraseError):
        clinic_store.clinic.init("short")
    assert not clinic_store.clinic.exists()

    key_file = clinic_store.clinic.init(CLINIC)
    path = clinic_store.paths.base / CLINIC_FOLDER / CLINIC_KEY_FILE
    assert clinic_store.clinic.key_path == path and path.is_file()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    document = json.loads(path.read_text())
    assert document["format"] == "faceaudit-clinic-key" and document["version"] == 1
    assert document["kdf"] == {
        "name": "argon2id",
        "time_cost": 1,
        "memory_kib": 64,
        "parallelism": 1,
    }
    assert document["clinic_id"] == key_file.clinic_id
    assert CLINIC not in path.read_text()

    before = path.read_bytes()
    with pytest.raises(ClinicKeyError, match="already set up"):
        clinic_store.clinic.init("another clinic passphrase")
    assert path.read_bytes() == before  # the old key (and its cases) untouched
    with pytest.raises(WrongPassphraseError, match="not the clinic passphrase"):
        clinic_store.clinic.master_key("not the clinic passphrase")


def test_the_default_cost_is_rfc_9106s_second_recommendation() -> None:
    from faceaudit.store import DEFAULT_CLINIC_KDF

    assert Argon2Params(time_cost=3, memory_kib=2**16, parallelism=4) == DEFAULT_CLINIC_KDF


def test_a_case_under_the_clinic_opens_with_the_clinic_passphrase(clinic_store: CaseStore) -> None:
    clinic_store.clinic.init(CLINIC)
    with clinic_store.create(
        "client-01", CLINIC, person=Person(full_name="Ana Client"), under_clinic=True
    ) as case:
        case_id = case.case_id
    document = key_document(clinic_store, "client-01")
    assert document["version"] == 2 and "own" not in document
    assert document["clinic"]["clinic_id"] == clinic_store.clinic.require().clinic_id  # type: ignore[index]

    with clinic_store.open("client-01", CLINIC) as case:
        assert case.case_id == case_id and case.unlocked_with == "clinic"
        assert case.person.full_name == "Ana Client"
    with pytest.raises(WrongPassphraseError, match="locked under the clinic passphrase"):
        clinic_store.open("client-01", "some other passphrase")


def test_create_under_the_clinic_refuses_before_writing_anything(clinic_store: CaseStore) -> None:
    with pytest.raises(ClinicKeyError, match="no clinic passphrase set up"):
        clinic_store.create("client-01", CLINIC, under_clinic=True)
    clinic_store.clinic.init(CLINIC)
    with pytest.raises(WrongPassphraseError):
        clinic_store.create("client-01", "not the clinic one", under_clinic=True)
    assert list(clinic_store.root.iterdir()) == []  # no case, no half-built folder


def test_the_clinic_passphrase_does_not_open_a_case_with_its_own(clinic_store: CaseStore) -> None:
    clinic_store.clinic.init(CLINIC)
    clinic_store.create("own-case", OWN).close()
    assert key_document(clinic_store, "own-case")["version"] == 1  # as before clinics
    with pytest.raises(WrongPassphraseError, match="does not unlock this case"):
        clinic_store.open("own-case", CLINIC)
    with clinic_store.open("own-case", OWN) as case:
        assert case.unlocked_with == "case"


def test_changing_the_clinic_passphrase_rewraps_only_the_clinic_key(
    clinic_store: CaseStore, tmp_path: Path
) -> None:
    clinic_store.clinic.init(CLINIC)
    for name in ("client-01", "client-02"):
        clinic_store.create(name, CLINIC, under_clinic=True).close()
    case_keys = {
        n: (clinic_store.case_dir(n) / KEY_FILE).read_bytes() for n in ("client-01", "client-02")
    }
    backup = tmp_path / "clinic.key.bak"
    shutil.copy(clinic_store.clinic.key_path, backup)
    clinic_id = clinic_store.clinic.require().clinic_id

    with pytest.raises(WrongPassphraseError):
        clinic_store.clinic.change_passphrase("wrong old passphrase", "new clinic passphrase")
    with pytest.raises(WeakPassphraseError):
        clinic_store.clinic.change_passphrase(CLINIC, "short")
    assert clinic_store.clinic.key_path.read_bytes() == backup.read_bytes()

    clinic_store.clinic.change_passphrase(CLINIC, "new clinic passphrase")
    assert clinic_store.clinic.require().clinic_id == clinic_id
    for name, raw in case_keys.items():
        assert (clinic_store.case_dir(name) / KEY_FILE).read_bytes() == raw
        with pytest.raises(WrongPassphraseError):
            clinic_store.open(name, CLINIC)
        clinic_store.open(name, "new clinic passphrase").close()

    shutil.copy(backup, clinic_store.clinic.key_path)  # a backup still opens with the old one
    clinic_store.open("client-01", CLINIC).close()


def test_a_clinic_case_given_its_own_passphrase_opens_with_either(clinic_store: CaseStore) -> None:
    clinic_store.clinic.init(CLINIC)
    clinic_store.create("client-01", CLINIC, under_clinic=True).close()
    clinic_store.change_passphrase("client-01", CLINIC, OWN)
    document = key_document(clinic_store, "client-01")
    assert document["version"] == 2 and {"own", "clinic"} <= document.keys()

    for passphrase, kind in ((CLINIC, "clinic"), (OWN, "case")):
        with clinic_store.open("client-01", passphrase) as case:
            assert case.unlocked_with == kind
    with pytest.raises(WrongPassphraseError, match="neither the case's own passphrase nor"):
        clinic_store.open("client-01", "neither of the two")

    # Handed to the client: on a computer without the clinic key its own passphrase works.
    clinic_store.clinic.key_path.unlink()
    clinic_store.open("client-01", OWN).close()


def test_a_clinic_only_case_elsewhere_says_which_key_is_missing(
    clinic_store: CaseStore, tmp_path: Path
) -> None:
    clinic_store.clinic.init(CLINIC)
    clinic_store.create("client-01", CLINIC, under_clinic=True).close()
    saved = clinic_store.clinic.key_path.read_bytes()
    clinic_store.clinic.key_path.unlink()
    with pytest.raises(ClinicKeyError, match="this computer has no clinic key"):
        clinic_store.open("client-01", CLINIC)

    other = CaseStore(resolve_paths(tmp_path / "other"), kdf=TEST_KDF, clinic_kdf=CHEAP_ARGON2)
    other.clinic.init(CLINIC)  # the same words, but another clinic's key
    shutil.copy(other.clinic.key_path, clinic_store.clinic.key_path)
    with pytest.raises(ClinicKeyError, match="another clinic"):
        clinic_store.open("client-01", CLINIC)
    clinic_store.clinic.key_path.write_bytes(saved)
    clinic_store.open("client-01", CLINIC).close()


def test_join_and_leave_the_clinic(clinic_store: CaseStore) -> None:
    clinic_store.create("walk-in", OWN).close()
    clinic_store.clinic.init(CLINIC)
    with pytest.raises(WrongPassphraseError):
        clinic_store.join_clinic("walk-in", "not its passphrase", CLINIC)
    clinic_store.join_clinic("walk-in", OWN, CLINIC)
    with clinic_store.open("walk-in", CLINIC) as case:
        assert case.unlocked_with == "clinic"
    clinic_store.open("walk-in", OWN).close()

    with pytest.raises(WrongPassphraseError, match="own passphrase, not the clinic's"):
        clinic_store.leave_clinic("walk-in", CLINIC)
    clinic_store.leave_clinic("walk-in", OWN)
    assert key_document(clinic_store, "walk-in")["version"] == 1
    with pytest.raises(WrongPassphraseError):
        clinic_store.open("walk-in", CLINIC)

    clinic_store.create("client-02", CLINIC, under_clinic=True).close()
    with pytest.raises(ClinicKeyError, match="no passphrase of its own"):
        clinic_store.leave_clinic("client-02", CLINIC)


def test_a_clinic_wrap_moved_to_another_case_is_refused(clinic_store: CaseStore) -> None:
    clinic_store.clinic.init(CLINIC)
    for name in ("client-01", "client-02"):
        clinic_store.create(name, CLINIC, under_clinic=True).close()
    one, two = key_document(clinic_store, "client-01"), key_document(clinic_store, "client-02")
    one["clinic"] = two["clinic"]  # B's wrap (B's data key) pasted into A's key file
    (clinic_store.case_dir("client-01") / KEY_FILE).write_text(json.dumps(one))
    with pytest.raises(CorruptCaseError, match="does not open with the clinic key"):
        clinic_store.open("client-01", CLINIC)
    clinic_store.open("client-02", CLINIC).close()


@pytest.mark.parametrize(
    "change",
    [
        {"kdf": {"name": "argon2id", "time_cost": 3, "memory_kib": 2**40, "parallelism": 4}},
        {"kdf": {"name": "pbkdf2"}},
        {"salt": "not base64!"},
        {"nonce": "AAAA"},
        {"clinic_id": "../../etc"},
        {"version": 9},
    ],
)
def test_a_damaged_clinic_key_is_refused_and_own_cases_still_open(
    clinic_store: CaseStore, change: dict[str, object]
) -> None:
    clinic_store.clinic.init(CLINIC)
    clinic_store.create("client-01", CLINIC, under_clinic=True).close()
    clinic_store.create("own-case", OWN).close()
    document = json.loads(clinic_store.clinic.key_path.read_text())
    document.update(change)
    clinic_store.clinic.key_path.write_text(json.dumps(document))
    with pytest.raises(CorruptCaseError, match="clinic key file") as refused:
        clinic_store.open("client-01", CLINIC)
    assert "backup" in refused.value.todo
    clinic_store.open("own-case", OWN).close()  # never reads the clinic key


def test_a_damaged_clinic_key_does_not_stop_a_case_with_both(clinic_store: CaseStore) -> None:
    clinic_store.clinic.init(CLINIC)
    clinic_store.create("client-01", CLINIC, under_clinic=True).close()
    clinic_store.change_passphrase("client-01", CLINIC, OWN)
    clinic_store.clinic.key_path.write_bytes(b"\x00garbage")
    clinic_store.open("client-01", OWN).close()
    with pytest.raises(CorruptCaseError, match="clinic key file"):
        clinic_store.open("client-01", CLINIC)


def test_deleting_a_clinic_case_destroys_its_wrap_and_keeps_the_others(
    clinic_store: CaseStore,
) -> None:
    clinic_store.clinic.init(CLINIC)
    for name in ("client-01", "client-02"):
        clinic_store.create(name, CLINIC, under_clinic=True).close()
    clinic_store.delete("client-01", cache="keep")
    assert not clinic_store.exists("client-01") and clinic_store.clinic.exists()
    clinic_store.open("client-02", CLINIC).close()


def test_the_audit_log_says_which_passphrase_locked_and_opened_the_case(
    clinic_store: CaseStore,
) -> None:
    clinic_store.clinic.init(CLINIC)
    clinic_store.create("client-01", CLINIC, under_clinic=True).close()
    clinic_store.open("client-01", CLINIC).close()
    clinic_store.change_passphrase("client-01", CLINIC, OWN)
    with clinic_store.open("client-01", OWN) as case:
        log = [(entry.action, entry.details) for entry in case.audit_log()]
        assert case.verify_audit().ok
    assert log == [
        ("case_created", {"evidence_policy": "full", "unlocks_with": ["clinic_passphrase"]}),
        ("case_opened", {"opened_with": "clinic_passphrase"}),
        ("case_opened", {"opened_with": "clinic_passphrase"}),  # to change the passphrase
        ("passphrase_changed", {"unlocks_with": ["case_passphrase", "clinic_passphrase"]}),
        ("case_opened", {"opened_with": "case_passphrase"}),
    ]
    assert all(CLINIC not in str(d) and OWN not in str(d) for _, d in log)


@pytest.mark.parametrize(
    "damage",
    [
        lambda d: d.pop("clinic"),  # no wrap left at all
        lambda d: d["clinic"].update(clinic_id="Z" * 32),
        lambda d: d["clinic"].update(nonce="AAAA"),
        lambda d: d["clinic"].update(wrapped_key=7),
        lambda d: d.update(own={"kdf": {"name": "scrypt", "n": 2**40, "r": 8, "p": 1}}),
        lambda d: d.update(version=3),
    ],
)
def test_a_damaged_version_2_key_file_is_refused_as_such(
    clinic_store: CaseStore, damage: Any
) -> None:
    clinic_store.clinic.init(CLINIC)
    clinic_store.create("client-01", CLINIC, under_clinic=True).close()
    key_path = clinic_store.case_dir("client-01") / KEY_FILE
    document = json.loads(key_path.read_text())
    damage(document)
    key_path.write_text(json.dumps(document))
    with pytest.raises(CorruptCaseError, match="key file is damaged") as refused:
        clinic_store.open("client-01", CLINIC)
    assert "backup" in refused.value.todo
    assert json.loads(key_path.read_text()) == document  # refused, not rewritten


def test_a_clinic_key_that_cannot_be_written_is_said_and_nothing_is_left(
    clinic_store: CaseStore,
) -> None:
    from faceaudit.paths import DataFolderError

    clinic_store.paths.base.mkdir(parents=True, exist_ok=True)
    (clinic_store.paths.base / CLINIC_FOLDER).write_text("a file where the folder goes")
    with pytest.raises(DataFolderError) as refused:
        clinic_store.clinic.init(CLINIC)
    assert refused.value.what and refused.value.todo
    assert not clinic_store.clinic.exists()
