"""Request dates the lawyer checked: extensions, late notices, paused clocks, stale statuses
and dates that contradict the letter — in a real (encrypted SQLite) case."""

from __future__ import annotations

import datetime as dt

import pytest

from faceaudit.letters import clock, tracking
from faceaudit.letters.directory import Operator
from faceaudit.letters.render import LetterError
from faceaudit.store import Case

D = dt.date
# A controller established in France: French public holidays move its due dates.
PARIS_SHOP = Operator(
    slug="boutique", name="Boutique SAS", address="1 rue X\n75001 Paris", country="fr"
)


def _sent(
    case: Case,
    sent: dt.date,
    *,
    jurisdiction: str = "eu",
    received: dt.date | None = None,
    channel: str = "email",
    letter_date: dt.date | None = None,
) -> int:
    letter_id = tracking.record_letter(
        case,
        letter_type="access",
        jurisdiction=jurisdiction,
        language="en",
        operator=PARIS_SHOP,
        letter_date=letter_date,
    )
    tracking.mark_sent(case, letter_id, sent, channel, received_at=received, today=D(2026, 12, 1))
    return letter_id


def test_extension_counts_from_receipt_in_the_holiday_calendar(letters_case: Case) -> None:
    # 1 Feb + 3 months = Friday 1 May, Labour Day in France: the period ends on Monday 4 May.
    letter_id = _sent(letters_case, D(2026, 2, 1))
    extended = tracking.mark_extended(letters_case, letter_id, announced_on=D(2026, 2, 20))
    assert extended.extended_due_at == D(2026, 5, 4)
    assert extended.extension_announced_at == D(2026, 2, 20)
    # Posted on 27 January, received on 1 February: both periods count from receipt.
    posted = _sent(letters_case, D(2026, 1, 27), received=D(2026, 2, 1), channel="post")
    request = tracking.find_request(letters_case, posted)
    assert request is not None and request.due_at == D(2026, 3, 2)  # 1 March is a Sunday
    extended = tracking.mark_extended(letters_case, posted, announced_on=D(2026, 2, 2))
    assert extended.extended_due_at == D(2026, 5, 4)


def test_extension_announced_after_the_first_month_is_refused_or_flagged(
    letters_case: Case,
) -> None:
    letter_id = _sent(letters_case, D(2026, 1, 5))  # due 5 February
    with pytest.raises(LetterError, match="after the period for an answer ended") as caught:
        tracking.mark_extended(letters_case, letter_id, announced_on=D(2026, 2, 20))
    assert "--late" in caught.value.todo
    assert tracking.find_request(letters_case, letter_id).extended_due_at is None  # type: ignore[union-attr]
    late = tracking.mark_extended(letters_case, letter_id, announced_on=D(2026, 2, 20), late=True)
    assert late.extension_late and late.extension_announced_at == D(2026, 2, 20)
    assert late.effective_due == D(2026, 2, 5)  # the late extension changes nothing
    [item] = tracking.list_tracked(letters_case, D(2026, 3, 1))
    assert item.status == "overdue" and item.next_step == "reminder"
    assert item.to_json()["extension_late"] is True
    # The announcement on the last day of the period is in time.
    in_time = _sent(letters_case, D(2026, 1, 6))  # due 6 February
    assert tracking.mark_extended(letters_case, in_time, announced_on=D(2026, 2, 6)).status == (
        "extended"
    )


def test_status_is_computed_when_read_not_when_listed(letters_case: Case) -> None:
    # Nobody listed the requests: the history a complaint cites must still say overdue.
    letter_id = _sent(letters_case, D(2026, 1, 5))
    _, _, prior, history = tracking.prior_and_history(letters_case, letter_id, D(2026, 6, 1))
    assert prior.status == "overdue" and history[0].status == "overdue"
    _, _, prior, _ = tracking.prior_and_history(letters_case, letter_id, D(2026, 1, 20))
    assert prior.status == "sent"
    assert tracking.refresh_overdue(letters_case, D(2026, 6, 1)) == [letter_id]
    # Reading the overdue status stored nothing: on an earlier day it is still "sent".
    [item] = tracking.list_tracked(letters_case, D(2026, 1, 20))
    assert item.status == "sent"


def test_uk_clock_pauses_while_id_or_clarification_is_awaited(letters_case: Case) -> None:
    letter_id = _sent(letters_case, D(2026, 3, 2), jurisdiction="uk")  # due 2 April
    paused = clock.mark_paused(letters_case, letter_id, D(2026, 3, 5), "asked for ID")
    assert tracking.status_on(paused, D(2026, 5, 1)) == "paused"  # never overdue while paused
    resumed = clock.mark_resumed(letters_case, letter_id, D(2026, 3, 14))
    # 5-14 March do not count (10 days): 2 April + 10 = Sunday 12 April -> Monday 13 April.
    assert resumed.paused_days == 10 and resumed.due_at == D(2026, 4, 13)
    assert tracking.status_on(resumed, D(2026, 4, 13)) == "sent"
    assert tracking.status_on(resumed, D(2026, 4, 14)) == "overdue"
    extended = tracking.mark_extended(letters_case, letter_id, announced_on=D(2026, 4, 1))
    assert extended.extended_due_at == D(2026, 6, 12)  # 2 June + 10 days, a Friday
    eu = _sent(letters_case, D(2026, 3, 2))
    with pytest.raises(LetterError, match="Only UK law"):
        clock.mark_paused(letters_case, eu, D(2026, 3, 5))
    with pytest.raises(LetterError, match="not paused"):
        clock.mark_resumed(letters_case, letter_id, D(2026, 3, 20))


def test_dates_that_contradict_the_letter_are_refused_or_warned(letters_case: Case) -> None:
    letter_id = tracking.record_letter(
        letters_case,
        letter_type="access",
        jurisdiction="eu",
        language="en",
        operator=PARIS_SHOP,
        letter_date=D(2026, 3, 10),
    )
    with pytest.raises(LetterError, match="in the future"):
        tracking.mark_sent(letters_case, letter_id, D(2026, 4, 1), "email", today=D(2026, 3, 20))
    with pytest.raises(LetterError, match="before it was sent"):
        tracking.mark_sent(
            letters_case, letter_id, D(2026, 3, 12), "post", received_at=D(2026, 3, 11)
        )
    early = clock.date_warnings(letters_case, letter_id, D(2026, 1, 2), "email")
    assert len(early) == 1 and "before that date" in early[0]
    late = clock.date_warnings(letters_case, letter_id, D(2026, 6, 2), "email")
    assert "more than a month later" in late[0]
    posted = clock.date_warnings(letters_case, letter_id, D(2026, 3, 11), "post")
    assert "--received" in posted[0]
    slow = clock.date_warnings(
        letters_case, letter_id, D(2026, 3, 11), "post", received_at=D(2026, 4, 20)
    )
    assert "three weeks" in slow[0]
    assert clock.date_warnings(letters_case, letter_id, D(2026, 3, 11), "email") == []
    assert tracking.get_letter(letters_case, letter_id).letter_date == D(2026, 3, 10)
