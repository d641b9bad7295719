"""Lay a rendered Letter out as the forms people send: PDF, DOCX, plain text, e-mail draft.

The PDF embeds Bitstream Vera (bundled with reportlab), which covers the accents of French,
German, Spanish and Italian, so the letter looks the same on every machine.
"""

from __future__ import annotations

import contextlib
import io
import mimetypes
import re
from collections.abc import Sequence
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import quote
from xml.sax.saxutils import escape

from faceaudit.errors import coded
from faceaudit.letters.atomic import StagedFiles, interrupted_by, make_folder
from faceaudit.letters.render import Evidence, Letter, PriorRequest, format_date, status_of

FORMATS = ("pdf", "docx", "txt", "eml")
FONT = "FaceAuditSans"
FONT_BOLD = "FaceAuditSans-Bold"


# --- plain text --------------------------------------------------------------------


def render_body_text(letter: Letter) -> str:
    """The letter without its annex: what a mailto: link carries."""
    lines: list[str] = [*letter.sender_lines, ""]
    lines += [*letter.recipient_lines]
    if letter.delivery_line:
        lines.append(letter.delivery_line)
    lines += ["", letter.date_line]
    if letter.reference_line:
        lines.append(letter.reference_line)
    lines += ["", letter.subject, "", letter.salutation, ""]
    for block in letter.blocks:
        if block.kind == "item":
            lines.append(f"- {block.text}")
        else:
            if lines and lines[-1].startswith("- "):
                lines.append("")
            lines += [block.text, ""]
    if lines[-1] != "":
        lines.append("")
    lines += [letter.closing, "", *letter.signed_by]
    return "\n".join(lines) + "\n"


def render_annex_text(letter: Letter) -> str:
    labels = letter.labels
    lines: list[str] = []
    if letter.spec.evidence:
        lines += [labels["annex_title"], "", labels["annex_intro"], ""]
        for number, item in enumerate(letter.spec.evidence, 1):
            lines += _evidence_lines(number, item, letter)
            lines.append("")
    rows = history_rows(letter)
    if rows:
        lines += [labels["history_title"], ""]
        for row in rows:
            lines += [f"{label}{_colon(letter)} {value}" for label, value in row] + [""]
    return "\n".join(lines)


def render_text(letter: Letter) -> str:
    annex = render_annex_text(letter)
    return render_body_text(letter) + ("\n\n" + annex if annex else "")


def _colon(letter: Letter) -> str:
    # French typography puts a (narrow) space before the colon.
    return "\u00a0:" if letter.spec.language == "fr" else ":"


def _evidence_lines(number: int, item: Evidence, letter: Letter) -> list[str]:
    labels, colon = letter.labels, _colon(letter)
    lines = [f"{number}. {labels['annex_page']}{colon} {item.page_url or '—'}"]
    lines.append(f"   {labels['annex_image']}{colon} {item.image_url}")
    for page_url, image_url in item.also_at:
        lines.append(f"   {labels['annex_page']}{colon} {page_url or '—'}")
        lines.append(f"   {labels['annex_image']}{colon} {image_url}")
    if found_date(item, letter):
        lines.append(f"   {labels['annex_found']}{colon} {item.found_at}")
    if item.sha256:
        lines.append(f"   {labels['annex_hash']}{colon} {item.sha256}")
    lines += [f"   {label}{colon} {value}" for label, value in capture_lines(item, letter)]
    return lines


def capture_lines(item: Evidence, letter: Letter) -> list[tuple[str, str]]:
    """The annex's lines about the capture of the item's page (label, value), if any."""
    capture = item.capture
    if capture is None:
        return []
    labels = letter.labels
    taken = labels["annex_capture_value"].format(date=capture.taken_at[:10], file=capture.file_name)
    return [
        (labels["annex_capture"], taken),
        (labels["annex_capture_pdf"], capture.pdf_sha256),
        (labels["annex_capture_png"], capture.png_sha256),
    ]


def found_date(item: Evidence, letter: Letter) -> str:
    """When FaceAudit found the image, if it did and not after the letter's own date: an
    address the person typed was not found, and a date after the letter would contradict it."""
    found = item.found_at.strip()
    return found if found and found[:10] <= letter.spec.letter_date.isoformat() else ""


def history_rows(letter: Letter) -> list[list[tuple[str, str]]]:
    """The requests a reminder or complaint follows up, as (label, value) rows."""
    spec = letter.spec
    if spec.letter_type not in ("reminder", "complaint"):
        return []
    requests: Sequence[PriorRequest] = spec.history or ((spec.prior,) if spec.prior else ())
    labels, language = letter.labels, spec.language
    rows = []
    for request in requests:
        status = status_of(request, spec.letter_date)
        row = [
            (
                labels["history_sent"],
                f"{format_date(request.sent_at, language)} "
                f"({labels['kind.' + request.letter_type]}, {request.reference})",
            ),
            (labels["history_channel"], labels.get(f"channel.{request.channel}", "—")),
            (
                labels["history_due"],
                format_date(request.extended_due_at or request.due_at, language),
            ),
            (labels["history_status"], labels.get(f"status.{status}", status)),
            (
                labels["history_answered"],
                format_date(request.answered_at, language)
                if request.answered_at
                else labels["history_none"],
            ),
        ]
        if request.received_at is not None and request.received_at != request.sent_at:
            # The day it reached the operator, from the delivery record: the period ran from it.
            row.insert(2, (labels["history_received"], format_date(request.received_at, language)))
        rows.append(row)
    return rows


# --- PDF ---------------------------------------------------------------------------


@cache
def register_fonts() -> None:
    """The embedded font (Vera, with ReportLab) for every PDF FaceAudit writes."""
    from reportlab import rl_config
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    del rl_config  # imported so reportlab's font search path is initialised
    pdfmetrics.registerFont(TTFont(FONT, "Vera.ttf"))
    pdfmetrics.registerFont(TTFont(FONT_BOLD, "VeraBd.ttf"))
    pdfmetrics.registerFontFamily(
        FONT, normal=FONT, bold=FONT_BOLD, italic=FONT, boldItalic=FONT_BOLD
    )


@cache
def _pdf_characters() -> frozenset[int]:
    """The code points the embedded font can draw (regular and bold have the same set)."""
    from reportlab.pdfbase.pdfmetrics import getFont

    register_fonts()
    return frozenset(getFont(FONT).face.charToGlyph)


def pdf_missing_characters(text: str) -> str:
    """The distinct characters of ``text`` the PDF would show as empty boxes, in order."""
    drawable = _pdf_characters()
    return "".join(dict.fromkeys(c for c in text if not c.isspace() and ord(c) not in drawable))


def format_warnings(letter: Letter, formats: Sequence[str]) -> tuple[str, ...]:
    """What the person must know about how ``letter`` comes out in ``formats``, before it is
    sent: the CLI prints these, the window shows them.

    The PDF embeds one font (Bitstream Vera: Latin, without most of Latin Extended) and
    ReportLab lays text out left to right only, so Arabic, Hebrew, Japanese, emoji and many
    Central European letters cannot be drawn in it. The other forms carry the text itself
    and are shown with the reader's own fonts.
    """
    if "pdf" not in formats and "eml" not in formats:
        return ()
    spec = letter.spec
    fields = (
        ("your name", spec.sender.name),
        ("your address", spec.sender.address),
        ("your e-mail", spec.sender.email),
        ("the operator's details", "\n".join(letter.recipient_lines)),
        ("your reasons", spec.reason),
    )
    where = [label for label, value in fields if pdf_missing_characters(value)]
    if "pdf" not in formats:
        where = []  # the annex names none of them
    whole = "pdf" in formats
    missing = pdf_missing_characters(render_text(letter) if whole else render_annex_text(letter))
    if not missing:
        return ()
    shown = ", ".join(f"'{c}' (U+{ord(c):04X})" for c in missing[:12])
    more = f" and {len(missing) - 12} more" if len(missing) > 12 else ""
    in_what = f" in {', '.join(where)}" if where else ""
    pdf = "the PDF" if whole else "the annex PDF attached to the e-mail"
    return (
        f"{pdf[0].upper()}{pdf[1:]} cannot show {len(missing)} character"
        f"{'s' if len(missing) != 1 else ''}{in_what}: {shown}{more}. They would appear "
        "as empty boxes or in the wrong order. The DOCX, text and e-mail forms show them "
        "(--format docx,txt,eml); check the PDF before sending it, or send one of those.",
    )


def _styles() -> dict[str, object]:
    from reportlab.lib.styles import ParagraphStyle

    base = ParagraphStyle("body", fontName=FONT, fontSize=10, leading=14, spaceAfter=6)
    return {
        "body": base,
        "small": ParagraphStyle("small", parent=base, fontSize=9, leading=12, spaceAfter=2),
        "url": ParagraphStyle(
            "url", parent=base, fontSize=8.5, leading=11, spaceAfter=1, wordWrap="CJK"
        ),
        "item": ParagraphStyle("item", parent=base, leftIndent=14, bulletIndent=4, spaceAfter=3),
        "subject": ParagraphStyle(
            "subject", parent=base, fontName=FONT_BOLD, spaceBefore=6, spaceAfter=10
        ),
        "heading": ParagraphStyle(
            "heading", parent=base, fontName=FONT_BOLD, fontSize=11, spaceAfter=8
        ),
        "right": ParagraphStyle("right", parent=base, alignment=2),
    }


def _lines(lines: Sequence[str]) -> str:
    return "<br/>".join(escape(line) for line in lines)


def _annex_flowables(letter: Letter, styles: dict[str, object]) -> list[object]:
    from reportlab.lib.units import mm
    from reportlab.platypus import Image, KeepTogether, Paragraph, Spacer

    labels, colon = letter.labels, _colon(letter)
    story: list[object] = []
    if letter.spec.evidence:
        story += [Paragraph(escape(labels["annex_title"]), styles["heading"])]
        story += [Paragraph(escape(labels["annex_intro"]), styles["small"])]
        if letter.spec.include_thumbnails:
            story += [Paragraph(escape(labels["annex_thumbnail_note"]), styles["small"])]
        story.append(Spacer(1, 4 * mm))
        for number, item in enumerate(letter.spec.evidence, 1):
            entry: list[object] = []
            for index, (page_url, image_url) in enumerate(
                ((item.page_url, item.image_url), *item.also_at)
            ):
                prefix = f"{number}. " if index == 0 else ""
                entry += [
                    Paragraph(
                        f"<b>{prefix}{escape(labels['annex_page'])}{colon}</b> "
                        f"{escape(page_url or '—')}",
                        styles["url"],
                    ),
                    Paragraph(
                        f"<b>{escape(labels['annex_image'])}{colon}</b> {escape(image_url)}",
                        styles["url"],
                    ),
                ]
            if found_date(item, letter):
                entry.append(
                    Paragraph(
                        f"<b>{escape(labels['annex_found'])}{colon}</b> {escape(item.found_at)}",
                        styles["url"],
                    )
                )
            if item.sha256:
                entry.append(
                    Paragraph(
                        f"<b>{escape(labels['annex_hash'])}{colon}</b> {item.sha256}", styles["url"]
                    )
                )
            for label, value in capture_lines(item, letter):
                entry.append(
                    Paragraph(f"<b>{escape(label)}{colon}</b> {escape(value)}", styles["url"])
                )
            if letter.spec.include_thumbnails and item.thumbnail_jpeg:
                entry.append(
                    Image(
                        io.BytesIO(item.thumbnail_jpeg),
                        width=30 * mm,
                        height=30 * mm,
                        kind="proportional",
                    )
                )
            entry.append(Spacer(1, 3 * mm))
            story.append(KeepTogether(entry))
    rows = history_rows(letter)
    if rows:
        story += [Spacer(1, 4 * mm), Paragraph(escape(labels["history_title"]), styles["heading"])]
        for row in rows:
            story.append(
                KeepTogether(
                    [
                        Paragraph(f"<b>{escape(k)}{colon}</b> {escape(v)}", styles["small"])
                        for k, v in row
                    ]
                    + [Spacer(1, 3 * mm)]
                )
            )
    return story


def render_pdf(letter: Letter, annex_only: bool = False) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer

    register_fonts()
    styles = _styles()
    buffer = io.BytesIO()
    footer = letter.reference_line or letter.subject

    def on_page(canvas: Any, document: Any) -> None:
        canvas.saveState()
        canvas.setFont(FONT, 8)
        canvas.drawString(20 * mm, 12 * mm, footer[:110])
        canvas.drawRightString(A4[0] - 20 * mm, 12 * mm, str(document.page))
        canvas.restoreState()

    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=22 * mm,
        rightMargin=20 * mm,
        topMargin=18 * mm,
        bottomMargin=22 * mm,
        title=letter.subject,
        author=letter.signed_by[0],
        subject=letter.subject,
        creator="FaceAudit",
    )
    story: list[object] = []
    if not annex_only:
        story += [
            Paragraph(_lines(letter.sender_lines), styles["small"]),
            Spacer(1, 12 * mm),
            Paragraph(_lines(letter.recipient_lines), styles["body"]),
        ]
        if letter.delivery_line:
            story.append(Paragraph(escape(letter.delivery_line), styles["small"]))
        story += [Spacer(1, 8 * mm), Paragraph(escape(letter.date_line), styles["right"])]
        if letter.reference_line:
            story.append(Paragraph(escape(letter.reference_line), styles["small"]))
        story += [
            Paragraph(escape(letter.subject), styles["subject"]),
            Paragraph(escape(letter.salutation), styles["body"]),
        ]
        for block in letter.blocks:
            if block.kind == "item":
                story.append(Paragraph(escape(block.text), styles["item"], bulletText="•"))
            else:
                story.append(Paragraph(escape(block.text), styles["body"]))
        story += [
            Spacer(1, 4 * mm),
            Paragraph(escape(letter.closing), styles["body"]),
            Spacer(1, 16 * mm),  # room for the handwritten signature
            Paragraph(_lines(letter.signed_by), styles["body"]),
        ]
        annex = _annex_flowables(letter, styles)
        if annex:
            story += [PageBreak(), *annex]
    else:
        story += _annex_flowables(letter, styles)
    document.build(story, onFirstPage=on_page, onLaterPages=on_page)
    return buffer.getvalue()


# --- DOCX --------------------------------------------------------------------------


# Characters XML 1.0 cannot hold: python-docx refuses them. Text from outside (a page's URLs,
# an imported directory) can still carry them after the person's own text was cleaned.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
DOCX_PROPERTY_LIMIT = 255  # characters in a core property (title, author) of Word files


def _xml_safe(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def render_docx(letter: Letter) -> bytes:
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm, Pt

    document = Document()
    document.core_properties.title = _xml_safe(letter.subject)[:DOCX_PROPERTY_LIMIT]
    document.core_properties.author = _xml_safe(letter.signed_by[0])[:DOCX_PROPERTY_LIMIT]
    style = document.styles["Normal"]
    style.font.size = Pt(10.5)

    def paragraph(text: str = "", style: str | None = None) -> Any:
        return document.add_paragraph(_xml_safe(text), style=style)

    def lines(block: Sequence[str]) -> None:
        para = document.add_paragraph()
        for index, line in enumerate(block):
            run = para.add_run(_xml_safe(line))
            if index < len(block) - 1:
                run.add_break()

    lines(letter.sender_lines)
    lines([*letter.recipient_lines, *([letter.delivery_line] if letter.delivery_line else [])])
    paragraph(letter.date_line).alignment = WD_ALIGN_PARAGRAPH.RIGHT
    if letter.reference_line:
        paragraph(letter.reference_line)
    document.add_paragraph().add_run(_xml_safe(letter.subject)).bold = True
    paragraph(letter.salutation)
    for block in letter.blocks:
        paragraph(block.text, style="List Bullet" if block.kind == "item" else None)
    paragraph(letter.closing)
    paragraph("\n\n" + "\n".join(letter.signed_by))
    labels = letter.labels
    if letter.spec.evidence:
        document.add_page_break()
        document.add_heading(_xml_safe(labels["annex_title"]), level=2)
        paragraph(labels["annex_intro"])
        if letter.spec.include_thumbnails:
            paragraph(labels["annex_thumbnail_note"])
        for number, item in enumerate(letter.spec.evidence, 1):
            lines(_evidence_lines(number, item, letter))
            if letter.spec.include_thumbnails and item.thumbnail_jpeg:
                document.add_picture(io.BytesIO(item.thumbnail_jpeg), width=Mm(30))
    rows = history_rows(letter)
    if rows:
        document.add_heading(_xml_safe(labels["history_title"]), level=2)
        for row in rows:
            lines([f"{k}{_colon(letter)} {v}" for k, v in row])
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


# --- e-mail ------------------------------------------------------------------------


def mailto_link(letter: Letter) -> str:
    """A mailto: link with the letter's text (no annex: links cannot carry attachments)."""
    body = render_body_text(letter)
    address = quote(letter.to_email, safe="@")
    return f"mailto:{address}?subject={quote(letter.subject)}&body={quote(body)}"


def render_eml(letter: Letter) -> bytes:
    """An unsent e-mail draft with the annex attached as PDF (and thumbnails if chosen)."""
    import datetime as dt

    message = EmailMessage()
    from_name, from_email = letter.from_mailbox  # the clinic's, when it writes for the person
    # Address objects, never strings formatted by hand: a name like 'Jöhn <x@y>' must stay
    # a name, not become the address the reply goes to.
    message["From"] = mailbox(from_name, from_email)
    if letter.to_email:
        message["To"] = mailbox(letter.recipient.name, letter.to_email)
    message["Subject"] = letter.subject
    message["Date"] = format_datetime(dt.datetime.now(dt.UTC))
    message["Message-ID"] = make_msgid(domain=from_email.rsplit("@", 1)[-1] or "faceaudit.invalid")
    message["X-Unsent"] = "1"  # mail clients open it as a draft to review and send
    message.set_content(render_text(letter))
    has_annex = bool(letter.spec.evidence or history_rows(letter))
    if has_annex:
        message.add_attachment(
            render_pdf(letter, annex_only=True),
            maintype="application",
            subtype="pdf",
            filename="annex.pdf",
        )
    if letter.spec.include_thumbnails:
        for number, item in enumerate(letter.spec.evidence, 1):
            if item.thumbnail_jpeg:
                message.add_attachment(
                    item.thumbnail_jpeg,
                    maintype="image",
                    subtype="jpeg",
                    filename=f"face-{number}.jpg",
                )
    # The page captures the annex names (the in-app browser's PDF of each page, once each).
    for name, pdf in cited_captures(letter).items():
        message.add_attachment(pdf, maintype="application", subtype="pdf", filename=name)
    representative = letter.spec.representative
    if representative is not None and representative.document is not None:
        kind = mimetypes.guess_type(representative.document_name)[0] or "application/pdf"
        if kind.startswith("message/"):  # base64 is not allowed for message/*
            kind = "application/octet-stream"
        maintype, subtype = kind.split("/", 1)
        message.add_attachment(
            representative.document,
            maintype=maintype,
            subtype=subtype,
            filename=representative.document_name or "mandate.pdf",
        )
    # A follow-up carries what it lists: the earlier letters, the replies, files added.
    for enclosure in letter.spec.enclosures:
        kind = mimetypes.guess_type(enclosure.file_name)[0] or "application/octet-stream"
        if kind.startswith("message/"):  # an .eml: base64 is not allowed for message/*
            kind = "application/octet-stream"
        maintype, subtype = kind.split("/", 1)
        message.add_attachment(
            enclosure.data, maintype=maintype, subtype=subtype, filename=enclosure.file_name
        )
    return bytes(message)


# --- files -------------------------------------------------------------------------


def default_stem(letter: Letter) -> str:
    """E.g. ``2026-03-01-FA-3-erasure-example-eu-en``: the letter's reference keeps two
    letters to the same operator on the same day apart."""
    spec = letter.spec
    slug = spec.operator.slug or "operator"
    regime = f"{spec.jurisdiction}-{spec.language}"
    reference = f"-{slugify_reference(spec.reference)}" if spec.reference else ""
    return f"{spec.letter_date.isoformat()}{reference}-{spec.letter_type}-{slug}-{regime}"


def slugify_reference(reference: str) -> str:
    return "".join(c if c.isalnum() or c == "-" else "-" for c in reference).strip("-")


def mailbox(name: str, address: str) -> Address:
    """One e-mail header address; a non-ASCII domain is written in its ASCII (IDNA) form."""
    local, _, domain = address.strip().rpartition("@")
    with contextlib.suppress(UnicodeError):  # else left as typed
        domain = domain.encode("idna").decode("ascii")
    return Address(display_name=" ".join(name.split()), username=local, domain=domain)


def _planned(letter: Letter, formats: Sequence[str], target: Path) -> tuple[Path, str]:
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        from faceaudit.letters.render import LetterError

        raise LetterError(
            f"Unknown format(s): {', '.join(unknown)}.", "Choose from: " + ", ".join(FORMATS) + "."
        )
    if target.suffix.lower().lstrip(".") in FORMATS and not target.is_dir():
        # "-o sam.docx": a file name, even with several formats (sam.docx, sam.pdf), never a
        # folder named like a file.
        return target.parent, target.stem
    return target, default_stem(letter)


def stage_letter(
    letter: Letter,
    formats: Sequence[str],
    target: Path,
    *,
    overwrite: bool = False,
    owner: str = "",
    private: bool = False,
) -> StagedFiles:
    """Render ``letter`` in each format to temporary files beside their final names.

    ``target`` is a folder, or a file name ending in a format's suffix (``sam.docx``): each
    format is then written beside it under the same name with its own suffix. ``private``
    (FaceAudit's own exports folder) makes the folder 0700 even if it exists; files are 0600.
    An existing file is never replaced unless ``overwrite``, or unless it was left by an
    interrupted run of the same ``owner`` (see :mod:`faceaudit.letters.atomic`).
    Call :meth:`StagedFiles.publish`, then :meth:`StagedFiles.finish` once the letter is
    recorded. Every failure is a LetterError with nothing written.
    """
    folder, stem = _planned(letter, formats, target)
    names = [f"{stem}.{fmt}" for fmt in formats]
    names += [f"{stem}.mailto.txt" for fmt in formats if fmt == "eml"]
    # The page captures the annex says are attached: the e-mail draft carries them, a
    # printed or uploaded letter needs them as files beside it (one already there from an
    # earlier letter of the same folder is the same capture when its bytes are).
    captures = {
        name: pdf
        for name, pdf in cited_captures(letter).items()
        if any(fmt != "eml" for fmt in formats)
        and not ((folder / name).is_file() and (folder / name).read_bytes() == pdf)
    }
    names += list(captures)
    existing = [folder / name for name in names if (folder / name).exists()]
    special = [path for path in existing if not path.is_file()]
    if special:
        from faceaudit.letters.render import LetterError

        # Renaming over it would replace a device, a pipe or a folder by the letter.
        raise coded(
            LetterError(
                f"The letter could not be written to {special[0]}: it is not a regular file (a "
                "device, a pipe or a folder); nothing was written.",
                "Choose a folder, or a file name ending in .pdf, .docx, .txt or .eml (-o).",
            ),
            "letter-path-kind",
            where=special[0],
        )
    if existing and not overwrite and not interrupted_by(folder, stem, owner):
        from faceaudit.letters.render import LetterError

        raise coded(
            LetterError(
                f"{existing[0]} already exists (an earlier letter); nothing was written.",
                "Add --force to replace it, or write elsewhere with -o FOLDER.",
            ),
            "letter-exists",
            where=existing[0],
        )
    make_folder(folder, private=private)
    staged = StagedFiles(folder, stem, owner)
    staged.remove_leftovers()
    for fmt in formats:
        if fmt == "pdf":
            data = render_pdf(letter)
        elif fmt == "docx":
            data = render_docx(letter)
        elif fmt == "txt":
            data = render_text(letter).encode("utf-8")
        else:
            data = render_eml(letter)
            staged.add(f"{stem}.mailto.txt", (mailto_link(letter) + "\n").encode("utf-8"))
        staged.add(f"{stem}.{fmt}", data)
    for name, pdf in captures.items():
        staged.add(name, pdf)
    return staged


def cited_captures(letter: Letter) -> dict[str, bytes]:
    """The PDF of each page capture the annex names, by the file name it gives (once each)."""
    return {
        item.capture.file_name: item.capture.pdf
        for item in letter.spec.evidence
        if item.capture is not None and item.capture.pdf
    }


def write_letter(
    letter: Letter,
    formats: Sequence[str],
    target: Path,
    *,
    overwrite: bool = False,
    private: bool = False,
) -> list[Path]:
    """Write ``letter`` in each format at once (nothing to record): see :func:`stage_letter`."""
    staged = stage_letter(letter, formats, target, overwrite=overwrite, private=private)
    written = staged.publish()
    staged.finish()
    return written
