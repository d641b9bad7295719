"""Whether a promised erasure happened: the photos an operator said it erased, checked again.

A request "promises" an erasure when it is an erasure request (or a reminder or complaint
about one) and its recorded outcome (``requests outcome``) is ``complied`` or ``partly``.
Its findings are those the letter named. Each is judged from the scans that started on or
after the day of the answer, with the store's honest rule (faceaudit.store.history): a
place where the photo was seen is **gone** once such a scan read that page (or fetched the
listed image) without seeing it, **still online** when the latest such scan to look there
saw it, and **not checked** when none looked. A site that could not be reached proves
nothing either way.

Nothing is stored: the verdict follows from the scans, so a re-check (a scan of just those
sources, :func:`recheck_sources`) and the next ordinary scan both update it.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from faceaudit.errors import FaceAuditError
from faceaudit.letters import corrections, tracking
from faceaudit.store.audit import ERASURE_RECHECKED

if TYPE_CHECKING:
    from faceaudit.store import Case

PROMISE_OUTCOMES = ("complied", "partly")

VERIFIED = "verified"  # every photo named is gone
STILL_ONLINE = "still_online"  # at least one photo was seen again after the answer
PARTLY_CHECKED = "partly_checked"  # some gone, the others not looked at yet
NOT_CHECKED = "not_checked"  # no scan has looked at their pages since the answer
NO_FINDINGS = "no_findings"  # the letter named no finding of this case: nothing to check
ERASURE_STATES = (VERIFIED, STILL_ONLINE, PARTLY_CHECKED, NOT_CHECKED, NO_FINDINGS)


@dataclass(frozen=True)
class ErasureCheck:
    """What the scans since the operator's answer say about the photos it promised to erase."""

    letter_id: int
    request_id: int
    promised_on: dt.date
    outcome: str  # complied | partly
    finding_ids: tuple[int, ...]
    gone: tuple[int, ...]
    still_online: tuple[int, ...]
    unchecked: tuple[int, ...]
    last_checked_at: str | None  # the latest scan since the answer that looked at one of them

    @property
    def state(self) -> str:
        if not self.finding_ids:
            return NO_FINDINGS
        if self.still_online:
            return STILL_ONLINE
        if not self.unchecked:
            return VERIFIED
        return PARTLY_CHECKED if self.gone else NOT_CHECKED

    def to_json(self) -> dict[str, object]:
        return {
            "letter_id": self.letter_id,
            "state": self.state,
            "promised_on": self.promised_on.isoformat(),
            "outcome": self.outcome,
            "findings": list(self.finding_ids),
            "gone": list(self.gone),
            "still_online": list(self.still_online),
            "unchecked": list(self.unchecked),
            "last_checked_at": self.last_checked_at,
        }


def promised_erasures(case: Case) -> list[ErasureCheck]:
    """Every request whose answer promised an erasure, each with its check as of now."""
    checks = []
    for item in tracking.list_tracked(case):
        check = erasure_check(case, item.letter.id)
        if check is not None:
            checks.append(check)
    return checks


def erasure_check(case: Case, letter_id: int) -> ErasureCheck | None:
    """The check of one letter's promised erasure, or None if its answer promised none."""
    letter = tracking.get_letter(case, letter_id)
    request = tracking.find_request(case, letter_id)
    outcome = corrections.outcome_of(case, letter_id)
    if request is None or outcome is None or outcome[0] not in PROMISE_OUTCOMES:
        return None
    findings = letter.finding_ids
    if letter.letter_type != "erasure":
        if letter.letter_type not in ("reminder", "complaint"):
            return None
        original, _ = tracking.original_request_of(case, letter_id)
        if original.letter_type != "erasure":
            return None
        findings = findings or original.finding_ids
    with case.connection() as conn:
        known = {int(row[0]) for row in conn.execute("SELECT id FROM findings")}
        wanted = tuple(f for f in dict.fromkeys(findings) if f in known)
        verdicts, checked_at = _judge(conn, wanted, outcome[1])
    return ErasureCheck(
        letter_id=letter_id,
        request_id=request.id,
        promised_on=outcome[1],
        outcome=outcome[0],
        finding_ids=wanted,
        gone=tuple(f for f in wanted if verdicts[f] == "gone"),
        still_online=tuple(f for f in wanted if verdicts[f] == "seen"),
        unchecked=tuple(f for f in wanted if verdicts[f] == "unchecked"),
        last_checked_at=checked_at,
    )


def _judge(
    conn: sqlite3.Connection, finding_ids: Sequence[int], since: dt.date
) -> tuple[dict[int, str], str | None]:
    """Per finding "seen" | "gone" | "unchecked" from the scans started on or after ``since``."""
    if not finding_ids:
        return {}, None
    # Stored times are ISO 8601 in UTC ("2026-12-02T10:00:00Z"): a day compares as a prefix.
    after = {
        int(row[0]): str(row[1])
        for row in conn.execute(
            "SELECT id, started_at FROM scans WHERE started_at >= ?", (since.isoformat(),)
        )
    }
    marks = ",".join("?" * len(finding_ids))
    places: dict[int, dict[tuple[str, str], set[int]]] = {f: {} for f in finding_ids}
    for finding, scan, page, image in conn.execute(
        f"SELECT finding_id, scan_id, page_url, image_url FROM finding_sightings"  # noqa: S608
        f" WHERE finding_id IN ({marks})",
        tuple(finding_ids),
    ):
        seen_in = places[int(finding)].setdefault((page or "", image), set())
        if int(scan) in after:
            seen_in.add(int(scan))
    wheres = {page or image for found in places.values() for page, image in found}
    read: dict[str, set[int]] = {}
    for where in wheres:  # a few pages per finding; scan_checked is indexed by URL
        for (scan,) in conn.execute("SELECT scan_id FROM scan_checked WHERE url = ?", (where,)):
            if int(scan) in after:
                read.setdefault(where, set()).add(int(scan))
    verdicts: dict[int, str] = {}
    looked: set[int] = set()
    for finding, found in places.items():
        states = []
        for (page, image), seen_in in found.items():
            checks = seen_in | read.get(page or image, set())
            looked |= checks
            if not checks:
                states.append("unchecked")
            else:
                states.append("seen" if max(checks) in seen_in else "gone")
        if "seen" in states:
            verdicts[finding] = "seen"
        elif states and all(state == "gone" for state in states):
            verdicts[finding] = "gone"
        else:
            verdicts[finding] = "unchecked"
    checked_at = after[max(looked)] if looked else None
    return verdicts, checked_at


def sources_of(case: Case, finding_ids: Iterable[int]) -> list[int]:
    """The ids of the case's sources through which these findings were seen (any scan)."""
    wanted = list(dict.fromkeys(finding_ids))
    if not wanted:
        return []
    marks = ",".join("?" * len(wanted))
    with case.connection() as conn:
        found = {
            str(row[0])
            for row in conn.execute(
                "SELECT DISTINCT i.source FROM finding_sightings s JOIN images i"  # noqa: S608
                " ON i.scan_id = s.scan_id AND i.image_url = s.image_url"
                f" AND i.page_url = s.page_url WHERE s.finding_id IN ({marks})",
                wanted,
            )
        }
        found |= {
            str(row[0])
            for row in conn.execute(
                f"SELECT source FROM findings WHERE id IN ({marks})",  # noqa: S608
                wanted,
            )
        }
    return [row.id for row in case.sources() if row.url_or_path in found]


class RecheckError(FaceAuditError):
    """A promised erasure cannot be re-checked as asked."""


def recheck_sources(case: Case, letter_id: int) -> tuple[ErasureCheck, list[int]]:
    """The letter's promised erasure and the sources a re-check must scan (their ids).

    Refused, with what to do, when the answer promised no erasure or when none of the
    pages where the photos were found is still among the case's sources.
    """
    check = erasure_check(case, letter_id)
    if check is None:
        raise RecheckError(
            f"Letter {letter_id} has no answer saying the data was erased.",
            "Record the operator's answer first: faceaudit requests outcome --case NAME "
            f"{letter_id} complied (re-checks are for erasure requests the operator says it "
            "carried out).",
        )
    if not check.finding_ids:
        raise RecheckError(
            f"Letter {letter_id} names no finding of this case, so there is no photo to check.",
            "Scan the case again to look at all its sources: faceaudit scan --case NAME.",
        )
    sources = sources_of(case, check.finding_ids)
    if not sources:
        raise RecheckError(
            f"The sources where the photos of letter {letter_id} were found are no longer in "
            "this case, so they cannot be scanned again.",
            "Add the page back (faceaudit sources add --case NAME URL), then re-check.",
        )
    return check, sources


def after_recheck(case: Case, letter_id: int, scan_id: int | None) -> ErasureCheck:
    """The check once the re-check's scan has run, recorded in the case's audit log (the
    letter, the scan and the counts: no address, no name)."""
    check = erasure_check(case, letter_id)
    if check is None:  # the answer was taken back while the scan ran
        raise RecheckError(
            f"Letter {letter_id} no longer has an answer saying the data was erased.",
            "Record the operator's answer again, then re-check.",
        )
    case.record_action(
        ERASURE_RECHECKED,
        letter=letter_id,
        scan=scan_id,
        state=check.state,
        gone=len(check.gone),
        still_online=len(check.still_online),
        unchecked=len(check.unchecked),
    )
    return check
