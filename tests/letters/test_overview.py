"""Requests across cases without a passphrase, and their deadlines as an iCalendar file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from faceaudit.letters import calendar, overview, tracking
from faceaudit.letters.directory import Directory, load_builtin
from faceaudit.store import Case, CaseStore, Person

D = dt.date
NOW = dt.datetime(2026, 3, 1, 12, 0, tzinfo=dt.UTC)


def _sent(case: Case, slug: str, sent: dt.date, letter_type: str = "access") -> int:
    operator = Directory(load_builtin()).get(slug)
    assert operator is not None
    letter_id = tracking.record_letter(
        case, letter_type=letter_type, jurisdiction="eu", language="en", operator=operator
    )
    tracking.mark_sent(case, letter_id, sent, "email")
    return letter_id


def _two_cases(case_store: CaseStore, passphrase: str) -> tuple[Case, Case]:
    first = case_store.create("case-a", passphrase, person=Person(full_name="Anne Secret"))
    second = case_store.create("case-b", passphrase, person=Person(full_name="Bob Hidden"))
    return first, second


def test_open_requests_of_every_case_overdue_first_without_passphrase(
    case_store: CaseStore, letters_passphrase: str
) -> None:
    first, second = _two_cases(case_store, letters_passphrase)
    with first, second:
        late = _sent(first, "meta", D(2026, 1, 5))  # due 2026-02-05: overdue on 1 March
        soon = _sent(second, "clearview-ai", D(2026, 2, 20))  # due 2026-03-20
        later = _sent(first, "pimeyes", D(2026, 2, 25), "erasure")  # due 2026-03-25
        answered = _sent(second, "meta", D(2026, 2, 1))
        tracking.mark_answered(second, answered, D(2026, 2, 10))
    # Both cases are closed: the overview reads their plain part, with no key at all.
    rows = overview.open_requests(CaseStore(case_store.paths), D(2026, 3, 1))
    assert [(r.case, r.letter_id) for r in rows] == [
        ("case-a", late),
        ("case-b", soon),
        ("case-a", later),
    ]
    assert rows[0].is_overdue(D(2026, 3, 1)) and rows[0].days_left(D(2026, 3, 1)) < 0
    assert rows[2].operator == "pimeyes" and rows[2].letter_type == "erasure"
    overdue = overview.open_requests(case_store, D(2026, 3, 1), overdue_only=True)
    assert [r.letter_id for r in overdue] == [late]

    by_case = overview.deadlines_by_case(case_store, D(2026, 3, 1))
    assert by_case["case-a"] == overview.CaseDeadlines(rows[2].due, 1)
    assert by_case["case-b"] == overview.CaseDeadlines(rows[1].due, 0)


def test_overview_reads_nothing_personal(case_store: CaseStore, letters_passphrase: str) -> None:
    first, second = _two_cases(case_store, letters_passphrase)
    with first, second:
        letter_id = _sent(first, "meta", D(2026, 1, 5))
        tracking.mark_extended(
            first, letter_id, note="Anne called their DPO", announced_on=D(2026, 1, 20)
        )
    rows = overview.open_requests(case_store, D(2026, 3, 1))
    text = repr(rows) + repr([r.to_json(D(2026, 3, 1)) for r in rows])
    ics = calendar.ics_text(calendar.deadline_events(rows, D(2026, 3, 1)), now=NOW)
    for secret in ("Anne", "Secret", "Bob", "DPO", "@"):
        assert secret not in text.replace("@faceaudit", "")
        assert secret not in ics.replace("@faceaudit", "")
    assert rows[0].status == "extended" and rows[0].due == D(
        2026, 4, 7
    )  # extended; 6 April is Easter Monday


def _unfold(text: str) -> list[str]:
    assert "\n" not in text.replace("\r\n", "")  # every line ends with CRLF
    return text.replace("\r\n ", "").split("\r\n")


def test_ics_has_one_event_per_deadline(case_store: CaseStore, letters_passphrase: str) -> None:
    first, second = _two_cases(case_store, letters_passphrase)
    with first, second:
        _sent(first, "meta", D(2026, 1, 5))
        _sent(second, "clearview-ai", D(2026, 2, 20))
    rows = overview.open_requests(case_store, D(2026, 3, 1))
    text = calendar.ics_text(calendar.deadline_events(rows, D(2026, 3, 1)), now=NOW)
    lines = _unfold(text)
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-2] == "END:VCALENDAR" and lines[-1] == ""
    assert "VERSION:2.0" in lines and any(line.startswith("PRODID:") for line in lines)
    assert lines.count("BEGIN:VEVENT") == 2 == lines.count("END:VEVENT")
    assert "DTSTART;VALUE=DATE:20260205" in lines and "DTEND;VALUE=DATE:20260206" in lines
    assert "DTSTART;VALUE=DATE:20260320" in lines
    assert lines.count("DTSTAMP:20260301T120000Z") == 2
    uids = [line for line in lines if line.startswith("UID:")]
    assert len(set(uids)) == 2
    summaries = [line for line in lines if line.startswith("SUMMARY:")]
    assert summaries[0].startswith("SUMMARY:OVERDUE: answer to access request FA-1 from meta")
    # Exported again, the same requests keep their UIDs (a calendar updates, not duplicates).
    again = calendar.ics_text(calendar.deadline_events(rows, D(2026, 3, 2)), now=NOW)
    assert [line for line in _unfold(again) if line.startswith("UID:")] == uids


def test_ics_folds_long_lines_and_escapes_text(tmp_path: Path) -> None:
    summary = "Zoë's request; to Ünïcode, Ltd\\ " + "é" * 60
    event = calendar.DeadlineEvent(uid="x@faceaudit", day=D(2026, 5, 4), summary=summary)
    path = calendar.write_ics([event], tmp_path / "due.ics", now=NOW)
    raw = path.read_bytes()
    assert path.stat().st_mode & 0o777 == 0o600
    physical = raw.split(b"\r\n")
    assert max(len(line) for line in physical) <= 75
    for line in physical:
        line.decode("utf-8")  # folding never splits a character
    [line] = [x for x in _unfold(raw.decode("utf-8")) if x.startswith("SUMMARY:")]
    assert line == "SUMMARY:" + "Zoë's request\\; to Ünïcode\\, Ltd\\\\ " + "é" * 60
    assert calendar.escape_text("two\nlines") == "two\\nlines"
