"""The report as one self-contained HTML file: every text escaped, thumbnails inline.

Everything a web server chose (URLs, operator names, error messages) is escaped for HTML,
and control and bidirectional-override characters are shown as escapes, so a hostile
address can neither add markup nor reorder what the line shows. Only http and https
addresses become links (never ``javascript:`` or ``data:``); the page's Content Security
Policy allows no script, no style sheet, no font and no image but the inline thumbnails,
so opening the file contacts nobody. The thumbnails make the file personal data: it is
written readable by its owner only (:mod:`faceaudit.report.writing`).
"""

from __future__ import annotations

import base64
import html
import re
from importlib import resources
from string import Template
from urllib.parse import urlsplit

from faceaudit.report.compose import Block, Document, Field

# C0 and C1 controls, DEL, and the bidirectional marks and overrides.
_UNPRINTABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
JPEG_START = b"\xff\xd8\xff"


def visible(text: str) -> str:
    """``text`` with each control or bidi character shown as its escape (``\\u202e``)."""
    return _UNPRINTABLE.sub(lambda found: ascii(found.group())[1:-1], text)


def esc(text: str) -> str:
    return html.escape(visible(text), quote=True)


def is_web_address(url: str) -> bool:
    """Only these become links: an http(s) address with a host and nothing hidden in it."""
    if url != url.strip() or _UNPRINTABLE.search(url) or any(c.isspace() for c in url):
        return False
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.hostname)


def _value(item: Field) -> str:
    if not item.url:
        return esc(item.value)
    shown = f'<span class="url">{esc(item.value)}</span>'
    if is_web_address(item.value):
        return f'<a href="{esc(item.value)}" rel="noopener noreferrer nofollow">{shown}</a>'
    return shown


def _field(item: Field, colon: str) -> str:
    label = f'<span class="label">{esc(item.label)}{colon}</span> ' if item.label else ""
    return f"<p>{label}{_value(item)}</p>"


def _thumbnail(block: Block) -> str:
    if not block.thumbnail.startswith(JPEG_START):
        return ""
    data = base64.b64encode(block.thumbnail).decode("ascii")
    return f'<img src="data:image/jpeg;base64,{data}" alt="{esc(block.caption)}">'


def _block(block: Block, colon: str) -> str:
    kind = block.kind
    if kind == "title":
        return f'<h1>{esc(block.text)}</h1>\n<p class="subtitle">{esc(block.caption)}</p>'
    if kind == "meta":
        rows = "".join(f"<dt>{esc(f.label)}</dt><dd>{esc(f.value)}</dd>" for f in block.fields)
        return f'<dl class="meta">{rows}</dl>'
    if kind == "notice":
        return f'<p class="notice">{esc(block.text)}</p>'
    if kind == "heading":
        return f"<h2>{esc(block.text)}</h2>"
    if kind == "subheading":
        return f"<h3>{esc(block.text)}</h3>"
    if kind == "para":
        return f"<p>{esc(block.text)}</p>"
    if kind == "bullets":
        cell = '<span class="url">{}</span>' if block.addresses else "{}"
        items = "".join(f"<li>{cell.format(esc(item))}</li>" for item in block.items)
        return f"<ul>{items}</ul>"
    if kind == "table":
        head = "".join(f"<th>{esc(cell)}</th>" for cell in block.header)
        body = "".join(
            "<tr>" + "".join(f"<td>{esc(cell)}</td>" for cell in row) + "</tr>"
            for row in block.rows
        )
        return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    if kind == "entry":
        number = f'<div class="number">{esc(block.text)}</div>' if block.text else ""
        fields = "".join(_field(item, colon) for item in block.fields)
        return f'<div class="entry">{number}{_thumbnail(block)}<div>{fields}</div></div>'
    raise ValueError(f"unknown block kind {kind!r}")


def render_html(document: Document) -> bytes:
    template = Template(
        resources.files("faceaudit.report").joinpath("templates/report.html").read_text("utf-8")
    )
    body = "\n".join(_block(block, document.colon) for block in document.blocks)
    page = template.substitute(
        lang=esc(document.language),
        title=esc(document.title),
        body=body,
        footer=esc(document.footer),
    )
    return page.encode("utf-8")
