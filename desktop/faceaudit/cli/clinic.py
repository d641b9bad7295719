"""``faceaudit clinic ...``: tools for a clinic that acts for several clients on one computer.

The ``clinic`` group is shared: every module that adds a clinic subcommand (the profile here;
``keygen`` in cli/handoff.py, the clinic passphrase, ...) calls :func:`clinic_commands` from
its own ``register(subparsers)`` and adds its parser to what it returns. Whichever module is
registered first creates the group; the order of COMMAND_MODULES does not matter.

``clinic profile`` shows or sets the clinic's own details (``faceaudit.clinic``), which the
mandate and the letters sent on a client's behalf print.
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from faceaudit.app import App
from faceaudit.cli import EXIT_OK, terminal_safe
from faceaudit.clinic import ClinicProfile, load_profile, update_profile
from faceaudit.letters.citations import LANGUAGES

Subparsers = argparse._SubParsersAction

GROUP = "clinic"


def clinic_commands(subparsers: Subparsers) -> Subparsers:
    """The ``clinic`` group's subcommands (created on the first call): add yours to it, e.g.
    ``clinic_commands(subparsers).add_parser("keygen", help=...)``, and set its handler."""
    parser = subparsers.choices.get(GROUP)
    if parser is None:
        parser = subparsers.add_parser(
            GROUP,
            help="clinic tools: the clinic's profile, keys and passphrase",
            description=(
                "Tools for a privacy clinic or helpline that acts for several clients on this "
                "computer, each client a case with its own key."
            ),
        )
        commands = parser.add_subparsers(dest="clinic_command", metavar="SUBCOMMAND")
        parser.set_defaults(handler=_help_of(parser))
        return commands
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return action
    raise RuntimeError("the clinic parser has no subcommands")  # pragma: no cover


def _help_of(parser: argparse.ArgumentParser) -> Any:
    def show_help(args: argparse.Namespace, app: App) -> int:
        parser.print_help()
        return EXIT_OK

    return show_help


def register(subparsers: Subparsers) -> None:
    profile = clinic_commands(subparsers).add_parser(
        "profile",
        help="show or set the clinic's name, address, e-mail and Art. 80(1) status",
        description=(
            "Without options, show the clinic's details. With options, set them (the others "
            "are kept). They are the clinic's own details, kept in config.toml in the data "
            "folder, not in any case: the client's mandate and the letters sent on a client's "
            "behalf print them."
        ),
    )
    profile.add_argument("--name", help="the clinic's name, as the mandate names it")
    profile.add_argument(
        "--address", help="the clinic's postal address (use \\n or commas between lines)"
    )
    profile.add_argument("--email", help="where operators and authorities answer")
    profile.add_argument(
        "--art80",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="the clinic is a not-for-profit body under GDPR Art. 80(1): properly constituted, "
        "with statutory objectives in the public interest, active in the protection of "
        "personal data (its mandates then cite Art. 80(1))",
    )
    profile.add_argument(
        "--language", choices=LANGUAGES, help="the clinic's default language for mandates"
    )
    profile.add_argument("--json", action="store_true", help="print machine-readable JSON")
    profile.set_defaults(handler=run_profile)


def run_profile(args: argparse.Namespace, app: App) -> int:
    changes = {
        "name": args.name,
        "address": args.address.replace("\\n", "\n") if args.address is not None else None,
        "email": args.email,
        "art80": args.art80,
        "language": args.language,
    }
    if any(value is not None for value in changes.values()):
        profile: ClinicProfile | None = update_profile(app.paths, **changes)
        if not args.json:
            print("Saved the clinic profile.")
    else:
        profile = load_profile(app.paths)
    if args.json:
        print(json.dumps(profile.as_table() if profile else None, ensure_ascii=False, indent=2))
        return EXIT_OK
    if profile is None:
        print(
            "No clinic profile is set. Set one with: faceaudit clinic profile --name NAME "
            "--address ADDRESS --email EMAIL [--art80]"
        )
        return EXIT_OK
    _print_profile(profile)
    return EXIT_OK


def _print_profile(profile: ClinicProfile) -> None:
    print(f"Name:     {terminal_safe(profile.name)}")
    lines = profile.address_lines or ("",)
    print(f"Address:  {terminal_safe(lines[0])}")
    for line in lines[1:]:
        print(f"          {terminal_safe(line)}")
    print(f"E-mail:   {terminal_safe(profile.email)}")
    status = (
        "yes: a not-for-profit body under GDPR Art. 80(1); mandates cite Art. 80(1)"
        if profile.art80
        else "no: mandates are authorisation letters"
    )
    print(f"Art. 80:  {status}")
    print(f"Language: {profile.language}")
