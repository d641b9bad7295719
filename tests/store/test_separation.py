"""Client separation: each case has its own data key, even two cases under one clinic key.

With case A open, nothing of case B's sealed data can be read through A (its sealer fails
every one of B's values, whatever row it is given), A's key does not open B, a value moved
from B into A is refused, the unlock agent hands out keys per case, and ``case list`` shows
no personal data.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from faceaudit.agent import AgentClient
from faceaudit.cli import main
from faceaudit.paths import resolve_paths
from faceaudit.store import (
    DB_FILE,
    Argon2Params,
    Case,
    CaseStore,
    CorruptCaseError,
    Person,
    TamperedDataError,
)

from .conftest import TEST_KDF

CHEAP_ARGON2 = Argon2Params(time_cost=1, memory_kib=64, parallelism=1)
CLINIC = "clinic wide passphrase for everyone"
OWN = "a passphrase of case c's own"
SECRETS = {
    "client-a": Person(full_name="Ana Alvarez", email="ana@example.org", postal_address="1 A St"),
    "client-b": Person(full_name="Bea Brandt", email="bea@example.org", postal_address="2 B Rd"),
}
# The row key each sealed column is bound to (see faceaudit.store.case).
ROW_KEYS = {
    ("person", "details_blob"): "SELECT details_blob, '1' FROM person",
    ("reference_photos", "photo_blob"): "SELECT photo_blob, uid FROM reference_photos",
    ("reference_photos", "face_blob"): "SELECT face_blob, uid FROM reference_photos",
    ("face_cache", "faces_blob"): "SELECT faces_blob, cache_key FROM face_cache",
    ("findings", "thumbnail_blob"): "SELECT thumbnail_blob, finding_key FROM findings",
    ("evidence", "data_blob"): "SELECT data_blob, image_sha256 FROM evidence",
}


def fill(case: Case, samples: Any, photo: bytes, seed: int) -> None:
    """A reference, a cached face and a finding with its thumbnail and evidence copy."""
    case.add_reference(f"ref-{seed}.jpg", photo, samples.make_reference(seed, photo))
    case.store_faces(f"{seed:02x}" * 32, [samples.make_face(seed + 1)])
    scan = case.start_scan({})
    sha = hashlib.sha256(photo).hexdigest()
    case.add_finding(
        scan,
        sha,
        samples.provenance(photo),
        samples.make_match(seed + 2),
        samples.jpeg_crop(photo),
        photo,
    )
    case.finish_scan(scan, {})


@pytest.fixture
def clinic_store(sandbox_home: Path, samples: Any, photo_bytes: bytes) -> CaseStore:
    store = CaseStore(resolve_paths(sandbox_home), kdf=TEST_KDF, clinic_kdf=CHEAP_ARGON2)
    store.clinic.init(CLINIC)
    for seed, (name, person) in enumerate(SECRETS.items(), start=1):
        with store.create(name, CLINIC, person=person, under_clinic=True) as case:
            fill(case, samples, photo_bytes, seed * 10)
    with store.create("client-c", OWN, person=Person(full_name="Cy Cole")) as case:
        fill(case, samples, photo_bytes, 40)
    return store


def sealed_cells(db_path: Path) -> Iterator[tuple[str, str, bytes, list[str]]]:
    """Every value of every ``*_blob`` column of a case file, read without its key, with
    the texts of its row (one of which is its row key)."""
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        for table in tables:
            columns = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
            for column in (c for c in columns if c.endswith("_blob")):
                for row in conn.execute(f"SELECT * FROM {table}"):  # noqa: S608 (its own schema)
                    values = dict(zip(columns, row, strict=True))
                    texts = [str(v) for k, v in values.items() if not k.endswith("_blob")]
                    yield table, column, bytes(values[column]), [*texts, "1"]
    finally:
        conn.close()


def test_a_cases_sealer_opens_none_of_another_cases_values(clinic_store: CaseStore) -> None:
    b_path = clinic_store.case_dir("client-b") / DB_FILE
    with clinic_store.open("client-b", CLINIC) as b:
        for (table, column), sql in ROW_KEYS.items():  # the right row keys: B opens them
            with sqlite3.connect(f"file:{b_path}?mode=ro", uri=True) as conn:
                rows = conn.execute(sql).fetchall()
            assert rows, f"{table}.{column} is empty: the test filled nothing"
            for blob, row_key in rows:
                b.unseal(bytes(blob), table, column, str(row_key))
    tried = 0
    with clinic_store.open("client-a", CLINIC) as a:
        assert a.person.full_name == "Ana Alvarez"
        for table, column, blob, row_texts in sealed_cells(b_path):
            for row_key in row_texts:
                with pytest.raises(TamperedDataError):
                    a.unseal(blob, table, column, row_key)
                tried += 1
    assert tried >= len(ROW_KEYS)


def test_a_value_moved_from_one_case_into_another_is_refused(clinic_store: CaseStore) -> None:
    a_path = clinic_store.case_dir("client-a") / DB_FILE
    b_path = clinic_store.case_dir("client-b") / DB_FILE
    with sqlite3.connect(b_path) as conn:
        person = conn.execute("SELECT details_blob FROM person").fetchone()[0]
        photo = conn.execute("SELECT photo_blob FROM reference_photos").fetchone()[0]
        thumb = conn.execute("SELECT thumbnail_blob FROM findings").fetchone()[0]
    with sqlite3.connect(a_path) as conn:  # same row keys in A: only the case differs
        conn.execute("UPDATE person SET details_blob = ?", (person,))
        conn.execute("UPDATE reference_photos SET photo_blob = ?", (photo,))
        conn.execute("UPDATE findings SET thumbnail_blob = ?", (thumb,))
    conn.close()
    with clinic_store.open("client-a", CLINIC) as a:
        with pytest.raises(TamperedDataError):
            _ = a.person
        with pytest.raises(TamperedDataError):
            a.reference_photo(a.reference_rows()[0].id)
        with pytest.raises(TamperedDataError):
            a.finding_thumbnail(a.findings()[0].id)


def test_one_cases_key_does_not_open_another(clinic_store: CaseStore) -> None:
    keys = {name: clinic_store.unlock(name, CLINIC)[1] for name in SECRETS}
    keys["client-c"] = clinic_store.unlock("client-c", OWN)[1]
    assert len(set(keys.values())) == 3  # one clinic passphrase, three data keys
    for name, key in keys.items():
        for other in keys.keys() - {name}:
            with pytest.raises(CorruptCaseError, match=r"key check|another case"):
                clinic_store.open_with_key(other, key)
    with clinic_store.open_with_key("client-b", keys["client-b"]) as b:
        assert b.person.full_name == "Bea Brandt"


def test_the_agent_holds_keys_per_case(
    clinic_store: CaseStore, tmp_path_factory: pytest.TempPathFactory, monkeypatch: Any
) -> None:
    monkeypatch.setenv("FACEAUDIT_AGENT_DIR", str(tmp_path_factory.mktemp("agent")))
    client = AgentClient()
    a_id, a_key = clinic_store.unlock("client-a", CLINIC)
    b_id = clinic_store.case_id("client-b")
    try:
        client.put(a_id, a_key, 60)
        assert client.get(a_id) == a_key
        assert client.get(b_id) is None  # the clinic passphrase unlocked A, not the clinic
        assert [held.case_id for held in client.held()] == [a_id]
    finally:
        client.forget(None)


def test_case_list_shows_no_personal_data(
    clinic_store: CaseStore, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["case", "list"]) == 0
    text = capsys.readouterr().out
    assert main(["case", "list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)["cases"]
    for output in (text, json.dumps(listed)):
        for person in [*SECRETS.values(), Person(full_name="Cy Cole")]:
            for detail in (person.full_name, person.email, person.postal_address):
                if detail:
                    assert detail not in output
        assert "ref-10.jpg" not in output  # reference labels are file names: not listed
    rows = {row["name"]: row for row in listed}
    assert set(rows) == {"client-a", "client-b", "client-c"}
    for name, row in rows.items():
        assert row["case_id"] == clinic_store.case_id(name)  # the pseudonymous id
    assert rows["client-a"]["unlocks_with"] == ["clinic"]
    assert rows["client-c"]["unlocks_with"] == ["case"]
