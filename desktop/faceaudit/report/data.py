"""What a report says, gathered from an open Case into plain rows (no layout, no language).

Everything comes from the store's own answers: the scans, each source's honest state
(``Case.source_states()``, as the Sources screen shows it), the confirmed findings with
their history (seen / gone / unchecked: faceaudit.store.history), the letters and
requests with their status today (faceaudit.letters.tracking), the promised erasures
checked again (:mod:`faceaudit.report.erasure`) and the previous report's snapshot.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from faceaudit.letters import corrections, tracking
from faceaudit.report import erasure
from faceaudit.report.snapshots import Snapshot, previous_snapshot
from faceaudit.store.history import site_of
from faceaudit.store.source_states import FAILED, NOT_SCANNED, SKIPPED

if TYPE_CHECKING:
    from faceaudit.store import Case

UNCHECKABLE = (FAILED, SKIPPED, NOT_SCANNED)
MAX_PLACES = 6  # places listed per appearance; the rest are counted


@dataclass(frozen=True)
class ScanLine:
    id: int
    started_at: str
    finished_at: str | None
    status: str  # running | done | cancelled | failed
    pages: int
    images: int


@dataclass(frozen=True)
class SourceLine:
    url: str
    state: str  # faceaudit.store.source_states.STATES
    checked_at: str | None
    reason: str | None
    pages: int = 0
    images: int = 0
    faces: int = 0
    findings: int = 0
    problems: int = 0

    @property
    def could_not_be_checked(self) -> bool:
        return self.state in UNCHECKABLE


@dataclass(frozen=True)
class Place:
    page_url: str | None
    image_url: str
    gone: bool


@dataclass(frozen=True)
class Appearance:
    finding_id: int
    site: str
    page_url: str | None
    image_url: str
    first_seen_at: str
    last_seen_at: str
    presence: str  # seen | gone | unchecked
    last_checked_at: str | None
    gone_since_at: str | None  # when presence is gone: the start of the scan that showed it
    frame_time: float | None
    thumbnail_jpeg: bytes = field(repr=False, default=b"")
    places: tuple[Place, ...] = ()  # further places (beyond the first), at most MAX_PLACES
    more_places: int = 0  # places not listed


@dataclass(frozen=True)
class LetterLine:
    letter_id: int
    letter_type: str
    operator: str
    jurisdiction: str
    sent_at: dt.date
    due: dt.date
    status: str  # tracking.STATUSES, as of the report's day
    next_step: str | None  # reminder | complaint | None
    outcome: str | None  # complied | partly | refused
    outcome_at: dt.date | None
    finding_ids: tuple[int, ...]
    erasure: erasure.ErasureCheck | None


@dataclass(frozen=True)
class Changes:
    previous_at: str  # when the previous report was made
    new: tuple[int, ...]
    removed: tuple[int, ...]
    still_there: tuple[int, ...]
    not_checked: tuple[int, ...]


@dataclass(frozen=True)
class ReportData:
    case_name: str
    case_id: str
    person_name: str | None
    prepared_by: str | None  # the clinic that made the report, when one is set up here
    generated_at: str
    today: dt.date
    scans: tuple[ScanLine, ...]
    sources: tuple[SourceLine, ...]
    appearances: tuple[Appearance, ...]
    letters: tuple[LetterLine, ...]
    drafts: int  # letters drafted but not marked sent
    unreviewed: int  # possible matches the person has not reviewed yet
    changes: Changes | None  # None: the first report of the case
    latest_scan_id: int | None

    def appearance(self, finding_id: int) -> Appearance | None:
        return next((a for a in self.appearances if a.finding_id == finding_id), None)

    def presences(self) -> dict[int, str]:
        return {a.finding_id: a.presence for a in self.appearances}


def gather(
    case: Case,
    *,
    today: dt.date | None = None,
    now: str | None = None,
    prepared_by: str | None = None,
) -> ReportData:
    """Everything the report shows, as of ``today`` (statuses and due dates count from it)."""
    from faceaudit.timestamps import utc_now

    today = today or dt.date.today()
    scans = tuple(
        ScanLine(
            s.id,
            s.started_at,
            s.finished_at,
            s.status,
            int(s.stats.get("pages", 0) or 0),
            int(s.stats.get("images", 0) or 0),
        )
        for s in case.scans()
    )
    latest = case.latest_scan_id()
    appearances = _appearances(case)
    letters, drafts = _letters(case, today)
    person = case.person
    return ReportData(
        case_name=case.name,
        case_id=case.case_id,
        person_name=person.full_name,
        prepared_by=prepared_by,
        generated_at=now or utc_now(),
        today=today,
        scans=scans,
        sources=_sources(case),
        appearances=appearances,
        letters=letters,
        drafts=drafts,
        unreviewed=len(case.findings(reviews=["unreviewed"], verdicts=["match", "possible"])),
        changes=_changes(previous_snapshot(case, latest), appearances),
        latest_scan_id=latest,
    )


def _sources(case: Case) -> tuple[SourceLine, ...]:
    rows = {row.id: row for row in case.sources()}
    return tuple(
        SourceLine(
            url=rows[state.source_id].url_or_path,
            state=state.state,
            checked_at=state.checked_at,
            reason=state.reason,
            pages=state.pages,
            images=state.images,
            faces=state.faces,
            findings=state.findings,
            problems=state.problems,
        )
        for state in case.source_states()
        if state.source_id in rows
    )


def _appearances(case: Case) -> tuple[Appearance, ...]:
    confirmed = case.findings(reviews=["confirmed"])
    histories = case.finding_history([row.id for row in confirmed])
    started = {scan.id: scan.started_at for scan in case.scans()}
    found = []
    for row in confirmed:
        history = histories.get(row.id)
        if history is None:  # no sighting recorded: show it as first found
            found.append(
                Appearance(
                    row.id,
                    site_of(row.page_url or row.image_url),
                    row.page_url,
                    row.image_url,
                    row.first_seen_at,
                    row.last_seen_at,
                    "unchecked",
                    None,
                    None,
                    row.frame_time,
                    case.finding_thumbnail(row.id),
                )
            )
            continue
        first, *others = history.places
        gone_since = history.gone_since_scan_id
        found.append(
            Appearance(
                finding_id=row.id,
                site=first.site,
                page_url=first.page_url,
                image_url=first.image_url,
                first_seen_at=row.first_seen_at,
                last_seen_at=history.last_seen_at,
                presence=history.presence,
                last_checked_at=history.last_checked_at,
                gone_since_at=started.get(gone_since) if gone_since is not None else None,
                frame_time=row.frame_time,
                thumbnail_jpeg=case.finding_thumbnail(row.id),
                places=tuple(Place(p.page_url, p.image_url, p.gone) for p in others[:MAX_PLACES]),
                more_places=max(0, len(others) - MAX_PLACES),
            )
        )
    return tuple(found)


def _letters(case: Case, today: dt.date) -> tuple[tuple[LetterLine, ...], int]:
    lines = []
    drafts = 0
    for item in tracking.list_tracked(case, today):
        request = item.request
        if request is None:
            drafts += 1
            continue
        outcome = corrections.outcome_of(case, item.letter.id)
        lines.append(
            LetterLine(
                letter_id=item.letter.id,
                letter_type=item.letter.letter_type,
                operator=item.letter.operator.name,
                jurisdiction=item.letter.jurisdiction,
                sent_at=request.sent_at,
                due=request.effective_due,
                status=item.status,
                next_step=item.next_step,
                outcome=outcome[0] if outcome else None,
                outcome_at=outcome[1] if outcome else None,
                finding_ids=item.letter.finding_ids,
                erasure=erasure.erasure_check(case, item.letter.id),
            )
        )
    return tuple(lines), drafts


def _changes(previous: Snapshot | None, appearances: tuple[Appearance, ...]) -> Changes | None:
    """New, removed (gone since), still there and not checked again, against ``previous``.

    A photo already gone in the previous report is not a change; one confirmed after it but
    already gone counts as removed (it was online when found)."""
    if previous is None:
        return None
    before = previous.appearances
    new, removed, still, unchecked = [], [], [], []
    for item in appearances:
        then = before.get(item.finding_id)
        if item.presence == "gone":
            if then != "gone":
                removed.append(item.finding_id)
        elif then is None or then == "gone":  # found since, or back online
            new.append(item.finding_id)
        elif item.presence == "seen":
            still.append(item.finding_id)
        else:
            unchecked.append(item.finding_id)
    return Changes(previous.created_at, tuple(new), tuple(removed), tuple(still), tuple(unchecked))
