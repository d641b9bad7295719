"""The client's exposure report (PDF and HTML) and the re-check of promised erasures.

The API the CLI and the window use::

    from faceaudit.report import generate, FORMATS, REPORT_LANGUAGES

    made = generate(case, "pdf" | "html", path, language=None)   # -> GeneratedReport
        # gathers (data.gather), words (compose + texts/<language>.toml), lays out
        # (pdf / html), writes 0600 (writing), then keeps a snapshot in the case
        # (snapshots) so the next report says what changed; language None: the case's
    data = gather(case);  document = compose(data, "fr");  render_pdf(document) -> bytes

    from faceaudit.report.erasure import promised_erasures, erasure_check, recheck_sources
    erasure_check(case, letter_id) -> ErasureCheck | None   # .state: verified | still_online
        # | partly_checked | not_checked | no_findings, from the scans since the answer
    check, source_ids = recheck_sources(case, letter_id)    # then scan_case(only_sources=...)
    after_recheck(case, letter_id, scan_id) -> ErasureCheck  # the result, in the audit log

Nothing here imports Qt or the face engine; a re-check's scan is the caller's (the CLI's
``requests recheck`` and the window both run the ordinary ``scan_case``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from faceaudit.errors import FaceAuditError
from faceaudit.report.compose import Document, compose
from faceaudit.report.data import ReportData, gather
from faceaudit.report.words import REPORT_LANGUAGES, ReportError, choose_language
from faceaudit.store.audit import REPORT_GENERATED

if TYPE_CHECKING:
    from faceaudit.paths import Paths
    from faceaudit.store import Case

FORMATS = ("pdf", "html")


@dataclass(frozen=True)
class GeneratedReport:
    path: Path
    format: str
    language: str
    data: ReportData
    snapshot_id: int


def render(document: Document, fmt: str) -> bytes:
    if fmt == "pdf":
        from faceaudit.report.pdf import render_pdf

        return render_pdf(document)
    if fmt == "html":
        from faceaudit.report.html import render_html

        return render_html(document)
    raise ReportError(f"There is no report format {fmt!r}.", "Choose pdf or html.")


def generate(
    case: Case,
    fmt: str,
    path: Path,
    *,
    language: str | None = None,
    today: dt.date | None = None,
    prepared_by: str | None = None,
) -> GeneratedReport:
    """Write the case's report to ``path``, then remember what it showed (in the case).

    ``prepared_by``: the clinic's name (:func:`clinic_name`), printed under the client's."""
    from faceaudit.report.snapshots import record_snapshot
    from faceaudit.report.writing import write_private

    if fmt not in FORMATS:
        raise ReportError(f"There is no report format {fmt!r}.", "Choose pdf or html.")
    chosen = choose_language(language, case.person.language)
    data = gather(case, today=today, prepared_by=prepared_by)
    written = write_private(path, render(compose(data, chosen), fmt))
    with case.batch():  # the snapshot and its audit entry commit together
        snapshot = record_snapshot(
            case,
            fmt=fmt,
            language=chosen,
            latest_scan_id=data.latest_scan_id,
            appearances=data.presences(),
        )
        case.record_action(
            REPORT_GENERATED,
            format=fmt,
            language=chosen,
            appearances=len(data.appearances),
            letters=len(data.letters),
            snapshot=snapshot,
        )
    return GeneratedReport(written, fmt, chosen, data, snapshot)


def clinic_name(paths: Paths) -> tuple[str | None, FaceAuditError | None]:
    """The clinic's name from its profile (``clinic profile``), or None; and why it could not
    be read, if it could not (the report is made without it, and the caller says so)."""
    from faceaudit.clinic import load_profile

    try:
        profile = load_profile(paths)
    except FaceAuditError as error:
        return None, error
    return (profile.name if profile is not None else None), None


__all__ = [
    "FORMATS",
    "REPORT_LANGUAGES",
    "Document",
    "GeneratedReport",
    "ReportData",
    "ReportError",
    "clinic_name",
    "compose",
    "gather",
    "generate",
    "render",
]
