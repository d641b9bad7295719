"""The case's audit log: what is recorded, the chain, and tamper detection on the real file."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from faceaudit.store import DB_FILE, Case, CaseStore, Person
from faceaudit.store import audit as audit_log
from faceaudit.store.crypto import Sealer


def _edit(case_dir: Path, *statements: str) -> None:
    """Change the case file as someone with sqlite3 (and no passphrase) would: the triggers
    that refuse changes are dropped first, as such a person can."""
    conn = sqlite3.connect(case_dir / DB_FILE)
    try:
        conn.execute("DROP TRIGGER IF EXISTS audit_log_no_update")
        conn.execute("DROP TRIGGER IF EXISTS audit_log_no_delete")
        for statement in statements:
            conn.execute(statement)
        conn.commit()
    finally:
        conn.close()


def _with_entries(store: CaseStore, passphrase: str, count: int = 6) -> Path:
    """A closed case whose log has entries 1 to ``count + 1``: created, then sources."""
    with store.create("bob", passphrase) as case:
        for index in range(count):
            case.add_sources([f"http://127.0.0.1:8000/page{index}.html"])
        return case.directory


def test_actions_are_recorded_with_time_caseworker_and_small_details(
    store: CaseStore, samples, photo_bytes: bytes
) -> None:
    store.caseworker = "Volunteer Sam"
    with store.create("carol", samples.passphrase, person=Person(full_name="Carol Client")) as case:
        ref = case.add_reference("me.jpg", photo_bytes, samples.make_reference(1, photo_bytes))
        case.add_sources(["http://127.0.0.1:8000/a.html", "http://127.0.0.1:8000/b.html"])
        case.update_person(email="carol@example.org")
        scan_id = case.start_scan({"workers": 1})
        finding = case.add_finding(
            scan_id,
            samples.provenance(photo_bytes).sha256,
            samples.provenance(photo_bytes),
            samples.make_match(1),
            samples.jpeg_crop(photo_bytes),
        )
        case.finish_scan(scan_id, {"images": 1, "findings": 1, "note": "not a count"})
        case.review_many([finding], "confirmed")
        case.remove_reference(ref)
        entries = case.audit_log()
    actions = [e.action for e in entries]
    assert actions == [
        audit_log.CASE_CREATED,
        audit_log.REFERENCE_ADDED,
        audit_log.SOURCE_ADDED,
        audit_log.PERSON_UPDATED,
        audit_log.SCAN_STARTED,
        audit_log.SCAN_FINISHED,
        audit_log.REVIEW,
        audit_log.REFERENCE_REMOVED,
    ]
    by_action = {e.action: e for e in entries}
    assert by_action[audit_log.SOURCE_ADDED].details == {"count": 2}
    assert by_action[audit_log.PERSON_UPDATED].details == {"fields": ["email"]}
    assert by_action[audit_log.SCAN_FINISHED].details == {
        "scan_id": scan_id,
        "status": "done",
        "images": 1,
        "findings": 1,
    }
    assert by_action[audit_log.REVIEW].details == {
        "review": "confirmed",
        "count": 1,
        "finding_ids": [finding],
    }
    assert [e.seq for e in entries] == list(range(1, len(entries) + 1))
    assert {e.caseworker for e in entries} == {"Volunteer Sam"}
    assert all(e.at.endswith("Z") for e in entries)
    # No personal data: neither the client's name nor e-mail nor a URL of theirs.
    raw = json.dumps([e.details for e in entries])
    assert "Carol" not in raw and "example.org" not in raw and "127.0.0.1" not in raw


def test_a_review_batch_is_one_entry_and_an_open_is_recorded(
    store: CaseStore, samples, photo_bytes: bytes
) -> None:
    with store.create("dora", samples.passphrase) as case:
        scan_id = case.start_scan({})
        ids = [
            case.add_finding(
                scan_id,
                "ab" * 32,
                samples.provenance(photo_bytes),
                samples.make_match(seed, bbox=(10.0 * seed, 20, 100 + 10.0 * seed, 140)),
                samples.jpeg_crop(photo_bytes),
            )
            for seed in range(1, 6)
        ]
        before = len(case.audit_log())
        case.review_many(ids, "rejected")
        after = case.audit_log()
    assert len(after) == before + 1 and after[-1].details["count"] == 5
    with store.open("dora", samples.passphrase) as case:
        last = case.audit_log()[-1]
        assert case.audit_status is not None and case.audit_status.ok
    assert (last.action, last.details) == (
        audit_log.CASE_OPENED,
        {"opened_with": "case_passphrase"},
    )


def test_intact_chain_verifies_and_survives_reopening(store: CaseStore, samples) -> None:
    _with_entries(store, samples.passphrase)
    with store.open("bob", samples.passphrase) as case:
        result = case.verify_audit()
    assert result.ok and result.entries == 8  # created, 6 sources, opened
    assert result.describe() == "The audit log is intact (8 entries)."


def test_the_store_refuses_to_change_or_delete_entries(store: CaseStore, samples) -> None:
    with (
        store.create("erin", samples.passphrase) as case,
        case.connection() as conn,
        pytest.raises(sqlite3.IntegrityError, match="append-only"),
    ):
        conn.execute("UPDATE audit_log SET caseworker = 'someone else'")
    with store.open("erin", samples.passphrase) as case:
        with pytest.raises(Exception, match="append-only"), case.connection() as conn:
            conn.execute("DELETE FROM audit_log")
        assert case.verify_audit().ok


@pytest.mark.parametrize(
    ("statements", "problem", "seq", "last_seq"),
    [
        # A detail changed: the entry no longer matches its hash.
        (["UPDATE audit_log SET details = '{\"count\":7}' WHERE seq = 4"], "altered", 4, None),
        (["UPDATE audit_log SET caseworker = 'nobody' WHERE seq = 2"], "altered", 2, None),
        (["UPDATE audit_log SET at = '2020-01-01T00:00:00Z' WHERE seq = 1"], "altered", 1, None),
        # A row deleted from the middle, or two.
        (["DELETE FROM audit_log WHERE seq = 3"], "missing", 3, 3),
        (["DELETE FROM audit_log WHERE seq IN (3, 4)"], "missing", 3, 4),
        # Reordered: two entries swap their numbers.
        (
            [
                "UPDATE audit_log SET seq = 100 WHERE seq = 3",
                "UPDATE audit_log SET seq = 3 WHERE seq = 4",
                "UPDATE audit_log SET seq = 4 WHERE seq = 100",
            ],
            "altered",
            3,
            None,
        ),
        # An entry inserted (a copy of a real one, renumbered).
        (
            [
                "UPDATE audit_log SET seq = seq + 10 WHERE seq >= 5",
                "UPDATE audit_log SET seq = seq - 9 WHERE seq >= 15",
                "INSERT INTO audit_log SELECT 5, at, caseworker, action, details, prev_hash, hash"
                " FROM audit_log WHERE seq = 4",
            ],
            "altered",
            5,
            None,
        ),
        # The newest entries cut off the end.
        (["DELETE FROM audit_log WHERE seq >= 6"], "truncated", 6, 7),
        (["DELETE FROM meta WHERE key = 'audit_head'"], "head_missing", 7, None),
        (
            [
                "UPDATE meta SET value = replace(value, '\"seq\":7', '\"seq\":5')"
                " WHERE key = 'audit_head'"
            ],
            "head_altered",
            7,
            None,
        ),
    ],
)
def test_tampering_with_the_file_is_found_and_named(
    store: CaseStore, samples, statements: list[str], problem: str, seq: int, last_seq: int | None
) -> None:
    directory = _with_entries(store, samples.passphrase)  # entries 1..7
    _edit(directory, *statements)
    with store.open("bob", samples.passphrase) as case:  # a broken chain still opens
        status = case.audit_status
        assert status is not None and not status.ok
        assert (status.problem, status.seq) == (problem, seq)
        if last_seq is not None:
            assert status.last_seq == last_seq
        assert f"broken at entry {seq}" in status.describe()
        # The break is written into the log itself, then the opening.
        found, opened = case.audit_log()[-2:]
    assert found.action == audit_log.AUDIT_BREAK_FOUND and found.details["problem"] == problem
    assert opened.action == audit_log.CASE_OPENED


def test_entries_cut_from_the_end_stay_missing_after_new_entries(store: CaseStore, samples) -> None:
    directory = _with_entries(store, samples.passphrase)
    _edit(directory, "DELETE FROM audit_log WHERE seq >= 6")
    seen = []
    for _ in range(3):
        with store.open("bob", samples.passphrase) as case:
            status = case.audit_status
            assert status is not None
            seen.append((status.problem, status.seq, status.last_seq))
            found = [e for e in case.audit_log() if e.action == audit_log.AUDIT_BREAK_FOUND]
    # New entries follow the head, so what was cut stays a gap in the numbering.
    assert seen == [("truncated", 6, 7), ("missing", 6, 7), ("missing", 6, 7)]
    # Written into the log once as cut off the end, then once as the gap it became.
    assert [e.details["problem"] for e in found] == ["truncated", "missing"]


def test_a_chain_recomputed_without_the_case_key_does_not_verify(store: CaseStore, samples) -> None:
    """Someone who rewrites an entry and recomputes every hash with another key (they do not
    have the case's) is caught at the first entry they rewrote."""
    directory = _with_entries(store, samples.passphrase)
    forger = Sealer(store.case_id("bob"), b"\x01" * 32)
    conn = sqlite3.connect(directory / DB_FILE)
    conn.execute("DROP TRIGGER audit_log_no_update")
    rows = conn.execute(
        "SELECT seq, at, caseworker, action, details, prev_hash FROM audit_log ORDER BY seq"
    ).fetchall()
    prev = rows[2][5]
    for seq, at, caseworker, action, details, _prev in rows[2:]:
        if seq == 3:
            caseworker = "someone else"
        new_hash = forger.audit_mac(
            audit_log.entry_message(
                store.case_id("bob"), seq, at, caseworker, action, details, prev
            )
        )
        conn.execute(
            "UPDATE audit_log SET caseworker = ?, prev_hash = ?, hash = ? WHERE seq = ?",
            (caseworker, prev, new_hash, seq),
        )
        prev = new_hash
    conn.commit()
    conn.close()
    with store.open("bob", samples.passphrase) as case:
        assert case.audit_status is not None
        assert (case.audit_status.problem, case.audit_status.seq) == ("altered", 3)


def test_details_must_be_small_facts(case: Case) -> None:
    with pytest.raises(ValueError, match="identifier"):
        case.record_action("Not An Action")
    with pytest.raises(ValueError, match="longer than"):
        case.record_action(audit_log.EXPORTED, note="x" * 1000)
    with pytest.raises(ValueError, match="text, a number"):
        case.record_action(audit_log.EXPORTED, blob=b"bytes")
    with pytest.raises(ValueError, match="finite"):
        case.record_action(audit_log.EXPORTED, ratio=float("nan"))
    entry = case.record_action(audit_log.EXPORTED, format="age", files=3, recipients=["a", "b"])
    assert entry.details == {"files": 3, "format": "age", "recipients": ["a", "b"]}
    assert case.verify_audit().ok


def test_record_action_inside_a_failed_transaction_is_undone(case: Case) -> None:
    before = len(case.audit_log())
    with pytest.raises(RuntimeError), case.connection():
        case.record_action(audit_log.LETTER_GENERATED, letter_id=1)
        raise RuntimeError("the letter could not be written")
    assert len(case.audit_log()) == before
    assert case.verify_audit().ok


def test_caseworker_comes_from_the_environment_then_config_then_the_user(
    sandbox_home: Path, monkeypatch: pytest.MonkeyPatch, samples
) -> None:
    from faceaudit.app import App
    from faceaudit.config import Config, caseworker_name, save_config

    paths = App.create(data_dir=str(sandbox_home)).paths
    save_config(paths, Config(caseworker="Clinic Desk 2"))
    monkeypatch.delenv("FACEAUDIT_CASEWORKER", raising=False)
    assert CaseStore(paths, kdf=samples.kdf).caseworker == "Clinic Desk 2"
    monkeypatch.setenv("FACEAUDIT_CASEWORKER", "Ana\x1b[2J Volunteer")
    assert CaseStore(paths, kdf=samples.kdf).caseworker == "Ana[2J Volunteer"
    app = App.create(data_dir=str(sandbox_home), caseworker="Option Given")
    assert app.case_store().caseworker == "Option Given"
    monkeypatch.delenv("FACEAUDIT_CASEWORKER")
    assert caseworker_name(Config()) not in ("", "Clinic Desk 2")  # the OS user name


def test_an_entry_spliced_in_from_a_copy_of_the_case_is_unchained(
    store: CaseStore, samples
) -> None:
    """A copy of the case (a backup, a hand-off) has the same key: its entries carry valid
    hashes, but one moved into the original does not follow the entry before it."""
    import shutil

    directory = _with_entries(store, samples.passphrase, count=2)  # entries 1..3
    shutil.copytree(directory, directory.with_name("bob-copy"))
    for name in ("bob", "bob-copy"):
        store.caseworker = f"worker on {name}"
        with store.open(name, samples.passphrase) as case:  # 4: opened
            case.add_sources([f"http://127.0.0.1:8000/{name}.html"])  # 5
    copy = sqlite3.connect(directory.with_name("bob-copy") / DB_FILE)
    row = copy.execute("SELECT * FROM audit_log WHERE seq = 5").fetchone()
    copy.close()
    _edit(directory, "DELETE FROM audit_log WHERE seq = 5")
    conn = sqlite3.connect(directory / DB_FILE)
    conn.execute("INSERT INTO audit_log VALUES (?, ?, ?, ?, ?, ?, ?)", row)
    conn.commit()
    conn.close()
    with store.open("bob", samples.passphrase) as case:
        assert case.audit_status is not None
        assert (case.audit_status.problem, case.audit_status.seq) == ("unchained", 5)
        assert "does not follow" in case.audit_status.describe()


def test_the_default_caseworker_never_asks_the_name_service(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Without LOGNAME/USER, getpass would read the password database through NSS (nscd,
    LDAP, NIS), which can leave the machine: the uid is named instead."""
    import os

    from faceaudit.config import Config, caseworker_name

    for variable in ("FACEAUDIT_CASEWORKER", "LOGNAME", "USER", "LNAME", "USERNAME"):
        monkeypatch.delenv(variable, raising=False)
    assert caseworker_name(Config()) == f"uid {os.getuid()}"
    monkeypatch.setenv("USER", "desk-3")
    assert caseworker_name(Config()) == "desk-3"


def test_the_log_says_which_passphrase_opened_the_case(store: CaseStore, samples) -> None:
    from faceaudit.store import Argon2Params

    clinic = "orange kettle violin harbour"
    store.clinic.kdf = Argon2Params(time_cost=1, memory_kib=64, parallelism=1)  # cheap
    store.clinic.init(clinic)
    store.create("client-09", clinic, under_clinic=True).close()
    with store.open("client-09", clinic) as case:
        last = case.audit_log()[-1]
    assert last.details == {"opened_with": "clinic_passphrase"}
