"""``faceaudit report`` (the client's exposure report) and ``requests recheck`` (a promised
erasure checked again). The logic is :mod:`faceaudit.report`."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from faceaudit.cli import EXIT_OK, EXIT_USAGE, bounded_arg, id_arg, terminal_safe
from faceaudit.report import FORMATS, REPORT_LANGUAGES
from faceaudit.report import erasure as erasures

if TYPE_CHECKING:
    from faceaudit.app import App


def register(subparsers: argparse._SubParsersAction) -> None:
    from faceaudit.cli.cases import _passphrase_option

    parser = subparsers.add_parser(
        "report",
        parents=[_passphrase_option()],
        help="write the case's exposure report (PDF or HTML) for the person to keep",
        description="Write a report the person can keep: the scan dates, the sources checked "
        "and those that could not be, the confirmed appearances with thumbnails, the letters "
        "sent with their deadlines and status, what changed since the previous report, and "
        "what to do next. It shows the person's face: the file is written readable by you "
        "only (0600).",
    )
    parser.add_argument("--case", metavar="NAME", required=True, help="the case's name")
    parser.add_argument(
        "--format", choices=FORMATS, help="pdf or html (default: from the file name's ending)"
    )
    parser.add_argument(
        "-o", "--output", type=Path, metavar="PATH", required=True, help="the file to write"
    )
    parser.add_argument(
        "--language",
        choices=REPORT_LANGUAGES,
        help="the report's language (default: the case's, else English)",
    )
    parser.set_defaults(handler=run)


def _format(args: argparse.Namespace) -> str | None:
    if args.format:
        return str(args.format)
    suffix = args.output.suffix.lower().lstrip(".")
    return {"htm": "html"}.get(suffix, suffix) if suffix in (*FORMATS, "htm") else None


def run(args: argparse.Namespace, app: App) -> int:
    from faceaudit.cli.cases import open_case
    from faceaudit.report import clinic_name, generate

    fmt = _format(args)
    if fmt is None:
        print(
            "faceaudit report: give --format pdf|html (the file name does not say which).",
            file=sys.stderr,
        )
        return EXIT_USAGE
    clinic, problem = clinic_name(app.paths)
    if problem is not None:
        print(
            f"faceaudit report: the clinic profile could not be read ({problem.what}); the "
            "report does not name the clinic.",
            file=sys.stderr,
        )
    with open_case(args, app) as case:
        made = generate(case, fmt, args.output, language=args.language, prepared_by=clinic)
    data = made.data
    print(
        f"Wrote the exposure report ({fmt.upper()}, {made.language}) to {made.path}: "
        f"{len(data.appearances)} confirmed appearance(s), {len(data.letters)} letter(s) sent."
    )
    print(
        "It shows your face and where it appears: it is personal data. It was written "
        "readable by you only (0600); keep it private."
    )
    return EXIT_OK


# --- requests recheck ----------------------------------------------------------------------


def register_recheck(actions: argparse._SubParsersAction, common: Any) -> None:
    """``requests recheck ID``; ``common`` adds --case and --passphrase-file."""
    recheck = actions.add_parser(
        "recheck",
        help="scan again the pages of photos an operator said it erased: gone or still online?",
        description="For a request whose answer says the data was erased (requests outcome "
        "... complied|partly), scan again the sources where its photos were found, asking "
        "each server afresh, and say whether each photo is gone or still online.",
    )
    recheck.add_argument("letter_id", type=id_arg, metavar="ID")
    recheck.add_argument(
        "--workers",
        type=bounded_arg("workers", zero_means_default=True),
        default=0,
        metavar="N",
        help="images analysed at the same time (default: --threads, all cores)",
    )
    recheck.add_argument("--quiet", action="store_true", help="no progress on stderr")
    common(recheck)


def run_recheck(args: argparse.Namespace, app: App, case: Any) -> int:
    from faceaudit.cli.scan import ProgressPrinter
    from faceaudit.scan.pipeline import ScanSettings
    from faceaudit.scan.runs import default_workers, scan_case, scan_engine, web_collector

    check, sources = erasures.recheck_sources(case, args.letter_id)
    print(
        f"Letter {args.letter_id}: re-checking {len(check.finding_ids)} photo(s) on "
        f"{len(sources)} source(s), asking each server afresh.",
        file=sys.stderr,
    )
    # Revalidate every page: a copy the cache still holds as fresh proves nothing now.
    collector = web_collector(app.paths, network={"honour_freshness": False})
    references = None
    if case.model_pack not in (None, app.model_pack):
        references = app.engine.enrol(
            [(row.label, case.reference_photo(row.id)) for row in case.reference_rows()]
        )
    reporter = ProgressPrinter(sys.stderr, enabled=not args.quiet)
    outcome = scan_case(
        scan_engine(app.engine),
        case,
        collector,
        ScanSettings(workers=args.workers or default_workers(app.threads)),
        cache_namespace=app.model_pack,
        on_progress=reporter,
        references=references,
        only_sources=sources,
    )
    reporter.close()
    after = erasures.after_recheck(case, args.letter_id, outcome.scan_id)
    if getattr(args, "json", False):
        print(json.dumps({**after.to_json(), "scan_id": outcome.scan_id}, indent=2))
        return EXIT_OK
    print(f"Letter {args.letter_id}: {erasure_words(after)}")
    for finding_id in after.still_online:
        row = case.finding(finding_id)
        print(f"  still online: {terminal_safe(row.page_url or row.image_url)}")
    for error in outcome.errors:
        print(f"  not read: {terminal_safe(error.url)}: {terminal_safe(error.error)}")
    return EXIT_OK


def erasure_words(check: erasures.ErasureCheck) -> str:
    """The check in one English line, as ``requests`` and ``requests recheck`` print it."""
    n = len(check.finding_ids)
    when = f" (checked {check.last_checked_at[:10]})" if check.last_checked_at else ""
    if check.state == erasures.VERIFIED:
        photos = "the photo is" if n == 1 else f"all {n} photos are"
        return f"erasure verified: {photos} gone{when}."
    if check.state == erasures.STILL_ONLINE:
        return (
            f"still online: {len(check.still_online)} of {n} photo(s) seen again since the "
            f"answer of {check.promised_on.isoformat()}{when}."
        )
    if check.state == erasures.PARTLY_CHECKED:
        return (
            f"{len(check.gone)} of {n} photo(s) gone; the others not checked since the answer "
            f"of {check.promised_on.isoformat()}."
        )
    if check.state == erasures.NOT_CHECKED:
        return (
            f"erasure not checked since the answer of {check.promised_on.isoformat()}: run "
            "'faceaudit requests recheck'."
        )
    return "the letter names no finding of this case, so its erasure cannot be checked."
