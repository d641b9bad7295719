"""``audit`` (a case's log, ``--verify``, ``--csv``), ``receipts``, and the lifecycle actions of
``case``: ``close``, ``reopen``, ``retention``, ``due-for-deletion``.

Closing, reopening and changing the retention are written to the case's keyed audit log, so
they need the case's passphrase (or a session unlock); listing what is due for deletion and
the receipts needs none.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import json
import sys
from pathlib import Path
from typing import Any

from faceaudit.app import App
from faceaudit.cli import EXIT_FAILED, EXIT_OK, EXIT_USAGE, date_arg, terminal_safe
from faceaudit.store.audit import AuditEntry
from faceaudit.store.receipts import csv_safe

Subparsers = argparse._SubParsersAction


def register(subparsers: Subparsers) -> None:
    from faceaudit.cli.cases import _case_option, _passphrase_option

    log = subparsers.add_parser(
        "audit",
        parents=[_case_option(), _passphrase_option()],
        help="show a case's audit log (who did what, when); --verify checks its chain",
        description="Every action on a case is logged with its time and caseworker, each entry "
        "chained to the one before by a keyed hash. The log holds no biometric or personal data "
        "of the client.",
    )
    shape = log.add_mutually_exclusive_group()
    shape.add_argument("--csv", action="store_true", help="print the log as CSV")
    shape.add_argument("--json", action="store_true", help="print machine-readable JSON")
    log.add_argument(
        "--verify",
        action="store_true",
        help="check the chain: exit status 1, naming the first broken entry, if it is broken",
    )
    log.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of printing")
    log.set_defaults(handler=run_audit)

    receipts = subparsers.add_parser(
        "receipts",
        help="list the destruction receipts of deleted cases (no passphrase needed)",
        description="Each deletion writes a receipt outside the case: date, case id, what "
        "was destroyed and by whom; no personal data of the client.",
    )
    kind = receipts.add_mutually_exclusive_group()
    kind.add_argument("--json", action="store_true", help="print machine-readable JSON")
    kind.add_argument("--csv", action="store_true", help="print CSV")
    receipts.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead")
    receipts.set_defaults(handler=run_receipts)


def register_case_actions(actions: Subparsers) -> None:
    """``case close|reopen|retention|due-for-deletion`` (called by cli.cases)."""
    from faceaudit.cli.cases import _passphrase_option
    from faceaudit.store.lifecycle import OUTCOMES

    secret = _passphrase_option()
    close = actions.add_parser(
        "close",
        parents=[secret],
        help="close a case as done or abandoned; it is listed for deletion after its retention",
    )
    close.add_argument("case_name", metavar="CASE")
    close.add_argument("--outcome", choices=OUTCOMES, required=True)
    close.add_argument(
        "--retention-days",
        type=_days,
        metavar="N",
        help="keep this case N days after closing (default: the clinic's retention_days)",
    )
    close.set_defaults(handler=run_close)
    reopen = actions.add_parser("reopen", parents=[secret], help="reopen a closed case")
    reopen.add_argument("case_name", metavar="CASE")
    reopen.set_defaults(handler=run_reopen)
    keep = actions.add_parser(
        "retention",
        parents=[secret],
        help="set how many days a case is kept after it is closed (or 'default')",
    )
    keep.add_argument("case_name", metavar="CASE")
    keep.add_argument("days", metavar="DAYS", help="a number of days, or 'default'")
    keep.set_defaults(handler=run_retention)
    due = actions.add_parser(
        "due-for-deletion",
        help="list the closed cases past their retention period (no passphrase needed)",
    )
    due.add_argument("--json", action="store_true", help="print machine-readable JSON")
    due.add_argument("--all", action="store_true", help="every closed case, due or not")
    due.add_argument("--today", type=date_arg, help=argparse.SUPPRESS)  # checks on dates
    due.set_defaults(handler=run_due)


def _days(text: str) -> int:
    from faceaudit.store.lifecycle import MAX_RETENTION_DAYS

    if not text.strip().isascii() or not text.strip().isdigit():
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of days")
    days = int(text)
    if days > MAX_RETENTION_DAYS:
        raise argparse.ArgumentTypeError(f"at most {MAX_RETENTION_DAYS} days")
    return days


def _open(app: App, args: argparse.Namespace) -> Any:
    from faceaudit.cli.cases import open_named_case

    return open_named_case(app.case_store(), args.case_name, args)


# -- audit -------------------------------------------------------------------------------


def entry_json(entry: AuditEntry) -> dict[str, Any]:
    return {
        "seq": entry.seq,
        "at": entry.at,
        "caseworker": entry.caseworker,
        "action": entry.action,
        "details": entry.details,
        "prev_hash": entry.prev_hash,
        "hash": entry.hash,
    }


def audit_csv(entries: list[AuditEntry]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(("seq", "time_utc", "caseworker", "action", "details", "hash"))
    for e in entries:
        details = json.dumps(e.details, ensure_ascii=False, sort_keys=True)
        writer.writerow(csv_safe(v) for v in (e.seq, e.at, e.caseworker, e.action, details, e.hash))
    return out.getvalue()


def _emit(text: str, output: str | None, what: str) -> None:
    if output is None:
        sys.stdout.write(text)
        return
    import os

    from faceaudit.cli import os_error_message

    try:  # 0600: the log names caseworkers, the receipts case ids
        fd = os.open(Path(output), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
    except OSError as error:
        raise os_error_message(error) from error
    print(f"Wrote {what} to {output}.", file=sys.stderr)


def run_audit(args: argparse.Namespace, app: App) -> int:
    from faceaudit.cli.cases import open_named_case

    with open_named_case(app.case_store(), args.case, args) as case:
        entries = case.audit_log()
        status = case.verify_audit()
        case_id = case.case_id
    if args.csv:
        _emit(audit_csv(entries), args.output, "the audit log")
    elif args.json:
        document = {
            "case_id": case_id,
            "intact": status.ok,
            "problem": status.problem,
            "broken_at": status.seq,
            "entries": [entry_json(e) for e in entries],
        }
        _emit(json.dumps(document, indent=2, ensure_ascii=False) + "\n", args.output, "the log")
    elif not args.verify:
        lines = [f"{'SEQ':>5}  {'TIME (UTC)':<20}  {'CASEWORKER':<20}  {'ACTION':<18}  DETAILS"]
        for e in entries:
            details = ", ".join(f"{k}={_short(v)}" for k, v in sorted(e.details.items()))
            lines.append(
                f"{e.seq:>5}  {e.at:<20}  {terminal_safe(e.caseworker)[:20]:<20}  "
                f"{e.action:<18}  {terminal_safe(details)}"
            )
        _emit("\n".join(lines) + "\n", args.output, "the audit log")
    if args.verify or not status.ok:
        stream = sys.stdout if status.ok and args.verify and not args.csv else sys.stderr
        print(status.describe(), file=stream)
    if args.verify and not status.ok:
        return EXIT_FAILED
    return EXIT_OK


def _short(value: object) -> str:
    if isinstance(value, list) and len(value) > 8:
        return f"[{', '.join(map(str, value[:8]))}, ... {len(value)} in all]"
    return json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else value


# -- lifecycle ---------------------------------------------------------------------------


def run_close(args: argparse.Namespace, app: App) -> int:
    from faceaudit.store.retention import default_retention_days

    store = app.case_store()
    with _open(app, args) as case:
        state = case.mark_closed(args.outcome, args.retention_days)
    days = state.days_kept(default_retention_days(store))
    after = state.delete_after(default_retention_days(store))
    print(
        f"Closed case {args.case_name!r} ({state.outcome}). It is kept {days} days and listed "
        f"for deletion from {after.isoformat() if after else '-'} "
        "('faceaudit case due-for-deletion')."
    )
    return EXIT_OK


def run_reopen(args: argparse.Namespace, app: App) -> int:
    with _open(app, args) as case:
        case.reopen()
    print(f"Reopened case {args.case_name!r}: it is no longer listed for deletion.")
    return EXIT_OK


def run_retention(args: argparse.Namespace, app: App) -> int:
    text = args.days.strip().lower()
    if text == "default":
        days = None
    else:
        try:
            days = _days(text)
        except argparse.ArgumentTypeError as error:
            print(f"faceaudit case retention: {error} (or 'default')", file=sys.stderr)
            return EXIT_USAGE
    with _open(app, args) as case:
        case.set_retention(days)
    if days is None:
        print(f"Case {args.case_name!r} now follows the clinic's retention period.")
    else:
        print(f"Case {args.case_name!r} is kept {days} days after it is closed.")
    return EXIT_OK


def run_due(args: argparse.Namespace, app: App) -> int:
    from faceaudit.store.retention import closed_cases

    cases, problems = closed_cases(app.case_store(), args.today or dt.date.today())
    shown = cases if args.all else [c for c in cases if c.due]
    for problem in problems:
        print(f"faceaudit: {problem}", file=sys.stderr)
    if args.json:
        print(json.dumps({"cases": [c.to_json() for c in shown]}, indent=2))
        return EXIT_OK
    if not shown:
        print("No closed case is due for deletion." if not args.all else "No case is closed.")
        return EXIT_OK
    print(f"{'CASE':<24} {'CLOSED':<11} {'OUTCOME':<10} {'KEPT':>6}  {'DELETE FROM':<11}  STATE")
    for c in shown:
        state = f"due ({c.days_overdue} days over)" if c.due else "kept"
        kept = f"{c.retention_days}d" + ("" if c.own_retention else "*")
        print(
            f"{c.name:<24} {(c.lifecycle.closed_at or '')[:10]:<11} "
            f"{c.lifecycle.outcome or '':<10} {kept:>6}  {c.delete_after.isoformat():<11}  {state}"
        )
    print("* the clinic's default period.  Delete with: faceaudit case delete CASE")
    return EXIT_OK


# -- receipts ----------------------------------------------------------------------------


def run_receipts(args: argparse.Namespace, app: App) -> int:
    from faceaudit.store.receipts import read_receipts, receipts_csv

    listed = read_receipts(app.paths.base)
    for line in listed.damaged_lines:
        print(
            f"faceaudit: line {line} of {listed.path} is not a receipt; it was skipped.",
            file=sys.stderr,
        )
    if args.json:
        document = {"receipts": [r.to_json() for r in listed.receipts]}
        _emit(json.dumps(document, indent=2, ensure_ascii=False) + "\n", args.output, "receipts")
    elif args.csv:
        _emit(receipts_csv(listed.receipts), args.output, "the receipts")
    elif not listed.receipts:
        print("No case has been deleted here yet (no destruction receipts).")
    else:
        lines = [f"{'DELETED (UTC)':<20}  {'CASE ID':<32}  {'BY':<20}  {'FILES':>5}  WHAT"]
        for r in listed.receipts:
            what = ", ".join(f"{d.kind} {d.files}" for d in r.destroyed if d.files)
            if not r.complete:
                what += " (incomplete)"
            lines.append(
                f"{r.deleted_at:<20}  {r.case_id:<32}  {terminal_safe(r.deleted_by)[:20]:<20}  "
                f"{r.total('files'):>5}  {what}"
            )
        _emit("\n".join(lines) + "\n", args.output, "the receipts")
    return EXIT_FAILED if listed.damaged_lines else EXIT_OK
