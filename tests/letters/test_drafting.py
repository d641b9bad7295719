"""Drafting from a case in two steps (the window's wizard): prepare renders and stores
nothing; save records the letter and writes it, or records nothing when it cannot write."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pypdf import PdfReader

from faceaudit.letters import drafting, tracking
from faceaudit.letters.directory import Directory, load_builtin
from faceaudit.letters.jurisdiction import JurisdictionUnknown, choose_jurisdiction
from faceaudit.letters.render import LetterError
from faceaudit.store import Case, Person

DIRECTORY = Directory(load_builtin())


def _meta():
    meta = drafting.operator_for_site(DIRECTORY, "www.instagram.com")
    assert meta is not None and meta.slug == "meta"
    return meta


def test_prepare_stores_nothing_and_cites_confirmed_findings(letters_case: Case) -> None:
    instagram, facebook, _blog = (row.id for row in letters_case.findings())
    letters_case.review(instagram, "confirmed")
    draft = drafting.prepare(
        letters_case, DIRECTORY, drafting.DraftRequest("erasure", _meta()), dt.date(2026, 3, 2)
    )
    assert tracking.list_tracked(letters_case) == []
    assert draft.selection.finding_ids == (instagram,)
    assert draft.selection.unreviewed_left_out == 1  # facebook, not reviewed
    assert draft.spec.language == "fr"  # the case's
    assert draft.choice.jurisdiction == "eu"
    assert draft.choice.reason_notice is not None
    assert draft.choice.reason_notice.code == "person-eu"
    assert draft.choice.reason_notice.param("person") == "FR"
    assert "instagram.com/p/Cx1" in draft.letter.plain_text()

    wider = drafting.prepare(
        letters_case,
        DIRECTORY,
        drafting.DraftRequest("erasure", _meta(), include_unreviewed=True),
    )
    assert set(wider.selection.finding_ids) == {instagram, facebook}
    assert wider.selection.unreviewed_included == 1


def test_erasure_naming_nothing_and_objection_without_reasons_are_refused(
    letters_case: Case,
) -> None:
    with pytest.raises(drafting.NamesNoData):
        drafting.prepare(letters_case, DIRECTORY, drafting.DraftRequest("erasure", _meta()))
    with pytest.raises(drafting.NeedsReason):
        drafting.prepare(letters_case, DIRECTORY, drafting.DraftRequest("objection", _meta()))


def test_save_records_the_letter_with_its_reference_and_writes_each_format(
    letters_case: Case, tmp_path: Path
) -> None:
    instagram = letters_case.findings()[0].id
    letters_case.review(instagram, "confirmed")
    draft = drafting.prepare(letters_case, DIRECTORY, drafting.DraftRequest("access", _meta()))
    saved = drafting.save(letters_case, draft, ["pdf", "txt"], tmp_path / "out")
    [tracked] = tracking.list_tracked(letters_case)
    assert tracked.letter.id == saved.letter_id and tracked.status == "draft"
    assert tracked.letter.finding_ids == (instagram,)
    pdf = next(p for p in saved.written if p.suffix == ".pdf")
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert f"FA-{saved.letter_id}" in text


def test_an_unwritable_folder_records_nothing(letters_case: Case, tmp_path: Path) -> None:
    letters_case.review(letters_case.findings()[0].id, "confirmed")
    draft = drafting.prepare(letters_case, DIRECTORY, drafting.DraftRequest("access", _meta()))
    blocker = tmp_path / "a file"
    blocker.write_text("not a folder")
    with pytest.raises(LetterError, match="could not be written"):
        drafting.save(letters_case, draft, ["txt"], blocker / "letters")
    assert tracking.list_tracked(letters_case) == []


def test_a_reminder_rests_on_the_request_it_follows_up(letters_case: Case, tmp_path: Path) -> None:
    letters_case.review(letters_case.findings()[0].id, "confirmed")
    first = drafting.save(
        letters_case,
        drafting.prepare(letters_case, DIRECTORY, drafting.DraftRequest("access", _meta())),
        ["txt"],
        tmp_path,
    )
    tracking.mark_sent(letters_case, first.letter_id, dt.date(2026, 1, 5), "email")
    reminder = drafting.prepare(
        letters_case,
        DIRECTORY,
        drafting.DraftRequest("reminder", None, follows_up=first.letter_id),
        today=dt.date(2026, 3, 1),
    )
    assert reminder.spec.operator.slug == "meta"
    assert reminder.choice.reason_notice is not None
    assert reminder.choice.reason_notice.code == "follows-up"
    assert reminder.parent_request_id is not None
    assert f"FA-{first.letter_id}" in reminder.letter.plain_text()
    # It encloses the first letter's file, as saved (the wizard's path records the files).
    [copy] = reminder.spec.enclosures
    assert copy.kind == "request" and copy.data == first.written[0].read_bytes()
    assert copy.reference == f"FA-{first.letter_id}" and copy.on == dt.date(2026, 1, 5)


def test_a_complaint_with_several_authorities_asks_which(letters_case: Case) -> None:
    with pytest.raises(LetterError):  # a complaint needs a request to follow up
        drafting.prepare(letters_case, DIRECTORY, drafting.DraftRequest("complaint", _meta()))
    candidates = drafting.authorities(DIRECTORY, "eu", "fr")
    assert candidates, "the built-in directory knows the CNIL"


def test_an_operator_entered_by_hand_needs_a_name_and_a_way_to_reach_it() -> None:
    with pytest.raises(LetterError):
        drafting.given_operator("Example SARL", "", "", "blog.example.org")
    operator = drafting.given_operator(
        "Example SARL", "", "privacy@example.org", "https://blog.example.org/team"
    )
    assert operator.domains == ("blog.example.org",) and operator.provenance == "given"


def test_jurisdiction_codes_carry_what_the_window_translates() -> None:
    pimeyes = DIRECTORY.get("pimeyes")
    assert pimeyes is not None
    choice = choose_jurisdiction("gb", pimeyes)
    assert choice.reason_notice is not None and choice.reason_notice.code == "person-home"
    asked = choose_jurisdiction("fr", pimeyes, "ca")
    assert [w.code for w in asked.warning_notices] == ["not-resident"]
    assert asked.warnings == tuple(w.text for w in asked.warning_notices)  # the CLI's words
    with pytest.raises(JurisdictionUnknown) as error:
        choose_jurisdiction("us", pimeyes)
    assert error.value.code == "us-state-unknown"
    assert Person().language is None and drafting.default_language(Person()) == "en"


def test_letter_and_date_warnings_carry_codes(letters_case: Case, tmp_path: Path) -> None:
    from faceaudit.letters import clock, compose

    letters_case.review(letters_case.findings()[0].id, "confirmed")
    draft = drafting.prepare(
        letters_case,
        DIRECTORY,
        drafting.DraftRequest("erasure", _meta()),
        today=dt.date(2026, 3, 2),
    )
    codes = [n.code for n in compose.warning_notices(draft.spec)]
    assert codes == ["erasure-without-reason"]
    assert draft.letter.warnings == tuple(n.text for n in compose.warning_notices(draft.spec))
    saved = drafting.save(letters_case, draft, ["txt"], tmp_path)
    notices = clock.date_notices(letters_case, saved.letter_id, dt.date(2026, 3, 1), "post")
    assert [n.code for n in notices] == ["sent-before-letter-date", "posted-no-receipt"]
    assert notices[0].param("printed") == "2026-03-02"


def test_more_formats_of_a_saved_letter_stay_one_letter(letters_case: Case, tmp_path: Path) -> None:
    letters_case.review(letters_case.findings()[0].id, "confirmed")
    draft = drafting.prepare(letters_case, DIRECTORY, drafting.DraftRequest("access", _meta()))
    saved = drafting.save(letters_case, draft, ["pdf"], tmp_path / "mine.pdf")
    more = drafting.write_more(letters_case, saved, ["docx"], tmp_path / "mine.docx")
    assert (tmp_path / "mine.docx").is_file() and len(more.written) == 2
    [tracked] = tracking.list_tracked(letters_case)
    assert tracked.letter.formats == ("pdf", "docx")
    # A follow-up can enclose every file of the letter, whichever format came first.
    assert {Path(f).name for f in tracked.letter.files} == {"mine.pdf", "mine.docx"}
    with pytest.raises(LetterError, match="already exists"):
        drafting.write_more(letters_case, saved, ["docx"], tmp_path / "mine.docx")


def test_find_operators_by_name_domain_or_url() -> None:
    assert [o.slug for o in drafting.find_operators(DIRECTORY, "https://www.reddit.com/r/x")][
        :1
    ] == ["reddit"]
    assert "meta" in [o.slug for o in drafting.find_operators(DIRECTORY, "Meta")]
    assert drafting.find_operators(DIRECTORY, "  ") == []
    assert all(o.kind == "controller" for o in drafting.find_operators(DIRECTORY, "e"))


def test_an_operator_chosen_for_a_site_cites_that_sites_findings(letters_case: Case) -> None:
    blog = letters_case.findings()[2]
    letters_case.review(blog.id, "confirmed")
    reddit = DIRECTORY.get("reddit")
    assert reddit is not None
    alone = drafting.prepare(letters_case, DIRECTORY, drafting.DraftRequest("access", reddit))
    assert alone.selection.finding_ids == ()
    for_site = drafting.prepare(
        letters_case,
        DIRECTORY,
        drafting.DraftRequest("access", reddit, site="https://blog.example.org/team"),
    )
    assert for_site.selection.finding_ids == (blog.id,)
    assert for_site.spec.operator.domains == reddit.domains  # the letter's record unchanged
