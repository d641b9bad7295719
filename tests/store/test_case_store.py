"""Creating, opening, listing and deleting real case files; person, references and sources."""

from __future__ import annotations

import hashlib
import stat
from pathlib import Path

import numpy as np
import pytest

from faceaudit.errors import FaceAuditError
from faceaudit.store import (
    DB_FILE,
    DEFAULT_KDF,
    KEY_FILE,
    SCHEMA_VERSION,
    Case,
    CaseExistsError,
    CaseNotFoundError,
    CaseStore,
    InvalidCaseNameError,
    InvalidSourceError,
    Person,
    UnknownRowError,
    WeakPassphraseError,
    WrongPassphraseError,
)


def test_default_kdf_meets_the_owasp_minimum() -> None:
    assert (DEFAULT_KDF.n, DEFAULT_KDF.r, DEFAULT_KDF.p) == (2**17, 8, 1)


def test_create_then_open_keeps_the_person(store: CaseStore, samples) -> None:
    person = Person("Alice Example", "alice@example.org", "1 Rue X, Paris", "FR", "fr")
    store.create("alice", samples.passphrase, person=person).close()
    with store.open("alice", samples.passphrase) as case:
        assert case.person == person
        assert case.update_person(email="a@example.net").email == "a@example.net"
    with store.open("alice", samples.passphrase) as case:
        assert case.person.email == "a@example.net"
        assert case.person.full_name == "Alice Example"
        assert case.person.missing() == []


def test_case_folder_is_private_and_holds_two_files_at_rest(store: CaseStore, samples) -> None:
    store.create("alice", samples.passphrase).close()
    directory = store.case_dir("alice")
    assert stat.S_IMODE(directory.stat().st_mode) == 0o700
    assert sorted(p.name for p in directory.iterdir()) == sorted([DB_FILE, KEY_FILE])
    assert stat.S_IMODE((directory / DB_FILE).stat().st_mode) == 0o600
    assert stat.S_IMODE((directory / KEY_FILE).stat().st_mode) == 0o600
    # No staging folder is left next to it.
    assert [p.name for p in store.root.iterdir()] == ["alice"]


def test_database_runs_wal_full_sync_and_foreign_keys(case: Case) -> None:
    with case.connection() as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert conn.execute("PRAGMA secure_delete").fetchone()[0] == 1


def test_existing_name_bad_name_and_weak_passphrase_are_refused(store: CaseStore, samples) -> None:
    store.create("alice", samples.passphrase).close()
    with pytest.raises(CaseExistsError):
        store.create("alice", samples.passphrase)
    for bad in ("", "../evil", ".hidden", "a/b", "x" * 65, "trailing."):
        with pytest.raises(InvalidCaseNameError):
            store.create(bad, samples.passphrase)
    with pytest.raises(WeakPassphraseError) as caught:
        store.create("bob", "short")
    assert caught.value.todo
    assert not store.exists("bob")


def test_wrong_passphrase_is_refused_and_changes_nothing(store: CaseStore, samples) -> None:
    store.create("alice", samples.passphrase).close()
    db = store.case_dir("alice") / DB_FILE
    before = db.read_bytes()
    with pytest.raises(WrongPassphraseError) as caught:
        store.open("alice", "correct horse battery stapler")
    assert "passphrase" in caught.value.what and caught.value.todo
    assert db.read_bytes() == before
    store.open("alice", samples.passphrase).close()


def test_unknown_case(store: CaseStore, samples) -> None:
    with pytest.raises(CaseNotFoundError) as caught:
        store.open("nobody", samples.passphrase)
    assert "case list" in caught.value.todo
    with pytest.raises(CaseNotFoundError):
        store.delete("nobody")


def test_list_needs_no_passphrase_and_shows_counts(case: Case, store: CaseStore, samples) -> None:
    case.add_sources(["https://example.org/a", "https://example.org/b"])
    store.create("bob", samples.passphrase).close()
    summaries = {s.name: s for s in store.list()}
    assert set(summaries) == {"alice", "bob"}
    assert summaries["alice"].sources == 2
    assert summaries["alice"].problem is None
    assert summaries["alice"].schema_version == SCHEMA_VERSION
    store.list()  # listing a closed case leaves its folder as it was
    assert sorted(p.name for p in store.case_dir("bob").iterdir()) == sorted([DB_FILE, KEY_FILE])


def test_list_reports_a_damaged_case_instead_of_failing(store: CaseStore, samples) -> None:
    store.create("alice", samples.passphrase).close()
    broken = store.root / "broken"
    broken.mkdir()
    (broken / DB_FILE).write_bytes(b"not a database at all" * 10)
    summaries = {s.name: s for s in store.list()}
    assert summaries["alice"].problem is None
    assert "not a database" in (summaries["broken"].problem or "")


def test_references_round_trip_with_their_embeddings(case: Case, samples, photo_bytes) -> None:
    reference = samples.make_reference(1, photo_bytes, "t1.jpg")
    ref_id = case.add_reference("t1.jpg", photo_bytes, reference)
    assert case.add_reference("t1.jpg", photo_bytes, reference) == ref_id  # same photo: same row
    [back] = case.references()
    assert np.array_equal(back.embedding, reference.embedding)
    assert back.embedding.dtype == np.float32
    assert back.face.bbox == reference.face.bbox
    assert back.face.landmarks == reference.face.landmarks
    assert back.photo_sha256 == hashlib.sha256(photo_bytes).hexdigest()
    assert case.reference_photo(ref_id) == photo_bytes
    assert [r.label for r in case.reference_rows()] == ["t1.jpg"]
    case.remove_reference(ref_id)
    assert case.references() == []
    with pytest.raises(UnknownRowError):
        case.remove_reference(ref_id)


def test_sources_are_validated_deduplicated_and_removable(case: Case, tmp_path: Path) -> None:
    folder = tmp_path / "photos"
    folder.mkdir()
    added = case.add_sources(["https://example.org/a", " https://example.org/a ", str(folder)])
    assert added == 2
    assert case.add_sources(["https://example.org/a"]) == 0
    rows = case.sources()
    assert [r.url_or_path for r in rows] == ["https://example.org/a", str(folder.resolve())]
    for bad in (
        "ftp://example.org/x",
        "file:///etc/passwd",
        "javascript:alert(1)",
        "http://",
        str(tmp_path / "missing"),
    ):
        with pytest.raises(InvalidSourceError):
            case.add_sources(["https://example.org/ok", bad])
    assert len(case.sources()) == 2  # all or nothing
    case.remove_source(rows[0].id)
    assert [r.url_or_path for r in case.sources()] == [str(folder.resolve())]
    with pytest.raises(UnknownRowError):
        case.remove_source(rows[0].id)


def test_closed_case_refuses_use(case: Case) -> None:
    case.close()
    with pytest.raises(FaceAuditError):
        case.sources()


def test_two_cases_are_independent(store: CaseStore, samples, photo_bytes) -> None:
    with (
        store.create("alice", samples.passphrase) as alice,
        store.create("bob", "another long passphrase") as bob,
    ):
        alice.add_reference("a", photo_bytes, samples.make_reference(1, photo_bytes))
        assert bob.references() == []
        assert alice.case_id != bob.case_id
    with pytest.raises(WrongPassphraseError):
        store.open("bob", samples.passphrase)


def test_change_passphrase_rewraps_the_key(store: CaseStore, samples, photo_bytes) -> None:
    with store.create("alice", samples.passphrase) as case:
        case.add_reference("t1.jpg", photo_bytes, samples.make_reference(1, photo_bytes))
    with pytest.raises(WrongPassphraseError):
        store.change_passphrase("alice", "not the passphrase", "a brand new passphrase")
    with pytest.raises(WeakPassphraseError):
        store.change_passphrase("alice", samples.passphrase, "short")
    store.change_passphrase("alice", samples.passphrase, "a brand new passphrase")
    with pytest.raises(WrongPassphraseError):
        store.open("alice", samples.passphrase)
    with store.open("alice", "a brand new passphrase") as case:
        assert case.reference_photo(case.reference_rows()[0].id) == photo_bytes


def test_one_case_shared_by_threads(case: Case) -> None:
    """The scan's worker thread and the GUI thread may share a Case: writes serialise."""
    import threading

    scan = case.start_scan({})
    errors: list[BaseException] = []

    def worker(offset: int) -> None:
        try:
            for i in range(50):
                case.mark_image_processed(scan, f"{offset}-{i}", 1)
                case.findings()
        except BaseException as error:  # reported below
            errors.append(error)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert case.processed_count(scan) == 200


def test_a_half_built_case_left_by_a_killed_create_is_cleared(store: CaseStore, samples) -> None:
    import os
    import time

    root = store.root
    root.mkdir(parents=True, exist_ok=True)
    dead = root / ".creating-bob-0badc0de"
    dead.mkdir()
    (dead / "case.key").write_bytes(b"sealed leftovers")
    old = time.time() - 3600
    os.utime(dead / "case.key", (old, old))
    os.utime(dead, (old, old))
    fresh = root / ".creating-carol-12345678"  # a create running right now: left alone
    fresh.mkdir()

    store.create("dave", samples.passphrase).close()

    assert not dead.exists()
    assert fresh.exists()
    assert [summary.name for summary in store.list()] == ["dave"]
