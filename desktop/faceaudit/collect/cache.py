"""A private, bounded HTTP cache keyed by URL, for conditional re-fetches.

Files are named by the SHA-256 of the URL (never by anything a server chose), created 0600
in 0700 folders: cached pictures are not biometric data, but they are the person's
personal data. The cache is bounded (oldest entries go first) and can be cleared.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import threading
from dataclasses import asdict, dataclass
from pathlib import Path

DEFAULT_MAX_CACHE_BYTES = 512 * 1024 * 1024


@dataclass(frozen=True)
class CacheEntry:
    url: str
    status: int
    final_url: str
    content_type: str | None
    etag: str | None
    last_modified: str | None
    size: int
    # Until when (Unix time) the stored response may be reused without asking the server
    # (HTTP freshness, RFC 9111 section 4.2); 0 means "revalidate every time".
    fresh_until: float = 0.0
    # When the server last sent or confirmed these bytes (ISO 8601): a response reused while
    # fresh keeps this time as its provenance, since nobody asked the server since.
    fetched_at: str = ""
    # The non-public address the response came from (None: a public one, or via a proxy),
    # so the cache never hands it to a source whose policy refuses that address.
    peer: str | None = None


def _private_dir(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    path.chmod(0o700)
    return path


def _write_private(path: Path, data: bytes) -> None:
    """Atomic write of a 0600 file (temp file, then rename)."""
    temp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        temp.replace(path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


class HttpCache:
    """Bodies of responses that carry an ETag or Last-Modified, with their validators."""

    def __init__(self, directory: Path, max_bytes: int = DEFAULT_MAX_CACHE_BYTES) -> None:
        self.directory = _private_dir(Path(directory) / "entries")
        self.max_bytes = max_bytes
        self._lock = threading.Lock()
        self._total: int | None = None

    def _paths(self, url: str) -> tuple[Path, Path]:
        key = hashlib.sha256(url.encode("utf-8")).hexdigest()
        folder = self.directory / key[:2]
        return folder / f"{key}.json", folder / f"{key}.body"

    def lookup(self, url: str) -> CacheEntry | None:
        meta_path, body_path = self._paths(url)
        try:
            meta = json.loads(meta_path.read_text("utf-8"))
            entry = CacheEntry(**meta)
        except (OSError, ValueError, TypeError):
            return None
        if entry.url != url or not body_path.is_file():
            return None
        return entry

    def body(self, url: str, max_bytes: int) -> bytes | None:
        """The cached body, or None if it is missing or over ``max_bytes``."""
        _meta_path, body_path = self._paths(url)
        try:
            with body_path.open("rb") as handle:
                data = handle.read(max_bytes + 1)
        except OSError:
            return None
        return data if len(data) <= max_bytes else None

    def body_path(self, url: str) -> Path:
        return self._paths(url)[1]

    def store(self, entry: CacheEntry, body: bytes) -> None:
        if entry.size > self.max_bytes // 4:
            return  # one huge video must not flush everything else
        meta_path, body_path = self._paths(entry.url)
        _private_dir(meta_path.parent)
        _write_private(body_path, body)
        _write_private(meta_path, json.dumps(asdict(entry)).encode("utf-8"))
        with self._lock:
            if self._total is None:
                self._total = self._measure()
            else:
                self._total += len(body)
            if self._total > self.max_bytes:
                self._prune()

    def refresh(self, entry: CacheEntry) -> None:
        """Rewrite an entry's metadata (new validators or freshness after a 304)."""
        meta_path, body_path = self._paths(entry.url)
        if body_path.is_file():
            with contextlib.suppress(OSError):
                _write_private(meta_path, json.dumps(asdict(entry)).encode("utf-8"))

    def touch(self, url: str) -> None:
        """Mark an entry as recently used (a 304 revalidated it)."""
        for path in self._paths(url):
            with contextlib.suppress(OSError):
                os.utime(path)

    def _measure(self) -> int:
        return sum(path.stat().st_size for path in self.directory.rglob("*.body"))

    def _prune(self) -> None:
        bodies = sorted(self.directory.rglob("*.body"), key=lambda path: path.stat().st_mtime)
        target = int(self.max_bytes * 0.8)
        total = sum(path.stat().st_size for path in bodies)
        for body in bodies:
            if total <= target:
                break
            size = body.stat().st_size
            body.unlink(missing_ok=True)
            body.with_suffix(".json").unlink(missing_ok=True)
            total -= size
        self._total = total

    def size(self) -> int:
        return self._measure()


def clear_cache(directory: Path) -> None:
    """Delete every cached response under ``directory`` (the http_cache folder)."""
    entries = Path(directory) / "entries"
    if entries.exists():
        shutil.rmtree(entries)
