"""Closing cases, retention, the list of cases due for deletion, and destruction receipts."""

from __future__ import annotations

import datetime as dt
import json
import stat
from pathlib import Path

import pytest

from faceaudit.store import CaseStore
from faceaudit.store import audit as audit_log
from faceaudit.store.lifecycle import LifecycleError
from faceaudit.store.receipts import read_receipts, receipts_csv, receipts_path
from faceaudit.store.retention import closed_cases, due_for_deletion

TODAY = dt.date.today()


def test_close_reopen_and_retention_are_kept_in_plain_and_logged(store: CaseStore, samples) -> None:
    with store.create("ann", samples.passphrase) as case:
        assert not case.lifecycle.closed and case.lifecycle.opened_at == case.created_at
        closed = case.mark_closed("abandoned", retention_days=30)
        assert (closed.outcome, closed.retention_days) == ("abandoned", 30)
        with pytest.raises(LifecycleError, match="already closed"):
            case.mark_closed("done")
        case.reopen()
        assert not case.lifecycle.closed and case.lifecycle.retention_days == 30
        with pytest.raises(LifecycleError, match="nothing to reopen"):
            case.reopen()
        case.set_retention(None)
        case.mark_closed("done")
        with pytest.raises(LifecycleError, match="cannot be used"):
            case.set_retention(-1)
        case.reopen()
        with pytest.raises(LifecycleError, match="not an outcome"):
            case.mark_closed("finished")
        actions = [(e.action, e.details) for e in case.audit_log()[1:]]
    assert actions[:5] == [
        (audit_log.CASE_CLOSED, {"outcome": "abandoned", "retention_days": 30}),
        (audit_log.CASE_REOPENED, {"was": "abandoned"}),
        (audit_log.RETENTION_CHANGED, {"retention_days": None}),
        (audit_log.CASE_CLOSED, {"outcome": "done", "retention_days": None}),
        (audit_log.CASE_REOPENED, {"was": "done"}),
    ]


def test_due_for_deletion_needs_no_passphrase_and_uses_the_clinic_default(
    store: CaseStore, samples
) -> None:
    for name, days in (("open-one", None), ("kept", 400), ("default", None), ("now", 0)):
        with store.create(name, samples.passphrase) as case:
            if name != "open-one":
                case.mark_closed("done", retention_days=days)
    listed, problems = closed_cases(store, TODAY, default_days=10)
    assert problems == []
    by_name = {c.name: c for c in listed}
    assert set(by_name) == {"kept", "default", "now"}
    assert by_name["now"].due and by_name["now"].days_overdue == 0
    assert by_name["default"].retention_days == 10 and not by_name["default"].own_retention
    assert not by_name["kept"].due and by_name["kept"].own_retention
    later = TODAY + dt.timedelta(days=10)
    assert [c.name for c in due_for_deletion(store, later, default_days=10)] == ["now", "default"]
    assert len(by_name["now"].case_id) == 32
    json.dumps([c.to_json() for c in listed])  # serialisable for --json


def test_deletion_removes_exports_and_half_built_copies_and_writes_a_receipt(
    store: CaseStore, samples
) -> None:
    store.caseworker = "Desk 3"
    with store.create("zoe-martin", samples.passphrase) as case:
        case.mark_closed("done", retention_days=0)
        case_id = case.case_id
    exports = store.paths.base / "exports" / "zoe-martin"
    exports.mkdir(parents=True)
    (exports / "letter.pdf").write_bytes(b"%PDF letter naming Zoe")
    staging = store.root / ".creating-zoe-martin-abcd1234"
    staging.mkdir()
    (staging / "case.sqlite").write_bytes(b"half")
    deletion = store.delete("zoe-martin", cache="keep")
    assert not exports.exists() and not staging.exists()
    assert deletion.receipt is not None and "receipt" in deletion.describe()
    listed = read_receipts(store.paths.base)
    assert listed.damaged_lines == [] and len(listed.receipts) == 1
    receipt = listed.receipts[0]
    assert (receipt.case_id, receipt.deleted_by, receipt.outcome) == (case_id, "Desk 3", "done")
    kinds = {d.kind: d for d in receipt.destroyed}
    assert kinds["key"].files == 1 and kinds["exports"].files == 1
    assert kinds["temporary"].files == 1 and kinds["case_files"].files >= 1
    raw = receipts_path(store.paths.base).read_text()
    assert "zoe" not in raw.lower()  # the label may be a real name: only the case id is kept
    assert stat.S_IMODE(receipts_path(store.paths.base).stat().st_mode) == 0o600
    assert stat.S_IMODE(receipts_path(store.paths.base).parent.stat().st_mode) == 0o700
    assert case_id in receipts_csv(listed.receipts)


def test_a_damaged_receipt_line_is_named_and_the_others_kept(store: CaseStore, samples) -> None:
    for name in ("a1", "a2"):
        store.create(name, samples.passphrase).close()
        store.delete(name, cache="keep")
    path = receipts_path(store.paths.base)
    lines = path.read_text().splitlines()
    path.write_text("\n".join([lines[0], "{not json", lines[1]]) + "\n")
    listed = read_receipts(store.paths.base)
    assert listed.damaged_lines == [2] and len(listed.receipts) == 2


def test_receipt_csv_cells_cannot_be_formulas(store: CaseStore, samples) -> None:
    store.caseworker = '=HYPERLINK("http://x")'
    store.create("b1", samples.passphrase).close()
    store.delete("b1", cache="keep")
    text = receipts_csv(read_receipts(store.paths.base).receipts)
    assert "'=HYPERLINK" in text


def test_purge_leaves_a_receipt_per_case(store: CaseStore, samples, sandbox_home: Path) -> None:
    from faceaudit.cleanup import purge

    for name in ("p1", "p2"):
        store.create(name, samples.passphrase).close()
    report = purge(store.paths, store)
    assert sorted(report.cases) == ["p1", "p2"]
    assert len(read_receipts(store.paths.base).receipts) == 2
