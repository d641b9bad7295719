"""The letters' legal wording: precise citations, claims the law supports, native grammar.

Each test renders a real letter from the shipped templates and reads its text.
"""

from __future__ import annotations

import datetime as dt

import pytest

from faceaudit.letters.citations import Provision, cite
from faceaudit.letters.deadlines import compute_deadline
from faceaudit.letters.directory import Directory, load_builtin
from faceaudit.letters.render import LetterError, LetterSpec, PriorRequest, Sender, render_letter

SENDER = Sender("Marie Dupont", "12 rue des Lilas\n75011 Paris", "marie@example.org", "fr")
D = dt.date


def _text(letter_type: str, jurisdiction: str, language: str, **extra: object) -> str:
    directory = Directory(load_builtin())
    authority = {"eu": "frcnil", "uk": "gbico", "ch": "chedoeb", "ca": "uscppa"}
    spec = LetterSpec(
        letter_type=letter_type,
        jurisdiction=jurisdiction,
        language=language,
        sender=SENDER,
        operator=directory.get("clearview-ai"),
        authority=directory.get(authority[jurisdiction], "authority")
        if letter_type == "complaint"
        else None,
        letter_date=D(2026, 3, 2),
        **extra,  # type: ignore[arg-type]
    )
    return render_letter(spec).plain_text()


def _prior(letter_type: str) -> PriorRequest:
    return PriorRequest("FA-1", letter_type, D(2026, 1, 5), D(2026, 2, 5), channel="email")


@pytest.mark.parametrize("language", ["en", "fr", "de", "es", "it"])
def test_reminder_cites_art_12_3_for_the_missing_extension_notice(language: str) -> None:
    # The notice of an extension, with reasons, is Art. 12(3); Art. 12(4) is the duty to
    # explain a refusal to act. Citing 12(4) for the extension was wrong.
    text = _text("reminder", "eu", language, prior=_prior("access"))
    extension = {
        "en": "notice of an extension with reasons",
        "fr": "avis motivé de prolongation",
        "de": "begründete Mitteilung über eine Fristverlängerung",
        "es": "comunicación motivada de prórroga",
        "it": "comunicazione motivata di proroga",
    }[language]
    sentence = text[text.index(extension) + len(extension) :]
    twelve_3 = cite(Provision.parse("gdpr", "12(3)"), language)
    twelve_4 = cite(Provision.parse("gdpr", "12(4)"), language)
    assert sentence.lstrip().startswith(f"({twelve_3})")
    assert twelve_4 in sentence


@pytest.mark.parametrize(
    ("letter_type", "jurisdiction"),
    [("reminder", "eu"), ("complaint", "eu"), ("complaint", "uk"), ("reminder", "ch")],
)
def test_french_possessive_agrees_with_objection(letter_type: str, jurisdiction: str) -> None:
    text = _text(letter_type, jurisdiction, "fr", prior=_prior("objection"))
    assert "ma opposition" not in text
    assert "mon opposition" in text


def test_german_and_italian_possessives_follow_the_case_and_gender() -> None:
    german = _text("reminder", "eu", "de", prior=_prior("objection"))
    assert "Erinnerung an meinen Widerspruch vom 5. Januar 2026" in german
    assert "habe ich Ihnen meinen Widerspruch übersandt" in german
    italian = _text("reminder", "eu", "it", prior=_prior("access"))
    assert "Sollecito: la mia richiesta di accesso del 5 gennaio 2026" in italian
    spanish = _text("reminder", "eu", "es", prior=_prior("objection"))
    assert "Recordatorio: mi oposición del 5 de enero de 2026 sigue sin respuesta" in spanish


def test_french_reminder_subject_uses_mon_before_a_vowel() -> None:
    text = _text("reminder", "eu", "fr", prior=_prior("objection"))
    # French typography: a non-breaking space before the colon.
    assert "Relance\u00a0: mon opposition du 5 janvier 2026 est restée sans réponse" in text
    access = _text("reminder", "eu", "fr", prior=_prior("access"))
    assert "Relance\u00a0: ma demande d'accès du 5 janvier 2026" in access


@pytest.mark.parametrize("language", ["en", "fr", "de", "es", "it"])
def test_gdpr_access_asks_for_every_item_of_art_15(language: str) -> None:
    text = _text("access", "eu", language)
    points = {
        "en": ["Art. 15(1)(e) GDPR", "Art. 15(1)(f) GDPR", "Art. 15(2) GDPR"],
        "fr": [
            "article 15, paragraphe 1, point e), du RGPD",
            "article 15, paragraphe 1, point f), du RGPD",
            "article 15, paragraphe 2, du RGPD",
        ],
        "de": ["Art. 15 Abs. 1 lit. e DSGVO", "Art. 15 Abs. 1 lit. f DSGVO", "Art. 15 Abs. 2"],
        "es": ["art. 15.1.e) RGPD", "art. 15.1.f) RGPD", "art. 15.2 RGPD"],
        "it": ["art. 15, par. 1, lett. e), GDPR", "art. 15, par. 1, lett. f), GDPR"],
    }[language]
    for point in points:
        assert point in text
    # Art. 15(1)(a) is the purposes; the legal basis is Art. 6(1), cited on its own.
    purposes = next(line for line in text.splitlines() if "15" in line and "9" in line)
    assert purposes.index("15") < purposes.index("9")


@pytest.mark.parametrize("language", ["en", "fr", "de", "es", "it"])
def test_ccpa_account_rule_cites_section_130_a_2_A(language: str) -> None:
    # "Shall not require the consumer to create an account" is §1798.130(a)(2)(A);
    # (a)(7) is only the use of verification data.
    text = _text("access", "ca", language)
    account = {"en": "open an account", "fr": "ouvre un compte", "de": "Konto eröffne"}
    account |= {"es": "abra una cuenta", "it": "aprire un account"}
    after = text[text.index(account[language]) :]
    assert after[len(account[language]) :].startswith(" (Cal. Civ. Code § 1798.130(a)(2)(A))")


@pytest.mark.parametrize("language", ["en", "fr", "de", "es", "it"])
def test_ccpa_complaint_is_sworn_so_the_agency_must_answer(language: str) -> None:
    text = _text("complaint", "ca", language, prior=_prior("access"))
    assert "to the best of my knowledge" not in text.lower()
    assert "à ma connaissance" not in text
    assert "Cal. Civ. Code § 1798.199.45(a)" in text
    assert "Cal. Civ. Code § 1798.199.45(b)" in text
    perjury = {"en": "under penalty of perjury", "fr": "parjure", "de": "Meineids"}
    perjury |= {"es": "perjurio", "it": "spergiuro"}
    assert perjury[language] in text


def test_switzerland_period_ending_on_a_weekend_moves_to_monday() -> None:
    # 5 Feb 2026 + 30 days = Saturday 7 March: the period ends on Monday 9 March.
    assert compute_deadline("ch", "access", D(2026, 2, 5)).due == D(2026, 3, 9)
    assert compute_deadline("ch", "erasure", D(2026, 2, 5)).due == D(2026, 3, 9)
    # 2 July 2026 + 30 days = Saturday 1 August (National Day) -> Monday 3 August.
    assert compute_deadline("ch", "access", D(2026, 7, 2)).due == D(2026, 8, 3)
    # An ordinary weekday stays put.
    assert compute_deadline("ch", "access", D(2026, 2, 3)).due == D(2026, 3, 5)


def test_german_deadline_sentence_reads_naturally() -> None:
    text = _text("access", "eu", "de")
    assert "einzulegen und einen gerichtlichen Rechtsbehelf einzulegen" not in text
    # One "provides" a copy ("zur Verfügung stellen"); one does not "mitteilen" it.
    assert "Folgendes zur Verfügung:" in text and "Folgendes mit:" not in text
    assert "Arbeitstagen" in _text("access", "ca", "de")


@pytest.mark.parametrize("language", ["en", "fr", "de", "es", "it"])
def test_uk_letters_cite_the_ico_not_the_edpb(language: str) -> None:
    uk = _text("access", "uk", language)
    assert "01/2022" not in uk and "05/2022" not in uk
    assert "ICO" in uk
    eu = _text("access", "eu", language)
    assert "01/2022" in eu and "05/2022" in eu and "ICO" not in eu


@pytest.mark.parametrize("language", ["en", "fr", "de", "es", "it"])
def test_uk_complaint_does_not_claim_a_reminder_that_was_never_sent(language: str) -> None:
    text = _text("complaint", "uk", language, prior=_prior("access"))
    for word in ("reminder", "relance", "Erinnerung", "recordatorio", "sollecito"):
        assert word not in text
    if language == "fr":
        assert "en application de l'article 77 du UK GDPR et de la s. 165 DPA 2018" in text


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", ["Art. 5(c)(4) FADP", "Art. 6(7)(a) FADP", "Art. 30(2)(b) FADP"]),
        ("fr", ["art. 5, let. c, ch. 4, LPD", "art. 6, al. 7, let. a, LPD"]),
        (
            "de",
            ["Art. 5 lit. c Ziff. 4 DSG", "Art. 6 Abs. 7 lit. a DSG", "Art. 30 Abs. 2 lit. b DSG"],
        ),
        ("it", ["art. 5, lett. c, n. 4, LPD", "art. 30, cpv. 2, lett. b, LPD"]),
    ],
)
def test_swiss_letters_cite_letters_and_numbers_the_swiss_way(
    language: str, expected: list[str]
) -> None:
    # Biometric data are sensitive under Art. 5 let. c no. 4 FADP, which has no paragraphs:
    # "Art. 5 Abs. c" or "art. 5, al. c" would name a paragraph that does not exist.
    text = _text("erasure", "ch", language)
    for citation in expected:
        assert citation in text
    assert "Abs. c" not in text and "al. c" not in text


@pytest.mark.parametrize("language", ["en", "fr", "de", "es", "it"])
def test_bipa_destruction_rests_on_the_purpose_rule_not_a_duty_to_keep(language: str) -> None:
    # §15(a) obliges destruction once the purpose is satisfied (or 3 years after the last
    # interaction); "your retention duty requires destruction" overstated it, and
    # "obligation de conservation" / "obligación de conservación" says the opposite.
    text = _text("erasure", "il", language)
    for wrong in ("retention duty requires", "obligation de conservation", "conservación exige"):
        assert wrong not in text
    assert "obbligo di conservazione" not in text and "Aufbewahrungspflicht verlangt" not in text
    assert "740 ILCS 14/15(a)" in text


def test_ccpa_erasure_note_warns_about_data_not_collected_from_the_consumer() -> None:
    directory = Directory(load_builtin())
    spec = LetterSpec(
        letter_type="erasure",
        jurisdiction="ca",
        language="en",
        sender=SENDER,
        operator=directory.get("clearview-ai"),
    )
    equivalent = render_letter(spec).equivalent
    assert equivalent is not None and "collected from the consumer" in equivalent


@pytest.mark.parametrize("letter_type", ["reminder", "complaint"])
def test_no_reminder_or_complaint_before_the_period_has_ended(letter_type: str) -> None:
    # Letter dated 2 March 2026; the access request of 10 Feb is due on 10 March.
    early = PriorRequest("FA-1", "access", D(2026, 2, 10), D(2026, 3, 10))
    with pytest.raises(LetterError, match="has not ended: it runs until 2026-03-10") as error:
        _text(letter_type, "eu", "en", prior=early)
    assert "2026-03-11" in error.value.todo
    # The last day of the period still belongs to it.
    on_due = PriorRequest("FA-1", "access", D(2026, 2, 2), D(2026, 3, 2))
    with pytest.raises(LetterError, match="has not ended"):
        _text(letter_type, "eu", "en", prior=on_due)
    # An extension pushes the end further.
    extended = PriorRequest(
        "FA-1", "access", D(2025, 12, 1), D(2026, 1, 1), extended_due_at=D(2026, 3, 1)
    )
    assert "1 March 2026" in _text(letter_type, "eu", "en", prior=extended)


def test_complaint_about_an_answer_already_received_need_not_wait() -> None:
    answered = PriorRequest(
        "FA-1",
        "access",
        D(2026, 2, 10),
        D(2026, 3, 10),
        status="answered",
        answered_at=D(2026, 2, 20),
    )
    text = _text("complaint", "eu", "en", prior=answered)
    assert "An answer was received on 20 February 2026" in text


def test_a_private_person_writes_my_reference_not_our_reference() -> None:
    text = _text("reminder", "eu", "en", prior=_prior("access"))
    assert "our reference" not in text.lower() and "(my reference FA-1;" in text
