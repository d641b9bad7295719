"""The mandate document a client signs for a clinic: each language, Art. 80(1) wording only
for an Art. 80 body under the GDPR or the UK GDPR, written as PDF, DOCX and text."""

from __future__ import annotations

import io
import stat
from pathlib import Path

import pytest
from docx import Document
from pypdf import PdfReader

from faceaudit.letters.citations import LANGUAGES, Provision, cite
from faceaudit.letters.mandate import (
    MandateSpec,
    Party,
    format_for,
    mandate_docx,
    mandate_kind,
    mandate_law,
    mandate_pdf,
    mandate_text,
    render_mandate,
    write_mandate,
)
from faceaudit.letters.representation import table
from faceaudit.letters.texts import LetterError

CLIENT = Party("Camille Martin", "3 rue Yvonne\n75001 Paris", "camille@example.org")
CLINIC = Party("Clinique Vie Privée", "12 rue des Lilas\n75011 Paris", "aide@clinique.example")
# A word of Art. 80(1)'s own conditions in each language: only an Art. 80 mandate says it.
NOT_FOR_PROFIT = {
    "en": "not-for-profit body",
    "fr": "organisme à but non lucratif",
    "de": "Einrichtung ohne Gewinnerzielungsabsicht",
    "es": "entidad sin ánimo de lucro",
    "it": "organismo senza scopo di lucro",
}


def _spec(kind: str, language: str, law: str = "eu") -> MandateSpec:
    return MandateSpec(kind, language, law, CLIENT, CLINIC)


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_language_names_both_parties_and_cites_art80_only_when_given(language: str) -> None:
    art80_text = mandate_text(render_mandate(_spec("art80", language)))
    plain_text = mandate_text(render_mandate(_spec("authorisation", language)))
    article = cite(Provision.parse("gdpr", "80(1)"), language)
    for text in (art80_text, plain_text):
        assert "Camille Martin" in text and "3 rue Yvonne" in text
        assert "Clinique Vie Privée" in text and "aide@clinique.example" in text
        assert "{" not in text and "}" not in text  # every placeholder filled
        labels = table(language, "document")
        assert labels["client_signature"] in text and labels["place_date"] in text
    assert article in art80_text and NOT_FOR_PROFIT[language] in art80_text
    # The Art. 80 mandate also authorises the requests to the controllers (Art. 15, 17, 21).
    assert cite(Provision.parse("gdpr", "15"), language) in art80_text
    assert article not in plain_text and NOT_FOR_PROFIT[language] not in plain_text


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_uk_client_signs_under_the_uk_gdpr(language: str) -> None:
    text = mandate_text(render_mandate(_spec("art80", language, "uk")))
    assert cite(Provision.parse("ukgdpr", "80(1)"), language) in text
    assert table(language, "document")["constituted_under.uk"] in text


def test_which_document_and_which_law() -> None:
    assert mandate_kind(True, "FR") == "art80"
    assert mandate_kind(True, "gb") == mandate_kind(True, "UK") == "art80"
    assert mandate_kind(True, "") == "art80"  # the country is not known: GDPR assumed
    # Swiss and US law have no Art. 80: the body is an authorised representative there.
    assert mandate_kind(True, "CH") == mandate_kind(True, "us-ca") == "authorisation"
    assert mandate_kind(False, "FR") == "authorisation"
    assert mandate_law("UK") == "uk" and mandate_law("de") == "eu"


def test_missing_details_are_named() -> None:
    spec = MandateSpec("art80", "en", "eu", Party("Camille Martin", "", ""), CLINIC)
    with pytest.raises(LetterError, match=r"the client's postal address \(case edit --address\)"):
        render_mandate(spec)


def test_pdf_and_docx_hold_the_same_words(tmp_path: Path) -> None:
    document = render_mandate(_spec("art80", "de"))
    pdf_text = " ".join(
        page.extract_text() for page in PdfReader(io.BytesIO(mandate_pdf(document))).pages
    )
    words = " ".join(pdf_text.split())
    assert "Beauftragung nach Art. 80 Abs. 1 DSGVO" in words
    assert "Camille Martin" in words and "Clinique Vie Privée" in words
    assert "Unterschrift der betroffenen Person" in words
    docx = Document(io.BytesIO(mandate_docx(document)))
    docx_text = "\n".join(p.text for p in docx.paragraphs)
    assert document.paragraphs[0] in docx_text and "Camille Martin" in docx_text


def test_written_private_and_never_over_an_existing_file(tmp_path: Path) -> None:
    document = render_mandate(_spec("authorisation", "es"))
    target = tmp_path / "mandato.docx"
    assert format_for(target, None) == "docx" and format_for(tmp_path / "m", None) == "pdf"
    write_mandate(document, "docx", target)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    before = target.read_bytes()
    with pytest.raises(LetterError, match="already exists; nothing was written"):
        write_mandate(document, "txt", target)
    assert target.read_bytes() == before
    write_mandate(document, "txt", target, overwrite=True)
    assert "Autorización para actuar en mi nombre" in target.read_text("utf-8")
    with pytest.raises(LetterError, match="is a folder"):
        write_mandate(document, "pdf", tmp_path)
    missing = tmp_path / "no-such-folder" / "m.pdf"
    with pytest.raises(LetterError, match="could not be written"):
        write_mandate(document, "pdf", missing)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mandato.docx"]  # no temporary left
