"""``faceaudit mandate``: the client's mandate to the clinic, drafted, recorded, shown, revoked.

``mandate --case NAME -o FILE`` drafts the document for the client to sign (an Art. 80(1)
mandate when the clinic profile says the clinic is such a body, otherwise an authorisation
letter); ``mandate record`` keeps in the case that it was signed (and the signed copy,
sealed); from then on the case's letters are the clinic's, on the client's behalf.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

from faceaudit.app import App
from faceaudit.cli import EXIT_OK, EXIT_USAGE, date_arg, terminal_safe
from faceaudit.clinic import ClinicProfile, require_profile
from faceaudit.letters.citations import LANGUAGES
from faceaudit.letters.mandate import (
    MANDATE_FORMATS,
    MandateSpec,
    Party,
    format_for,
    mandate_kind,
    mandate_law,
    render_mandate,
    write_mandate,
)
from faceaudit.letters.mandates import (
    MAX_COPY_BYTES,
    Clinic,
    current_mandate,
    mandates,
    record_mandate,
    revoke_mandate,
)
from faceaudit.letters.representation import KINDS
from faceaudit.letters.texts import LetterError
from faceaudit.localfiles import read_capped
from faceaudit.timestamps import utc_now

Subparsers = argparse._SubParsersAction
KIND_WORDS = {"art80": "an Art. 80(1) GDPR mandate", "authorisation": "an authorisation letter"}


def _case_options(parser: argparse.ArgumentParser) -> None:
    # SUPPRESS: given before or after the action word, the value is kept.
    parser.add_argument("--case", metavar="NAME", default=argparse.SUPPRESS, help="the case")
    parser.add_argument(
        "--passphrase-file",
        metavar="FILE",
        default=argparse.SUPPRESS,
        help="read the case passphrase from FILE (or set FACEAUDIT_PASSPHRASE; otherwise "
        "you are asked)",
    )


def register(subparsers: Subparsers) -> None:
    parser = subparsers.add_parser(
        "mandate",
        help="the client's mandate to the clinic: draft it, record it signed, show, revoke",
        description=(
            "Without an action, draft the mandate for the client of case NAME to sign, from "
            "the clinic profile (faceaudit clinic profile): a mandate under GDPR Art. 80(1) "
            "when the clinic is a not-for-profit body of that kind, otherwise an "
            "authorisation letter. Once it is recorded as signed, the case's letters name "
            "the clinic as representative and the client as data subject, and answers go "
            "to the clinic."
        ),
    )
    _case_options(parser)
    parser.add_argument("--language", choices=LANGUAGES, help="default: the client's language")
    parser.add_argument("--format", choices=MANDATE_FORMATS, help="default: from -o, else pdf")
    parser.add_argument("-o", "--output", type=Path, metavar="FILE", help="where to write it")
    parser.add_argument("--force", action="store_true", help="replace an existing FILE")
    actions = parser.add_subparsers(dest="mandate_action", metavar="ACTION")
    record = actions.add_parser(
        "record",
        help="record that the client signed the mandate (and keep the signed copy)",
        description="Record in the case that the client signed the mandate. The clinic's "
        "details are taken from the clinic profile as they are now; the signed copy, if "
        "given, is kept in the case, encrypted.",
    )
    _case_options(record)
    record.add_argument(
        "--signed-on", type=date_arg, required=True, metavar="DATE", help="YYYY-MM-DD"
    )
    record.add_argument(
        "--file", type=Path, metavar="SCAN", help="the signed copy (a scan or a signed PDF)"
    )
    record.add_argument(
        "--kind", choices=KINDS, help="what was signed (default: what 'mandate' drafts)"
    )
    record.add_argument("--language", choices=LANGUAGES, help="the language it was signed in")
    show = actions.add_parser("show", help="the mandates recorded in the case")
    _case_options(show)
    show.add_argument("--json", action="store_true", help="print machine-readable JSON")
    revoke = actions.add_parser(
        "revoke", help="the client revoked the mandate: letters are theirs again"
    )
    _case_options(revoke)
    revoke.add_argument("--date", type=date_arg, help="when it was revoked (default: today)")
    parser.set_defaults(handler=run_mandate)


def run_mandate(args: argparse.Namespace, app: App) -> int:
    if not getattr(args, "case", None):
        print("faceaudit mandate: --case NAME is required.", file=sys.stderr)
        return EXIT_USAGE
    action = args.mandate_action
    if action is None and args.output is None:
        print("faceaudit mandate: give -o FILE for the document to write.", file=sys.stderr)
        return EXIT_USAGE
    copy = None
    if action == "record" and args.file is not None:
        # Read before the case is opened: a bad file costs no passphrase and saves nothing.
        copy = (
            args.file.name,
            read_capped(
                args.file,
                MAX_COPY_BYTES,
                role="signed mandate",
                error=LetterError,
                too_large_todo="Scan it at a lower resolution, or as a PDF.",
            ),
        )
    profile = require_profile(app.paths) if action in (None, "record") else None
    from faceaudit.cli.cases import open_case

    with open_case(args, app) as case:
        if action is None:
            assert profile is not None
            return _draft(args, case, profile)
        if action == "record":
            assert profile is not None
            return _record(args, case, profile, copy)
        if action == "revoke":
            record = revoke_mandate(case, args.date or dt.date.today())
            print(f"Mandate {record.id} revoked on {record.revoked_on}: letters are the client's.")
            return EXIT_OK
        return _show(args, case)


def _language(args: argparse.Namespace, case: Any, profile: ClinicProfile) -> str:
    own = (case.person.language or "").lower()
    return args.language or (own if own in LANGUAGES else profile.language)


def _draft(args: argparse.Namespace, case: Any, profile: ClinicProfile) -> int:
    person = case.person
    kind = mandate_kind(profile.art80, person.country or "")
    spec = MandateSpec(
        kind=kind,
        language=_language(args, case, profile),
        law=mandate_law(person.country or ""),
        client=Party(person.full_name or "", person.postal_address or "", person.email or ""),
        clinic=Party(profile.name, profile.address, profile.email),
    )
    document = render_mandate(spec)
    fmt = format_for(args.output, args.format)
    path = write_mandate(document, fmt, args.output, overwrite=args.force)
    print(f"Wrote {path}: {KIND_WORDS[kind]} in {spec.language}, for the client to sign.")
    if profile.art80 and kind == "authorisation":
        print(
            "Note: the client does not live where the GDPR or the UK GDPR applies, so the "
            "document is an authorisation letter, not an Art. 80(1) mandate."
        )
    print(
        "Once signed: faceaudit mandate record --case "
        f"{args.case} --signed-on YYYY-MM-DD --file SCAN"
    )
    return EXIT_OK


def _record(
    args: argparse.Namespace,
    case: Any,
    profile: ClinicProfile,
    copy: tuple[str, bytes] | None,
) -> int:
    kind = args.kind or mandate_kind(profile.art80, case.person.country or "")
    record = record_mandate(
        case,
        kind=kind,
        language=_language(args, case, profile),
        signed_on=args.signed_on,
        clinic=Clinic(profile.name, profile.address, profile.email, profile.art80),
        recorded_at=utc_now(),
        copy=copy,
    )
    kept = (
        f"; the signed copy is kept in the case, encrypted ({record.copy_size} bytes)"
        if record.copy_size
        else "; no signed copy is kept (enclose one with each letter, or add --file SCAN)"
    )
    print(
        f"Recorded mandate {record.id}: {KIND_WORDS[record.kind]} signed on "
        f"{record.signed_on.isoformat()} for {terminal_safe(record.clinic.name)}{kept}."
    )
    print(
        "The case's letters now name the clinic as representative and the client as data subject."
    )
    return EXIT_OK


def _show(args: argparse.Namespace, case: Any) -> int:
    every = mandates(case)
    current = current_mandate(case)
    if args.json:
        print(
            json.dumps(
                [
                    {
                        "id": r.id,
                        "kind": r.kind,
                        "language": r.language,
                        "signed_on": r.signed_on.isoformat(),
                        "recorded_at": r.recorded_at,
                        "revoked_on": r.revoked_on.isoformat() if r.revoked_on else None,
                        "in_force": current is not None and r.id == current.id,
                        "clinic": r.clinic.name,
                        "copy_kept": r.copy_size is not None,
                    }
                    for r in every
                ],
                ensure_ascii=False,
                indent=2,
            )
        )
        return EXIT_OK
    if not every:
        print("No mandate is recorded: the case's letters are the client's own.")
        return EXIT_OK
    for r in every:
        state = (
            "in force"
            if current is not None and r.id == current.id
            else f"revoked on {r.revoked_on}"
            if r.revoked_on
            else "superseded"
        )
        copy = f", signed copy kept ({r.copy_size} bytes)" if r.copy_size else ""
        print(
            f"{r.id:>3}  {KIND_WORDS[r.kind]} ({r.language}) signed on {r.signed_on} for "
            f"{terminal_safe(r.clinic.name)}: {state}{copy}"
        )
    return EXIT_OK
