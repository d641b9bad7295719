"""A small snapshot of each report, kept in the case, so the next one can say what changed.

A snapshot holds the confirmed findings the report showed, each with its presence then
(seen, gone, unchecked), and the case's latest scan at the time: ids and states only.
The report a new one is compared with is the latest made before the case's latest scan,
so a PDF and an HTML of the same state are both compared with the report before them.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from faceaudit.timestamps import utc_now

if TYPE_CHECKING:
    from faceaudit.store import Case


@dataclass(frozen=True)
class Snapshot:
    id: int
    created_at: str
    format: str
    language: str
    latest_scan_id: int | None
    appearances: dict[int, str]  # confirmed finding id -> presence when the report was made


def record_snapshot(
    case: Case,
    *,
    fmt: str,
    language: str,
    latest_scan_id: int | None,
    appearances: Mapping[int, str],
) -> int:
    document = json.dumps({str(k): v for k, v in sorted(appearances.items())})
    with case.connection() as conn:
        cursor = conn.execute(
            "INSERT INTO report_snapshots (created_at, format, language, latest_scan_id,"
            " appearances) VALUES (?, ?, ?, ?, ?)",
            (utc_now(), fmt, language, latest_scan_id, document),
        )
        return int(cursor.lastrowid or 0)


def snapshots(case: Case) -> list[Snapshot]:
    with case.connection() as conn:
        rows = conn.execute(
            "SELECT id, created_at, format, language, latest_scan_id, appearances"
            " FROM report_snapshots ORDER BY id"
        ).fetchall()
    return [_snapshot(row) for row in rows]


def previous_snapshot(case: Case, latest_scan_id: int | None) -> Snapshot | None:
    """The report to compare with: the latest one made before the case's latest scan."""
    if latest_scan_id is None:
        return None
    earlier = [s for s in snapshots(case) if (s.latest_scan_id or 0) < latest_scan_id]
    return earlier[-1] if earlier else None


def _snapshot(row: tuple[object, ...]) -> Snapshot:
    raw = json.loads(str(row[5]) or "{}")
    appearances = {int(k): str(v) for k, v in raw.items()} if isinstance(raw, dict) else {}
    scan = row[4]
    return Snapshot(
        id=int(str(row[0])),
        created_at=str(row[1]),
        format=str(row[2]),
        language=str(row[3]),
        latest_scan_id=None if scan is None else int(str(scan)),
        appearances=appearances,
    )
