"""Read many Sources at once: pasted text or a .txt/.csv list, with a problem per bad line.

The one reader for ``faceaudit sources add --urls-file`` and the window's paste box and list
import: lines go through :func:`faceaudit.collect.urls.list_entries` (comments, a CSV's first
cell, a header row) and each entry through :func:`normalise_source`. Nothing is refused as a
whole: the usable entries are kept and every other line is reported with its number.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from faceaudit.store.sources import InvalidSourceError, normalise_source


@dataclass(frozen=True)
class LineProblem:
    line: int  # 1-based, as an editor shows it
    text: str  # the line as written
    what: str  # what is wrong, in words
    todo: str  # what to do
    suggestion: str | None = None  # e.g. "https://www.example.org/page" for a bare host


@dataclass
class SourceList:
    entries: list[str] = field(default_factory=list)  # normalised, first occurrence kept
    problems: list[LineProblem] = field(default_factory=list)
    duplicates: int = 0  # lines repeating an entry already in this list


def _exists(text: str) -> bool:
    try:
        return Path(text).expanduser().exists()
    except (OSError, ValueError, RuntimeError):
        return False


def parse_source_list(
    text: str, *, csv_rows: bool = False, bare_hosts: str = "https"
) -> SourceList:
    """The sources in ``text``. ``bare_hosts``: "https" reads ``www.example.org/page`` as
    https (what a list file means, as ``scan --urls-file`` does); "suggest" reports it with
    the https:// address as a suggestion the person accepts (what a paste box should do)."""
    from faceaudit.collect.urls import list_entries, with_scheme

    result = SourceList()
    seen: set[str] = set()
    for entry in list_entries(text, csv_rows=csv_rows):
        value = entry.value
        suggested = with_scheme(value) if not _exists(value) else value
        if bare_hosts == "https":
            value = suggested
        try:
            source = normalise_source(value)
        except InvalidSourceError as error:
            result.problems.append(
                LineProblem(
                    entry.line,
                    entry.text,
                    error.what,
                    error.todo,
                    suggested if suggested != value else None,
                )
            )
            continue
        if source in seen:
            result.duplicates += 1
            continue
        seen.add(source)
        result.entries.append(source)
    return result


def read_source_list_file(path: str | Path) -> SourceList:
    """A .txt or .csv list of sources (UTF-8, or Latin-1), read as ``scan --urls-file`` does.

    Raises FaceAuditError when the file cannot be read or is too large to be a list.
    """
    from faceaudit.collect.urls import read_list_file

    text, csv_rows = read_list_file(path)
    return parse_source_list(text, csv_rows=csv_rows, bare_hosts="https")
