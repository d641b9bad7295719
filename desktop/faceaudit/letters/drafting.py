"""Drafting a letter from an open case in two steps: prepare (preview) and save (track, write).

The window's letter wizard drafts here, with the steps of the CLI's ``letter --case``: the
person's details come from the case, the findings cited from :mod:`selection`, the law from
:mod:`jurisdiction` (with its reason), and a reminder or complaint rests on the request it
follows up. :func:`prepare` renders without storing anything, so a preview costs nothing;
:func:`save` records the letter (its number is the reference printed on it) and writes the
files, and records nothing when a file cannot be written.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from faceaudit.errors import coded
from faceaudit.letters import tracking
from faceaudit.letters.citations import LANGUAGES
from faceaudit.letters.directory import Directory, Operator, domain_of, slugify
from faceaudit.letters.enclosures import follow_up_enclosures
from faceaudit.letters.export import write_letter
from faceaudit.letters.jurisdiction import (
    REGIME_NAMES,
    JurisdictionChoice,
    Notice,
    choose_jurisdiction,
    normalise_country,
)
from faceaudit.letters.mandates import representative_for
from faceaudit.letters.render import (
    Letter,
    LetterError,
    LetterSpec,
    PriorRequest,
    Sender,
    objection_needs_reason,
    render_letter,
)
from faceaudit.letters.saving import record_and_write
from faceaudit.letters.selection import LetterSelection, select_findings

if TYPE_CHECKING:
    from faceaudit.store import Case, Person

FOLLOW_UPS = ("reminder", "complaint")


class NeedsAuthority(LetterError):
    """A complaint could go to several supervisory authorities: ``candidates`` lists them."""

    def __init__(self, candidates: Sequence[Operator]) -> None:
        self.candidates = tuple(candidates)
        super().__init__(
            "Several supervisory authorities fit this complaint.",
            "Choose the one where you live.",
        )


class NamesNoData(LetterError):
    """An erasure or objection letter that names no page or image."""


class NeedsReason(LetterError):
    """An objection without the person's own grounds."""


class OperatorDetailsMissing(LetterError):
    """An operator typed by hand without a name, or without any way to reach it."""


@dataclass(frozen=True)
class DraftRequest:
    """What the person chose in the wizard (or on the command line)."""

    letter_type: str
    operator: Operator | None  # None for a follow-up: the original letter's operator
    language: str | None = None  # None: the original's, else the case's, else English
    jurisdiction: str | None = None  # None: chosen from residence and the operator, and said
    include_unreviewed: bool = False
    finding_ids: tuple[int, ...] | None = None  # None: the operator's confirmed findings
    follows_up: int | None = None  # reminder / complaint: the letter it follows up
    reason: str = ""
    authority: Operator | None = None  # complaint: None = the only one that fits
    letter_date: dt.date | None = None  # None: today
    include_thumbnails: bool = False
    # The site the person chose the operator for: its findings are cited even when the
    # operator's directory record does not list that domain (a small site's publisher).
    site: str = ""


@dataclass(frozen=True)
class Draft:
    """A rendered letter, not stored yet: what the preview shows."""

    request: DraftRequest
    choice: JurisdictionChoice
    selection: LetterSelection
    letter: Letter
    parent_request_id: int | None

    @property
    def spec(self) -> LetterSpec:
        return self.letter.spec

    def format_warnings(self, formats: Sequence[str]) -> tuple[str, ...]:
        """What the preview must say about ``formats`` (e.g. characters the PDF cannot show)."""
        from faceaudit.letters.export import format_warnings

        return format_warnings(self.letter, formats)


@dataclass(frozen=True)
class SavedLetter:
    letter_id: int
    letter: Letter
    written: tuple[Path, ...]


def sender_of(person: Person) -> Sender:
    return Sender(
        person.full_name or "",
        person.postal_address or "",
        person.email or "",
        normalise_country(person.country),
    )


def default_language(person: Person) -> str:
    language = (person.language or "en").lower()
    return language if language in LANGUAGES else "en"


def operator_for_site(directory: Directory, site: str) -> Operator | None:
    """The directory's controller for a site (a domain or URL), or None."""
    return directory.resolve(site, "controller") if site else None


def given_operator(name: str, address: str, email: str, site: str = "") -> Operator:
    """An operator the person entered by hand (from the site's privacy page)."""
    name, address, email = name.strip(), address.strip(), email.strip()
    if not name or not (address or email):
        raise OperatorDetailsMissing(
            "The operator needs a name and a postal address or a privacy e-mail address.",
            "Find them in the site's privacy policy or legal notice (look for 'data "
            "controller', 'privacy', 'imprint' or 'legal notice').",
        )
    domain = domain_of(site) if site else ""
    return Operator(
        slug=slugify(name or domain or "operator"),
        name=name,
        address=address,
        email=email,
        provenance="given",
        confidence="medium",
        domains=(domain,) if domain else (),
    )


def prepare(
    case: Case, directory: Directory, request: DraftRequest, today: dt.date | None = None
) -> Draft:
    """Render the letter ``request`` describes; nothing is stored. Raises a LetterError
    (NeedsAuthority, NamesNoData, NeedsReason, JurisdictionUnknown...) naming what is missing."""
    letter_date = request.letter_date or today or dt.date.today()
    person = case.person
    sender = sender_of(person)
    prior: PriorRequest | None = None
    history: tuple[PriorRequest, ...] = ()
    parent_request_id: int | None = None
    original: tracking.LetterRecord | None = None
    if request.letter_type in FOLLOW_UPS:
        if request.follows_up is None:
            raise LetterError(
                "A reminder or a complaint follows up a letter already sent.",
                "Choose the request it follows up in the tracker.",
            )
        original, original_request, prior, history = tracking.prior_and_history(
            case, request.follows_up, today=letter_date
        )
        parent_request_id = original_request.id
    operator = original.operator if original is not None else request.operator
    if operator is None:
        raise LetterError("No operator was chosen.", "Choose or enter the site's operator.")
    language = request.language or (original.language if original else default_language(person))
    if original is not None and request.jurisdiction is None:
        choice = JurisdictionChoice(
            original.jurisdiction,
            f"{REGIME_NAMES[original.jurisdiction]}, as the request it follows up",
            reason_notice=Notice(
                "follows-up",
                f"{REGIME_NAMES[original.jurisdiction]}, as the request it follows up",
                (("regime", original.jurisdiction),),
            ),
        )
    else:
        choice = choose_jurisdiction(sender.country, operator, request.jurisdiction)
    # Only the GDPR asks an objection for grounds (Art. 21(1)); the FADP, CCPA and BIPA do not.
    if (
        objection_needs_reason(request.letter_type, choice.jurisdiction)
        and not request.reason.strip()
    ):
        raise NeedsReason(
            "An objection needs your own reasons: the law asks for grounds relating to your "
            "particular situation (GDPR Art. 21(1)).",
            "Write them in the reasons field.",
        )
    site = domain_of(request.site) if request.site else ""
    cites = operator
    if site and site not in operator.domains:
        cites = replace(operator, domains=(*operator.domains, site))
    selection = _selection(case, request, cites, original)
    evidence = selection.evidence(case, request.include_thumbnails)
    if not evidence and request.letter_type in ("erasure", "objection"):
        raise NamesNoData(
            f"This {request.letter_type} letter would name no page or image, so the operator "
            "could not tell which data you mean.",
            "Confirm the findings on its sites first, or include the unreviewed ones.",
        )
    spec = LetterSpec(
        letter_type=request.letter_type,
        jurisdiction=choice.jurisdiction,
        language=language,
        sender=sender,
        operator=operator,
        authority=_authority(directory, request, choice.jurisdiction, sender.country),
        evidence=evidence,
        reason=request.reason,
        prior=prior,
        history=history,
        letter_date=letter_date,
        include_thumbnails=request.include_thumbnails,
        holiday_country=tracking.holiday_country(operator, sender.country),
        # A reminder or complaint encloses the letters sent and the replies kept.
        enclosures=follow_up_enclosures(case, request.follows_up)
        if request.letter_type in FOLLOW_UPS and request.follows_up is not None
        else (),
        # A mandate recorded in the case: the clinic writes on the person's behalf.
        representative=representative_for(case),
    )
    return Draft(request, choice, selection, render_letter(spec), parent_request_id)


def _selection(
    case: Case,
    request: DraftRequest,
    operator: Operator,
    original: tracking.LetterRecord | None,
) -> LetterSelection:
    if request.finding_ids is not None:
        return select_findings(case, operator, finding_ids=request.finding_ids)
    if original is not None and original.finding_ids:
        return select_findings(case, operator, finding_ids=original.finding_ids)
    return select_findings(case, operator, include_unreviewed=request.include_unreviewed)


def authorities(directory: Directory, jurisdiction: str, country: str | None) -> list[Operator]:
    """The supervisory authorities a complaint under ``jurisdiction`` can go to."""
    if jurisdiction == "il":
        return []
    return directory.authorities_for(jurisdiction, country)


def _authority(
    directory: Directory, request: DraftRequest, jurisdiction: str, country: str
) -> Operator | None:
    if request.letter_type != "complaint" or jurisdiction == "il":
        return None
    if request.authority is not None:
        return request.authority
    candidates = authorities(directory, jurisdiction, country)
    if len(candidates) > 1:
        raise NeedsAuthority(candidates)
    return candidates[0] if candidates else None


def save(
    case: Case,
    draft: Draft,
    formats: Sequence[str],
    folder: Path,
    *,
    overwrite: bool = False,
) -> SavedLetter:
    """Record the letter in the case and write it in ``formats`` into ``folder``.

    Its number becomes the reference printed on it. If a file cannot be written (it exists,
    the folder is read-only), nothing is recorded and the error says why.
    """
    try:
        # Killed at any point, this leaves no recorded letter without its files.
        saved = record_and_write(
            case,
            draft.spec,
            formats,
            folder,
            finding_ids=draft.selection.finding_ids,
            parent_request_id=draft.parent_request_id,
            overwrite=overwrite,
        )
    except OSError as error:
        raise coded(
            LetterError(
                f"The letter could not be written to {folder} ({error.strerror or error}); "
                "nothing was recorded.",
                "Choose a folder you can write to, with free space.",
            ),
            "letter-not-written",
            where=folder,
            reason=error.strerror or error,
        ) from error
    return SavedLetter(saved.letter_id, saved.letter, saved.paths)


def write_more(
    case: Case,
    saved: SavedLetter,
    formats: Sequence[str],
    target: Path,
    *,
    overwrite: bool = False,
) -> SavedLetter:
    """Write a letter already recorded in more formats (the same letter, the same number:
    exporting a PDF then a DOCX is one letter, not two)."""
    try:
        written = write_letter(saved.letter, formats, target, overwrite=overwrite)
    except OSError as error:
        raise coded(
            LetterError(
                f"The letter could not be written to {target} ({error.strerror or error}).",
                "Choose a folder you can write to, with free space.",
            ),
            "letter-not-written",
            where=target,
            reason=error.strerror or error,
        ) from error
    record = tracking.get_letter(case, saved.letter_id)
    every = tuple(dict.fromkeys((*record.formats, *formats)))
    files = tuple(dict.fromkeys((*(Path(f) for f in record.files), *written)))
    tracking.update_letter_output(
        case,
        saved.letter_id,
        every,
        str(written[-1].parent),
        saved.letter.body_sha256,
        files=files,
    )
    return SavedLetter(saved.letter_id, saved.letter, (*saved.written, *written))


def find_operators(directory: Directory, text: str, limit: int = 50) -> list[Operator]:
    """Controllers matching a name, slug, domain or URL the person typed, best first."""
    query = text.strip()
    if not query:
        return []
    found: list[Operator] = []
    exact = directory.get(query.lower(), "controller")
    if exact is not None:
        found.append(exact)
    if "." in query:
        found += directory.by_domain(query, "controller")
    found += directory.by_name(query, "controller")
    unique = list({operator.slug: operator for operator in found}.values())
    return unique[:limit]
