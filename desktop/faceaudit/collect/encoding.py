"""Which text a page's bytes are: the WHATWG encoding sniffing order, without ever losing a page.

Order (HTML Standard, "determining the character encoding"): a byte-order mark, the HTTP
``charset``, the ``<meta>`` prescan of the first 1024 bytes, then a fallback: UTF-8 when the
bytes are valid UTF-8, else a statistical detector (charset-normalizer), else windows-1252.
Labels map to encodings the way browsers map them (``latin1`` and ``ascii`` mean
windows-1252, ``gb2312`` means GBK ...).

One deliberate difference from browsers: when a page declares another encoding but its bytes
are valid UTF-8 with non-ASCII text (a server's default ``charset=iso-8859-1``, a template's
stale ``<meta>``), it is read as UTF-8. Legacy text is practically never valid UTF-8 by
chance, and reading it as declared would turn every non-ASCII character, image addresses
included, into mojibake.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

PRESCAN_BYTES = 1024
DETECT_BYTES = 64 * 1024

# WHATWG labels whose encoding differs from what Python's codec of the same name decodes.
_WHATWG_ALIASES = {
    "ascii": "cp1252",
    "us-ascii": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "l1": "cp1252",
    "iso-8859-1": "cp1252",
    "iso8859-1": "cp1252",
    "iso_8859-1": "cp1252",
    "iso-ir-100": "cp1252",
    "ibm819": "cp1252",
    "cp819": "cp1252",
    "windows-1252": "cp1252",
    "x-cp1252": "cp1252",
    "iso-8859-9": "cp1254",
    "latin5": "cp1254",
    "iso-8859-11": "cp874",
    "tis-620": "cp874",
    "gb2312": "gb18030",
    "gb_2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "chinese": "gb18030",
    "euc-kr": "cp949",
    "ks_c_5601-1987": "cp949",
    "korean": "cp949",
    "shift_jis": "cp932",
    "sjis": "cp932",
    "x-sjis": "cp932",
    "windows-31j": "cp932",
    "big5": "big5hkscs",
    "x-user-defined": "cp1252",
}
# Encodings that cannot read an HTML page as text (the Standard's "replacement" ones and
# codecs such as base64 that Python would happily apply).
_UNUSABLE = {"iso-2022-kr", "hz-gb-2312", "iso-2022-cn", "iso-2022-cn-ext", "replacement"}
_TEXT_CODECS_ALLOWED = re.compile(r"^[a-z0-9_-]+$")


def _c1_controls(error: UnicodeError) -> tuple[str, int]:
    """windows-1252 as browsers decode it: the five bytes Python leaves undefined are C1
    controls (U+0081 ...), never a failure."""
    assert isinstance(error, UnicodeDecodeError)
    byte = error.object[error.start]
    return chr(byte), error.start + 1


codecs.register_error("faceaudit-c1", _c1_controls)


@dataclass(frozen=True)
class DecodedPage:
    text: str
    encoding: str  # Python codec name the text was decoded with
    how: str  # bom | http | meta | utf-8 | detected | default | utf-8-over-declared


def encoding_for_label(label: str | None) -> str | None:
    """The Python codec for a WHATWG encoding label, or None when the label is unusable."""
    if not label:
        return None
    name = label.strip().strip("\"'").lower()
    if name in _UNUSABLE or not _TEXT_CODECS_ALLOWED.match(name):
        return None
    name = _WHATWG_ALIASES.get(name, name)
    try:
        info = codecs.lookup(name)
    except LookupError:
        return None
    if not getattr(info, "_is_text_encoding", True):
        return None  # base64, rot13 ...
    return info.name


def _bom(data: bytes) -> str | None:
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if data.startswith(codecs.BOM_UTF16_LE):
        return "utf-16-le"
    if data.startswith(codecs.BOM_UTF16_BE):
        return "utf-16-be"
    return None


def charset_of(content_type: str | None) -> str | None:
    match = re.search(r"charset\s*=\s*[\"']?([^\s;\"']+)", content_type or "", re.IGNORECASE)
    return match.group(1) if match else None


_PRESCAN_ATTRIBUTE = re.compile(
    rb"""[\s/]*(?P<name>[^\s/>=][^\s/>=]*)?\s*(?:=\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<bare>[^\s>]*)))?""",
)


def _meta_charset(attributes: bytes) -> str | None:
    """The encoding a ``<meta>`` tag's attributes declare (the prescan's rules)."""
    seen: dict[bytes, bytes] = {}
    position = 0
    while position < len(attributes):
        match = _PRESCAN_ATTRIBUTE.match(attributes, position)
        if match is None or match.end() == position or not match.group("name"):
            break
        position = match.end()
        name = match.group("name").lower()
        if name not in seen:
            value = match.group("dq") or match.group("sq") or match.group("bare") or b""
            seen[name] = value
    if b"charset" in seen:
        return seen[b"charset"].decode("ascii", "replace")
    if seen.get(b"http-equiv", b"").lower() == b"content-type":
        return charset_of(seen.get(b"content", b"").decode("ascii", "replace"))
    return None


_PRESCAN_TOKEN = re.compile(
    rb"<!--.*?-->|<meta(?=[\s/])(?P<meta>[^>]*)>|</?[a-zA-Z][^>]*>|<[!/?][^>]*>", re.DOTALL
)


def prescan_meta(data: bytes) -> str | None:
    """The Python codec a ``<meta charset>`` in the first 1024 bytes declares, if usable."""
    head = data[:PRESCAN_BYTES]
    for token in _PRESCAN_TOKEN.finditer(head.lower()):
        if token.group("meta") is None:
            continue
        label = _meta_charset(head[token.start("meta") : token.end("meta")])
        encoding = encoding_for_label(label)
        if encoding is None:
            continue
        # A page cannot declare itself UTF-16 from inside: its bytes were ASCII-readable.
        return "utf-8" if encoding.startswith("utf-16") else encoding
    return None


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        # A multi-byte sequence cut by a size cap at the very end is still UTF-8.
        return (
            error.reason == "unexpected end of data"
            and error.start >= len(data) - 3
            and not data[: error.start].isascii()
        )
    return True


def _has_multibyte_text(data: bytes) -> bool:
    # NUL bytes mean UTF-16 (or binary): ASCII-range UTF-16 is also "valid UTF-8".
    return not data.isascii() and b"\x00" not in data[:PRESCAN_BYTES]


def _detect(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data[:DETECT_BYTES]).best()
    return encoding_for_label(best.encoding) if best is not None else None


def _decode(data: bytes, encoding: str) -> str:
    errors = "faceaudit-c1" if encoding == "cp1252" else "replace"
    return data.decode(encoding, errors=errors)


def decode_page(data: bytes, content_type: str | None = None) -> DecodedPage:
    """The text of an HTML page's bytes; never fails, whatever the bytes or the labels."""
    bom = _bom(data)
    if bom is not None:
        return DecodedPage(_decode(data, bom), bom, "bom")
    declared = encoding_for_label(charset_of(content_type))
    how = "http"
    if declared is None:
        declared, how = prescan_meta(data), "meta"
    if declared is not None:
        if declared != "utf-8" and _is_utf8(data) and _has_multibyte_text(data):
            return DecodedPage(_decode(data, "utf-8"), "utf-8", "utf-8-over-declared")
        return DecodedPage(_decode(data, declared), declared, how)
    if _is_utf8(data):
        return DecodedPage(_decode(data, "utf-8"), "utf-8", "utf-8")
    detected = _detect(data)
    if detected is not None:
        return DecodedPage(_decode(data, detected), detected, "detected")
    return DecodedPage(_decode(data, "cp1252"), "cp1252", "default")
