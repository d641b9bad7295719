"""The headless command line: ``faceaudit <command> ...`` over the same core as the GUI.

``faceaudit`` with no command (global options allowed) opens the window instead.

Each command lives in its own module exposing ``register(subparsers)``; the module sets
``handler`` on its parser with ``set_defaults(handler=...)``. A handler takes the parsed
arguments and the :class:`~faceaudit.app.App` and returns the exit status.
"""

from __future__ import annotations

import argparse
import importlib
import os
import re
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from faceaudit import __version__
from faceaudit.app import App
from faceaudit.errors import FaceAuditError

if TYPE_CHECKING:
    import datetime as dt

# Order is the order shown in --help.
COMMAND_MODULES = (
    "models",
    "match",
    "cases",
    "session",
    "scan",
    "collect",
    "letters",
    "clinic",
    "clinic_key",
    "mandate",
    "report",
    "audit",
    "cleanup",
    "handoff",
)

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_BROKEN_PIPE = 141  # what a shell reports for a command stopped by SIGPIPE


def global_options() -> argparse.ArgumentParser:
    """The options every command shares (also enough to open the window)."""
    parser = argparse.ArgumentParser(add_help=False, exit_on_error=False)
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="keep all data (cases, cache, exports) under DIR instead of the user data "
        "directory; the FACEAUDIT_HOME environment variable does the same",
    )
    parser.add_argument(
        "--threads",
        type=bounded_arg("threads", zero_means_default=True),
        default=0,
        metavar="N",
        help="CPU threads for face inference (default: all cores)",
    )
    parser.add_argument(
        "--caseworker",
        metavar="NAME",
        help="who is working, as each case's audit log records it (default: the "
        "FACEAUDIT_CASEWORKER environment variable, the caseworker setting, else your user name)",
    )
    parser.add_argument(
        "--model-pack",
        default=None,
        metavar="PACK",
        help="face model pack to use (default: buffalo_sc; see `faceaudit models list`)",
    )
    return parser


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="faceaudit",
        parents=[global_options()],
        description=(
            "Find where your own face appears on the web pages you list, entirely on this "
            "computer, and draft access and erasure requests to the sites' operators. "
            "Nothing leaves this machine except requests to the URLs you list and the "
            "download of the face model pack. Without a command, the window opens."
        ),
    )
    parser.add_argument("--version", action="version", version=f"faceaudit {__version__}")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check this installation (model pack, face matching on a built-in check pair, "
        "a letter rendered to PDF, the window) and print each step with its time",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        module = importlib.import_module(f"faceaudit.cli.{name}")
        module.register(subparsers)
    return parser


def date_arg(text: str) -> dt.date:
    """An argparse type: a date given as YYYY-MM-DD, in the years deadlines can be counted in."""
    import datetime as dt

    from faceaudit.persontext import FIRST_YEAR, LAST_YEAR

    try:
        day = dt.date.fromisoformat(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date as YYYY-MM-DD") from error
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise argparse.ArgumentTypeError(
            f"{text} is outside the years FaceAudit can count deadlines in "
            f"({FIRST_YEAR}-{LAST_YEAR})"
        )
    return day


# C0 and C1 controls, DEL, and the bidirectional overrides that can reorder what a line shows.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def terminal_safe(text: str) -> str:
    """Text from outside (a server's headers, a page's URLs) made inert for a terminal.

    Escape sequences would otherwise reach the terminal raw: retitle the window, clear it,
    fake lines of output. Each control character is shown as its escape (``\\x1b``).
    """
    return _UNPRINTABLE.sub(lambda found: ascii(found.group())[1:-1], text)


MAX_ID = 2**63 - 1  # SQLite's largest integer: no finding, letter or source has a larger id
_DIGITS = re.compile("[0-9]+")  # str.isdigit() also takes "²", which int() refuses


def id_arg(text: str) -> int:
    """An argparse type: one id, a whole number from 1 to :data:`MAX_ID`."""
    value = text.strip()
    if not _DIGITS.fullmatch(value):
        raise argparse.ArgumentTypeError(f"{text!r} is not an id (a whole number, e.g. 12)")
    number = int(value)
    if not 1 <= number <= MAX_ID:
        raise argparse.ArgumentTypeError(
            f"{value} is not an id FaceAudit gives (ids go from 1 to {MAX_ID})"
        )
    return number


def bounded_arg(name: str, *, zero_means_default: bool = False) -> Callable[[str], int]:
    """An argparse type for the numeric option ``name`` of :data:`faceaudit.bounds.BOUNDS`
    (with ``zero_means_default``, 0 is accepted too: "the machine's cores")."""
    from faceaudit.bounds import BOUNDS

    bound = BOUNDS[name]
    low = 0 if zero_means_default else bound.low

    def parse(text: str) -> int:
        value = text.strip()
        if not _DIGITS.fullmatch(value.removeprefix("-")):
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number")
        number = int(value)
        if not low <= number <= bound.high:
            raise argparse.ArgumentTypeError(
                f"the {bound.what} must be from {low} to {bound.high}, not {number}"
            )
        return number

    parse.__name__ = name  # what argparse names in its own messages
    return parse


def id_list_arg(text: str) -> list[int]:
    """An argparse type: ids as a list with ranges, e.g. ``2,3,5-9`` (order kept, no repeats)."""
    ids: list[int] = []
    for part in (p.strip() for p in text.split(",")):
        if not part:
            continue
        low, dash, high = part.partition("-")
        if not (_DIGITS.fullmatch(low) and (not dash or _DIGITS.fullmatch(high))):
            raise argparse.ArgumentTypeError(
                f"{part!r} is not an id or a range of ids (e.g. 2,3,5-9)"
            )
        first, last = int(low), int(high) if dash else int(low)
        if last > MAX_ID:
            raise argparse.ArgumentTypeError(
                f"{part!r} is past the largest id FaceAudit gives ({MAX_ID})"
            )
        if last < first or last - first >= 100_000:
            raise argparse.ArgumentTypeError(f"{part!r} is not a usable range (e.g. 5-9)")
        ids.extend(range(first, last + 1))
    if not ids:
        raise argparse.ArgumentTypeError("give at least one id (e.g. 2,3,5-9)")
    return list(dict.fromkeys(ids))


def os_error_message(error: OSError) -> FaceAuditError:
    """An unexpected OSError as a plain message: what failed, where, and what to try."""
    import errno

    where = f" ({error.filename})" if error.filename else ""
    reason = error.strerror or str(error)
    if error.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        todo = "Free some space and run the command again; what was saved before is kept."
    elif error.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        todo = "Check that you may write there, or choose another folder (--data-dir, -o)."
    else:
        todo = "Check the file or folder named, then run the command again."
    return FaceAuditError(f"A file could not be read or written{where}: {reason}.", todo)


def report_error(error: FaceAuditError) -> None:
    print(f"faceaudit: {error.what}", file=sys.stderr)
    if error.todo:
        print(f"  {error.todo}", file=sys.stderr)


def has_screen() -> bool:
    """Whether a window can be shown (on Linux: a display, or a Qt platform chosen by hand)."""
    if not sys.platform.startswith("linux"):
        return True
    return any(os.environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


# The global options' defaults, as global_options() would parse an empty command line.
WINDOW_DEFAULTS = argparse.Namespace(data_dir=None, threads=0, caseworker=None, model_pack=None)


def window_options(argv: Sequence[str]) -> argparse.Namespace | None:
    """The global options when ``argv`` names no command (then the window opens), else None.

    Checked before the full parser is built, which imports every command's module: the
    window must not wait for the scan engine to load.
    """
    try:
        options, rest = global_options().parse_known_args(list(argv))
    except (argparse.ArgumentError, SystemExit):
        return None  # unusable global options: the full parser explains
    return None if rest else options


def open_window(options: argparse.Namespace) -> int:
    if not has_screen():
        build_parser().print_help()
        print(
            "\nfaceaudit: no screen to open the window on; the commands above work here.",
            file=sys.stderr,
        )
        return EXIT_OK
    from faceaudit.gui import run_gui

    app = App.create(
        data_dir=options.data_dir,
        threads=options.threads,
        model_pack=options.model_pack,
        caseworker=options.caseworker,
    )
    try:
        return run_gui(app)
    finally:
        app.close()


def main(argv: Sequence[str] | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else list(argv)
    # No arguments at all (the person opened the app): the window, without argparse.
    options = window_options(arguments) if arguments else WINDOW_DEFAULTS
    if options is not None:
        return open_window(options)
    parser = build_parser()
    args = parser.parse_args(arguments)
    handler = getattr(args, "handler", None)
    if args.self_test:
        from faceaudit import selftest

        handler = selftest.run_from_cli
    if handler is None:
        parser.print_help()
        return EXIT_OK
    try:
        app = App.create(
            data_dir=args.data_dir,
            threads=args.threads,
            model_pack=args.model_pack,
            caseworker=args.caseworker,
        )
    except FaceAuditError as error:
        report_error(error)
        return EXIT_FAILED
    for problem in app.config_problems:
        print(f"faceaudit: settings: {problem}", file=sys.stderr)
    try:
        status = int(handler(args, app))
        sys.stdout.flush()  # a closed pipe (| head) is met here, not at interpreter exit
        return status
    except BrokenPipeError:
        # The reader stopped reading (e.g. `| head`): nothing more to say, to anyone.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
        return EXIT_BROKEN_PIPE
    except FaceAuditError as error:
        report_error(error)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print("faceaudit: interrupted; everything saved so far is kept.", file=sys.stderr)
        return 130
    except OSError as error:
        # The last net: a file or folder the commands did not expect to fail on (each
        # command turns the failures it knows into its own messages first).
        report_error(os_error_message(error))
        return EXIT_FAILED
    finally:
        app.close()
