"""Where and when each Finding was seen, and whether it is still online.

A finding is one face in one image; the same image on several pages (or sites) is one
finding with several places. Each scan records the places it saw the finding at
(``finding_sightings``) and the pages it read (``scan_checked``). From these:

- a place is **gone** once a scan read that page (or fetched the listed image URL, or was
  told "not found") after the finding was last seen there, and did not see it;
- a finding is **seen** when the case's latest scan saw it, **gone** when every place it
  was ever seen at is gone, and otherwise **unchecked**: no scan has looked again (the
  site was down, the scan was cancelled, the source was removed or crawled less deep).

A site that could not be reached says nothing about whether a photo is still online: only
a page that was read can show that a photo left it. A place seen in the in-app browser
(``found_by`` ``browser:*``) is gone only once the browser showed the page again without it
(its check is recorded as ``browser:`` + the page URL): a plain fetch of the same address
may see an empty shell or a login page.
"""

from __future__ import annotations

import sqlite3
from bisect import bisect_right
from collections.abc import Collection
from dataclasses import dataclass
from typing import Literal
from urllib.parse import urlsplit

# How a scan marks a page seen in the in-app browser as read: the collector's
# collect.types.BROWSER_CHECKED_PREFIX, written again here so that reading a case's history
# (the letters, the report) does not load the collector (tests/scan/test_browser_page.py
# checks they agree).
BROWSER_CHECKED_PREFIX = "browser:"

Presence = Literal["seen", "gone", "unchecked"]
PRESENCE_STATES: tuple[str, ...] = ("seen", "gone", "unchecked")


def site_of(url: str) -> str:
    """The host a URL is on (lower case, without "www."); a local path's folder otherwise."""
    host = (urlsplit(url).hostname or "").lower()
    if not host:
        return "local"
    return host[4:] if host.startswith("www.") else host


@dataclass(frozen=True)
class FindingPlace:
    """One page (and image URL) where a finding's image was seen, over every scan."""

    page_url: str | None  # None: the image URL itself was listed
    image_url: str
    found_by: str
    first_seen_at: str
    last_seen_at: str
    first_scan_id: int
    last_scan_id: int
    gone_since_scan_id: int | None  # the scan that read the page and no longer saw it

    @property
    def where(self) -> str:
        """The page, or the image URL when the image itself was listed."""
        return self.page_url or self.image_url

    @property
    def site(self) -> str:
        return site_of(self.where)

    @property
    def gone(self) -> bool:
        return self.gone_since_scan_id is not None


@dataclass(frozen=True)
class FindingHistory:
    """Every place a finding was seen, and whether it is still online (see the module doc)."""

    finding_id: int
    places: tuple[FindingPlace, ...]
    presence: Presence
    scan_ids: tuple[int, ...]  # the scans that saw it, in order
    last_seen_at: str
    last_checked_at: str | None  # the latest scan that saw it or read one of its pages
    gone_since_scan_id: int | None  # when presence is "gone": the scan that established it

    @property
    def first_scan_id(self) -> int:
        return self.scan_ids[0]

    @property
    def last_seen_scan_id(self) -> int:
        return self.scan_ids[-1]

    @property
    def pages(self) -> int:
        """How many distinct pages (or listed image URLs) it was seen on."""
        return len({place.where for place in self.places})

    @property
    def sites(self) -> int:
        return len({place.site for place in self.places})

    def also_on(self) -> str:
        """E.g. "also on 2 pages, 1 other site" ("" when seen in one place only)."""
        others, other_sites = self.pages - 1, self.sites - 1
        if others <= 0:
            return ""
        text = f"also on {others} page{'s' if others != 1 else ''}"
        if other_sites:
            text += f", {other_sites} other site{'s' if other_sites != 1 else ''}"
        return text


@dataclass
class _Place:
    page_url: str
    image_url: str
    found_by: str
    first_seen_at: str
    last_seen_at: str
    first_scan: int
    last_scan: int
    scans: set[int]


def load_histories(
    conn: sqlite3.Connection,
    finding_ids: Collection[int] | None,
    latest_scan: int | None,
    until_scan: int | None = None,
) -> dict[int, FindingHistory]:
    """The history of the given findings (all when None), from scans up to ``until_scan``."""
    limit = until_scan if until_scan is not None else latest_scan
    if limit is None:
        return {}
    started = {int(r[0]): str(r[1]) for r in conn.execute("SELECT id, started_at FROM scans")}
    checked: dict[str, list[int]] = {}
    for url, scan in conn.execute(
        "SELECT url, scan_id FROM scan_checked WHERE scan_id <= ? ORDER BY scan_id", (limit,)
    ):
        checked.setdefault(url, []).append(int(scan))
    places: dict[int, dict[tuple[str, str], _Place]] = {}
    query = (
        "SELECT finding_id, scan_id, page_url, image_url, found_by, fetched_at"
        " FROM finding_sightings WHERE scan_id <= ? ORDER BY scan_id, rowid"
    )
    wanted = None if finding_ids is None else set(finding_ids)
    for finding, scan, page, image, found_by, fetched_at in conn.execute(query, (limit,)):
        if wanted is not None and finding not in wanted:
            continue
        when = fetched_at or started.get(scan, "")
        known = places.setdefault(int(finding), {})
        place = known.get((page, image))
        if place is None:
            known[(page, image)] = _Place(page, image, found_by, when, when, scan, scan, {scan})
        else:
            place.last_seen_at, place.last_scan = when, scan
            place.scans.add(scan)
    return {
        finding: _history(finding, list(found.values()), checked, started, limit)
        for finding, found in places.items()
    }


def _history(
    finding_id: int,
    found: list[_Place],
    checked: dict[str, list[int]],
    started: dict[int, str],
    latest: int,
) -> FindingHistory:
    result: list[FindingPlace] = []
    scans: set[int] = set()
    last_checked = 0
    for place in found:
        where = place.page_url or place.image_url
        if place.found_by.startswith(BROWSER_CHECKED_PREFIX):
            # Seen in the in-app browser: only looking at it there again can show it gone.
            where = BROWSER_CHECKED_PREFIX + where
        checks = checked.get(where, [])
        later = checks[bisect_right(checks, place.last_scan) :]
        scans |= place.scans
        last_checked = max(last_checked, place.last_scan, checks[-1] if checks else 0)
        result.append(
            FindingPlace(
                page_url=place.page_url or None,
                image_url=place.image_url,
                found_by=place.found_by,
                first_seen_at=place.first_seen_at,
                last_seen_at=place.last_seen_at,
                first_scan_id=place.first_scan,
                last_scan_id=place.last_scan,
                gone_since_scan_id=later[0] if later else None,
            )
        )
    last_place = max(found, key=lambda p: (p.last_scan, p.last_seen_at))
    gone_scans = [p.gone_since_scan_id for p in result]
    gone_since = None
    if all(scan is not None for scan in gone_scans):
        gone_since = max(scan for scan in gone_scans if scan is not None)
    presence: Presence
    if last_place.last_scan == latest:
        presence = "seen"
    elif gone_since is not None:
        presence = "gone"
    else:
        presence = "unchecked"
    return FindingHistory(
        finding_id=finding_id,
        places=tuple(result),
        presence=presence,
        scan_ids=tuple(sorted(scans)),
        last_seen_at=last_place.last_seen_at,
        last_checked_at=started.get(last_checked) if last_checked else None,
        gone_since_scan_id=gone_since if presence == "gone" else None,
    )


def scan_changes(histories: dict[int, FindingHistory], scan_id: int) -> dict[str, list[int]]:
    """What scan ``scan_id`` changed, from histories computed up to that scan.

    new: first seen in it; unchanged: seen in it and before; gone: it read their pages and
    no longer saw them (each finding counts as gone once, in the scan that established it);
    unchecked: seen before, not in it, and not gone (their pages were not read this time).
    """
    changes: dict[str, list[int]] = {"new": [], "gone": [], "unchanged": [], "unchecked": []}
    for finding_id, history in sorted(histories.items()):
        if history.last_seen_scan_id == scan_id:
            changes["new" if history.first_scan_id == scan_id else "unchanged"].append(finding_id)
        elif history.gone_since_scan_id == scan_id:
            changes["gone"].append(finding_id)
        elif history.presence == "unchecked":
            changes["unchecked"].append(finding_id)
    return changes
