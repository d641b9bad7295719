"""Plain rows the store hands out: the Person, Sources, Scans, Findings and summaries."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any, ClassVar, Literal

ReviewState = Literal["unreviewed", "confirmed", "rejected"]
REVIEW_STATES: tuple[str, ...] = ("unreviewed", "confirmed", "rejected")
ScanStatus = Literal["running", "done", "cancelled", "failed"]
SCAN_END_STATES: tuple[str, ...] = ("done", "cancelled", "failed")
EvidencePolicy = Literal["full", "reduced", "none"]
EVIDENCE_POLICIES: tuple[str, ...] = ("full", "reduced", "none")
# A source's option saying where the person saw the page ("browser": the in-app browser).
SEEN_IN = "seen_in"
SEEN_IN_BROWSER = "browser"


@dataclass(frozen=True)
class Person:
    """Who the case is about, as the letters will name them. Every detail is optional."""

    full_name: str | None = None
    email: str | None = None
    postal_address: str | None = None
    country: str | None = None  # ISO 3166-1 alpha-2, e.g. "FR"
    language: str | None = None  # ISO 639-1, e.g. "fr"

    def missing(self) -> list[str]:
        """The details not given yet (letters ask for them)."""
        return [f.name for f in fields(self) if not getattr(self, f.name)]

    def to_json(self) -> bytes:
        return json.dumps(asdict(self), ensure_ascii=False, sort_keys=True).encode("utf-8")

    @classmethod
    def from_json(cls, raw: bytes) -> Person:
        document = json.loads(raw.decode("utf-8"))
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in document.items() if k in known})


@dataclass(frozen=True)
class ReferenceRow:
    """An enrolled reference photo, without its (encrypted) photo and embedding."""

    id: int
    label: str
    photo_sha256: str
    added_at: str


@dataclass(frozen=True)
class SourceSettings:
    """How a Source is collected, saved with it so that every scan checks the same pages.

    A scan that reached fewer pages than the one before would otherwise report the faces on
    the pages it skipped as gone. ``sitemap`` and ``render`` are kept for the collector
    versions that know them.
    """

    depth: int = 0  # link levels followed from the listed page
    max_pages: int | None = None  # None: the collector's default
    sitemap: bool = False
    render: bool = False

    KEYS: ClassVar[tuple[str, ...]] = ("depth", "max_pages", "sitemap", "render")

    @classmethod
    def from_options(cls, options: dict[str, Any]) -> SourceSettings:
        known = {key: options[key] for key in cls.KEYS if options.get(key) is not None}
        return cls(**known)

    def to_options(self) -> dict[str, Any]:
        return {key: getattr(self, key) for key in self.KEYS}

    def describe(self) -> str:
        """E.g. "depth 1, at most 20 pages, sitemap"."""
        parts = [f"depth {self.depth}"]
        if self.max_pages is not None:
            parts.append(f"at most {self.max_pages} pages")
        parts += [name for name in ("sitemap", "render") if getattr(self, name)]
        return ", ".join(parts)


@dataclass(frozen=True)
class SourceRow:
    """Something the person listed to be searched: a URL or a local path."""

    id: int
    url_or_path: str
    added_at: str
    options: dict[str, Any] = field(default_factory=dict)

    @property
    def url(self) -> str:
        return self.url_or_path

    @property
    def settings(self) -> SourceSettings:
        """The collection settings saved with the source (those of its latest scan)."""
        return SourceSettings.from_options(self.options)

    @property
    def seen_in_browser(self) -> bool:
        """Added by "Scan this page" in the in-app browser: scanned from there, from what the
        browser showed, never by a plain fetch (faceaudit.scan.browser)."""
        return self.options.get(SEEN_IN) == SEEN_IN_BROWSER


@dataclass(frozen=True)
class ScanRow:
    id: int
    started_at: str
    finished_at: str | None
    status: str
    settings: dict[str, Any]
    stats: dict[str, Any]


@dataclass(frozen=True)
class ScanSourceRow:
    scan_id: int
    source: str
    status: str  # ok | error
    error: str | None
    stats: dict[str, Any]
    done_at: str


@dataclass(frozen=True)
class FindingRow:
    """A face judged to be the person, where it was first seen, and the person's review."""

    id: int
    page_url: str | None
    image_url: str
    found_by: str
    similarity: float
    verdict: str  # faceaudit.faces.types.Verdict value
    bbox: tuple[float, float, float, float]
    frame_time: float | None
    first_seen_at: str
    last_seen_at: str
    review: str  # unreviewed | confirmed | rejected
    image_sha256: str
    source: str
    fetched_at: str | None
    det_score: float
    reference_index: int
    first_scan_id: int
    last_scan_id: int
    reviewed_at: str | None
    is_new: bool  # first seen in the case's most recent scan
    has_evidence: bool


@dataclass(frozen=True)
class Sighting:
    """One place (page and image URL) a finding's image was seen during one scan."""

    finding_id: int
    scan_id: int
    page_url: str | None
    image_url: str
    found_by: str
    fetched_at: str | None
    similarity: float


@dataclass(frozen=True)
class EvidenceInfo:
    """What the evidence copy of a finding's image is, without decrypting it."""

    image_sha256: str  # of the image bytes as fetched
    original_size: int
    stored_sha256: str  # of the bytes kept (equal to image_sha256 unless reduced)
    reduced: bool
    stored_at: str


@dataclass(frozen=True)
class CaseSummary:
    """What ``case list`` shows without a passphrase (nothing biometric)."""

    name: str
    path: Path
    created_at: str | None = None
    schema_version: int | None = None
    references: int = 0
    sources: int = 0
    scans: int = 0
    last_scan_at: str | None = None
    findings: int = 0
    unreviewed: int = 0
    problem: str | None = None  # why the summary could not be read, if it could not
