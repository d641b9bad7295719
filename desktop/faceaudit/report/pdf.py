"""The report as a PDF (ReportLab), from the same blocks as the HTML.

The font is Bitstream Vera, bundled with ReportLab and embedded (as in the letters): it
draws the accents of French and the other letter languages, the euro sign and the
typographic quotes. Text placed in a paragraph is escaped for ReportLab's markup, and
control characters are shown as escapes; nothing in the PDF is a link, so a hostile
address is only ever text.
"""

from __future__ import annotations

import io
from typing import Any
from xml.sax.saxutils import escape

from faceaudit.letters.export import FONT, FONT_BOLD, register_fonts
from faceaudit.report.compose import Block, Document, Field
from faceaudit.report.html import JPEG_START, visible

THUMBNAIL_MM = 26


def _x(text: str) -> str:
    return escape(visible(text))


def _styles() -> dict[str, Any]:
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle

    base = ParagraphStyle("body", fontName=FONT, fontSize=9.5, leading=13, spaceAfter=4)
    return {
        "body": base,
        "title": ParagraphStyle("title", parent=base, fontName=FONT_BOLD, fontSize=18, leading=22),
        "subtitle": ParagraphStyle(
            "subtitle", parent=base, textColor=colors.HexColor("#55555a"), spaceAfter=8
        ),
        "heading": ParagraphStyle(
            "heading",
            parent=base,
            fontName=FONT_BOLD,
            fontSize=12.5,
            leading=16,
            spaceBefore=10,
            spaceAfter=5,
            keepWithNext=1,  # never a heading alone at the foot of a page
        ),
        "subheading": ParagraphStyle(
            "subheading",
            parent=base,
            fontName=FONT_BOLD,
            fontSize=10.5,
            spaceBefore=6,
            keepWithNext=1,
        ),
        "notice": ParagraphStyle(
            "notice",
            parent=base,
            backColor=colors.HexColor("#fff4e8"),
            borderColor=colors.HexColor("#b25000"),
            borderWidth=0.6,
            borderPadding=5,
            spaceBefore=4,
            spaceAfter=10,
        ),
        "field": ParagraphStyle("field", parent=base, fontSize=8.8, leading=11.5, spaceAfter=1),
        "url": ParagraphStyle(
            "url", parent=base, fontSize=8.3, leading=11, spaceAfter=1, wordWrap="CJK"
        ),
        "bullet": ParagraphStyle("bullet", parent=base, leftIndent=12, bulletIndent=2),
        "cell": ParagraphStyle("cell", parent=base, fontSize=8.5, leading=11, spaceAfter=0),
        "head": ParagraphStyle(
            "head", parent=base, fontName=FONT_BOLD, fontSize=8.5, leading=11, spaceAfter=0
        ),
    }


def _field(item: Field, colon: str, styles: dict[str, Any]) -> Any:
    from reportlab.platypus import Paragraph

    label = f"<b>{_x(item.label)}{colon}</b> " if item.label else ""
    return Paragraph(label + _x(item.value), styles["url" if item.url else "field"])


def _entry(block: Block, colon: str, styles: dict[str, Any], width: float) -> list[Any]:
    from reportlab.lib import colors
    from reportlab.lib.units import mm
    from reportlab.platypus import Image, Paragraph, Table, TableStyle

    fields = [_field(item, colon, styles) for item in block.fields]
    cells: list[Any] = []
    widths: list[float] = []
    if block.text:
        cells.append(Paragraph(f"<b>{_x(block.text)}</b>", styles["field"]))
        widths.append(16 * mm)
    if block.thumbnail.startswith(JPEG_START):
        side = THUMBNAIL_MM * mm
        cells.append(Image(io.BytesIO(block.thumbnail), width=side, height=side, kind="bound"))
        widths.append(side + 4 * mm)
    cells.append(fields)
    widths.append(width - sum(widths))
    table = Table([cells], colWidths=widths)
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BOX", (0, 0), (-1, -1), 0.4, colors.HexColor("#c8c8cc")),
                ("LEFTPADDING", (0, 0), (-1, -1), 4),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    return [table, _gap(2)]


def _gap(points: float) -> Any:
    from reportlab.lib.units import mm
    from reportlab.platypus import Spacer

    return Spacer(1, points * mm)


def _table(block: Block, styles: dict[str, Any], width: float) -> list[Any]:
    from reportlab.lib import colors
    from reportlab.platypus import Paragraph, Table, TableStyle

    rows = [[Paragraph(_x(cell), styles["head"]) for cell in block.header]]
    rows += [[Paragraph(_x(cell), styles["cell"]) for cell in row] for row in block.rows]
    share = (0.3, 0.3, 0.2, 0.1, 0.1)
    table = Table(rows, colWidths=[width * s for s in share[: len(block.header)]], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("LINEBELOW", (0, 0), (-1, -1), 0.3, colors.HexColor("#c8c8cc")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return [table, _gap(2)]


def _flowables(block: Block, colon: str, styles: dict[str, Any], width: float) -> list[Any]:
    from reportlab.platypus import Paragraph, Table, TableStyle

    kind = block.kind
    if kind == "title":
        return [
            Paragraph(_x(block.text), styles["title"]),
            Paragraph(_x(block.caption), styles["subtitle"]),
        ]
    if kind == "meta":
        rows = [
            [
                Paragraph(f"<b>{_x(f.label)}</b>", styles["field"]),
                Paragraph(_x(f.value), styles["field"]),
            ]
            for f in block.fields
        ]
        table = Table(rows, colWidths=[width * 0.25, width * 0.75], hAlign="LEFT")
        table.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0)]))
        return [table, _gap(2)]
    if kind in ("notice", "heading", "subheading"):
        return [Paragraph(_x(block.text), styles[kind])]
    if kind == "para":
        return [Paragraph(_x(block.text), styles["body"])]
    if kind == "bullets":
        style = styles["url"] if block.addresses else styles["bullet"]
        return [Paragraph(_x(item), style, bulletText="•") for item in block.items]
    if kind == "table":
        return _table(block, styles, width)
    if kind == "entry":
        return _entry(block, colon, styles, width)
    raise ValueError(f"unknown block kind {kind!r}")


def render_pdf(document: Document) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import SimpleDocTemplate

    register_fonts()
    styles = _styles()
    buffer = io.BytesIO()
    footer = visible(document.footer)

    def on_page(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont(FONT, 7.5)
        canvas.drawString(18 * mm, 10 * mm, footer[:120])
        canvas.drawRightString(A4[0] - 18 * mm, 10 * mm, str(doc.page))
        canvas.restoreState()

    pdf = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=16 * mm,
        bottomMargin=18 * mm,
        title=document.title,
        creator="FaceAudit",
        lang=document.language,
    )
    story: list[Any] = []
    for block in document.blocks:
        story += _flowables(block, document.colon, styles, pdf.width)
    pdf.build(story, onFirstPage=on_page, onLaterPages=on_page)
    return buffer.getvalue()
