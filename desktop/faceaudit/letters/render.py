"""Compose a Letter: choose the texts for a type, jurisdiction and language, fill them in.

The result is format-neutral (:class:`Letter`); :mod:`faceaudit.letters.export` lays it out
as PDF, DOCX, plain text or an e-mail. Nothing here touches the case store or the network.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from faceaudit.letters import compose, representation
from faceaudit.letters.citations import Provision, cite
from faceaudit.letters.compose import FAMILY as FAMILY
from faceaudit.letters.compose import MAIN_ACT as MAIN_ACT
from faceaudit.letters.compose import RIGHT_PROVISION as RIGHT_PROVISION
from faceaudit.letters.compose import SECONDARY_ACT as SECONDARY_ACT
from faceaudit.letters.compose import composition as composition
from faceaudit.letters.compose import status_of as status_of
from faceaudit.letters.deadlines import JURISDICTIONS, LETTER_TYPES, Deadline, compute_deadline
from faceaudit.letters.directory import Operator
from faceaudit.letters.jurisdiction import Notice
from faceaudit.letters.texts import COMPLETE_LANGUAGES as COMPLETE_LANGUAGES
from faceaudit.letters.texts import CORE_TYPES as CORE_TYPES
from faceaudit.letters.texts import LetterError as LetterError
from faceaudit.letters.texts import MissingDetailsError as MissingDetailsError
from faceaudit.letters.texts import flatten, load_templates, polish_text
from faceaudit.letters.texts import format_date as format_date
from faceaudit.letters.texts import supported as supported

# Where the law offers no such request, the letter says what it does instead — and so do we.
EQUIVALENTS: dict[tuple[str, str], str] = {
    ("ca", "access"): (
        "The CCPA's right to know replaces GDPR access: the copy of Art. 15(3) becomes the "
        "'specific pieces' of Civ. Code §1798.110(a)(5), and the source of Art. 15(1)(g) only "
        "the categories of sources."
    ),
    ("ca", "erasure"): (
        "The CCPA has no counterpart to GDPR Art. 17(2) and Art. 19: the letter asks the "
        "business to notify its service providers, contractors and the third parties it sold "
        "or shared the data with (Civ. Code §1798.105(c)(1)) instead. The right to delete "
        "covers information 'collected from the consumer' (§1798.105(a)): a business that took "
        "the photos from the web may argue that it does not apply."
    ),
    ("ca", "objection"): (
        "The CCPA has no general right to object: the letter uses the rights to opt out of "
        "sale and sharing (§1798.120) and to limit the use of sensitive personal information "
        "(§1798.121) instead."
    ),
    ("ch", "erasure"): (
        "The Swiss FADP has no GDPR-style right to erasure and no Art. 17(2) duty: the letter "
        "rests on the express objection (Art. 30(2)(b) FADP) and the claim for deletion "
        "(Art. 32(2)(c) FADP)."
    ),
    ("ch", "complaint"): (
        "Swiss law gives no complaint with party rights: the letter is a report to the FDPIC "
        "(Art. 49 FADP), who decides whether to investigate."
    ),
    ("il", "access"): (
        "Illinois BIPA gives no right of access: the letter is informational, names the "
        "consent and retention duties (740 ILCS 14/15) and asks for the written policy."
    ),
    ("il", "erasure"): (
        "Illinois BIPA gives no right to erasure: the letter is informational and asks for "
        "destruction under the retention duty (740 ILCS 14/15(a))."
    ),
    ("il", "objection"): (
        "Illinois BIPA gives no right to object: the letter refuses consent and names the "
        "written-release duty (740 ILCS 14/15(b))."
    ),
    ("il", "reminder"): (
        "Illinois BIPA sets no period for an answer: the reminder follows up on the 30 days "
        "the first letter asked for."
    ),
    ("il", "complaint"): (
        "Illinois BIPA has no supervisory authority: the complaint is replaced by a final "
        "notice to the operator; BIPA is enforced by private action (740 ILCS 14/20), so "
        "consider consulting a lawyer."
    ),
}

_PLACEHOLDER = re.compile(r"\{([a-z_]+)(?::([^{}]+))?\}")
_ACT_PLACEHOLDERS = {"gdpr", "bipa", "ccpa", "fadp"}


@dataclass(frozen=True)
class Sender:
    """The Person the letter is written for."""

    name: str
    address: str
    email: str
    country: str = ""


@dataclass(frozen=True)
class Representative:
    """The clinic that writes for the person, under the mandate recorded in the case
    (:mod:`faceaudit.letters.mandates`); the letter names it and answers go to it."""

    name: str
    address: str
    email: str
    kind: str  # what the person signed: "art80" (GDPR Art. 80(1)) or "authorisation"
    signed_on: dt.date
    # The signed mandate kept in the case (a scan), attached to the e-mail draft.
    document_name: str = ""
    document: bytes | None = None


@dataclass(frozen=True)
class CaptureNote:
    """The page as the person saw it in the in-app browser (faceaudit.store.captures): the
    PDF goes with the e-mail draft, the annex names it with the SHA-256 of each file."""

    taken_at: str  # UTC ISO date-time
    pdf_sha256: str
    png_sha256: str
    file_name: str  # of the PDF, as attached
    pdf: bytes = b""


@dataclass(frozen=True)
class Evidence:
    """One image as cited in the annex (one entry per image, however many faces it shows)."""

    page_url: str | None
    image_url: str
    found_at: str  # ISO date or date-time
    sha256: str = ""
    thumbnail_jpeg: bytes | None = None
    finding_id: int | None = None
    # The other places (page URL, image URL) the same image was seen on the operator's sites.
    also_at: tuple[tuple[str | None, str], ...] = ()
    capture: CaptureNote | None = None  # the latest capture of its page, if the case has one


@dataclass(frozen=True)
class PriorRequest:
    """A request already sent, which a reminder or a complaint refers to."""

    reference: str
    letter_type: str
    sent_at: dt.date
    due_at: dt.date
    channel: str = ""
    status: str = "sent"  # as stored or computed; :func:`status_of` recomputes it on a date
    answered_at: dt.date | None = None
    extended_due_at: dt.date | None = None  # an extension announced in time
    received_at: dt.date | None = None
    extension_announced_at: dt.date | None = None
    late_extension_until: dt.date | None = None  # announced too late: on record, not honoured

    @property
    def effective_due(self) -> dt.date:
        return self.extended_due_at or self.due_at


@dataclass(frozen=True)
class Enclosure:
    """A document sent with a reminder or complaint, listed in the letter and attached to its
    e-mail draft: a copy of a request sent ("request"), the operator's reply ("reply"), or a
    file the person added, e.g. a post receipt ("file")."""

    kind: str
    file_name: str
    data: bytes
    letter_type: str = ""  # request: what it was (access, erasure, ..., reminder)
    reference: str = ""  # request: its reference (FA-3)
    on: dt.date | None = None  # request: when it was sent; reply: when it was received


@dataclass(frozen=True)
class LetterSpec:
    letter_type: str
    jurisdiction: str
    language: str
    sender: Sender
    operator: Operator  # the controller the request is about
    authority: Operator | None = None  # complaints: who receives it
    evidence: tuple[Evidence, ...] = ()
    reason: str = ""
    prior: PriorRequest | None = None
    history: tuple[PriorRequest, ...] = ()
    letter_date: dt.date = field(default_factory=dt.date.today)
    reference: str = ""
    include_thumbnails: bool = False
    holiday_country: str | None = None
    enclosures: tuple[Enclosure, ...] = ()  # reminders and complaints: what goes with them
    representative: Representative | None = None  # a clinic writing under a mandate


@dataclass(frozen=True)
class Block:
    kind: str  # "text" | "item"
    text: str


@dataclass(frozen=True)
class Letter:
    """A rendered letter, ready to be laid out in any format."""

    spec: LetterSpec
    recipient: Operator
    subject: str
    sender_lines: tuple[str, ...]
    recipient_lines: tuple[str, ...]
    delivery_line: str
    date_line: str
    reference_line: str
    salutation: str
    blocks: tuple[Block, ...]
    closing: str
    labels: Mapping[str, str]
    deadline: Deadline
    equivalent: str | None
    citations: tuple[str, ...]
    warnings: tuple[str, ...] = ()  # what the person should know before sending it
    advice: tuple[str, ...] = ()  # what to attach and keep
    signature_lines: tuple[str, ...] = ()  # under the closing; empty: the person's name

    @property
    def signed_by(self) -> tuple[str, ...]:
        return self.signature_lines or (self.spec.sender.name,)

    @property
    def from_mailbox(self) -> tuple[str, str]:
        """Who the letter is from, as (name, e-mail): the clinic when it writes for the person."""
        representative = self.spec.representative
        if representative is not None:
            return representative.name, representative.email
        return self.spec.sender.name, self.spec.sender.email

    @property
    def to_email(self) -> str:
        return self.recipient.email

    @property
    def due_date_text(self) -> str:
        return format_date(self.deadline.due, self.spec.language)

    def plain_text(self) -> str:
        from faceaudit.letters.export import render_text

        return render_text(self)

    @property
    def body_sha256(self) -> str:
        return hashlib.sha256(self.plain_text().encode("utf-8")).hexdigest()


def render_letter(spec: LetterSpec) -> Letter:
    """Fill the texts for ``spec``; raises a LetterError naming what is missing or unsupported.

    The person's and the operator's text is cleaned first (see :mod:`.cleaning`)."""
    from faceaudit.letters.cleaning import clean_spec

    spec = clean_spec(spec)
    _check_spec(spec)
    templates = load_templates(spec.language)
    labels = {k: polish(v, spec) for k, v in flatten(templates["labels"]).items()}
    # The letter counts the period from its own date; the tracker counts from real receipt.
    deadline = compute_deadline(
        spec.jurisdiction, spec.letter_type, spec.letter_date, holiday_country=spec.holiday_country
    )
    recipient = _recipient(spec)
    citations: list[str] = []
    values = compose.values(spec, deadline, labels, templates)

    def fill(text: str) -> str:
        return polish(_fill(text, values, spec, citations), spec)

    blocks: list[Block] = []
    template_blocks = templates["blocks"]
    assert isinstance(template_blocks, dict)
    keys = composition(
        spec.letter_type, spec.jurisdiction, deadline.statutory, compose.features_of(spec)
    )
    for key in keys:
        if key == "@enclosures":
            blocks.extend(_enclosure_blocks(spec, labels, operator_name=values["operator_name"]))
        elif key.startswith("@"):
            label = compose.marker_label(key, spec)
            if label is not None:
                blocks.append(Block("text", fill(labels[label])))
        else:
            blocks.extend(_split_blocks(fill(str(template_blocks[key]))))
    sender_lines = tuple(
        line
        for line in (spec.sender.name, *spec.sender.address.splitlines(), spec.sender.email)
        if line.strip()
    )
    signature: tuple[str, ...] = ()
    if spec.representative is not None:
        # A clinic writes for the person: it says so first, and encloses the mandate.
        opening = representation.opening_paragraphs(spec, citations)
        blocks[:0] = [Block("text", text) for text in opening]
        if "@enclosures" not in keys:
            blocks += [
                Block("text", labels["enclosures_heading.one"]),
                Block("item", representation.enclosure_item(spec)),
            ]
        sender_lines = representation.sender_lines(spec)
        signature = representation.signature_lines(spec)
    subject = fill(_subject(templates, spec))
    return Letter(
        spec=spec,
        recipient=recipient,
        subject=subject,
        sender_lines=sender_lines,
        recipient_lines=tuple(
            line for line in (recipient.name, *recipient.address.splitlines()) if line.strip()
        ),
        delivery_line=_delivery_line(recipient, labels),
        date_line=format_date(spec.letter_date, spec.language),
        reference_line=fill(f"{labels['our_reference']}: {spec.reference}")
        if spec.reference
        else "",
        salutation=labels["salutation"],
        blocks=tuple(blocks),
        closing=labels["closing"],
        labels=labels,
        deadline=deadline,
        equivalent=EQUIVALENTS.get((spec.jurisdiction, spec.letter_type)),
        citations=tuple(dict.fromkeys(citations)),
        warnings=compose.warnings(spec),
        advice=compose.advice(spec),
        signature_lines=signature,
    )


def equivalent_notice(jurisdiction: str, letter_type: str) -> Notice | None:
    """:attr:`Letter.equivalent` as a Notice for the window: code ``equivalent``, with the
    ``regime`` and the letter ``type`` (the pair says which note it is)."""
    text = EQUIVALENTS.get((jurisdiction, letter_type))
    if text is None:
        return None
    return Notice("equivalent", text, (("regime", jurisdiction), ("type", letter_type)))


def polish(text: str, spec: LetterSpec) -> str:
    """Typography the templates cannot carry: French spacing, Swiss German "ss" for "ß"."""
    return polish_text(text, spec.language, spec.jurisdiction)


def objection_needs_reason(letter_type: str, jurisdiction: str | None) -> bool:
    """Only the GDPR (and the UK GDPR) ask an objection for grounds relating to the person's
    particular situation (Art. 21(1)); the Swiss FADP takes an express objection as it is
    (Art. 30(2)(b)), CCPA opt-outs need no reason (§1798.120) and BIPA no release at all.
    ``jurisdiction`` None: not chosen yet, so the answer is "maybe" only for the GDPR."""
    return letter_type == "objection" and FAMILY.get(jurisdiction or "eu") == "gdpr"


def _check_spec(spec: LetterSpec) -> None:
    if spec.letter_type not in LETTER_TYPES:
        raise LetterError(
            f"Unknown letter type {spec.letter_type!r}.",
            "Choose one of: " + ", ".join(LETTER_TYPES) + ".",
        )
    if spec.jurisdiction not in JURISDICTIONS:
        raise LetterError(
            f"Unknown jurisdiction {spec.jurisdiction!r}.",
            "Choose one of: " + ", ".join(JURISDICTIONS) + ".",
        )
    if not supported(spec.letter_type, spec.language):
        raise LetterError(
            f"The {spec.letter_type} letter is not available in {spec.language!r}.",
            "Draft it in English (--lang en) or French (--lang fr).",
        )
    missing = []
    if not spec.sender.name.strip():
        missing.append("your full name (--name)")
    # Under a mandate the answer goes to the clinic: the person's own address may be absent.
    represented = spec.representative is not None
    if not spec.sender.address.strip() and not represented:
        missing.append("your postal address (--address)")
    if not spec.sender.email.strip() and not represented:
        missing.append("your e-mail address (--email)")
    if objection_needs_reason(spec.letter_type, spec.jurisdiction) and not spec.reason.strip():
        raise LetterError(
            "An objection needs your own reason: the law asks for grounds relating to your "
            "particular situation (GDPR Art. 21(1)).",
            "Give it with --reason TEXT, e.g. why the use of your face harms you.",
        )
    if spec.letter_type in ("reminder", "complaint") and spec.prior is None:
        missing.append(
            "the request this follows up (--request ID, or --original-date for a one-off letter)"
        )
    prior = spec.prior
    if spec.letter_type in ("reminder", "complaint") and prior is not None:
        due = prior.extended_due_at or prior.due_at
        answered = spec.letter_type == "complaint" and prior.answered_at is not None
        if spec.letter_date <= due and not answered:
            # The letter would say that the period "ended" on a date still to come (a
            # complaint about an answer already received need not wait for it).
            raise LetterError(
                f"The period for an answer to the request of {prior.sent_at.isoformat()} "
                f"has not ended: it runs until {due.isoformat()} inclusive.",
                f"Draft the {spec.letter_type} from {(due + dt.timedelta(days=1)).isoformat()}"
                " on, or correct the date the request was sent.",
            )
    if spec.letter_type == "complaint" and spec.jurisdiction != "il":
        authority = spec.authority
        if authority is None or not (authority.address or authority.email or authority.webform):
            missing.append(
                "the supervisory authority's details (--authority SLUG, or your country; "
                "'faceaudit operators import' brings every EU/EEA authority)"
            )
    operator = spec.operator.for_jurisdiction(spec.jurisdiction)
    if not operator.name.strip():
        missing.append("the operator's name (--operator-name)")
    if not (operator.address.strip() or operator.email.strip() or operator.webform.strip()):
        missing.append(
            "the operator's postal address or e-mail (--operator-address, --operator-email)"
        )
    if missing:
        raise MissingDetailsError(
            missing,
            "Give them on the command line or in the case. The operator's details are in the "
            "site's privacy policy or legal notice (look for 'data controller', 'privacy', "
            "'imprint' or 'legal notice').",
        )


def _recipient(spec: LetterSpec) -> Operator:
    if spec.letter_type == "complaint" and spec.authority is not None and spec.jurisdiction != "il":
        return spec.authority
    return spec.operator.for_jurisdiction(spec.jurisdiction)


def _subject(templates: Mapping[str, object], spec: LetterSpec) -> str:
    subjects = templates["subject"]
    assert isinstance(subjects, dict)
    specific = f"{spec.jurisdiction}.{spec.letter_type}"
    family = f"{FAMILY[spec.jurisdiction]}.{spec.letter_type}"
    for key in (specific, family, spec.letter_type):
        if key in subjects:
            return str(subjects[key])
    raise LetterError(
        f"No subject line for {specific} in {spec.language}.", "Report this as a bug."
    )


def _delivery_line(recipient: Operator, labels: Mapping[str, str]) -> str:
    if recipient.email:
        return labels["by_email"].format(email=recipient.email)
    if recipient.webform:
        return labels["by_webform"].format(webform=recipient.webform)
    return ""


def _fill(text: str, values: Mapping[str, str], spec: LetterSpec, citations: list[str]) -> str:
    def replace(match: re.Match[str]) -> str:
        name, argument = match.group(1), match.group(2)
        if argument is None:
            if name not in values:
                raise LetterError(
                    f"The letter text needs {{{name}}}, which is not available.",
                    "Report this as a bug.",
                )
            return values[name]
        if name == "art":
            act = MAIN_ACT[spec.jurisdiction]
        elif name == "ord":
            act = SECONDARY_ACT[spec.jurisdiction]
        elif name in _ACT_PLACEHOLDERS:
            act = name
        else:
            raise LetterError(f"Unknown citation {{{name}:{argument}}}.", "Report this as a bug.")
        rendered = cite(Provision.parse(act, argument), spec.language)
        citations.append(rendered)
        return rendered

    return _PLACEHOLDER.sub(replace, text)


def _enclosure_blocks(
    spec: LetterSpec, labels: Mapping[str, str], operator_name: str
) -> list[Block]:
    """The list of what goes with a follow-up: exactly the files attached, then the annexes
    (the images, if any, and the history with the dates and channels of sending, which a
    reminder or complaint always has)."""
    items = []
    for enclosure in spec.enclosures:
        on = format_date(enclosure.on, spec.language) if enclosure.on else ""
        if enclosure.kind == "request":
            items.append(
                labels["enclosure.request"].format(
                    kind=labels[f"kind.{enclosure.letter_type}"],
                    date=on,
                    reference=enclosure.reference,
                )
            )
        elif enclosure.kind == "reply":
            items.append(labels["enclosure.reply"].format(operator_name=operator_name, date=on))
        else:
            items.append(enclosure.file_name)
    if spec.representative is not None:
        items.insert(0, representation.enclosure_item(spec))
    if spec.evidence:
        items.append(labels["enclosure.images"])
    items.append(labels["enclosure.history"])
    heading = labels["enclosures_heading.one" if len(items) == 1 else "enclosures_heading.other"]
    return [Block("text", heading), *(Block("item", item) for item in items)]


def _split_blocks(text: str) -> list[Block]:
    blocks: list[Block] = []
    for paragraph in re.split(r"\n\s*\n", text.strip()):
        lines = [line.strip() for line in paragraph.splitlines() if line.strip()]
        if lines and all(line.startswith("- ") for line in lines):
            blocks.extend(Block("item", line[2:]) for line in lines)
        elif lines:
            blocks.append(Block("text", " ".join(lines)))
    return blocks
