"""A clinic's key pair for hand-offs: one age X25519 identity, and a signing key drawn from it.

The key file is a standard age identity file (``age -d -i FILE`` and ``rage`` read it):
comments, then one ``AGE-SECRET-KEY-1...`` line. The Ed25519 key that signs a hand-off's
manifest is derived from that secret with HKDF-SHA256 under a FaceAudit label, so one secret
serves both and the file stays usable by other age implementations. Its public half is shown
as ``ed25519:BASE64`` and, to compare by phone, as a fingerprint (the first 16 bytes of its
SHA-256 in hex groups).
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path

import pyrage
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from faceaudit.handoff.errors import ClinicKeyError
from faceaudit.localfiles import read_capped
from faceaudit.persontext import single_line
from faceaudit.timestamps import utc_now

_SIGNING_LABEL = b"faceaudit/v1 clinic signing key"
_SIGNED_PREFIX = b"faceaudit-handoff-manifest/v1\x00"
MAX_KEY_FILE_BYTES = 64 * 1024
MAX_CLINIC_NAME = 120
SIGNING_KEY_PREFIX = "ed25519:"
_NAME_LINE = re.compile(r"#\s*clinic:\s*(.*)")
_HEX = re.compile(r"[0-9a-f]+")


def fingerprint(public_key: bytes) -> str:
    """What a person reads aloud to check a clinic's signing key: 8 groups of 4 hex digits."""
    digest = hashlib.sha256(public_key).hexdigest()[:32]
    return " ".join(digest[i : i + 4] for i in range(0, 32, 4))


def public_key_text(public_key: bytes) -> str:
    return SIGNING_KEY_PREFIX + base64.b64encode(public_key).decode("ascii")


def parse_public_key(text: str) -> bytes:
    """A signing public key from its ``ed25519:BASE64`` text."""
    body = text.strip().removeprefix(SIGNING_KEY_PREFIX)
    try:
        raw = base64.b64decode(body, validate=True)
    except (binascii.Error, ValueError):
        raw = b""
    if len(raw) != 32:
        raise ClinicKeyError(
            f"{text[:80]!r} is not a clinic signing key.",
            "Give the key as 'ed25519:...' or its fingerprint, as 'faceaudit clinic keygen' "
            "printed it.",
        )
    return raw


def signer_matches(wanted: str, public_key: bytes) -> bool:
    """Whether ``wanted`` (a key as ``ed25519:...`` or a fingerprint, any spacing) names it."""
    text = wanted.strip()
    if text.startswith(SIGNING_KEY_PREFIX):
        return parse_public_key(text) == public_key
    digits = "".join(text.lower().split()).replace("-", "").replace(":", "")
    return bool(_HEX.fullmatch(digits)) and digits == fingerprint(public_key).replace(" ", "")


def check_trust_text(wanted: str) -> str:
    """``--trust-signer``'s value, refused early when it is neither a key nor a fingerprint."""
    text = wanted.strip()
    if text.startswith(SIGNING_KEY_PREFIX):
        parse_public_key(text)
        return text
    digits = "".join(text.lower().split()).replace("-", "").replace(":", "")
    if not (_HEX.fullmatch(digits) and len(digits) == 32):
        raise ClinicKeyError(
            f"{text[:80]!r} is neither a clinic signing key nor its fingerprint.",
            "Give the sender's fingerprint (8 groups of 4 hex digits) or key ('ed25519:...').",
        )
    return text


def verify_signature(public_key: bytes, manifest: bytes, signature: bytes) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(public_key).verify(signature, _SIGNED_PREFIX + manifest)
    except (InvalidSignature, ValueError):
        return False
    return True


def parse_recipient(text: str) -> pyrage.x25519.Recipient:
    """An age X25519 public key (``age1...``) of a receiving clinic."""
    try:
        return pyrage.x25519.Recipient.from_str(text.strip())
    except (pyrage.RecipientError, ValueError) as error:
        raise ClinicKeyError(
            f"{text[:80]!r} is not an age public key ({error}).",
            "Ask the receiving clinic for the 'age1...' line that 'faceaudit clinic keygen' "
            "printed (or 'age-keygen -y' shows), and give it to --recipient.",
        ) from None


@dataclass(frozen=True)
class ClinicKey:
    """A clinic's secret key: it opens hand-offs sent to the clinic and signs those it sends."""

    identity: pyrage.x25519.Identity
    clinic: str = ""

    @classmethod
    def generate(cls, clinic: str = "") -> ClinicKey:
        # One line, no control characters: the name is written into the file's comments.
        name = single_line(clinic, "The clinic's name", MAX_CLINIC_NAME)
        return cls(pyrage.x25519.Identity.generate(), name)

    @property
    def recipient(self) -> str:
        return str(self.identity.to_public())

    def _signing_key(self) -> Ed25519PrivateKey:
        seed = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=_SIGNING_LABEL).derive(
            str(self.identity).encode("ascii")
        )
        return Ed25519PrivateKey.from_private_bytes(seed)

    @property
    def signing_public_key(self) -> bytes:
        return self._signing_key().public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.signing_public_key)

    def sign(self, manifest: bytes) -> bytes:
        return self._signing_key().sign(_SIGNED_PREFIX + manifest)

    def file_text(self) -> str:
        clinic = f"# clinic: {self.clinic}\n" if self.clinic else ""
        return (
            "# FaceAudit clinic key. Keep this file private: it opens the case hand-offs sent\n"
            "# to your clinic and signs the ones it sends. It is a standard age identity file.\n"
            f"# created: {utc_now()}\n"
            f"{clinic}"
            f"# public key (give it to clinics that send you cases): {self.recipient}\n"
            f"# signing key: {public_key_text(self.signing_public_key)}\n"
            f"# signing key fingerprint: {self.fingerprint}\n"
            f"{self.identity}\n"
        )

    def save(self, path: Path) -> None:
        """Write the key file 0600; an existing file is never overwritten."""
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            raise ClinicKeyError(
                f"{path} already exists; FaceAudit does not overwrite a key file.",
                "Choose another file name (losing a clinic key loses what was sent to it).",
            ) from None
        except OSError as error:
            raise ClinicKeyError(
                f"The key file {path} cannot be written: {error.strerror or error}.",
                "Choose a folder you can write to.",
            ) from error
        try:
            with os.fdopen(fd, "w", encoding="ascii") as handle:
                handle.write(self.file_text())
                handle.flush()
                os.fsync(handle.fileno())
        except BaseException:
            with contextlib.suppress(OSError):
                path.unlink()
            raise

    @classmethod
    def load(cls, path: str | Path) -> ClinicKey:
        """A clinic key file (or any age identity file holding one X25519 key)."""
        raw = read_capped(path, MAX_KEY_FILE_BYTES, role="clinic key file", error=ClinicKeyError)
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            text = ""
        secrets, clinic = [], ""
        for line in text.splitlines():
            line = line.strip()
            named = _NAME_LINE.fullmatch(line)
            if named:
                clinic = single_line(named.group(1)[:MAX_CLINIC_NAME], "clinic", MAX_CLINIC_NAME)
            elif line and not line.startswith("#"):
                secrets.append(line)
        if len(secrets) != 1 or not secrets[0].startswith("AGE-SECRET-KEY-1"):
            raise ClinicKeyError(
                f"{path} is not a clinic key file (it should hold one 'AGE-SECRET-KEY-1...' line).",
                "Give the file 'faceaudit clinic keygen' (or age-keygen) made.",
            )
        try:
            identity = pyrage.x25519.Identity.from_str(secrets[0])
        except (pyrage.IdentityError, ValueError) as error:
            raise ClinicKeyError(
                f"The key in {path} is damaged ({error}).", "Restore the key file from a backup."
            ) from None
        return cls(identity, clinic)
