"""``faceaudit scan``: look for the person's face on the sources they list.

Two modes share one pipeline (faceaudit.scan): a one-shot scan with reference photos given on
the command line (nothing kept except the HTTP cache), and a scan of a Case (findings kept,
encrypted, in the case file; resumable; compared with the previous scan).
"""

from __future__ import annotations

import argparse
import json
import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO

from faceaudit.app import App
from faceaudit.cli import bounded_arg, terminal_safe
from faceaudit.cli.collect import (
    add_network_options,
    add_render_option,
    add_sitemap_option,
    check_renderer,
    network_settings,
)
from faceaudit.cli.wording import counted
from faceaudit.scan.control import ScanControl, ScanProgress
from faceaudit.scan.pipeline import ScanOutcome, ScanSettings

EXIT_OK = 0
EXIT_USAGE = 2
EXIT_CANCELLED = 130  # as when a shell command is stopped by Ctrl+C

_EPILOG = """\
one-shot mode (--reference): the reference photos, the pages and images fetched and every
face found stay in memory and are forgotten when the command ends: nothing is written to
disk (a large video is spooled to a temporary folder removed when the command ends).
--cache keeps the pages and images in the HTTP cache (cache/http under the data directory)
so a repeated scan is faster; `faceaudit cache clear` empties it. Case mode (--case) keeps
findings, face thumbnails and the per-image face cache in the case file, encrypted with the
case's passphrase, and uses the HTTP cache (deleting the case removes its entries).

Exit status: 0 when the scan ran (even if some URLs failed: they are listed under "errors"),
1 when it could not run, 2 for unusable arguments, 130 when it was cancelled (Ctrl+C)."""


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "scan",
        help="look for your face on the pages you list",
        description="Look for your face on the web pages, images and videos you list, "
        "entirely on this computer.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("urls", nargs="*", metavar="URL", help="pages, images or videos to scan")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument(
        "--reference",
        action="append",
        default=[],
        metavar="PHOTO",
        help="a photo of you (one face); repeat for several (one-shot mode)",
    )
    mode.add_argument("--case", metavar="NAME", help="scan the sources of this case")
    parser.add_argument(
        "--resume",
        action="store_true",
        help="with --case: continue the case's interrupted scan instead of starting anew",
    )
    parser.add_argument(
        "--passphrase-file",
        metavar="FILE",
        help="with --case: read the case passphrase from FILE (or set FACEAUDIT_PASSPHRASE; "
        "otherwise you are asked)",
    )
    parser.add_argument("--urls-file", metavar="FILE", help="read URLs from a .txt or .csv file")
    parser.add_argument(
        "--depth",
        type=bounded_arg("depth"),
        default=None,
        metavar="N",
        help="follow links N levels deep (default 0; with --case: each source's saved depth, "
        "and N is saved for the next scans)",
    )
    parser.add_argument(
        "--max-pages",
        type=bounded_arg("max_pages"),
        default=None,
        metavar="N",
        help="fetch at most N pages per source (with --case: saved with each source)",
    )
    add_sitemap_option(parser, saved=True)
    add_render_option(parser, saved=True)
    parser.add_argument(
        "--workers",
        type=bounded_arg("workers", zero_means_default=True),
        default=0,
        metavar="N",
        help="images analysed at the same time, one core each (default: --threads, all cores)",
    )
    parser.add_argument(
        "--cache",
        action="store_true",
        help="one-shot mode: keep the pages and images fetched in the HTTP cache, so a "
        "repeated scan is faster (by default a one-shot scan writes nothing to disk)",
    )
    add_network_options(parser)
    parser.add_argument("--json", action="store_true", help="print the result as JSON on stdout")
    parser.add_argument("--quiet", action="store_true", help="no progress on stderr")
    parser.set_defaults(handler=run)


def _usage(message: str) -> int:
    print(f"faceaudit scan: {message}", file=sys.stderr)
    return EXIT_USAGE


def run(args: argparse.Namespace, app: App) -> int:
    if not args.reference and not args.case:
        return _usage("give --reference PHOTO (one-shot scan) or --case NAME.")
    if args.case and (args.urls or args.urls_file):
        return _usage(
            "with --case, the case's sources are scanned; add URLs with `faceaudit sources add`."
        )
    if args.resume and not args.case:
        return _usage("--resume needs --case.")
    if (args.depth is not None and args.depth < 0) or (
        args.max_pages is not None and args.max_pages < 1
    ):
        return _usage("--depth must be 0 or more and --max-pages 1 or more.")
    from faceaudit.scan.runs import default_workers, web_collector

    settings = ScanSettings(workers=args.workers or default_workers(app.threads))
    network = network_settings(args)
    # A one-shot scan keeps nothing on disk unless --cache asks for the HTTP cache.
    network["use_cache"] = network.get("use_cache", True) and bool(args.case or args.cache)
    network["sitemap"] = bool(args.sitemap)
    network["render"] = bool(args.render)
    if args.render:
        check_renderer()
    collector = web_collector(
        app.paths, depth=args.depth or 0, max_pages=args.max_pages, network=network
    )
    control = ScanControl()
    reporter = ProgressPrinter(sys.stderr, enabled=not args.quiet)
    if not args.quiet:
        from faceaudit.collect import describe_proxy

        print(describe_proxy(collector.settings), file=sys.stderr)
    with _cancel_on_interrupt(control):
        if args.case:
            outcome = _scan_case(args, app, collector, settings, control, reporter)
        else:
            urls = _listed_urls(args)
            if not urls:
                return _usage("no URL to scan: list URLs or give --urls-file.")
            outcome = _scan_one_shot(args, app, urls, collector, settings, control, reporter)
    reporter.close()
    if args.json:
        json.dump(outcome_json(outcome), sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        print_table(outcome, sys.stdout)
    if outcome.status == "cancelled":
        again = " (scan --case NAME --resume continues it)" if outcome.scan_id else ""
        print(
            f"faceaudit scan: cancelled; what was analysed before is shown above{again}.",
            file=sys.stderr,
        )
        return EXIT_CANCELLED
    return EXIT_OK


def _listed_urls(args: argparse.Namespace) -> list[str]:
    from faceaudit.collect.urls import parse_url_file, parse_url_list

    parsed = parse_url_list("\n".join(args.urls))
    urls = list(parsed.urls)
    problems = list(parsed.errors)
    if args.urls_file:
        from_file = parse_url_file(args.urls_file)
        seen = set(urls)  # `in` on the list made 100,000 listed URLs cost minutes here
        for url in from_file.urls:
            if url not in seen:
                seen.add(url)
                urls.append(url)
        problems.extend(from_file.errors)
    for problem in problems:
        print(f"faceaudit scan: skipped {problem}", file=sys.stderr)
    return urls


def _scan_one_shot(
    args: argparse.Namespace,
    app: App,
    urls: list[str],
    collector: Any,
    settings: ScanSettings,
    control: ScanControl,
    reporter: ProgressPrinter,
) -> ScanOutcome:
    from faceaudit.imaging import read_image_file
    from faceaudit.scan.runs import scan_engine, scan_one_shot

    engine = scan_engine(app.engine)
    photos = [(Path(photo).name, read_image_file(photo)) for photo in args.reference]
    references = engine.enrol(photos)
    return scan_one_shot(
        engine, references, urls, collector, settings, control=control, on_progress=reporter
    )


def _scan_case(
    args: argparse.Namespace,
    app: App,
    collector: Any,
    settings: ScanSettings,
    control: ScanControl,
    reporter: ProgressPrinter,
) -> ScanOutcome:
    from faceaudit.cli.cases import open_case
    from faceaudit.scan.runs import scan_case, scan_engine

    case = open_case(args, app)
    try:
        references = None
        if case.model_pack not in (None, app.model_pack):
            # The stored embeddings belong to another pack: embed the stored photos anew.
            print(
                f"faceaudit scan: the references were enrolled with {case.model_pack}; "
                f"re-embedding the stored photos with {app.model_pack} for this scan.",
                file=sys.stderr,
            )
            references = app.engine.enrol(
                [(row.label, case.reference_photo(row.id)) for row in case.reference_rows()]
            )
        outcome = scan_case(
            scan_engine(app.engine),
            case,
            collector,
            settings,
            resume=args.resume,
            cache_namespace=app.model_pack,
            control=control,
            on_progress=reporter,
            references=references,
            source_changes=_source_changes(args),
        )
        if not args.quiet:
            _say_erasures(case)
        return outcome
    finally:
        case.close()


def _say_erasures(case: Any) -> None:
    """What the scan says of the erasures operators promised (faceaudit.report.erasure)."""
    from faceaudit.cli.report import erasure_words
    from faceaudit.report.erasure import promised_erasures

    for check in promised_erasures(case):
        print(f"faceaudit scan: letter {check.letter_id}: {erasure_words(check)}", file=sys.stderr)


def _source_changes(args: argparse.Namespace) -> dict[str, Any]:
    """The collection settings given on the command line (the rest: each source's saved ones)."""
    given = {
        "depth": args.depth,
        "max_pages": args.max_pages,
        "sitemap": args.sitemap,
        "render": args.render,
    }
    return {key: value for key, value in given.items() if value is not None}


@contextmanager
def _cancel_on_interrupt(control: ScanControl) -> Iterator[None]:
    """First Ctrl-C: stop cleanly, keeping everything analysed so far. Second: stop now."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def on_interrupt(signum: int, frame: object) -> None:
        if control.cancelled:
            raise KeyboardInterrupt
        print("\nfaceaudit: stopping after the images in progress...", file=sys.stderr)
        control.cancel()

    previous = signal.signal(signal.SIGINT, on_interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


class ProgressPrinter:
    """Progress on stderr: one overwritten line on a terminal, one line per update otherwise."""

    MIN_INTERVAL_NON_TTY = 1.0

    def __init__(self, stream: TextIO, *, enabled: bool = True) -> None:
        self.stream = stream
        self.enabled = enabled
        self.tty = stream.isatty()
        self._last_elapsed = -1e9
        self._open_line = False

    def __call__(self, progress: ScanProgress) -> None:
        if not self.enabled:
            return
        final = progress.phase != "scanning"
        if not self.tty:
            if (
                not final
                and progress.elapsed_seconds - self._last_elapsed < self.MIN_INTERVAL_NON_TTY
            ):
                return
            self._last_elapsed = progress.elapsed_seconds
            print(f"progress: {progress.line()}", file=self.stream, flush=True)
            return
        self.stream.write("\r\x1b[K" + progress.line())
        self.stream.flush()
        self._open_line = True

    def close(self) -> None:
        if self._open_line:
            self.stream.write("\n")
            self.stream.flush()
            self._open_line = False


def outcome_json(outcome: ScanOutcome) -> dict[str, Any]:
    data: dict[str, Any] = {
        "status": outcome.status,
        "findings": [finding.as_json() for finding in outcome.findings],
        "errors": [
            {
                key: value
                for key, value in (
                    ("url", error.url),
                    ("error", error.error),
                    ("page_url", error.page_url),
                    ("source", error.source),
                )
                if value is not None or key in ("url", "error")
            }
            for error in outcome.errors
        ],
        "stats": outcome.stats,
    }
    if outcome.scan_id is not None:
        data["scan_id"] = outcome.scan_id
        data["resumed"] = outcome.resumed
    if outcome.comparison is not None:
        data.update(outcome.comparison)
    return data


def _frames(finding: Any) -> str:
    """ " @ 1.0s, 2.0s, 7.0s" for a video clip (the first and last few times of a long one)."""
    times = list(finding.frame_times) or (
        [finding.frame_time] if finding.frame_time is not None else []
    )
    if not times:
        return ""
    shown = [f"{t:.1f}s" for t in times]
    if len(shown) > 8:
        shown = [*shown[:6], f"… ({len(times) - 7} more)", shown[-1]]
    return " @ " + ", ".join(shown)


def print_table(outcome: ScanOutcome, stream: TextIO) -> None:
    stats = outcome.stats
    if outcome.findings:
        in_case = outcome.scan_id is not None
        header = f"{'verdict':<9} {'similarity':>10}  {'found by':<12} image (page)"
        print(f"{'id':>5}  {header}" if in_case else header, file=stream)
        for finding in outcome.findings:
            where = finding.image_url + _frames(finding)
            if finding.page_url:
                where += f"  (on {finding.page_url})"
            score = f"{finding.verdict:<9} {finding.similarity:>10.3f}  {finding.found_by:<12}"
            if in_case:
                score = f"{finding.finding_id or '':>5}  {score}"
            print(terminal_safe(f"{score} {where}"), file=stream)
    else:
        print("Your face was not found on the sources scanned.", file=stream)
    if outcome.errors:
        print(f"\n{counted(len(outcome.errors), 'problem')}:", file=stream)
        for error in outcome.errors:
            print(terminal_safe(f"  {error.url}: {error.error}"), file=stream)
    summary = (
        f"\n{counted(stats.get('pages', 0), 'page')}, {counted(stats.get('images', 0), 'image')}, "
        f"{counted(stats.get('faces', 0), 'face')}, {counted(len(outcome.findings), 'finding')} "
        f"in {stats.get('seconds', 0):.1f}s"
    )
    if outcome.resumed:
        summary += " (the whole scan, both before and after it was resumed)"
    if outcome.comparison is not None and outcome.previous_scan_id is None:
        summary += "; the case's first complete scan: every finding is new"
    elif outcome.comparison is not None:
        summary += (
            f"; since the previous scan: {outcome.comparison.get('new', 0)} new, "
            f"{outcome.comparison.get('gone', 0)} gone (their page was read, the image is no "
            f"longer there), {outcome.comparison.get('unchanged', 0)} unchanged"
        )
        if outcome.comparison.get("unchecked"):
            summary += (
                f", {outcome.comparison['unchecked']} not checked this time (their page was not "
                "read: the site failed, the scan stopped early or reached fewer pages, or the "
                "source was removed)"
            )
    if outcome.status != "done":
        summary += f" (scan {outcome.status}"
        summary += "; run it again with --resume to continue)" if outcome.scan_id else ")"
    print(summary + ".", file=stream)
