"""Nothing left behind: the cached copies of what a case fetched, the whole cache, everything.

The HTTP cache (``<data>/cache/http``) holds plaintext copies of the pages and images a scan
fetched, the person's photos among them. Deleting a case removes the cached responses of
its sources (every URL the case recorded: sources, pages read, images seen); ``cache
clear`` removes the whole cache; ``purge`` removes every case, the cache, the exported
letters and the local operator directory. Files are overwritten before they are unlinked
(best effort: see docs/STORAGE.md, "Deletion").
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from faceaudit.paths import Paths
    from faceaudit.store import CaseStore
    from faceaudit.store.receipts import Receipt

# Every plain column of a case database that holds a URL FaceAudit may have fetched.
_URL_QUERIES = (
    "SELECT url FROM sources",
    "SELECT page_url FROM images UNION SELECT image_url FROM images"
    " UNION SELECT final_url FROM images",
    "SELECT url FROM scan_checked",
    "SELECT page_url FROM finding_sightings UNION SELECT image_url FROM finding_sightings",
)


@dataclass(frozen=True)
class Removed:
    """What a clean-up removed from one place."""

    where: Path
    files: int = 0
    bytes: int = 0

    def describe(self, what: str) -> str:
        """E.g. "3 cached responses (1.2 MB) from /home/sam/.../cache/http"."""
        size = f"{self.bytes / 1e6:.1f} MB" if self.bytes >= 100_000 else f"{self.bytes} bytes"
        return f"{self.files} {what}{'s' if self.files != 1 else ''} ({size}) from {self.where}"


def urls_of_case(case_dir: Path) -> set[str]:
    """Every URL a case recorded, read from the plain part of its database (no passphrase)."""
    from faceaudit.store import DB_FILE

    database = case_dir / DB_FILE
    if not database.is_file():
        return set()
    urls: set[str] = set()
    try:
        conn = sqlite3.connect(f"{database.as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return urls
    try:
        for query in _URL_QUERIES:
            with contextlib.suppress(sqlite3.Error):  # a table a damaged or older case lacks
                urls.update(str(row[0]) for row in conn.execute(query) if row[0])
    finally:
        conn.close()
    return urls


def forget_cached_responses(http_cache: Path, urls: Iterable[str]) -> Removed:
    """Overwrite and remove the cached responses of these URLs."""
    from faceaudit.collect.cache import HttpCache

    cache = HttpCache(http_cache)
    files = size = 0
    for url in set(urls):
        body = cache.body_path(url)
        for path in (body, body.with_suffix(".json")):
            size_of = _destroy(path)
            if size_of is not None:
                files += path.suffix == ".body"
                size += size_of
    return Removed(http_cache, files, size)


def clear_http_cache(http_cache: Path) -> Removed:
    """Overwrite and remove every cached response, and any spool file a killed run left."""
    files = size = 0
    for folder in (http_cache / "entries", http_cache / "spool"):
        if not folder.is_dir():
            continue
        for path in sorted(folder.rglob("*"), key=lambda p: len(p.parts), reverse=True):
            if path.is_dir() and not path.is_symlink():
                path.rmdir()
                continue
            size_of = _destroy(path)
            if size_of is not None and path.suffix != ".json":
                files += 1
                size += size_of
        folder.rmdir()
    return Removed(http_cache, files, size)


def _destroy(path: Path) -> int | None:
    """Overwrite and unlink a file; its size, or None if it did not exist."""
    from faceaudit.store.casestore import destroy_file

    try:
        size = path.stat().st_size
    except OSError:
        return None
    destroy_file(path)
    return size


CACHE_CHOICES = ("case", "all", "keep")  # what deleting a case does to the HTTP cache


@dataclass(frozen=True)
class CaseDeletion:
    """What deleting a case removed (``CaseStore.delete`` returns it)."""

    name: str
    directory: Path
    exports: Path | None  # the case's exported letters folder, when there was one
    cache: Removed | None  # None when the cache was kept
    whole_cache: bool  # the whole HTTP cache went, not only the case's responses
    receipt: Receipt | None = None  # the destruction receipt written (store.receipts)

    def describe(self) -> str:
        parts = [f"its key was destroyed and {self.directory} removed"]
        if self.exports is not None:
            parts.append(f"the letters drafted for it in {self.exports}")
        if self.cache is not None:
            what = "cached response" if not self.whole_cache else "cached response (all)"
            parts.append(self.cache.describe(what))
        text = f"Deleted case {self.name!r}: " + "; ".join(parts) + "."
        if self.receipt is not None:
            text += (
                f" Destruction receipt {self.receipt.receipt_id[:8]} kept (case id "
                f"{self.receipt.case_id}, no personal data): see 'faceaudit receipts'."
            )
        return text


@dataclass
class PurgeReport:
    """What ``purge`` removed."""

    cases: list[str] = field(default_factory=list)
    cache: Removed | None = None
    removed_folders: list[Path] = field(default_factory=list)  # exports, operators
    problems: list[str] = field(default_factory=list)


def purge(paths: Paths, store: CaseStore) -> PurgeReport:
    """Delete every case (keys destroyed first), the HTTP cache, every exported letter and
    the local operator directory. The face model weights stay (they are not personal data)."""
    from faceaudit.errors import FaceAuditError
    from faceaudit.store.casestore import remove_tree

    report = PurgeReport()
    for summary in store.list():
        try:
            store.delete(summary.name, cache="keep")  # the whole cache goes below
        except FaceAuditError as error:
            report.problems.append(f"{summary.name}: {error}")
            continue
        report.cases.append(summary.name)
    report.cache = clear_http_cache(paths.base / "cache" / "http")
    for folder in (paths.base / "exports", paths.base / "operators"):
        if folder.exists():
            try:
                remove_tree(folder)
            except OSError as error:
                report.problems.append(f"{folder}: {error.strerror or error}")
                continue
            report.removed_folders.append(folder)
    return report
