"""An open Case: one person's file of references, sources, scans, findings and letters.

All access goes through one SQLite connection guarded by a lock, so the scan's worker
thread and the GUI thread can share a Case. Every change is one transaction: it lands
whole or not at all (a full disk, a crash or kill -9 mid-write leaves the last commit).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import sqlite3
import threading
import uuid
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from faceaudit.collect.types import Provenance
from faceaudit.faces.consistency import check_same_person
from faceaudit.faces.thresholds import DEFAULT_THRESHOLDS
from faceaudit.faces.types import Face, FaceMatch, Reference
from faceaudit.filelock import Busy, exclusive
from faceaudit.store import audit, captures, codec, lifecycle
from faceaudit.store.audit import AuditEntry, AuditVerification
from faceaudit.store.captures import CaptureRow
from faceaudit.store.crypto import Sealer
from faceaudit.store.db import savepoint, transaction, translate
from faceaudit.store.errors import (
    CaseBusyError,
    StoreError,
    TamperedDataError,
    UnknownRowError,
)
from faceaudit.store.evidence import reduce_image
from faceaudit.store.history import FindingHistory, load_histories, scan_changes
from faceaudit.store.lifecycle import Lifecycle
from faceaudit.store.records import (
    EVIDENCE_POLICIES,
    REVIEW_STATES,
    SCAN_END_STATES,
    EvidenceInfo,
    FindingRow,
    Person,
    ReferenceRow,
    ScanRow,
    ScanSourceRow,
    Sighting,
    SourceRow,
    SourceSettings,
)
from faceaudit.store.source_states import SourceState, load_source_states
from faceaudit.store.sources import normalise_source
from faceaudit.timestamps import utc_now

DEFAULT_MODEL_PACK = "buffalo_sc"
SCAN_LOCK_FILE = "scan.lock"
_NO_FRAME = -1.0  # frame_time stored for still images (NULL would defeat UNIQUE)
# Larger evidence (a whole video) is not kept: one AES-GCM call takes under 2 GiB, and a
# case is no place for it. The SHA-256 and URLs still record what was online.
MAX_EVIDENCE_BYTES = 256 * 1024 * 1024


def finding_key(image_sha256: str, frame_time: float | None, bbox: Sequence[float]) -> str:
    """The identity of a finding: the same face box in the same image, or the same video.

    Box corners are rounded to whole pixels so a re-analysis of the same bytes, which gives
    the same box up to float noise, maps to the same finding. A video is one finding per
    clip, whatever the frame and the box: the person reviews and cites the clip once, with
    the times of the frames where the face was seen (``Case.finding_frames``).
    """
    if frame_time is not None:
        return f"{image_sha256}|clip"
    corners = ",".join(str(round(float(v))) for v in bbox)
    return f"{image_sha256}||{corners}"


def _json(value: Any) -> str:
    return json.dumps(value, sort_keys=True, default=str)


class Case:
    """An open case. Build one with :meth:`faceaudit.store.CaseStore.open` or ``create``."""

    def __init__(
        self,
        name: str,
        directory: Path,
        db_path: Path,
        conn: sqlite3.Connection,
        sealer: Sealer,
        caseworker: str = "",
    ) -> None:
        self.name = name
        self.caseworker = caseworker or "unknown"  # who the audit log names for this session
        # The chain as checked when the case was opened (None until CaseStore checks it).
        self.audit_status: AuditVerification | None = None
        self.directory = directory
        self.db_path = db_path
        self._conn: sqlite3.Connection | None = conn
        self._sealer = sealer
        self._lock = threading.RLock()
        self._depth = 0  # > 0 while a transaction is open (batch() or connection())
        # Which passphrase opened it: "case" (its own), "clinic", or None (created, or a key
        # from the unlock agent).
        self.unlocked_with: str | None = None

    # -- lifecycle ---------------------------------------------------------------------

    @property
    def case_id(self) -> str:
        return self._sealer.case_id

    @property
    def closed(self) -> bool:
        return self._conn is None

    def close(self) -> None:
        with self._lock:
            if self._conn is None:
                return
            with contextlib.suppress(sqlite3.Error):
                # Fold the WAL back into the database so the folder is two files at rest.
                self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            self._conn.close()
            self._conn = None

    def __enter__(self) -> Case:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def _live(self) -> sqlite3.Connection:
        if self._conn is None:
            raise StoreError(
                f"The case {self.name} was closed (or deleted).", "Open the case again."
            )
        return self._conn

    @contextlib.contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            conn = self._live()
            if self._depth:  # inside batch(): a savepoint of the open transaction
                with savepoint(conn, self.db_path):
                    yield conn
                return
            with transaction(conn, self.db_path):
                self._depth += 1
                try:
                    yield conn
                finally:
                    self._depth -= 1

    @contextlib.contextmanager
    def _read(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            try:
                yield self._live()
            except sqlite3.Error as error:
                raise translate(error, self.db_path) from error

    @contextlib.contextmanager
    def batch(self) -> Iterator[None]:
        """Group several calls into one transaction (one disk flush instead of one per call).

        Everything inside commits together or not at all; a call that fails inside is undone
        alone if its error is caught inside the block. Other threads wait meanwhile, so keep
        a batch short (e.g. one image: its faces, findings and processed mark).
        """
        with self._write():
            yield

    @contextlib.contextmanager
    def connection(self) -> Iterator[sqlite3.Connection]:
        """The raw connection inside one write transaction (committed on success, else rolled back).

        For the letters' and requests' tables; foreign keys are on.
        """
        with self._write() as conn:
            yield conn

    def seal(self, data: bytes, table: str, column: str, row_key: str) -> bytes:
        """Seal a value under the case key, bound to one cell (for tables that other packages
        keep in the case, e.g. the operators' replies to requests)."""
        return self._sealer.seal(data, table, column, row_key)

    def unseal(self, blob: bytes, table: str, column: str, row_key: str) -> bytes:
        """Open a value sealed with :meth:`seal` (TamperedDataError if it was altered or moved)."""
        return self._sealer.open(bytes(blob), table, column, row_key)

    def _seal(self, data: bytes, table: str, column: str, row_key: str) -> bytes:
        return self._sealer.seal(data, table, column, row_key)

    # -- audit log (faceaudit.store.audit) -------------------------------------------------

    def record_action(self, action: str, **details: Any) -> AuditEntry:
        """Append an entry to the case's audit log, naming this session's caseworker.

        ``action``: one of the constants of :mod:`faceaudit.store.audit` (or another
        lower_case word); ``details``: a few facts without personal data (ids, counts,
        formats, statuses). Inside ``batch()`` / ``connection()`` it commits with the rest.
        """
        with self._write() as conn:
            return audit.append(
                conn, self.case_id, self._sealer.audit_mac, self.caseworker, action, details
            )

    # -- lifecycle (faceaudit.store.lifecycle): plain meta rows, changes in the audit log ----

    @property
    def lifecycle(self) -> Lifecycle:
        """When the case was opened and closed, its outcome and its own retention period."""
        with self._read() as conn:
            return lifecycle.read(conn)

    def mark_closed(self, outcome: str, retention_days: int | None = None) -> Lifecycle:
        """Close the case as done or abandoned (LifecycleError if it is closed already);
        ``retention_days`` overrides the clinic's default for this case."""
        with self._write() as conn:
            return lifecycle.close(conn, outcome, retention_days, self.record_action)

    def reopen(self) -> Lifecycle:
        with self._write() as conn:
            return lifecycle.reopen(conn, self.record_action)

    def set_retention(self, days: int | None) -> Lifecycle:
        """The case's own retention period in days, or None for the clinic's default."""
        with self._write() as conn:
            return lifecycle.set_retention(conn, days, self.record_action)

    def audit_log(self) -> list[AuditEntry]:
        """Every entry of the audit log, oldest first."""
        with self._read() as conn:
            return audit.entries(conn)

    def verify_audit(self) -> AuditVerification:
        """Check the audit log's chain now: intact, or the first entry that breaks it."""
        with self._read() as conn:
            return audit.verify(conn, self.case_id, self._sealer.audit_mac)

    def _unseal(self, blob: bytes, table: str, column: str, row_key: str) -> bytes:
        return self._sealer.open(bytes(blob), table, column, row_key)

    # -- settings ----------------------------------------------------------------------

    def _meta(self, key: str) -> str | None:
        with self._read() as conn:
            row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    @property
    def created_at(self) -> str:
        return self._meta("created_at") or ""

    @property
    def evidence_policy(self) -> str:
        """full (image bytes as fetched), reduced (a smaller JPEG) or none."""
        return self._meta("evidence_policy") or "full"

    @contextlib.contextmanager
    def exclusive_scan(self) -> Iterator[None]:
        """Only one scan of a case at a time, across processes: two would interleave their
        progress records (and both claim --resume)."""
        try:
            with exclusive(self.directory / SCAN_LOCK_FILE):
                yield
        except Busy:
            raise CaseBusyError(
                "A scan of this case is already running (in another window or terminal).",
                "Wait for it to finish or stop it, then scan again (--resume continues it).",
            ) from None

    @property
    def model_pack(self) -> str | None:
        """The face model pack the references were embedded with (None before enrolment).

        Embeddings of different packs are not comparable, so the scan re-embeds the stored
        reference photos when it runs with another pack. Cases enrolled before this was
        recorded had only the default pack.
        """
        recorded = self._meta("model_pack")
        if recorded is None and self.reference_rows():
            return DEFAULT_MODEL_PACK
        return recorded

    def set_model_pack(self, pack: str) -> None:
        with self._write() as conn:
            conn.execute(
                "INSERT OR REPLACE INTO meta (key, value) VALUES ('model_pack', ?)", (pack,)
            )

    def set_evidence_policy(self, policy: str) -> None:
        if policy not in EVIDENCE_POLICIES:
            raise ValueError(f"evidence policy must be one of {EVIDENCE_POLICIES}")
        with self._write() as conn:
            conn.execute(
                "INSERT OR REPLACE INTO meta (key, value) VALUES ('evidence_policy', ?)", (policy,)
            )
            self.record_action(audit.SETTINGS_CHANGED, evidence_policy=policy)

    # -- person ------------------------------------------------------------------------

    @property
    def person(self) -> Person:
        with self._read() as conn:
            row = conn.execute("SELECT details_blob FROM person WHERE id = 1").fetchone()
        if row is None:
            return Person()
        return Person.from_json(self._unseal(row[0], "person", "details_blob", "1"))

    def set_person(self, person: Person) -> None:
        blob = self._seal(person.to_json(), "person", "details_blob", "1")
        before = self.person.__dict__
        # Which details changed, never their values (the log holds no personal data).
        changed = sorted(k for k, v in person.__dict__.items() if before.get(k) != v)
        with self._write() as conn:
            conn.execute(
                "INSERT OR REPLACE INTO person (id, details_blob, updated_at) VALUES (1, ?, ?)",
                (blob, utc_now()),
            )
            if changed:
                self.record_action(audit.PERSON_UPDATED, fields=changed)

    def update_person(self, **changes: str | None) -> Person:
        """Change some details: full_name, email, postal_address, country, language."""
        current = self.person.__dict__ | changes
        updated = Person(**current)
        self.set_person(updated)
        return updated

    # -- references --------------------------------------------------------------------

    def add_reference(
        self,
        label: str,
        photo_bytes: bytes,
        reference: Reference,
        *,
        force: bool = False,
        match_threshold: float = DEFAULT_THRESHOLDS.match,
    ) -> int:
        """Store an enrolled photo and its face; the same photo twice returns the first id.

        A face below ``match_threshold`` against every reference already enrolled is refused
        with :class:`~faceaudit.faces.consistency.DifferentPersonError` (it may be a stranger,
        whose photos would then match) unless ``force``.
        """
        photo_sha256 = hashlib.sha256(photo_bytes).hexdigest()
        existing = self.reference_id_for(photo_sha256)
        if existing is not None:
            return existing
        if not force:
            check_same_person(reference, self.references(), match_threshold)
        uid = uuid.uuid4().hex
        photo_blob = self._seal(photo_bytes, "reference_photos", "photo_blob", uid)
        face_blob = self._seal(
            codec.pack_faces([reference.face], extra=reference.embedding),
            "reference_photos",
            "face_blob",
            uid,
        )
        with self._write() as conn:
            cursor = conn.execute(
                "INSERT INTO reference_photos (uid, label, photo_sha256, added_at, photo_blob,"
                " face_blob) VALUES (?, ?, ?, ?, ?, ?)",
                (uid, label, photo_sha256, utc_now(), photo_blob, face_blob),
            )
            reference_id = int(cursor.lastrowid or 0)
            self.record_action(audit.REFERENCE_ADDED, reference_id=reference_id, forced=force)
            return reference_id

    def reference_id_for(self, photo_sha256: str) -> int | None:
        with self._read() as conn:
            row = conn.execute(
                "SELECT id FROM reference_photos WHERE photo_sha256 = ?", (photo_sha256,)
            ).fetchone()
        return None if row is None else int(row[0])

    def reference_rows(self) -> list[ReferenceRow]:
        with self._read() as conn:
            rows = conn.execute(
                "SELECT id, label, photo_sha256, added_at FROM reference_photos ORDER BY id"
            ).fetchall()
        return [ReferenceRow(int(r[0]), r[1], r[2], r[3]) for r in rows]

    def references(self) -> list[Reference]:
        """The person's enrolled references (embeddings decrypted), in enrolment order."""
        with self._read() as conn:
            rows = conn.execute(
                "SELECT uid, label, photo_sha256, face_blob FROM reference_photos ORDER BY id"
            ).fetchall()
        references = []
        for uid, label, photo_sha256, face_blob in rows:
            faces, embedding = self._unpack_faces(
                self._unseal(face_blob, "reference_photos", "face_blob", uid), "reference_photos"
            )
            references.append(
                Reference(
                    embedding=embedding if embedding is not None else faces[0].embedding,
                    photo_sha256=photo_sha256,
                    label=label,
                    face=faces[0],
                )
            )
        return references

    def reference_photo(self, reference_id: int) -> bytes:
        with self._read() as conn:
            row = conn.execute(
                "SELECT uid, photo_blob FROM reference_photos WHERE id = ?", (reference_id,)
            ).fetchone()
        if row is None:
            raise _unknown("reference", reference_id)
        return self._unseal(row[1], "reference_photos", "photo_blob", row[0])

    def remove_reference(self, reference_id: int) -> None:
        with self._write() as conn:
            cursor = conn.execute("DELETE FROM reference_photos WHERE id = ?", (reference_id,))
            if cursor.rowcount == 0:
                raise _unknown("reference", reference_id)
            self.record_action(audit.REFERENCE_REMOVED, reference_id=reference_id)

    def _unpack_faces(self, data: bytes, table: str) -> tuple[list[Face], np.ndarray | None]:
        try:
            return codec.unpack_faces(data)
        except ValueError:  # unpack_faces reports every malformation as ValueError
            raise TamperedDataError(
                f"A decrypted value in {table} is malformed.",
                "Restore the case folder from a backup, or remove the item and add it again.",
            ) from None

    # -- sources -----------------------------------------------------------------------

    def add_sources(
        self,
        entries: Iterable[str],
        options: dict[str, Any] | None = None,
        settings: SourceSettings | None = None,
    ) -> int:
        """Add URLs or local paths (validated first, all or none); returns how many were new.

        ``settings`` (depth, max pages...) are saved with each new source; scans use them.
        """
        normalised = [normalise_source(entry) for entry in entries]
        stored = {**(options or {}), **(settings.to_options() if settings else {})}
        added = 0
        now = utc_now()
        with self._write() as conn:
            for entry in dict.fromkeys(normalised):
                cursor = conn.execute(
                    "INSERT OR IGNORE INTO sources (url, added_at, options) VALUES (?, ?, ?)",
                    (entry, now, _json(stored)),
                )
                added += cursor.rowcount
            if added:
                self.record_action(audit.SOURCE_ADDED, count=added)
        return added

    def set_source_settings(self, source_id: int, settings: SourceSettings) -> None:
        """Save how a source is collected (a scan does it with the settings it used)."""
        with self._write() as conn:
            row = conn.execute("SELECT options FROM sources WHERE id = ?", (source_id,)).fetchone()
            if row is None:
                raise _unknown("source", source_id)
            options = {**json.loads(row[0]), **settings.to_options()}
            conn.execute("UPDATE sources SET options = ? WHERE id = ?", (_json(options), source_id))

    def sources(self) -> list[SourceRow]:
        with self._read() as conn:
            rows = conn.execute(
                "SELECT id, url, added_at, options FROM sources ORDER BY id"
            ).fetchall()
        return [SourceRow(int(r[0]), r[1], r[2], json.loads(r[3])) for r in rows]

    def source_states(self) -> list[SourceState]:
        """Each source's state from the last scan that finished it (see store.source_states)."""
        rows = self.sources()
        with self._read() as conn:
            return load_source_states(conn, rows)

    def remove_source(self, source_id: int) -> None:
        with self._write() as conn:
            if conn.execute("DELETE FROM sources WHERE id = ?", (source_id,)).rowcount == 0:
                raise _unknown("source", source_id)
            self.record_action(audit.SOURCE_REMOVED, source_id=source_id)

    # -- page captures from the in-app browser (faceaudit.store.captures) -----------------

    def add_capture(
        self,
        page_url: str,
        title: str,
        pdf: bytes,
        png: bytes,
        *,
        taken_at: str | None = None,
        scan_id: int | None = None,
    ) -> CaptureRow:
        """Keep the page as the person saw it (PDF and full-page PNG, sealed, with the SHA-256
        of each as captured); CaptureError if they are not a PDF and a PNG."""
        with self._write() as conn:
            row = captures.add(
                conn,
                self._seal,
                page_url=page_url,
                title=title,
                pdf=pdf,
                png=png,
                taken_at=taken_at or utc_now(),
                scan_id=scan_id,
            )
            self.record_action(audit.CAPTURE_ADDED, capture_id=row.id)
            return row

    def captures(self) -> list[CaptureRow]:
        with self._read() as conn:
            return captures.rows(conn)

    def capture(self, capture_id: int) -> CaptureRow:
        with self._read() as conn:
            row = captures.row(conn, capture_id)
        if row is None:
            raise _unknown("capture", capture_id)
        return row

    def capture_title(self, capture_id: int) -> str:
        with self._read() as conn:
            title = captures.title(conn, self._unseal, capture_id)
        if title is None:
            raise _unknown("capture", capture_id)
        return title

    def capture_bytes(self, capture_id: int, kind: str) -> bytes:
        """The capture's "pdf" or "png" file as captured (its SHA-256 checked again)."""
        with self._read() as conn:
            data = captures.read(conn, self._unseal, capture_id, kind)
        if data is None:
            raise _unknown("capture", capture_id)
        return data

    def link_capture_scan(self, capture_id: int, scan_id: int) -> None:
        """Record which scan examined the images of the captured page."""
        with self._write() as conn:
            if not captures.link_scan(conn, capture_id, scan_id):
                raise _unknown("capture", capture_id)

    # -- scans -------------------------------------------------------------------------

    def start_scan(self, settings: dict[str, Any]) -> int:
        with self._write() as conn:
            cursor = conn.execute(
                "INSERT INTO scans (started_at, status, settings) VALUES (?, 'running', ?)",
                (utc_now(), _json(settings)),
            )
            scan_id = int(cursor.lastrowid or 0)
            self.record_action(audit.SCAN_STARTED, scan_id=scan_id)
            return scan_id

    def resumable_scan(self) -> int | None:
        """The most recent scan if it did not finish (killed, cancelled or failed), else None."""
        with self._read() as conn:
            row = conn.execute("SELECT id, status FROM scans ORDER BY id DESC LIMIT 1").fetchone()
        if row is None or row[1] == "done":
            return None
        return int(row[0])

    def resume_scan(self, scan_id: int) -> None:
        """Mark an unfinished scan as running again (for ``scan --resume``)."""
        with self._write() as conn:
            cursor = conn.execute(
                "UPDATE scans SET status = 'running', finished_at = NULL WHERE id = ?", (scan_id,)
            )
            if cursor.rowcount == 0:
                raise _unknown("scan", scan_id)
            self.record_action(audit.SCAN_RESUMED, scan_id=scan_id)

    def update_scan_stats(self, scan_id: int, stats: dict[str, Any]) -> None:
        """Save the scan's running counters (replacing the previous ones)."""
        with self._write() as conn:
            if (
                conn.execute(
                    "UPDATE scans SET stats = ? WHERE id = ?", (_json(stats), scan_id)
                ).rowcount
                == 0
            ):
                raise _unknown("scan", scan_id)

    def finish_scan(self, scan_id: int, stats: dict[str, Any], status: str = "done") -> None:
        if status not in SCAN_END_STATES:
            raise ValueError(f"a scan ends as one of {SCAN_END_STATES}, not {status!r}")
        with self._write() as conn:
            cursor = conn.execute(
                "UPDATE scans SET status = ?, finished_at = ?, stats = ? WHERE id = ?",
                (status, utc_now(), _json(stats), scan_id),
            )
            if cursor.rowcount == 0:
                raise _unknown("scan", scan_id)
            counts = _counts(stats)
            self.record_action(audit.SCAN_FINISHED, scan_id=scan_id, status=status, **counts)

    def scans(self) -> list[ScanRow]:
        with self._read() as conn:
            rows = conn.execute(
                "SELECT id, started_at, finished_at, status, settings, stats FROM scans ORDER BY id"
            ).fetchall()
        return [
            ScanRow(int(r[0]), r[1], r[2], r[3], json.loads(r[4]), json.loads(r[5])) for r in rows
        ]

    def scan(self, scan_id: int) -> ScanRow:
        for row in self.scans():
            if row.id == scan_id:
                return row
        raise _unknown("scan", scan_id)

    def latest_scan_id(self) -> int | None:
        with self._read() as conn:
            row = conn.execute("SELECT max(id) FROM scans").fetchone()
        return None if row is None or row[0] is None else int(row[0])

    def source_done(
        self,
        scan_id: int,
        source: str,
        status: str,
        error: str | None = None,
        stats: dict[str, Any] | None = None,
    ) -> None:
        """Record that one source of a scan was fully collected (ok) or gave up (error)."""
        if status not in ("ok", "error"):
            raise ValueError("a source ends as 'ok' or 'error'")
        with self._write() as conn:
            conn.execute(
                "INSERT OR REPLACE INTO scan_sources (scan_id, source, status, error, stats,"
                " done_at) VALUES (?, ?, ?, ?, ?, ?)",
                (scan_id, source, status, error, _json(stats or {}), utc_now()),
            )

    def sources_done(self, scan_id: int) -> set[str]:
        with self._read() as conn:
            rows = conn.execute(
                "SELECT source FROM scan_sources WHERE scan_id = ?", (scan_id,)
            ).fetchall()
        return {r[0] for r in rows}

    def scan_sources(self, scan_id: int) -> list[ScanSourceRow]:
        with self._read() as conn:
            rows = conn.execute(
                "SELECT scan_id, source, status, error, stats, done_at FROM scan_sources"
                " WHERE scan_id = ? ORDER BY done_at, source",
                (scan_id,),
            ).fetchall()
        return [ScanSourceRow(int(r[0]), r[1], r[2], r[3], json.loads(r[4]), r[5]) for r in rows]

    # -- images seen -------------------------------------------------------------------

    def record_image(self, scan_id: int, provenance: Provenance) -> int:
        """Remember an image seen in a scan with its provenance; idempotent, returns its row id."""
        key = (
            scan_id,
            provenance.sha256,
            provenance.image_url,
            provenance.page_url or "",
            _NO_FRAME if provenance.frame_time is None else float(provenance.frame_time),
        )
        with self._write() as conn:
            conn.execute(
                "INSERT OR IGNORE INTO images (scan_id, sha256, image_url, page_url, frame_time,"
                " source, found_by, http_status, final_url, fetched_at, byte_size, content_type)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    *key,
                    provenance.source,
                    provenance.found_by,
                    provenance.http_status,
                    provenance.final_url,
                    provenance.fetched_at,
                    provenance.byte_size,
                    provenance.content_type,
                ),
            )
            row = conn.execute(
                "SELECT id FROM images WHERE scan_id = ? AND sha256 = ? AND image_url = ?"
                " AND page_url = ? AND frame_time = ?",
                key,
            ).fetchone()
        return int(row[0])

    def images(self, scan_id: int) -> list[Provenance]:
        """The provenance of every image seen in a scan, in the order first seen."""
        with self._read() as conn:
            rows = conn.execute(
                "SELECT source, page_url, image_url, found_by, http_status, final_url, fetched_at,"
                " byte_size, sha256, frame_time, content_type FROM images WHERE scan_id = ?"
                " ORDER BY id",
                (scan_id,),
            ).fetchall()
        return [
            Provenance(
                source=r[0],
                page_url=r[1] or None,
                image_url=r[2],
                found_by=r[3],
                http_status=r[4],
                final_url=r[5],
                fetched_at=r[6],
                byte_size=int(r[7]),
                sha256=r[8],
                frame_time=None if r[9] == _NO_FRAME else float(r[9]),
                content_type=r[10],
            )
            for r in rows
        ]

    def image_processed(self, scan_id: int, image_key: str) -> bool:
        """Whether the scan finished this image (key: its sha256, or sha256 + frame time)."""
        with self._read() as conn:
            row = conn.execute(
                "SELECT 1 FROM processed_images WHERE scan_id = ? AND image_key = ?",
                (scan_id, image_key),
            ).fetchone()
        return row is not None

    def mark_image_processed(self, scan_id: int, image_key: str, face_count: int) -> None:
        with self._write() as conn:
            conn.execute(
                "INSERT OR REPLACE INTO processed_images (scan_id, image_key, face_count, done_at)"
                " VALUES (?, ?, ?, ?)",
                (scan_id, image_key, face_count, utc_now()),
            )

    def processed_count(self, scan_id: int) -> int:
        return self.processed_totals(scan_id)[0]

    def processed_totals(self, scan_id: int) -> tuple[int, int]:
        """(distinct images, faces in them) the scan analysed, over all its runs."""
        with self._read() as conn:
            row = conn.execute(
                "SELECT count(*), coalesce(sum(face_count), 0) FROM processed_images"
                " WHERE scan_id = ?",
                (scan_id,),
            ).fetchone()
        return int(row[0]), int(row[1])

    # -- face cache (embeddings are biometric: sealed) -----------------------------------

    def cached_faces(self, cache_key: str) -> list[Face] | None:
        """Faces found earlier in the image with this content hash, or None if never analysed."""
        with self._read() as conn:
            row = conn.execute(
                "SELECT faces_blob FROM face_cache WHERE cache_key = ?", (cache_key,)
            ).fetchone()
        if row is None:
            return None
        faces, _ = self._unpack_faces(
            self._unseal(row[0], "face_cache", "faces_blob", cache_key), "face_cache"
        )
        return faces

    def store_faces(self, cache_key: str, faces: Sequence[Face]) -> None:
        blob = self._seal(codec.pack_faces(faces), "face_cache", "faces_blob", cache_key)
        with self._write() as conn:
            conn.execute(
                "INSERT OR REPLACE INTO face_cache (cache_key, face_count, faces_blob, created_at)"
                " VALUES (?, ?, ?, ?)",
                (cache_key, len(faces), blob, utc_now()),
            )

    def clear_face_cache(self) -> int:
        with self._write() as conn:
            removed = int(conn.execute("DELETE FROM face_cache").rowcount)
            self.record_action(audit.FACE_CACHE_CLEARED, count=removed)
            return removed

    # -- findings ----------------------------------------------------------------------

    def add_finding(
        self,
        scan_id: int,
        image_sha256: str,
        provenance: Provenance,
        match: FaceMatch,
        thumbnail_jpeg: bytes,
        evidence_bytes: bytes | None = None,
    ) -> int:
        """Record a matching face; the same box in the same image is the same finding (idempotent).

        A finding seen again (in a later scan, or on another page) keeps its id, first-seen
        time, review and thumbnail; its last-seen time, similarity and verdict are updated
        and the new place is added to its sightings. ``evidence_bytes`` (the image as
        fetched) is kept once per image, as the case's evidence policy says.
        """
        key = finding_key(image_sha256, provenance.frame_time, match.face.bbox)
        evidence = self._prepare_evidence(image_sha256, evidence_bytes)
        seen_at = provenance.fetched_at or utc_now()
        page_url = provenance.page_url or ""
        with self._write() as conn:
            row = conn.execute(
                "SELECT id, similarity FROM findings WHERE finding_key = ?", (key,)
            ).fetchone()
            if row is None:
                finding_id = self._insert_finding(
                    conn, key, scan_id, image_sha256, provenance, match, thumbnail_jpeg, seen_at
                )
            else:
                finding_id = int(row[0])
                conn.execute(
                    "UPDATE findings SET last_scan_id = max(last_scan_id, ?), last_seen_at = ?"
                    " WHERE id = ?",
                    (scan_id, seen_at, finding_id),
                )
                # A clip keeps its best frame's score; a still image its latest analysis.
                if provenance.frame_time is None or match.similarity > float(row[1]):
                    conn.execute(
                        "UPDATE findings SET similarity = ?, verdict = ?, reference_index = ?"
                        " WHERE id = ?",
                        (
                            float(match.similarity),
                            str(match.verdict),
                            match.reference_index,
                            finding_id,
                        ),
                    )
            if provenance.frame_time is not None:
                conn.execute(
                    "INSERT INTO finding_frames (finding_id, scan_id, frame_time, similarity)"
                    " VALUES (?, ?, ?, ?) ON CONFLICT DO UPDATE SET"
                    " similarity = max(similarity, excluded.similarity)",
                    (finding_id, scan_id, float(provenance.frame_time), float(match.similarity)),
                )
            conn.execute(
                "INSERT INTO finding_sightings (finding_id, scan_id, page_url, image_url,"
                " found_by, fetched_at, similarity) VALUES (?, ?, ?, ?, ?, ?, ?)"
                # A clip is seen at one place in many frames: the place keeps the best one.
                " ON CONFLICT DO UPDATE SET similarity = max(similarity, excluded.similarity)",
                (
                    finding_id,
                    scan_id,
                    page_url,
                    provenance.image_url,
                    provenance.found_by,
                    provenance.fetched_at,
                    float(match.similarity),
                ),
            )
            if (
                evidence is not None
                and row is not None
                and not conn.execute(
                    "SELECT 1 FROM findings WHERE image_sha256 = ? AND review != 'rejected'",
                    (image_sha256,),
                ).fetchone()
            ):
                evidence = None  # every face of it is "not me": the copy was dropped for good
            if evidence is not None:
                conn.execute(
                    "INSERT OR IGNORE INTO evidence (image_sha256, original_size, stored_sha256,"
                    " reduced, stored_at, data_blob) VALUES (?, ?, ?, ?, ?, ?)",
                    evidence,
                )
        return finding_id

    def _insert_finding(
        self,
        conn: sqlite3.Connection,
        key: str,
        scan_id: int,
        image_sha256: str,
        provenance: Provenance,
        match: FaceMatch,
        thumbnail_jpeg: bytes,
        seen_at: str,
    ) -> int:
        face = match.face
        cursor = conn.execute(
            "INSERT INTO findings (finding_key, image_sha256, frame_time, bbox, det_score,"
            " similarity, verdict, reference_index, source, page_url, image_url, found_by,"
            " fetched_at, first_scan_id, last_scan_id, first_seen_at, last_seen_at, thumbnail_blob)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                key,
                image_sha256,
                provenance.frame_time,
                _json([float(v) for v in face.bbox]),
                float(face.det_score),
                float(match.similarity),
                str(match.verdict),
                match.reference_index,
                provenance.source,
                provenance.page_url,
                provenance.image_url,
                provenance.found_by,
                provenance.fetched_at,
                scan_id,
                scan_id,
                seen_at,
                seen_at,
                self._seal(thumbnail_jpeg, "findings", "thumbnail_blob", key),
            ),
        )
        return int(cursor.lastrowid or 0)

    def _prepare_evidence(
        self, image_sha256: str, data: bytes | None
    ) -> tuple[str, int, str, int, str, bytes] | None:
        policy = self.evidence_policy
        if data is None or policy == "none" or len(data) > MAX_EVIDENCE_BYTES:
            return None
        with self._read() as conn:
            if conn.execute(
                "SELECT 1 FROM evidence WHERE image_sha256 = ?", (image_sha256,)
            ).fetchone():
                return None
        stored = reduce_image(data) if policy == "reduced" else None
        reduced = stored is not None
        kept = stored if stored is not None else data
        blob = self._seal(kept, "evidence", "data_blob", image_sha256)
        return (
            image_sha256,
            len(data),
            hashlib.sha256(kept).hexdigest(),
            int(reduced),
            utc_now(),
            blob,
        )

    _FINDING_COLUMNS = (
        "f.id, f.page_url, f.image_url, f.found_by, f.similarity, f.verdict, f.bbox, f.frame_time,"
        " f.first_seen_at, f.last_seen_at, f.review, f.image_sha256, f.source, f.fetched_at,"
        " f.det_score, f.reference_index, f.first_scan_id, f.last_scan_id, f.reviewed_at,"
        " EXISTS (SELECT 1 FROM evidence e WHERE e.image_sha256 = f.image_sha256)"
    )

    def findings(
        self,
        new_only: bool = False,
        scan_id: int | None = None,
        verdicts: Iterable[str] | None = None,
        reviews: Iterable[str] | None = None,
    ) -> list[FindingRow]:
        """Findings, oldest first.

        ``scan_id`` keeps those seen in that scan; ``new_only`` those first seen in that
        scan (default: the most recent scan); ``verdicts`` / ``reviews`` filter by value.
        """
        latest = self.latest_scan_id()
        clauses: list[str] = []
        params: list[Any] = []
        if scan_id is not None:
            clauses.append(
                "EXISTS (SELECT 1 FROM finding_sightings s"
                " WHERE s.finding_id = f.id AND s.scan_id = ?)"
            )
            params.append(scan_id)
        if new_only:
            clauses.append("f.first_scan_id = ?")
            params.append(scan_id if scan_id is not None else latest)
        for column, values in (("verdict", verdicts), ("review", reviews)):
            if values is not None:
                chosen = [str(v) for v in values]
                clauses.append(f"f.{column} IN ({','.join('?' * len(chosen)) or 'NULL'})")
                params.extend(chosen)
        where = f" WHERE {' AND '.join(clauses)}" if clauses else ""
        with self._read() as conn:
            rows = conn.execute(
                f"SELECT {self._FINDING_COLUMNS} FROM findings f{where} ORDER BY f.id",  # noqa: S608 (fixed SQL, values bound)
                params,
            ).fetchall()
        return [self._finding_row(r, latest) for r in rows]

    def finding(self, finding_id: int) -> FindingRow:
        with self._read() as conn:
            row = conn.execute(
                f"SELECT {self._FINDING_COLUMNS} FROM findings f WHERE f.id = ?",  # noqa: S608
                (finding_id,),
            ).fetchone()
        if row is None:
            raise _unknown("finding", finding_id)
        return self._finding_row(row, self.latest_scan_id())

    @staticmethod
    def _finding_row(r: Sequence[Any], latest_scan: int | None) -> FindingRow:
        bbox = tuple(float(v) for v in json.loads(r[6]))
        return FindingRow(
            id=int(r[0]),
            page_url=r[1],
            image_url=r[2],
            found_by=r[3],
            similarity=float(r[4]),
            verdict=r[5],
            bbox=(bbox[0], bbox[1], bbox[2], bbox[3]),
            frame_time=None if r[7] is None else float(r[7]),
            first_seen_at=r[8],
            last_seen_at=r[9],
            review=r[10],
            image_sha256=r[11],
            source=r[12],
            fetched_at=r[13],
            det_score=float(r[14]),
            reference_index=int(r[15]),
            first_scan_id=int(r[16]),
            last_scan_id=int(r[17]),
            reviewed_at=r[18],
            is_new=latest_scan is not None and int(r[16]) == latest_scan,
            has_evidence=bool(r[19]),
        )

    def finding_sightings(self, finding_id: int) -> list[Sighting]:
        """Every place the finding's image was seen, in every scan (for letters)."""
        with self._read() as conn:
            rows = conn.execute(
                "SELECT finding_id, scan_id, page_url, image_url, found_by, fetched_at, similarity"
                " FROM finding_sightings WHERE finding_id = ? ORDER BY scan_id, rowid",
                (finding_id,),
            ).fetchall()
        return [
            Sighting(int(r[0]), int(r[1]), r[2] or None, r[3], r[4], r[5], float(r[6]))
            for r in rows
        ]

    def finding_frames(self, finding_id: int, scan_id: int | None = None) -> list[float]:
        """The times (seconds) of a video finding's frames where the face was seen, in order:
        in every scan, or in ``scan_id``. Empty for a still image."""
        with self._read() as conn:
            rows = conn.execute(
                "SELECT DISTINCT frame_time FROM finding_frames WHERE finding_id = ?"
                " AND (? IS NULL OR scan_id = ?) ORDER BY frame_time",
                (finding_id, scan_id, scan_id),
            ).fetchall()
        return [float(r[0]) for r in rows]

    def finding_thumbnail(self, finding_id: int) -> bytes:
        with self._read() as conn:
            row = conn.execute(
                "SELECT finding_key, thumbnail_blob FROM findings WHERE id = ?", (finding_id,)
            ).fetchone()
        if row is None:
            raise _unknown("finding", finding_id)
        return self._unseal(row[1], "findings", "thumbnail_blob", row[0])

    def finding_evidence(self, finding_id: int) -> bytes | None:
        """The evidence copy of the finding's image (decrypted), or None if none is kept."""
        sha = self.finding(finding_id).image_sha256
        with self._read() as conn:
            row = conn.execute(
                "SELECT data_blob FROM evidence WHERE image_sha256 = ?", (sha,)
            ).fetchone()
        return None if row is None else self._unseal(row[0], "evidence", "data_blob", sha)

    def evidence_info(self, finding_id: int) -> EvidenceInfo | None:
        sha = self.finding(finding_id).image_sha256
        with self._read() as conn:
            row = conn.execute(
                "SELECT image_sha256, original_size, stored_sha256, reduced, stored_at"
                " FROM evidence WHERE image_sha256 = ?",
                (sha,),
            ).fetchone()
        return (
            None if row is None else EvidenceInfo(row[0], int(row[1]), row[2], bool(row[3]), row[4])
        )

    def review(self, finding_id: int, review: str) -> None:
        """Record the person's review. Rejecting ("not me") also drops the evidence copy of an
        image no other non-rejected finding needs: it shows someone else."""
        with self._write():
            self._review(finding_id, review)
            self.record_action(audit.REVIEW, review=review, count=1, finding_ids=[finding_id])

    def _review(self, finding_id: int, review: str) -> None:
        if review not in REVIEW_STATES:
            raise ValueError(f"review must be one of {REVIEW_STATES}, not {review!r}")
        with self._write() as conn:
            row = conn.execute(
                "SELECT image_sha256 FROM findings WHERE id = ?", (finding_id,)
            ).fetchone()
            if row is None:
                raise _unknown("finding", finding_id)
            conn.execute(
                "UPDATE findings SET review = ?, reviewed_at = ? WHERE id = ?",
                (review, None if review == "unreviewed" else utc_now(), finding_id),
            )
            if review == "rejected":
                conn.execute(
                    "DELETE FROM evidence WHERE image_sha256 = ? AND NOT EXISTS (SELECT 1 FROM"
                    " findings WHERE image_sha256 = ? AND review != 'rejected')",
                    (row[0], row[0]),
                )

    def review_many(self, finding_ids: Iterable[int], review: str) -> list[int]:
        """Review several findings in one transaction: all of them, or (an unknown id) none.

        Returns the ids reviewed, in the order given, without repeats.
        """
        wanted = list(dict.fromkeys(int(i) for i in finding_ids))
        with self._read() as conn:
            known = {int(r[0]) for r in conn.execute("SELECT id FROM findings").fetchall()}
        unknown = [i for i in wanted if i not in known]
        if unknown:
            raise UnknownRowError(
                f"This case has no finding with id {', '.join(map(str, unknown))}; "
                "nothing was reviewed.",
                "List the case's findings to see the ids it holds.",
            )
        with self._write():
            for finding_id in wanted:
                self._review(finding_id, review)
            # One entry per batch; the ids while they are few (they are not personal data).
            ids = wanted if len(wanted) <= audit.MAX_DETAIL_ITEMS else None
            self.record_action(audit.REVIEW, review=review, count=len(wanted), finding_ids=ids)
        return wanted

    def finding_history(
        self, finding_ids: Iterable[int] | None = None, *, until_scan: int | None = None
    ) -> dict[int, FindingHistory]:
        """Every place each finding was seen, and whether it is seen / gone / unchecked.

        Keyed by finding id; all findings when ``finding_ids`` is None. ``until_scan``
        ignores later scans (what was known at the end of that scan). See
        faceaudit.store.history for what "gone" and "unchecked" mean.
        """
        wanted = None if finding_ids is None else list(finding_ids)
        with self._read() as conn:
            return load_histories(conn, wanted, self.latest_scan_id(), until_scan)

    def scan_changes(self, scan_id: int) -> dict[str, list[int]]:
        """Finding ids the scan found new, saw again (unchanged), established as gone (it read
        their pages and they were no longer there) or did not check (their pages were not
        read: the site failed, the scan was cancelled, the source was removed)."""
        return scan_changes(self.finding_history(until_scan=scan_id), scan_id)

    def compare_scans(self, previous_scan_id: int, scan_id: int) -> dict[str, list[int]]:
        """The same as :meth:`scan_changes` (kept for callers of the first API): what a scan
        changes is judged from every earlier scan, not only ``previous_scan_id``."""
        return self.scan_changes(scan_id)

    def record_checked(self, scan_id: int, urls: Iterable[str]) -> None:
        """Record the pages (and listed image URLs) a scan read, or that said "not found"."""
        with self._write() as conn:
            conn.executemany(
                "INSERT OR IGNORE INTO scan_checked (scan_id, url) VALUES (?, ?)",
                [(scan_id, url) for url in dict.fromkeys(urls)],
            )

    def checked_urls(self, scan_id: int) -> set[str]:
        with self._read() as conn:
            rows = conn.execute("SELECT url FROM scan_checked WHERE scan_id = ?", (scan_id,))
            return {str(r[0]) for r in rows}

    def counts(self) -> dict[str, int]:
        """How many of each thing the case holds (for ``case show``)."""
        queries = {
            "references": "SELECT count(*) FROM reference_photos",
            "sources": "SELECT count(*) FROM sources",
            "scans": "SELECT count(*) FROM scans",
            "images": "SELECT count(DISTINCT sha256) FROM images",
            "findings": "SELECT count(*) FROM findings",
            "unreviewed": "SELECT count(*) FROM findings WHERE review = 'unreviewed'",
            "confirmed": "SELECT count(*) FROM findings WHERE review = 'confirmed'",
            "rejected": "SELECT count(*) FROM findings WHERE review = 'rejected'",
            "letters": "SELECT count(*) FROM letters",
            "requests": "SELECT count(*) FROM requests",
        }
        with self._read() as conn:
            return {name: int(conn.execute(sql).fetchone()[0]) for name, sql in queries.items()}


# Counters of a scan's stats worth keeping in the audit log (numbers only).
_AUDITED_COUNTS = ("sources", "pages", "images", "faces", "findings", "new_findings", "errors")


def _counts(stats: dict[str, Any]) -> dict[str, int]:
    return {
        key: value
        for key in _AUDITED_COUNTS
        if isinstance(value := stats.get(key), int) and not isinstance(value, bool)
    }


def _unknown(kind: str, row_id: int) -> UnknownRowError:
    return UnknownRowError(
        f"This case has no {kind} with id {row_id}.",
        f"List the case's {kind}s to see the ids it holds.",
    )
