"""Page captures: what the in-app browser showed when the person scanned a page, as evidence.

A capture is the page as a PDF (Chromium's ``printToPdf``) and as a full-page PNG, with the
page's address, its title and the time (UTC). Both files are sealed under the case key like
the other evidence; the SHA-256 of each file's bytes as captured is kept in plain beside it,
so that a copy exported later can be shown to be exactly what was captured. The title is
sealed (a profile page's title is often the person's name); the URL, sizes, hashes and time
are plain, as for findings. Rows go with the case (its folder, its key).
"""

from __future__ import annotations

import hashlib
import sqlite3
import struct
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

from faceaudit.store.errors import StoreError, TamperedDataError

TABLE = "captures"
CaptureKind = Literal["pdf", "png"]
CAPTURE_KINDS: tuple[str, ...] = ("pdf", "png")
# One AES-GCM call takes under 2 GiB; a page capture is far below these (a 1280 x 20,000 px
# screenshot is tens of MB at most), so a larger file is a bug or a hostile page.
MAX_CAPTURE_BYTES = 256 * 1024 * 1024
MAX_TITLE_CHARS = 500
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"

Seal = Callable[[bytes, str, str, str], bytes]
Unseal = Callable[[bytes, str, str, str], bytes]


@dataclass(frozen=True)
class CaptureRow:
    """One capture, without its (sealed) files and title."""

    id: int
    page_url: str
    taken_at: str  # UTC, ISO 8601
    scan_id: int | None  # the scan of the page's images that followed the capture
    pdf_size: int
    pdf_sha256: str
    png_size: int
    png_sha256: str
    png_width: int
    png_height: int


class CaptureError(StoreError):
    """The files offered as a capture are not a PDF and a PNG (or are too large)."""


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height from a PNG's header (CaptureError if it is not a PNG)."""
    if len(data) < 24 or not data.startswith(PNG_SIGNATURE) or data[12:16] != b"IHDR":
        raise CaptureError("The page's screenshot is not a PNG image.", "Scan the page again.")
    width, height = struct.unpack(">II", data[16:24])
    return int(width), int(height)


def _checked(pdf: bytes, png: bytes) -> tuple[int, int]:
    if not pdf.startswith(b"%PDF-"):
        raise CaptureError("The page's PDF capture is not a PDF file.", "Scan the page again.")
    for data in (pdf, png):
        if len(data) > MAX_CAPTURE_BYTES:
            raise CaptureError(
                f"A page capture of {len(data) >> 20} MB is too large to keep.",
                "Scan a shorter part of the page.",
            )
    return png_size(png)


def add(
    conn: sqlite3.Connection,
    seal: Seal,
    *,
    page_url: str,
    title: str,
    pdf: bytes,
    png: bytes,
    taken_at: str,
    scan_id: int | None = None,
) -> CaptureRow:
    """Seal and insert one capture (inside the caller's transaction)."""
    width, height = _checked(pdf, png)
    uid = uuid.uuid4().hex
    pdf_sha256 = hashlib.sha256(pdf).hexdigest()
    png_sha256 = hashlib.sha256(png).hexdigest()
    title_blob = seal(title[:MAX_TITLE_CHARS].encode("utf-8"), TABLE, "title_blob", uid)
    pdf_blob = seal(pdf, TABLE, "pdf_blob", uid)
    png_blob = seal(png, TABLE, "png_blob", uid)
    cursor = conn.execute(
        "INSERT INTO captures (uid, page_url, taken_at, scan_id, title_blob, pdf_size,"
        " pdf_sha256, pdf_blob, png_size, png_sha256, png_width, png_height, png_blob)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            uid,
            page_url,
            taken_at,
            scan_id,
            title_blob,
            len(pdf),
            pdf_sha256,
            pdf_blob,
            len(png),
            png_sha256,
            width,
            height,
            png_blob,
        ),
    )
    return CaptureRow(
        int(cursor.lastrowid or 0),
        page_url,
        taken_at,
        scan_id,
        len(pdf),
        pdf_sha256,
        len(png),
        png_sha256,
        width,
        height,
    )


_COLUMNS = (
    "id, page_url, taken_at, scan_id, pdf_size, pdf_sha256, png_size, png_sha256, png_width,"
    " png_height"
)


def _row(values: tuple[Any, ...]) -> CaptureRow:
    v = tuple(values)
    return CaptureRow(
        int(v[0]),
        str(v[1]),
        str(v[2]),
        None if v[3] is None else int(v[3]),
        int(v[4]),
        str(v[5]),
        int(v[6]),
        str(v[7]),
        int(v[8]),
        int(v[9]),
    )


def rows(conn: sqlite3.Connection) -> list[CaptureRow]:
    query = f"SELECT {_COLUMNS} FROM captures ORDER BY id"  # noqa: S608 (constant columns)
    return [_row(r) for r in conn.execute(query)]


def row(conn: sqlite3.Connection, capture_id: int) -> CaptureRow | None:
    query = f"SELECT {_COLUMNS} FROM captures WHERE id = ?"  # noqa: S608 (constant columns)
    found = conn.execute(query, (capture_id,)).fetchone()
    return None if found is None else _row(found)


def title(conn: sqlite3.Connection, unseal: Unseal, capture_id: int) -> str | None:
    found = conn.execute(
        "SELECT uid, title_blob FROM captures WHERE id = ?", (capture_id,)
    ).fetchone()
    if found is None:
        return None
    return unseal(bytes(found[1]), TABLE, "title_blob", found[0]).decode("utf-8", "replace")


def read(conn: sqlite3.Connection, unseal: Unseal, capture_id: int, kind: str) -> bytes | None:
    """The PDF or PNG as captured (None: no such capture); its SHA-256 is checked again."""
    if kind not in CAPTURE_KINDS:
        raise ValueError(f"a capture is one of {CAPTURE_KINDS}, not {kind!r}")
    found = conn.execute(
        f"SELECT uid, {kind}_blob, {kind}_sha256 FROM captures WHERE id = ?",  # noqa: S608
        (capture_id,),
    ).fetchone()
    if found is None:
        return None
    data = unseal(bytes(found[1]), TABLE, f"{kind}_blob", found[0])
    if hashlib.sha256(data).hexdigest() != found[2]:
        raise TamperedDataError(
            "A page capture no longer matches the SHA-256 recorded when it was taken.",
            "Restore the case folder from a backup.",
        )
    return data


def link_scan(conn: sqlite3.Connection, capture_id: int, scan_id: int) -> bool:
    cursor = conn.execute("UPDATE captures SET scan_id = ? WHERE id = ?", (scan_id, capture_id))
    return cursor.rowcount > 0
