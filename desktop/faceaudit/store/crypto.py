"""Keys and authenticated encryption for a case.

Each case has a random 256-bit data key. Biometric values (reference photos, embeddings,
face thumbnails, evidence images) and the person's details are sealed with AES-256-GCM
under that key; the associated data names the case, the table, the column and the row,
so a ciphertext copied into another row, table or case fails its integrity check instead
of decrypting into the wrong place.

The data key itself is stored only wrapped (AES-GCM again) under a key derived from the
person's passphrase with scrypt, under a clinic's master key (:mod:`faceaudit.store.clinic`),
or both. The KDF parameters travel with the wrapped key, so a case created with today's
default still opens after the default is raised.
"""

from __future__ import annotations

import base64
import json
import os
import re
import secrets
import unicodedata
from dataclasses import asdict, dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, hmac
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from faceaudit.errors import coded
from faceaudit.store.errors import (
    CorruptCaseError,
    TamperedDataError,
    WeakPassphraseError,
    WrongPassphraseError,
)

KEY_BYTES = 32
NONCE_BYTES = 12
SALT_BYTES = 16
BLOB_VERSION = 1  # first byte of every sealed value, so the format can change later
KEYFILE_FORMAT = "faceaudit-case-key"
KEYFILE_VERSION = 1  # own passphrase only, fields at the top level
KEYFILE_CLINIC_VERSION = 2  # "own" and/or "clinic" wraps
MIN_PASSPHRASE_CHARS = 8


@dataclass(frozen=True)
class KdfParams:
    """scrypt cost. The default is OWASP's minimum (N=2^17, r=8, p=1: 128 MiB, ~0.3 s).

    Tests pass a cheaper instance explicitly to :class:`~faceaudit.store.CaseStore`; the
    default is never lowered.
    """

    n: int = 2**17
    r: int = 8
    p: int = 1

    def validate(self) -> None:
        # Parameters read from a key file are untrusted: a huge N would exhaust memory.
        power_of_two = self.n > 1 and self.n & (self.n - 1) == 0
        if not (
            power_of_two and 2**10 <= self.n <= 2**22 and 1 <= self.r <= 32 and 1 <= self.p <= 16
        ):
            raise CorruptCaseError(
                "The case's key file has key-derivation settings FaceAudit does not accept.",
                "The key file was altered or damaged; restore the case folder from a backup.",
            )

    def derive(self, passphrase: str, salt: bytes) -> bytes:
        self.validate()
        kdf = Scrypt(salt=salt, length=KEY_BYTES, n=self.n, r=self.r, p=self.p)
        return kdf.derive(utf8_passphrase(passphrase))


def utf8_passphrase(passphrase: str) -> bytes:
    try:
        return passphrase.encode("utf-8")
    except UnicodeEncodeError:
        # Python keeps bytes that are not UTF-8 (from a terminal, a variable) as lone
        # surrogates, which have no UTF-8 form.
        raise WeakPassphraseError(
            "The passphrase contains bytes that are not UTF-8 text.",
            "Type it again in a UTF-8 terminal, or save the passphrase file as UTF-8.",
        ) from None


def passphrase_forms(passphrase: str) -> list[str]:
    """The forms to try, NFC first: the same text typed on two systems can come as composed
    (NFC, 'é') or decomposed (NFD, 'e' + accent) characters. New key files derive from NFC;
    one written before passphrases were normalised derives from the text as it was typed."""
    composed = unicodedata.normalize("NFC", passphrase)
    decomposed = unicodedata.normalize("NFD", passphrase)
    return list(dict.fromkeys((composed, passphrase, decomposed)))


DEFAULT_KDF = KdfParams()


def new_data_key() -> bytes:
    return secrets.token_bytes(KEY_BYTES)


def aad(case_id: str, table: str, column: str, row_key: str) -> bytes:
    """The associated data binding a sealed value to one cell of one case."""
    return f"faceaudit/v1\x00{case_id}\x00{table}\x00{column}\x00{row_key}".encode()


class Sealer:
    """Seals and opens the values of one case with its data key."""

    def __init__(self, case_id: str, data_key: bytes) -> None:
        self.case_id = case_id
        self._aead = AESGCM(data_key)
        # A separate key for the audit log's HMAC chain (never the data key itself).
        self._audit_key = HKDF(
            algorithm=hashes.SHA256(),
            length=KEY_BYTES,
            salt=None,
            info=f"faceaudit/v1\x00audit-log\x00{case_id}".encode(),
        ).derive(data_key)

    def audit_mac(self, message: bytes) -> str:
        """HMAC-SHA256 of ``message`` under the case's audit key, as hex (see store.audit)."""
        mac = hmac.HMAC(self._audit_key, hashes.SHA256())
        mac.update(message)
        return mac.finalize().hex()

    def seal(self, plaintext: bytes, table: str, column: str, row_key: str) -> bytes:
        nonce = os.urandom(NONCE_BYTES)  # random 96-bit nonces: safe far beyond a case's size
        sealed = self._aead.encrypt(nonce, plaintext, aad(self.case_id, table, column, row_key))
        return bytes([BLOB_VERSION]) + nonce + sealed

    def open(self, blob: bytes, table: str, column: str, row_key: str) -> bytes:
        if len(blob) < 1 + NONCE_BYTES + 16 or blob[0] != BLOB_VERSION:
            raise _tampered(table, column)
        nonce = blob[1 : 1 + NONCE_BYTES]
        try:
            return self._aead.decrypt(
                nonce, blob[1 + NONCE_BYTES :], aad(self.case_id, table, column, row_key)
            )
        except InvalidTag:
            raise _tampered(table, column) from None


def _tampered(table: str, column: str) -> TamperedDataError:
    return TamperedDataError(
        f"An encrypted value ({table}.{column}) failed its integrity check: the case file was "
        "altered, damaged, or a value was moved between rows.",
        "Nothing was decrypted from it. Restore the case folder from a backup, or delete the "
        "affected item and add it again.",
    )


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: object) -> bytes:
    if not isinstance(text, str):
        raise ValueError("not base64 text")
    return base64.b64decode(text, validate=True)


def _wrap_aad(case_id: str) -> bytes:
    return f"faceaudit/v1\x00key\x00{case_id}".encode()


def _clinic_wrap_aad(clinic_id: str, case_id: str) -> bytes:
    return f"faceaudit/v1\x00clinic-wrap\x00{clinic_id}\x00{case_id}".encode()


def _check_lengths(*pairs: tuple[bytes, int]) -> None:
    # Lengths this version writes; anything else is damage (AES-GCM would raise a bare
    # ValueError on a bad nonce, and a bad salt would pass for a wrong passphrase).
    if any(len(value) != size for value, size in pairs):
        raise ValueError("misshapen key file values")


@dataclass(frozen=True)
class PassphraseWrap:
    """The data key sealed under a key derived from the case's own passphrase (scrypt)."""

    kdf: KdfParams
    salt: bytes
    nonce: bytes
    wrapped_key: bytes

    @classmethod
    def make(cls, case_id: str, data_key: bytes, passphrase: str, kdf: KdfParams) -> PassphraseWrap:
        salt = secrets.token_bytes(SALT_BYTES)
        nonce = secrets.token_bytes(NONCE_BYTES)
        kek = kdf.derive(unicodedata.normalize("NFC", passphrase), salt)
        return cls(kdf, salt, nonce, AESGCM(kek).encrypt(nonce, data_key, _wrap_aad(case_id)))

    def fields(self) -> dict[str, object]:
        return {
            "kdf": {"name": "scrypt", **asdict(self.kdf)},
            "salt": b64(self.salt),
            "nonce": b64(self.nonce),
            "wrapped_key": b64(self.wrapped_key),
        }

    @classmethod
    def from_fields(cls, document: dict[str, object]) -> PassphraseWrap:
        kdf_doc = document["kdf"]
        if not isinstance(kdf_doc, dict) or kdf_doc.get("name") != "scrypt":
            raise ValueError("unknown KDF")
        kdf = KdfParams(n=int(kdf_doc["n"]), r=int(kdf_doc["r"]), p=int(kdf_doc["p"]))
        wrap = cls(
            kdf, unb64(document["salt"]), unb64(document["nonce"]), unb64(document["wrapped_key"])
        )
        _check_lengths(
            (wrap.salt, SALT_BYTES), (wrap.nonce, NONCE_BYTES), (wrap.wrapped_key, KEY_BYTES + 16)
        )
        return wrap

    def unwrap(self, case_id: str, passphrase: str) -> bytes | None:
        """The data key, or None for another passphrase (one scrypt run per form tried)."""
        for form in passphrase_forms(passphrase):
            kek = self.kdf.derive(form, self.salt)
            try:
                return AESGCM(kek).decrypt(self.nonce, self.wrapped_key, _wrap_aad(case_id))
            except InvalidTag:
                continue
        return None


@dataclass(frozen=True)
class ClinicWrap:
    """The data key sealed under the clinic master key (:mod:`faceaudit.store.clinic`); the
    associated data names the clinic and the case, so a wrap moved to another case fails."""

    clinic_id: str
    nonce: bytes
    wrapped_key: bytes

    @classmethod
    def make(cls, clinic_id: str, master_key: bytes, case_id: str, data_key: bytes) -> ClinicWrap:
        nonce = secrets.token_bytes(NONCE_BYTES)
        sealed = AESGCM(master_key).encrypt(nonce, data_key, _clinic_wrap_aad(clinic_id, case_id))
        return cls(clinic_id, nonce, sealed)

    def fields(self) -> dict[str, object]:
        return {
            "clinic_id": self.clinic_id,
            "nonce": b64(self.nonce),
            "wrapped_key": b64(self.wrapped_key),
        }

    @classmethod
    def from_fields(cls, document: dict[str, object]) -> ClinicWrap:
        wrap = cls(
            str(document["clinic_id"]), unb64(document["nonce"]), unb64(document["wrapped_key"])
        )
        if not re.fullmatch("[0-9a-f]{32}", wrap.clinic_id):
            raise ValueError("not a clinic id")
        _check_lengths((wrap.nonce, NONCE_BYTES), (wrap.wrapped_key, KEY_BYTES + 16))
        return wrap

    def unwrap(self, master_key: bytes, case_id: str) -> bytes | None:
        try:
            return AESGCM(master_key).decrypt(
                self.nonce, self.wrapped_key, _clinic_wrap_aad(self.clinic_id, case_id)
            )
        except InvalidTag:
            return None


@dataclass(frozen=True)
class KeyFile:
    """``case.key``: the case's id and its data key under the case's own passphrase, the
    clinic master key, or both.

    Version 1 (every key file before clinics, and still every case with only its own
    passphrase) keeps the own wrap's fields at the top level. Version 2 holds ``own`` and
    ``clinic`` objects, either of which may be absent (not both); an older FaceAudit
    refuses it without changing it.
    """

    case_id: str
    own: PassphraseWrap | None = None
    clinic: ClinicWrap | None = None

    def render(self) -> bytes:
        document: dict[str, object] = {"format": KEYFILE_FORMAT}
        if self.clinic is None and self.own is not None:
            document |= {"version": KEYFILE_VERSION, "case_id": self.case_id, **self.own.fields()}
        elif self.own is None and self.clinic is None:
            raise ValueError("a key file needs at least one wrap of the data key")
        else:
            document |= {"version": KEYFILE_CLINIC_VERSION, "case_id": self.case_id}
            if self.own is not None:
                document["own"] = self.own.fields()
            if self.clinic is not None:
                document["clinic"] = self.clinic.fields()
        return (json.dumps(document, indent=1) + "\n").encode("utf-8")

    @classmethod
    def parse(cls, raw: bytes) -> KeyFile:
        try:
            document = json.loads(raw.decode("utf-8"))
            if document.get("format") != KEYFILE_FORMAT:
                raise ValueError("not a FaceAudit key file")
            case_id = str(document["case_id"])
            version = document.get("version")
            if version == KEYFILE_VERSION:
                parsed = cls(case_id, own=PassphraseWrap.from_fields(document))
            elif version == KEYFILE_CLINIC_VERSION:
                own, clinic = document.get("own"), document.get("clinic")
                parsed = cls(
                    case_id,
                    own=None if own is None else PassphraseWrap.from_fields(own),
                    clinic=None if clinic is None else ClinicWrap.from_fields(clinic),
                )
                if parsed.own is None and parsed.clinic is None:
                    raise ValueError("no wrap of the data key")
            else:
                raise ValueError("unknown key file version")
        except (ValueError, KeyError, TypeError, AttributeError, UnicodeDecodeError):
            raise CorruptCaseError(
                "The case's key file is damaged or is not a FaceAudit key file.",
                "Restore the case folder from a backup; without its key file the case cannot "
                "be opened.",
            ) from None
        if parsed.own is not None:
            parsed.own.kdf.validate()
        return parsed

    def unwrap(self, passphrase: str) -> bytes:
        """The data key from the case's own passphrase (the clinic's: CaseStore.unlock)."""
        key = None if self.own is None else self.own.unwrap(self.case_id, passphrase)
        if key is None:
            raise wrong_case_passphrase()
        return key


def wrong_case_passphrase() -> WrongPassphraseError:
    wrong = WrongPassphraseError(
        "The passphrase does not unlock this case.",
        "Check the passphrase (it is case-sensitive) and try again. FaceAudit cannot "
        "recover a forgotten passphrase: the case's biometric data stays locked "
        "without it.",
    )
    return coded(wrong, "wrong-passphrase")


def wrap_key(case_id: str, data_key: bytes, passphrase: str, kdf: KdfParams) -> bytes:
    """A version 1 key file's bytes: the data key sealed under the case's own passphrase."""
    return KeyFile(case_id, own=PassphraseWrap.make(case_id, data_key, passphrase, kdf)).render()
