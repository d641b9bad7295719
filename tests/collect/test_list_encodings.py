"""URL lists as spreadsheets and Notepad save them: UTF-16 (with or without a byte-order
mark) is decoded, and a semicolon or tab CSV keeps the note out of the URL."""

from __future__ import annotations

from pathlib import Path

import pytest

from faceaudit.collect.urls import parse_url_file

LIST = "# my pages\nhttps://blog.example/team\nexample.org/über-uns\n"
EXPECTED = ["https://blog.example/team", "https://example.org/%C3%BCber-uns"]


@pytest.mark.parametrize(
    "encoded",
    [
        LIST.encode("utf-16"),  # with a BOM, this machine's byte order
        b"\xff\xfe" + LIST.encode("utf-16-le"),  # Notepad's "Unicode"
        b"\xfe\xff" + LIST.encode("utf-16-be"),
        LIST.encode("utf-16-le"),  # no BOM at all
        LIST.encode("utf-16-be"),
        LIST.encode("utf-32"),
        b"\xef\xbb\xbf" + LIST.encode("utf-8"),
        LIST.encode("latin-1", errors="replace").replace(b"?", b"\xfc"),
    ],
    ids=[
        "utf16",
        "utf16le-bom",
        "utf16be-bom",
        "utf16le",
        "utf16be",
        "utf32",
        "utf8-bom",
        "latin1",
    ],
)
def test_list_files_in_other_encodings(tmp_path: Path, encoded: bytes) -> None:
    path = tmp_path / "urls.txt"
    path.write_bytes(encoded)
    parsed = parse_url_file(path)
    assert parsed.errors == []
    assert parsed.urls == EXPECTED


@pytest.mark.parametrize("separator", [";", "\t", ","])
def test_a_csv_keeps_its_notes_out_of_the_urls(tmp_path: Path, separator: str) -> None:
    rows = [
        ["url", "note"],
        ["https://blog.example/team", "the team page, 2024"],
        ["https://photos.example/a?id=1", "my friend's album"],
    ]
    path = tmp_path / "urls.csv"
    text = "\r\n".join(separator.join(row) for row in rows) + "\r\n"
    path.write_bytes(text.encode("utf-16") if separator == "\t" else text.encode("utf-8"))
    parsed = parse_url_file(path)
    assert parsed.errors == []
    assert parsed.urls == ["https://blog.example/team", "https://photos.example/a?id=1"]
