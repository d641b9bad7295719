"""Hand-offs: a case exported to one encrypted file, and imported on another machine.

The file is age (age-encryption.org/v1, a published format with independent
implementations: age, rage, pyrage) encrypted to the receiving clinic's X25519 public keys or
to a passphrase (scrypt). Inside: a ustar tar holding a manifest signed by the sending
clinic (Ed25519), its signature, then the case's files. See docs/HANDOFF.md.
"""

from __future__ import annotations

from pathlib import Path

from faceaudit.handoff.errors import (
    ClinicKeyError,
    ConsentMissingError,
    DamagedHandoffError,
    HandoffCancelled,
    HandoffError,
    UntrustedSignerError,
    WrongKeyError,
)
from faceaudit.handoff.keys import ClinicKey
from faceaudit.paths import Paths, data_folder_error

DEFAULT_KEY_FILE = "handoff.key"


def default_key_path(paths: Paths) -> Path:
    """This installation's clinic key, used when no key file is named: ``<data>/clinic/``."""
    return paths.base / "clinic" / DEFAULT_KEY_FILE


def own_key(paths: Paths, *, create: bool) -> tuple[ClinicKey | None, bool]:
    """The installation's clinic key (made on first need when ``create``), and whether it was
    made just now."""
    path = default_key_path(paths)
    if path.exists():
        return ClinicKey.load(path), False
    if not create:
        return None, False
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        path.parent.chmod(0o700)
    except OSError as error:
        raise data_folder_error(error, path.parent) from error
    key = ClinicKey.generate()
    key.save(path)
    return key, True


def profile_name(paths: Paths) -> str:
    """The clinic profile's name ("" without a readable profile): the sender a manifest
    names when the key file names no clinic."""
    from faceaudit.clinic import load_profile
    from faceaudit.errors import FaceAuditError

    try:
        profile = load_profile(paths)
    except FaceAuditError:
        return ""
    return profile.name if profile is not None else ""


def signing_key(paths: Paths) -> ClinicKey:
    """The key that signs this installation's exports (made on first need), named after the
    clinic profile when the key file names no clinic."""
    import dataclasses

    key, _created = own_key(paths, create=True)
    assert key is not None
    return key if key.clinic else dataclasses.replace(key, clinic=profile_name(paths))


__all__ = [
    "DEFAULT_KEY_FILE",
    "ClinicKey",
    "ClinicKeyError",
    "ConsentMissingError",
    "DamagedHandoffError",
    "HandoffCancelled",
    "HandoffError",
    "UntrustedSignerError",
    "WrongKeyError",
    "default_key_path",
    "own_key",
    "profile_name",
    "signing_key",
]
