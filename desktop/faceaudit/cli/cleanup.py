"""``faceaudit cache clear`` and ``faceaudit purge``: nothing left behind."""

from __future__ import annotations

import argparse
import sys

from faceaudit.app import App
from faceaudit.cli import EXIT_FAILED, EXIT_OK, EXIT_USAGE

PURGE_WORD = "PURGE"


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    cache = subparsers.add_parser("cache", help="empty the HTTP cache of pages and images")
    actions = cache.add_subparsers(dest="cache_command", metavar="ACTION")
    clear = actions.add_parser(
        "clear",
        help="overwrite and remove every cached page and image",
        description="The HTTP cache keeps copies of the pages and images scans fetched (your "
        "photos among them) so that a repeated scan is faster. This removes all of them.",
    )
    clear.set_defaults(handler=run_cache_clear)
    cache.set_defaults(handler=lambda args, app: _usage(cache))

    purge = subparsers.add_parser(
        "purge",
        help="delete everything FaceAudit keeps: every case, the cache, letters, directory",
        description="Delete every case (each key destroyed first), the HTTP cache, every "
        "letter in the exports folder and your additions to the operator directory (with the "
        "imported datarequests.org copy). The face model weights stay: they are not personal "
        f"data. You are asked to type {PURGE_WORD}; --yes skips that.",
    )
    purge.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    purge.set_defaults(handler=run_purge)


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help(sys.stderr)
    return EXIT_USAGE


def run_cache_clear(args: argparse.Namespace, app: App) -> int:
    from faceaudit.cleanup import clear_http_cache

    print(f"Removed {clear_http_cache(app.paths.http_cache).describe('cached response')}.")
    return EXIT_OK


def run_purge(args: argparse.Namespace, app: App) -> int:
    from faceaudit.cleanup import purge

    store = app.case_store()
    if not args.yes:
        if not sys.stdin.isatty():
            print(
                "faceaudit purge: refusing to delete everything without confirmation; there is "
                "no terminal to type it on. Add --yes to delete everything for good.",
                file=sys.stderr,
            )
            return EXIT_USAGE
        names = ", ".join(s.name for s in store.list()) or "none"
        answer = input(
            f"Delete every case ({names}), the cache, every letter and the local operator "
            f"directory under {app.paths.base}, for good? Type {PURGE_WORD}: "
        )
        if answer.strip() != PURGE_WORD:
            print("Nothing was deleted.")
            return EXIT_FAILED
    report = purge(app.paths, store)
    count = len(report.cases)
    cases = f"{count} case{'s' if count != 1 else ''}"
    if report.cases:
        cases += f" ({', '.join(report.cases)})"
    print(f"Deleted {cases}, each key destroyed first.")
    if report.cache is not None:
        print(f"Removed {report.cache.describe('cached response')}.")
    for folder in report.removed_folders:
        print(f"Removed {folder}.")
    for problem in report.problems:
        print(f"faceaudit purge: could not delete {problem}", file=sys.stderr)
    return EXIT_FAILED if report.problems else EXIT_OK
