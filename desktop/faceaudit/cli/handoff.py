"""Hand-off commands: ``case export``, ``case import`` and ``clinic keygen``.

``case export/import`` are actions of ``case`` (cli/cases.py calls :func:`register_case_actions`);
``clinic keygen`` joins the shared ``clinic`` group. The work is in ``faceaudit.handoff``.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from pathlib import Path

from faceaudit.app import App
from faceaudit.cli import EXIT_OK, terminal_safe
from faceaudit.cli.clinic import clinic_commands
from faceaudit.handoff import (
    ClinicKey,
    ClinicKeyError,
    default_key_path,
    own_key,
    profile_name,
    signing_key,
)
from faceaudit.handoff.keys import check_trust_text, public_key_text

Subparsers = argparse._SubParsersAction


def register(subparsers: Subparsers) -> None:
    keygen = clinic_commands(subparsers).add_parser(
        "keygen",
        help="make the clinic's key pair for case hand-offs (prints its public key)",
        description="Make a clinic key file: an age identity (other clinics encrypt hand-offs "
        "to its public key, 'age1...') from which the key that signs this clinic's exports is "
        "drawn. The file is written private (0600) and never overwritten; keep a backup, since "
        "a hand-off sent to a lost key cannot be opened.",
    )
    keygen.add_argument("-o", "--output", required=True, metavar="FILE", help="the key file")
    keygen.add_argument("--name", default="", help="the clinic's name, shown to receivers")
    keygen.set_defaults(handler=run_keygen)


def register_case_actions(actions: Subparsers, secret: argparse.ArgumentParser) -> None:
    export = actions.add_parser(
        "export",
        parents=[secret],
        help="export a case to one encrypted file for another clinic (needs the client's consent)",
        description="Write the case to one file encrypted with age to the receiving clinic's "
        "public key(s) or to an export passphrase, signed by this clinic's key. The case keeps "
        "its own passphrase inside: the receiving clinic needs the file's key AND the case "
        "passphrase (give it to them another way). The client's consent to the transfer must "
        "be recorded with --consent.",
    )
    export.add_argument("case_name", metavar="CASE", help="the case to export")
    export.add_argument("-o", "--output", required=True, metavar="FILE", help="the file to write")
    mode = export.add_mutually_exclusive_group(required=True)
    mode.add_argument(
        "--recipient",
        action="append",
        default=[],
        metavar="AGE_PUBLIC_KEY",
        help="the receiving clinic's public key (age1...); repeatable",
    )
    mode.add_argument(
        "--export-passphrase-file",
        metavar="FILE",
        help="encrypt to the passphrase on FILE's first line instead (scrypt)",
    )
    export.add_argument(
        "--consent",
        metavar="HOW",
        help="how and when the client agreed to this transfer, e.g. 'signed form, 2026-12-02' "
        "(required; kept in the case's audit log)",
    )
    export.add_argument(
        "--key",
        metavar="FILE",
        help="the clinic key file that signs the export (default: this installation's key, "
        "made on first use in the data folder)",
    )
    export.set_defaults(handler=run_export)

    importing = actions.add_parser(
        "import",
        parents=[secret],
        help="import a case from a hand-off file (checked whole before the case appears)",
        description="Import a hand-off file as a new case. Everything is checked before the "
        "case appears: the key, every file's SHA-256, the sender's signature, and that the "
        "case opens with its passphrase (--passphrase-file, FACEAUDIT_PASSPHRASE or asked). "
        "A damaged, cut short or altered file imports nothing.",
    )
    importing.add_argument("file", metavar="FILE", help="the hand-off file")
    key = importing.add_mutually_exclusive_group()
    key.add_argument(
        "--identity",
        metavar="FILE",
        help="your clinic key file (default: this installation's key, if it has one)",
    )
    key.add_argument(
        "--export-passphrase-file",
        metavar="FILE",
        help="the export passphrase on FILE's first line, for a file protected by one",
    )
    importing.add_argument(
        "--as", dest="new_name", metavar="NAME", help="import under another case name"
    )
    importing.add_argument(
        "--trust-signer",
        action="append",
        default=[],
        metavar="KEY",
        help="accept only a file signed by this clinic key (its fingerprint or ed25519:...); "
        "repeatable",
    )
    importing.set_defaults(handler=run_import)


def _export_passphrase(path: str) -> str:
    from faceaudit.cli.cases import read_passphrase

    return read_passphrase(argparse.Namespace(passphrase_file=path))


def run_keygen(args: argparse.Namespace, app: App) -> int:
    key = ClinicKey.generate(args.name or profile_name(app.paths))
    key.save(Path(args.output))
    _print_key(key, Path(args.output))
    return EXIT_OK


def _print_key(key: ClinicKey, path: Path) -> None:
    print(f"Wrote the clinic key {path} (private: keep it, and a backup, to yourself).")
    print("Public key, for the clinics that send you cases (--recipient):")
    print(f"  {key.recipient}")
    print("Signing key of this clinic's exports, and its fingerprint to compare by phone:")
    print(f"  {public_key_text(key.signing_public_key)}")
    print(f"  {key.fingerprint}")


def run_export(args: argparse.Namespace, app: App) -> int:
    from faceaudit.cli.cases import open_named_case
    from faceaudit.handoff.export import clean_consent, export_case
    from faceaudit.store import CaseStore

    consent = clean_consent(args.consent)  # before any passphrase is asked
    passphrase = (
        _export_passphrase(args.export_passphrase_file) if args.export_passphrase_file else None
    )
    if args.key:
        key = ClinicKey.load(args.key)
        if not key.clinic:  # the manifest names the sender: the clinic profile's name will do
            key = dataclasses.replace(key, clinic=profile_name(app.paths))
    else:
        existed = default_key_path(app.paths).exists()
        key = signing_key(app.paths)
        if not existed:
            print(
                f"Made this installation's clinic key {default_key_path(app.paths)} to sign "
                f"exports (fingerprint {key.fingerprint}).",
                file=sys.stderr,
            )
    store = CaseStore(app.paths)
    with open_named_case(store, args.case_name, args) as case:
        result = export_case(
            case,
            Path(args.output),
            key=key,
            consent=consent,
            recipients=args.recipient,
            passphrase=passphrase,
        )
    to_whom = (
        f"{result.recipients} clinic key(s)" if result.mode == "recipients" else "the passphrase"
    )
    print(
        f"Exported case {args.case_name!r} to {result.path} ({result.size:,} bytes), "
        f"encrypted to {to_whom} and signed by key {result.signer_fingerprint}."
    )
    print(
        "The receiving clinic needs the case passphrase too: give it to them another way "
        "than the file."
    )
    return EXIT_OK


def run_import(args: argparse.Namespace, app: App) -> int:
    from faceaudit.cli.cases import read_passphrase
    from faceaudit.handoff.importer import import_case, protection
    from faceaudit.store import CaseStore

    trust = [check_trust_text(text) for text in args.trust_signer]
    path = Path(args.file)
    kind = protection(path)
    identity = ClinicKey.load(args.identity) if args.identity else None
    export_passphrase = None
    if args.export_passphrase_file:
        export_passphrase = _export_passphrase(args.export_passphrase_file)
    elif kind == "recipients" and identity is None:
        identity, _ = own_key(app.paths, create=False)
        if identity is None:
            raise ClinicKeyError(
                f"{path} is encrypted to a clinic's public key, and no key file was given.",
                "Give your clinic key file with --identity FILE.",
            )
    own, _ = own_key(app.paths, create=False)
    result = import_case(
        CaseStore(app.paths),
        path,
        case_passphrase=read_passphrase(args),
        identity=identity,
        passphrase=export_passphrase,
        new_name=args.new_name,
        trust=trust,
        own_keys=[own] if own else [],
    )
    sender = terminal_safe(result.sender_clinic or "an unnamed clinic")
    print(f"Imported case {result.name!r} ({result.files} files, exported {result.exported_at}).")
    print(f"Signed by {sender!r}, key fingerprint {result.signer_fingerprint}.")
    if not result.signer_trusted:
        print(
            "faceaudit: this signing key was not confirmed: compare its fingerprint with the "
            "sender by phone or in person (and use --trust-signer next time).",
            file=sys.stderr,
        )
    return EXIT_OK
