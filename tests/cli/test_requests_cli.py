"""``requests --all/--overdue/--ics`` and the due columns of ``case list``: no passphrase."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from faceaudit.cli import main
from faceaudit.letters import tracking
from faceaudit.letters.directory import Directory, load_builtin
from faceaudit.paths import resolve_paths
from faceaudit.store import CaseStore, KdfParams, Person

PASSPHRASE = "cli requests passphrase 9"
D = dt.date


@pytest.fixture
def two_cases(sandbox_home: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    """Two closed cases with sent requests; no passphrase is available to the commands."""
    monkeypatch.delenv("FACEAUDIT_PASSPHRASE", raising=False)
    store = CaseStore(resolve_paths(sandbox_home), kdf=KdfParams(n=2**10, r=8, p=1))
    directory = Directory(load_builtin())
    letters = {}
    for name, slug, sent in (
        ("case-a", "meta", D(2026, 1, 5)),
        ("case-b", "pimeyes", D(2026, 2, 20)),
    ):
        with store.create(name, PASSPHRASE, person=Person(full_name="Zed Private")) as case:
            operator = directory.get(slug)
            assert operator is not None
            letter_id = tracking.record_letter(
                case, letter_type="erasure", jurisdiction="eu", language="en", operator=operator
            )
            tracking.mark_sent(case, letter_id, sent, "email")
            letters[name] = letter_id
    return letters


def test_requests_all_lists_every_case_overdue_first(
    two_cases: dict[str, int], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["requests", "--all", "--today", "2026-03-01"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["CASE", "LETTER", "TYPE", "OPERATOR", "DUE", "STATUS"]
    assert lines[1].split()[:5] == ["case-a", "FA-1", "erasure", "meta", "2026-02-05"]
    assert lines[1].endswith("overdue by 24 days")
    assert lines[2].split()[:5] == ["case-b", "FA-1", "erasure", "pimeyes", "2026-03-20"]
    assert lines[2].endswith("due in 19 days")

    assert main(["requests", "--overdue", "--today", "2026-03-01", "--json"]) == 0
    [row] = json.loads(capsys.readouterr().out)
    assert row["case"] == "case-a" and row["overdue"] is True and row["days_left"] == -24
    assert "Zed" not in json.dumps(row)


def test_requests_ics_writes_one_event_per_deadline(
    two_cases: dict[str, int], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "due.ics"
    assert main(["requests", "--ics", str(target), "--today", "2026-03-01"]) == 0
    assert capsys.readouterr().out.strip() == f"Wrote 2 deadlines to {target}."
    text = target.read_text(encoding="utf-8")
    assert text.count("BEGIN:VEVENT") == 2 and "Zed" not in text
    one = tmp_path / "one.ics"
    assert main(["requests", "--case", "case-b", "--ics", str(one)]) == 0
    assert one.read_text(encoding="utf-8").count("BEGIN:VEVENT") == 1
    assert main(["requests", "--case", "nobody", "--ics", str(one)]) == 1
    assert "no case named 'nobody'" in capsys.readouterr().err


def test_case_list_shows_next_due_and_overdue(
    two_cases: dict[str, int], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["case", "list", "--today", "2026-03-01"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split()[-3:] == ["NEXT", "DUE", "OVERDUE"]
    assert lines[1].split()[0] == "case-a" and lines[1].split()[-2:] == ["-", "1"]
    assert lines[2].split()[0] == "case-b" and lines[2].split()[-2:] == ["2026-03-20", "0"]
    assert main(["case", "list", "--json"]) == 0
    cases = {c["name"]: c for c in json.loads(capsys.readouterr().out)["cases"]}
    assert set(cases) == {"case-a", "case-b"}
    assert {"next_due", "overdue"} <= set(cases["case-a"])


def test_requests_edit_discard_undo_outcome_and_reply(
    two_cases: dict[str, int],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("FACEAUDIT_PASSPHRASE", PASSPHRASE)
    case = ["requests", "--case", "case-b"]
    tomorrow = (dt.date.today() + dt.timedelta(days=1)).isoformat()
    assert main([*case, "edit", "1", "--date", tomorrow]) == 1
    assert "is in the future" in capsys.readouterr().err
    assert main([*case, "edit", "1", "--date", "2026-02-02"]) == 0
    assert capsys.readouterr().out.strip() == "Letter 1: sent 2026-02-02; answer due 2026-03-02."

    reply = tmp_path / "their answer.pdf"
    reply.write_bytes(b"%PDF-1.4 we have erased your photos")
    outcome = [*case, "outcome", "1", "complied", "--date", "2026-02-25", "--reply", str(reply)]
    assert main(outcome) == 0
    assert main(outcome) == 0
    out = capsys.readouterr().out
    assert "Letter 1: answered on 2026-02-25, complied." in out
    assert "Kept the reply their answer.pdf (35 bytes, encrypted in the case) as reply" in out
    assert main([*case, "reply", "1", "-o", str(tmp_path / "saved")]) == 0
    saved = sorted((tmp_path / "saved").iterdir())
    assert [p.read_bytes() for p in saved] == [reply.read_bytes()] * 2
    assert all(p.stat().st_mode & 0o777 == 0o600 for p in saved)

    assert main([*case, "undo", "1"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == (
        "Letter 1: took back 'answered'; it is now overdue."
    )
    assert main([*case, "discard", "1"]) == 1
    assert "not a draft" in capsys.readouterr().err
    assert main([*case, "outcome", "1", "complied", "--reply", str(tmp_path / "nope.pdf")]) == 1
    assert "nope.pdf cannot be read: it does not exist" in capsys.readouterr().err
