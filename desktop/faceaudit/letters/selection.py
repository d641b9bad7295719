"""Which Findings a Letter to an Operator cites, and what its annex lists.

- By default a letter cites the findings the person **confirmed** ("that's me"); the
  unreviewed ones only when the person asks (and the letter then says how many it
  includes). Rejected ones ("not me") never.
- The annex has **one entry per image**, not per face: a group photo with two faces judged
  to be the person is one image the operator must find, and a face of someone else in the
  same photo is not the person's business.
- Each entry lists **every place** the image was seen on the operator's domains (the same
  photo on three pages of the site is three places to take it down from).

The GUI's letter wizard and the CLI both call :func:`select_findings`; the Findings screen
and ``findings --by-operator`` call :func:`findings_by_operator`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from faceaudit.letters.directory import Directory, Operator, domain_of
from faceaudit.letters.render import CaptureNote, Evidence

if TYPE_CHECKING:
    from faceaudit.store import Case, FindingHistory, FindingPlace, FindingRow
    from faceaudit.store.captures import CaptureRow


def on_domains(url: str | None, domains: Iterable[str]) -> bool:
    """Whether a URL's host is one of ``domains`` or a subdomain of one."""
    host = domain_of(url or "")
    return bool(host) and any(host == d or host.endswith("." + d) for d in domains)


def _domains(operator: Operator) -> set[str]:
    return {domain_of(d) for d in operator.domains if d}


@dataclass(frozen=True)
class SelectedImage:
    """One image of the annex: the person's faces in it and where it was seen."""

    image_sha256: str
    finding_ids: tuple[int, ...]  # the faces judged to be the person (usually one)
    places: tuple[FindingPlace, ...]  # every place it was seen (on the operator's domains)
    first_seen_at: str
    confirmed: bool  # at least one of its faces was confirmed by the person

    def evidence(self, thumbnail_jpeg: bytes | None = None) -> Evidence:
        """The annex entry the letter renderer takes."""
        first, *others = self.places
        return Evidence(
            page_url=first.page_url,
            image_url=first.image_url,
            found_at=self.first_seen_at[:10],
            sha256=self.image_sha256,
            thumbnail_jpeg=thumbnail_jpeg,
            finding_id=self.finding_ids[0],
            also_at=tuple((place.page_url, place.image_url) for place in others),
        )


@dataclass(frozen=True)
class LetterSelection:
    """What a letter cites."""

    images: tuple[SelectedImage, ...]
    unreviewed_left_out: int  # unreviewed findings that would fit, left out (the default)

    @property
    def finding_ids(self) -> tuple[int, ...]:
        return tuple(i for image in self.images for i in image.finding_ids)

    @property
    def unreviewed_included(self) -> int:
        """How many cited images the person has not confirmed yet."""
        return sum(1 for image in self.images if not image.confirmed)

    @property
    def places(self) -> int:
        return sum(len(image.places) for image in self.images)

    def evidence(self, case: Case, include_thumbnails: bool = False) -> tuple[Evidence, ...]:
        notes = _captures_by_page(case, {image.places[0].page_url for image in self.images})
        return tuple(
            replace(
                image.evidence(
                    case.finding_thumbnail(image.finding_ids[0]) if include_thumbnails else None
                ),
                capture=notes.get(image.places[0].page_url or ""),
            )
            for image in self.images
        )


def _captures_by_page(case: Case, pages: set[str | None]) -> dict[str, CaptureNote]:
    """The latest capture of each of ``pages`` the in-app browser kept (its PDF read once)."""
    latest: dict[str, CaptureRow] = {}
    for row in case.captures():
        if row.page_url in pages:
            latest[row.page_url] = row  # in id order: the last one wins
    return {
        page: CaptureNote(
            taken_at=row.taken_at,
            pdf_sha256=row.pdf_sha256,
            png_sha256=row.png_sha256,
            file_name=f"capture-{row.id}-{row.taken_at[:10]}.pdf",
            pdf=case.capture_bytes(row.id, "pdf"),
        )
        for page, row in latest.items()
    }


def select_findings(
    case: Case,
    operator: Operator | None = None,
    *,
    finding_ids: Sequence[int] | None = None,
    include_unreviewed: bool = False,
) -> LetterSelection:
    """The findings a letter cites, grouped one entry per image.

    ``finding_ids`` chosen by the person are cited as they are (rejected ones included, if
    they insist); otherwise the findings on the ``operator``'s domains that the person
    confirmed (and the unreviewed ones with ``include_unreviewed``). Only the places on the
    operator's domains are listed, unless the findings were chosen by id.
    """
    rows = case.findings()
    by_id = {row.id: row for row in rows}
    domains = _domains(operator) if operator is not None else set()
    if finding_ids is not None:
        unknown = [i for i in finding_ids if i not in by_id]
        if unknown:
            from faceaudit.letters.render import LetterError

            raise LetterError(
                f"No finding(s) {', '.join(map(str, unknown))} in this case.",
                "Run 'faceaudit findings --case NAME' to see their numbers.",
            )
        chosen = [by_id[i] for i in dict.fromkeys(finding_ids)]
        histories = case.finding_history(row.id for row in chosen)
        return LetterSelection(_group(chosen, histories, domains, strict=False), 0)
    histories = case.finding_history()
    fitting = [
        row
        for row in rows
        if row.review != "rejected"
        and row.id in histories
        and any(_place_on(place, domains) for place in histories[row.id].places)
    ]
    wanted = {"confirmed", "unreviewed"} if include_unreviewed else {"confirmed"}
    chosen = [row for row in fitting if row.review in wanted]
    left_out = sum(1 for row in fitting if row.review not in wanted)
    return LetterSelection(_group(chosen, histories, domains), left_out)


def _place_on(place: FindingPlace, domains: set[str]) -> bool:
    return on_domains(place.page_url, domains) or on_domains(place.image_url, domains)


def _group(
    rows: Sequence[FindingRow],
    histories: dict[int, FindingHistory],
    domains: set[str],
    *,
    strict: bool = True,
) -> tuple[SelectedImage, ...]:
    """One entry per image with its places on ``domains`` (``strict=False``: every place of
    an image that has none there, e.g. findings the person chose by id)."""
    by_image: dict[str, list[FindingRow]] = {}
    for row in rows:
        by_image.setdefault(row.image_sha256, []).append(row)
    images = []
    for sha, faces in by_image.items():
        every: dict[tuple[str | None, str], FindingPlace] = {}
        for row in faces:
            history = histories.get(row.id)
            for place in history.places if history else ():
                every.setdefault((place.page_url, place.image_url), place)
        places = {key: place for key, place in every.items() if _place_on(place, domains)}
        if not places and not strict:
            places = every
        if not places:
            continue
        images.append(
            SelectedImage(
                image_sha256=sha,
                finding_ids=tuple(row.id for row in faces),
                places=tuple(places.values()),
                first_seen_at=min(row.first_seen_at for row in faces),
                confirmed=any(row.review == "confirmed" for row in faces),
            )
        )
    return tuple(images)


@dataclass(frozen=True)
class OperatorFindings:
    """The findings on one operator's sites, and whether a letter already cites them."""

    operator: Operator | None  # None: the directory knows no operator for ``site``
    site: str
    finding_ids: tuple[int, ...]  # not rejected
    unreviewed: int
    cited_ids: tuple[int, ...]  # cited by a letter to this operator already
    letter_ids: tuple[int, ...]  # letters drafted to this operator

    @property
    def needs_letter(self) -> bool:
        """Some finding on its sites is not cited by any letter to it yet."""
        return bool(set(self.finding_ids) - set(self.cited_ids))

    @property
    def name(self) -> str:
        return self.operator.name if self.operator is not None else self.site


def findings_by_operator(case: Case, directory: Directory) -> list[OperatorFindings]:
    """The case's findings (not rejected) grouped by the operator of each site they were seen
    on, with the letters already drafted to it; those that still need a letter first.
    Places in local files (folder and ZIP sources) belong to no operator and are left out."""
    from faceaudit.letters import tracking

    rows = {row.id: row for row in case.findings() if row.review != "rejected"}
    histories = case.finding_history(rows)
    groups: dict[str, tuple[Operator | None, str, set[int]]] = {}
    for finding_id, history in histories.items():
        for place in history.places:
            host = domain_of(place.where)
            if not host:
                continue  # a file on this computer (a folder or ZIP source): nobody to write to
            operator = directory.resolve(host)
            key = f"operator:{operator.slug}" if operator is not None else f"site:{host}"
            groups.setdefault(key, (operator, host, set()))[2].add(finding_id)
    letters = [tracked.letter for tracked in tracking.list_tracked(case)]
    result = []
    for operator, site, ids in groups.values():
        mine = [
            letter
            for letter in letters
            if (operator is not None and letter.operator.slug == operator.slug)
            or on_domains(site, _domains(letter.operator))
        ]
        cited = {i for letter in mine for i in letter.finding_ids}
        result.append(
            OperatorFindings(
                operator=operator,
                site=site,
                finding_ids=tuple(sorted(ids)),
                unreviewed=sum(1 for i in ids if rows[i].review == "unreviewed"),
                cited_ids=tuple(sorted(cited & ids)),
                letter_ids=tuple(letter.id for letter in mine),
            )
        )
    return sorted(result, key=lambda group: (not group.needs_letter, group.name.lower()))
