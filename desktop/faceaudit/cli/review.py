"""``review``: confirm findings (that's me), reject them (not me) or reset them, in bulk.

``review 12 confirm``, ``review 2,3,5-9 reject``, ``review --all-above 0.6 confirm``, or, on a
terminal, ``review`` alone: one unreviewed finding after another, answered y / n / s(kip) /
q(uit), each answer saved at once.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from faceaudit.app import App
from faceaudit.cli import EXIT_OK, id_list_arg
from faceaudit.cli.cases import open_case
from faceaudit.cli.wording import counted
from faceaudit.store import FindingRow

ACTIONS = {
    "confirm": "confirmed",
    "confirmed": "confirmed",
    "reject": "rejected",
    "rejected": "rejected",
    "unreviewed": "unreviewed",
    "reset": "unreviewed",
}
ANSWERS = {"y": "confirmed", "yes": "confirmed", "n": "rejected", "no": "rejected"}


def register(subparsers: argparse._SubParsersAction, parents: list[Any]) -> None:
    parser = subparsers.add_parser(
        "review",
        parents=parents,
        help="confirm findings (that's me), reject them (not me), or reset them",
        description="Review findings: give their ids (12, or 2,3,5-9) and an action, or "
        "--all-above SIMILARITY and an action for every unreviewed finding at least that "
        "similar, or nothing, on a terminal, to be asked about each unreviewed finding "
        "(y: that's me, n: not me, s: skip, q: stop).",
    )
    parser.add_argument(
        "items",
        nargs="*",
        metavar="[IDS] ACTION",
        help="finding ids (e.g. 2,3,5-9) and confirm|reject|unreviewed",
    )
    parser.add_argument(
        "--all-above",
        type=float,
        metavar="SIMILARITY",
        help="every unreviewed finding with at least this similarity (e.g. 0.6)",
    )
    parser.set_defaults(handler=run_review, review_parser=parser)


def _action(text: str) -> str | None:
    return ACTIONS.get(text.strip().lower())


def run_review(args: argparse.Namespace, app: App) -> int:
    items = list(args.items)
    refuse = args.review_parser.error  # exits with status 2 and the usage line
    if args.all_above is not None:
        if len(items) != 1 or _action(items[0]) is None:
            refuse("with --all-above, give one action: confirm, reject or unreviewed.")
        if not 0.0 <= args.all_above <= 1.0:
            refuse("--all-above is a similarity between 0 and 1 (e.g. 0.6).")
        return _review_above(args, app, args.all_above, str(_action(items[0])))
    if not items:
        if not sys.stdin.isatty():
            refuse(
                "give finding ids and an action (e.g. 'review 2,3,5-9 confirm'); asking about "
                "each finding needs a terminal."
            )
        return _interactive(args, app)
    if len(items) != 2 or _action(items[1]) is None:
        refuse("give finding ids and an action, e.g. 'review 2,3,5-9 confirm'.")
    try:
        ids = id_list_arg(items[0])
    except argparse.ArgumentTypeError as error:
        refuse(str(error))
    review = str(_action(items[1]))
    with open_case(args, app) as case:
        done = case.review_many(ids, review)
    _say(done, review)
    return EXIT_OK


def _say(ids: list[int], review: str) -> None:
    if len(ids) == 1:
        print(f"Finding {ids[0]}: {review}.")
    else:
        print(f"{len(ids)} findings {review}: {', '.join(map(str, ids))}.")


def _review_above(args: argparse.Namespace, app: App, threshold: float, review: str) -> int:
    with open_case(args, app) as case:
        ids = [
            row.id
            for row in case.findings(reviews=("unreviewed",))
            if round(row.similarity, 4) >= threshold
        ]
        if ids:
            case.review_many(ids, review)
    if not ids:
        print(f"No unreviewed finding has a similarity of {threshold:.2f} or more.")
    else:
        _say(ids, review)
    return EXIT_OK


def _describe(row: FindingRow) -> str:
    where = row.page_url or row.image_url
    image = "" if where == row.image_url else f"\n      image: {row.image_url}"
    frame = f" at {row.frame_time:.1f}s" if row.frame_time is not None else ""
    return (
        f"Finding {row.id}: similarity {row.similarity:.2f} ({row.verdict}){frame}\n"
        f"      on: {where}{image}"
    )


def _interactive(args: argparse.Namespace, app: App) -> int:
    counts = {"confirmed": 0, "rejected": 0, "skipped": 0}
    with open_case(args, app) as case:
        rows = sorted(case.findings(reviews=("unreviewed",)), key=lambda r: -r.similarity)
        if not rows:
            print("No finding is waiting for a review.")
            return EXIT_OK
        print(
            f"{counted(len(rows), 'finding')} to review. For each: y = that's me, n = not me, "
            "s = skip, q = stop."
        )
        for row in rows:
            print(_describe(row))
            answer = _ask()
            if answer == "quit":
                break
            if answer == "skip":
                counts["skipped"] += 1
                continue
            case.review(row.id, answer)  # saved at once: stopping later loses nothing
            counts[answer] += 1
    print(
        f"Confirmed {counts['confirmed']}, rejected {counts['rejected']}, "
        f"skipped {counts['skipped']}."
    )
    return EXIT_OK


def _ask() -> str:
    while True:
        try:
            text = input("  That's me? [y/n/s/q] ").strip().lower()
        except EOFError:
            return "quit"
        if text in ANSWERS:
            return ANSWERS[text]
        if text in ("s", "skip", ""):
            return "skip"
        if text in ("q", "quit"):
            return "quit"
        print("  Answer y (that's me), n (not me), s (skip) or q (stop).")
