"""The clinic passphrase: ``faceaudit clinic init|passphrase|status|join|leave`` and
``faceaudit case passphrase``.

A clinic may lock its cases under one clinic-wide passphrase (``case create NAME --clinic``)
or give each case its own; every command that opens a case takes either (see
docs/STORAGE.md, "The clinic passphrase"). Passphrases come from files, the
FACEAUDIT_PASSPHRASE variable or a prompt, never the command line.
"""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING

from faceaudit.app import App
from faceaudit.cli import EXIT_OK
from faceaudit.cli.clinic import clinic_commands
from faceaudit.errors import FaceAuditError

if TYPE_CHECKING:
    from faceaudit.store import CaseStore

Subparsers = argparse._SubParsersAction


def _file_option(parent: argparse.ArgumentParser, flag: str, what: str) -> None:
    parent.add_argument(
        flag, metavar="FILE", help=f"read {what} from the first line of FILE (else you are asked)"
    )


def register(subparsers: Subparsers) -> None:
    commands = clinic_commands(subparsers)
    init = commands.add_parser(
        "init",
        help="set up the clinic passphrase that opens the cases created with --clinic",
        description="Set up this computer's clinic key: a random key locked under the clinic "
        "passphrase (Argon2id), kept in clinic/clinic.key in the data folder. Cases created "
        "with 'case create NAME --clinic' then open with the clinic passphrase. There is no "
        "recovery: a forgotten clinic passphrase leaves those cases locked.",
    )
    _file_option(init, "--passphrase-file", "the clinic passphrase (or FACEAUDIT_PASSPHRASE)")
    init.set_defaults(handler=run_init)

    change = commands.add_parser(
        "passphrase",
        help="change the clinic passphrase (no case file changes)",
        description="Change the clinic passphrase. Only the clinic key file is rewritten; "
        "every case under the clinic opens with the new passphrase at once.",
    )
    _file_option(change, "--passphrase-file", "the current clinic passphrase")
    _file_option(change, "--new-passphrase-file", "the new clinic passphrase")
    change.set_defaults(handler=run_change)

    status = commands.add_parser(
        "status",
        help="whether a clinic passphrase is set up, and which cases it opens (no passphrase)",
    )
    status.add_argument("--json", action="store_true", help="print machine-readable JSON")
    status.set_defaults(handler=run_status)

    join = commands.add_parser(
        "join",
        help="let the clinic passphrase open an existing case too",
        description="Lock an existing case's key under the clinic key as well: the clinic "
        "passphrase then opens it, and so does its own passphrase.",
    )
    join.add_argument("case_name", metavar="CASE")
    _file_option(join, "--passphrase-file", "the case's own passphrase (or FACEAUDIT_PASSPHRASE)")
    _file_option(join, "--clinic-passphrase-file", "the clinic passphrase")
    join.set_defaults(handler=run_join)

    leave = commands.add_parser(
        "leave",
        help="stop the clinic passphrase opening a case (it keeps its own)",
        description="Remove the clinic's lock on a case that has a passphrase of its own, "
        "e.g. once the case is handed to the client.",
    )
    leave.add_argument("case_name", metavar="CASE")
    _file_option(leave, "--passphrase-file", "the case's own passphrase (or FACEAUDIT_PASSPHRASE)")
    leave.set_defaults(handler=run_leave)


def register_case_passphrase(actions: Subparsers, secret: argparse.ArgumentParser) -> None:
    """``case passphrase CASE``: registered by cli/cases.py beside the other case actions."""
    change = actions.add_parser(
        "passphrase",
        parents=[secret],
        help="change a case's own passphrase, or give a clinic case one of its own",
        description="Lock the case's key under a new passphrase of its own. The current one "
        "may be the case's or, for a case under the clinic, the clinic passphrase: the case "
        "then opens with either (e.g. to hand it to the client). Only the key file changes.",
    )
    change.add_argument("case_name", metavar="CASE")
    _file_option(change, "--new-passphrase-file", "the new passphrase")
    change.set_defaults(handler=run_case_passphrase)


def passphrase_prompt(store: CaseStore, name: str) -> str:
    """The prompt for a case, from the wraps its key file lists."""
    try:
        key_file = store.key_file(name)
    except FaceAuditError:
        return "Case passphrase: "  # opening says what is wrong with the key file
    if key_file.own is None:
        return "Clinic passphrase: "
    if key_file.clinic is not None:
        return "Case or clinic passphrase: "
    return "Case passphrase: "


def _new_passphrase(args: argparse.Namespace, prompt: str) -> str:
    from faceaudit.cli.cases import read_passphrase

    return read_passphrase(args, confirm=True, prompt=prompt, option="new_passphrase_file")


def run_init(args: argparse.Namespace, app: App) -> int:
    from faceaudit.cli.cases import read_passphrase

    store = app.case_store()
    store.clinic.refuse_if_set_up()  # said before the passphrase is asked twice
    passphrase = read_passphrase(args, confirm=True, prompt="New clinic passphrase: ")
    key_file = store.clinic.init(passphrase)
    print(f"Set up the clinic passphrase (clinic key {key_file.clinic_id[:8]}).")
    print("Create cases under it with: faceaudit case create NAME --clinic")
    print("There is no recovery: keep the clinic passphrase somewhere safe.")
    return EXIT_OK


def run_change(args: argparse.Namespace, app: App) -> int:
    from faceaudit.cli.cases import read_passphrase

    store = app.case_store()
    store.clinic.require()
    old = read_passphrase(args, prompt="Current clinic passphrase: ")
    store.clinic.master_key(old)  # a wrong one is said before the new one is asked
    store.clinic.change_passphrase(old, _new_passphrase(args, "New clinic passphrase: "))
    print("Changed the clinic passphrase; every case under the clinic opens with the new one.")
    return EXIT_OK


def clinic_cases(store: CaseStore) -> list[dict[str, object]]:
    """Each case with its pseudonymous id and which passphrases open it (key files only)."""
    rows: list[dict[str, object]] = []
    key_file = store.clinic.key_file()
    for summary in store.list():
        try:
            case_key = store.key_file(summary.name)
        except FaceAuditError as error:
            rows.append({"name": summary.name, "problem": error.what})
            continue
        wrap = case_key.clinic
        rows.append(
            {
                "name": summary.name,
                "case_id": case_key.case_id,
                "own_passphrase": case_key.own is not None,
                "clinic": wrap is not None,
                "this_clinic": bool(wrap and key_file and wrap.clinic_id == key_file.clinic_id),
            }
        )
    return rows


def run_status(args: argparse.Namespace, app: App) -> int:
    store = app.case_store()
    key_file = store.clinic.key_file()
    cases = clinic_cases(store)
    if args.json:
        clinic = None
        if key_file is not None:
            clinic = {
                "clinic_id": key_file.clinic_id,
                "created_at": key_file.created_at,
                "kdf": {
                    "name": "argon2id",
                    "time_cost": key_file.kdf.time_cost,
                    "memory_kib": key_file.kdf.memory_kib,
                    "parallelism": key_file.kdf.parallelism,
                },
            }
        print(json.dumps({"clinic": clinic, "cases": cases}, indent=2))
        return EXIT_OK
    if key_file is None:
        print("No clinic passphrase is set up on this computer (faceaudit clinic init).")
    else:
        print(f"Clinic key {key_file.clinic_id[:8]}, set up {key_file.created_at}.")
    if not cases:
        print("No cases yet.")
        return EXIT_OK
    print(f"{'CASE':<24} {'CASE ID':<32}  OPENS WITH")
    for row in cases:
        if "problem" in row:
            print(f"{row['name']!s:<24} cannot be read: {row['problem']}")
            continue
        kinds = []
        if row["own_passphrase"]:
            kinds.append("its own passphrase")
        if row["this_clinic"]:
            kinds.append("the clinic passphrase")
        elif row["clinic"]:
            kinds.append("another clinic's passphrase")
        print(f"{row['name']!s:<24} {row['case_id']!s:<32}  {', '.join(kinds)}")
    return EXIT_OK


def run_join(args: argparse.Namespace, app: App) -> int:
    from faceaudit.cli.cases import read_passphrase

    store = app.case_store()
    store.existing_case_dir(args.case_name)
    store.clinic.require()
    own = read_passphrase(args, prompt="Case passphrase: ")
    clinic = read_passphrase(args, prompt="Clinic passphrase: ", option="clinic_passphrase_file")
    store.join_clinic(args.case_name, own, clinic)
    print(f"Case {args.case_name!r} now opens with the clinic passphrase as well as its own.")
    return EXIT_OK


def run_leave(args: argparse.Namespace, app: App) -> int:
    from faceaudit.cli.cases import read_passphrase

    store = app.case_store()
    store.existing_case_dir(args.case_name)
    store.leave_clinic(args.case_name, read_passphrase(args, prompt="Case passphrase: "))
    print(f"Case {args.case_name!r} no longer opens with the clinic passphrase, only its own.")
    return EXIT_OK


def run_case_passphrase(args: argparse.Namespace, app: App) -> int:
    from faceaudit.cli.cases import case_passphrase

    store = app.case_store()
    store.existing_case_dir(args.case_name)
    old = case_passphrase(store, args.case_name, args)
    unlocked = store.unlock_case(args.case_name, old)  # a wrong one: said before asking more
    store.change_passphrase(args.case_name, old, _new_passphrase(args, "New case passphrase: "))
    if unlocked.kind == "clinic" or store.key_file(args.case_name).clinic is not None:
        print(
            f"Case {args.case_name!r} now opens with its new passphrase and with the clinic "
            "passphrase."
        )
    else:
        print(f"Case {args.case_name!r} now opens with its new passphrase.")
    return EXIT_OK
