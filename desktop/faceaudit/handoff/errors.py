"""What can go wrong with a hand-off file, each with what happened and what to do."""

from __future__ import annotations

from faceaudit.errors import FaceAuditError


class HandoffError(FaceAuditError):
    """A case cannot be exported to, or imported from, a hand-off file."""


class ClinicKeyError(HandoffError):
    """A clinic key file, or an age public key, cannot be used."""


class WrongKeyError(HandoffError):
    """The identity or export passphrase given does not open the hand-off file."""


class DamagedHandoffError(HandoffError):
    """The hand-off file is truncated, altered, or not a FaceAudit hand-off at all."""


class UntrustedSignerError(HandoffError):
    """The file was signed by a clinic key other than the one(s) the person said to trust."""


class ConsentMissingError(HandoffError):
    """An export was asked for without the client's recorded consent to the transfer."""


class HandoffCancelled(HandoffError):
    """The person stopped the export or import; nothing was kept."""
