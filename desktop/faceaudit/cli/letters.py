"""Letter commands: ``letter`` drafts a request, ``requests`` tracks it, ``operators`` finds
who to send it to.

``letter`` works on a case (``--case``: the person's details and findings come from it, and
the letter is tracked) or one-shot (``--name/--address/--email/--url``: nothing is stored
but the files written).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Sequence
from contextlib import ExitStack
from dataclasses import replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from faceaudit.app import App
from faceaudit.cli import EXIT_OK, EXIT_USAGE, date_arg, id_arg, report, request_records
from faceaudit.cli.wording import counted
from faceaudit.letters import calendar, clock, overview, tracking
from faceaudit.letters.citations import LANGUAGES
from faceaudit.letters.deadlines import JURISDICTIONS, LETTER_TYPES
from faceaudit.letters.directory import (
    Directory,
    DirectoryError,
    ImportReport,
    Operator,
    add_local_operator,
    domain_of,
    import_datarequests,
    slugify,
)
from faceaudit.letters.enclosures import added_files, follow_up_enclosures
from faceaudit.letters.export import (
    FORMATS,
    format_warnings,
    mailto_link,
    write_letter,
)
from faceaudit.letters.jurisdiction import choose_jurisdiction, normalise_country
from faceaudit.letters.mandates import representative_for
from faceaudit.letters.render import (
    Enclosure,
    Evidence,
    LetterError,
    LetterSpec,
    MissingDetailsError,
    PriorRequest,
    Representative,
    Sender,
    objection_needs_reason,
    render_letter,
)
from faceaudit.letters.saving import record_and_write
from faceaudit.letters.selection import LetterSelection, findings_by_operator, select_findings
from faceaudit.report.erasure import promised_erasures

Subparsers = argparse._SubParsersAction
MARK_STATUSES = ("sent", "answered", "extended", "paused", "resumed", "closed")
ONE_SHOT_DIR = "letters"


def register(subparsers: Subparsers) -> None:
    _register_letter(subparsers)
    _register_requests(subparsers)
    _register_operators(subparsers)


def _passphrase(parser: argparse.ArgumentParser, suppress: bool = False) -> None:
    parser.add_argument(
        "--passphrase-file",
        metavar="FILE",
        default=argparse.SUPPRESS if suppress else None,
        help="read the case passphrase from FILE "
        "(or set FACEAUDIT_PASSPHRASE; otherwise you are asked)",
    )


def _formats_arg(text: str) -> list[str]:
    formats = [f.strip().lower() for f in text.split(",") if f.strip()]
    bad = [f for f in formats if f not in FORMATS]
    if bad or not formats:
        raise argparse.ArgumentTypeError(f"formats are {', '.join(FORMATS)} (comma-separated)")
    return formats


def _ids_arg(text: str) -> list[int]:
    try:
        return [id_arg(part) for part in text.split(",") if part.strip()]
    except argparse.ArgumentTypeError as error:
        raise argparse.ArgumentTypeError(
            f"finding ids are numbers separated by commas ({error})"
        ) from error


# --- letter -----------------------------------------------------------------------------


def _register_letter(subparsers: Subparsers) -> None:
    parser = subparsers.add_parser(
        "letter",
        help="draft an access, erasure, objection, reminder or complaint letter",
        description=(
            "Draft a request to a site's operator (or a complaint to a supervisory authority) "
            "in PDF, DOCX, plain text or as an e-mail draft. With --case, your details and "
            "findings come from the case and the letter is tracked; without, give --name, "
            "--address, --email and the --url(s) concerned."
        ),
    )
    parser.add_argument("--type", required=True, choices=LETTER_TYPES, dest="letter_type")
    parser.add_argument(
        "--jurisdiction",
        choices=JURISDICTIONS,
        help="eu, uk, ch, ca (California) or il (Illinois); default: chosen from where you "
        "live and where the operator is established, and said",
    )
    parser.add_argument(
        "--lang", choices=LANGUAGES, help="language of the letter (default: the case's, else en)"
    )
    parser.add_argument(
        "--controller",
        metavar="SLUG_OR_DOMAIN",
        help="the operator, by directory slug, domain or URL",
    )
    parser.add_argument(
        "--format",
        type=_formats_arg,
        default=["pdf"],
        metavar="FMT[,FMT]",
        help="pdf, docx, txt, eml (default pdf)",
    )
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="PATH",
        help="a folder, or a file name (sam.pdf: with several formats, sam.pdf, sam.docx...)",
    )
    parser.add_argument(
        "--force", action="store_true", help="replace a letter file that already exists"
    )
    case = parser.add_argument_group("case mode")
    case.add_argument("--case", metavar="NAME", help="draft from this case and track the letter")
    _passphrase(case)
    case.add_argument(
        "--findings",
        type=_ids_arg,
        metavar="ID,...",
        help="the findings to cite (default: those on the operator's domains that you "
        "confirmed, one annex entry per image with every page it was seen on)",
    )
    case.add_argument(
        "--include-unreviewed",
        action="store_true",
        help="also cite the findings on the operator's domains you have not reviewed yet",
    )
    case.add_argument(
        "--request",
        type=id_arg,
        metavar="LETTER_ID",
        help="for a reminder or complaint: the letter it follows up",
    )
    one = parser.add_argument_group("one-shot mode (no case)")
    one.add_argument("--name", help="your full name")
    one.add_argument("--address", help="your postal address (use \\n or commas between lines)")
    one.add_argument("--email", help="your e-mail address")
    one.add_argument(
        "--country",
        help="where you live (ISO code, e.g. FR, GB, CH; US-CA or US-IL for a US state): "
        "picks the law and the authority for a complaint",
    )
    parser.add_argument(
        "--url",
        action="append",
        default=[],
        metavar="URL",
        help="a page or image URL where your face appears (repeatable; with --case, cited "
        "as well as the findings)",
    )
    one.add_argument(
        "--original-date",
        type=date_arg,
        metavar="YYYY-MM-DD",
        help="for a reminder or complaint: when the first request was sent",
    )
    one.add_argument(
        "--original-type",
        choices=("access", "erasure", "objection"),
        default="access",
        help="for a reminder or complaint: what the first request was",
    )
    details = parser.add_argument_group("details of the letter")
    details.add_argument(
        "--reason", help="objection: your own reasons, relating to your particular situation"
    )
    details.add_argument(
        "--authority",
        metavar="SLUG",
        help="complaint: the supervisory authority (default: by your country)",
    )
    details.add_argument(
        "--enclose",
        action="append",
        default=[],
        type=Path,
        metavar="FILE",
        help="reminder or complaint: a file to enclose besides the earlier letters and replies "
        "the case keeps, e.g. a post receipt or, without --case, your first request "
        "(repeatable; listed in the letter and attached to the .eml)",
    )
    details.add_argument(
        "--include-thumbnails",
        action="store_true",
        help="attach the face thumbnails (this sends biometric data to the operator)",
    )
    details.add_argument(
        "--operator-name", help="the operator's legal name, when the directory lacks it"
    )
    details.add_argument("--operator-address", help="the operator's postal address")
    details.add_argument("--operator-email", help="the operator's privacy e-mail address")
    details.add_argument(
        "--date", type=date_arg, metavar="YYYY-MM-DD", help="date of the letter (default: today)"
    )
    parser.set_defaults(handler=run_letter)


def _address(text: str | None) -> str:
    if not text:
        return ""
    # Only \n separates lines here: the rest (control characters, odd breaks) is cleaned with
    # the other fields when the letter is rendered (faceaudit.letters.cleaning).
    return "\n".join(line.strip() for line in text.replace("\\n", "\n").split("\n") if line.strip())


def _operator(args: argparse.Namespace, directory: Directory) -> Operator:
    """The operator from the directory, completed or replaced by --operator-* options."""
    found = directory.resolve(args.controller) if args.controller else None
    if args.controller and found is None and "." not in args.controller:
        matches = directory.by_name(args.controller, "controller")
        found = matches[0] if len(matches) == 1 else None
    overrides: dict[str, str] = {}
    if args.operator_name:
        overrides["name"] = args.operator_name
    if args.operator_address:
        overrides["address"] = _address(args.operator_address)
    if args.operator_email:
        overrides["email"] = args.operator_email
    if found is None:
        if not overrides:
            what = (
                f"FaceAudit knows no operator for {args.controller!r}."
                if args.controller
                else "No operator was given."
            )
            raise MissingDetailsError(
                [
                    "the operator's name (--operator-name)",
                    "its postal address (--operator-address) or privacy e-mail (--operator-email)",
                ],
                f"{what} Find them in the site's privacy policy or legal notice (look for "
                "'data controller', 'privacy', 'imprint' or 'legal notice'), or search the "
                "directory with 'faceaudit operators find TEXT'.",
            )
        name = overrides.get("name", "")
        slug = slugify(name or domain_of(args.controller or "") or "operator")
        domains = (
            (domain_of(args.controller),) if args.controller and "." in args.controller else ()
        )
        return Operator(
            slug=slug,
            name=name,
            address=overrides.get("address", ""),
            email=overrides.get("email", ""),
            provenance="given",
            confidence="medium",
            domains=domains,
        )
    if overrides:
        # The person's details replace the entity chosen for the jurisdiction.
        entity = found.for_jurisdiction(args.jurisdiction or "eu")
        found = replace(
            entity,
            entities={},
            provenance="given",
            name=overrides.get("name", entity.name),
            address=overrides.get("address", entity.address),
            email=overrides.get("email", entity.email),
        )
    return found


def _authority(
    args: argparse.Namespace, directory: Directory, jurisdiction: str, country: str | None
) -> Operator | None:
    if args.letter_type != "complaint" or jurisdiction == "il":
        return None
    if args.authority:
        found = directory.get(args.authority, "authority") or directory.resolve(
            args.authority, "authority"
        )
        if found is None:
            raise LetterError(
                f"No supervisory authority {args.authority!r} in the directory.",
                "Search with 'faceaudit operators find TEXT --kind authority'.",
            )
        return found
    candidates = directory.authorities_for(jurisdiction, country)
    if len(candidates) == 1:
        return candidates[0]
    if not candidates:
        return None
    listing = ", ".join(f"{o.slug} ({o.name})" for o in candidates[:12])
    raise LetterError(
        f"Several supervisory authorities fit: {listing}.",
        "Choose one with --authority SLUG (usually the one where you live).",
    )


def run_letter(args: argparse.Namespace, app: App) -> int:
    directory = Directory.load(app.paths.operators)
    if (
        args.jurisdiction in ("eu", "uk")
        and objection_needs_reason(args.letter_type, args.jurisdiction)
        and not (args.reason or "").strip()
    ):
        raise LetterError(
            "An objection needs your own reasons: the law asks for grounds relating to "
            "your particular situation (GDPR Art. 21(1)).",
            "Give them with --reason TEXT.",
        )
    if args.enclose and args.letter_type not in ("reminder", "complaint"):
        raise LetterError(
            "--enclose is for a reminder or a complaint, which enclose the earlier correspondence.",
            "Leave it out, or draft the reminder or complaint that needs the file.",
        )
    if args.case:
        return _letter_from_case(args, app, directory)
    return _letter_one_shot(args, app, directory)


def _letter_spec(
    args: argparse.Namespace,
    directory: Directory,
    *,
    jurisdiction: str,
    language: str,
    sender: Sender,
    operator: Operator,
    evidence: tuple[Evidence, ...],
    prior: PriorRequest | None,
    history: tuple[PriorRequest, ...] = (),
    include_thumbnails: bool = False,
    enclosures: tuple[Enclosure, ...] = (),
    representative: Representative | None = None,
) -> LetterSpec:
    """What both the one-shot and the case letter take from the same options."""
    return LetterSpec(
        letter_type=args.letter_type,
        jurisdiction=jurisdiction,
        language=language,
        sender=sender,
        operator=operator,
        authority=_authority(args, directory, jurisdiction, sender.country),
        evidence=evidence,
        reason=args.reason or "",
        prior=prior,
        history=history,
        letter_date=args.date or dt.date.today(),
        include_thumbnails=include_thumbnails,
        holiday_country=tracking.holiday_country(operator, sender.country),
        enclosures=enclosures,
        representative=representative,
    )


def _jurisdiction(args: argparse.Namespace, person_country: str, operator: Operator) -> str:
    """The law the letter rests on, said with its reason (what does not fit is warned by the
    letter itself)."""
    choice = choose_jurisdiction(person_country, operator, args.jurisdiction)
    print(f"Law: {choice.reason}.")
    if not args.jurisdiction:
        for warning in choice.warnings:
            print(f"Warning: {warning}")
    return choice.jurisdiction


def _letter_one_shot(args: argparse.Namespace, app: App, directory: Directory) -> int:
    if args.request is not None or args.findings:
        raise LetterError(
            "--request and --findings need --case.",
            "Add --case NAME, or use --url and --original-date.",
        )
    language = args.lang or "en"
    sender = Sender(
        args.name or "", _address(args.address), args.email or "", normalise_country(args.country)
    )
    operator = _operator(args, directory)
    jurisdiction = _jurisdiction(args, sender.country, operator)
    evidence = _url_evidence(args)
    _check_identifies_data(args, evidence)
    prior = None
    if args.letter_type in ("reminder", "complaint"):
        if args.original_date is None:
            raise MissingDetailsError(
                ["the date the first request was sent (--original-date YYYY-MM-DD)"],
                "A reminder or a complaint refers to the first request.",
            )
        from faceaudit.letters.deadlines import compute_deadline

        first = compute_deadline(
            jurisdiction,
            args.original_type,
            args.original_date,
            holiday_country=tracking.holiday_country(operator, sender.country),
        )
        prior = PriorRequest("—", args.original_type, args.original_date, first.due)
    spec = _letter_spec(
        args,
        directory,
        jurisdiction=jurisdiction,
        language=language,
        sender=sender,
        operator=operator,
        evidence=evidence,
        prior=prior,
        enclosures=added_files(tuple(args.enclose)),
    )
    letter = render_letter(spec)
    target = args.output or app.paths.exports / ONE_SHOT_DIR
    written = write_letter(
        letter, args.format, target, overwrite=args.force, private=args.output is None
    )
    _report(letter, written, args.format)
    return EXIT_OK


def _url_evidence(args: argparse.Namespace) -> tuple[Evidence, ...]:
    """The --url pages or images, as annex entries."""
    from faceaudit.collect.urls import InvalidURL, normalise_url

    entries = []
    for url in args.url:
        try:
            normalised = normalise_url(url.strip())
        except InvalidURL as error:
            shown = url if len(url) <= 80 else url[:77] + "..."
            raise LetterError(
                f"--url {shown!r} is not a web address ({error}); nothing was written.",
                "Give the page's address as your browser shows it, e.g. https://example.org/team",
            ) from error
        # Typed by the person, not found by FaceAudit: the annex gives no date for it.
        entries.append(Evidence(page_url=normalised, image_url=normalised, found_at=""))
    return tuple(entries)


def _check_identifies_data(args: argparse.Namespace, evidence: Sequence[Evidence]) -> None:
    """Erasure and objection letters must say which images they are about; an access letter
    without any is allowed (it asks for everything) but the person is told."""
    if evidence or args.letter_type in ("reminder", "complaint"):
        return
    how = (
        "confirm the findings on its sites (faceaudit review), pick them with --findings, "
        "add --include-unreviewed, or give --url URL"
        if args.case
        else "give --url URL for each page or image where your face appears"
    )
    if args.letter_type in ("erasure", "objection"):
        raise LetterError(
            f"This {args.letter_type} letter would name no page or image, so the operator "
            "could not tell which data you mean; nothing was written.",
            how[0].upper() + how[1:] + ".",
        )
    print(
        "Note: this letter names no page or image of you; the operator may not find the data. "
        f"To name them, {how}.",
        file=sys.stderr,
    )


def _open_case(args: argparse.Namespace, app: App, stack: ExitStack) -> Any:
    from faceaudit.cli.cases import open_case

    return stack.enter_context(open_case(args, app))


def _letter_from_case(args: argparse.Namespace, app: App, directory: Directory) -> int:
    with ExitStack() as stack:
        case = _open_case(args, app, stack)
        person = case.person
        sender = Sender(
            args.name or person.full_name or "",
            _address(args.address) or person.postal_address or "",
            args.email or person.email or "",
            normalise_country(args.country or person.country),
        )
        prior: PriorRequest | None = None
        history: tuple[PriorRequest, ...] = ()
        parent_request_id: int | None = None
        original: tracking.LetterRecord | None = None
        enclosures: tuple[Enclosure, ...] = ()
        if args.letter_type in ("reminder", "complaint"):
            if args.request is None:
                raise MissingDetailsError(
                    ["the letter this follows up (--request LETTER_ID)"],
                    "Run 'faceaudit requests --case NAME' to see your letters and their numbers.",
                )
            original, original_request, prior, history = tracking.prior_and_history(
                case, args.request, today=args.date or dt.date.today()
            )
            parent_request_id = original_request.id
            enclosures = follow_up_enclosures(case, args.request, tuple(args.enclose))
        language = (
            args.lang
            or (original.language if original else None)
            or (person.language or "en").lower()
        )
        if language not in LANGUAGES:
            language = "en"
        if original is not None and not args.controller and not args.operator_name:
            operator = original.operator
        else:
            operator = _operator(args, directory)
        # A follow-up rests on the law of the request it follows up.
        jurisdiction = (
            args.jurisdiction
            or (original.jurisdiction if original else None)
            or _jurisdiction(args, sender.country, operator)
        )
        selection = _case_selection(case, args, operator, original)
        evidence = selection.evidence(case, args.include_thumbnails) + _url_evidence(args)
        _check_identifies_data(args, evidence)
        spec = _letter_spec(
            args,
            directory,
            jurisdiction=jurisdiction,
            language=language,
            sender=sender,
            operator=operator,
            evidence=evidence,
            prior=prior,
            history=history,
            include_thumbnails=args.include_thumbnails,
            enclosures=enclosures,
            # A mandate recorded in the case: the clinic writes on the person's behalf.
            representative=representative_for(case),
        )
        render_letter(spec)  # refuse before anything is stored
        saved = record_and_write(
            case,
            spec,
            args.format,
            args.output or app.paths.exports / args.case,
            finding_ids=selection.finding_ids,
            parent_request_id=parent_request_id,
            overwrite=args.force,
            private=args.output is None,
        )
        letter_id, letter, written = saved.letter_id, saved.letter, saved.paths
        print(f"Letter {letter_id} drafted (not sent yet).")
        _report_selection(selection, len(args.url))
        _report(letter, written, args.format)
        channel = letter.recipient.channel()
        channel = "post" if channel == "unknown" else channel
        print(
            f"When you have sent it: faceaudit requests mark --case {args.case} {letter_id} sent "
            f"--date {dt.date.today().isoformat()} --channel {channel}"
        )
    return EXIT_OK


def _case_selection(
    case: Any, args: argparse.Namespace, operator: Operator, original: Any
) -> LetterSelection:
    if args.findings:
        return select_findings(case, operator, finding_ids=args.findings)
    if original is not None and original.finding_ids:
        return select_findings(case, operator, finding_ids=original.finding_ids)
    return select_findings(case, operator, include_unreviewed=args.include_unreviewed)


def _report_selection(selection: LetterSelection, urls: int) -> None:
    images = len(selection.images)
    line = f"It cites {images} image{'s' if images != 1 else ''}"
    if selection.places > images:
        line += f", seen in {selection.places} places"
    if selection.unreviewed_included:
        line += f"; includes {selection.unreviewed_included} unreviewed"
    if urls:
        line += f"; and {urls} address{'es' if urls != 1 else ''} given with --url"
    print(line + ".")
    if selection.unreviewed_left_out:
        count = selection.unreviewed_left_out
        print(
            f"{count} unreviewed finding{'s' if count != 1 else ''} on its sites "
            f"{'are' if count != 1 else 'is'} not cited: confirm "
            f"{'them' if count != 1 else 'it'} with 'faceaudit review', or add "
            "--include-unreviewed."
        )


def print_by_operator(case: Any, app: App, rows: Sequence[Any], *, json_output: bool) -> int:
    """``findings --by-operator``: who runs the sites the person was found on, and which of
    them still needs a letter."""
    groups = findings_by_operator(case, Directory.load(app.paths.operators))
    shown = {row.id for row in rows}
    groups = [g for g in groups if shown & set(g.finding_ids)]
    open_ids = {row.id for row in rows if row.review != "rejected"}
    local_only = sorted(open_ids - {i for group in groups for i in group.finding_ids})
    if json_output:
        document = [
            {
                "operator": group.operator.slug if group.operator else None,
                "name": group.name,
                "site": group.site,
                "findings": list(group.finding_ids),
                "unreviewed": group.unreviewed,
                "cited": list(group.cited_ids),
                "letters": list(group.letter_ids),
                "needs_letter": group.needs_letter,
            }
            for group in groups
        ]
        document_all = {"operators": document, "local_only": local_only}
        print(json.dumps(document_all, indent=2, ensure_ascii=False))
        return EXIT_OK
    if not groups and not local_only:
        print("No findings yet (rejected ones are not listed).")
        return EXIT_OK
    if local_only:
        print(
            f"Only in files on this computer (no operator to write to): "
            f"findings {','.join(map(str, local_only))}"
        )
    for group in groups:
        known = f" ({group.operator.slug})" if group.operator else " (not in the directory)"
        count = len(group.finding_ids)
        state = "needs a letter" if group.needs_letter else "every finding is cited by a letter"
        print(f"{group.name}{known}: {count} finding{'s' if count != 1 else ''} — {state}")
        ids = ",".join(map(str, group.finding_ids))
        details = f"    findings {ids}"
        if group.unreviewed:
            details += f" ({group.unreviewed} to review)"
        if group.letter_ids:
            details += f"; letters {', '.join(map(str, group.letter_ids))}"
        print(details)
        if group.needs_letter:
            target = group.operator.slug if group.operator else group.site
            # An operator the directory does not know needs its name and an address.
            unknown = "" if group.operator else " --operator-name NAME --operator-email EMAIL"
            print(
                f"    draft it: faceaudit letter --case {case.name} --type erasure "
                f"--controller {target}{unknown}"
            )
    return EXIT_OK


def _report(letter: Any, written: Sequence[Path], formats: Sequence[str]) -> None:
    for path in written:
        print(f"Wrote {path}")
    for warning in format_warnings(letter, formats):
        print(f"Warning: {warning}", file=sys.stderr)
    recipient = letter.recipient
    if letter.equivalent:
        print(f"Note: {letter.equivalent}")
    if recipient.verify_before_sending:
        checked = f" (checked {recipient.checked})" if recipient.checked else ""
        print(
            f"Verify before sending: the directory's details for {recipient.name} are of "
            f"{recipient.confidence} confidence{checked}."
        )
    if recipient.email:
        print(f"E-mail: {recipient.email}")
    elif recipient.webform:
        print(f"Send through the web form: {recipient.webform}")
    if letter.spec.include_thumbnails:
        extra = (
            " A face-search engine could add them to its index: the letter forbids it, but "
            "the image addresses alone are enough for it to find you."
            if letter.spec.operator.face_search
            else ""
        )
        print(
            "The annex includes face thumbnails: "
            f"that is biometric data about you sent to the operator.{extra}"
        )
    for warning in letter.warnings:
        print(f"Warning: {warning}")
    for advice in letter.advice:
        print(advice)
    due = letter.deadline
    kind = "due" if due.statutory else "asked for"
    print(
        f"Answer {kind} by {due.due.isoformat()} if received on {due.received.isoformat()} "
        f"({due.rule})."
    )
    if any(p.suffix == ".eml" for p in written) and recipient.email:
        print(f"mailto: link (text only): {mailto_link(letter)[:120]}…")


# --- requests ---------------------------------------------------------------------------


def _register_requests(subparsers: Subparsers) -> None:
    parser = subparsers.add_parser(
        "requests",
        help="list a case's letters and requests with their due dates; "
        "mark them sent, answered, ...",
    )
    parser.add_argument("--case", metavar="NAME", help="the case's name")
    _passphrase(parser)
    parser.add_argument("--json", action="store_true", help="print machine-readable JSON")
    parser.add_argument("--today", type=date_arg, help=argparse.SUPPRESS)  # for checks on dates
    overview = parser.add_argument_group(
        "every case at once (no passphrase needed: only dates and statuses are read)"
    )
    overview.add_argument(
        "--all",
        action="store_true",
        help="list the requests of every case still waiting for an answer, overdue first",
    )
    overview.add_argument(
        "--overdue", action="store_true", help="only the requests whose answer is overdue"
    )
    overview.add_argument(
        "--ics",
        type=Path,
        metavar="FILE",
        help="write a calendar file (.ics) with one event per due date "
        "(of --case, or of every case)",
    )
    actions = parser.add_subparsers(dest="requests_action", metavar="ACTION")
    mark = actions.add_parser(
        "mark",
        help="record that a letter was sent, answered, extended, paused/resumed (UK) or closed",
    )
    _case_and_passphrase(mark)
    mark.add_argument("letter_id", type=id_arg, metavar="ID", help="the letter's number")
    mark.add_argument("status", choices=MARK_STATUSES)
    mark.add_argument("--date", type=date_arg, help="when it happened (default: today)")
    mark.add_argument(
        "--channel", choices=tracking.CHANNELS, help="sent: how (email, webform, post, ...)"
    )
    mark.add_argument(
        "--received", type=date_arg, help="sent: when the operator received it, if later"
    )
    mark.add_argument(
        "--until",
        type=date_arg,
        help="extended: the new due date (default: the longest the law allows)",
    )
    mark.add_argument(
        "--announced",
        type=date_arg,
        help="extended: when the operator announced it (default: --date, else today)",
    )
    mark.add_argument(
        "--late",
        action="store_true",
        help="extended: keep on record an extension announced after the period ended "
        "(it is flagged and does not stop the request being overdue)",
    )
    mark.add_argument("--note", default="", help="a note kept with the request")
    request_records.register(actions, _case_and_passphrase)
    report.register_recheck(actions, _case_and_passphrase)
    parser.set_defaults(handler=run_requests)


def _case_and_passphrase(parser: argparse.ArgumentParser) -> None:
    """--case and --passphrase-file after the action too (``requests mark --case X ...``)."""
    parser.add_argument("--case", metavar="NAME", default=argparse.SUPPRESS)
    _passphrase(parser, suppress=True)


def run_requests(args: argparse.Namespace, app: App) -> int:
    action = getattr(args, "requests_action", None)
    if action is None and (args.all or args.overdue or args.ics):
        return _overview(args, app)
    if not args.case:
        print("faceaudit requests: give --case NAME, or --all for every case.", file=sys.stderr)
        return EXIT_USAGE
    with ExitStack() as stack:
        case = _open_case(args, app, stack)
        if action == "mark":
            return _mark(args, case)
        if action in request_records.ACTIONS:
            return request_records.run(args, case)
        if action == "recheck":
            return report.run_recheck(args, app, case)
        tracked = tracking.list_tracked(case, args.today)
        checks = {c.letter_id: c for c in promised_erasures(case)}
        if args.json:
            rows = [
                {**t.to_json(), "erasure": _check_json(checks.get(t.letter.id))} for t in tracked
            ]
            print(json.dumps(rows, indent=2, ensure_ascii=False))
            return EXIT_OK
        if not tracked:
            print(
                "No letters yet. Draft one with 'faceaudit letter --case NAME --type access ...'."
            )
        for item in tracked:
            _print_tracked(args.case, item)
            if item.letter.id in checks:
                print(f"      {report.erasure_words(checks[item.letter.id])}")
    return EXIT_OK


def _check_json(check: Any) -> dict[str, object] | None:
    return None if check is None else check.to_json()


def _overview(args: argparse.Namespace, app: App) -> int:
    """Requests of every case (or of --case) from the plain part of the case files."""
    store = app.case_store()
    if args.case:
        store.existing_case_dir(args.case)
    today = args.today or dt.date.today()
    rows = [
        row
        for row in overview.open_requests(store, today, overdue_only=args.overdue)
        if not args.case or row.case == args.case
    ]
    if args.ics:
        calendar.write_ics(calendar.deadline_events(rows, today), args.ics)
        print(f"Wrote {counted(len(rows), 'deadline')} to {args.ics}.")
        return EXIT_OK
    if args.json:
        print(json.dumps([row.to_json(today) for row in rows], indent=2, ensure_ascii=False))
        return EXIT_OK
    if not rows:
        print("No overdue request." if args.overdue else "No request is waiting for an answer.")
        return EXIT_OK
    print(f"{'CASE':<24} {'LETTER':>6}  {'TYPE':<9} {'OPERATOR':<20} {'DUE':<10}  STATUS")
    for row in rows:
        left = row.days_left(today)
        when = (
            f"overdue by {counted(-left, 'day')}" if left < 0 else f"due in {counted(left, 'day')}"
        )
        print(
            f"{row.case:<24} {'FA-' + str(row.letter_id):>6}  {row.letter_type:<9} "
            f"{row.operator:<20} {row.due.isoformat():<10}  {when}"
        )
    return EXIT_OK


def _print_tracked(case_name: str, item: tracking.Tracked) -> None:
    letter, request = item.letter, item.request
    regime = f"{letter.jurisdiction}/{letter.language}"
    line = (
        f"{letter.id:>4}  {letter.letter_type:<9} {regime}  {letter.operator.name}  [{item.status}]"
    )
    if request is not None:
        line += f"  sent {request.sent_at} by {request.channel}, due {request.effective_due}"
        if request.extension_late:
            line += " (an extension announced late does not count)"
        if request.paused_at is not None:
            line += f" (clock paused since {request.paused_at})"
    print(line)
    if item.next_step:
        print(
            f"      overdue: draft the {item.next_step} with "
            f"faceaudit letter --case {case_name} --type {item.next_step} --request {letter.id}"
        )


def _mark(args: argparse.Namespace, case: Any) -> int:
    on = args.date or dt.date.today()
    if args.status == "sent":
        if not args.channel:
            raise LetterError(
                "Marking a letter sent needs the channel.", "Add --channel email|webform|post|..."
            )
        request = tracking.mark_sent(
            case,
            args.letter_id,
            on,
            args.channel,
            received_at=args.received,
            person_country=case.person.country,
        )
        for warning in clock.date_warnings(case, args.letter_id, on, args.channel, args.received):
            print(f"Warning: {warning}")
    elif args.status == "answered":
        request = tracking.mark_answered(case, args.letter_id, on, args.note)
    elif args.status == "extended":
        request = tracking.mark_extended(
            case,
            args.letter_id,
            args.until,
            args.note,
            announced_on=args.announced or on,
            late=args.late,
        )
    elif args.status == "paused":
        request = clock.mark_paused(case, args.letter_id, on, args.note)
    elif args.status == "resumed":
        request = clock.mark_resumed(case, args.letter_id, on, args.note)
    else:
        request = tracking.mark_closed(case, args.letter_id, on, args.note)
    status = tracking.status_on(request, dt.date.today())
    print(f"Letter {args.letter_id}: {status}; answer due {request.effective_due.isoformat()}.")
    if request.extension_late:
        print(
            "The extension was announced after the period had ended: it is on record but "
            "does not count, and the request is overdue from "
            f"{(request.due_at + dt.timedelta(days=1)).isoformat()}."
        )
    return EXIT_OK


# --- operators --------------------------------------------------------------------------


def _register_operators(subparsers: Subparsers) -> None:
    parser = subparsers.add_parser(
        "operators", help="the directory of site operators and supervisory authorities"
    )
    actions = parser.add_subparsers(dest="operators_action", metavar="ACTION")
    imp = actions.add_parser(
        "import",
        help="import the datarequests.org database (CC0) from a folder, zip, tarball or URL",
        description="Import the open database of datarequests.org (github.com/datenanfragen/data): "
        "give the repository's folder, its downloaded .zip/.tar.gz, or the URL of such an "
        "archive (e.g. https://github.com/datenanfragen/data/archive/refs/heads/master.zip). "
        "Only a URL you give here is fetched, through the same guarded fetcher as scans.",
    )
    imp.add_argument("source", help="folder, .zip or .tar.gz of the repository, or its URL")
    find = actions.add_parser("find", help="look an operator up by domain, URL, name or slug")
    find.add_argument("query", nargs="?", default="")
    find.add_argument("--country", help="only records relevant to this country (ISO code)")
    find.add_argument("--kind", choices=("controller", "authority"))
    find.add_argument("--json", action="store_true")
    add = actions.add_parser("add", help="add or correct an operator in your own directory")
    add.add_argument(
        "--slug", help="identifier (default: from the name); reuse a slug to correct a record"
    )
    add.add_argument("--name", required=True)
    add.add_argument("--address", default="")
    add.add_argument("--email", default="")
    add.add_argument("--webform", default="")
    add.add_argument("--domain", action="append", default=[], help="a domain it runs (repeatable)")
    add.add_argument("--country", default="", help="where it is established (ISO code)")
    add.add_argument("--kind", choices=("controller", "authority"), default="controller")
    add.add_argument("--source", action="append", default=[], help="where you found these details")
    parser.set_defaults(handler=run_operators)


# The whole datarequests.org repository zipped is about 10 MB; leave room for growth.
MAX_DIRECTORY_ARCHIVE_BYTES = 64 * 1024 * 1024


def import_datarequests_from_url(url: str, app: App) -> ImportReport:
    """Download a repository archive the person named, with the scan's hostile-input guards."""
    import tempfile

    from faceaudit.collect.fetch import Fetcher, FetchError, FetchLimits
    from faceaudit.collect.netguard import AddressPolicy
    from faceaudit.collect.urls import InvalidURL, normalise_url

    try:
        normalised = normalise_url(url)
    except InvalidURL as error:
        raise DirectoryError(
            f"{url} is not a usable address ({error}).", "Check the URL."
        ) from error
    host = urlsplit(normalised).hostname or ""
    limits = FetchLimits(deadline=300.0, max_redirects=5)
    fetcher = Fetcher(limits)
    caps = dict.fromkeys(("html", "image", "video", "other"), MAX_DIRECTORY_ARCHIVE_BYTES)
    try:
        print(f"Downloading {normalised} ...", file=sys.stderr)
        response = fetcher.get(
            normalised, AddressPolicy.for_listed_host(host), caps=caps, use_cache=False
        )
    except FetchError as error:
        raise DirectoryError(
            f"The operator database could not be downloaded: {error}",
            "Download the archive yourself and give its path instead.",
        ) from error
    finally:
        fetcher.close()
    body = response.body or b""
    if body[:4] == b"PK\x03\x04":
        suffix = ".zip"
    elif body[:2] == b"\x1f\x8b":
        suffix = ".tar.gz"
    else:
        what = "a web page" if response.kind == "html" else "something else"
        raise DirectoryError(
            f"{normalised} returned {what}, not a .zip or .tar.gz archive of the database.",
            "Give the address of the repository's archive download, or a downloaded copy.",
        )
    with tempfile.TemporaryDirectory(prefix="faceaudit-operators-") as folder:
        archive = Path(folder) / f"datarequests{suffix}"
        archive.write_bytes(body)
        return import_datarequests(archive, app.paths.operators)


def run_operators(args: argparse.Namespace, app: App) -> int:
    action = getattr(args, "operators_action", None)
    if action == "import":
        if str(args.source).lower().startswith(("http://", "https://")):
            report = import_datarequests_from_url(args.source, app)
        else:
            report = import_datarequests(Path(args.source), app.paths.operators)
        print(
            f"Imported {report.controllers} operators and {report.authorities} supervisory "
            f"authorities into {report.stored_at}."
        )
        if report.skipped:
            print(
                f"Skipped {counted(len(report.skipped), 'unreadable record')}, "
                f"e.g. {report.skipped[0]}."
            )
        return EXIT_OK
    if action == "add":
        if not (args.address or args.email or args.webform):
            raise DirectoryError(
                "An operator needs a postal address, an e-mail or a web form.",
                "Add --address, --email or --webform.",
            )
        operator = Operator(
            slug=args.slug or slugify(args.name),
            name=args.name,
            kind=args.kind,
            address=_address(args.address),
            email=args.email,
            webform=args.webform,
            country=args.country.lower(),
            domains=tuple(domain_of(d) for d in args.domain),
            sources=tuple(args.source),
            confidence="medium",
        )
        path = add_local_operator(app.paths.operators, operator)
        print(f"Saved {operator.slug} ({operator.name}) in {path}.")
        return EXIT_OK
    if action == "find":
        return _find(args, Directory.load(app.paths.operators))
    print("faceaudit operators: choose import, find or add (see --help).", file=sys.stderr)
    return EXIT_USAGE


def _find(args: argparse.Namespace, directory: Directory) -> int:
    query = args.query.strip()
    results: list[Operator] = []
    if query:
        exact = directory.get(query.lower(), args.kind)
        if exact is not None:
            results.append(exact)
        if "." in query:
            results += directory.by_domain(query, args.kind)
        results += directory.by_name(query, args.kind)
    elif args.country:
        results = directory.by_country(args.country, args.kind)
    if args.country and query:
        code = args.country.lower()
        results = [o for o in results if code in o.countries or "all" in o.countries]
    unique = list({(o.kind, o.slug): o for o in results}.values())
    if args.json:
        print(json.dumps([o.to_json() for o in unique], indent=2, ensure_ascii=False))
        return EXIT_OK
    if not unique:
        print(
            "Nothing found. Look for the operator's details in the site's privacy policy or "
            "legal notice, then add them with 'faceaudit operators add'."
        )
        return EXIT_OK
    for operator in unique[:50]:
        flag = " — verify before sending" if operator.verify_before_sending else ""
        print(f"{operator.slug}  [{operator.kind}, {operator.provenance}]  {operator.name}{flag}")
        for value in (operator.email, operator.webform, operator.address.replace("\n", ", ")):
            if value:
                print(f"    {value}")
    if len(unique) > 50:
        print(f"... and {len(unique) - 50} more; narrow the search.")
    return EXIT_OK
