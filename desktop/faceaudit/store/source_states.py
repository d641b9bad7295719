"""Each Source's honest state from the last scan that reached it, in the store's own terms.

The Sources screen (and anyone else) asks "what happened to this source?": not scanned yet,
read but no image on it, images but no face, faces but none of them the person, the person
appears, failed (why, in words) or skipped on purpose (robots.txt, a size limit, not an
image). The answer comes from the last scan that finished the source (a retry of one source
is such a scan too), never from a scan that did not reach it.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass

from faceaudit.store.records import SourceRow

NOT_SCANNED = "not_scanned"
FETCHED = "fetched"  # read, but it held no image
NO_FACE = "no_face"
NOT_YOU = "faces_not_you"
YOU_APPEAR = "you_appear"
FAILED = "failed"
SKIPPED = "skipped"
STATES = (NOT_SCANNED, FETCHED, NO_FACE, NOT_YOU, YOU_APPEAR, FAILED, SKIPPED)

_NO_FRAME = -1.0  # as the images table stores "not a video frame"


@dataclass(frozen=True)
class SourceState:
    source_id: int
    state: str  # one of STATES
    scan_id: int | None = None  # the scan this state comes from
    checked_at: str | None = None  # when that scan finished the source (UTC, ISO 8601)
    pages: int = 0
    images: int = 0
    faces: int = 0
    findings: int = 0  # the person's face (possible or strong match, not rejected)
    problems: int = 0  # addresses of the source that failed or were skipped
    reason: str | None = None  # for failed / skipped: what happened, what to do


def load_source_states(conn: sqlite3.Connection, rows: Sequence[SourceRow]) -> list[SourceState]:
    """The state of each of ``rows``, in their order (one read, no decryption needed)."""
    latest: dict[str, tuple[int, str, str | None, dict[str, object], str]] = {}
    for scan_id, source, status, error, stats, done_at in conn.execute(
        "SELECT scan_id, source, status, error, stats, done_at FROM scan_sources ORDER BY scan_id"
    ):
        latest[source] = (int(scan_id), status, error, json.loads(stats), done_at)
    return [_state(conn, row, latest.get(row.url_or_path)) for row in rows]


def _count(value: object) -> int:
    return int(value) if isinstance(value, int | float) else 0


def _state(
    conn: sqlite3.Connection,
    row: SourceRow,
    last: tuple[int, str, str | None, dict[str, object], str] | None,
) -> SourceState:
    if last is None:
        return SourceState(row.id, NOT_SCANNED)
    scan_id, status, error, stats, done_at = last
    common = {
        "scan_id": scan_id,
        "checked_at": done_at,
        "pages": _count(stats.get("pages")),
        "problems": _count(stats.get("errors")),
    }
    if status == "error":
        state = SKIPPED if stats.get("failure_kind") == SKIPPED else FAILED
        return SourceState(row.id, state, reason=error, **common)  # type: ignore[arg-type]
    images, faces = _images_and_faces(conn, scan_id, row.url_or_path)
    findings = _findings(conn, scan_id, row.url_or_path)
    if findings:
        state = YOU_APPEAR
    elif faces:
        state = NOT_YOU
    elif images:
        state = NO_FACE
    else:
        state = FETCHED
    return SourceState(
        row.id,
        state,
        images=images,
        faces=faces,
        findings=findings,
        **common,  # type: ignore[arg-type]
    )


def _images_and_faces(conn: sqlite3.Connection, scan_id: int, source: str) -> tuple[int, int]:
    """Distinct images (a video frame is one) the scan analysed for this source, and faces."""
    keys = {
        sha if frame == _NO_FRAME else f"{sha}@{frame:.3f}"
        for sha, frame in conn.execute(
            "SELECT sha256, frame_time FROM images WHERE scan_id = ? AND source = ?",
            (scan_id, source),
        )
    }
    if not keys:
        return 0, 0
    faces = dict(
        conn.execute(
            "SELECT image_key, face_count FROM processed_images WHERE scan_id = ?", (scan_id,)
        ).fetchall()
    )
    return len(keys), sum(int(faces.get(key, 0)) for key in keys)


def _findings(conn: sqlite3.Connection, scan_id: int, source: str) -> int:
    row = conn.execute(
        "SELECT count(DISTINCT s.finding_id) FROM finding_sightings s"
        " JOIN images i ON i.scan_id = s.scan_id AND i.image_url = s.image_url"
        " AND i.page_url = s.page_url"
        " JOIN findings f ON f.id = s.finding_id"
        " WHERE s.scan_id = ? AND i.source = ? AND f.review != 'rejected'"
        " AND f.verdict IN ('match', 'possible')",
        (scan_id, source),
    ).fetchone()
    return int(row[0]) if row else 0
