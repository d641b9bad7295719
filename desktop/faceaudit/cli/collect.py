"""``faceaudit collect``: list what collection finds on the Sources, without any face analysis.

A debugging and transparency tool: it shows every image and video frame FaceAudit would
look at, where each came from, and every per-URL error, and stores nothing but the private
HTTP cache.
"""

from __future__ import annotations

import argparse
import json
import sys
import threading
from pathlib import Path
from typing import Any

from faceaudit.app import App
from faceaudit.cli import EXIT_FAILED, EXIT_OK, EXIT_USAGE, bounded_arg, terminal_safe
from faceaudit.collect import (
    Candidate,
    Collector,
    CollectSettings,
    SourceError,
    describe_proxy,
    parse_url_file,
)


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "collect",
        help="show the images and video frames found on your sources (no face analysis)",
        description="Fetch the pages, images and videos you list (or read local files, "
        "folders and ZIP archives) and show every picture FaceAudit would examine, with "
        "where it came from. Only the addresses you list, and same-site pages they link to "
        "when --depth is above 0 (or their site's sitemaps list, with --sitemap), are "
        "contacted.",
    )
    parser.add_argument("sources", nargs="*", metavar="SOURCE", help="URL, file, folder or .zip")
    parser.add_argument(
        "--list",
        dest="url_list",
        type=Path,
        metavar="FILE",
        help="read URLs from a .txt or .csv file",
    )
    parser.add_argument(
        "--depth",
        type=bounded_arg("depth"),
        default=0,
        help="also visit same-site pages linked from the listed ones, this many links deep "
        "(default 0: only the listed pages)",
    )
    parser.add_argument(
        "--max-pages", type=bounded_arg("max_pages"), default=50, help="pages per run (default 50)"
    )
    add_sitemap_option(parser)
    add_render_option(parser)
    parser.add_argument(
        "--max-images", type=bounded_arg("max_images"), default=5000, help="images per run"
    )
    parser.add_argument(
        "--concurrency",
        type=bounded_arg("concurrency"),
        default=None,
        help="parallel requests (default: the saved setting, 8 unless changed)",
    )
    parser.add_argument(
        "--per-host",
        type=bounded_arg("per_host"),
        default=None,
        help="parallel requests per site (default: the saved setting, 2 unless changed)",
    )
    add_network_options(parser)
    parser.add_argument(
        "--clear-cache", action="store_true", help="delete every cached page and image first"
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object per line")
    parser.set_defaults(handler=run)


SITEMAP_HELP = (
    "also read the pages the site's sitemaps list (the Sitemap lines of its robots.txt, "
    "else /sitemap.xml; indexes and .gz too), on the same site only and within the page limit"
)


def add_sitemap_option(parser: argparse.ArgumentParser, *, saved: bool = False) -> None:
    """--sitemap; ``saved``: --sitemap / --no-sitemap, None when neither is given."""
    if saved:
        parser.add_argument(
            "--sitemap",
            action=argparse.BooleanOptionalAction,
            default=None,
            help=SITEMAP_HELP + " (with --case: saved with each source for the next scans)",
        )
    else:
        parser.add_argument("--sitemap", action="store_true", help=SITEMAP_HELP)


RENDER_HELP = (
    "also load each page in a browser (QtWebEngine, from the PySide6 add-ons), scroll it to "
    "the end and wait for it to settle, then examine the images it shows, such as those "
    "scripts insert; slower, and each page has a deadline"
)


def add_render_option(parser: argparse.ArgumentParser, *, saved: bool = False) -> None:
    """--render; ``saved``: --render / --no-render, None when neither is given."""
    if saved:
        parser.add_argument(
            "--render",
            action=argparse.BooleanOptionalAction,
            default=None,
            help=RENDER_HELP + " (with --case: saved with each source for the next scans)",
        )
    else:
        parser.add_argument("--render", action="store_true", help=RENDER_HELP)


def check_renderer() -> None:
    """Raise RenderUnavailable (what to install) before any page is fetched, so --render
    never turns silently into a plain scan."""
    from faceaudit.collect.render import Renderer

    with Renderer() as renderer:
        renderer.start()


def add_network_options(parser: argparse.ArgumentParser) -> None:
    """How FaceAudit talks to web servers: shared by `collect` and `scan`."""
    parser.add_argument(
        "--ignore-robots",
        action="store_true",
        help="when crawling (--depth above 0), also visit pages the site's robots.txt asks "
        "crawlers to skip. By default FaceAudit honours robots.txt for pages it discovers "
        "(unless Settings say otherwise); pages you list yourself are always fetched, as a "
        "browser visit would be.",
    )
    parser.add_argument(
        "--insecure-tls",
        action="append",
        default=[],
        metavar="HOST",
        help="do not check the TLS certificate of HOST (unsafe: anyone on the network path "
        "could change what FaceAudit sees); may be repeated",
    )
    parser.add_argument("--proxy", metavar="URL", help="send every request through this proxy")
    parser.add_argument(
        "--no-env-proxy",
        action="store_true",
        help="ignore the HTTP_PROXY / HTTPS_PROXY / NO_PROXY environment variables",
    )
    parser.add_argument("--no-cache", action="store_true", help="neither use nor fill the cache")
    parser.add_argument(
        "--revalidate",
        action="store_true",
        help="ask the server about every page and image again, even those it declared "
        "unchanged for a while (by default such cached copies are reused)",
    )


def network_settings(args: argparse.Namespace) -> dict[str, Any]:
    """CollectSettings fields chosen by the options of add_network_options(); robots.txt
    is only named when the option overrides the saved setting (faceaudit.config)."""
    chosen: dict[str, Any] = {"robots": False} if args.ignore_robots else {}
    return chosen | {
        "unverified_tls_hosts": frozenset(args.insecure_tls),
        "proxy": args.proxy,
        "use_env_proxy": not args.no_env_proxy,
        "use_cache": not args.no_cache,
        "honour_freshness": not args.revalidate,
    }


def _settings(args: argparse.Namespace, app: App) -> CollectSettings:
    """The saved settings (faceaudit.config), with what the options change."""
    options = app.config.network_options()
    if args.concurrency is not None:
        options["concurrency"] = args.concurrency
    if args.per_host is not None:
        options["per_host"] = args.per_host
    options.update(network_settings(args))
    return CollectSettings(
        depth=args.depth,
        max_pages=args.max_pages,
        max_images=args.max_images,
        sitemap=args.sitemap,
        render=args.render,
        **options,
    )


def _describe(candidate: Candidate) -> dict[str, Any]:
    provenance = candidate.provenance
    record: dict[str, Any] = {
        "kind": "repeat"
        if candidate.repeat_of
        else ("frame" if candidate.frame is not None else "image"),
        "found_by": provenance.found_by,
        "image_url": provenance.image_url,
        "page_url": provenance.page_url,
        "status": provenance.http_status,
        "bytes": provenance.byte_size,
        "sha256": provenance.sha256,
        "type": provenance.content_type,
    }
    if provenance.frame_time is not None:
        record["frame_time"] = provenance.frame_time
    if candidate.also_at:
        record["also_found_by"] = [place.found_by for place in candidate.also_at]
    return record


def run(args: argparse.Namespace, app: App) -> int:
    sources = list(args.sources)
    if args.url_list is not None:
        parsed = parse_url_file(args.url_list)
        for error in parsed.errors:
            print(f"faceaudit: {args.url_list}: {error}", file=sys.stderr)
        sources.extend(parsed.urls)
    if args.clear_cache:
        from faceaudit.cleanup import clear_http_cache

        print(f"Removed {clear_http_cache(app.paths.http_cache).describe('cached response')}.")
        if not sources:
            return EXIT_OK
    if not sources:
        print("faceaudit collect: name at least one source or --list FILE.", file=sys.stderr)
        return EXIT_USAGE
    settings = _settings(args, app)
    if settings.render:
        check_renderer()
    print(describe_proxy(settings), file=sys.stderr)
    lock = threading.Lock()

    def on_candidate(candidate: Candidate) -> None:
        record = _describe(candidate)
        with lock:
            if args.json:
                print(json.dumps(record), flush=True)
            else:
                when = f" @ {record['frame_time']:.1f}s" if "frame_time" in record else ""
                line = (
                    f"{record['kind']:6} {record['found_by']:13} {record['image_url']}{when}"
                    f"  ({record['bytes']} bytes, {record['sha256'][:12]})"
                )
                print(terminal_safe(line), flush=True)

    def on_error(error: SourceError) -> None:
        with lock:
            line = f"faceaudit: {error.url}: {error.error}"
            print(terminal_safe(line), file=sys.stderr, flush=True)

    stats = Collector(settings, app.paths.http_cache).collect(sources, on_candidate, on_error)
    print(
        f"{stats.pages} pages, {stats.images} images, {stats.frames} video frames, "
        f"{stats.repeats} repeats, {stats.errors} errors in {stats.seconds:.1f} s "
        f"({stats.bytes_downloaded} bytes downloaded, {stats.from_cache} from cache).",
        file=sys.stderr,
    )
    found = stats.images + stats.frames + stats.repeats
    return EXIT_OK if found or not stats.errors else EXIT_FAILED
