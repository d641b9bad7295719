"""Lay a rendered Letter out as the forms people send: PDF, DOCX, plain text, e-mail draft.

The PDF embeds Bitstream Vera (bundled with reportlab), which covers the accents of French,
German, Spanish and Italian, so the letter looks the same on every machine.
"""

from __future__ import annotations

import io
import mimetypes
from collections.abc import Sequence
from email.message import EmailMessage
from email.utils import format_datetime, formataddr, make_msgid
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import quote
from xml.sax.saxutils import escape

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
    lines += [letter.closing, "", letter.spec.sender.name]
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
    return lines


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
        rows.append(row)
    return rows


# --- PDF ---------------------------------------------------------------------------


@cache
def _register_fonts() -> None:
    from reportlab import rl_config
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    del rl_config  # imported so reportlab's font search path is initialised
    pdfmetrics.registerFont(TTFont(FONT, "Vera.ttf"))
    pdfmetrics.registerFont(TTFont(FONT_BOLD, "VeraBd.ttf"))
    pdfmetrics.registerFontFamily(
        FONT, normal=FONT, bold=FONT_BOLD, italic=FONT, boldItalic=FONT_BOLD
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

    _register_fonts()
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
        author=letter.spec.sender.name,
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
            Paragraph(escape(letter.spec.sender.name), styles["body"]),
        ]
        annex = _annex_flowables(letter, styles)
        if annex:
            story += [PageBreak(), *annex]
    else:
        story += _annex_flowables(letter, styles)
    document.build(story, onFirstPage=on_page, onLaterPages=on_page)
    return buffer.getvalue()


# --- DOCX --------------------------------------------------------------------------


def render_docx(letter: Letter) -> bytes:
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm, Pt

    document = Document()
    document.core_properties.title = letter.subject
    document.core_properties.author = letter.spec.sender.name
    style = document.styles["Normal"]
    style.font.size = Pt(10.5)

    def lines(block: Sequence[str]) -> None:
        paragraph = document.add_paragraph()
        for index, line in enumerate(block):
            run = paragraph.add_run(line)
            if index < len(block) - 1:
                run.add_break()

    lines(letter.sender_lines)
    lines([*letter.recipient_lines, *([letter.delivery_line] if letter.delivery_line else [])])
    document.add_paragraph(letter.date_line).alignment = WD_ALIGN_PARAGRAPH.RIGHT
    if letter.reference_line:
        document.add_paragraph(letter.reference_line)
    document.add_paragraph().add_run(letter.subject).bold = True
    document.add_paragraph(letter.salutation)
    for block in letter.blocks:
        document.add_paragraph(block.text, style="List Bullet" if block.kind == "item" else None)
    document.add_paragraph(letter.closing)
    document.add_paragraph("\n\n" + letter.spec.sender.name)
    labels = letter.labels
    if letter.spec.evidence:
        document.add_page_break()
        document.add_heading(labels["annex_title"], level=2)
        document.add_paragraph(labels["annex_intro"])
        if letter.spec.include_thumbnails:
            document.add_paragraph(labels["annex_thumbnail_note"])
        for number, item in enumerate(letter.spec.evidence, 1):
            lines(_evidence_lines(number, item, letter))
            if letter.spec.include_thumbnails and item.thumbnail_jpeg:
                document.add_picture(io.BytesIO(item.thumbnail_jpeg), width=Mm(30))
    rows = history_rows(letter)
    if rows:
        document.add_heading(labels["history_title"], level=2)
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
    sender = letter.spec.sender
    message["From"] = formataddr((sender.name, sender.email))
    if letter.to_email:
        message["To"] = formataddr((letter.recipient.name, letter.to_email))
    message["Subject"] = letter.subject
    message["Date"] = format_datetime(dt.datetime.now(dt.UTC))
    message["Message-ID"] = make_msgid(
        domain=sender.email.rsplit("@", 1)[-1] or "faceaudit.invalid"
    )
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


def write_letter(
    letter: Letter, formats: Sequence[str], target: Path, *, overwrite: bool = False
) -> list[Path]:
    """Write ``letter`` in each format.

    ``target`` is a folder, or a file name ending in a format's suffix (``sam.docx``): each
    format is then written beside it under the same name with its own suffix.
    An existing file is never replaced unless ``overwrite``: nothing is written then.
    """
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        from faceaudit.letters.render import LetterError

        raise LetterError(
            f"Unknown format(s): {', '.join(unknown)}.", "Choose from: " + ", ".join(FORMATS) + "."
        )
    if target.suffix.lower().lstrip(".") in FORMATS and not target.is_dir():
        # "-o sam.docx": a file name, even with several formats (sam.docx, sam.pdf), never a
        # folder named like a file.
        folder, stem = target.parent, target.stem
    else:
        folder, stem = target, default_stem(letter)
    planned = [folder / f"{stem}.{fmt}" for fmt in formats]
    planned += [folder / f"{stem}.mailto.txt" for fmt in formats if fmt == "eml"]
    existing = [path for path in planned if path.exists()]
    if existing and not overwrite:
        from faceaudit.letters.render import LetterError

        raise LetterError(
            f"{existing[0]} already exists (an earlier letter); nothing was written.",
            "Add --force to replace it, or write elsewhere with -o FOLDER.",
        )
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    written = []
    for fmt in formats:
        path = folder / f"{stem}.{fmt}"
        if fmt == "pdf":
            data = render_pdf(letter)
        elif fmt == "docx":
            data = render_docx(letter)
        elif fmt == "txt":
            data = render_text(letter).encode("utf-8")
        else:
            data = render_eml(letter)
            mailto = folder / f"{stem}.mailto.txt"
            mailto.write_text(mailto_link(letter) + "\n", encoding="utf-8")
            written.append(mailto)
        path.write_bytes(data)
        written.append(path)
    return written
