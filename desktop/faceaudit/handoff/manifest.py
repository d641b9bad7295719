"""The hand-off's manifest: what the file holds, for which case, from whom; signed by the sender.

The manifest is canonical JSON (sorted keys, no spaces, ASCII). Its signature (Ed25519, see
``keys``) is the archive's second member, as JSON naming the algorithm, the signer's public
key and the signature. Every field is checked when read: the file comes from outside.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from dataclasses import dataclass

from faceaudit import boundedjson
from faceaudit.handoff.container import FILE_NAME, MAX_FILE_BYTES, MAX_FILES
from faceaudit.handoff.errors import DamagedHandoffError
from faceaudit.handoff.keys import ClinicKey, fingerprint, verify_signature

FORMAT = "faceaudit-case-handoff"
VERSION = 1
_SHA256 = re.compile(r"[0-9a-f]{64}")
_CASE_ID = re.compile(r"[0-9a-f]{32}")
REQUIRED_FILES = ("case.key", "case.sqlite")


def _bad(why: str) -> DamagedHandoffError:
    return DamagedHandoffError(
        f"The hand-off file's manifest is damaged or was altered: {why}. Nothing was imported.",
        "Ask the sender for the file again.",
    )


@dataclass(frozen=True)
class FileEntry:
    name: str
    size: int
    sha256: str


@dataclass(frozen=True)
class Manifest:
    case_id: str
    case_name: str
    sender_clinic: str
    signing_key: bytes  # the sender's Ed25519 public key
    created_at: str
    faceaudit_version: str
    schema_version: int
    files: tuple[FileEntry, ...]

    @property
    def signer_fingerprint(self) -> str:
        return fingerprint(self.signing_key)

    @property
    def total_size(self) -> int:
        return sum(entry.size for entry in self.files)

    def to_bytes(self) -> bytes:
        document = {
            "format": FORMAT,
            "version": VERSION,
            "case_id": self.case_id,
            "case_name": self.case_name,
            "sender": {
                "clinic": self.sender_clinic,
                "signing_key": base64.b64encode(self.signing_key).decode("ascii"),
            },
            "created_at": self.created_at,
            "faceaudit_version": self.faceaudit_version,
            "schema_version": self.schema_version,
            "files": [{"name": f.name, "size": f.size, "sha256": f.sha256} for f in self.files],
        }
        return json.dumps(document, sort_keys=True, separators=(",", ":")).encode("ascii")

    @staticmethod
    def parse(raw: bytes) -> Manifest:
        try:
            document = boundedjson.loads(raw.decode("ascii"))
        except (UnicodeDecodeError, ValueError):
            raise _bad("it is not JSON") from None
        if not isinstance(document, dict) or document.get("format") != FORMAT:
            raise _bad("it is not a FaceAudit hand-off manifest")
        if document.get("version") != VERSION:
            raise DamagedHandoffError(
                f"The hand-off file has format version {document.get('version')!r}; this "
                f"FaceAudit reads version {VERSION}.",
                "Update FaceAudit, or ask the sender to export with the same version.",
            )
        sender = document.get("sender")
        files = document.get("files")
        if not isinstance(sender, dict) or not isinstance(files, list):
            raise _bad("its sender or file list is missing")
        try:
            key = base64.b64decode(str(sender.get("signing_key", "")), validate=True)
        except (binascii.Error, ValueError):
            key = b""
        if len(key) != 32:
            raise _bad("the sender's signing key is unreadable")
        entries = tuple(_entry(item) for item in files)
        names = [entry.name for entry in entries]
        if len(entries) > MAX_FILES or len(set(names)) != len(names):
            raise _bad("its file list is too long or names a file twice")
        if not all(name in names for name in REQUIRED_FILES):
            raise _bad("it lacks the case's database or key file")
        text = {k: document.get(k) for k in ("case_id", "case_name", "created_at")}
        text["clinic"] = sender.get("clinic")
        text["faceaudit_version"] = document.get("faceaudit_version")
        if not all(isinstance(v, str) and len(v) <= 200 for v in text.values()):
            raise _bad("one of its fields is not short text")
        schema = document.get("schema_version")
        if not _CASE_ID.fullmatch(str(text["case_id"])):
            raise _bad("its case id is unreadable")
        if not isinstance(schema, int) or isinstance(schema, bool) or not 0 < schema < 10_000:
            raise _bad("its case format version is unreadable")
        return Manifest(
            case_id=str(text["case_id"]),
            case_name=str(text["case_name"]),
            sender_clinic=str(text["clinic"]),
            signing_key=key,
            created_at=str(text["created_at"]),
            faceaudit_version=str(text["faceaudit_version"]),
            schema_version=schema,
            files=entries,
        )


def _entry(item: object) -> FileEntry:
    if not isinstance(item, dict):
        raise _bad("a file entry is not an object")
    name, size, digest = item.get("name"), item.get("size"), item.get("sha256")
    if not (isinstance(name, str) and FILE_NAME.fullmatch(name) and not name.endswith(".")):
        raise _bad("a file entry names a path or an odd name")
    if not isinstance(size, int) or isinstance(size, bool) or not 0 <= size <= MAX_FILE_BYTES:
        raise _bad(f"the size of {name} is unreadable")
    if not isinstance(digest, str) or not _SHA256.fullmatch(digest):
        raise _bad(f"the SHA-256 of {name} is unreadable")
    return FileEntry(name, size, digest)


def signature_document(key: ClinicKey, manifest: bytes) -> bytes:
    document = {
        "algorithm": "ed25519",
        "public_key": base64.b64encode(key.signing_public_key).decode("ascii"),
        "signature": base64.b64encode(key.sign(manifest)).decode("ascii"),
    }
    return json.dumps(document, sort_keys=True, separators=(",", ":")).encode("ascii")


def check_signature(manifest: Manifest, raw_manifest: bytes, raw_signature: bytes) -> None:
    """The signature must be the manifest's own signer's, over these exact bytes."""
    try:
        document = boundedjson.loads(raw_signature.decode("ascii"))
        if not isinstance(document, dict) or document.get("algorithm") != "ed25519":
            raise ValueError("not an Ed25519 signature")
        public_key = base64.b64decode(str(document.get("public_key")), validate=True)
        signature = base64.b64decode(str(document.get("signature")), validate=True)
    except (UnicodeDecodeError, ValueError, binascii.Error):
        raise _bad("its signature is unreadable") from None
    if public_key != manifest.signing_key or not verify_signature(
        public_key, raw_manifest, signature
    ):
        raise _bad("its signature does not match its contents")
