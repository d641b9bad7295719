"""Destruction receipts: what deleting a case destroyed, when, and by whom, kept after it.

One JSON object per line in ``<data>/receipts/receipts.jsonl`` (folder 0700, file 0600),
outside every case, so it outlives them. A receipt holds no personal data of the client:
the case's random id (not its name, which is a label the caseworker chose and may be a real
name), when it was created and closed and how, what was destroyed (counts and sizes per
kind), and the caseworker who deleted it. ``faceaudit receipts`` lists them.
"""

from __future__ import annotations

import csv
import io
import json
import os
import uuid
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from faceaudit.errors import FaceAuditError
from faceaudit.timestamps import utc_now

RECEIPTS_FOLDER = "receipts"
RECEIPTS_FILE = "receipts.jsonl"
MAX_RECEIPTS_BYTES = 64 * 1024 * 1024  # about 100,000 receipts; past that, not ours
FORMAT = "faceaudit-destruction-receipt"


class ReceiptError(FaceAuditError):
    """The receipts file cannot be read or written."""


@dataclass(frozen=True)
class Destroyed:
    """One kind of thing a deletion destroyed."""

    kind: str  # key | case_files | exports | temporary | cached_responses
    files: int = 0
    bytes: int = 0


@dataclass(frozen=True)
class Receipt:
    receipt_id: str
    deleted_at: str
    case_id: str
    deleted_by: str  # the caseworker
    destroyed: tuple[Destroyed, ...]
    created_at: str | None = None
    closed_at: str | None = None
    outcome: str | None = None
    retention_days: int | None = None  # what applied when it was deleted
    complete: bool = True  # False: the key went, but some files could not be removed
    problem: str | None = None  # what could not be removed, then
    extra: dict[str, Any] = field(default_factory=dict)  # fields of a newer FaceAudit

    def total(self, what: str = "files") -> int:
        return sum(getattr(d, what) for d in self.destroyed)

    def to_json(self) -> dict[str, Any]:
        document = asdict(self)
        document.pop("extra")
        document["destroyed"] = [asdict(d) for d in self.destroyed]
        return {"format": FORMAT, **self.extra, **document}

    @classmethod
    def from_json(cls, document: dict[str, Any]) -> Receipt:
        known = {name for name in cls.__dataclass_fields__ if name != "extra"}
        values = {k: v for k, v in document.items() if k in known}
        values["destroyed"] = tuple(
            Destroyed(str(d["kind"]), int(d.get("files", 0)), int(d.get("bytes", 0)))
            for d in document.get("destroyed", [])
        )
        extra = {k: v for k, v in document.items() if k not in known and k != "format"}
        receipt = cls(**values, extra=extra)
        if not (isinstance(receipt.case_id, str) and isinstance(receipt.deleted_at, str)):
            raise TypeError("not a receipt")
        return receipt


def new_receipt(
    case_id: str, deleted_by: str, destroyed: Iterable[Destroyed], **facts: Any
) -> Receipt:
    return Receipt(
        receipt_id=uuid.uuid4().hex,
        deleted_at=utc_now(),
        case_id=case_id,
        deleted_by=deleted_by,
        destroyed=tuple(destroyed),
        **facts,
    )


def receipts_path(base: Path) -> Path:
    return base / RECEIPTS_FOLDER / RECEIPTS_FILE


def append_receipt(base: Path, receipt: Receipt) -> Path:
    """Add a receipt (one line, appended and flushed to disk)."""
    path = receipts_path(base)
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        line = json.dumps(receipt.to_json(), ensure_ascii=False, sort_keys=True) + "\n"
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        try:
            os.write(fd, line.encode("utf-8"))
            os.fsync(fd)
        finally:
            os.close(fd)
    except OSError as error:
        raise ReceiptError(
            f"The destruction receipt could not be written to {path}: {error.strerror or error}.",
            "The case was deleted; note its id and the date yourself: "
            f"{receipt.case_id}, {receipt.deleted_at}.",
        ) from error
    return path


@dataclass(frozen=True)
class ReceiptList:
    receipts: list[Receipt]
    damaged_lines: list[int]  # line numbers that are not receipts (skipped)
    path: Path


def read_receipts(base: Path) -> ReceiptList:
    """Every receipt, oldest first; a damaged line is skipped and named."""
    path = receipts_path(base)
    if not path.is_file():
        return ReceiptList([], [], path)
    from faceaudit.localfiles import read_capped

    data = read_capped(
        path,
        MAX_RECEIPTS_BYTES,
        role="receipts file",
        error=ReceiptError,
        too_large_todo="Move the file aside (keep it) and let FaceAudit start a new one.",
    )
    receipts: list[Receipt] = []
    damaged: list[int] = []
    for number, line in enumerate(data.decode("utf-8", errors="replace").splitlines(), 1):
        if not line.strip():
            continue
        try:
            document = json.loads(line)
            if not isinstance(document, dict) or document.get("format") != FORMAT:
                raise TypeError("not a receipt")
            receipts.append(Receipt.from_json(document))
        except (ValueError, TypeError, KeyError):
            damaged.append(number)
    return ReceiptList(receipts, damaged, path)


CSV_COLUMNS = (
    "deleted_at",
    "case_id",
    "deleted_by",
    "created_at",
    "closed_at",
    "outcome",
    "retention_days",
    "files",
    "bytes",
    "complete",
    "destroyed",
    "receipt_id",
)


def csv_safe(value: object) -> str:
    """A cell a spreadsheet shows as text: a leading = + - @ (a formula) is quoted away."""
    text = "" if value is None else str(value)
    return f"'{text}" if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def receipts_csv(receipts: Iterable[Receipt]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for r in receipts:
        kinds = "; ".join(f"{d.kind}: {d.files} files, {d.bytes} bytes" for d in r.destroyed)
        writer.writerow(
            csv_safe(v)
            for v in (
                r.deleted_at,
                r.case_id,
                r.deleted_by,
                r.created_at,
                r.closed_at,
                r.outcome,
                r.retention_days,
                r.total("files"),
                r.total("bytes"),
                "yes" if r.complete else "no",
                kinds,
                r.receipt_id,
            )
        )
    return out.getvalue()
