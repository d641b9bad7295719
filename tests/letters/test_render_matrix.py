"""Every letter type x jurisdiction x language, in every format, read back and checked.

Each combination is rendered once per format (module-scoped cache) and the outputs are
reused by all assertions, so the matrix stays fast.
"""

from __future__ import annotations

import datetime as dt
import email
import io
import re
from dataclasses import dataclass
from email.message import Message

import docx
import pytest
from pypdf import PdfReader

from faceaudit.letters.citations import LANGUAGES, Provision, cite
from faceaudit.letters.deadlines import JURISDICTIONS, LETTER_TYPES
from faceaudit.letters.directory import Directory, load_builtin
from faceaudit.letters.export import render_docx, render_eml, render_pdf, render_text
from faceaudit.letters.render import (
    COMPLETE_LANGUAGES,
    CORE_TYPES,
    EQUIVALENTS,
    Evidence,
    Letter,
    LetterError,
    LetterSpec,
    PriorRequest,
    Sender,
    format_date,
    render_letter,
    supported,
)

LETTER_DATE = dt.date(2026, 1, 30)  # + one month lands on a Saturday: the EU date moves
SENDER = Sender(
    "Marie Dupont", "12 rue des Lilas\n75011 Paris\nFrance", "marie.dupont@example.org", "fr"
)
EVIDENCE = (
    Evidence(
        "https://www.clearview.ai/search?result=4711",
        "https://cdn.clearview.ai/faces/2026/01/" + "a" * 90 + ".jpg",
        "2026-01-10",
        "9f" * 32,
    ),
    Evidence(
        "https://blog.example.org/team", "https://blog.example.org/img/team-photo.jpg", "2026-01-12"
    ),
)
PRIOR = PriorRequest("FA-1", "access", dt.date(2025, 11, 3), dt.date(2025, 12, 3), channel="email")
REASON = "Je suis victime de harcèlement : la recherche de mon visage permet de me localiser."
AUTHORITY = {"eu": "frcnil", "uk": "gbico", "ch": "chedoeb", "ca": "uscppa", "il": None}
ACT = {"eu": "gdpr", "uk": "ukgdpr", "ch": "fadp", "ca": "ccpa", "il": "bipa"}
SECOND = {"uk": "dpa2018", "ch": "dpo", "ca": "ccr"}

# The provisions each letter must cite (in the jurisdiction's main act unless marked).
GDPR_CITES = {
    "access": ["15", "15(3)", "15(1)(c)", "15(1)(g)", "9(1)", "12(3)", "12(5)", "12(6)"],
    "erasure": ["17(1)", "17(1)(d)", "17(2)", "19", "17(3)", "9(1)", "12(3)", "12(5)", "12(6)"],
    "objection": ["21(1)", "18(1)(d)", "21(2)", "21(3)", "12(3)", "12(6)"],
    "reminder": ["12(3)", "77", "15"],
    "complaint": ["77", "12(3)", "12(4)", "15"],
}
EXPECTED_CITES: dict[str, dict[str, list[str]]] = {
    "eu": {**GDPR_CITES, "complaint": [*GDPR_CITES["complaint"], "58(2)(c)", "78(2)"]},
    "uk": {**GDPR_CITES, "complaint": [*GDPR_CITES["complaint"], "second:165", "second:166"]},
    "ch": {
        "access": ["25", "25(2)", "25(6)", "26", "5(c)(4)", "6(7)(a)", "second:18(1)", "second:19"],
        "erasure": ["30(2)(b)", "30(2)(c)", "6(4)", "32(2)(c)", "5(c)(4)"],
        "objection": ["30(2)(b)", "31(1)"],
        "reminder": ["49", "32", "25"],
        "complaint": ["49(1)", "25"],
    },
    "ca": {
        "access": [
            "1798.100",
            "1798.110",
            "1798.110(a)(5)",
            "1798.130(a)(2)(A)",
            "1798.130(a)(2)(B)",
            "second:7021(a)",
        ],
        "erasure": [
            "1798.105",
            "1798.105(c)(1)",
            "1798.105(d)",
            "1798.130(a)(2)(A)",
            "1798.140(v)(2)",
        ],
        "objection": ["1798.120(a)", "1798.121(a)", "second:7026"],
        "reminder": ["1798.130(a)(2)(A)", "1798.199.45"],
        "complaint": ["1798.199.45", "1798.110"],
    },
    "il": {
        "access": ["14/15(a)", "14/15(b)", "14/10", "14/20"],
        "erasure": ["14/15(a)", "14/15(b)", "14/20"],
        "objection": ["14/15(b)", "14/15(a)"],
        "reminder": ["14/20"],
        "complaint": ["14/20", "14/15(a)"],
    },
}
# Native citation forms checked literally, not through the formatter under test.
LITERAL = {
    ("access", "eu", "en"): ["Art. 15(3) GDPR", "Art. 15(1)(g) GDPR", "Art. 12(3) GDPR"],
    ("access", "uk", "en"): ["Art. 15(3) UK GDPR"],
    ("access", "eu", "de"): ["Art. 15 Abs. 3 DSGVO", "Art. 15 Abs. 1 lit. g DSGVO"],
    ("erasure", "eu", "fr"): ["article 17, paragraphe 2, du RGPD", "article 19 du RGPD"],
    ("erasure", "eu", "es"): ["art. 17.2 RGPD", "art. 19 RGPD"],
    ("erasure", "eu", "it"): ["art. 17, par. 2, GDPR", "art. 19 GDPR"],
    ("access", "ch", "fr"): ["art. 25, al. 6, LPD", "art. 18, al. 1, OPDo"],
    ("access", "ch", "de"): ["Art. 25 Abs. 6 DSG", "Art. 18 Abs. 1 DSV"],
    ("erasure", "ca", "en"): ["Cal. Civ. Code § 1798.105(c)(1)"],
    ("access", "il", "en"): ["740 ILCS 14/15(b)"],
    ("complaint", "uk", "en"): ["s. 165 DPA 2018"],
}
ALL = [(t, j, lang) for lang in LANGUAGES for j in JURISDICTIONS for t in LETTER_TYPES]
SUPPORTED = [combo for combo in ALL if supported(combo[0], combo[2])]
UNSUPPORTED = [combo for combo in ALL if not supported(combo[0], combo[2])]


@dataclass
class Rendered:
    letter: Letter
    pdf_text: str
    docx_text: str
    txt: str
    eml: Message


def squash(text: str) -> str:
    """Text without whitespace: PDF extraction breaks long lines and URLs anywhere."""
    return re.sub(r"\s+", "", text)


def spec_for(letter_type: str, jurisdiction: str, language: str) -> LetterSpec:
    directory = Directory(load_builtin())
    authority_slug = AUTHORITY[jurisdiction]
    return LetterSpec(
        letter_type=letter_type,
        jurisdiction=jurisdiction,
        language=language,
        sender=SENDER,
        operator=directory.get("clearview-ai"),
        authority=directory.get(authority_slug, "authority") if authority_slug else None,
        evidence=EVIDENCE,
        reason=REASON if letter_type == "objection" else "",
        prior=PRIOR if letter_type in ("reminder", "complaint") else None,
        letter_date=LETTER_DATE,
        reference="FA-7",
    )


@pytest.fixture(scope="module")
def rendered() -> dict[tuple[str, str, str], Rendered]:
    outputs = {}
    for combo in SUPPORTED:
        letter = render_letter(spec_for(*combo))
        pdf = PdfReader(io.BytesIO(render_pdf(letter)))
        document = docx.Document(io.BytesIO(render_docx(letter)))
        outputs[combo] = Rendered(
            letter=letter,
            pdf_text="\n".join(_without_footer(page.extract_text(), letter) for page in pdf.pages),
            docx_text="\n".join(p.text for p in document.paragraphs),
            txt=render_text(letter),
            eml=email.message_from_bytes(render_eml(letter)),
        )
    return outputs


def _without_footer(text: str, letter: Letter) -> str:
    """A page's text without the running footer, which extraction may put mid-sentence."""
    footer = squash(letter.reference_line or letter.subject)[:60]
    kept = [
        line
        for line in text.splitlines()
        if not squash(line).startswith(footer) and not line.strip().isdigit()  # page number
    ]
    return "\n".join(kept)


def expected_citations(letter_type: str, jurisdiction: str, language: str) -> list[str]:
    cites = []
    for item in EXPECTED_CITES[jurisdiction][letter_type]:
        act = ACT[jurisdiction]
        if item.startswith("second:"):
            act, item = SECOND[jurisdiction], item.removeprefix("second:")
        cites.append(cite(Provision.parse(act, item), language))
    return cites


def test_the_matrix_is_complete() -> None:
    # Every letter type in every language: 5 types x 5 jurisdictions x 5 languages.
    assert len(SUPPORTED) == 5 * 25 and not UNSUPPORTED
    assert set(COMPLETE_LANGUAGES) == set(LANGUAGES)
    assert all(supported(t, lang) for t in (*CORE_TYPES, *LETTER_TYPES) for lang in LANGUAGES)


@pytest.mark.parametrize("combo", SUPPORTED, ids=["-".join(c) for c in SUPPORTED])
def test_every_format_carries_recipient_citations_findings_and_due_date(
    combo: tuple[str, str, str], rendered: dict[tuple[str, str, str], Rendered]
) -> None:
    letter_type, jurisdiction, language = combo
    output = rendered[combo]
    letter = output.letter
    recipient = letter.recipient.name
    if letter_type == "complaint" and jurisdiction != "il":
        assert recipient != "Clearview AI, Inc."  # a complaint goes to the authority
    else:
        assert recipient == "Clearview AI, Inc."
    due = format_date(letter.deadline.due, language)
    needles = [recipient, due, SENDER.name, *expected_citations(*combo), *LITERAL.get(combo, [])]
    needles += [EVIDENCE[0].page_url, EVIDENCE[0].image_url, EVIDENCE[1].image_url]
    if letter_type == "objection":
        needles.append(REASON)
    for name, text in (("pdf", output.pdf_text), ("docx", output.docx_text), ("txt", output.txt)):
        haystack = squash(text)
        missing = [n for n in needles if squash(n) not in haystack]
        assert not missing, f"{name} of {combo} lacks {missing}"


@pytest.mark.parametrize("combo", SUPPORTED, ids=["-".join(c) for c in SUPPORTED])
def test_eml_is_a_draft_with_the_annex_attached(
    combo: tuple[str, str, str], rendered: dict[tuple[str, str, str], Rendered]
) -> None:
    output = rendered[combo]
    message = output.eml
    assert message["X-Unsent"] == "1"
    assert message["From"].endswith("<marie.dupont@example.org>")
    if output.letter.recipient.email:
        assert output.letter.recipient.email in message["To"]
    parts = {part.get_filename(): part for part in message.walk() if part.get_filename()}
    annex = PdfReader(io.BytesIO(parts["annex.pdf"].get_payload(decode=True)))
    annex_text = squash("".join(page.extract_text() for page in annex.pages))
    assert squash(EVIDENCE[0].image_url) in annex_text
    body = next(p for p in message.walk() if p.get_content_type() == "text/plain")
    text = body.get_payload(decode=True).decode(body.get_content_charset())
    assert format_date(output.letter.deadline.due, combo[2]) in text


@pytest.mark.parametrize("combo", SUPPORTED, ids=["-".join(c) for c in SUPPORTED])
def test_legal_equivalents_are_declared(
    combo: tuple[str, str, str], rendered: dict[tuple[str, str, str], Rendered]
) -> None:
    letter_type, jurisdiction, _ = combo
    letter = rendered[combo].letter
    assert letter.equivalent == EQUIVALENTS.get((jurisdiction, letter_type))
    if jurisdiction == "il":
        assert letter.equivalent is not None  # BIPA has no request right: always said so
    if (jurisdiction, letter_type) == ("ca", "erasure"):
        assert "17(2)" in letter.equivalent  # no Art. 17(2) in a CCPA letter ...
        assert "17(2)" not in rendered[combo].txt  # ... and the letter does not pretend


def test_a_language_without_texts_is_refused_clearly() -> None:
    with pytest.raises(LetterError) as caught:
        render_letter(spec_for("access", "eu", "pt"))
    assert "pt" in str(caught.value) and "en" in caught.value.todo


def test_eu_due_date_skips_the_weekend(rendered: dict[tuple[str, str, str], Rendered]) -> None:
    letter = rendered[("access", "eu", "en")].letter
    assert letter.deadline.due == dt.date(2026, 3, 2)
    assert "2 March 2026" in rendered[("access", "eu", "en")].txt
    assert "2. März 2026" in rendered[("access", "eu", "de")].txt
    assert "2 mars 2026" in rendered[("access", "eu", "fr")].txt


def test_pdf_embeds_a_font_with_accents(rendered: dict[tuple[str, str, str], Rendered]) -> None:
    text = rendered[("erasure", "eu", "de")].pdf_text
    assert "Löschung" in text and "Grüßen" in text
    assert "données" in rendered[("erasure", "eu", "fr")].pdf_text
    assert "supresión" in rendered[("erasure", "eu", "es")].pdf_text
    assert "è" in rendered[("erasure", "eu", "it")].pdf_text


def test_reminder_and_complaint_cite_the_history(
    rendered: dict[tuple[str, str, str], Rendered],
) -> None:
    complaint = rendered[("complaint", "eu", "fr")]
    assert "Commission nationale de l'informatique" in complaint.letter.recipient.name
    assert "3 novembre 2025" in complaint.txt  # when the first request was sent
    assert "FA-1" in complaint.txt
    reminder = rendered[("reminder", "uk", "en")].txt
    assert "3 November 2025" in reminder and "3 December 2025" in reminder
