"""The client's mandate, recorded in the case: signed when, for which clinic, and the signed copy.

Once a mandate is recorded (and not revoked), the case's letters are sent by the clinic on
the person's behalf (:func:`representative_for` gives what :class:`LetterSpec` needs); without
one, letters are the person's own, unchanged. The clinic it names and the signed copy (a
scan: it shows the person's name and signature) are sealed under the case key, like the
operators' replies; only the dates, the kind and the language are plain.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING

from faceaudit.letters.corrections import SealedTables
from faceaudit.letters.representation import KINDS
from faceaudit.letters.texts import LetterError
from faceaudit.store import audit

if TYPE_CHECKING:
    from faceaudit.letters.render import Representative

TABLE = "mandates"
MANDATE_REVOKED = "mandate_revoked"  # the audit log's word for a revocation
MAX_COPY_BYTES = 32 * 1024 * 1024  # a scanned page or a signed PDF, not a photo album


@dataclass(frozen=True)
class Clinic:
    """The clinic a mandate names, as it was when the mandate was recorded."""

    name: str
    address: str
    email: str
    art80: bool


@dataclass(frozen=True)
class MandateRecord:
    id: int
    uid: str
    kind: str  # "art80" | "authorisation"
    language: str
    signed_on: dt.date
    recorded_at: str
    revoked_on: dt.date | None
    clinic: Clinic
    copy_name: str | None  # the signed copy kept in the case, if any
    copy_size: int | None
    copy_sha256: str | None


def record_mandate(
    case: SealedTables,
    *,
    kind: str,
    language: str,
    signed_on: dt.date,
    clinic: Clinic,
    recorded_at: str,
    copy: tuple[str, bytes] | None = None,
    today: dt.date | None = None,
) -> MandateRecord:
    """Record that the person signed the mandate on ``signed_on`` (a later one supersedes it)."""
    if kind not in KINDS:
        raise LetterError(f"Unknown mandate kind {kind!r}.", "Choose art80 or authorisation.")
    if signed_on > (today or dt.date.today()):
        raise LetterError(
            f"The mandate cannot have been signed on {signed_on.isoformat()}: that is in the "
            "future.",
            "Give the date written beside the signature (--signed-on YYYY-MM-DD).",
        )
    if kind == "art80" and not clinic.art80:
        raise LetterError(
            "An Art. 80(1) mandate can only be given to a not-for-profit body of that kind, "
            "and the clinic profile does not say that this clinic is one.",
            "Record an authorisation instead, or set the profile: faceaudit clinic profile "
            "--art80.",
        )
    uid = uuid.uuid4().hex
    clinic_json = json.dumps(
        {
            "name": clinic.name,
            "address": clinic.address,
            "email": clinic.email,
            "art80": clinic.art80,
        },
        ensure_ascii=False,
    ).encode("utf-8")
    clinic_blob = case.seal(clinic_json, TABLE, "clinic_blob", uid)
    size = sha256 = name_blob = data_blob = None
    if copy is not None:
        name, data = copy
        if not data:
            raise LetterError(f"The file {name} is empty.", "Give the scan of the signed mandate.")
        if len(data) > MAX_COPY_BYTES:
            raise LetterError(
                f"The file {name} is {len(data) // (1024 * 1024)} MiB; a case keeps a signed "
                f"mandate of up to {MAX_COPY_BYTES // (1024 * 1024)} MiB.",
                "Scan it at a lower resolution, or as a PDF.",
            )
        size, sha256 = len(data), hashlib.sha256(data).hexdigest()
        name_blob = case.seal(name.encode("utf-8"), TABLE, "copy_name_blob", uid)
        data_blob = case.seal(data, TABLE, "copy_blob", uid)
    with case.connection() as conn:
        cursor = conn.execute(
            "INSERT INTO mandates (uid, kind, language, signed_on, recorded_at, clinic_blob,"
            " copy_size, copy_sha256, copy_name_blob, copy_blob)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                uid,
                kind,
                language,
                signed_on.isoformat(),
                recorded_at,
                clinic_blob,
                size,
                sha256,
                name_blob,
                data_blob,
            ),
        )
        mandate_id = int(cursor.lastrowid or 0)
        # In the same transaction: ids and dates only, never the clinic or the person.
        case.record_action(
            audit.MANDATE_RECORDED,
            mandate_id=mandate_id,
            kind=kind,
            signed_on=signed_on.isoformat(),
            copy_kept=copy is not None,
        )
    return get_mandate(case, mandate_id)


def _record(case: SealedTables, row: tuple[object, ...]) -> MandateRecord:
    uid = str(row[1])
    assert isinstance(row[7], bytes)
    clinic = json.loads(case.unseal(row[7], TABLE, "clinic_blob", uid))
    name_blob = row[10]
    return MandateRecord(
        id=int(str(row[0])),
        uid=uid,
        kind=str(row[2]),
        language=str(row[3]),
        signed_on=dt.date.fromisoformat(str(row[4])),
        recorded_at=str(row[5]),
        revoked_on=dt.date.fromisoformat(str(row[6])) if row[6] else None,
        clinic=Clinic(
            str(clinic["name"]), str(clinic["address"]), str(clinic["email"]), bool(clinic["art80"])
        ),
        copy_name=case.unseal(name_blob, TABLE, "copy_name_blob", uid).decode("utf-8")
        if isinstance(name_blob, bytes)
        else None,
        copy_size=int(str(row[8])) if row[8] is not None else None,
        copy_sha256=str(row[9]) if row[9] is not None else None,
    )


def mandates(case: SealedTables) -> list[MandateRecord]:
    """Every mandate recorded in the case, oldest first (a case holds a handful)."""
    with case.connection() as conn:
        rows = conn.execute(
            "SELECT id, uid, kind, language, signed_on, recorded_at, revoked_on, clinic_blob,"
            " copy_size, copy_sha256, copy_name_blob FROM mandates ORDER BY id"
        ).fetchall()
    return [_record(case, tuple(row)) for row in rows]


def get_mandate(case: SealedTables, mandate_id: int) -> MandateRecord:
    for record in mandates(case):
        if record.id == mandate_id:
            return record
    raise LetterError(
        f"There is no mandate {mandate_id} in this case.",
        "List them with 'faceaudit mandate show --case NAME'.",
    )


def current_mandate(case: SealedTables) -> MandateRecord | None:
    """The mandate in force: the latest recorded, unless it was revoked."""
    every = mandates(case)
    if not every or every[-1].revoked_on is not None:
        return None
    return every[-1]


def revoke_mandate(case: SealedTables, on: dt.date, today: dt.date | None = None) -> MandateRecord:
    """The person revoked the mandate in force on ``on``: letters are theirs again."""
    record = current_mandate(case)
    if record is None:
        raise LetterError(
            "This case has no mandate in force to revoke.",
            "See what is recorded with 'faceaudit mandate show --case NAME'.",
        )
    if on < record.signed_on or on > (today or dt.date.today()):
        raise LetterError(
            f"The revocation date {on.isoformat()} is before the mandate was signed "
            f"({record.signed_on.isoformat()}) or in the future.",
            "Give the day the client revoked it (--date YYYY-MM-DD).",
        )
    with case.connection() as conn:
        conn.execute("UPDATE mandates SET revoked_on = ? WHERE id = ?", (on.isoformat(), record.id))
        case.record_action(MANDATE_REVOKED, mandate_id=record.id, revoked_on=on.isoformat())
    return get_mandate(case, record.id)


def mandate_copy(case: SealedTables, mandate_id: int) -> tuple[str, bytes] | None:
    """The signed copy kept with a mandate (file name and bytes, unsealed), or None."""
    with case.connection() as conn:
        row = conn.execute(
            "SELECT uid, copy_name_blob, copy_blob FROM mandates WHERE id = ?", (mandate_id,)
        ).fetchone()
    if row is None or row[2] is None:
        return None
    name = case.unseal(row[1], TABLE, "copy_name_blob", row[0]).decode("utf-8")
    return name, case.unseal(row[2], TABLE, "copy_blob", row[0])


def representative_for(case: SealedTables) -> Representative | None:
    """Who writes the case's letters for the person: the clinic of the mandate in force (its
    details as recorded with the mandate), or None when the letters are the person's own."""
    from faceaudit.letters.render import Representative

    record = current_mandate(case)
    if record is None:
        return None
    copy = mandate_copy(case, record.id)
    return Representative(
        name=record.clinic.name,
        address=record.clinic.address,
        email=record.clinic.email,
        kind=record.kind,
        signed_on=record.signed_on,
        document_name=copy[0] if copy else "",
        document=copy[1] if copy else None,
    )
