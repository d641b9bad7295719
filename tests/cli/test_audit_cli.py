"""The audit, lifecycle and receipts commands end to end through ``faceaudit.cli.main``."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path

import pytest

from faceaudit.cli import main
from faceaudit.store import DB_FILE

PASSPHRASE = "a long and private passphrase"


@pytest.fixture(autouse=True)
def passphrase_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FACEAUDIT_PASSPHRASE", PASSPHRASE)
    monkeypatch.delenv("FACEAUDIT_CASEWORKER", raising=False)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_audit_lists_verifies_and_exports_csv(capsys, sandbox_home: Path) -> None:
    assert run(capsys, "--caseworker", "Ana", "case", "create", "c7")[0] == 0
    assert (
        run(
            capsys,
            "--caseworker",
            "Ben",
            "sources",
            "add",
            "--case",
            "c7",
            "http://127.0.0.1:9/a.html",
        )[0]
        == 0
    )
    status, out, _ = run(capsys, "audit", "--case", "c7")
    assert status == 0
    assert "case_created" in out and "source_added" in out and "Ana" in out and "Ben" in out
    status, out, _ = run(capsys, "audit", "--case", "c7", "--verify")
    assert status == 0 and "intact" in out
    status, out, _ = run(capsys, "audit", "--case", "c7", "--csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["action"] for r in rows][:3] == ["case_created", "case_opened", "source_added"]
    target = sandbox_home / "log.csv"
    assert run(capsys, "audit", "--case", "c7", "--csv", "-o", str(target))[0] == 0
    assert target.read_text().startswith("seq,time_utc,caseworker")
    assert target.stat().st_mode & 0o077 == 0


def test_a_tampered_log_warns_every_command_and_verify_exits_1(capsys, sandbox_home) -> None:
    run(capsys, "case", "create", "c8")
    run(capsys, "sources", "add", "--case", "c8", "http://127.0.0.1:9/a.html")
    conn = sqlite3.connect(sandbox_home / "cases" / "c8" / DB_FILE)
    conn.execute("DROP TRIGGER audit_log_no_update")
    conn.execute("UPDATE audit_log SET details = '{\"count\":99}' WHERE seq = 3")
    conn.commit()
    conn.close()
    status, _, err = run(capsys, "sources", "list", "--case", "c8")
    assert status == 0 and "warning" in err and "broken at entry 3" in err
    status, out, err = run(capsys, "audit", "--case", "c8", "--verify")
    assert status == 1 and "broken at entry 3" in err and "changed" in err
    status, out, _ = run(capsys, "audit", "--case", "c8", "--json")
    document = json.loads(out)
    assert document["intact"] is False and document["broken_at"] == 3
    assert "audit_break_found" in [e["action"] for e in document["entries"]]


def test_close_due_for_deletion_delete_and_receipts(capsys, sandbox_home: Path) -> None:
    for name in ("d1", "d2"):
        run(capsys, "case", "create", name)
    status, out, _ = run(
        capsys, "case", "close", "d1", "--outcome", "done", "--retention-days", "0"
    )
    assert status == 0 and "Closed case 'd1' (done)" in out
    run(capsys, "case", "close", "d2", "--outcome", "abandoned")  # the default: 365 days
    status, out, err = run(capsys, "case", "close", "d2", "--outcome", "done")
    assert status == 1 and "already closed" in err
    status, out, _ = run(capsys, "case", "due-for-deletion", "--json")
    assert [c["name"] for c in json.loads(out)["cases"]] == ["d1"]
    status, out, _ = run(capsys, "case", "due-for-deletion", "--today", "2028-01-01")
    assert "d1" in out and "d2" in out and "due" in out
    status, out, _ = run(capsys, "case", "retention", "d2", "0")
    assert status == 0 and "kept 0 days" in out
    assert run(capsys, "case", "retention", "d2", "soon")[0] == 2
    status, out, _ = run(capsys, "case", "reopen", "d2")
    assert status == 0
    status, out, _ = run(capsys, "case", "due-for-deletion")
    assert "d1" in out and "d2" not in out
    assert run(capsys, "--caseworker", "Clinic lead", "case", "delete", "d1", "--yes")[0] == 0
    status, out, _ = run(capsys, "receipts", "--json")
    receipts = json.loads(out)["receipts"]
    assert len(receipts) == 1 and receipts[0]["deleted_by"] == "Clinic lead"
    assert receipts[0]["outcome"] == "done" and "d1" not in json.dumps(receipts)
    status, out, _ = run(capsys, "receipts", "--csv")
    assert out.startswith("deleted_at,case_id") and receipts[0]["case_id"] in out
    status, out, _ = run(capsys, "receipts")
    assert "Clinic lead" in out


def test_closing_needs_the_passphrase(capsys, monkeypatch, sandbox_home: Path) -> None:
    run(capsys, "case", "create", "e1")
    monkeypatch.setenv("FACEAUDIT_PASSPHRASE", "not the right passphrase")
    status, _, err = run(capsys, "case", "close", "e1", "--outcome", "done")
    assert status == 1 and "passphrase" in err
    status, out, _ = run(capsys, "case", "due-for-deletion")
    assert status == 0 and "No closed case" in out
