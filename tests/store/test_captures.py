"""Page captures: kept sealed in the case with the SHA-256 of what was captured, read back
whole, refused when they are not a PDF and a PNG, and gone with the case."""

from __future__ import annotations

import hashlib
import sqlite3
import zlib
from pathlib import Path

import pytest

from faceaudit.store import DB_FILE, Case, CaseStore, TamperedDataError
from faceaudit.store.captures import CaptureError, png_size

from .conftest import PASSPHRASE


def make_png(width: int, height: int, seed: int = 7) -> bytes:
    """A real (uncompressed-looking) PNG with varied rows, so its bytes are distinctive."""
    rows = b"".join(
        b"\x00" + bytes((x * seed + y) % 251 for x in range(width * 3)) for y in range(height)
    )

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return len(data).to_bytes(4, "big") + body + zlib.crc32(body).to_bytes(4, "big")

    header = width.to_bytes(4, "big") + height.to_bytes(4, "big") + b"\x08\x02\x00\x00\x00"
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows, 0))
        + chunk(b"IEND", b"")
    )


PDF = (
    b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n"
    b"% Camille Martin on a page that names her, photo gallery 2026\n" * 20 + b"%%EOF\n"
)
TITLE = "Camille Martin - Unmistakable Profile Title"


def test_round_trip_with_hashes(case: Case) -> None:
    png = make_png(64, 300)
    row = case.add_capture(
        "https://example.org/p", TITLE, PDF, png, taken_at="2026-12-03T06:00:00Z"
    )
    assert (row.pdf_sha256, row.png_sha256) == (
        hashlib.sha256(PDF).hexdigest(),
        hashlib.sha256(png).hexdigest(),
    )
    assert (row.png_width, row.png_height, row.pdf_size, row.png_size) == (
        64,
        300,
        len(PDF),
        len(png),
    )
    assert case.captures() == [row]
    assert case.capture(row.id) == row
    assert case.capture_bytes(row.id, "pdf") == PDF
    assert case.capture_bytes(row.id, "png") == png
    assert case.capture_title(row.id) == TITLE
    scan = case.start_scan({})
    case.link_capture_scan(row.id, scan)
    assert case.capture(row.id).scan_id == scan
    assert [e.action for e in case.audit_log()][-2:] == ["capture_added", "scan_started"]
    with pytest.raises(ValueError):
        case.capture_bytes(row.id, "html")


def test_not_a_pdf_or_png_is_refused(case: Case) -> None:
    with pytest.raises(CaptureError):
        case.add_capture("https://example.org/", "", b"<html>", make_png(2, 2))
    with pytest.raises(CaptureError):
        case.add_capture("https://example.org/", "", PDF, b"GIF89a....")
    assert case.captures() == []
    assert png_size(make_png(5, 9)) == (5, 9)


def test_sealed_at_rest_and_checked_on_read(store: CaseStore, case: Case) -> None:
    png = make_png(96, 200, seed=13)
    row = case.add_capture("https://example.org/p", TITLE, PDF, png)
    directory = store.case_dir(case.name)
    case.close()  # the WAL folded back: the database file holds everything
    content = b"".join(p.read_bytes() for p in directory.iterdir() if p.is_file())
    assert TITLE.encode() not in content
    assert b"names her, photo gallery" not in content
    for start in range(0, len(png) - 48, len(png) // 10):
        assert png[start : start + 48] not in content
    assert row.pdf_sha256.encode() in content  # the hash is plain, by design
    # A capture whose sealed bytes were swapped with another row's is refused (AES-GCM binds
    # each value to its row and column).
    reopened = store.open(case.name, PASSPHRASE)
    other = reopened.add_capture("https://example.org/q", "", PDF, make_png(8, 8))
    reopened.close()
    conn = sqlite3.connect(directory / DB_FILE)
    with conn:
        blob = conn.execute("SELECT png_blob FROM captures WHERE id = ?", (other.id,)).fetchone()
        conn.execute("UPDATE captures SET png_blob = ? WHERE id = ?", (blob[0], row.id))
    conn.close()
    with store.open(case.name, PASSPHRASE) as again, pytest.raises(TamperedDataError):
        again.capture_bytes(row.id, "png")


def test_deleted_with_the_case(store: CaseStore, case: Case) -> None:
    case.add_capture("https://example.org/p", TITLE, PDF, make_png(4, 4))
    directory: Path = store.case_dir(case.name)
    case.close()
    store.delete(case.name)
    assert not directory.exists()
