"""Where a scan keeps what it learns: a Case on disk, or memory only (one-shot scans).

The pipeline talks to a :class:`ScanSink`; every call comes from the one thread that runs
the scan (the store's SQLite connection is not shared between threads). The write order per
image is what makes a killed scan resumable without losing or duplicating a finding:
``record_image`` -> ``store_faces`` -> ``add_finding`` (idempotent) -> ``mark_image_processed``,
and a source is marked done only once every image it yielded has been written.
"""

from __future__ import annotations

import contextlib
from collections import OrderedDict
from contextlib import AbstractContextManager
from dataclasses import asdict, dataclass, replace
from typing import Any, Protocol

from faceaudit.collect.types import Provenance, SourceError
from faceaudit.faces.types import Face, FaceMatch


def finding_identity(key: str, provenance: Provenance, match: FaceMatch) -> tuple[Any, ...]:
    """What makes one finding in a scan's list: a face in an image at one place (page and
    image URL: an ``img`` and a ``srcset`` naming the same URL are one); a video is one
    finding per clip and place, its frames' times gathered on it."""
    video = provenance.frame_time is not None
    box = () if video else tuple(round(value) for value in match.face.bbox)
    content = provenance.sha256 if video else key
    return (content, provenance.image_url, provenance.page_url, box)


@dataclass(frozen=True)
class FindingReport:
    """A finding as the CLI prints it (and the GUI lists it)."""

    page_url: str | None
    image_url: str
    found_by: str
    similarity: float
    verdict: str
    bbox: tuple[float, float, float, float]
    frame_time: float | None
    source: str | None = None
    finding_id: int | None = None  # in a case
    new: bool | None = None  # in a case: first seen in this scan
    # A video is one finding per clip: every frame time where the face was seen, in order
    # (``frame_time`` is the first of them).
    frame_times: tuple[float, ...] = ()

    def as_json(self) -> dict[str, Any]:
        data = asdict(self)
        if self.frame_times:
            data["frame_times"] = list(self.frame_times)
        else:
            del data["frame_times"]
        data["bbox"] = [round(value, 1) for value in self.bbox]
        data["similarity"] = round(self.similarity, 4)
        if self.finding_id is None:
            del data["finding_id"]
        else:
            data["id"] = data.pop("finding_id")
        if self.new is None:
            del data["new"]
        return data


def image_key(provenance: Provenance) -> str:
    """The content key of an image: its SHA-256, plus the timestamp for a video frame.

    A video's frames share the video's hash (see Provenance.sha256), so the frame time is
    part of the key; the key is what the embedding cache and the "processed" marks use.
    """
    if provenance.frame_time is None:
        return provenance.sha256
    return f"{provenance.sha256}@{provenance.frame_time:.3f}"


class ScanSink(Protocol):
    """What the pipeline needs from the place scan results go."""

    def begin(self, sources: list[str], settings: dict[str, Any], resume: bool) -> set[str]:
        """Start (or resume) a scan; returns the sources already finished (skip them)."""
        ...

    def batch(self) -> AbstractContextManager[None]:
        """Group the writes inside into one durable transaction (all or nothing)."""
        ...

    def record_image(self, key: str, provenance: Provenance) -> None: ...

    def has_finding(self, provenance: Provenance, match: FaceMatch) -> bool:
        """Whether this face is already a finding (then no thumbnail is needed for it)."""
        ...

    def cached_faces(self, key: str) -> list[Face] | None: ...

    def store_faces(self, key: str, faces: list[Face]) -> None: ...

    def add_finding(
        self,
        key: str,
        provenance: Provenance,
        match: FaceMatch,
        thumbnail_jpeg: bytes,
        evidence: bytes | None,
    ) -> None: ...

    def mark_image_processed(self, key: str, face_count: int) -> None: ...

    def source_done(self, source: str, error: str | None, stats: dict[str, Any]) -> None:
        """All of a source's images are written; ``error`` if the source as a whole failed."""
        ...

    def image_error(self, error: SourceError) -> None: ...

    def finish(self, stats: dict[str, Any], status: str) -> None: ...

    def findings(self) -> list[FindingReport]: ...

    def errors(self) -> list[SourceError]: ...

    def comparison(self) -> dict[str, int] | None: ...


class MemorySink:
    """One-shot scans: nothing is written to disk; faces and findings live in this object.

    The face cache only serves identical bytes met again under another source, so it keeps
    the most recent ``max_cached_images`` images: memory stays bounded on any corpus.
    """

    def __init__(self, max_cached_images: int = 20_000) -> None:
        self._faces: OrderedDict[str, list[Face]] = OrderedDict()
        self._max_cached = max_cached_images
        self._findings: dict[tuple[str, str, str | None, tuple[int, ...]], FindingReport] = {}
        self._errors: list[SourceError] = []
        self.status: str | None = None
        self.stats: dict[str, Any] = {}

    def begin(self, sources: list[str], settings: dict[str, Any], resume: bool) -> set[str]:
        return set()

    def batch(self) -> AbstractContextManager[None]:
        return contextlib.nullcontext()

    def record_image(self, key: str, provenance: Provenance) -> None:
        return None

    def has_finding(self, provenance: Provenance, match: FaceMatch) -> bool:
        return False  # nothing outlives a one-shot scan

    def cached_faces(self, key: str) -> list[Face] | None:
        faces = self._faces.get(key)
        if faces is not None:
            self._faces.move_to_end(key)
        return faces

    def store_faces(self, key: str, faces: list[Face]) -> None:
        self._faces[key] = faces
        while len(self._faces) > self._max_cached:
            self._faces.popitem(last=False)

    def add_finding(
        self,
        key: str,
        provenance: Provenance,
        match: FaceMatch,
        thumbnail_jpeg: bytes,
        evidence: bytes | None,
    ) -> None:
        frame = provenance.frame_time
        identity = finding_identity(key, provenance, match)
        earlier = self._findings.get(identity)
        times = (
            tuple(sorted({*(earlier.frame_times if earlier else ()), frame}))
            if frame is not None
            else ()
        )
        report = FindingReport(
            page_url=provenance.page_url,
            image_url=provenance.image_url,
            found_by=provenance.found_by,
            similarity=match.similarity,
            verdict=str(match.verdict),
            bbox=match.face.bbox,
            frame_time=times[0] if times else None,
            source=provenance.source,
            frame_times=times,
        )
        if earlier is not None and earlier.similarity >= report.similarity:
            report = replace(earlier, frame_time=report.frame_time, frame_times=times)
        self._findings[identity] = report

    def mark_image_processed(self, key: str, face_count: int) -> None:
        return None

    def source_done(self, source: str, error: str | None, stats: dict[str, Any]) -> None:
        return None  # the error itself reached image_error already

    def image_error(self, error: SourceError) -> None:
        self._errors.append(error)

    def finish(self, stats: dict[str, Any], status: str) -> None:
        self.stats = stats
        self.status = status

    def findings(self) -> list[FindingReport]:
        return sorted(self._findings.values(), key=_finding_order)

    def errors(self) -> list[SourceError]:
        return list(self._errors)

    def comparison(self) -> dict[str, int] | None:
        return None


def _finding_order(finding: FindingReport) -> tuple[float, str, str]:
    return (-finding.similarity, finding.page_url or "", finding.image_url)
