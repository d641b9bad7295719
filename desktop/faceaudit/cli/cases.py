"""Case commands: ``case create|list|show|delete``, ``enroll``, ``sources``, ``findings``,
``review``.

The passphrase never travels on the command line (it would sit in the shell history and
the process list): it comes from ``--passphrase-file``, the ``FACEAUDIT_PASSPHRASE``
environment variable, or an interactive prompt.
"""

from __future__ import annotations

import argparse
import contextlib
import getpass
import hashlib
import json
import os
import re
import stat
import sys
from pathlib import Path
from typing import Any

from faceaudit.app import App
from faceaudit.cli import (
    EXIT_FAILED,
    EXIT_OK,
    EXIT_USAGE,
    bounded_arg,
    date_arg,
    id_arg,
    report_error,
)
from faceaudit.cli.collect import add_sitemap_option
from faceaudit.errors import EnrolmentError, FaceAuditError, ImageError, coded
from faceaudit.faces.consistency import DifferentPersonError
from faceaudit.localfiles import read_capped
from faceaudit.store import (
    EVIDENCE_POLICIES,
    Case,
    CaseExistsError,
    CaseStore,
    CorruptCaseError,
    FindingHistory,
    FindingRow,
    InvalidSourceError,
    Person,
    SourceSettings,
    normalise_source,
)

PASSPHRASE_ENV = "FACEAUDIT_PASSPHRASE"  # noqa: S105 (a variable name, not a secret)
MAX_PASSPHRASE_FILE_BYTES = 64 * 1024  # a passphrase is one line; this is generous

Subparsers = argparse._SubParsersAction


class PassphraseNeededError(FaceAuditError):
    """No passphrase was given and none can be asked for."""


# -- passphrase --------------------------------------------------------------------------


def _passphrase_given(args: argparse.Namespace) -> bool:
    return bool(getattr(args, "passphrase_file", None) or os.environ.get(PASSPHRASE_ENV))


def _warn_if_readable_by_others(path: Path) -> None:
    with contextlib.suppress(OSError):
        mode = path.stat().st_mode
        if mode & 0o077:
            print(
                f"faceaudit: warning: the passphrase file {path} can be read or changed by "
                f"other users (mode {stat.filemode(mode)}). Make it private: chmod 600 {path}",
                file=sys.stderr,
            )


def read_passphrase(
    args: argparse.Namespace,
    *,
    confirm: bool = False,
    prompt: str = "Case passphrase: ",
    option: str = "passphrase_file",
) -> str:
    """The case passphrase from --passphrase-file, FACEAUDIT_PASSPHRASE, or a prompt
    (``option`` names another file option, e.g. the new passphrase's, with no variable)."""
    passphrase_file = getattr(args, option, None)
    if passphrase_file:
        # Only a small regular file: /dev/zero or a named pipe is refused, never read.
        data = read_capped(
            passphrase_file,
            MAX_PASSPHRASE_FILE_BYTES,
            role="passphrase file",
            error=PassphraseNeededError,
            too_large_todo="Put the passphrase alone on the file's first line.",
        )
        _warn_if_readable_by_others(Path(passphrase_file))
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as error:
            raise PassphraseNeededError(
                f"The passphrase file {passphrase_file} cannot be read ({error}).",
                "Check the file name, or set FACEAUDIT_PASSPHRASE instead.",
            ) from error
        text = text.removeprefix("\ufeff")  # a byte-order mark some editors write first
        lines = text.splitlines()
        return lines[0] if lines else ""
    # The variable gives the passphrase that opens a case, never a new or a second one.
    from_env = os.environ.get(PASSPHRASE_ENV, "") if option == "passphrase_file" else None
    if from_env:
        if any("\udc80" <= char <= "\udcff" for char in from_env):
            raise PassphraseNeededError(
                f"{PASSPHRASE_ENV} contains bytes that are not UTF-8 text.",
                f"Set {PASSPHRASE_ENV} from a UTF-8 terminal, or use --passphrase-file FILE "
                "saved as UTF-8.",
            )
        return from_env
    if not sys.stdin.isatty():
        raise PassphraseNeededError(
            f"The {prompt.rstrip(': ').lower()} is needed, and there is no terminal to ask for it.",
            f"Give it with --{option.replace('_', '-')} FILE"
            + (f" or the {PASSPHRASE_ENV} environment variable." if from_env is not None else "."),
        )
    passphrase = getpass.getpass(prompt)
    if confirm and getpass.getpass("Same passphrase again: ") != passphrase:
        raise PassphraseNeededError(
            "The two passphrases differ.", "Run the command again and type the same one twice."
        )
    return passphrase


def open_case(args: argparse.Namespace, app: App) -> Case:
    """The case named by --case: with the unlock agent's key, else the passphrase."""
    return open_named_case(app.case_store(), args.case, args)


def open_named_case(store: CaseStore, name: str, args: argparse.Namespace) -> Case:
    store.existing_case_dir(name)  # a typo in the name is said before the passphrase is asked
    case = None
    if not _passphrase_given(args):
        key = unlocked_key(store, name)
        if key is not None:
            with contextlib.suppress(CorruptCaseError):
                case = store.open_with_key(name, key)
    if case is None:
        case = store.open(name, case_passphrase(store, name, args))
    warn_if_audit_broken(case)
    return case


def case_passphrase(store: CaseStore, name: str, args: argparse.Namespace) -> str:
    """The passphrase that opens the case: its own or, for a case under the clinic, the
    clinic's (the prompt says which the key file takes)."""
    from faceaudit.cli.clinic_key import passphrase_prompt

    return read_passphrase(args, prompt=passphrase_prompt(store, name))


def warn_if_audit_broken(case: Case) -> None:
    """A case whose audit log was tampered with still opens; say so on stderr."""
    status = case.audit_status
    if status is not None and not status.ok:
        print(
            f"faceaudit: warning: case {case.name!r}: {status.describe()}\n"
            f"  See 'faceaudit audit --case {case.name} --verify'; restore the case from a "
            "backup if the change was not yours.",
            file=sys.stderr,
        )


def unlocked_key(store: CaseStore, name: str) -> bytes | None:
    """The case's key from a session unlock (``faceaudit unlock``), or None."""
    from faceaudit.agent import AgentClient, AgentError

    try:
        return AgentClient().get(store.case_id(name))
    except AgentError:
        return None


# -- registration ------------------------------------------------------------------------


def _passphrase_option() -> argparse.ArgumentParser:
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument(
        "--passphrase-file",
        metavar="FILE",
        help="read the case passphrase from the first line of FILE (or set "
        "FACEAUDIT_PASSPHRASE; otherwise you are asked)",
    )
    return parent


def _case_option(required: bool = True) -> argparse.ArgumentParser:
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument("--case", metavar="NAME", required=required, help="the case's name")
    return parent


def _json_option() -> argparse.ArgumentParser:
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument("--json", action="store_true", help="print machine-readable JSON")
    return parent


def register(subparsers: Subparsers) -> None:
    _register_case(subparsers)
    _register_enroll(subparsers)
    _register_sources(subparsers)
    _register_findings(subparsers)
    from faceaudit.cli import review

    review.register(subparsers, [_case_option(), _passphrase_option()])


def _register_case(subparsers: Subparsers) -> None:
    parser = subparsers.add_parser(
        "case",
        help="create, list, show and delete cases",
        description="A case is one person's file: their details, reference photos, sources, "
        "scans, findings and letters, encrypted where biometric (see docs/STORAGE.md).",
    )
    parser.set_defaults(handler=lambda args, app: _print_usage(parser))
    actions = parser.add_subparsers(dest="case_command", metavar="ACTION")
    secret, json_opt = _passphrase_option(), _json_option()

    create = actions.add_parser(
        "create",
        parents=[secret],
        help="start a new case, protected by a passphrase",
        description="Start a new case. Every detail about the person is optional; letters "
        "ask for what is missing.",
    )
    create.add_argument("case_name", nargs="?", metavar="CASE", help="the new case's name")
    create.add_argument("--case", dest="case_option", metavar="CASE", help="same as CASE")
    _person_options(create)
    create.add_argument(
        "--evidence",
        choices=EVIDENCE_POLICIES,
        default="full",
        help="what to keep of each image where the person is found: the bytes as fetched "
        "(full, default), a smaller JPEG copy (reduced), or nothing but hashes and URLs (none)",
    )
    create.add_argument(
        "--clinic",
        action="store_true",
        help="lock the case under the clinic passphrase ('faceaudit clinic init') instead of "
        "a passphrase of its own; --passphrase-file then gives the clinic passphrase",
    )
    create.set_defaults(handler=run_create)
    from faceaudit.cli.clinic_key import register_case_passphrase

    register_case_passphrase(actions, secret)

    listing = actions.add_parser(
        "list",
        parents=[json_opt],
        help="list the cases, with their next due date and overdue requests (no passphrase)",
    )
    listing.add_argument("--today", type=date_arg, help=argparse.SUPPRESS)  # checks on dates
    listing.set_defaults(handler=run_list)

    show = actions.add_parser(
        "show", parents=[secret, json_opt], help="show a case's person, references and counts"
    )
    show.add_argument("case_name", nargs="?", metavar="CASE")
    show.add_argument("--case", dest="case_option", metavar="CASE", help="same as CASE")
    show.set_defaults(handler=run_show)

    edit = actions.add_parser(
        "edit",
        parents=[secret],
        help="change the person's details (name, e-mail, address, country, language)",
        description="Change the details letters use. An empty value (--email '') removes one.",
    )
    edit.add_argument("case_name", nargs="?", metavar="CASE")
    edit.add_argument("--case", dest="case_option", metavar="CASE", help="same as CASE")
    _person_options(edit)
    edit.set_defaults(handler=run_edit)

    delete = actions.add_parser(
        "delete",
        help="delete a case for good (its key is destroyed, then every file)",
        description="Delete a case for good: its encryption key is destroyed first, so its "
        "biometric data cannot be recovered even with the passphrase, then its files are "
        "removed, with the letters drafted for it in the exports folder (letters written "
        "elsewhere with -o stay) and the HTTP cache's copies of the pages and images it "
        "fetched. No passphrase is needed.",
    )
    delete.add_argument("case_name", nargs="?", metavar="CASE")
    delete.add_argument("--case", dest="case_option", metavar="CASE", help="same as CASE")
    delete.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    delete.add_argument(
        "--whole-cache",
        action="store_true",
        help="also empty the whole HTTP cache (by default only the copies of what this case "
        "fetched are removed from it)",
    )
    delete.set_defaults(handler=run_delete)
    from faceaudit.cli.audit import register_case_actions

    register_case_actions(actions)  # close, reopen, retention, due-for-deletion

    from faceaudit.cli import handoff

    handoff.register_case_actions(actions, secret)  # case export, case import


def _register_enroll(subparsers: Subparsers) -> None:
    parser = subparsers.add_parser(
        "enroll",
        aliases=["enrol"],
        parents=[_case_option(), _passphrase_option()],
        help="add reference photos of the person to a case",
        description="Add reference photos of the person. Each photo must show exactly one "
        "clear face; a photo that does not is reported and nothing of it is stored. A face that "
        "does not look like the person of the photos already enrolled is refused (a stranger "
        "as a reference would make their photos count as yours) unless --force is given.",
    )
    parser.add_argument("photos", nargs="*", metavar="PHOTO", help="photo files of the person")
    parser.add_argument(
        "--force",
        action="store_true",
        help="enrol a photo even if it does not look like the references already enrolled",
    )
    parser.add_argument(
        "--remove",
        type=id_arg,
        action="append",
        default=[],
        metavar="ID",
        help="remove the reference with this id (see 'case show'); repeatable",
    )
    parser.set_defaults(handler=run_enroll)


def _register_sources(subparsers: Subparsers) -> None:
    parser = subparsers.add_parser(
        "sources", help="add, list and remove the pages, images and folders a case searches"
    )
    parser.set_defaults(handler=lambda args, app: _print_usage(parser))
    actions = parser.add_subparsers(dest="sources_command", metavar="ACTION")
    common = [_case_option(), _passphrase_option()]

    add = actions.add_parser(
        "add",
        parents=common,
        help="add URLs (http/https) or local files/folders",
        description="Add sources. Entries that are not http(s) URLs or existing local "
        "files/folders are reported and skipped; the exit status is then 1.",
    )
    add.add_argument("entries", nargs="*", metavar="URL", help="URLs or local paths")
    add.add_argument(
        "--urls-file",
        "--file",
        dest="urls_file",
        metavar="FILE",
        help="read sources from a .txt or .csv FILE, as 'scan --urls-file' does: one per line "
        "(a CSV row's first cell); blank lines, # comments and a header row are ignored",
    )
    add.add_argument(
        "--depth",
        type=bounded_arg("depth"),
        default=0,
        metavar="N",
        help="follow links N levels deep from each page (default 0); every scan uses it",
    )
    add.add_argument(
        "--max-pages",
        type=bounded_arg("max_pages"),
        metavar="N",
        help="fetch at most N pages of each source",
    )
    add_sitemap_option(add)
    add.set_defaults(handler=run_sources_add)

    listing = actions.add_parser("list", parents=[*common, _json_option()], help="list sources")
    listing.set_defaults(handler=run_sources_list)

    remove = actions.add_parser("remove", parents=common, help="remove sources by id or URL")
    remove.add_argument("targets", nargs="+", metavar="ID_OR_URL")
    remove.set_defaults(handler=run_sources_remove)


def _register_findings(subparsers: Subparsers) -> None:
    parser = subparsers.add_parser(
        "findings",
        parents=[_case_option(), _passphrase_option(), _json_option()],
        help="list the faces found that look like the person",
    )
    parser.add_argument(
        "--new", action="store_true", help="only findings first seen in the latest scan"
    )
    parser.add_argument(
        "--gone",
        action="store_true",
        help="only findings no longer online: a later scan read their pages and did not see "
        "them (e.g. to check that a takedown worked)",
    )
    parser.add_argument(
        "--by-operator",
        action="store_true",
        help="group the findings by the site's operator, and say which still need a letter",
    )
    parser.set_defaults(handler=run_findings)


PERSON_FIELDS = ("full_name", "email", "postal_address", "country", "language")


def _person_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--name", dest="full_name", help="the person's full name, for letters")
    parser.add_argument("--email", help="the person's e-mail address, for replies")
    parser.add_argument("--address", dest="postal_address", help="the person's postal address")
    parser.add_argument("--country", help="the person's country (ISO code, e.g. FR)")
    parser.add_argument("--language", help="the language for letters (ISO code, e.g. fr)")


def _person_changes(args: argparse.Namespace) -> dict[str, str | None]:
    """The details given on the command line; an empty value removes the detail."""
    from faceaudit.persontext import clean_person_field

    changes: dict[str, str | None] = {}
    for name in PERSON_FIELDS:
        value = getattr(args, name)
        if value is None:
            continue
        value = clean_person_field(name, value)
        if name == "country":
            value = value.upper()
        elif name == "language":
            value = value.lower()
        changes[name] = value or None
    return changes


def _print_usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help(sys.stderr)
    return EXIT_USAGE


def _case_name(args: argparse.Namespace) -> str | None:
    positional, option = getattr(args, "case_name", None), getattr(args, "case_option", None)
    if positional and option and positional != option:
        return None
    return positional or option


def _missing_case_name(command: str) -> int:
    print(f"faceaudit case {command}: give the case's name (CASE or --case NAME)", file=sys.stderr)
    return EXIT_USAGE


# -- case --------------------------------------------------------------------------------


def run_create(args: argparse.Namespace, app: App) -> int:
    name = _case_name(args)
    if not name:
        return _missing_case_name("create")
    store = app.case_store()
    if store.exists(name):  # say so before asking for a passphrase twice
        raise coded(
            CaseExistsError(
                f"A case named {name!r} already exists.", "Choose another name, or open that case."
            ),
            "case-exists",
            name=name,
        )
    person = Person(**_person_changes(args))
    if args.clinic:
        store.clinic.require()  # said before the passphrase is asked
        passphrase = read_passphrase(args, prompt="Clinic passphrase: ")
    else:
        passphrase = read_passphrase(args, confirm=True)
    with store.create(
        name, passphrase, person=person, evidence_policy=args.evidence, under_clinic=args.clinic
    ) as case:
        print(f"Created case {name!r} in {case.directory}.")
    if args.clinic:
        print("It opens with the clinic passphrase; it has no passphrase of its own.")
    missing = person.missing()
    if missing:
        print(f"Letters will ask for: {', '.join(missing)}.")
    print(f"Next: faceaudit enroll --case {name} PHOTO...")
    return EXIT_OK


def run_list(args: argparse.Namespace, app: App) -> int:
    from faceaudit.letters.overview import CaseDeadlines, deadlines_by_case

    store = app.case_store()
    summaries = store.list()
    deadlines = deadlines_by_case(store, args.today)
    none_due = CaseDeadlines(None, 0)
    if args.json:
        locks = {s.name: _lock_of(store, s.name) for s in summaries}
        rows = [
            {
                "name": s.name,
                "case_id": locks[s.name][0],
                "unlocks_with": locks[s.name][1],
                "path": str(s.path),
                "created_at": s.created_at,
                "references": s.references,
                "sources": s.sources,
                "scans": s.scans,
                "last_scan_at": s.last_scan_at,
                "findings": s.findings,
                "unreviewed": s.unreviewed,
                "problem": s.problem,
                "next_due": _iso(deadlines.get(s.name, none_due).next_due),
                "overdue": deadlines.get(s.name, none_due).overdue,
            }
            for s in summaries
        ]
        print(json.dumps({"cases": rows}, indent=2))
        return EXIT_OK
    if not summaries:
        print("No cases yet. Start one with: faceaudit case create NAME")
        return EXIT_OK
    print(
        f"{'CASE':<24} {'CREATED':<21} {'REFS':>4} {'SOURCES':>7} {'SCANS':>5} "
        f"{'FINDINGS':>8}  {'NEXT DUE':<10} {'OVERDUE':>7}"
    )
    for s in summaries:
        if s.problem:
            print(f"{s.name:<24} cannot be read: {s.problem}")
            continue
        findings = f"{s.findings} ({s.unreviewed} to review)" if s.unreviewed else str(s.findings)
        due = deadlines.get(s.name, none_due)
        print(
            f"{s.name:<24} {s.created_at or '':<21} {s.references:>4} {s.sources:>7} "
            f"{s.scans:>5} {findings:>8}  {_iso(due.next_due) or '-':<10} {due.overdue:>7}"
        )
    return EXIT_OK


def _lock_of(store: CaseStore, name: str) -> tuple[str | None, list[str]]:
    """The case's pseudonymous id and the passphrases that open it ("case", "clinic"),
    from its key file (no passphrase needed; a damaged one shows as unknown)."""
    try:
        key_file = store.key_file(name)
    except FaceAuditError:
        return None, []
    kinds = [kind for kind, wrap in (("case", key_file.own), ("clinic", key_file.clinic)) if wrap]
    return key_file.case_id, kinds


def _iso(day: Any) -> str | None:
    return day.isoformat() if day is not None else None


def run_show(args: argparse.Namespace, app: App) -> int:
    name = _case_name(args)
    if not name:
        return _missing_case_name("show")
    with open_named_case(app.case_store(), name, args) as case:
        person, counts, references = case.person, case.counts(), case.reference_rows()
        scans = case.scans()
        document: dict[str, Any] = {
            "name": name,
            "path": str(case.directory),
            "created_at": case.created_at,
            "evidence_policy": case.evidence_policy,
            "model_pack": case.model_pack,
            "person": person.__dict__,
            "missing_for_letters": person.missing(),
            "references": [
                {"id": r.id, "label": r.label, "added_at": r.added_at} for r in references
            ],
            "counts": counts,
            "last_scan": None
            if not scans
            else {
                "id": scans[-1].id,
                "status": scans[-1].status,
                "started_at": scans[-1].started_at,
            },
        }
    if args.json:
        print(json.dumps(document, indent=2, ensure_ascii=False))
        return EXIT_OK
    print(f"Case {name} (created {document['created_at']}, {document['path']})")
    for field, value in person.__dict__.items():
        print(f"  {field.replace('_', ' ')}: {value or '-'}")
    print(f"  references: {len(references)} ({', '.join(r.label for r in references) or 'none'})")
    if document["model_pack"]:
        print(f"  embedded with the model pack: {document['model_pack']}")
    print(
        f"  sources: {counts['sources']}   scans: {counts['scans']}   findings: "
        f"{counts['findings']} ({counts['unreviewed']} to review, {counts['confirmed']} "
        f"confirmed, {counts['rejected']} rejected)"
    )
    print(f"  evidence kept: {document['evidence_policy']}")
    return EXIT_OK


def run_edit(args: argparse.Namespace, app: App) -> int:
    name = _case_name(args)
    if not name:
        return _missing_case_name("edit")
    changes = _person_changes(args)
    if not changes:
        print(
            "faceaudit case edit: give what to change: --name, --email, --address, --country "
            "or --language",
            file=sys.stderr,
        )
        return EXIT_USAGE
    store = app.case_store()
    store.existing_case_dir(name)
    with store.open(name, case_passphrase(store, name, args)) as case:
        person = case.update_person(**changes)
    for field in changes:
        print(f"  {field.replace('_', ' ')}: {getattr(person, field) or '-'}")
    missing = person.missing()
    print(
        f"Updated case {name!r}."
        + (f" Letters will ask for: {', '.join(missing)}." if missing else "")
    )
    return EXIT_OK


def run_delete(args: argparse.Namespace, app: App) -> int:
    name = _case_name(args)
    if not name:
        return _missing_case_name("delete")
    store = app.case_store()
    directory = store.case_dir(name)
    if not args.yes:
        if not sys.stdin.isatty():
            print(
                f"faceaudit: refusing to delete case {name!r} without confirmation.\n"
                "  Add --yes to delete it for good.",
                file=sys.stderr,
            )
            return EXIT_USAGE
        answer = input(f"Delete case {name!r} and all its data for good? Type its name: ")
        if answer.strip() != name:
            print("Not deleted.")
            return EXIT_FAILED
    deletion = store.delete(name, cache="all" if args.whole_cache else "case")
    assert deletion.directory == directory
    print(deletion.describe())
    return EXIT_OK


# -- enroll ------------------------------------------------------------------------------


def run_enroll(args: argparse.Namespace, app: App) -> int:
    if not args.photos and not args.remove:
        print("faceaudit enroll: give PHOTO... to add, or --remove ID", file=sys.stderr)
        return EXIT_USAGE
    if args.remove:
        return _remove_references(args, app)
    failures = 0
    with open_case(args, app) as case:
        recorded = case.model_pack
        if recorded is not None and recorded != app.model_pack:
            raise FaceAuditError(
                f"This case's reference photos were embedded with the {recorded} model pack, "
                f"not {app.model_pack}; embeddings of different packs cannot be compared.",
                f"Enrol with `faceaudit --model-pack {recorded} enroll ...` (scans with another "
                "pack re-embed the stored photos by themselves).",
            )
        if recorded is None:
            case.set_model_pack(app.model_pack)
        for photo in args.photos:
            failures += not _enrol_one(case, app, Path(photo), force=args.force)
        total = len(case.reference_rows())
    _print_reference_total(total)
    return EXIT_FAILED if failures else EXIT_OK


def _print_reference_total(total: int) -> None:
    print(f"The case now has {total} reference photo{'s' if total != 1 else ''}.")


def _remove_references(args: argparse.Namespace, app: App) -> int:
    failures = 0
    with open_case(args, app) as case:
        labels = {row.id: row.label for row in case.reference_rows()}
        for reference_id in args.remove:
            try:
                case.remove_reference(reference_id)
            except FaceAuditError as error:
                failures += 1
                report_error(error)
                continue
            print(f"Removed reference {reference_id} ({labels[reference_id]}).")
        total = len(case.reference_rows())
    _print_reference_total(total)
    return EXIT_FAILED if failures else EXIT_OK


def _enrol_one(case: Case, app: App, photo: Path, *, force: bool = False) -> bool:
    from faceaudit.imaging import read_image_file

    label = photo.name
    try:
        data = read_image_file(photo)
        if case.reference_id_for(hashlib.sha256(data).hexdigest()) is not None:
            print(f"{label}: already enrolled.")
            return True
        references = app.engine.enrol([(label, data)])
    except (EnrolmentError, ImageError) as error:
        report_error(FaceAuditError(f"{photo}: {error.what}", error.todo))
        return False
    for reference in references:
        try:
            reference_id = case.add_reference(
                label, data, reference, force=force, match_threshold=app.engine.thresholds.match
            )
        except DifferentPersonError as error:
            todo = "Check that the photo shows you; if it does, add it anyway with --force."
            report_error(FaceAuditError(f"{photo}: {error.what}", todo))
            return False
        print(f"{label}: enrolled (reference {reference_id}).")
    return True


# -- sources -----------------------------------------------------------------------------


def run_sources_add(args: argparse.Namespace, app: App) -> int:
    from faceaudit.store.source_list import read_source_list_file

    if not args.entries and not args.urls_file:
        print("faceaudit sources add: give URLs or --urls-file FILE", file=sys.stderr)
        return EXIT_USAGE
    valid: list[str] = []
    refused = 0
    for text in args.entries:
        try:
            valid.append(normalise_source(text))
        except InvalidSourceError as error:
            refused += 1
            report_error(FaceAuditError(f"{error.what} Skipped.", error.todo))
    if args.urls_file:
        # The one list reader (faceaudit.store.source_list), as the window's list import.
        listed = read_source_list_file(args.urls_file)
        valid += listed.entries
        for problem in listed.problems:
            refused += 1
            report_error(
                FaceAuditError(
                    f"{args.urls_file}:{problem.line}: {problem.what} Skipped.", problem.todo
                )
            )
    if args.depth < 0 or (args.max_pages is not None and args.max_pages < 1):
        print(
            "faceaudit sources add: --depth must be 0 or more, --max-pages 1 or more",
            file=sys.stderr,
        )
        return EXIT_USAGE
    settings = SourceSettings(depth=args.depth, max_pages=args.max_pages, sitemap=args.sitemap)
    with open_case(args, app) as case:
        added = case.add_sources(valid, settings=settings) if valid else 0
        total = len(case.sources())
    already = len(set(valid)) - added
    print(
        f"Added {added} source{'s' if added != 1 else ''}"
        + (f" ({already} already listed)" if already else "")
        + (f", skipped {refused} invalid" if refused else "")
        + f"; the case has {total}."
    )
    return EXIT_FAILED if refused else EXIT_OK


def run_sources_list(args: argparse.Namespace, app: App) -> int:
    with open_case(args, app) as case:
        rows = case.sources()
    if args.json:
        print(
            json.dumps(
                {
                    "sources": [
                        {
                            "id": r.id,
                            "url": r.url_or_path,
                            "added_at": r.added_at,
                            "options": r.options,
                            "settings": r.settings.to_options(),
                        }
                        for r in rows
                    ]
                },
                indent=2,
            )
        )
        return EXIT_OK
    if not rows:
        print("No sources yet. Add some with: faceaudit sources add --case NAME URL...")
    for row in rows:
        print(f"{row.id:>5}  {row.url_or_path}  ({row.settings.describe()})")
    return EXIT_OK


def run_sources_remove(args: argparse.Namespace, app: App) -> int:
    failures = 0
    with open_case(args, app) as case:
        by_url = {row.url_or_path: row.id for row in case.sources()}
        for target in args.targets:
            # An id past SQLite's integers (over 18 digits) names no source either.
            is_id = re.fullmatch("[0-9]{1,18}", target) is not None
            source_id = int(target) if is_id else by_url.get(target.strip())
            if source_id is None:
                failures += 1
                report_error(
                    FaceAuditError(
                        f"The case has no source {target!r}.",
                        "Run 'faceaudit sources list' to see ids and URLs.",
                    )
                )
                continue
            try:
                case.remove_source(source_id)
            except FaceAuditError as error:
                failures += 1
                report_error(error)
                continue
            print(f"Removed source {source_id}.")
    return EXIT_FAILED if failures else EXIT_OK


# -- findings and review -----------------------------------------------------------------


def finding_json(row: FindingRow, history: FindingHistory | None = None) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": row.id,
        "page_url": row.page_url,
        "image_url": row.image_url,
        "found_by": row.found_by,
        "similarity": round(row.similarity, 4),
        "verdict": row.verdict,
        "bbox": [round(v, 1) for v in row.bbox],
        "frame_time": row.frame_time,
        "review": row.review,
        "first_seen": row.first_seen_at,
        "last_seen": row.last_seen_at,
        "new": row.is_new,
    }
    if history is not None:
        data.update(
            presence=history.presence,
            last_seen=history.last_seen_at,
            last_checked=history.last_checked_at,
            pages=history.pages,
            sites=history.sites,
            sightings=[
                {
                    "page_url": place.page_url,
                    "image_url": place.image_url,
                    "found_by": place.found_by,
                    "site": place.site,
                    "first_seen": place.first_seen_at,
                    "last_seen": place.last_seen_at,
                    "gone": place.gone,
                }
                for place in history.places
            ],
        )
    return data


PRESENCE_LABELS = {"seen": "online", "gone": "gone", "unchecked": "not checked"}


def run_findings(args: argparse.Namespace, app: App) -> int:
    with open_case(args, app) as case:
        rows = case.findings(new_only=args.new)
        histories = case.finding_history(row.id for row in rows)
        if args.by_operator:
            from faceaudit.cli.letters import print_by_operator

            return print_by_operator(case, app, rows, json_output=args.json)
    if args.gone:
        rows = [row for row in rows if _presence(histories, row) == "gone"]
    if args.json:
        document = {"findings": [finding_json(r, histories.get(r.id)) for r in rows]}
        print(json.dumps(document, indent=2))
        return EXIT_OK
    if not rows:
        empty = "No new findings." if args.new else "No findings yet."
        if args.gone:
            empty = "No finding is gone: each was still online when last checked."
        print(empty)
        return EXIT_OK
    print(
        f"{'ID':>5}  {'SIM':>5}  {'VERDICT':<8}  {'REVIEW':<10}  {'NEW':<3}  {'STATUS':<11}  "
        f"{'LAST SEEN':<20}  WHERE"
    )
    for row in rows:
        where = row.page_url or row.image_url
        image = "" if where == row.image_url else f"  ({row.image_url})"
        history = histories.get(row.id)
        also = history.also_on() if history else ""
        print(
            f"{row.id:>5}  {row.similarity:>5.2f}  {row.verdict:<8}  {row.review:<10}  "
            f"{'yes' if row.is_new else '':<3}  {PRESENCE_LABELS[_presence(histories, row)]:<11}  "
            f"{(history.last_seen_at if history else row.last_seen_at):<20}  {where}{image}"
            + (f"\n{'':>7}{also}: {', '.join(_other_places(history))}" if also and history else "")
        )
    return EXIT_OK


def _presence(histories: dict[int, FindingHistory], row: FindingRow) -> str:
    history = histories.get(row.id)
    return history.presence if history is not None else "unchecked"


def _other_places(history: FindingHistory) -> list[str]:
    first = history.places[0].where
    return list(dict.fromkeys(p.where for p in history.places if p.where != first))
