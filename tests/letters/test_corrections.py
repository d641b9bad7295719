"""Correcting the tracker in a real case: edit the send date, discard, undo, outcome, replies."""

from __future__ import annotations

import datetime as dt
import sqlite3
from contextlib import closing

import pytest

from faceaudit.letters import corrections, tracking
from faceaudit.letters.directory import Directory, load_builtin
from faceaudit.letters.render import LetterError
from faceaudit.store import Case, CaseStore, TamperedDataError

D = dt.date
TODAY = D(2026, 3, 1)


def _draft(case: Case, parent: int | None = None, letter_type: str = "access") -> int:
    operator = Directory(load_builtin()).get("pimeyes")
    assert operator is not None
    return tracking.record_letter(
        case,
        letter_type=letter_type,
        jurisdiction="eu",
        language="en",
        operator=operator,
        parent_request_id=parent,
    )


def test_edit_sent_date_counts_the_due_date_again(letters_case: Case) -> None:
    letter_id = _draft(letters_case)
    tracking.mark_sent(letters_case, letter_id, D(2026, 2, 20), "email", today=TODAY)
    edited = corrections.edit_sent_date(letters_case, letter_id, D(2026, 2, 2), today=TODAY)
    assert edited.sent_at == D(2026, 2, 2) and edited.due_at == D(2026, 3, 2)
    with pytest.raises(LetterError, match="in the future"):
        corrections.edit_sent_date(letters_case, letter_id, D(2026, 3, 2), today=TODAY)
    with pytest.raises(LetterError, match="before the new send date"):
        corrections.edit_sent_date(
            letters_case, letter_id, D(2026, 2, 10), received_at=D(2026, 2, 9), today=TODAY
        )
    assert tracking.find_request(letters_case, letter_id) == edited  # refusals changed nothing


def test_a_draft_can_be_discarded_a_sent_letter_cannot(letters_case: Case) -> None:
    draft, sent = _draft(letters_case), _draft(letters_case)
    tracking.mark_sent(letters_case, sent, D(2026, 2, 20), "email", today=TODAY)
    assert corrections.discard_draft(letters_case, draft).id == draft
    assert [t.letter.id for t in tracking.list_tracked(letters_case, TODAY)] == [sent]
    with pytest.raises(LetterError, match="not a draft"):
        corrections.discard_draft(letters_case, sent)
    with pytest.raises(LetterError, match="no letter"):
        corrections.discard_draft(letters_case, draft)


def test_undo_takes_back_one_step_at_a_time(letters_case: Case) -> None:
    letter_id = _draft(letters_case)
    tracking.mark_sent(letters_case, letter_id, D(2026, 1, 5), "email", today=TODAY)
    tracking.mark_extended(letters_case, letter_id, announced_on=D(2026, 1, 20))
    corrections.record_outcome(letters_case, letter_id, "partly", D(2026, 2, 25), today=TODAY)
    tracking.mark_closed(letters_case, letter_id, D(2026, 2, 28))

    def status() -> str:
        request = tracking.find_request(letters_case, letter_id)
        return "draft" if request is None else tracking.status_on(request, TODAY)

    assert status() == "closed"
    assert corrections.undo_last_step(letters_case, letter_id) == "closed"
    assert status() == "answered"
    assert corrections.outcome_of(letters_case, letter_id) == ("partly", D(2026, 2, 25))
    assert corrections.undo_last_step(letters_case, letter_id) == "answered"
    assert status() == "extended" and corrections.outcome_of(letters_case, letter_id) is None
    assert corrections.undo_last_step(letters_case, letter_id) == "extended"
    assert status() == "overdue"  # sent 5 January, due 5 February, no extension any more
    assert corrections.undo_last_step(letters_case, letter_id) == "sent"
    assert status() == "draft"
    with pytest.raises(LetterError, match="draft"):
        corrections.undo_last_step(letters_case, letter_id)


def test_undo_sent_is_refused_while_a_follow_up_refers_to_it(letters_case: Case) -> None:
    letter_id = _draft(letters_case)
    request = tracking.mark_sent(letters_case, letter_id, D(2026, 1, 5), "email", today=TODAY)
    reminder = _draft(letters_case, parent=request.id, letter_type="reminder")
    with pytest.raises(LetterError, match=f"followed up by letter\\(s\\) {reminder}"):
        corrections.undo_last_step(letters_case, letter_id)
    corrections.discard_draft(letters_case, reminder)
    assert corrections.undo_last_step(letters_case, letter_id) == "sent"


def test_outcome_and_reply_file_sealed_in_the_case(
    letters_case: Case, case_store: CaseStore, letters_passphrase: str
) -> None:
    letter_id = _draft(letters_case)
    tracking.mark_sent(letters_case, letter_id, D(2026, 1, 5), "email", today=TODAY)
    with pytest.raises(LetterError, match="in the future"):
        corrections.record_outcome(letters_case, letter_id, "refused", D(2026, 3, 2), today=TODAY)
    with pytest.raises(LetterError, match="predate"):
        corrections.record_outcome(letters_case, letter_id, "refused", D(2026, 1, 4), today=TODAY)
    with pytest.raises(LetterError, match="Unknown outcome"):
        corrections.record_outcome(letters_case, letter_id, "maybe", D(2026, 2, 1), today=TODAY)
    request = corrections.record_outcome(
        letters_case, letter_id, "refused", D(2026, 2, 1), note="says no", today=TODAY
    )
    assert request.status == "answered" and request.answered_at == D(2026, 2, 1)
    assert corrections.outcome_of(letters_case, letter_id) == ("refused", D(2026, 2, 1))

    reply = b"%PDF-1.4 Dear Marie Dupont, we refuse. unique-reply-marker"
    info = corrections.attach_reply(
        letters_case, letter_id, "Reply to Marie Dupont.pdf", reply, added_at="2026-02-01T10:00:00Z"
    )
    assert [r.file_name for r in corrections.replies(letters_case, letter_id)] == [
        "Reply to Marie Dupont.pdf"
    ]
    assert corrections.reply_file(letters_case, info.id) == ("Reply to Marie Dupont.pdf", reply)
    with pytest.raises(LetterError, match="empty"):
        corrections.attach_reply(letters_case, letter_id, "x.pdf", b"", added_at="now")
    letters_case.close()

    # Neither the reply's bytes nor its name are readable without the key.
    with case_store.plain_connection("marie") as conn:
        row = conn.execute("SELECT name_blob, data_blob FROM request_replies").fetchone()
    assert b"unique-reply-marker" not in row[1] and b"Dupont" not in row[0]
    raw = (letters_case.directory / "case.sqlite").read_bytes()
    assert b"unique-reply-marker" not in raw and b"Reply to Marie" not in raw

    # Tampering with the sealed reply is detected, never decrypted into something else.
    with closing(sqlite3.connect(letters_case.directory / "case.sqlite")) as conn, conn:
        conn.execute("UPDATE request_replies SET data_blob = name_blob")
    with (
        case_store.open("marie", letters_passphrase) as case,
        pytest.raises(TamperedDataError, match="integrity check"),
    ):
        corrections.reply_file(case, info.id)
