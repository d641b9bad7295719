"""What a letter says, decided from its facts: which text blocks, filled with which values,
and what the person must be warned about before sending it.

The blocks follow the operator (a face-search engine collected images from others' pages;
an operator abroad is told why the law reaches it), the person (residence, own grounds,
an image given on purpose) and what is really attached (an annex is cited only if there is
one). Nothing here reads the case store; :mod:`render` fills and lays out the result.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from faceaudit.letters.citations import Provision, cite
from faceaudit.letters.deadlines import Deadline, add_months
from faceaudit.letters.directory import EU_EEA
from faceaudit.letters.jurisdiction import Notice, coverage_notice, normalise_country
from faceaudit.letters.texts import format_date, plural

if TYPE_CHECKING:
    from faceaudit.letters.render import LetterSpec

MAIN_ACT = {"eu": "gdpr", "uk": "ukgdpr", "ch": "fadp", "ca": "ccpa", "il": "bipa"}
SECONDARY_ACT = {"eu": "gdpr", "uk": "dpa2018", "ch": "dpo", "ca": "ccr", "il": "bipa"}
FAMILY = {"eu": "gdpr", "uk": "gdpr", "ch": "ch", "ca": "ca", "il": "il"}
# The provision each kind of request rests on, cited again in reminders and complaints.
RIGHT_PROVISION = {
    "gdpr": {"access": "15", "erasure": "17", "objection": "21(1)"},
    "ch": {"access": "25", "erasure": "32(2)(c)", "objection": "30(2)(b)"},
    "ca": {"access": "1798.110", "erasure": "1798.105", "objection": "1798.121"},
    "il": {"access": "14/15(a)", "erasure": "14/15(a)", "objection": "14/15(b)"},
}
# s.164A DPA 2018 (complaints to the controller, acknowledged within 30 days) is in force
# from this day (Data (Use and Access) Act 2025 s.103; SI 2026/82 reg. 3) — see docs/LEGAL.md.
UK_COMPLAINTS_TO_CONTROLLER = dt.date(2026, 6, 19)
# The ICO asks for a complaint within three months of the last contact with the organisation.
ICO_COMPLAINT_MONTHS = 3
# Authorities that take complaints in several languages; others take their directory language.
AUTHORITY_LANGUAGES = {"chedoeb": ("de", "fr", "it")}
LANGUAGE_NAMES = {"en": "English", "fr": "French", "de": "German", "es": "Spanish", "it": "Italian"}
_HOME = {"uk": "gb", "ch": "ch", "ca": "us-ca", "il": "us-il"}


class _Request(Protocol):
    @property
    def status(self) -> str: ...
    @property
    def due_at(self) -> dt.date: ...
    @property
    def extended_due_at(self) -> dt.date | None: ...


def status_of(request: _Request, on: dt.date) -> str:
    """The status of a request on ``on``: an open request past its due date is overdue."""
    due = request.extended_due_at or request.due_at
    if request.status in ("sent", "extended", "overdue") and on > due:
        return "overdue"
    if request.status == "overdue":
        return "extended" if request.extended_due_at else "sent"
    return request.status


@dataclass(frozen=True)
class Features:
    """The facts of a letter that change what it says."""

    evidence: bool = False  # an annex of images is attached
    face_search: bool = False  # the operator collects images from others' pages
    abroad: bool = False  # the operator is established outside the law's territory
    reason: bool = False  # the person gave grounds of their own
    thumbnails: bool = False  # the person chose to send images of their face
    resident: bool = False  # the person lives where the law applies
    uk_controller_complaints: bool = False  # s.164A DPA 2018 in force on the letter's date


def operator_abroad(jurisdiction: str, country: str) -> bool:
    """True when the operator is known to be established outside the regime's territory."""
    code = normalise_country(country)
    if not code or jurisdiction in ("ca", "il"):
        return False
    return code not in EU_EEA if jurisdiction == "eu" else code != _HOME[jurisdiction]


def lives_under(jurisdiction: str, person_country: str) -> bool:
    code = normalise_country(person_country)
    return code in EU_EEA if jurisdiction == "eu" else code == _HOME[jurisdiction]


def features_of(spec: LetterSpec) -> Features:
    operator = spec.operator
    return Features(
        evidence=bool(spec.evidence),
        face_search=operator.face_search,
        abroad=operator_abroad(spec.jurisdiction, operator.country),
        reason=bool(spec.reason.strip()),
        thumbnails=spec.include_thumbnails and any(e.thumbnail_jpeg for e in spec.evidence),
        resident=lives_under(spec.jurisdiction, spec.sender.country),
        uk_controller_complaints=spec.letter_date >= UK_COMPLAINTS_TO_CONTROLLER,
    )


def composition(
    letter_type: str, jurisdiction: str, statutory: bool, features: Features | None = None
) -> list[str]:
    """The template blocks a letter is made of, in order.

    Keys starting with ``@`` are single labels (the evidence sentence, the residence
    statement, the enclosures) rather than blocks.
    """
    f = features or Features()
    family = FAMILY[jurisdiction]
    if letter_type in ("reminder", "complaint"):
        specific = f"{jurisdiction}.{letter_type}"
        keys = [specific if specific in BLOCKS_WITH_JURISDICTION else f"{family}.{letter_type}"]
        if (jurisdiction, letter_type, f.uk_controller_complaints) == ("uk", "reminder", True):
            keys.append("uk.reminder_complaint")
        return [*keys, "@enclosures"]
    head = [f"{family}.{letter_type}"]
    if letter_type == "objection" and family != "gdpr":
        # The FADP, the CCPA and BIPA ask for no reasons: the person's, if given, are said.
        head += [*([f"{family}.objection_reasons"] if f.reason else []), f"{family}.objection_end"]
    about = ["@residence"] if f.resident else []
    about += ["@evidence"] if f.evidence else []
    if family == "gdpr":
        # The person's grounds follow the objection they support, before anything else.
        grounds = ["gdpr.erasure_grounds"] if letter_type == "erasure" and f.reason else []
        erasure = _gdpr_erasure(letter_type, f)
        return [*head, *grounds, *about, *erasure, *_gdpr_tail(letter_type, jurisdiction, f)]
    if family == "ch":
        tail = ["ch.rules", *(["ch.scope"] if f.abroad else [])]
        tail += ["ch.access_rules"] if letter_type == "access" else []
        tail += ["ch.deadline" if statutory else "ch.deadline_set"]
        return [*head, *about, *tail]
    if family == "ca":
        # Opt-out and limitation requests need no verification (they are not "verifiable").
        tail = [] if letter_type == "objection" else ["ca.verify", "ca.deadline"]
        return [*head, *about, "ca.rules", *tail]
    return ["il.intro", *about, *head, "il.deadline"]


# Reminders and complaints with a text of their own rather than the family's.
BLOCKS_WITH_JURISDICTION = frozenset({"uk.complaint"})


def _gdpr_erasure(letter_type: str, f: Features) -> list[str]:
    if letter_type != "erasure":
        return []
    public = "gdpr.erasure_public_face_search" if f.face_search else "gdpr.erasure_public"
    return [public, "gdpr.erasure_end"]


def _gdpr_tail(letter_type: str, jurisdiction: str, f: Features) -> list[str]:
    keys = ["gdpr.biometric"]
    if f.abroad:
        keys.append("gdpr.scope_face_search" if f.face_search else "gdpr.scope")
        if f.face_search:
            keys.append(f"{jurisdiction}.decisions")
    keys.append("gdpr.rules")
    keys += ["gdpr.access_rules"] if letter_type == "access" else []
    if f.face_search and f.evidence:
        keys.append("gdpr.identify_image" if f.thumbnails else "gdpr.identify_index")
    keys.append("uk.deadline" if jurisdiction == "uk" else "gdpr.deadline")
    return keys


def evidence_label(spec: LetterSpec) -> str:
    if spec.jurisdiction == "il":
        return "evidence.il"
    return "evidence.face_search" if spec.operator.face_search else "evidence"


def marker_label(marker: str, spec: LetterSpec) -> str | None:
    """The label a ``@`` key stands for in this letter, or None when it says nothing here."""
    if marker == "@evidence":
        return evidence_label(spec)
    if marker == "@residence":
        country = normalise_country(spec.sender.country)
        eea_only = spec.jurisdiction == "eu" and country in ("no", "is", "li")
        return "residence.eea" if eea_only else f"residence.{spec.jurisdiction}"
    raise ValueError(marker)


def values(
    spec: LetterSpec, deadline: Deadline, labels: Mapping[str, str], templates: Mapping[str, object]
) -> dict[str, str]:
    language = spec.language
    operator = spec.operator.for_jurisdiction(spec.jurisdiction)
    count = len(spec.evidence)
    result = {
        "person_name": spec.sender.name,
        "operator_name": operator.name,
        "operator_address_inline": ", ".join(
            line.strip() for line in operator.address.splitlines() if line.strip()
        )
        or operator.email
        or operator.webform,
        "due_date": format_date(deadline.due, language),
        "letter_date": format_date(spec.letter_date, language),
        "acknowledge_by": format_date(deadline.acknowledge_by, language)
        if deadline.acknowledge_by
        else "",
        "reason": spec.reason.strip(),
        "count": str(count),
        "images": plural(dict(labels), "images", count),
        "this_letter": labels["this_letter.annex" if count else "this_letter.alone"],
        "annexes": labels["annexes.images_history" if count else "annexes.history"],
        "territory_in": labels.get(f"territory_in.{spec.jurisdiction}", ""),
        "law_name": labels.get(f"law_name.{spec.jurisdiction}", ""),
        # The guidance and case law each regulator stands behind (the EDPB's and the
        # CJEU's do not bind the UK).
        **{
            name: labels.get(f"{name}.{spec.jurisdiction}", "")
            for name in (
                "guidance_biometric",
                "guidance_identity",
                "guidance_channel",
                "cjeu_recipients",
            )
        },
    }
    prior = spec.prior
    if prior is not None:
        family = FAMILY[spec.jurisdiction]
        right = RIGHT_PROVISION[family].get(prior.letter_type, RIGHT_PROVISION[family]["access"])
        act = "bipa" if family == "il" else MAIN_ACT[spec.jurisdiction]
        result.update(
            original_date=format_date(prior.sent_at, language),
            original_due=format_date(prior.extended_due_at or prior.due_at, language),
            original_kind=labels[f"kind.{prior.letter_type}"],
            my_original_kind=labels.get(
                f"my_kind.{prior.letter_type}", labels[f"kind.{prior.letter_type}"]
            ),
            original_ref=prior.reference or "—",
            original_right=cite(Provision.parse(act, right), language),
            history_sentence=history_sentence(spec, templates, operator.name),
        )
    return result


def history_sentence(spec: LetterSpec, templates: Mapping[str, object], operator_name: str) -> str:
    prior = spec.prior
    assert prior is not None
    history = templates["history"]
    assert isinstance(history, dict)
    language = spec.language
    if prior.extended_due_at:
        return str(history["extended"]).format(
            operator_name=operator_name, extended_due=format_date(prior.extended_due_at, language)
        )
    if prior.answered_at:
        return str(history["answered"]).format(
            answered_date=format_date(prior.answered_at, language)
        )
    late = getattr(prior, "late_extension_until", None)
    if late is not None:
        return str(history["late_extension"]).format(operator_name=operator_name)
    return str(history["no_answer"])


def warnings(spec: LetterSpec) -> tuple[str, ...]:
    """What the person should know before sending: the law may not cover them, the
    authority may reject the complaint, the erasure rests on fewer grounds."""
    return tuple(notice.text for notice in warning_notices(spec))


def warning_notices(spec: LetterSpec) -> tuple[Notice, ...]:
    """:func:`warnings` as codes with their values, for the window to translate."""
    found: list[Notice] = []
    coverage = coverage_notice(spec.jurisdiction, spec.sender.country, spec.operator.country)
    if coverage:
        found.append(coverage)
    if spec.letter_type == "erasure" and spec.jurisdiction in ("eu", "uk") and not spec.reason:
        found.append(
            Notice(
                "erasure-without-reason",
                "Without --reason the erasure rests on unlawful processing (Art. 17(1)(d)) and "
                "withdrawn consent only: an objection (Art. 17(1)(c)) needs grounds relating to "
                "your particular situation, e.g. why being identifiable from your face harms you.",
            )
        )
    if spec.letter_type == "complaint" and spec.authority is not None:
        found += _complaint_warnings(spec)
    return tuple(found)


def _complaint_warnings(spec: LetterSpec) -> list[Notice]:
    authority = spec.authority
    assert authority is not None
    found = []
    accepted = AUTHORITY_LANGUAGES.get(authority.slug) or (
        (authority.language,) if authority.language else ()
    )
    if accepted and spec.language not in accepted:
        names = [LANGUAGE_NAMES.get(code, code) for code in accepted]
        listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]
        found.append(
            Notice(
                "authority-language",
                f"Complaints to {authority.name} are taken in {listed}; this one is in "
                f"{LANGUAGE_NAMES.get(spec.language, spec.language)} and may be rejected or "
                f"delayed. Draft it again with --lang {accepted[0]}.",
                (
                    ("authority", authority.name),
                    ("accepted", ",".join(accepted)),
                    ("language", spec.language),
                ),
            )
        )
    reminded = any(r.letter_type == "reminder" for r in spec.history)
    if (
        spec.jurisdiction == "uk"
        and spec.letter_date >= UK_COMPLAINTS_TO_CONTROLLER
        and not reminded
    ):
        found.append(
            Notice(
                "uk-complain-to-organisation-first",
                "Since 19 June 2026 organisations must handle complaints about their use of "
                "your data themselves first (s.164A DPA 2018), and the ICO expects you to "
                "have complained to the organisation. Send it the reminder (FaceAudit words "
                "it as that complaint) and wait for its outcome before complaining to the ICO.",
            )
        )
    if spec.jurisdiction == "uk":
        contacts = [r.sent_at for r in (*spec.history, *(p for p in (spec.prior,) if p))]
        contacts += [r.answered_at for r in spec.history if r.answered_at]
        if spec.prior is not None and spec.prior.answered_at:
            contacts.append(spec.prior.answered_at)
        last = max(contacts) if contacts else None
        if last is not None and spec.letter_date > add_months(last, ICO_COMPLAINT_MONTHS):
            found.append(
                Notice(
                    "ico-three-months",
                    f"Your last contact with the organisation was on {last.isoformat()}, more "
                    "than three months ago: the ICO asks for complaints within three months of "
                    "the last contact and may not take this one. Send the organisation a "
                    "reminder first, or explain the delay in the complaint.",
                    (("last", last.isoformat()),),
                )
            )
    return found


def advice(spec: LetterSpec) -> tuple[str, ...]:
    """What to do with the letter besides sending it."""
    return tuple(notice.text for notice in advice_notices(spec))


def advice_notices(spec: LetterSpec) -> tuple[Notice, ...]:
    """:func:`advice` as codes: ``attach-enclosures`` (``files``: the names, comma-separated),
    ``no-copy-of-request`` (``reference``, ``sent``), ``keep-proof`` (``type``)."""
    found: list[Notice] = []
    if spec.letter_type in ("reminder", "complaint"):
        files = [enclosure.file_name for enclosure in spec.enclosures]
        if files:
            found.append(
                Notice(
                    "attach-enclosures",
                    "The letter lists what goes with it: the e-mail draft (.eml) carries "
                    "those files; if you send the letter another way, attach them yourself: "
                    + ", ".join(files)
                    + ".",
                    (("files", ",".join(files)),),
                )
            )
        copied = {e.reference for e in spec.enclosures if e.kind == "request"}
        prior = spec.prior
        if prior is not None and prior.reference not in copied:
            sent = prior.sent_at.isoformat()
            found.append(
                Notice(
                    "no-copy-of-request",
                    f"FaceAudit has no file of your request of {sent}, so the letter does not "
                    "list a copy of it: attach one if you kept it, and add it to the list of "
                    "enclosures (--enclose FILE does both).",
                    (("reference", prior.reference), ("sent", sent)),
                )
            )
    representative = spec.representative
    if representative is not None:
        kept = representative.document is not None
        found.append(
            Notice(
                "attach-mandate" if kept else "enclose-mandate",
                "The letter says that the signed mandate is enclosed: "
                + (
                    "the e-mail draft (.eml) carries the copy kept in the case; if you send "
                    "the letter another way, enclose that copy yourself."
                    if kept
                    else "the case keeps no copy of it, so enclose one yourself (or keep it "
                    "in the case: faceaudit mandate record --file SCAN)."
                ),
            )
        )
    what = {
        "reminder": "this reminder",
        "complaint": "this complaint (and your earlier letters)",
    }.get(spec.letter_type, "this letter")
    why = (
        "the authority may ask for it"
        if spec.letter_type == "complaint"
        else "the period for an answer counts from receipt"
    )
    found.append(
        Notice(
            "keep-proof",
            f"Keep proof that you sent {what} and when — the sent e-mail, the registered-post "
            f"receipt, a screenshot of the web form's confirmation: {why}.",
            (("type", spec.letter_type),),
        )
    )
    return tuple(found)
