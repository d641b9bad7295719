"""The scan sink that writes into a Case: durable, resumable, compared with the previous scan."""

from __future__ import annotations

from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, Any

from faceaudit.collect.types import Provenance, SourceError
from faceaudit.faces.types import Face, FaceMatch
from faceaudit.scan.sinks import FindingReport
from faceaudit.store import TamperedDataError, finding_key

if TYPE_CHECKING:
    from faceaudit.store import Case


class CaseSink:
    """Writes a scan into a Case; every call is one durable transaction of the store.

    ``cache_namespace`` goes into the embedding-cache key so faces computed by another model
    pack are never mistaken for this one's.
    """

    def __init__(self, case: Case, cache_namespace: str) -> None:
        self.case = case
        self.cache_namespace = cache_namespace
        self.scan_id: int | None = None
        self.previous_scan_id: int | None = None
        self.resumed = False
        self._errors: list[SourceError] = []
        self._known: set[str] = set()  # finding keys already in the case
        self._damaged_cache_entries = 0
        self._earlier_stats: dict[str, Any] = {}  # what the interrupted part of a scan counted
        self.stats: dict[str, Any] = {}  # the whole scan's counters, once finished

    @property
    def _scan(self) -> int:
        if self.scan_id is None:
            raise RuntimeError("CaseSink.begin() was not called")
        return self.scan_id

    def begin(self, sources: list[str], settings: dict[str, Any], resume: bool) -> set[str]:
        resumable = self.case.resumable_scan() if resume else None
        if resumable is not None:
            self.scan_id = resumable
            self.resumed = True
            self.case.resume_scan(resumable)
        else:
            self.scan_id = self.case.start_scan({**settings, "sources": sources})
        self.previous_scan_id = self._previous_finished_scan(self.scan_id)
        self._known = {
            finding_key(row.image_sha256, row.frame_time, row.bbox) for row in self.case.findings()
        }
        if not self.resumed:
            return set()
        self._earlier_stats = self.case.scan(self.scan_id).stats
        for row in self.case.scan_sources(self.scan_id):
            if row.status == "error" and row.error:
                self._errors.append(SourceError(url=row.source, error=row.error, source=row.source))
        return self.case.sources_done(self.scan_id)

    def batch(self) -> AbstractContextManager[None]:
        return self.case.batch()

    def _previous_finished_scan(self, scan_id: int) -> int | None:
        earlier = [row.id for row in self.case.scans() if row.id < scan_id and row.status == "done"]
        return max(earlier) if earlier else None

    def _cache_key(self, key: str) -> str:
        return f"{self.cache_namespace}:{key}"

    def record_image(self, key: str, provenance: Provenance) -> None:
        self.case.record_image(self._scan, provenance)

    def has_finding(self, provenance: Provenance, match: FaceMatch) -> bool:
        key = finding_key(provenance.sha256, provenance.frame_time, match.face.bbox)
        return key in self._known

    def cached_faces(self, key: str) -> list[Face] | None:
        """Cached faces, or None; a damaged entry is skipped (and rebuilt when the image's
        fresh faces are stored over it): one bad row must not stop every later scan."""
        try:
            return self.case.cached_faces(self._cache_key(key))
        except TamperedDataError:
            self._damaged_cache_entries += 1
            if self._damaged_cache_entries == 1:
                self._errors.append(
                    SourceError(
                        url="face cache",
                        error="A damaged entry of this case's face cache was skipped: the "
                        "image was analysed again and its entry rebuilt. Nothing else is "
                        "affected; if this keeps happening, check the disk.",
                    )
                )
            return None

    def store_faces(self, key: str, faces: list[Face]) -> None:
        self.case.store_faces(self._cache_key(key), faces)

    def add_finding(
        self,
        key: str,
        provenance: Provenance,
        match: FaceMatch,
        thumbnail_jpeg: bytes,
        evidence: bytes | None,
    ) -> None:
        self.case.add_finding(
            self._scan, provenance.sha256, provenance, match, thumbnail_jpeg, evidence
        )
        self._known.add(finding_key(provenance.sha256, provenance.frame_time, match.face.bbox))

    def mark_image_processed(self, key: str, face_count: int) -> None:
        self.case.mark_image_processed(self._scan, key, face_count)

    def source_done(self, source: str, error: str | None, stats: dict[str, Any]) -> None:
        counts = dict(stats)
        self.case.record_checked(self._scan, counts.pop("checked", ()))
        self.case.source_done(self._scan, source, "ok" if error is None else "error", error, counts)

    def image_error(self, error: SourceError) -> None:
        self._errors.append(error)

    def finish(self, stats: dict[str, Any], status: str) -> None:
        self.stats = dict(stats)
        if self.resumed:
            # Images the interrupted part analysed may have been seen again after the resume:
            # count what the scan as a whole analysed, each image once.
            self.stats = whole_scan_stats(self._earlier_stats, stats)
            self.stats["images"], self.stats["faces"] = self.case.processed_totals(self._scan)
        self.case.finish_scan(self._scan, self.stats, status)

    def findings(self) -> list[FindingReport]:
        """One report per place each finding was seen in this scan (a finding is one face in
        one image, or one video clip with its frame times; the same image on two pages is one
        finding seen twice). A finding the person rejected ("not me") is never reported."""
        new_ids = set(self._compare().get("new", []))
        reports = []
        for row in self.case.findings(
            scan_id=self._scan,
            verdicts=("match", "possible"),
            reviews=("unreviewed", "confirmed"),
        ):
            places = [s for s in self.case.finding_sightings(row.id) if s.scan_id == self._scan]
            times = tuple(self.case.finding_frames(row.id, self._scan))
            for place in places:
                reports.append(
                    FindingReport(
                        page_url=place.page_url,
                        image_url=place.image_url,
                        found_by=place.found_by,
                        similarity=place.similarity,
                        verdict=row.verdict,
                        bbox=row.bbox,
                        frame_time=times[0] if times else row.frame_time,
                        source=row.source,
                        finding_id=row.id,
                        new=row.id in new_ids,
                        frame_times=times,
                    )
                )
        return sorted(reports, key=lambda r: (-r.similarity, r.page_url or "", r.image_url))

    def errors(self) -> list[SourceError]:
        return list(self._errors)

    def _compare(self) -> dict[str, list[int]]:
        return self.case.scan_changes(self._scan)

    def comparison(self) -> dict[str, int]:
        return {name: len(ids) for name, ids in self._compare().items()}


# Counters that describe the scan as a whole already (the resumed part knows every source).
_WHOLE_ALREADY = frozenset({"sources", "sources_done"})


def whole_scan_stats(earlier: dict[str, Any], resumed: dict[str, Any]) -> dict[str, Any]:
    """The counters of a resumed scan added to those of its interrupted part."""
    merged = dict(resumed)
    for key, value in earlier.items():
        if key in _WHOLE_ALREADY or not isinstance(value, int | float):
            continue
        if isinstance(merged.get(key, 0), int | float):
            merged[key] = merged.get(key, 0) + value
    if isinstance(merged.get("seconds"), float):
        merged["seconds"] = round(merged["seconds"], 3)
    return merged
