"""Why a law was chosen and what to watch out for, as codes and parameters the window can
translate (issue 11, point 6 and the warnings of points 7 and 8), beside the CLI's English.
Every code the letters core gives is produced here once, from the real functions."""

from __future__ import annotations

import datetime as dt

import pytest

from faceaudit.letters import clock, compose, tracking
from faceaudit.letters.directory import Directory, Operator, load_builtin
from faceaudit.letters.jurisdiction import JurisdictionUnknown, Notice, choose_jurisdiction
from faceaudit.letters.render import (
    Letter,
    LetterSpec,
    PriorRequest,
    Sender,
    equivalent_notice,
    render_letter,
)
from faceaudit.store import Case

D = dt.date
DIRECTORY = Directory(load_builtin())
SHOP_ABROAD = Operator(slug="shop", name="Shop Inc.", address="1 Main St\nBoston", country="us")
UNKNOWN = Operator(slug="x", name="X", address="Somewhere")


def _operator(slug: str) -> Operator:
    found = DIRECTORY.get(slug)
    assert found is not None
    return found


def _checked(notice: Notice | None, code: str, **params: str) -> None:
    assert notice is not None and notice.code == code and notice.text
    for name, value in params.items():
        assert notice.param(name) == value, (code, name, notice.params)


def test_every_law_choice_gives_its_reason_as_a_code() -> None:
    clearview, meta = _operator("clearview-ai"), _operator("meta")
    _checked(choose_jurisdiction("FR", clearview).reason_notice, "person-eu", person="FR")
    _checked(choose_jurisdiction("GB", clearview).reason_notice, "person-home", regime="uk")
    _checked(choose_jurisdiction("US-CA", clearview).reason_notice, "person-home", regime="ca")
    _checked(choose_jurisdiction("US-IL", clearview).reason_notice, "person-home", regime="il")
    _checked(choose_jurisdiction("JP", meta).reason_notice, "operator", operator="IE")
    _checked(choose_jurisdiction("", meta).reason_notice, "operator-person-unknown")
    asked = choose_jurisdiction("FR", clearview, "ca")
    _checked(asked.reason_notice, "requested", regime="ca")
    _checked(asked.warning_notices[0], "not-resident", regime="ca", person="FR")
    _checked(choose_jurisdiction("JP", meta, "uk").warning_notices[0], "outside-territory")
    default = choose_jurisdiction("", UNKNOWN)
    _checked(default.reason_notice, "default", regime="eu")
    _checked(default.warning_notices[0], "nothing-known")
    # The CLI still prints the same English sentences.
    assert default.reason == "the EU GDPR, by default"
    assert default.warnings == tuple(n.text for n in default.warning_notices)
    for country, code in (("US", "us-state-unknown"), ("JP", "none-covers")):
        with pytest.raises(JurisdictionUnknown) as refused:
            choose_jurisdiction(country, SHOP_ABROAD)
        assert refused.value.code == code and refused.value.country == country


def _letter(letter_type: str, jurisdiction: str, **extra: object) -> Letter:
    authority = {"eu": "frcnil", "uk": "gbico"}.get(jurisdiction)
    if letter_type in ("reminder", "complaint"):
        extra.setdefault(
            "prior", PriorRequest("FA-1", "access", D(2026, 1, 5), D(2026, 2, 5), "email")
        )
    spec = LetterSpec(
        letter_type=letter_type,
        jurisdiction=jurisdiction,
        language="en",
        sender=Sender("Marie Dupont", "12 rue des Lilas\n75011 Paris", "m@example.org", "fr"),
        operator=SHOP_ABROAD,
        authority=DIRECTORY.get(authority, "authority") if authority else None,
        letter_date=extra.pop("letter_date", D(2026, 3, 16)),  # type: ignore[arg-type]
        **extra,  # type: ignore[arg-type]
    )
    return render_letter(spec)


def test_letter_warnings_and_equivalents_carry_codes() -> None:
    erasure = _letter("erasure", "eu")
    (no_reason,) = compose.warning_notices(erasure.spec)
    _checked(no_reason, "erasure-without-reason")
    assert erasure.warnings == (no_reason.text,)
    (language,) = compose.warning_notices(_letter("complaint", "eu").spec)
    _checked(language, "authority-language", accepted="fr", language="en")
    late_uk = compose.warning_notices(_letter("complaint", "uk", letter_date=D(2026, 7, 1)).spec)
    codes = [n.code for n in late_uk]  # a Parisian under UK law: outside-territory too
    assert codes == ["outside-territory", "uk-complain-to-organisation-first", "ico-three-months"]
    _checked(late_uk[2], "ico-three-months", last="2026-01-05")
    _checked(equivalent_notice("ch", "erasure"), "equivalent", regime="ch", type="erasure")
    assert equivalent_notice("ch", "erasure").text == _letter("erasure", "ch").equivalent  # type: ignore[union-attr]
    assert equivalent_notice("eu", "access") is None


def test_date_warnings_carry_codes(letters_case: Case) -> None:
    letter_id = tracking.record_letter(
        letters_case,
        letter_type="access",
        jurisdiction="eu",
        language="en",
        operator=SHOP_ABROAD,
        letter_date=D(2026, 3, 10),
    )
    (early,) = clock.date_notices(letters_case, letter_id, D(2026, 1, 2), "email")
    _checked(early, "sent-before-letter-date", printed="2026-03-10", sent="2026-01-02")
    (late,) = clock.date_notices(letters_case, letter_id, D(2026, 6, 2), "email")
    _checked(late, "sent-long-after-letter-date", sent="2026-06-02")
    (posted,) = clock.date_notices(letters_case, letter_id, D(2026, 3, 11), "post")
    _checked(posted, "posted-no-receipt")
    (slow,) = clock.date_notices(
        letters_case, letter_id, D(2026, 3, 11), "post", received_at=D(2026, 4, 20)
    )
    _checked(slow, "slow-delivery", received="2026-04-20")
