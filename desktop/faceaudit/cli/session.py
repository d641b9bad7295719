"""``unlock`` and ``lock``: a case unlocked for a while, so commands stop asking the passphrase.

The case's data key (never the passphrase) is kept in the memory of the per-user unlock
agent (:mod:`faceaudit.agent`) until it expires or ``faceaudit lock``.
"""

from __future__ import annotations

import argparse
import sys

from faceaudit.agent import DEFAULT_UNLOCK_SECONDS, MAX_UNLOCK_SECONDS, AgentClient
from faceaudit.app import App
from faceaudit.cli import EXIT_OK, EXIT_USAGE
from faceaudit.cli.wording import counted

Subparsers = argparse._SubParsersAction


def register(subparsers: Subparsers) -> None:
    unlock = subparsers.add_parser(
        "unlock",
        help="unlock a case for a while: later commands do not ask for its passphrase",
        description="Unlock a case for this session: its key (never the passphrase) is kept "
        "in the memory of a small per-user agent process, reachable only by you, for "
        "--minutes (default 15), or until 'faceaudit lock'. Nothing is written to disk.",
    )
    unlock.add_argument("case_name", metavar="CASE")
    unlock.add_argument(
        "--minutes",
        type=float,
        default=DEFAULT_UNLOCK_SECONDS / 60,
        help=f"how long it stays unlocked (default {DEFAULT_UNLOCK_SECONDS // 60}, "
        f"at most {MAX_UNLOCK_SECONDS // 3600} hours)",
    )
    unlock.add_argument(
        "--passphrase-file",
        metavar="FILE",
        help="read the passphrase from the first line of FILE (or FACEAUDIT_PASSPHRASE)",
    )
    unlock.set_defaults(handler=run_unlock)
    lock = subparsers.add_parser(
        "lock", help="lock a case again (or every case): its key leaves the agent's memory"
    )
    lock.add_argument("case_name", nargs="?", metavar="CASE", help="default: every case")
    lock.set_defaults(handler=run_lock)


def run_unlock(args: argparse.Namespace, app: App) -> int:
    from faceaudit.cli.cases import case_passphrase

    if not 0 < args.minutes <= MAX_UNLOCK_SECONDS / 60:
        print(
            f"faceaudit unlock: --minutes is between 0 and {MAX_UNLOCK_SECONDS // 60}.",
            file=sys.stderr,
        )
        return EXIT_USAGE
    store = app.case_store()
    store.existing_case_dir(args.case_name)
    unlocked = store.unlock_case(args.case_name, case_passphrase(store, args.case_name, args))
    # The key opens the case: keep it (an access, recorded in the case's audit log with the
    # passphrase that gave it: the case's own or the clinic's).
    opened_with = f"unlock_{unlocked.kind}_passphrase"
    store.open_with_key(args.case_name, unlocked.data_key, opened_with=opened_with).close()
    AgentClient().put(unlocked.case_id, unlocked.data_key, args.minutes * 60)
    print(
        f"Case {args.case_name!r} is unlocked for {args.minutes:g} "
        f"{'minute' if args.minutes == 1 else 'minutes'}: commands on it "
        "do not ask for the passphrase. 'faceaudit lock' locks it again."
    )
    return EXIT_OK


def run_lock(args: argparse.Namespace, app: App) -> int:
    client = AgentClient()
    if args.case_name:
        forgotten = client.forget(app.case_store().case_id(args.case_name))
        what = (
            f"Case {args.case_name!r} is locked"
            if forgotten
            else (f"Case {args.case_name!r} was not unlocked")
        )
        print(f"{what}.")
        return EXIT_OK
    forgotten = client.forget(None)
    print(f"Locked {counted(forgotten, 'case')}." if forgotten else "No case was unlocked.")
    return EXIT_OK
