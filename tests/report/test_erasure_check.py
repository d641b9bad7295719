"""A promised erasure judged from the scans since the operator's answer (no engine needed)."""

from __future__ import annotations

import pytest

from faceaudit.report import erasure
from faceaudit.report.erasure import RecheckError, erasure_check, recheck_sources

SITE = "http://127.0.0.1:8000"
OTHER = "http://127.0.0.2:8001"
TEAM, PAGE = f"{SITE}/team.html", f"{OTHER}/page.html"
A, B = f"{SITE}/img/a.jpg", f"{OTHER}/img/b.jpg"


@pytest.fixture
def promised(case, builder) -> tuple[int, int, int]:
    """Photos a (team.html) and b (page.html), found 20 days ago; an erasure request about
    both, sent 15 days ago, answered "complied" 2 days ago. No scan since."""
    case.add_sources([TEAM, PAGE])
    first = builder.scan({TEAM: [(A, TEAM, 1)], PAGE: [(B, PAGE, 2)]})
    builder.finish()
    builder.age_scan(first, 20)
    a, b = builder.finding_on(A), builder.finding_on(B)
    case.review_many([a, b], "confirmed")
    letter = builder.letter("erasure", "Exemple SA", (a, b), sent_days_ago=15)
    builder.outcome(letter, "complied", 2)
    return letter, a, b


def test_not_checked_until_a_scan_reads_the_pages(case, promised) -> None:
    letter, a, b = promised
    check = erasure_check(case, letter)
    assert check is not None
    assert check.state == erasure.NOT_CHECKED
    assert (check.unchecked, check.gone, check.still_online) == ((a, b), (), ())
    assert check.last_checked_at is None
    assert check.outcome == "complied"


def test_verified_when_every_page_was_read_without_the_photos(case, builder, promised) -> None:
    letter, a, b = promised
    builder.scan({TEAM: [], PAGE: []})
    builder.finish()
    check = erasure_check(case, letter)
    assert check is not None and check.state == erasure.VERIFIED
    assert check.gone == (a, b)
    assert check.last_checked_at is not None
    assert erasure.promised_erasures(case) == [check]


def test_still_online_when_a_photo_is_seen_again(case, builder, promised) -> None:
    letter, a, b = promised
    builder.scan({TEAM: [(A, TEAM, 1)], PAGE: []})
    builder.finish()
    check = erasure_check(case, letter)
    assert check is not None and check.state == erasure.STILL_ONLINE
    assert (check.still_online, check.gone) == ((a,), (b,))
    # A later scan that no longer sees it makes the erasure verified: the latest look counts.
    builder.scan({TEAM: [], PAGE: []})
    builder.finish()
    again = erasure_check(case, letter)
    assert again is not None and again.state == erasure.VERIFIED


def test_a_site_that_could_not_be_read_proves_nothing(case, builder, promised) -> None:
    letter, a, b = promised
    builder.scan({TEAM: []})
    builder.fail(PAGE, "The server did not answer within 20 s.")
    builder.finish()
    check = erasure_check(case, letter)
    assert check is not None and check.state == erasure.PARTLY_CHECKED
    assert (check.gone, check.unchecked) == ((a,), (b,))


def test_the_photo_moved_to_another_address_is_still_online(case, builder, promised) -> None:
    letter, a, _ = promised
    moved = f"{SITE}/img/a-copy.jpg"
    # The same image bytes under a new URL on the same page: the same finding, a new place.
    builder.scan({TEAM: [(moved, TEAM, 1)], PAGE: []})
    builder.finish()
    assert len(case.findings()) == 2  # no new finding: a seen at a new place
    check = erasure_check(case, letter)
    assert check is not None and check.still_online == (a,)


def test_only_answers_that_promise_an_erasure_count(case, builder, promised) -> None:
    letter, a, _ = promised
    access = builder.letter("access", "Autre SARL", (a,), sent_days_ago=10)
    builder.outcome(access, "complied", 1)
    assert erasure_check(case, access) is None  # an access request erases nothing
    refused = builder.letter("erasure", "Troisième SAS", (a,), sent_days_ago=10)
    builder.outcome(refused, "refused", 1)
    assert erasure_check(case, refused) is None
    unanswered = builder.letter("erasure", "Quatrième SAS", (a,), sent_days_ago=10)
    assert erasure_check(case, unanswered) is None
    assert [c.letter_id for c in erasure.promised_erasures(case)] == [letter]


def test_a_reminder_answered_complied_checks_the_original_photos(case, builder) -> None:
    case.add_sources([TEAM])
    first = builder.scan({TEAM: [(A, TEAM, 1)]})
    builder.finish()
    builder.age_scan(first, 60)
    a = builder.finding_on(A)
    original = builder.letter("erasure", "Exemple SA", (a,), sent_days_ago=50)
    request = __import__("faceaudit.letters.tracking", fromlist=["x"]).find_request(case, original)
    reminder = builder.letter("reminder", "Exemple SA", (), sent_days_ago=10, parent=request.id)
    builder.outcome(reminder, "partly", 1)
    check = erasure_check(case, reminder)
    assert check is not None and check.finding_ids == (a,)
    assert check.state == erasure.NOT_CHECKED


def test_recheck_is_refused_with_what_to_do(case, builder, promised) -> None:
    letter, a, b = promised
    check, sources = recheck_sources(case, letter)
    assert sorted(sources) == sorted(row.id for row in case.sources())
    assert check.finding_ids == (a, b)
    draft_like = builder.letter("access", "Autre SARL", (a,), sent_days_ago=5)
    with pytest.raises(RecheckError, match="no answer saying the data was erased") as error:
        recheck_sources(case, draft_like)
    assert "requests outcome" in error.value.todo
    for row in case.sources():
        case.remove_source(row.id)
    with pytest.raises(RecheckError, match="no longer in this case") as error:
        recheck_sources(case, letter)
    assert "sources add" in error.value.todo
