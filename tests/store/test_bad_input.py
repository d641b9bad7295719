"""Damaged, foreign, newer, tampered and swapped case files; full disks and read-only folders.

Each must give a clear FaceAuditError and leave the existing data as it was.
"""

from __future__ import annotations

import base64
import contextlib
import errno
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

import cv2
import numpy as np
import pytest

from faceaudit.store import (
    DB_FILE,
    KEY_FILE,
    SCHEMA_VERSION,
    Case,
    CaseStore,
    CorruptCaseError,
    DiskFullError,
    ForeignFileError,
    NewerSchemaError,
    ReadOnlyError,
    TamperedDataError,
)


def raw(store: CaseStore, name: str = "alice") -> sqlite3.Connection:
    """A plain SQLite connection to a closed case, as an attacker or a broken disk touches it."""
    return sqlite3.connect(store.case_dir(name) / DB_FILE, isolation_level=None)


def snapshot(directory: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(directory.iterdir())}


# -- files that are not (or no longer) this FaceAudit's cases ------------------------------


def test_random_bytes_are_refused_untouched(store: CaseStore, samples) -> None:
    store.create("alice", samples.passphrase).close()
    db = store.case_dir("alice") / DB_FILE
    db.write_bytes(np.random.default_rng(7).bytes(64 * 1024))
    before = snapshot(db.parent)
    with pytest.raises(CorruptCaseError) as caught:
        store.open("alice", samples.passphrase)
    assert "backup" in caught.value.todo
    assert snapshot(db.parent) == before


def test_truncated_database_is_refused(store: CaseStore, samples) -> None:
    store.create("alice", samples.passphrase).close()
    db = store.case_dir("alice") / DB_FILE
    db.write_bytes(db.read_bytes()[:50])
    with pytest.raises(CorruptCaseError):
        store.open("alice", samples.passphrase)


def test_foreign_sqlite_file_is_refused_and_not_converted(store: CaseStore, samples) -> None:
    store.create("alice", samples.passphrase).close()
    db = store.case_dir("alice") / DB_FILE
    db.unlink()
    foreign = sqlite3.connect(db)
    foreign.execute("CREATE TABLE bookmarks (url TEXT)")
    foreign.execute("INSERT INTO bookmarks VALUES ('https://example.org')")
    foreign.commit()
    foreign.close()
    before = snapshot(db.parent)
    with pytest.raises(ForeignFileError) as caught:
        store.open("alice", samples.passphrase)
    assert "not a FaceAudit case" in caught.value.what
    assert snapshot(db.parent) == before  # not switched to WAL, nothing added
    assert {s.name: s.problem for s in store.list()}["alice"]


def test_newer_schema_is_refused_untouched(store: CaseStore, samples) -> None:
    store.create("alice", samples.passphrase).close()
    conn = raw(store)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    before = snapshot(store.case_dir("alice"))
    with pytest.raises(NewerSchemaError) as caught:
        store.open("alice", samples.passphrase)
    assert "newer FaceAudit" in caught.value.what and "Update FaceAudit" in caught.value.todo
    assert snapshot(store.case_dir("alice")) == before


def test_missing_damaged_or_foreign_key_file(store: CaseStore, samples) -> None:
    store.create("alice", samples.passphrase).close()
    store.create("bob", samples.passphrase).close()
    key = store.case_dir("alice") / KEY_FILE
    original = key.read_bytes()
    key.unlink()
    with pytest.raises(CorruptCaseError, match="missing"):
        store.open("alice", samples.passphrase)
    key.write_bytes(b"\x00garbage")
    with pytest.raises(CorruptCaseError):
        store.open("alice", samples.passphrase)
    # Bob's key (same passphrase) is a valid key file, but not Alice's.
    shutil.copy(store.case_dir("bob") / KEY_FILE, key)
    with pytest.raises(CorruptCaseError, match="another case"):
        store.open("alice", samples.passphrase)
    # Absurd KDF costs in a key file are refused before any memory is spent on them.
    document = json.loads(original)
    document["kdf"]["n"] = 2**40
    key.write_text(json.dumps(document))
    with pytest.raises(CorruptCaseError, match="key-derivation"):
        store.open("alice", samples.passphrase)
    key.write_bytes(original)
    store.open("alice", samples.passphrase).close()


@pytest.mark.parametrize(
    ("field", "value"),
    [("nonce", b"abc"), ("nonce", b"n" * 200), ("salt", b""), ("wrapped_key", b"k" * 7)],
)
def test_key_file_with_misshapen_values_is_refused_as_damaged(
    store: CaseStore, samples, field: str, value: bytes
) -> None:
    """Well-formed JSON whose nonce, salt or wrapped key has an impossible length is a damaged
    key file (restore from a backup), not a crash and not a "wrong passphrase"."""
    store.create("alice", samples.passphrase).close()
    key = store.case_dir("alice") / KEY_FILE
    original = key.read_bytes()
    document = json.loads(original)
    document[field] = base64.b64encode(value).decode()
    key.write_text(json.dumps(document))
    before = snapshot(store.case_dir("alice"))
    with pytest.raises(CorruptCaseError, match="key file is damaged"):
        store.open("alice", samples.passphrase)
    assert snapshot(store.case_dir("alice")) == before
    key.write_bytes(original)
    store.open("alice", samples.passphrase).close()


# -- tampering: integrity and associated data ----------------------------------------------


def test_flipped_byte_in_the_file_is_detected(store: CaseStore, samples, photo_bytes) -> None:
    with store.create("alice", samples.passphrase) as case:
        ref_id = case.add_reference("t1.jpg", photo_bytes, samples.make_reference(1, photo_bytes))
    conn = raw(store)
    blob = conn.execute("SELECT photo_blob FROM reference_photos").fetchone()[0]
    conn.close()
    db = store.case_dir("alice") / DB_FILE
    content = bytearray(db.read_bytes())
    # The ciphertext lies in overflow pages; flip one byte in its middle, right in the file.
    start = content.find(blob[1000:1064])
    assert start > 0
    content[start + 10] ^= 0x01
    db.write_bytes(bytes(content))
    with store.open("alice", samples.passphrase) as case:
        with pytest.raises(TamperedDataError) as caught:
            case.reference_photo(ref_id)
        assert "integrity check" in caught.value.what
        assert case.person.full_name is None  # the rest of the case still reads


def test_flipped_byte_in_a_blob_is_detected(store: CaseStore, samples, photo_bytes) -> None:
    with store.create("alice", samples.passphrase) as case:
        case.add_reference("t1.jpg", photo_bytes, samples.make_reference(1, photo_bytes))
        case.store_faces("ab" * 32, [samples.make_face(2)])
    conn = raw(store)
    for table, column in (("reference_photos", "face_blob"), ("face_cache", "faces_blob")):
        blob = bytearray(conn.execute(f"SELECT {column} FROM {table}").fetchone()[0])  # noqa: S608
        blob[len(blob) // 2] ^= 0x80
        conn.execute(f"UPDATE {table} SET {column} = ?", (bytes(blob),))  # noqa: S608
    conn.close()
    with store.open("alice", samples.passphrase) as case:
        with pytest.raises(TamperedDataError):
            case.references()
        with pytest.raises(TamperedDataError):
            case.cached_faces("ab" * 32)


def test_blobs_swapped_between_rows_are_refused(store: CaseStore, samples, photo_bytes) -> None:
    other_photo = samples.insightface_photo("Tom_Hanks_54745.png").read_bytes()
    thumb = samples.jpeg_crop(photo_bytes)
    with store.create("alice", samples.passphrase) as case:
        first = case.add_reference("a", photo_bytes, samples.make_reference(1, photo_bytes))
        second = case.add_reference(
            "b", other_photo, samples.make_reference(2, other_photo), force=True
        )
        scan = case.start_scan({})
        sha = hashlib.sha256(photo_bytes).hexdigest()
        f1 = case.add_finding(
            scan, sha, samples.provenance(photo_bytes), samples.make_match(1), thumb
        )
        f2 = case.add_finding(
            scan,
            sha,
            samples.provenance(photo_bytes),
            samples.make_match(2, (1.0, 2.0, 30.0, 40.0)),
            b"other",
        )
        case.store_faces("11" * 32, [samples.make_face(3)])
    conn = raw(store)

    def swap(table: str, column: str, a: int, b: int) -> None:
        blob_a = conn.execute(f"SELECT {column} FROM {table} WHERE id = ?", (a,)).fetchone()[0]  # noqa: S608
        blob_b = conn.execute(f"SELECT {column} FROM {table} WHERE id = ?", (b,)).fetchone()[0]  # noqa: S608
        conn.execute(f"UPDATE {table} SET {column} = ? WHERE id = ?", (blob_b, a))  # noqa: S608
        conn.execute(f"UPDATE {table} SET {column} = ? WHERE id = ?", (blob_a, b))  # noqa: S608

    swap("reference_photos", "photo_blob", first, second)
    swap("findings", "thumbnail_blob", f1, f2)
    # A value moved to another table (an embedding cache entry into a thumbnail) is refused too.
    cached = conn.execute("SELECT faces_blob FROM face_cache").fetchone()[0]
    conn.execute("UPDATE findings SET thumbnail_blob = ? WHERE id = ?", (cached, f1))
    conn.close()
    with store.open("alice", samples.passphrase) as case:
        for call in (
            lambda: case.reference_photo(first),
            lambda: case.reference_photo(second),
            lambda: case.finding_thumbnail(f1),
            lambda: case.finding_thumbnail(f2),
        ):
            with pytest.raises(TamperedDataError):
                call()


def test_blob_copied_from_another_case_is_refused(store: CaseStore, samples) -> None:
    for name in ("alice", "bob"):
        with store.create(name, samples.passphrase) as case:
            case.store_faces("22" * 32, [samples.make_face(len(name))])
    from_bob = raw(store, "bob").execute("SELECT faces_blob FROM face_cache").fetchone()[0]
    conn = raw(store, "alice")
    conn.execute("UPDATE face_cache SET faces_blob = ?", (from_bob,))
    conn.close()
    with store.open("alice", samples.passphrase) as case, pytest.raises(TamperedDataError):
        case.cached_faces("22" * 32)


# -- full disk -------------------------------------------------------------------------------


def _big_png(photo: bytes) -> bytes:
    pixels = cv2.imdecode(np.frombuffer(photo, np.uint8), cv2.IMREAD_COLOR)
    return cv2.imencode(".png", cv2.resize(pixels, None, fx=2, fy=2))[1].tobytes()


def test_disk_full_mid_transaction_rolls_back_whole(store: CaseStore, samples, photo_bytes) -> None:
    """SQLite's own SQLITE_FULL, raised by the real write path when the file may not grow
    (``max_page_count``): the finding row and its sighting were already written inside the
    transaction when the evidence insert failed; all of it must be undone."""
    evidence = _big_png(photo_bytes)
    thumb = samples.jpeg_crop(photo_bytes)
    case = store.create("alice", samples.passphrase)
    case.add_sources(["https://example.org/a"])
    scan = case.start_scan({})
    kept = case.add_finding(
        scan, "a" * 64, samples.provenance(b"a"), samples.make_match(1), thumb, b"small"
    )
    with case.connection() as conn:
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count = {pages + 8}")
    sha = hashlib.sha256(evidence).hexdigest()
    with pytest.raises(DiskFullError) as caught:
        case.add_finding(
            scan, sha, samples.provenance(evidence), samples.make_match(2), thumb, evidence
        )
    assert "disk is full" in caught.value.what and "Free some disk space" in caught.value.todo
    assert [f.id for f in case.findings()] == [kept]
    assert len(case.finding_sightings(kept)) == 1
    # Space is back: the same write now succeeds, and nothing was half-kept in between.
    with case.connection() as conn:
        conn.execute("PRAGMA max_page_count = 1073741823")
    added = case.add_finding(
        scan, sha, samples.provenance(evidence), samples.make_match(2), thumb, evidence
    )
    assert case.finding_evidence(added) == evidence
    case.close()
    with store.open("alice", samples.passphrase) as case:
        assert [f.id for f in case.findings()] == [kept, added]
        assert case.finding_evidence(kept) == b"small"
        assert [s.url for s in case.sources()] == ["https://example.org/a"]


class FailingFile:
    """A real file object that accepts ``budget`` bytes, then fails like a full disk."""

    def __init__(self, inner, budget: int) -> None:
        self._inner = inner
        self._budget = budget

    def write(self, data: bytes) -> int:
        if len(data) > self._budget:
            self._inner.write(data[: self._budget])
            raise OSError(errno.ENOSPC, "No space left on device")
        self._budget -= len(data)
        return self._inner.write(data)

    def __getattr__(self, name: str):
        return getattr(self._inner, name)

    def __enter__(self) -> FailingFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self._inner.close()


def test_disk_full_while_creating_leaves_nothing(
    store: CaseStore, samples, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.create("alice", samples.passphrase).close()
    before = snapshot(store.case_dir("alice"))
    real_fdopen = os.fdopen
    monkeypatch.setattr(os, "fdopen", lambda fd, *a, **k: FailingFile(real_fdopen(fd, *a, **k), 40))
    with pytest.raises(DiskFullError) as caught:
        store.create("bob", samples.passphrase)
    monkeypatch.undo()
    assert "Free some disk space" in caught.value.todo
    assert sorted(p.name for p in store.root.iterdir()) == ["alice"]
    assert snapshot(store.case_dir("alice")) == before
    store.open("alice", samples.passphrase).close()
    store.create("bob", samples.passphrase).close()


# -- read-only data directory --------------------------------------------------------------


@contextlib.contextmanager
def read_only(path: Path) -> Iterator[None]:
    """Make ``path`` unwritable for this process. Root ignores mode bits, so as root use the
    immutable attribute (ext4/xfs/btrfs), which stops root too; skip where neither works."""
    if os.geteuid() != 0:
        mode = path.stat().st_mode
        path.chmod(0o500)
        try:
            yield
        finally:
            path.chmod(mode)
        return
    chattr = shutil.which("chattr")
    if chattr is None:
        pytest.skip("running as root and chattr is absent: no way to make a folder read-only")
    done = subprocess.run([chattr, "+i", str(path)], capture_output=True, check=False)
    if done.returncode != 0:
        pytest.skip(f"running as root and this file system refuses chattr +i: {done.stderr!r}")
    try:
        yield
    finally:
        subprocess.run([chattr, "-i", str(path)], check=True)


def test_read_only_cases_folder_refuses_create(store: CaseStore, samples) -> None:
    store.create("alice", samples.passphrase).close()
    with read_only(store.root), pytest.raises(ReadOnlyError) as caught:
        store.create("bob", samples.passphrase)
    assert "writable" in caught.value.todo
    assert [p.name for p in store.root.iterdir()] == ["alice"]


def test_read_only_case_folder_refuses_open_and_keeps_data(store: CaseStore, samples) -> None:
    with store.create("alice", samples.passphrase) as case:
        case.add_sources(["https://example.org/a"])
    directory = store.case_dir("alice")
    before = snapshot(directory)
    with read_only(directory), pytest.raises(ReadOnlyError) as caught:
        store.open("alice", samples.passphrase)
    assert "--data-dir" in caught.value.todo
    assert snapshot(directory) == before
    with store.open("alice", samples.passphrase) as case:
        assert len(case.sources()) == 1


def test_read_only_case_folder_is_still_listed_with_its_counts(store: CaseStore, samples) -> None:
    """`case list` needs no write access: a case in a read-only folder is listed, not "cannot
    be read", and nothing is written next to it."""
    with store.create("alice", samples.passphrase) as case:
        case.add_sources(["https://example.org/a", "https://example.org/b"])
    directory = store.case_dir("alice")
    before = snapshot(directory)
    with read_only(directory):
        [summary] = store.list()
    assert summary.problem is None, summary.problem
    assert (summary.name, summary.sources, summary.schema_version) == ("alice", 2, SCHEMA_VERSION)
    assert snapshot(directory) == before


def test_read_only_database_file_refuses_open(store: CaseStore, samples) -> None:
    store.create("alice", samples.passphrase).close()
    with read_only(store.case_dir("alice") / DB_FILE), pytest.raises(ReadOnlyError):
        store.open("alice", samples.passphrase)


def test_case_is_usable_after_refusals(case: Case) -> None:
    # The fixture's case still works after all of the above ran on other cases.
    assert case.add_sources(["https://example.org/z"]) == 1
