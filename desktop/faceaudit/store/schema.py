"""The case database schema, versioned with ``PRAGMA user_version`` and upgraded in order.

``MIGRATIONS[i]`` takes a database from version ``i`` to ``i + 1``. Never edit a published
migration: append a new one. A case whose version is above :data:`SCHEMA_VERSION` was
written by a newer FaceAudit and is refused rather than guessed at.

Columns named ``*_blob`` hold AES-GCM sealed values (see ``faceaudit.store.crypto``);
everything else is plain text in a private (0700) folder — see docs/STORAGE.md.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from pathlib import Path

from faceaudit.store.db import transaction

Migration = tuple[str, ...]

_V1: Migration = (
    """CREATE TABLE meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    )""",
    """CREATE TABLE person (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        details_blob BLOB NOT NULL,
        updated_at TEXT NOT NULL
    )""",
    """CREATE TABLE reference_photos (
        id INTEGER PRIMARY KEY,
        uid TEXT NOT NULL UNIQUE,
        label TEXT NOT NULL,
        photo_sha256 TEXT NOT NULL UNIQUE,
        added_at TEXT NOT NULL,
        photo_blob BLOB NOT NULL,
        face_blob BLOB NOT NULL
    )""",
    """CREATE TABLE sources (
        id INTEGER PRIMARY KEY,
        url TEXT NOT NULL UNIQUE,
        added_at TEXT NOT NULL,
        options TEXT NOT NULL DEFAULT '{}'
    )""",
    """CREATE TABLE scans (
        id INTEGER PRIMARY KEY,
        started_at TEXT NOT NULL,
        finished_at TEXT,
        status TEXT NOT NULL CHECK (status IN ('running', 'done', 'cancelled', 'failed')),
        settings TEXT NOT NULL DEFAULT '{}',
        stats TEXT NOT NULL DEFAULT '{}'
    )""",
    """CREATE TABLE scan_sources (
        scan_id INTEGER NOT NULL REFERENCES scans(id) ON DELETE CASCADE,
        source TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('ok', 'error')),
        error TEXT,
        stats TEXT NOT NULL DEFAULT '{}',
        done_at TEXT NOT NULL,
        PRIMARY KEY (scan_id, source)
    )""",
    # Every image seen, with its provenance; page_url is '' (not NULL) for direct images so
    # the uniqueness below holds, and frame_time -1 stands for "not a video frame".
    """CREATE TABLE images (
        id INTEGER PRIMARY KEY,
        scan_id INTEGER NOT NULL REFERENCES scans(id) ON DELETE CASCADE,
        sha256 TEXT NOT NULL,
        source TEXT NOT NULL,
        page_url TEXT NOT NULL DEFAULT '',
        image_url TEXT NOT NULL,
        found_by TEXT NOT NULL,
        http_status INTEGER,
        final_url TEXT,
        fetched_at TEXT,
        byte_size INTEGER NOT NULL DEFAULT 0,
        frame_time REAL NOT NULL DEFAULT -1,
        content_type TEXT,
        UNIQUE (scan_id, sha256, image_url, page_url, frame_time)
    )""",
    "CREATE INDEX images_by_sha ON images(sha256)",
    """CREATE TABLE processed_images (
        scan_id INTEGER NOT NULL REFERENCES scans(id) ON DELETE CASCADE,
        image_key TEXT NOT NULL,
        face_count INTEGER NOT NULL,
        done_at TEXT NOT NULL,
        PRIMARY KEY (scan_id, image_key)
    )""",
    """CREATE TABLE face_cache (
        cache_key TEXT PRIMARY KEY,
        face_count INTEGER NOT NULL,
        faces_blob BLOB NOT NULL,
        created_at TEXT NOT NULL
    )""",
    """CREATE TABLE findings (
        id INTEGER PRIMARY KEY,
        finding_key TEXT NOT NULL UNIQUE,
        image_sha256 TEXT NOT NULL,
        frame_time REAL,
        bbox TEXT NOT NULL,
        det_score REAL NOT NULL,
        similarity REAL NOT NULL,
        verdict TEXT NOT NULL,
        reference_index INTEGER NOT NULL,
        source TEXT NOT NULL,
        page_url TEXT,
        image_url TEXT NOT NULL,
        found_by TEXT NOT NULL,
        fetched_at TEXT,
        first_scan_id INTEGER NOT NULL REFERENCES scans(id),
        last_scan_id INTEGER NOT NULL REFERENCES scans(id),
        first_seen_at TEXT NOT NULL,
        last_seen_at TEXT NOT NULL,
        review TEXT NOT NULL DEFAULT 'unreviewed'
            CHECK (review IN ('unreviewed', 'confirmed', 'rejected')),
        reviewed_at TEXT,
        thumbnail_blob BLOB NOT NULL
    )""",
    "CREATE INDEX findings_by_first_scan ON findings(first_scan_id)",
    """CREATE TABLE finding_sightings (
        finding_id INTEGER NOT NULL REFERENCES findings(id) ON DELETE CASCADE,
        scan_id INTEGER NOT NULL REFERENCES scans(id) ON DELETE CASCADE,
        page_url TEXT NOT NULL DEFAULT '',
        image_url TEXT NOT NULL,
        found_by TEXT NOT NULL,
        fetched_at TEXT,
        similarity REAL NOT NULL,
        PRIMARY KEY (finding_id, scan_id, image_url, page_url)
    )""",
    "CREATE INDEX sightings_by_scan ON finding_sightings(scan_id)",
    # Evidence of what was online: the image bytes (or a reduced copy) per image hash.
    """CREATE TABLE evidence (
        image_sha256 TEXT PRIMARY KEY,
        original_size INTEGER NOT NULL,
        stored_sha256 TEXT NOT NULL,
        reduced INTEGER NOT NULL CHECK (reduced IN (0, 1)),
        stored_at TEXT NOT NULL,
        data_blob BLOB NOT NULL
    )""",
    # Letters and requests: the letters engineer's logic (faceaudit.letters.tracking).
    """CREATE TABLE letters (
        id INTEGER PRIMARY KEY,
        created_at TEXT NOT NULL,
        type TEXT NOT NULL,
        jurisdiction TEXT NOT NULL,
        language TEXT NOT NULL,
        operator_slug TEXT,
        operator_json TEXT NOT NULL,
        finding_ids TEXT NOT NULL DEFAULT '[]',
        formats TEXT NOT NULL DEFAULT '[]',
        output_dir TEXT,
        parent_request_id INTEGER REFERENCES requests(id),
        body_sha256 TEXT
    )""",
    """CREATE TABLE requests (
        id INTEGER PRIMARY KEY,
        letter_id INTEGER NOT NULL REFERENCES letters(id) ON DELETE CASCADE,
        sent_at TEXT NOT NULL,
        channel TEXT NOT NULL,
        due_at TEXT NOT NULL,
        extended_due_at TEXT,
        status TEXT NOT NULL
            CHECK (status IN ('sent', 'answered', 'extended', 'overdue', 'closed')),
        answered_at TEXT,
        closed_at TEXT,
        notes TEXT NOT NULL DEFAULT ''
    )""",
)

# Requests remember when they were received (the due date counts from then), whose public
# holidays apply, when an extension was announced (and whether too late), and a UK clock
# paused while the organisation waits for ID or clarification (Art. 12A UK GDPR). Letters
# keep the date printed on them, for the date-consistency checks when one is marked sent.
_V2_LETTER_DATES: Migration = (
    "ALTER TABLE requests ADD COLUMN received_at TEXT",
    "ALTER TABLE requests ADD COLUMN holiday_country TEXT",
    "ALTER TABLE requests ADD COLUMN extension_announced_at TEXT",
    "ALTER TABLE requests ADD COLUMN extension_late INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE requests ADD COLUMN paused_at TEXT",
    "ALTER TABLE requests ADD COLUMN paused_days INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE letters ADD COLUMN letter_date TEXT",
)

# What an answer said (complied, partly, refused, and when), and the operator's replies kept
# as files in the case: the name and the bytes sealed (they may name the person or show
# their photos), only size, hash and time in plain.
_V3_ANSWERS: Migration = (
    "ALTER TABLE requests ADD COLUMN outcome TEXT",
    "ALTER TABLE requests ADD COLUMN outcome_at TEXT",
    """CREATE TABLE request_replies (
        id INTEGER PRIMARY KEY,
        uid TEXT NOT NULL UNIQUE,
        request_id INTEGER NOT NULL REFERENCES requests(id) ON DELETE CASCADE,
        added_at TEXT NOT NULL,
        byte_size INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        name_blob BLOB NOT NULL,
        data_blob BLOB NOT NULL
    )""",
)

# A video is one finding per clip (not one per frame): the frames where the face was seen
# are listed here, per scan, with their similarity.
_V4_CLIP_FRAMES: Migration = (
    """CREATE TABLE finding_frames (
        finding_id INTEGER NOT NULL REFERENCES findings(id) ON DELETE CASCADE,
        scan_id INTEGER NOT NULL REFERENCES scans(id) ON DELETE CASCADE,
        frame_time REAL NOT NULL,
        similarity REAL NOT NULL,
        PRIMARY KEY (finding_id, scan_id, frame_time)
    )""",
)

# The pages (and listed image URLs) each scan read, or that answered "not found": a finding
# missing from a page that was read is gone; one whose pages were not read is unchecked.
_V5_SCAN_CHECKED: Migration = (
    """CREATE TABLE scan_checked (
        scan_id INTEGER NOT NULL REFERENCES scans(id) ON DELETE CASCADE,
        url TEXT NOT NULL,
        PRIMARY KEY (scan_id, url)
    )""",
    "CREATE INDEX scan_checked_by_url ON scan_checked(url)",
)

# The files each letter was written to (a JSON list of paths), so that a reminder or a
# complaint can enclose the request it follows up.
_V6_LETTER_FILES: Migration = ("ALTER TABLE letters ADD COLUMN files TEXT NOT NULL DEFAULT '[]'",)

# A small snapshot of each exposure report (faceaudit.report): the confirmed findings it
# showed and whether each was seen, gone or unchecked, so the next report can say what
# changed. Ids and states only: nothing personal, nothing sealed.
_V7_REPORT_SNAPSHOTS: Migration = (
    """CREATE TABLE report_snapshots (
        id INTEGER PRIMARY KEY,
        created_at TEXT NOT NULL,
        format TEXT NOT NULL,
        language TEXT NOT NULL,
        latest_scan_id INTEGER,
        appearances TEXT NOT NULL DEFAULT '{}'
    )""",
)

# The audit log (faceaudit.store.audit): who did what and when, each entry chained to the one
# before by an HMAC under a key derived from the case key. Append-only: the triggers refuse
# changes and deletions (a guard for honest code; the chain is what detects an editor).
_V8_AUDIT_LOG: Migration = (
    """CREATE TABLE audit_log (
        seq INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        caseworker TEXT NOT NULL,
        action TEXT NOT NULL,
        details TEXT NOT NULL DEFAULT '{}',
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
    )""",
    """CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END""",
    """CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END""",
)

# The client's mandate to a clinic (GDPR Art. 80(1), or an authorisation letter): when it was
# signed and recorded, in plain; the clinic it names, and the signed copy kept (its file name
# and bytes), sealed: they say who acts for the person, and the copy shows the person's name.
_V9_MANDATES: Migration = (
    """CREATE TABLE mandates (
        id INTEGER PRIMARY KEY,
        uid TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL CHECK (kind IN ('art80', 'authorisation')),
        language TEXT NOT NULL,
        signed_on TEXT NOT NULL,
        recorded_at TEXT NOT NULL,
        revoked_on TEXT,
        clinic_blob BLOB NOT NULL,
        copy_size INTEGER,
        copy_sha256 TEXT,
        copy_name_blob BLOB,
        copy_blob BLOB
    )""",
)

# Page captures from the in-app browser (faceaudit.store.captures): the page as the person saw
# it, as a PDF and a full-page PNG, each sealed with the SHA-256 of its plaintext in plain (so
# an exported copy can be shown to match); the title is sealed too (it may name the person).
_V10_CAPTURES: Migration = (
    """CREATE TABLE captures (
        id INTEGER PRIMARY KEY,
        uid TEXT NOT NULL UNIQUE,
        page_url TEXT NOT NULL,
        taken_at TEXT NOT NULL,
        scan_id INTEGER REFERENCES scans(id) ON DELETE SET NULL,
        title_blob BLOB NOT NULL,
        pdf_size INTEGER NOT NULL,
        pdf_sha256 TEXT NOT NULL,
        pdf_blob BLOB NOT NULL,
        png_size INTEGER NOT NULL,
        png_sha256 TEXT NOT NULL,
        png_width INTEGER NOT NULL,
        png_height INTEGER NOT NULL,
        png_blob BLOB NOT NULL
    )""",
)

MIGRATIONS: tuple[Migration, ...] = (
    _V1,
    _V2_LETTER_DATES,
    _V3_ANSWERS,
    _V4_CLIP_FRAMES,
    _V5_SCAN_CHECKED,
    _V6_LETTER_FILES,
    _V7_REPORT_SNAPSHOTS,
    _V8_AUDIT_LOG,
    _V9_MANDATES,
    _V10_CAPTURES,
)
SCHEMA_VERSION = len(MIGRATIONS)


def user_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(
    conn: sqlite3.Connection, where: Path, migrations: Sequence[Migration] = MIGRATIONS
) -> int:
    """Bring the database up to ``len(migrations)``, one transaction per step; returns the version.

    Each step and its version bump commit together, so an interrupted upgrade leaves the
    database at the last whole version, never between two.
    """
    current = user_version(conn)
    for index in range(current, len(migrations)):
        with transaction(conn, where):
            for statement in migrations[index]:
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {index + 1}")
    return user_version(conn)
