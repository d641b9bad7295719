"""The one way FaceAudit writes a moment: ISO 8601 in UTC, to the second, with ``Z``.

Every stored and printed time (scans, fetches, findings, letters, imports) uses it, so two
times from different parts of the program compare and read alike.
"""

from __future__ import annotations

from datetime import UTC, datetime


def utc_stamp(moment: datetime) -> str:
    """``2026-03-01T10:00:00Z`` (a naive moment is taken as UTC)."""
    aware = moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
    return aware.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def utc_now() -> str:
    """Now, as :func:`utc_stamp` writes it."""
    return utc_stamp(datetime.now(UTC))
