"""The mandate a client signs so that a clinic can act for them, in the five letter languages.

An Art. 80(1) GDPR mandate (complaints to a supervisory authority, judicial remedies and,
where the law provides, compensation; plus the authority to make and follow up requests to
the controllers) when the clinic is a not-for-profit body of that kind and the client lives
where the GDPR or the UK GDPR applies; otherwise an authorisation letter (the same powers as
plain representation, under whichever law governs each request; the CCPA's "authorised
agent"). Laid out as PDF, DOCX or plain text, with room for both signatures.
"""

from __future__ import annotations

import io
import os
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from faceaudit.letters.directory import EU_EEA
from faceaudit.letters.jurisdiction import normalise_country
from faceaudit.letters.representation import fill, table
from faceaudit.letters.texts import LetterError, polish_text

MANDATE_FORMATS = ("pdf", "docx", "txt")
SIGNATURE_LINE = "_" * 40  # signed above its label, by hand


@dataclass(frozen=True)
class Party:
    name: str
    address: str
    email: str


@dataclass(frozen=True)
class MandateSpec:
    kind: str  # "art80" | "authorisation"
    language: str
    law: str  # "eu" | "uk": whose Art. 80(1) an Art. 80 mandate cites
    client: Party
    clinic: Party


@dataclass(frozen=True)
class MandateDocument:
    spec: MandateSpec
    title: str
    parties: tuple[tuple[str, tuple[str, ...]], ...]  # (heading, lines) for each party
    paragraphs: tuple[str, ...]
    signatures: tuple[str, ...]  # the labels of the lines to sign on


def mandate_law(country: str) -> str:
    """The law an Art. 80(1) mandate rests on for a client living in ``country``."""
    return "uk" if normalise_country(country) == "gb" else "eu"


def mandate_kind(art80_body: bool, country: str) -> str:
    """``art80`` for a not-for-profit body acting for someone the GDPR or the UK GDPR covers
    (or whose country is not known); ``authorisation`` otherwise: Swiss and US law have no
    Art. 80, and the representation of the authorisation letter works under each."""
    code = normalise_country(country)
    gdpr = not code or code in EU_EEA or code == "gb"
    return "art80" if art80_body and gdpr else "authorisation"


def render_mandate(spec: MandateSpec) -> MandateDocument:
    """Fill the texts; raises a LetterError naming what is missing."""
    missing = [
        label
        for label, value in (
            ("the client's full name (case edit --name)", spec.client.name),
            ("the client's postal address (case edit --address)", spec.client.address),
            ("the clinic's name", spec.clinic.name),
            ("the clinic's postal address", spec.clinic.address),
            ("the clinic's e-mail address", spec.clinic.email),
        )
        if not value.strip()
    ]
    if missing:
        raise LetterError(
            "The mandate cannot be drafted without: " + "; ".join(missing) + ".",
            "Add the client's details to the case, and the clinic's with "
            "'faceaudit clinic profile'.",
        )
    texts = table(spec.language, "document")
    values = {
        "clinic_name": spec.clinic.name,
        "constituted_under": texts[f"constituted_under.{spec.law}"],
    }

    def filled(key: str) -> str:
        return fill(texts[key], values, jurisdiction=spec.law, language=spec.language)

    def party(who: Party) -> tuple[str, ...]:
        lines = [who.name, *(line for line in who.address.splitlines() if line.strip())]
        if who.email:
            lines.append(polish_text(f"{texts['email']}: {who.email}", spec.language, spec.law))
        return tuple(lines)

    kind = spec.kind
    grant = [p.strip() for p in filled(f"grant.{kind}").split("\n\n") if p.strip()]
    grant[0] = f"{filled('undersigned')} {grant[0]}"
    return MandateDocument(
        spec=spec,
        title=filled(f"title.{kind}"),
        parties=(
            (filled("data_subject"), party(spec.client)),
            (filled("representative"), party(spec.clinic)),
        ),
        paragraphs=(*grant, filled(f"scope.{kind}"), filled(f"terms.{kind}")),
        signatures=(filled("place_date"), filled("client_signature"), filled("clinic_signature")),
    )


def mandate_text(document: MandateDocument) -> str:
    lines = [document.title, ""]
    for heading, party in document.parties:
        lines += [heading, *party, ""]
    for paragraph in document.paragraphs:
        lines += [paragraph, ""]
    for label in document.signatures:
        lines += ["", "", SIGNATURE_LINE, label]
    return "\n".join(lines).rstrip("\n") + "\n"


def mandate_pdf(document: MandateDocument) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer

    from faceaudit.letters.export import _styles, register_fonts

    register_fonts()
    styles = _styles()
    buffer = io.BytesIO()
    pdf = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=22 * mm,
        rightMargin=20 * mm,
        topMargin=18 * mm,
        bottomMargin=22 * mm,
        title=document.title,
        author=document.spec.client.name,
        creator="FaceAudit",
    )
    story: list[object] = [Paragraph(escape(document.title), styles["heading"])]
    for heading, party in document.parties:
        story += [
            Paragraph(f"<b>{escape(heading)}</b>", styles["small"]),
            Paragraph("<br/>".join(escape(line) for line in party), styles["body"]),
        ]
    story.append(Spacer(1, 3 * mm))
    *body, last = document.paragraphs
    story += [Paragraph(escape(paragraph), styles["body"]) for paragraph in body]
    # The signatures never go to a page of their own: the last paragraph goes with them.
    signing: list[object] = [Paragraph(escape(last), styles["body"])]
    for label in document.signatures:
        signing += [
            Spacer(1, 10 * mm),
            Paragraph(SIGNATURE_LINE, styles["small"]),
            Paragraph(escape(label), styles["small"]),
        ]
    story.append(KeepTogether(signing))
    pdf.build(story)
    return buffer.getvalue()


def mandate_docx(document: MandateDocument) -> bytes:
    from docx import Document

    from faceaudit.letters.export import _xml_safe

    word = Document()
    word.core_properties.title = _xml_safe(document.title)[:255]
    word.core_properties.author = _xml_safe(document.spec.client.name)[:255]
    word.add_heading(_xml_safe(document.title), level=1)
    for heading, party in document.parties:
        paragraph = word.add_paragraph()
        paragraph.add_run(_xml_safe(heading)).bold = True
        for line in party:
            paragraph.add_run().add_break()
            paragraph.add_run(_xml_safe(line))
    for text in document.paragraphs:
        word.add_paragraph(_xml_safe(text))
    for label in document.signatures:
        word.add_paragraph("\n\n" + SIGNATURE_LINE + "\n" + _xml_safe(label))
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()


def render_bytes(document: MandateDocument, fmt: str) -> bytes:
    if fmt == "pdf":
        return mandate_pdf(document)
    if fmt == "docx":
        return mandate_docx(document)
    if fmt == "txt":
        return mandate_text(document).encode("utf-8")
    raise LetterError(
        f"Unknown format {fmt!r} for a mandate.", "Choose one of: " + ", ".join(MANDATE_FORMATS)
    )


def format_for(path: Path, given: str | None) -> str:
    """The format asked for, else the one ``path`` ends with, else PDF."""
    if given:
        return given
    suffix = path.suffix.lower().lstrip(".")
    return suffix if suffix in MANDATE_FORMATS else "pdf"


def write_mandate(
    document: MandateDocument, fmt: str, path: Path, *, overwrite: bool = False
) -> Path:
    """Write the document to ``path`` (0600, through a temporary file renamed into place:
    never half a file); an existing file is kept unless ``overwrite``."""
    data = render_bytes(document, fmt)
    if path.is_dir():
        raise LetterError(
            f"{path} is a folder.", "Give a file name, e.g. -o mandate.pdf (-o FILE)."
        )
    if path.exists() and not (overwrite and path.is_file()):
        raise LetterError(
            f"{path} already exists; nothing was written.",
            "Add --force to replace it, or choose another name (-o FILE).",
        )
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        temporary.replace(path)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise LetterError(
            f"The mandate could not be written to {path} ({error.strerror or error}); "
            "nothing was written.",
            "Choose a folder you can write to, with free space (-o FILE).",
        ) from error
    return path
