"""What reaches the disk: no plaintext biometrics, a versioned schema, durable commits, deletion."""

from __future__ import annotations

import hashlib
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from faceaudit.store import (
    DB_FILE,
    KEY_FILE,
    CaseNotFoundError,
    CaseStore,
    CorruptCaseError,
    Person,
    StoreError,
)
from faceaudit.store.db import connect
from faceaudit.store.schema import MIGRATIONS, migrate, user_version


def case_files_bytes(directory: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in directory.iterdir() if p.is_file()}


def windows(data: bytes, width: int = 48, count: int = 12) -> list[bytes]:
    """Distinctive slices spread across ``data`` (each must be absent from the files)."""
    step = max(1, (len(data) - width) // count)
    return [data[i : i + width] for i in range(0, len(data) - width, step)][:count]


def test_no_plaintext_biometrics_in_db_or_wal(store: CaseStore, samples, photo_bytes) -> None:
    reference = samples.make_reference(11, photo_bytes)
    cached = samples.make_face(12)
    thumb = samples.jpeg_crop(photo_bytes, size=96)
    secret_name = "Alice Unmistakable-Surname"
    case = store.create("alice", samples.passphrase, person=Person(full_name=secret_name))
    case.add_reference("t1.jpg", photo_bytes, reference)
    case.store_faces("ab" * 32, [cached])
    scan = case.start_scan({})
    sha = hashlib.sha256(photo_bytes).hexdigest()
    case.add_finding(
        scan, sha, samples.provenance(photo_bytes), samples.make_match(13), thumb, photo_bytes
    )
    plaintexts = {
        "reference embedding": reference.embedding.tobytes(),
        "cached embedding": cached.embedding.tobytes(),
        "match embedding": samples.make_match(13).face.embedding.tobytes(),
    }
    directory = store.case_dir("alice")

    def check() -> None:
        files = case_files_bytes(directory)
        for name, content in files.items():
            for what, data in plaintexts.items():
                for window in windows(data, width=32):
                    assert window not in content, f"{what} in plaintext in {name}"
            for window in windows(photo_bytes) + windows(thumb, width=32, count=4):
                assert window not in content, f"photo bytes in plaintext in {name}"
            assert secret_name.encode() not in content

    # While open, the newest pages sit in the WAL: check the DB, the WAL and the shm.
    assert (directory / f"{DB_FILE}-wal").stat().st_size > 0
    check()
    case.close()
    for name, content in case_files_bytes(directory).items():
        assert windows(photo_bytes)[3] not in content, name


def test_delete_destroys_the_key_and_every_file(
    store: CaseStore, samples, photo_bytes, tmp_path: Path
) -> None:
    with store.create("alice", samples.passphrase) as case:
        case.add_reference("t1.jpg", photo_bytes, samples.make_reference(1, photo_bytes))
        directory = case.directory
    store.create("bob", samples.passphrase).close()
    wrapped_key = (directory / KEY_FILE).read_bytes()
    # A copy of the database taken before deletion (a backup, an SSD's stale blocks)...
    leftover = tmp_path / "leftover"
    leftover.mkdir()
    (leftover / DB_FILE).write_bytes((directory / DB_FILE).read_bytes())
    open_case = store.open("alice", samples.passphrase)  # an open case is closed by delete
    store.delete("alice")
    assert open_case.closed
    assert not directory.exists()
    assert [p.name for p in store.root.iterdir()] == ["bob"]
    for path in store.paths.base.rglob("*"):
        if path.is_file():
            assert wrapped_key[-60:] not in path.read_bytes(), path
    with pytest.raises(CaseNotFoundError):
        store.open("alice", samples.passphrase)
    # ...cannot be opened even with the passphrase: the key is gone.
    restored = store.root / "alice"
    restored.mkdir()
    (restored / DB_FILE).write_bytes((leftover / DB_FILE).read_bytes())
    with pytest.raises(CorruptCaseError, match="key file"):
        store.open("alice", samples.passphrase)
    store.open("bob", samples.passphrase).close()


def test_schema_version_is_recorded(store: CaseStore, samples) -> None:
    store.create("alice", samples.passphrase).close()
    conn = sqlite3.connect(store.case_dir("alice") / DB_FILE)
    assert user_version(conn) == len(MIGRATIONS)
    conn.close()


def test_migration_runner_upgrades_in_order_and_stops_whole(tmp_path: Path) -> None:
    """The runner against a real version-1 file and a second version: an upgrade keeps the
    data; a failing step leaves the previous whole version."""
    db = tmp_path / "case.sqlite"
    db.touch()
    conn = connect(db)
    first = MIGRATIONS[:1]  # later migrations may touch other tables: start from version 1
    assert migrate(conn, db, first) == 1
    conn.execute("INSERT INTO sources (url, added_at) VALUES ('https://a.test/', 'now')")
    broken = (
        *first,
        ("ALTER TABLE sources ADD COLUMN label TEXT", "CREATE TABLE sources (x)"),
    )
    with pytest.raises(StoreError):  # the SQLite error, translated
        migrate(conn, db, broken)
    assert user_version(conn) == 1
    assert [r[1] for r in conn.execute("PRAGMA table_info(sources)")] == [
        "id",
        "url",
        "added_at",
        "options",
    ]
    good = (*first, ("ALTER TABLE sources ADD COLUMN label TEXT NOT NULL DEFAULT ''",))
    assert migrate(conn, db, good) == 2
    assert conn.execute("SELECT url, label FROM sources").fetchall() == [("https://a.test/", "")]
    conn.close()


_WRITER = textwrap.dedent(
    """
    import sys
    from faceaudit.paths import resolve_paths
    from faceaudit.store import CaseStore, KdfParams
    case = CaseStore(resolve_paths(sys.argv[1]), kdf=KdfParams(n=2**10)).open("alice", sys.argv[2])
    scan = case.start_scan({})
    for i in range(100000):
        case.mark_image_processed(scan, f"image-{i}", i % 3)
        case.add_sources([f"https://example.org/{i}"])
        print(i, flush=True)  # acknowledged: both commits returned
    """
)


def test_kill_9_loses_no_acknowledged_write(store: CaseStore, samples) -> None:
    store.create("alice", samples.passphrase).close()
    writer = subprocess.Popen(
        [sys.executable, "-c", _WRITER, str(store.paths.base), samples.passphrase],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert writer.stdout is not None
    acknowledged = -1
    for line in writer.stdout:
        acknowledged = int(line)
        if acknowledged >= 150:
            break
    assert acknowledged >= 150, "the writer stopped on its own"
    os.kill(writer.pid, signal.SIGKILL)
    writer.wait()
    writer.stdout.close()
    with store.open("alice", samples.passphrase) as case:
        scan = case.resumable_scan()
        assert scan is not None  # killed while running: resumable
        urls = {s.url for s in case.sources()}
        for i in range(acknowledged + 1):
            assert case.image_processed(scan, f"image-{i}")
            assert f"https://example.org/{i}" in urls
        # Nothing half-written: every processed image beyond the acknowledged ones is whole too.
        assert case.processed_count(scan) in (len(urls), len(urls) + 1)
