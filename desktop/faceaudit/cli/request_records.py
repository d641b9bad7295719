"""``requests edit|discard|undo|outcome|reply``: correcting the tracker, recording the answer.

Registered under ``faceaudit requests`` by :mod:`faceaudit.cli.letters`; the logic is
:mod:`faceaudit.letters.corrections`.
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from faceaudit.cli import EXIT_OK, date_arg, id_arg
from faceaudit.letters import corrections, tracking
from faceaudit.timestamps import utc_now

ACTIONS = ("edit", "discard", "undo", "outcome", "reply")


def register(actions: argparse._SubParsersAction, common: Callable[[Any], None]) -> None:
    """Add the subcommands; ``common`` adds --case and --passphrase-file to each."""
    edit = actions.add_parser(
        "edit", help="correct the day a letter was sent (the due date is counted again)"
    )
    edit.add_argument("letter_id", type=id_arg, metavar="ID")
    edit.add_argument("--date", type=date_arg, required=True, help="the day it was sent")
    edit.add_argument("--received", type=date_arg, help="the day the operator received it")
    discard = actions.add_parser("discard", help="remove a letter drafted but never sent")
    discard.add_argument("letter_id", type=id_arg, metavar="ID")
    undo = actions.add_parser(
        "undo", help="take back the latest step recorded (closed, answered, extended, sent...)"
    )
    undo.add_argument("letter_id", type=id_arg, metavar="ID")
    outcome = actions.add_parser(
        "outcome",
        help="record the operator's answer (complied, partly, refused), with its reply file",
        description="Record what the operator answered, and keep its reply (a PDF, an e-mail, "
        "a scan) in the case, encrypted like the other evidence.",
    )
    outcome.add_argument("letter_id", type=id_arg, metavar="ID")
    outcome.add_argument("outcome", choices=corrections.OUTCOMES)
    outcome.add_argument("--date", type=date_arg, help="when it answered (default: today)")
    outcome.add_argument("--reply", type=Path, metavar="FILE", help="the reply, kept in the case")
    outcome.add_argument("--note", default="", help="a note kept with the request")
    reply = actions.add_parser(
        "reply", help="list the replies kept for a letter, or save them (-o FOLDER)"
    )
    reply.add_argument("letter_id", type=id_arg, metavar="ID")
    reply.add_argument("-o", "--output", type=Path, metavar="FOLDER", help="save them here")
    for parser in (edit, discard, undo, outcome, reply):
        common(parser)


def run(args: argparse.Namespace, case: Any) -> int:
    action = args.requests_action
    letter_id = args.letter_id
    if action == "edit":
        request = corrections.edit_sent_date(case, letter_id, args.date, received_at=args.received)
        print(
            f"Letter {letter_id}: sent {request.sent_at.isoformat()}; answer due "
            f"{request.effective_due.isoformat()}."
        )
    elif action == "discard":
        letter = corrections.discard_draft(case, letter_id)
        where = f" Its files in {letter.output_dir} were left there." if letter.output_dir else ""
        print(f"Discarded draft letter {letter_id}.{where}")
    elif action == "undo":
        undone = corrections.undo_last_step(case, letter_id)
        found = tracking.find_request(case, letter_id)
        now = "a draft again" if found is None else tracking.status_on(found, dt.date.today())
        print(f"Letter {letter_id}: took back '{undone}'; it is now {now}.")
    elif action == "outcome":
        return _outcome(args, case)
    else:
        return _reply(args, case)
    return EXIT_OK


def _outcome(args: argparse.Namespace, case: Any) -> int:
    # Read before anything is saved: an unreadable file changes nothing.
    data = corrections.read_reply(args.reply) if args.reply else None
    on = args.date or dt.date.today()
    with case.batch():
        corrections.record_outcome(case, args.letter_id, args.outcome, on, note=args.note)
        if data is not None:
            info = corrections.attach_reply(
                case, args.letter_id, args.reply.name, data, added_at=utc_now()
            )
    print(f"Letter {args.letter_id}: answered on {on.isoformat()}, {args.outcome}.")
    if data is not None:
        print(
            f"Kept the reply {info.file_name} ({info.byte_size} bytes, encrypted in the case) "
            f"as reply {info.id}."
        )
    return EXIT_OK


def _reply(args: argparse.Namespace, case: Any) -> int:
    kept = corrections.replies(case, args.letter_id)
    if not kept:
        print(f"No reply is kept for letter {args.letter_id}.")
        return EXIT_OK
    if args.output is None:
        for info in kept:
            print(f"{info.id:>4}  {info.file_name}  {info.byte_size} bytes  added {info.added_at}")
        return EXIT_OK
    for target in corrections.save_replies(case, args.letter_id, args.output):
        print(f"Wrote {target}")
    return EXIT_OK
