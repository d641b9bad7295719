"""Letters and Requests in a real (encrypted SQLite) case: statuses, due dates, next steps."""

from __future__ import annotations

import datetime as dt

import pytest

from faceaudit.letters import tracking
from faceaudit.letters.directory import Directory, load_builtin
from faceaudit.letters.render import LetterError
from faceaudit.store import Case, CaseStore

D = dt.date


def _draft(
    case: Case, letter_type: str = "access", parent: int | None = None, jurisdiction: str = "eu"
) -> int:
    operator = Directory(load_builtin()).get("meta")
    return tracking.record_letter(
        case,
        letter_type=letter_type,
        jurisdiction=jurisdiction,
        language="fr",
        operator=operator,
        finding_ids=(1, 2),
        formats=("pdf",),
        parent_request_id=parent,
    )


def test_a_new_letter_is_a_draft(letters_case: Case) -> None:
    letter_id = _draft(letters_case)
    [item] = tracking.list_tracked(letters_case, D(2026, 1, 5))
    assert item.letter.id == letter_id and item.status == "draft" and item.request is None
    assert item.letter.operator.slug == "meta" and item.letter.finding_ids == (1, 2)
    assert item.to_json()["status"] == "draft"


def test_sent_then_overdue_offers_reminder_then_complaint(letters_case: Case) -> None:
    letter_id = _draft(letters_case)
    # Meta's EU entity is in Ireland: 17 March (St Patrick's Day) moves the due date.
    request = tracking.mark_sent(letters_case, letter_id, D(2026, 2, 17), "email")
    assert request.status == "sent" and request.due_at == D(2026, 3, 18)
    [item] = tracking.list_tracked(letters_case, D(2026, 3, 18))
    assert item.status == "sent" and item.next_step is None  # due today: not late yet
    [item] = tracking.list_tracked(letters_case, D(2026, 3, 19))
    assert item.status == "overdue" and item.next_step == "reminder"

    reminder_id = _draft(letters_case, "reminder", parent=request.id)
    tracked = {t.letter.id: t for t in tracking.list_tracked(letters_case, D(2026, 3, 19))}
    assert tracked[letter_id].next_step == "complaint"  # the reminder exists now
    assert tracked[reminder_id].status == "draft"
    tracking.mark_sent(letters_case, reminder_id, D(2026, 3, 20), "email")
    tracked = {t.letter.id: t for t in tracking.list_tracked(letters_case, D(2026, 4, 10))}
    assert (
        tracked[reminder_id].status == "overdue" and tracked[reminder_id].next_step == "complaint"
    )

    original, original_request, prior, history = tracking.prior_and_history(
        letters_case, reminder_id
    )
    assert original.id == letter_id and original_request.id == request.id
    assert prior.sent_at == D(2026, 2, 17) and prior.letter_type == "access"
    assert [h.letter_type for h in history] == ["access", "reminder"]

    _draft(letters_case, "complaint", parent=request.id)
    tracked = {t.letter.id: t for t in tracking.list_tracked(letters_case, D(2026, 4, 10))}
    assert tracked[letter_id].next_step is None and tracked[reminder_id].next_step is None


def test_extension_answer_and_closing(letters_case: Case) -> None:
    letter_id = _draft(letters_case)
    tracking.mark_sent(letters_case, letter_id, D(2026, 1, 31), "post")
    extended = tracking.mark_extended(
        letters_case, letter_id, note="complex, says the operator", announced_on=D(2026, 2, 20)
    )
    assert extended.status == "extended" and extended.extended_due_at == D(2026, 4, 30)
    [item] = tracking.list_tracked(letters_case, D(2026, 4, 1))
    assert item.status == "extended"  # not overdue while the extension runs
    answered = tracking.mark_answered(letters_case, letter_id, D(2026, 4, 20))
    assert answered.status == "answered" and answered.answered_at == D(2026, 4, 20)
    [item] = tracking.list_tracked(letters_case, D(2026, 9, 1))
    assert item.status == "answered" and item.next_step is None
    closed = tracking.mark_closed(letters_case, letter_id, D(2026, 5, 1), "data erased")
    assert closed.status == "closed" and "data erased" in closed.notes and "complex" in closed.notes


def test_california_extension_is_45_days(letters_case: Case) -> None:
    letter_id = _draft(letters_case, jurisdiction="ca")
    request = tracking.mark_sent(letters_case, letter_id, D(2026, 11, 20), "webform")
    assert request.due_at == D(2027, 1, 4)
    extended = tracking.mark_extended(letters_case, letter_id, announced_on=D(2026, 12, 1))
    assert extended.extended_due_at == D(2027, 2, 18)


def test_refusals_say_what_to_do(letters_case: Case) -> None:
    letter_id = _draft(letters_case)
    with pytest.raises(LetterError, match="draft") as caught:
        tracking.mark_answered(letters_case, letter_id, D(2026, 1, 1))
    assert "requests mark" in caught.value.todo
    with pytest.raises(LetterError, match="channel"):
        tracking.mark_sent(letters_case, letter_id, D(2026, 1, 1), "pigeon")
    tracking.mark_sent(letters_case, letter_id, D(2026, 1, 1), "email")
    with pytest.raises(LetterError, match="already"):
        tracking.mark_sent(letters_case, letter_id, D(2026, 1, 2), "email")
    with pytest.raises(LetterError, match="no letter 99"):
        tracking.get_letter(letters_case, 99)
    bipa = _draft(letters_case, jurisdiction="il")
    tracking.mark_sent(letters_case, bipa, D(2026, 1, 1), "email")
    with pytest.raises(LetterError, match="no standard extension"):
        tracking.mark_extended(letters_case, bipa, announced_on=D(2026, 1, 5))


def test_tracking_survives_reopening(
    letters_case: Case, case_store: CaseStore, letters_passphrase: str
) -> None:
    letter_id = _draft(letters_case)
    tracking.mark_sent(letters_case, letter_id, D(2026, 1, 5), "email")
    letters_case.close()
    with case_store.open("marie", letters_passphrase) as reopened:
        [item] = tracking.list_tracked(reopened, D(2026, 1, 6))
    assert item.status == "sent" and item.request.due_at == D(2026, 2, 5)
