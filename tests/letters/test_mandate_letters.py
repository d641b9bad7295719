"""Letters sent on the client's behalf under a recorded mandate: the clinic as representative,
the client as data subject, in every language; Art. 80(1) wording only for an Art. 80 body
under the GDPR; answers to the clinic; without a mandate, letters unchanged."""

from __future__ import annotations

import datetime as dt
import email
from dataclasses import replace
from email.message import Message
from pathlib import Path

import pytest

from faceaudit.letters import drafting, tracking
from faceaudit.letters.citations import LANGUAGES, Provision, cite
from faceaudit.letters.directory import Directory, load_builtin
from faceaudit.letters.export import render_eml, render_text
from faceaudit.letters.mandates import (
    Clinic,
    current_mandate,
    mandate_copy,
    mandates,
    record_mandate,
    representative_for,
    revoke_mandate,
)
from faceaudit.letters.render import (
    LetterSpec,
    PriorRequest,
    Representative,
    Sender,
    render_letter,
)
from faceaudit.letters.representation import table
from faceaudit.letters.texts import LetterError
from faceaudit.persontext import TextFieldError
from faceaudit.store import Case

DIRECTORY = Directory(load_builtin())
TODAY = dt.date(2026, 12, 2)
SENDER = Sender("Marie Dupont", "12 rue des Lilas\n75011 Paris", "marie@example.org", "fr")
CLINIC = Clinic(
    "Clinique Vie Privée", "4 place du Droit\n69001 Lyon", "aide@clinique.example", True
)
SIGNED = dt.date(2026, 11, 20)
NOT_FOR_PROFIT = {
    "en": "not-for-profit body",
    "fr": "organisme à but non lucratif",
    "de": "Einrichtung ohne Gewinnerzielungsabsicht",
    "es": "entidad sin ánimo de lucro",
    "it": "organismo senza scopo di lucro",
}


def _representative(kind: str = "art80", document: bytes | None = None) -> Representative:
    return Representative(
        CLINIC.name,
        CLINIC.address,
        CLINIC.email,
        kind,
        SIGNED,
        document_name="mandat-signe.pdf" if document else "",
        document=document,
    )


def _spec(
    language: str,
    jurisdiction: str = "eu",
    letter_type: str = "access",
    representative: Representative | None = None,
    operator: str = "pimeyes",
) -> LetterSpec:
    found = DIRECTORY.get(operator)
    assert found is not None
    authority = DIRECTORY.get("frcnil", "authority") if letter_type == "complaint" else None
    prior = (
        PriorRequest("FA-1", "access", dt.date(2026, 9, 1), dt.date(2026, 10, 1), "email")
        if letter_type in ("reminder", "complaint")
        else None
    )
    return LetterSpec(
        letter_type,
        jurisdiction,
        language,
        SENDER,
        found,
        authority=authority,
        prior=prior,
        letter_date=TODAY,
        reference="FA-2",
        representative=representative,
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_art80_body_writes_for_the_data_subject(language: str) -> None:
    letter = render_letter(_spec(language, representative=_representative()))
    text = render_text(letter)
    words = table(language, "letter")
    # The clinic is the sender (answers go to it) and signs for the person.
    assert letter.sender_lines[:3] == ("Clinique Vie Privée", "4 place du Droit", "69001 Lyon")
    assert letter.sender_lines[-1] == words["on_behalf"].format(person_name="Marie Dupont")
    assert letter.signed_by == ("Clinique Vie Privée", letter.sender_lines[-1])
    opening = letter.blocks[0].text
    assert "Marie Dupont" in opening and "Clinique Vie Privée" in opening
    assert "aide@clinique.example, 4 place du Droit, 69001 Lyon" in opening  # reply to the clinic
    assert cite(Provision.parse("gdpr", "80(1)"), language) in opening
    assert NOT_FOR_PROFIT[language] in opening
    # The data subject, with the details that link them to the data.
    assert "Marie Dupont, 12 rue des Lilas, 75011 Paris, marie@example.org" in letter.blocks[1].text
    # The mandate is enclosed, and said so.
    mandate_item = words["enclosure.art80"].split("{")[0].strip()
    assert letter.blocks[-1].kind == "item" and letter.blocks[-1].text.startswith(mandate_item)
    assert text.rstrip().endswith(f"Clinique Vie Privée\n{letter.sender_lines[-1]}")
    assert "{" not in text


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_authorisation_never_cites_art80(language: str) -> None:
    for jurisdiction, representative in (
        ("eu", _representative("authorisation")),
        ("ch", _representative("art80")),  # an Art. 80 body, but Swiss law has no Art. 80
    ):
        letter = render_letter(_spec(language, jurisdiction, representative=representative))
        text = render_text(letter)
        assert "Clinique Vie Privée" in letter.blocks[0].text
        assert "Marie Dupont" in letter.blocks[0].text
        assert NOT_FOR_PROFIT[language] not in text
        assert cite(Provision.parse("gdpr", "80(1)"), language) not in text
        assert letter.sender_lines[0] == "Clinique Vie Privée"


@pytest.mark.parametrize("language", LANGUAGES)
def test_under_the_ccpa_the_clinic_is_the_authorised_agent(language: str) -> None:
    spec = _spec(language, "ca", representative=_representative(), operator="clearview-ai")
    opening = render_letter(spec).blocks[0].text
    assert "11 CCR § 7063" in opening
    assert ("authorised agent" if language == "en" else "(authorized agent)") in opening
    assert "Marie Dupont" in opening and NOT_FOR_PROFIT[language] not in opening


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_complaint_is_lodged_by_the_body_and_a_reminder_encloses_the_mandate(
    language: str,
) -> None:
    complaint = render_letter(
        _spec(language, letter_type="complaint", representative=_representative())
    )
    assert complaint.recipient.slug == "frcnil"
    words = table(language, "letter")
    assert complaint.blocks[0].text.startswith("Clinique Vie Privée")
    assert cite(Provision.parse("gdpr", "80(1)"), language) in complaint.blocks[0].text
    reminder = render_letter(
        _spec(language, letter_type="reminder", representative=_representative())
    )
    items = [block.text for block in reminder.blocks if block.kind == "item"]
    mandate_item = words["enclosure.art80"].split("{")[0].strip()
    assert items[0].startswith(mandate_item)  # listed once, with the history
    assert sum(item.startswith(mandate_item) for item in items) == 1


@pytest.mark.parametrize("language", LANGUAGES)
def test_without_a_mandate_the_letter_is_the_persons_own(language: str) -> None:
    own = render_letter(_spec(language))
    assert own.sender_lines[0] == "Marie Dupont" and own.signed_by == ("Marie Dupont",)
    assert "Clinique" not in render_text(own)
    represented = render_letter(_spec(language, representative=_representative()))
    # The same request, the same words: only the opening, the enclosure and who signs differ.
    assert [b.text for b in represented.blocks[2:-2]] == [b.text for b in own.blocks]
    assert own.from_mailbox == ("Marie Dupont", "marie@example.org")


def test_the_email_draft_is_from_the_clinic_and_carries_the_signed_copy() -> None:
    letter = render_letter(_spec("fr", representative=_representative(document=b"%PDF-1.4 signed")))
    message: Message = email.message_from_bytes(render_eml(letter))
    assert "aide@clinique.example" in message["From"]
    attachments = {part.get_filename(): part.get_payload(decode=True) for part in message.walk()}
    assert attachments["mandat-signe.pdf"] == b"%PDF-1.4 signed"
    assert any("e-mail draft (.eml) carries the copy" in advice for advice in letter.advice)
    bare = render_letter(_spec("fr", representative=_representative()))
    assert any("keeps no copy of it" in advice for advice in bare.advice)


def test_the_clinics_details_are_cleaned_like_the_persons() -> None:
    odd = replace(_representative(), name="Clinique\u202e Vie\nPrivée", email="two@a.fr, b@c.fr")
    with pytest.raises(TextFieldError, match="The clinic's e-mail address"):
        render_letter(_spec("en", representative=odd))
    cleaned = render_letter(_spec("en", representative=replace(odd, email=CLINIC.email)))
    assert cleaned.sender_lines[0] == "Clinique Vie Privée"


def test_recorded_in_the_case_sealed_and_used_by_the_wizard(
    letters_case: Case, tmp_path: Path
) -> None:
    for finding in letters_case.findings():
        letters_case.review(finding.id, "confirmed")
    meta = drafting.operator_for_site(DIRECTORY, "www.instagram.com")
    request = drafting.DraftRequest("erasure", meta)
    before = drafting.prepare(letters_case, DIRECTORY, request, TODAY)
    assert before.spec.representative is None and before.letter.sender_lines[0] == "Marie Dupont"

    with pytest.raises(LetterError, match="in the future"):
        record_mandate(
            letters_case,
            kind="art80",
            language="fr",
            signed_on=TODAY + dt.timedelta(days=1),
            clinic=CLINIC,
            recorded_at="2026-12-02T10:00:00Z",
            today=TODAY,
        )
    with pytest.raises(LetterError, match="not-for-profit body"):
        record_mandate(
            letters_case,
            kind="art80",
            language="fr",
            signed_on=SIGNED,
            clinic=replace(CLINIC, art80=False),
            recorded_at="2026-12-02T10:00:00Z",
            today=TODAY,
        )
    assert mandates(letters_case) == []
    scan = b"%PDF-1.4 scanned signature of Marie Dupont"
    record = record_mandate(
        letters_case,
        kind="art80",
        language="fr",
        signed_on=SIGNED,
        clinic=CLINIC,
        recorded_at="2026-12-02T10:00:00Z",
        copy=("mandat-signe.pdf", scan),
        today=TODAY,
    )
    assert current_mandate(letters_case) == record and record.copy_size == len(scan)
    assert mandate_copy(letters_case, record.id) == ("mandat-signe.pdf", scan)
    # The clinic named and the signed copy are sealed: not in the file's bytes.
    letters_case.close()
    raw = b"".join(path.read_bytes() for path in letters_case.directory.glob("case.sqlite*"))
    assert b"Clinique" not in raw and b"scanned signature" not in raw
    assert b"mandat-signe" not in raw


def test_the_wizard_writes_for_the_client_until_the_mandate_is_revoked(
    letters_case: Case, tmp_path: Path
) -> None:
    for finding in letters_case.findings():
        letters_case.review(finding.id, "confirmed")
    record_mandate(
        letters_case,
        kind="authorisation",
        language="fr",
        signed_on=SIGNED,
        clinic=CLINIC,
        recorded_at="2026-12-02T10:00:00Z",
        today=TODAY,
    )
    assert representative_for(letters_case) == _representative("authorisation")
    recorded = letters_case.audit_log()[-1]
    assert recorded.action == "mandate_recorded"
    assert recorded.details == {
        "mandate_id": 1,
        "kind": "authorisation",
        "signed_on": "2026-11-20",
        "copy_kept": False,
    }
    meta = drafting.operator_for_site(DIRECTORY, "www.instagram.com")
    draft = drafting.prepare(letters_case, DIRECTORY, drafting.DraftRequest("erasure", meta), TODAY)
    assert draft.letter.sender_lines[0] == "Clinique Vie Privée"
    assert "Marie Dupont" in draft.letter.blocks[0].text
    saved = drafting.save(letters_case, draft, ["txt"], tmp_path)
    assert "au nom de Marie Dupont" in saved.written[0].read_text("utf-8")
    assert tracking.get_letter(letters_case, saved.letter_id).letter_type == "erasure"

    with pytest.raises(LetterError, match="before the mandate was signed"):
        revoke_mandate(letters_case, SIGNED - dt.timedelta(days=1), today=TODAY)
    revoke_mandate(letters_case, TODAY, today=TODAY)
    assert current_mandate(letters_case) is None and representative_for(letters_case) is None
    assert letters_case.audit_log()[-1].action == "mandate_revoked"
    assert letters_case.verify_audit().ok
    assert "Clinique" not in repr(letters_case.audit_log())
    again = drafting.prepare(letters_case, DIRECTORY, drafting.DraftRequest("erasure", meta), TODAY)
    assert again.letter.sender_lines[0] == "Marie Dupont"
    with pytest.raises(LetterError, match="no mandate in force"):
        revoke_mandate(letters_case, TODAY, today=TODAY)
