"""Cases: the encrypted embedded store (one SQLite case file per person, under ``paths.cases``).

The public API (stable; the scan, letters and GUI code program against it)::

    from faceaudit.store import CaseStore, Case, Person, KdfParams, WrongPassphraseError, ...

    store = CaseStore(paths)                      # faceaudit.paths.Paths; KdfParams for new cases
    case = store.create(name, passphrase, person=Person(...), evidence_policy="full")
    case = store.open(name, passphrase)           # errors below; nothing is written on refusal
    store.list() -> list[CaseSummary]             # no passphrase needed; nothing biometric
    store.delete(name, cache="case" | "all" | "keep") -> cleanup.CaseDeletion
        # destroys the key, then every file of the case, its exported letters and the HTTP
        # cache's copies of what it fetched (or the whole cache); .describe() says what went
    store.exists(name) -> bool;  store.change_passphrase(name, old, new)
    # Clinic key (docs/STORAGE.md): store.clinic.init(passphrase) / .change_passphrase(old,
    # new) / .exists(); store.create(..., under_clinic=True) with the clinic passphrase;
    # store.open takes the case's own or the clinic's (case.unlocked_with says which);
    # store.join_clinic(name, own, clinic) / leave_clinic(name, own); store.key_file(name)
    case.close()  /  with store.open(...) as case: ...

    case.person -> Person;  case.set_person(Person);  case.update_person(email=..., ...) -> Person
    case.evidence_policy -> "full" | "reduced" | "none";  case.set_evidence_policy(policy)

    case.add_reference(label, photo_bytes, reference, force=False, match_threshold=0.40) -> int
        # same photo again: same id; a face below the threshold against every reference
        # already enrolled raises faces.consistency.DifferentPersonError unless force=True
    case.references() -> list[faces.types.Reference];  case.reference_rows() -> list[ReferenceRow]
    case.reference_photo(id) -> bytes;  case.remove_reference(id);  case.reference_id_for(sha)

    case.add_sources(urls_or_paths, settings=SourceSettings(depth=1)) -> number newly added
        # validated first: InvalidSourceError; settings saved with each new source
    case.sources() -> list[SourceRow(id, url_or_path, added_at, options)];  case.remove_source(id)
    row.settings -> SourceSettings(depth, max_pages, sitemap, render)  # what scans use
    case.set_source_settings(source_id, SourceSettings)  # a scan saves the settings it used
    normalise_source(text) -> str                  # the validation add_sources applies, per entry
    source_list.parse_source_list(text) / read_source_list_file(path) -> SourceList(entries,
        problems: LineProblem(line, text, what, todo, suggestion), duplicates)
    case.source_states() -> list[SourceState]      # per source, from the last scan that
        # finished it: not_scanned | fetched | no_face | faces_not_you | you_appear | failed
        # | skipped, with pages, images, faces, findings, problems, reason

    # Scans (each call is one durable transaction: kill -9 + resume loses and duplicates nothing)
    scan_id = case.start_scan(settings: dict)
    case.resumable_scan() -> scan_id | None        # latest scan, if it is not "done"
    case.resume_scan(scan_id)                      # status back to "running"
    case.source_done(scan_id, source, "ok" | "error", error=None, stats=None)
    case.sources_done(scan_id) -> set[str];  case.scan_sources(scan_id) -> list[ScanSourceRow]
    case.record_image(scan_id, provenance) -> image row id   # idempotent per (scan, sha256,
                                                   # image_url, page_url, frame_time)
    case.images(scan_id) -> list[Provenance]
    case.image_processed(scan_id, image_key) -> bool
    case.mark_image_processed(scan_id, image_key, face_count)
        # image_key: the image's sha256; for a video frame, e.g. f"{sha256}@{frame_time:.3f}"
    case.cached_faces(cache_key) -> list[Face] | None;  case.store_faces(cache_key, faces)
        # per-image embedding cache (sealed); put the model pack in the key if it can change
    finding_id = case.add_finding(scan_id, image_sha256, provenance, match, thumbnail_jpeg,
                                  evidence_bytes=None)   # same sha + frame + box -> same id
        # evidence_bytes: the image as fetched, kept once per image_sha256 (sealed) as the
        # case's evidence policy says; over 256 MiB (a whole video) it is not kept
    case.update_scan_stats(scan_id, stats)         # running counters
    case.finish_scan(scan_id, stats, "done" | "cancelled" | "failed")
    case.scans() -> list[ScanRow];  case.scan(id);  case.latest_scan_id()

    case.findings(new_only=False, scan_id=None, verdicts=None, reviews=None) -> list[FindingRow]
    case.finding(id) -> FindingRow;  case.finding_sightings(id) -> list[Sighting]
    case.finding_frames(id, scan_id=None) -> [seconds]  # a video is one finding per clip
    case.finding_thumbnail(id) -> bytes;  case.finding_evidence(id) -> bytes | None
    case.evidence_info(id) -> EvidenceInfo | None  # sha256 of what was online, size, reduced?
    case.review(id, "confirmed" | "rejected" | "unreviewed")
    case.review_many(ids, review) -> ids   # one transaction; an unknown id changes nothing
    case.finding_history(ids=None, until_scan=None) -> dict[id, FindingHistory]
        # every place (FindingPlace: page, image URL, found by, first/last seen, gone?), pages,
        # sites, also_on(), presence "seen" | "gone" (its pages were read, it is no longer
        # there) | "unchecked" (not looked at again), last_seen_at, last_checked_at
    case.scan_changes(scan_id) -> {"new": ids, "gone": ids, "unchanged": ids, "unchecked": ids}
    case.compare_scans(previous_scan_id, scan_id)  # the same as scan_changes(scan_id)
    case.record_checked(scan_id, urls);  case.checked_urls(scan_id)  # pages a scan read
    case.counts() -> dict[str, int]
    # Page captures of the in-app browser (store.captures): PDF + full-page PNG, sealed, with
    # the SHA-256 of each as captured (plain) and the time
    case.add_capture(page_url, title, pdf, png, taken_at=None, scan_id=None) -> CaptureRow
    case.captures() -> list[CaptureRow];  case.capture(id);  case.capture_title(id)
    case.capture_bytes(id, "pdf" | "png") -> bytes;  case.link_capture_scan(id, scan_id)
    with case.connection() as conn: ...            # one write transaction (letters/requests tables)
    case.seal(data, table, column, row_key) / case.unseal(blob, ...)  # their sealed columns
    store.plain_connection(name)                   # no key: the plain part only (overviews)
    with case.batch(): ...                         # several calls, one commit (e.g. per image)

    # Audit log (faceaudit.store.audit): append-only, HMAC-chained under the case key
    case.record_action(audit.EXPORTED, format="age", files=3)   # -> AuditEntry; details are
        # ids, counts, codes (no personal data); inside batch()/connection() it commits with it
    case.audit_log() -> list[AuditEntry(seq, at, caseworker, action, details, prev_hash, hash)]
    case.verify_audit() -> AuditVerification(ok, problem, seq, last_seq, describe())
    case.audit_status                              # the check made when the case was opened
    case.caseworker;  CaseStore(paths, caseworker=...)  # who the entries name
    store.open_with_key(name, key, opened_with="session_key" | ... | None)  # None: no entry

Errors (all FaceAuditError, with ``what`` and ``todo``): CaseNotFoundError, CaseExistsError,
InvalidCaseNameError, WeakPassphraseError, WrongPassphraseError, CorruptCaseError (and
ForeignFileError, TamperedDataError), NewerSchemaError, DiskFullError, ReadOnlyError,
CaseBusyError, UnknownRowError, InvalidSourceError.

What is encrypted, where files live and how deletion works: docs/STORAGE.md.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from faceaudit.store.case import Case, finding_key
    from faceaudit.store.casestore import DB_FILE, KEY_FILE, CaseStore, validate_case_name
    from faceaudit.store.clinic import DEFAULT_CLINIC_KDF, Argon2Params, Clinic, ClinicKeyError
    from faceaudit.store.crypto import DEFAULT_KDF, MIN_PASSPHRASE_CHARS, KdfParams
    from faceaudit.store.errors import (
        CaseBusyError,
        CaseExistsError,
        CaseNotFoundError,
        CorruptCaseError,
        DiskFullError,
        ForeignFileError,
        InvalidCaseNameError,
        NewerSchemaError,
        ReadOnlyError,
        StoreError,
        TamperedDataError,
        UnknownRowError,
        WeakPassphraseError,
        WrongPassphraseError,
    )
    from faceaudit.store.history import PRESENCE_STATES, FindingHistory, FindingPlace, site_of
    from faceaudit.store.records import (
        EVIDENCE_POLICIES,
        REVIEW_STATES,
        CaseSummary,
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
    from faceaudit.store.schema import SCHEMA_VERSION
    from faceaudit.store.sources import InvalidSourceError, normalise_source

# Loaded on first use (PEP 562): the window imports ``faceaudit.store.records`` to draw its
# lists, and must not wait for the whole store (crypto, the collector, OpenCV) to load.
_EXPORTS = {
    "Argon2Params": "faceaudit.store.clinic",
    "Case": "faceaudit.store.case",
    "CaseBusyError": "faceaudit.store.errors",
    "CaseExistsError": "faceaudit.store.errors",
    "CaseNotFoundError": "faceaudit.store.errors",
    "CaseStore": "faceaudit.store.casestore",
    "CaseSummary": "faceaudit.store.records",
    "Clinic": "faceaudit.store.clinic",
    "ClinicKeyError": "faceaudit.store.clinic",
    "CorruptCaseError": "faceaudit.store.errors",
    "DB_FILE": "faceaudit.store.casestore",
    "DEFAULT_CLINIC_KDF": "faceaudit.store.clinic",
    "DEFAULT_KDF": "faceaudit.store.crypto",
    "DiskFullError": "faceaudit.store.errors",
    "EVIDENCE_POLICIES": "faceaudit.store.records",
    "EvidenceInfo": "faceaudit.store.records",
    "FindingHistory": "faceaudit.store.history",
    "FindingPlace": "faceaudit.store.history",
    "FindingRow": "faceaudit.store.records",
    "ForeignFileError": "faceaudit.store.errors",
    "InvalidCaseNameError": "faceaudit.store.errors",
    "InvalidSourceError": "faceaudit.store.sources",
    "KEY_FILE": "faceaudit.store.casestore",
    "KdfParams": "faceaudit.store.crypto",
    "MIN_PASSPHRASE_CHARS": "faceaudit.store.crypto",
    "NewerSchemaError": "faceaudit.store.errors",
    "PRESENCE_STATES": "faceaudit.store.history",
    "Person": "faceaudit.store.records",
    "REVIEW_STATES": "faceaudit.store.records",
    "ReadOnlyError": "faceaudit.store.errors",
    "ReferenceRow": "faceaudit.store.records",
    "SCHEMA_VERSION": "faceaudit.store.schema",
    "ScanRow": "faceaudit.store.records",
    "ScanSourceRow": "faceaudit.store.records",
    "Sighting": "faceaudit.store.records",
    "SourceRow": "faceaudit.store.records",
    "SourceSettings": "faceaudit.store.records",
    "StoreError": "faceaudit.store.errors",
    "TamperedDataError": "faceaudit.store.errors",
    "UnknownRowError": "faceaudit.store.errors",
    "WeakPassphraseError": "faceaudit.store.errors",
    "WrongPassphraseError": "faceaudit.store.errors",
    "finding_key": "faceaudit.store.case",
    "normalise_source": "faceaudit.store.sources",
    "site_of": "faceaudit.store.history",
    "validate_case_name": "faceaudit.store.casestore",
}


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


__all__ = [
    "DB_FILE",
    "DEFAULT_CLINIC_KDF",
    "DEFAULT_KDF",
    "EVIDENCE_POLICIES",
    "KEY_FILE",
    "MIN_PASSPHRASE_CHARS",
    "PRESENCE_STATES",
    "REVIEW_STATES",
    "SCHEMA_VERSION",
    "Argon2Params",
    "Case",
    "CaseBusyError",
    "CaseExistsError",
    "CaseNotFoundError",
    "CaseStore",
    "CaseSummary",
    "Clinic",
    "ClinicKeyError",
    "CorruptCaseError",
    "DiskFullError",
    "EvidenceInfo",
    "FindingHistory",
    "FindingPlace",
    "FindingRow",
    "ForeignFileError",
    "InvalidCaseNameError",
    "InvalidSourceError",
    "KdfParams",
    "NewerSchemaError",
    "Person",
    "ReadOnlyError",
    "ReferenceRow",
    "ScanRow",
    "ScanSourceRow",
    "Sighting",
    "SourceRow",
    "SourceSettings",
    "StoreError",
    "TamperedDataError",
    "UnknownRowError",
    "WeakPassphraseError",
    "WrongPassphraseError",
    "finding_key",
    "normalise_source",
    "site_of",
    "validate_case_name",
]
