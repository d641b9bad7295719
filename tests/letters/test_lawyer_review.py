"""The lawyer's review of the letters (issue 11): each point, on real rendered letters.

Every test renders from the shipped templates and reads the text a controller would read.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

import pytest

from faceaudit.letters.citations import LANGUAGES
from faceaudit.letters.deadlines import JURISDICTIONS, LETTER_TYPES
from faceaudit.letters.directory import Directory, Operator, load_builtin
from faceaudit.letters.export import render_text
from faceaudit.letters.render import (
    Enclosure,
    Evidence,
    Letter,
    LetterError,
    LetterSpec,
    PriorRequest,
    Sender,
    render_letter,
)

D = dt.date
DIRECTORY = Directory(load_builtin())
PARIS = Sender("Marie Dupont", "12 rue des Lilas\n75011 Paris", "marie@example.org", "fr")
EVIDENCE = (
    Evidence("https://blog.example.org/team", "https://blog.example.org/img/a.jpg", "2026-01-10"),
    Evidence("https://news.example.com/p/7", "https://news.example.com/img/b.jpg", "2026-01-11"),
)
AUTHORITY = {"eu": "frcnil", "uk": "gbico", "ch": "chedoeb", "ca": "uscppa", "il": None}


def letter(
    letter_type: str = "access",
    jurisdiction: str = "eu",
    language: str = "en",
    operator: str | Operator = "clearview-ai",
    **extra: object,
) -> Letter:
    slug = AUTHORITY[jurisdiction]
    if letter_type in ("reminder", "complaint") and "prior" not in extra:
        extra["prior"] = PriorRequest("FA-1", "access", D(2026, 1, 5), D(2026, 2, 5), "email")
    spec = LetterSpec(
        letter_type=letter_type,
        jurisdiction=jurisdiction,
        language=language,
        sender=extra.pop("sender", PARIS),  # type: ignore[arg-type]
        operator=DIRECTORY.get(operator) if isinstance(operator, str) else operator,  # type: ignore[arg-type]
        authority=DIRECTORY.get(slug, "authority") if slug and letter_type == "complaint" else None,
        letter_date=extra.pop("letter_date", D(2026, 3, 16)),  # type: ignore[arg-type]
        reason=extra.pop("reason", "Ma situation" if letter_type == "objection" else ""),  # type: ignore[arg-type]
        **extra,  # type: ignore[arg-type]
    )
    return render_letter(spec)


def body(item: Letter) -> str:
    """The letter without its annexes."""
    return "\n".join([item.subject, item.salutation, *(b.text for b in item.blocks)])


# --- errors -----------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_face_search_engines_are_not_told_the_pages_are_theirs(language: str) -> None:
    searcher = body(letter(language=language, evidence=EVIDENCE))
    platform = body(letter(language=language, operator="meta", evidence=EVIDENCE))
    theirs = {
        "en": "pages you are responsible for",
        "fr": "pages dont vous êtes responsable",
        "de": "Seiten in Ihrer Verantwortung",
        "es": "páginas de las que ustedes son responsables",
        "it": "pagine di cui siete responsabili",
    }[language]
    collected = {
        "en": "collect or index",
        "fr": "collectez ou indexez",
        "de": "erheben oder indexieren",
        "es": "recopilan o indexan",
        "it": "raccogliete o indicizzate",
    }[language]
    assert theirs not in searcher and collected in searcher
    assert theirs in platform and collected not in platform


def test_face_search_letters_ask_for_everything_derived_not_only_the_annex() -> None:
    text = body(letter(evidence=EVIDENCE))
    assert "every image of me you hold, whatever page it came from" in text
    assert "every face template, search result and other data derived from them" in text
    assert "not only what is listed there" in text


def test_history_annex_shows_the_status_on_the_letters_date() -> None:
    # Stored as "sent" months ago: the complaint's annex must say overdue.
    stale = PriorRequest("FA-1", "access", D(2025, 9, 1), D(2025, 10, 1), "email", status="sent")
    text = render_text(letter("complaint", prior=stale, history=(stale,)))
    assert "Status: overdue" in text and "awaiting an answer" not in text


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_annex_is_cited_only_when_one_is_attached(language: str) -> None:
    word = {"en": "annex", "fr": "annexe", "de": "Anlage", "es": "anexo", "it": "allegato"}
    for letter_type in ("access", "erasure", "objection"):
        for jurisdiction in JURISDICTIONS:
            bare = body(letter(letter_type, jurisdiction, language, operator="meta"))
            assert word[language].lower() not in bare.lower(), (letter_type, jurisdiction)
            with_annex = body(
                letter(letter_type, jurisdiction, language, operator="meta", evidence=EVIDENCE)
            )
            assert word[language].lower() in with_annex.lower()
    # A complaint always has the history annex; the images annex only with findings.
    labels = letter("complaint", language=language).labels
    assert labels["annexes.history"] in body(letter("complaint", language=language))
    with_images = body(letter("complaint", language=language, evidence=EVIDENCE))
    assert labels["annexes.images_history"] in with_images


def test_territorial_scope_is_argued_for_operators_abroad() -> None:
    eu = body(letter())
    for needle in ("Art. 3(2)(b) GDPR", "Art. 27(1) GDPR", "Art. 27(2)(a) GDPR"):
        assert needle in eu
    for decision in ("SAN-2022-019", "order no. 50 of 10 February 2022", "35/2022"):
        assert decision in eu
    uk = body(letter(jurisdiction="uk"))
    assert "Art. 3(2)(b) UK GDPR" in uk and "[2025] UKUT 319 (AAC)" in uk
    assert "SAN-2022-019" not in uk
    ch = body(letter(jurisdiction="ch", language="de"))
    assert "Art. 3 Abs. 1 DSG" in ch and "Art. 14 Abs. 1 DSG" in ch
    # A platform established in Ireland needs no such argument; a non-searcher abroad gets
    # Art. 3(2) without the face-search decisions.
    assert "3(2)" not in body(letter(operator="meta"))
    shop = Operator(slug="shop", name="Shop Inc.", address="1 Main St\nBoston", country="us")
    abroad = body(letter(operator=shop))
    assert "Art. 3(2) GDPR" in abroad and "SAN-2022-019" not in abroad


def test_uk_letters_do_not_rest_on_cjeu_rulings_and_reflect_the_2025_act() -> None:
    for letter_type in LETTER_TYPES:
        text = body(letter(letter_type, "uk"))
        assert "CJEU" not in text and "C-154/21" not in text
    access = body(letter(jurisdiction="uk"))
    assert "Art. 12A UK GDPR" in access and "does not count" in access
    assert "C-154/21" in body(letter())
    before = body(letter("reminder", "uk", letter_date=D(2026, 3, 16)))
    after = body(letter("reminder", "uk", letter_date=D(2026, 6, 19)))
    assert "s. 164A DPA 2018" not in before and "s. 164A DPA 2018" in after


def test_residence_is_stated_when_the_law_covers_the_person() -> None:
    californian = Sender("Sam Lee", "1 Market St\nSan Francisco", "sam@example.org", "us-ca")
    ca = letter(jurisdiction="ca", sender=californian)
    assert "I live in California" in body(ca) and "Cal. Civ. Code § 1798.140(i)" in body(ca)
    assert ca.warnings == ()
    parisian = letter(jurisdiction="ca")
    assert "I live in California" not in body(parisian)
    assert any("US-CA" in w for w in parisian.warnings)
    il = letter(jurisdiction="il", sender=replace(californian, country="us-il"))
    assert "I live in Illinois" in body(il)
    assert "I live in the European Union" in body(letter())


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_letter_counts_the_period_from_receipt(language: str) -> None:
    phrase = {
        "en": "if it reaches you on 16 March 2026, that is by 16 April 2026",
        "fr": "si elle vous parvient le 16 mars 2026, au plus tard le 16 avril 2026",
        "de": "Geht er Ihnen am 16. März 2026 zu, endet die Frist am 16. April 2026",
        "es": "si la reciben el 16 de marzo de 2026, a más tardar el 16 de abril de 2026",
        "it": "se vi perviene il 16 marzo 2026, entro il 16 aprile 2026",
    }[language]
    assert phrase in body(letter(language=language))


def test_complaints_likely_to_be_rejected_are_warned_about() -> None:
    late = letter("complaint", "uk", letter_date=D(2026, 6, 1))  # last contact 5 January
    assert any("three months" in w for w in late.warnings)
    in_time = letter("complaint", "uk", letter_date=D(2026, 3, 16))
    assert not any("three months" in w for w in in_time.warnings)
    # From 19 June 2026 the organisation handles the complaint first (s.164A DPA 2018).
    no_reminder = letter("complaint", "uk", letter_date=D(2026, 7, 1))
    assert any("s.164A" in w for w in no_reminder.warnings)
    reminded = PriorRequest("FA-2", "reminder", D(2026, 6, 1), D(2026, 6, 15), "email")
    after_reminder = letter(
        "complaint",
        "uk",
        letter_date=D(2026, 7, 1),
        history=(PriorRequest("FA-1", "access", D(2026, 4, 1), D(2026, 5, 1)), reminded),
    )
    assert not any("s.164A" in w for w in after_reminder.warnings)
    english_to_cnil = letter("complaint", "eu", "en")
    assert any("--lang fr" in w and "French" in w for w in english_to_cnil.warnings)
    assert not any("--lang" in w for w in letter("complaint", "eu", "fr").warnings)
    assert not any("--lang" in w for w in letter("complaint", "ch", "it").warnings)


# --- weaknesses -------------------------------------------------------------------------


def test_erasure_takes_the_persons_grounds_and_asks_for_restriction() -> None:
    reason = "A stalker uses face search to find where I live."
    text = body(letter("erasure", reason=reason))
    assert reason in text and "Art. 18(1)(d) GDPR" in text and "Art. 21(1) GDPR" in text
    assert letter("erasure", reason=reason).warnings == ()
    bare = letter("erasure")
    assert "Art. 18(1)(d)" not in body(bare)
    assert any("--reason" in w for w in bare.warnings)


def test_erasure_reaches_backups_indexes_other_services_and_recollection() -> None:
    text = body(letter("erasure", evidence=EVIDENCE))
    assert "backups" in text and "search indexes" in text and "all your other services" in text
    assert "Do not collect or index images of me again" in text
    # Art. 17(2) fits the operator: a face-search engine's customers are its recipients.
    assert "every customer who received a search result showing me" in text
    assert "every customer" not in body(letter("erasure", operator="meta"))


def test_face_search_identification_needs_no_photograph_unless_chosen() -> None:
    text = body(letter(evidence=EVIDENCE))
    assert "image addresses listed in the annex are enough" in text
    with_faces = tuple(replace(e, thumbnail_jpeg=b"\xff\xd8jpeg") for e in EVIDENCE)
    chosen = body(letter(evidence=with_faces, include_thumbnails=True))
    assert "for that purpose only" in chosen and "do not add them to your index" in chosen
    assert "image addresses listed in the annex are enough" not in chosen


def test_access_rules_cite_what_supports_each_claim() -> None:
    text = body(letter())
    assert "last twelve months (Art. 15(1) GDPR, Art. 15(3) GDPR)" in text
    assert "a set number of requests a year is no such ground (Art. 12(5) GDPR)" in text
    assert "the number of requests I have made" in text
    assert "a large number of requests" not in text


def test_swiss_letters_state_the_fee_and_the_duty_to_notify_a_refusal() -> None:
    text = body(letter(jurisdiction="ch"))
    assert "CHF 300" in text and "Art. 19 DPO" in text and "Art. 18(3) DPO" in text
    de = body(letter(jurisdiction="ch", language="de"))
    assert "300 Franken" in de and "Art. 18 Abs. 3 DSV" in de


def test_ccpa_right_to_know_covers_sale_and_sharing_and_verification_time() -> None:
    text = body(letter(jurisdiction="ca"))
    assert "§ 1798.115(a)(2)" in text and "§ 1798.115(a)(3)" in text
    assert "whatever time you take to verify it (11 CCR § 7021(b))" in text


@pytest.mark.parametrize("language", LANGUAGES)
def test_bipa_reflects_the_2024_amendment_and_does_not_contradict_itself(language: str) -> None:
    text = body(letter("erasure", "il", language, evidence=EVIDENCE))
    assert "103-0769" in text and "740 ILCS 14/20(b)" in text
    assert "my request covers" not in text.lower()


@pytest.mark.parametrize("language", LANGUAGES)
def test_follow_ups_list_what_they_enclose_and_complaints_ask_about_lawfulness(
    language: str,
) -> None:
    headings = {
        "en": ("Enclosure:", "Enclosures:"),
        "fr": ("Pièce jointe\u00a0:", "Pièces jointes\u00a0:"),
        "de": ("Anlage:", "Anlagen:"),
        "es": ("Documento adjunto:", "Documentos adjuntos:"),
        "it": ("Allegato:", "Allegati:"),
    }[language]
    copy = {
        "en": "Copy of my letter of 5 January 2026 (request for access, my reference FA-1)",
        "fr": "Copie de mon courrier du 5 janvier 2026 (demande d'accès, référence FA-1)",
        "de": "Kopie meines Schreibens vom 5. Januar 2026 (Auskunftsantrag, mein Zeichen FA-1)",
        "es": "Copia de mi escrito del 5 de enero de 2026 (solicitud de acceso, referencia FA-1)",
        "it": "Copia della mia lettera del 5 gennaio 2026 (richiesta di accesso, mio "
        "riferimento FA-1)",
    }[language]
    # Nothing kept of the first request: the letter claims no copy, only the history annex.
    bare = letter("reminder", language=language)
    assert [b.kind for b in bare.blocks[-2:]] == ["text", "item"]
    assert bare.blocks[-2].text == headings[0] and copy not in body(bare)
    assert any("no file of your request" in a for a in bare.advice)
    sent = Enclosure("request", "first.pdf", b"%PDF", "access", "FA-1", D(2026, 1, 5))
    for letter_type in ("reminder", "complaint"):
        enclosed = letter(letter_type, language=language, enclosures=(sent,))
        assert enclosed.blocks[-3].text == headings[1] and enclosed.blocks[-2].text == copy
        assert any("first.pdf" in a for a in enclosed.advice)
        assert not any("no file of your request" in a for a in enclosed.advice)
    complaint = letter("complaint", language=language)
    assert any("proof" in a for a in complaint.advice)
    text = body(complaint)
    for provision in ("6", "9"):
        assert re.search(rf"(Art\.|article|art\.) {provision}\b", text)
    assert re.search(r"58.{0,20}(\(g\)|point g\)|lit\. g|\.g\)|lett\. g\))", text)


def test_addresses_the_person_typed_carry_no_found_date() -> None:
    typed = (Evidence("https://example.org/p", "https://example.org/p.jpg", found_at=""),)
    text = render_text(letter(evidence=typed))
    assert "https://example.org/p.jpg" in text and "Found:" not in text
    # A finding dated after a backdated letter would contradict it: no date is printed.
    later = (Evidence("https://example.org/p", "https://example.org/p.jpg", "2026-04-01"),)
    assert "Found:" not in render_text(letter(evidence=later, letter_date=D(2026, 3, 16)))
    assert "Found: 2026-04-01" in render_text(letter(evidence=later, letter_date=D(2026, 4, 1)))


# --- language ---------------------------------------------------------------------------


def test_article_4_14_is_cited_as_a_point() -> None:
    expected = {
        "en": "Art. 4(14) GDPR",
        "fr": "article 4, point 14), du RGPD",
        "de": "Art. 4 Nr. 14 DSGVO",
        "es": "art. 4.14 RGPD",
        "it": "art. 4, punto 14), GDPR",
    }
    for language, citation in expected.items():
        assert citation in body(letter(language=language))


@pytest.mark.parametrize("letter_type", LETTER_TYPES)
@pytest.mark.parametrize("jurisdiction", JURISDICTIONS)
def test_german_letters_read_as_german_letters(letter_type: str, jurisdiction: str) -> None:
    item = letter(letter_type, jurisdiction, "de", evidence=EVIDENCE)
    assert item.salutation == "Sehr geehrte Damen und Herren,"
    assert item.blocks[0].text[0].islower()  # the salutation ends with a comma
    text = render_text(item)
    assert "emplate" not in text  # no "Gesichtstemplate"
    if jurisdiction == "ch":
        assert "ß" not in text and "Grüssen" in text


def test_italian_and_spanish_agreement_and_salutation() -> None:
    it = body(letter(language="it", operator="meta", evidence=EVIDENCE))
    assert it.split("\n")[1] == "Gentili Signori,"
    assert "Signore e Signori" not in it and "non solo a queste" not in it
    es = body(letter(language="es", operator="meta", evidence=EVIDENCE))
    assert "no sólo" not in es and "solo estos" not in es


def test_french_typography_complaint_word_and_channels() -> None:
    complaint = letter("complaint", language="fr")
    texts = [
        body(letter(t, j, "fr", evidence=EVIDENCE)) for t in LETTER_TYPES for j in JURISDICTIONS
    ]
    for text in texts:
        without_urls = re.sub(r"https?://\S+", "", text)
        assert not re.search(r"[^\s\u00a0][:;]", without_urls.replace("(s)", ""))
        assert not re.search(r" [:;]", without_urls)  # an ordinary space breaks the line
        assert "plainte" not in text.lower()
    assert "en application de l'article 15 du RGPD" in body(letter(language="fr"))
    assert "Moyen d'envoi\u00a0: courriel" in render_text(complaint)


@pytest.mark.parametrize("language", LANGUAGES)
def test_counts_use_plural_forms(language: str) -> None:
    for count in (1, 2):
        for jurisdiction in JURISDICTIONS:
            text = body(
                letter(jurisdiction=jurisdiction, language=language, evidence=EVIDENCE[:count])
            )
            assert not re.search(r"[A-Za-zÀ-ÿ]\((s|es|er|n|i|e)\)", text), text
    assert "lists 1 image of my face" in body(letter(operator="meta", evidence=EVIDENCE[:1]))
    assert "2 Bilder" in body(letter(language="de", operator="meta", evidence=EVIDENCE))


def test_only_the_gdpr_asks_an_objection_for_reasons() -> None:
    # FADP Art. 30(2)(b): an express objection suffices; CCPA opt-outs and BIPA need none.
    for jurisdiction, language, lead in (
        ("ch", "de", "Meine Gründe sind folgende:"),
        ("ch", "fr", "Mes raisons sont les suivantes"),
        ("ca", "en", "My reasons are the following:"),
        ("il", "it", "I miei motivi sono i seguenti:"),
    ):
        bare = body(letter("objection", jurisdiction, language, reason=""))
        assert lead not in bare
        given = body(letter("objection", jurisdiction, language, reason="Ich will es nicht."))
        assert lead in given and "Ich will es nicht." in given
    for jurisdiction in ("eu", "uk"):
        with pytest.raises(LetterError, match=r"Art\. 21"):
            letter("objection", jurisdiction, reason="")


def test_the_history_annex_gives_the_day_the_operator_received_the_request() -> None:
    posted = PriorRequest(
        "FA-1", "access", D(2026, 1, 5), D(2026, 2, 9), "registered-post", received_at=D(2026, 1, 9)
    )
    text = render_text(letter("complaint", prior=posted, history=(posted,)))
    assert "Channel: registered post\nReceived: 9 January 2026\nAnswer due: 9 February 2026" in text
    german = render_text(letter("complaint", language="de", prior=posted, history=(posted,)))
    assert "Zugegangen am: 9. Januar 2026" in german
    emailed = PriorRequest("FA-1", "access", D(2026, 1, 5), D(2026, 2, 5), "email")
    assert "Received:" not in render_text(letter("complaint", prior=emailed, history=(emailed,)))
