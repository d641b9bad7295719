"""The one reader of source lists: pasted text and .txt/.csv files, a problem per bad line."""

from __future__ import annotations

from pathlib import Path

import pytest

from faceaudit.errors import FaceAuditError
from faceaudit.store.source_list import parse_source_list, read_source_list_file


def test_pasted_lines_keep_the_good_and_report_the_bad_with_their_line(tmp_path: Path) -> None:
    folder = tmp_path / "photos"
    folder.mkdir()
    text = "\n".join(
        [
            "https://example.org/team",
            "",
            "# a comment",
            "www.example.org/page",
            "javascript:alert(1)",
            "https://example.org/team",
            str(folder),
            "not a source at all",
        ]
    )
    parsed = parse_source_list(text, bare_hosts="suggest")
    assert parsed.entries == ["https://example.org/team", str(folder.resolve())]
    assert parsed.duplicates == 1
    assert [p.line for p in parsed.problems] == [4, 5, 8]
    bare = parsed.problems[0]
    assert bare.suggestion == "https://www.example.org/page"
    assert "https://" in bare.todo
    assert parsed.problems[1].suggestion is None
    assert "only http:// and https://" in parsed.problems[1].what


def test_a_list_file_reads_bare_hosts_as_https_like_the_cli(tmp_path: Path) -> None:
    listing = tmp_path / "sites.csv"
    listing.write_text(
        "url,note\nexample.org/about,work\nftp://example.org/x,old\nhttps://b.example/,\n",
        encoding="utf-8",
    )
    parsed = read_source_list_file(listing)
    assert parsed.entries == ["https://example.org/about", "https://b.example/"]
    assert [(p.line, p.suggestion) for p in parsed.problems] == [(3, None)]


def test_an_unreadable_list_is_a_plain_error(tmp_path: Path) -> None:
    with pytest.raises(FaceAuditError, match="cannot be read"):
        read_source_list_file(tmp_path / "absent.txt")
