"""Why a law was chosen and what to watch out for, as codes and parameters the window can
translate (issue 11, point 6 and the warnings of points 7 and 8), beside the CLI's English."""

from __future__ import annotations

import datetime as dt

import pytest

from faceaudit.letters import clock, tracking
from faceaudit.letters.directory import Directory, Operator, load_builtin
from faceaudit.letters.jurisdiction import choose_jurisdiction
from faceaudit.letters.notices import CODES, Notice
from faceaudit.letters.render import LetterError, LetterSpec, PriorRequest, Sender, render_letter
from faceaudit.store import Case

D = dt.date
DIRECTORY = Directory(load_builtin())
CLEARVIEW = DIRECTORY.get("clearview-ai")
META = DIRECTORY.get("meta")
SHOP_ABROAD = Operator(slug="shop", name="Shop Inc.", address="1 Main St\nBoston", country="us")
UNKNOWN = Operator(slug="x", name="X", address="Somewhere")


def _checked(notice: Notice, code: str, **params: str) -> None:
    """The notice carries the code and exactly the parameters CODES declares for it."""
    assert isinstance(notice, Notice) and notice.code == code
    assert set(notice.params) == set(CODES[code]), (code, dict(notice.params))
    for name, value in params.items():
        assert notice.params[name] == value, (code, name)
    assert notice.to_json()["text"] == str(notice) and str(notice)


def test_every_law_choice_gives_its_reason_as_a_code() -> None:
    assert CLEARVIEW is not None and META is not None
    _checked(choose_jurisdiction("FR", CLEARVIEW).reason, "law.person_in_eu", person_country="fr")
    _checked(choose_jurisdiction("GB", CLEARVIEW).reason, "law.person_home", law="uk")
    _checked(choose_jurisdiction("US-CA", CLEARVIEW).reason, "law.person_home", law="ca")
    by_operator = choose_jurisdiction("", META).reason
    _checked(by_operator, "law.operator_home", law="eu", operator_country="ie", person_country="")
    asked = choose_jurisdiction("FR", CLEARVIEW, "ca")
    _checked(asked.reason, "law.asked", law="ca")
    _checked(asked.warnings[0], "coverage.us_state", state="us-ca", person_country="fr")
    default = choose_jurisdiction("", UNKNOWN)
    _checked(default.reason, "law.default", law="eu")
    _checked(default.warnings[0], "law.default_unknown")
    # The CLI still prints the same English sentence.
    assert default.reason == "the EU GDPR, by default"
    territory = choose_jurisdiction("JP", META, "uk").warnings[0]
    _checked(territory, "coverage.territory", person_country="jp", operator_country="ie")


def _letter(letter_type: str, jurisdiction: str, language: str = "en", **extra: object):  # type: ignore[no-untyped-def]
    authority = {"eu": "frcnil", "uk": "gbico"}.get(jurisdiction)
    if letter_type in ("reminder", "complaint"):
        extra.setdefault(
            "prior", PriorRequest("FA-1", "access", D(2026, 1, 5), D(2026, 2, 5), "email")
        )
    spec = LetterSpec(
        letter_type=letter_type,
        jurisdiction=jurisdiction,
        language=language,
        sender=Sender("Marie Dupont", "12 rue des Lilas\n75011 Paris", "m@example.org", "fr"),
        operator=SHOP_ABROAD,
        authority=DIRECTORY.get(authority, "authority") if letter_type == "complaint" else None,
        letter_date=extra.pop("letter_date", D(2026, 3, 16)),  # type: ignore[arg-type]
        **extra,  # type: ignore[arg-type]
    )
    return render_letter(spec)


def test_letter_warnings_advice_and_equivalents_carry_codes() -> None:
    _checked(_letter("erasure", "eu").warnings[0], "erasure.no_reason")
    english_to_cnil = _letter("complaint", "eu").warnings
    _checked(english_to_cnil[0], "complaint.language", accepted="fr", language="en")
    late_uk = _letter("complaint", "uk", letter_date=D(2026, 7, 1)).warnings
    codes = {notice.code for notice in late_uk}
    assert {"complaint.uk_organisation_first", "complaint.ico_three_months"} <= codes
    (ico,) = [n for n in late_uk if n.code == "complaint.ico_three_months"]
    _checked(ico, "complaint.ico_three_months", last_contact="2026-01-05")
    _checked(_letter("access", "eu").advice[0], "advice.keep_proof")
    _checked(_letter("reminder", "eu").advice[0], "advice.reminder")
    _checked(_letter("complaint", "eu").advice[0], "advice.complaint")
    equivalent = _letter("erasure", "ch").equivalent
    assert equivalent is not None
    _checked(equivalent, "equivalent", law="ch", letter_type="erasure")
    assert _letter("access", "eu").equivalent is None


def test_date_warnings_carry_codes(letters_case: Case) -> None:
    letter_id = tracking.record_letter(
        letters_case,
        letter_type="access",
        jurisdiction="eu",
        language="en",
        operator=SHOP_ABROAD,
        letter_date=D(2026, 3, 10),
    )
    (early,) = clock.date_warnings(letters_case, letter_id, D(2026, 1, 2), "email")
    _checked(early, "dates.sent_before_letter", letter_date="2026-03-10", sent_at="2026-01-02")
    (late,) = clock.date_warnings(letters_case, letter_id, D(2026, 6, 2), "email")
    _checked(late, "dates.sent_long_after_letter", sent_at="2026-06-02")
    (posted,) = clock.date_warnings(letters_case, letter_id, D(2026, 3, 11), "post")
    _checked(posted, "dates.posted_no_receipt")
    (slow,) = clock.date_warnings(
        letters_case, letter_id, D(2026, 3, 11), "post", received_at=D(2026, 4, 20)
    )
    _checked(slow, "dates.slow_delivery", received_at="2026-04-20")


def test_an_unknown_code_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="unknown notice code"):
        Notice("law.made_up", "text")
    with pytest.raises(LetterError):
        choose_jurisdiction("US", SHOP_ABROAD)  # refused, not a notice: the state is needed
