"""Each failure named for what it is: a damaged database is not 'another case's key file', and
a case deleted during a scan is not 'damaged, restore from a backup'."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from faceaudit.paths import resolve_paths
from faceaudit.store import CaseStore, CorruptCaseError, KdfParams, Person
from faceaudit.store.errors import CaseDeletedError

PASSPHRASE = "damage messages passphrase 4"


def _store(home: Path) -> CaseStore:
    return CaseStore(resolve_paths(home), kdf=KdfParams(n=2**10, r=8, p=1))


def _make(store: CaseStore, name: str) -> Path:
    with store.create(name, PASSPHRASE, person=Person(full_name="Sam")) as case:
        return case.directory


def _damage_meta_page(db: Path) -> None:
    """Empty the B-tree page of the meta table, as a torn write or a bad sector would."""
    with sqlite3.connect(db) as conn:
        page = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'meta'").fetchone()[0]
        size = conn.execute("PRAGMA page_size").fetchone()[0]
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(db.read_bytes())
    start = (page - 1) * size + (100 if page == 1 else 0)
    data[start + 3 : start + 5] = b"\0\0"  # the page's cell count: no rows left
    db.write_bytes(bytes(data))


def test_a_damaged_database_is_not_blamed_on_the_key_file(tmp_path: Path) -> None:
    store = _store(tmp_path)
    directory = _make(store, "sam")
    _damage_meta_page(directory / "case.sqlite")
    with pytest.raises(CorruptCaseError) as refused:
        store.open("sam", PASSPHRASE)
    assert "database" in refused.value.what and "damaged" in refused.value.what
    assert "another case" not in str(refused.value)


def test_another_case_key_file_is_still_named_as_such(tmp_path: Path) -> None:
    store = _store(tmp_path)
    sam, kim = _make(store, "sam"), _make(store, "kim")
    shutil.copyfile(kim / "case.key", sam / "case.key")
    with pytest.raises(CorruptCaseError, match="belongs to another case"):
        store.open("sam", PASSPHRASE)


def test_a_case_deleted_while_open_is_said_so(tmp_path: Path) -> None:
    store = _store(tmp_path)
    _make(store, "sam")
    case = store.open("sam", PASSPHRASE)
    scan = case.start_scan({})
    _store(tmp_path).delete("sam")  # `faceaudit case delete sam` from another process
    with pytest.raises(CaseDeletedError) as stopped:
        case.finish_scan(scan, {}, "done")
    assert "was deleted while this was running" in stopped.value.what
    assert "damaged" not in str(stopped.value)
    case.close()
